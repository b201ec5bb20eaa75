//! Plan links: a whole plan carried in the URL fragment, so it never
//! reaches a server (browsers do not send the fragment).
//!
//! A link is `<app address>#/del/<payload>`, where the payload is the plan
//! file (the same JSON as the export, written by [`super::to_json`])
//! compressed with raw DEFLATE (the browser's `CompressionStream`) and
//! written in base64url without padding. Opening a link decodes the
//! payload, inflates it and reads it through [`super::parse`], so a broken
//! link gets the same Danish messages as a broken file.

use std::fmt;

use super::ImportError;

/// The fragment that starts a plan link, before the payload.
pub const LINK_PREFIX: &str = "#/del/";

/// Longest payload accepted, in characters (32 KiB). Chromium handles
/// URLs up to 2 MB, but mail programs, chat tools and ticket systems
/// break or cut long links; 32 KiB still holds the 142-activity template
/// plan with plenty of room (about 9 KiB, see docs/HOSTING.md).
pub const MAX_LINK_PAYLOAD: usize = 32 * 1024;

/// Why a link could not be opened or made, in Danish.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkError {
    /// The payload is longer than [`MAX_LINK_PAYLOAD`].
    TooLong {
        /// Length of the payload in characters.
        chars: usize,
    },
    /// The payload holds characters that base64url does not use, or is cut.
    BadCharacters,
    /// The payload does not inflate: the link is cut or altered.
    Damaged,
    /// The inflated payload is not text.
    NotText,
    /// The plan inside does not read.
    Import(ImportError),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::TooLong { chars } => write!(
                f,
                "Linket er for langt ({} tegn; et plan-link må højst fylde {} tegn). Så store planer deles bedst som fil: eksportér planen under Mine planer (Eksportér plan (.implan.json)) og send filen.",
                thousands(*chars),
                thousands(MAX_LINK_PAYLOAD)
            ),
            LinkError::BadCharacters => f.write_str(
                "Linket er ikke et gyldigt plan-link: det indeholder tegn, som ikke hører til, eller er blevet afkortet. Kopiér hele linket igen, eller bed om planen som fil.",
            ),
            LinkError::Damaged => f.write_str(
                "Linket er beskadiget eller afkortet, så planen kan ikke pakkes ud. Kopiér hele linket igen, eller bed om planen som fil.",
            ),
            LinkError::NotText => f.write_str(
                "Linket indeholder ikke en Implan-plan. Bed om planen som fil i stedet.",
            ),
            LinkError::Import(e) => write!(f, "Planen i linket kan ikke læses: {e}"),
        }
    }
}

/// `n` with '.' between thousands, the Danish way (32.768).
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// The payload of a plan link in `hash` (the URL fragment with its '#'),
/// or `None` when the fragment is not a plan link.
pub fn payload_of(hash: &str) -> Option<&str> {
    hash.strip_prefix(LINK_PREFIX)
}

/// Refuses payloads longer than [`MAX_LINK_PAYLOAD`].
pub fn check_length(payload: &str) -> Result<(), LinkError> {
    let chars = payload.len();
    if chars > MAX_LINK_PAYLOAD {
        Err(LinkError::TooLong { chars })
    } else {
        Ok(())
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// `bytes` in base64url without padding (RFC 4648 §5).
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

/// Reads base64url with or without padding. Refuses other characters and
/// impossible lengths.
pub fn base64url_decode(text: &str) -> Result<Vec<u8>, LinkError> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return Err(LinkError::BadCharacters);
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return Err(LinkError::BadCharacters),
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        let data: Vec<u8> = (0..=255u8).chain(0..=255u8).collect();
        for len in 0..70 {
            let enc = base64url_encode(&data[..len]);
            assert!(enc
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'));
            assert_eq!(base64url_decode(&enc).unwrap(), &data[..len]);
        }
        assert_eq!(base64url_encode(b"\xfb\xff"), "-_8");
        assert_eq!(base64url_decode("-_8=").unwrap(), b"\xfb\xff");
    }

    #[test]
    fn base64url_matches_rfc_4648_vectors() {
        for (plain, enc) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64url_encode(plain.as_bytes()), enc);
            assert_eq!(base64url_decode(enc).unwrap(), plain.as_bytes());
        }
    }

    #[test]
    fn base64url_refuses_foreign_characters_and_cut_groups() {
        assert_eq!(base64url_decode("Zm9v+g"), Err(LinkError::BadCharacters));
        assert_eq!(base64url_decode("Zm 9v"), Err(LinkError::BadCharacters));
        assert_eq!(base64url_decode("Zm9vY"), Err(LinkError::BadCharacters));
    }

    #[test]
    fn payload_is_taken_only_from_plan_links() {
        assert_eq!(payload_of("#/del/abc"), Some("abc"));
        assert_eq!(payload_of("#/overblik"), None);
        assert_eq!(payload_of(""), None);
    }

    #[test]
    fn too_long_payloads_are_refused_with_a_danish_message_naming_the_file() {
        assert_eq!(check_length(&"a".repeat(MAX_LINK_PAYLOAD)), Ok(()));
        let e = check_length(&"a".repeat(40_000)).unwrap_err();
        assert_eq!(e, LinkError::TooLong { chars: 40_000 });
        let text = e.to_string();
        assert!(text.contains("40.000 tegn"), "{text}");
        assert!(text.contains("32.768"), "{text}");
        assert!(text.contains("som fil"), "{text}");
    }

    #[test]
    fn import_errors_keep_their_danish_text() {
        let e = LinkError::Import(ImportError::NotImplan);
        assert!(e
            .to_string()
            .starts_with("Planen i linket kan ikke læses: "));
    }
}
