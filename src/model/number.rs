//! Exact decimal numbers read and written the Danish way: comma as the
//! decimal separator and dots between thousands ("1.234.567,5").

use serde::{Deserialize, Serialize};

/// How many decimals a [`Decimal`] keeps.
pub const DECIMALS: u32 = 4;

const SCALE: i64 = 10_i64.pow(DECIMALS);

/// The largest magnitude accepted (exclusive): 100 billion. Larger values
/// are refused as absurd, and everything below survives a trip through a
/// JSON number exactly.
pub const MAX_MAGNITUDE: i64 = 100_000_000_000;

/// A decimal number with up to [`DECIMALS`] decimals and a magnitude below
/// [`MAX_MAGNITUDE`], stored exactly (as a scaled integer) so that plans
/// compare and round-trip exactly.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Decimal(i64);

/// Why a text is not a number. `Display` gives a Danish message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumberError {
    /// Nothing was written.
    Empty,
    /// The text is not a number.
    NotANumber(String),
    /// A dot was used as the decimal separator (e.g. "12.5").
    DotAsDecimal(String),
    /// More decimals than [`DECIMALS`].
    TooManyDecimals,
    /// The magnitude is [`MAX_MAGNITUDE`] or more.
    TooLarge,
}

impl std::fmt::Display for NumberError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NumberError::Empty => write!(f, "Skriv et tal."),
            NumberError::NotANumber(s) => {
                write!(
                    f,
                    "«{s}» er ikke et tal. Skriv fx 1.234,5 (komma før decimalerne)."
                )
            }
            NumberError::DotAsDecimal(s) => write!(
                f,
                "«{s}»: brug komma som decimaltegn, fx {}. Punktum bruges kun mellem tusinder.",
                s.replace('.', ",")
            ),
            NumberError::TooManyDecimals => write!(f, "Skriv højst {DECIMALS} decimaler."),
            NumberError::TooLarge => write!(f, "Tallet er for stort (højst 99.999.999.999)."),
        }
    }
}

impl std::error::Error for NumberError {}

impl Decimal {
    /// Zero.
    pub const ZERO: Decimal = Decimal(0);

    /// The number `units` (a whole number), if within range.
    pub fn from_int(units: i64) -> Option<Decimal> {
        (units.abs() < MAX_MAGNITUDE).then(|| Decimal(units * SCALE))
    }

    /// The number whose value times 10^[`DECIMALS`] is `scaled`, if within range.
    pub fn from_scaled(scaled: i64) -> Option<Decimal> {
        (scaled.checked_abs()? < MAX_MAGNITUDE * SCALE).then_some(Decimal(scaled))
    }

    /// The value times 10^[`DECIMALS`].
    pub fn scaled(self) -> i64 {
        self.0
    }

    /// The nearest number to `value` (rounded to [`DECIMALS`] decimals), if
    /// it is finite and within range.
    pub fn from_f64(value: f64) -> Option<Decimal> {
        if !value.is_finite() || value.abs() >= MAX_MAGNITUDE as f64 {
            return None;
        }
        Decimal::from_scaled((value * SCALE as f64).round() as i64)
    }

    /// The value as a float (for charts and JSON).
    pub fn to_f64(self) -> f64 {
        self.0 as f64 / SCALE as f64
    }

