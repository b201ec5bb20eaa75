//! The Implan JSON file format: a versioned envelope around a plan.
//!
//! Writing uses strict, borrowed types ([`export`]); reading walks loose JSON
//! with defaults, migrates older versions, and validates into model types,
//! naming the field that is wrong ([`import`]). Local storage uses the same
//! format, so saved data carries its format version too.

mod export;
mod export_followup;
mod import;
mod time;

pub use export::{to_json, to_json_pretty};
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
mod tests;
#[cfg(test)]
mod tests_followup;
