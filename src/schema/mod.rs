//! The Implan JSON file format: a versioned envelope around a plan.
//!
//! Writing uses strict, borrowed types ([`export`]); reading walks loose JSON
//! with defaults, migrates older versions, and validates into model types,
//! naming the field that is wrong ([`import`]). Local storage uses the same
//! format, so saved data carries its format version too.

mod csv;
mod export;
mod export_followup;
mod ics;
mod import;
pub mod link;
mod time;

pub use csv::activities_csv;
pub use export::{to_json, to_json_pretty};
pub use ics::deadlines_ics;
pub use import::{parse, ImportError, Imported};
pub use time::{format_timestamp, parse_timestamp};

/// The `format` value that marks an Implan plan file.
pub const FORMAT_NAME: &str = "implan-plan";

/// The format version this build writes. Files of this and every earlier
/// version can be read.
pub const FORMAT_VERSION: u32 = 1;

/// The application version written into files.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Largest file accepted for import, in bytes.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// Deepest JSON nesting accepted for import.
pub const MAX_DEPTH: usize = 32;

#[cfg(test)]
mod golden_tests;
#[cfg(test)]
mod tests;

/// The file name of an export: `<kommune>-<løsning>-<yyyy-mm-dd>.implan.json`,
/// in lower case ASCII (æ, ø, å written ae, oe, aa) so every mail program
/// and file system keeps it.
pub fn export_file_name(
    plan: &crate::model::Plan,
    today: chrono::NaiveDate,
    extension: &str,
) -> String {
    format!(
        "{}-{}-{}.{extension}",
        slug(&plan.municipality),
        slug(plan.solution.name()),
        crate::model::iso_date(today)
    )
}

/// Lower-case ASCII words joined by '-'.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().to_lowercase().chars() {
        match c {
            'æ' => out.push_str("ae"),
            'ø' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            'é' | 'è' => out.push('e'),
            'ü' => out.push('u'),
            'ö' => out.push('o'),
            'ä' => out.push('a'),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ if !out.ends_with('-') && !out.is_empty() => out.push('-'),
            _ => {}
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "plan".to_string()
    } else {
        out
    }
}
#[cfg(test)]
mod tests_followup;