    /// Reads a number written the Danish way: "1.234.567,5", "1234567,5",
    /// "-12", "1 234,5" (spaces between thousands). A dot followed by other
    /// than exactly three digits per group is taken as a mistaken decimal
    /// point and refused with a hint.
    pub fn parse_danish(text: &str) -> Result<Decimal, NumberError> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(NumberError::Empty);
        }
        let not_a_number = || NumberError::NotANumber(trimmed.to_string());
        let cleaned: String = trimmed
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
            .map(|c| if c == '\u{2212}' { '-' } else { c })
            .collect();
        let (negative, body) = match cleaned.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, cleaned.strip_prefix('+').unwrap_or(&cleaned)),
        };
        let (int_part, frac_part) = match body.split_once(',') {
            Some((i, f)) => (i, f),
            None => (body, ""),
        };
        if frac_part.contains([',', '.']) || (int_part.is_empty() && frac_part.is_empty()) {
            return Err(not_a_number());
        }
        let groups: Vec<&str> = int_part.split('.').collect();
        if groups.len() > 1 {
            let well_grouped = !groups[0].is_empty()
                && groups[0].len() <= 3
                && groups[1..].iter().all(|g| g.len() == 3);
            if !well_grouped {
                let only_digits = groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()));
                return Err(
                    if only_digits && groups.len() == 2 && body.split_once(',').is_none() {
                        NumberError::DotAsDecimal(trimmed.to_string())
                    } else {
                        not_a_number()
                    },
                );
            }
        }
        let digits: String = groups.concat();
        if !digits
            .chars()
            .chain(frac_part.chars())
            .all(|c| c.is_ascii_digit())
        {
            return Err(not_a_number());
        }
        if frac_part.len() > DECIMALS as usize {
            return Err(NumberError::TooManyDecimals);
        }
        let digits = digits.trim_start_matches('0');
        if digits.len() > 11 {
            return Err(NumberError::TooLarge);
        }
        let units: i64 = if digits.is_empty() {
            0
        } else {
            digits.parse().map_err(|_| not_a_number())?
        };
        let frac: i64 = format!("{frac_part:0<width$}", width = DECIMALS as usize)
            .parse()
            .map_err(|_| not_a_number())?;
        let scaled = units * SCALE + frac;
        let scaled = if negative { -scaled } else { scaled };
        Decimal::from_scaled(scaled).ok_or(NumberError::TooLarge)
    }

    /// The number the Danish way with dots between thousands and only the
    /// decimals needed: "1.234.567,5", "-12", "0,25".
    pub fn format_danish(self) -> String {
        let abs = self.0.unsigned_abs();
        let units = abs / SCALE as u64;
        let frac = abs % SCALE as u64;
        let mut out = String::new();
        if self.0 < 0 {
            out.push('-');
        }
        out.push_str(&group_thousands(units));
        if frac > 0 {
            let frac = format!("{frac:0width$}", width = DECIMALS as usize);
            out.push(',');
            out.push_str(frac.trim_end_matches('0'));
        }
        out
    }

    /// The number rounded to whole kroner (half away from zero), e.g.
    /// "1.234.568 kr.".
    pub fn format_kr(self) -> String {
        let half = SCALE / 2;
        let rounded = if self.0 >= 0 {
            (self.0 + half) / SCALE
        } else {
            (self.0 - half) / SCALE
        };
        let sign = if rounded < 0 { "-" } else { "" };
        format!("{sign}{} kr.", group_thousands(rounded.unsigned_abs()))
    }

    /// `self - other`, if within range.
    pub fn checked_sub(self, other: Decimal) -> Option<Decimal> {
        Decimal::from_scaled(self.0.checked_sub(other.0)?)
    }

    /// `self + other`, if within range.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        Decimal::from_scaled(self.0.checked_add(other.0)?)
    }

    /// The absolute value.
    pub fn abs(self) -> Decimal {
        Decimal(self.0.abs())
    }
}

impl std::ops::Neg for Decimal {
    type Output = Decimal;

    fn neg(self) -> Decimal {
        Decimal(-self.0)
    }
}

impl std::fmt::Display for Decimal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.format_danish())
    }
}

