//! The fixed parts of the Gevinster views as constant markup. They hold no
//! runtime data at all (user text is only ever set as text content or as
//! a field's value); building them from markup keeps the release build far
//! smaller than element-by-element code. The tests check them against the
//! model's keys and labels.

/// Options of the benefit types (keys and labels of `BenefitType`).
macro_rules! type_options {
    () => {
        concat!(
            r#"<option value="okonomisk-raderum">Økonomisk råderum</option>"#,
            r#"<option value="kvalitet">Kvalitet</option>"#,
            r#"<option value="service">Service</option>"#,
            r#"<option value="trivsel">Trivsel</option>"#
        )
    };
}

/// Options of benefit or negative effect (keys and labels of `BenefitKind`).
macro_rules! kind_options {
    () => {
        r#"<option value="gevinst">Gevinst</option><option value="ulempe">Ulempe</option>"#
    };
}

/// Options of the map's columns (keys and singular names of `Column`).
macro_rules! column_options {
    () => {
        concat!(
            r#"<option value="leverance">Leverance</option><option value="forandring">Forandring</option>"#,
            r#"<option value="effekt">Effekt</option><option value="gevinst">Gevinst</option><option value="maal">Mål</option>"#
        )
    };
}

/// The profiles tab: checks, summary, the new-profile form, the register
/// and the slot of the editor.
pub const PROFILES: &str = concat!(
    r#"<div class="list-column">"#,
    r#"<section class="benefit-checks" aria-labelledby="checks-heading" hidden></section>"#,
    r#"<section class="benefit-summary" aria-labelledby="summary-heading"><h2 id="summary-heading">Gevinster pr. type</h2>"#,
    r#"<div class="table-scroll"><table class="summary-table"><thead><tr><th scope="col">Type (KL)</th><th scope="col">Gevinster</th>"#,
    r#"<th scope="col">Ulemper</th><th scope="col">Med målinger</th><th scope="col">Gns. fremdrift</th>"#,
    r#"<th scope="col">Forventet pr. år</th><th scope="col">Målt pr. år</th></tr></thead><tbody></tbody></table></div>"#,
    r#"<p class="hint">Gns. fremdrift er gevinsternes gennemsnitlige fremdrift fra baseline mod mål; ulemper tæller ikke med i den. Beløb i kr. tælles for gevinster af typen Økonomisk råderum med enheden «kr. pr. år»: forventet er afstanden fra baseline til mål, målt er afstanden fra baseline til seneste måling. Ulemper trækkes fra.</p></section>"#,
    r#"<section class="benefit-list-section" aria-labelledby="profiles-heading"><h2 id="profiles-heading">Gevinstprofiler</h2>"#,
    r#"<button type="button" class="primary" data-act="new-open" aria-expanded="false">+ Ny gevinst</button>"#,
    r#"<form class="add-form" data-form="new-benefit" aria-label="Ny gevinst" hidden>"#,
    r#"<label>Navn<input type="text" name="new-benefit-name" maxlength="200"></label>"#,
    r#"<label>Type<select name="new-benefit-type">"#,
    type_options!(),
    r#"</select></label><label>Gevinst eller ulempe<select name="new-benefit-kind">"#,
    kind_options!(),
    r#"</select></label><p class="hint type-explanation">Skabes ved højere produktivitet (flere ydelser pr. forbrugt krone) og højere effektivitet (bedre resultater for pengene)</p>"#,
    r#"<button type="submit" class="primary">Opret gevinst</button><button type="button" class="secondary" data-act="new-cancel">Annullér</button>"#,
    r#"<p class="error new-error" role="alert" hidden></p></form>"#,
    r#"<p class="empty">Ingen gevinstprofiler endnu. Opret den første med «+ Ny gevinst», eller fra en gevinst i gevinstdiagrammet.</p>"#,
    r#"<ul class="benefit-list"></ul></section></div><div class="editor-slot"></div>"#,
);

/// A text field of the editor.
macro_rules! text {
    ($label:literal, $name:literal) => {
        concat!(
            "<label>",
            $label,
            r#"<input type="text" maxlength="300" name=""#,
            $name,
            r#""></label>"#
        )
    };
}

/// A text area of the editor.
macro_rules! area {
    ($label:literal, $name:literal) => {
        concat!(
            "<label>",
            $label,
            r#"<textarea rows="2" name=""#,
            $name,
            r#""></textarea></label>"#
        )
    };
}

/// A Danish number or date field with its error line.
macro_rules! commit {
    ($label:literal, $name:literal, $hint:literal) => {
        concat!(
            r#"<label class="commit-field">"#,
            $label,
            r#"<input type="text" autocomplete="off" name=""#,
            $name,
            r#"" placeholder=""#,
            $hint,
            r#""><span class="field-error" role="alert" hidden data-for=""#,
            $name,
            r#""></span></label>"#
        )
    };
}

