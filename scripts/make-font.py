#!/usr/bin/env python3
"""Makes public/fonts/implan-sans*.woff2: Liberation Sans 2 (SIL Open Font
License 1.1, Debian package fonts-liberation2) cut down to the characters
the timeline's SVG export uses and renamed "Implan Sans". The export embeds
it so the file looks the same everywhere. Needs fonttools and brotli
(pip install fonttools brotli). Run from the repository root."""
from fontTools import subset
from fontTools.ttLib import TTFont

CHARS = "U+0020-007E,U+00A0-00FF,U+2013,U+2014,U+2018,U+2019,U+201C,U+201D,U+2026,U+2190-2193,U+25B8,U+25BE"
SRC = "/usr/share/fonts/truetype/liberation2/LiberationSans-{}.ttf"

for style, out in [("Regular", "implan-sans"), ("Bold", "implan-sans-bold")]:
    font = TTFont(SRC.format(style))
    options = subset.Options()
    options.flavor = "woff2"
    options.hinting = False
    options.layout_features = ["kern", "liga"]
    sub = subset.Subsetter(options)
    sub.populate(unicodes=subset.parse_unicodes(CHARS))
    sub.subset(font)
    for record in font["name"].names:
        # The OFL reserves the name "Liberation" for the original fonts.
        names = {1: "Implan Sans", 3: f"Implan Sans {style}", 4: f"Implan Sans {style}", 6: f"ImplanSans-{style}", 16: "Implan Sans"}
        if record.nameID in names:
            record.string = names[record.nameID]
    font.flavor = "woff2"
    font.save(f"public/fonts/{out}.woff2")