/// Writes `n` with dots between thousands: 1234567 -> "1.234.567".
fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn dec(s: &str) -> Decimal {
        Decimal::parse_danish(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn reads_danish_numbers() {
        assert_eq!(dec("1.234.567,5").scaled(), 12_345_675_000);
        assert_eq!(dec("1234567,5"), dec("1.234.567,5"));
        assert_eq!(dec("1 234 567,50"), dec("1.234.567,5"));
        assert_eq!(dec("-12"), Decimal::from_int(-12).unwrap());
        assert_eq!(dec("−3,25").to_f64(), -3.25);
        assert_eq!(dec("+7"), Decimal::from_int(7).unwrap());
        assert_eq!(dec(",5").to_f64(), 0.5);
        assert_eq!(dec("0,0001").scaled(), 1);
        assert_eq!(dec("1.500"), Decimal::from_int(1500).unwrap());
        assert_eq!(dec("007"), Decimal::from_int(7).unwrap());
    }

    #[test]
    fn refuses_what_is_not_a_danish_number() {
        let err = |s: &str| Decimal::parse_danish(s).unwrap_err();
        assert_eq!(err(""), NumberError::Empty);
        assert_eq!(err("  "), NumberError::Empty);
        assert_eq!(err("12.5"), NumberError::DotAsDecimal("12.5".into()));
        assert_eq!(err("1.5"), NumberError::DotAsDecimal("1.5".into()));
        assert_eq!(err("tolv"), NumberError::NotANumber("tolv".into()));
        assert_eq!(err("1,2,3"), NumberError::NotANumber("1,2,3".into()));
        assert_eq!(err("1.23.456"), NumberError::NotANumber("1.23.456".into()));
        assert_eq!(err("1,5.0"), NumberError::NotANumber("1,5.0".into()));
        assert_eq!(err("-"), NumberError::NotANumber("-".into()));
        assert_eq!(err("1,23456"), NumberError::TooManyDecimals);
        assert_eq!(err("100.000.000.000"), NumberError::TooLarge);
        assert_eq!(err("99999999999999999999999"), NumberError::TooLarge);
        assert!(Decimal::parse_danish("99.999.999.999,9999").is_ok());
    }

    #[test]
    fn messages_are_danish_and_suggest_the_fix() {
        let msg = Decimal::parse_danish("12.5").unwrap_err().to_string();
        assert!(msg.contains("brug komma som decimaltegn, fx 12,5"), "{msg}");
        let msg = Decimal::parse_danish("abc").unwrap_err().to_string();
        assert!(msg.contains("ikke et tal"), "{msg}");
    }

    #[test]
    fn formats_the_danish_way() {
        assert_eq!(dec("1234567,5").format_danish(), "1.234.567,5");
        assert_eq!(dec("-1234").format_danish(), "-1.234");
        assert_eq!(dec("0,25").format_danish(), "0,25");
        assert_eq!(dec("0").format_danish(), "0");
        assert_eq!(dec("999").format_danish(), "999");
        assert_eq!(dec("1000").format_danish(), "1.000");
        assert_eq!(dec("1234567").format_kr(), "1.234.567 kr.");
        assert_eq!(dec("1234567,5").format_kr(), "1.234.568 kr.");
        assert_eq!(dec("-2500,5").format_kr(), "-2.501 kr.");
        assert_eq!(dec("0,4").format_kr(), "0 kr.");
    }

    #[test]
    fn floats_convert_within_range() {
        assert_eq!(Decimal::from_f64(1234.56789), Some(dec("1234,5679")));
        assert_eq!(Decimal::from_f64(f64::NAN), None);
        assert_eq!(Decimal::from_f64(1e11), None);
        assert_eq!(Decimal::from_int(MAX_MAGNITUDE), None);
    }

    proptest! {
        #[test]
        fn format_then_parse_is_identity(scaled in -(MAX_MAGNITUDE * SCALE - 1)..(MAX_MAGNITUDE * SCALE)) {
            let d = Decimal::from_scaled(scaled).unwrap();
            prop_assert_eq!(Decimal::parse_danish(&d.format_danish()), Ok(d));
            // And through a JSON number.
            prop_assert_eq!(Decimal::from_f64(d.to_f64()), Some(d));
        }
    }
}