/// The profile editor (links and measurements are added by code).
pub const EDITOR: &str = concat!(
    r#"<aside class="editor benefit-editor" role="region" aria-labelledby="benefit-editor-heading">"#,
    r#"<div class="editor-head"><h2 id="benefit-editor-heading">Gevinstprofil</h2>"#,
    r#"<button type="button" class="icon" data-act="close" aria-label="Luk gevinstprofilen">×</button></div>"#,
    r#"<p class="error editor-error" role="alert" hidden></p><form class="editor-form" data-form="profile">"#,
    text!("Navn", "name"),
    r#"<div class="row"><label>Type<select name="type">"#,
    type_options!(),
    r#"</select></label><label>Gevinst eller ulempe<select name="kind">"#,
    kind_options!(),
    r#"</select></label></div><p class="hint type-explanation"></p>"#,
    area!("Beskrivelse", "description"),
    r#"<div class="row">"#,
    text!("Gevinstejer", "owner"),
    text!("Gevinstansvarlig (direktør)", "accountable"),
    r#"</div><div class="row">"#,
    text!("Indikator", "indicator"),
    r#"<label>Enhed<input type="text" maxlength="300" name="unit" list="unit-suggestions"></label>"#,
    r#"<datalist id="unit-suggestions"><option value="kr. pr. år"><option value="timer pr. måned"><option value="dages svartid">"#,
    r#"<option value="tilfredshedsscore (1-5)"><option value="procent"><option value="antal sager pr. måned"></datalist></div>"#,
    r#"<fieldset class="value-date"><legend>Baseline</legend>"#,
    commit!("Værdi", "baseline", "fx 1.234,5"),
    commit!("Dato", "baseline-date", "dd.mm.åååå"),
    r#"</fieldset><fieldset class="value-date"><legend>Mål</legend>"#,
    commit!("Værdi", "target", "fx 1.234,5"),
    commit!("Dato", "target-date", "dd.mm.åååå"),
    r#"</fieldset><div class="row">"#,
    area!("Målemetode", "method"),
    r#"<label>Målefrekvens<select name="frequency"><option value="">Ikke fastlagt</option><option value="maanedlig">Månedlig</option>"#,
    r#"<option value="kvartalsvis">Kvartalsvis</option><option value="halvaarlig">Halvårlig</option><option value="aarlig">Årlig</option>"#,
    r#"</select></label></div></form>"#,
    r#"<section class="measurements" aria-labelledby="measurements-heading"><h3 id="measurements-heading">Målinger og fremdrift</h3>"#,
    r#"<div class="progress big"><span class="progress-bar"></span></div><p class="progress-summary"></p><p class="next-measurement"></p>"#,
    r#"<div class="chart-box hint"></div><p class="chart-legend hint" aria-hidden="true"><span>■ baseline</span>"#,
    r#"<span class="legend-measured">● målinger</span><span class="legend-target">○ mål</span><span>--- forventet forløb</span></p>"#,
    r#"<div class="table-scroll"><table class="measurement-table"><caption class="sr-only">Målinger, nyeste først</caption><thead><tr><th scope="col">Dato</th>"#,
    r#"<th scope="col">Værdi</th><th scope="col">Målt af</th><th scope="col">Kommentar</th><th scope="col"><span class="sr-only">Handlinger</span></th></tr></thead><tbody></tbody></table></div>"#,
    r#"<form class="measurement-form" data-form="measurement" aria-label="Registrér måling"><div class="row">"#,
    r#"<label>Dato (dd.mm.åååå)<input type="text" name="measurement-date"></label>"#,
    r#"<label>Værdi<input type="text" name="measurement-value" inputmode="decimal" placeholder="fx 1.234,5"></label>"#,
    r#"<label>Målt af<input type="text" name="measurement-by" maxlength="200"></label></div>"#,
    r#"<label>Kommentar<input type="text" name="measurement-comment" maxlength="500"></label>"#,
    r#"<p class="error measurement-error" role="alert" hidden></p><div class="form-actions">"#,
    r#"<button type="submit" class="primary">Registrér måling</button><button type="button" data-act="m-cancel" hidden>Annullér</button></div></form></section>"#,
    r#"<div class="editor-actions"><button type="button" class="danger" data-act="delete">Slet gevinst</button>"#,
    r#"<button type="button" class="primary" data-act="close">Luk</button></div></aside>"#,
);

/// The map tab (its style sheet is added by code).
pub const MAP: &str = concat!(
    r#"<div class="map-tools"><form class="add-node" data-form="add-node" aria-label="Tilføj knude">"#,
    r#"<label>Kolonne<select name="add-node-column">"#,
    column_options!(),
    r#"</select></label><label>Titel<input type="text" name="add-node-title" maxlength="200"></label>"#,
    r#"<button type="submit" class="primary">Tilføj knude</button><p class="error" role="alert" hidden></p></form>"#,
    r#"<form class="add-arrow" data-form="add-arrow" aria-label="Tilføj pil"><label>Pil fra<select name="add-arrow-from"></select></label>"#,
    r#"<label>til<select name="add-arrow-to"></select></label><button type="submit">Tilføj pil</button><p class="error" role="alert" hidden></p></form>"#,
    r#"<div class="map-downloads" role="group" aria-label="Download og udskriv"><button type="button" data-act="svg">Download SVG</button>"#,
    r#"<button type="button" data-act="png">Download PNG</button><button type="button" data-act="print">Udskriv</button></div></div>"#,
    r#"<p class="hint">Læs diagrammet fra venstre mod højre. Vælg en knude (klik, eller Tab og Enter) for at fremhæve alt, den afhænger af, og alt, der afhænger af den; Tab går derfra til knudens felter, og Esc fjerner markeringen.</p>"#,
    r#"<div class="map-layout"><div class="map-canvas"></div><div class="panel-slot"></div></div>"#,
);

/// The panel of a map node (links are added by code).
pub const PANEL: &str = concat!(
    r#"<aside class="editor node-panel" role="region" aria-labelledby="node-panel-heading">"#,
    r#"<div class="editor-head"><h2 id="node-panel-heading"></h2><button type="button" class="icon" data-act="close-node" aria-label="Luk knuden">×</button></div>"#,
    r#"<p class="error panel-error" role="alert" hidden></p><form class="editor-form" data-form="node">"#,
    r#"<label>Titel<input type="text" name="node-title" maxlength="200"></label>"#,
    r#"<label>Beskrivelse<textarea name="node-description" rows="2"></textarea></label>"#,
    r#"<label>Kolonne<select name="node-column">"#,
    column_options!(),
    r#"</select></label></form><section class="node-arrows" aria-label="Pile"><h3>Pile</h3><ul class="arrow-list"></ul></section>"#,
    r#"<section class="chain-activities" aria-labelledby="chain-heading"><h3 id="chain-heading">Aktiviteter bag kæden</h3><ul class="chain-list"></ul></section>"#,
    r#"<div class="editor-actions"><button type="button" class="danger" data-act="node-remove">Fjern knude</button>"#,
    r#"<button type="button" class="primary" data-act="close-node">Luk</button></div></aside>"#,
);

/// The benefit profile choice of a Gevinst node.
pub const PROFILE_LINK: &str = concat!(
    r#"<fieldset class="links profile-link"><legend>Gevinstprofil</legend><label>Koblet til<select name="node-benefit"></select></label>"#,
    r#"<button type="button" data-act="profile"></button></fieldset>"#,
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BenefitKind, BenefitType, Column, Frequency, UNIT_SUGGESTIONS};

    #[test]
    fn select_options_are_the_models_keys_and_labels() {
        for t in BenefitType::ALL {
            let option = format!(r#"<option value="{}">{}</option>"#, t.key(), t.label());
            assert!(
                PROFILES.contains(&option) && EDITOR.contains(&option),
                "{option}"
            );
        }
        assert!(PROFILES.contains(BenefitType::OekonomiskRaaderum.explanation()));
        for k in [BenefitKind::Gevinst, BenefitKind::Ulempe] {
            let option = format!(r#"<option value="{}">{}</option>"#, k.key(), k.label());
            assert!(
                PROFILES.contains(&option) && EDITOR.contains(&option),
                "{option}"
            );
        }
        for f in Frequency::ALL {
            assert!(EDITOR.contains(&format!(
                r#"<option value="{}">{}</option>"#,
                f.key(),
                f.label()
            )));
        }
        for u in UNIT_SUGGESTIONS {
            assert!(EDITOR.contains(&format!(r#"<option value="{u}">"#)));
        }
        for c in Column::ALL {
            let option = format!(r#"<option value="{}">{}</option>"#, c.key(), c.singular());
            assert!(MAP.contains(&option) && PANEL.contains(&option), "{option}");
        }
    }

    #[test]
    fn templates_are_balanced_markup_without_scripts() {
        for t in [PROFILES, EDITOR, MAP, PANEL, PROFILE_LINK] {
            for tag in [
                "div", "form", "label", "section", "select", "fieldset", "table", "p", "button",
                "ul", "aside",
            ] {
                let open =
                    t.matches(&format!("<{tag}>")).count() + t.matches(&format!("<{tag} ")).count();
                assert_eq!(
                    open,
                    t.matches(&format!("</{tag}>")).count(),
                    "<{tag}> in {}",
                    &t[..40]
                );
            }
            assert!(!t.contains("<script"), "no scripts");
            // No event handler attributes (on…=).
            for rest in t.split(" on").skip(1) {
                let name_end = rest.trim_start_matches(|c: char| c.is_ascii_alphabetic());
                assert!(
                    !(name_end.len() < rest.len() && name_end.starts_with('=')),
                    "handler in {rest:.30}"
                );
            }
        }
    }
}
