//! Cheap number formatting for generated markup. `format!("{:.1}")` on an
//! `f64` runs the exact decimal conversion of the standard library, which
//! in WebAssembly costs microseconds per number; a chart writes thousands
//! of coordinates. These wrappers round once and write integers.

use std::fmt;

/// Beyond this the wrappers fall back to the standard formatting.
const LIMIT: f64 = 1e15;

/// Writes an `f64` with one decimal, like `{:.1}` (the last digit may
/// differ on values within a rounding error of a tie, and minus zero is
/// written "0.0").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dec1(pub f64);

/// Writes an `f64` rounded to a whole number, like `{:.0}` (minus zero is
/// written "0").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Whole(pub f64);

impl fmt::Display for Dec1 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = self.0;
        if !x.is_finite() || x.abs() >= LIMIT {
            return write!(f, "{x:.1}");
        }
        let mut buf = [0u8; 24];
        f.write_str(tenths_text((x * 10.0).round_ties_even() as i64, &mut buf))
    }
}

/// Appends `v` with one decimal, as [`Dec1`] writes it, in one step (the
/// cheapest way to add thousands of coordinates to markup).
pub fn push_dec1(out: &mut String, v: f64) {
    if !v.is_finite() || v.abs() >= LIMIT {
        out.push_str(&format!("{v:.1}"));
        return;
    }
    let mut buf = [0u8; 24];
    out.push_str(tenths_text((v * 10.0).round_ties_even() as i64, &mut buf));
}

/// `tenths` / 10 as text with one decimal ("-12.3"), written backwards
/// into `buf` (pushing character by character is slow in the size-optimised
/// build). Minus zero is written "0.0".
fn tenths_text(tenths: i64, buf: &mut [u8; 24]) -> &str {
    let mut i = buf.len();
    let a = tenths.unsigned_abs();
    buf[i - 1] = b'0' + (a % 10) as u8;
    buf[i - 2] = b'.';
    i -= 2;
    let mut whole = a / 10;
    loop {
        i -= 1;
        buf[i] = b'0' + (whole % 10) as u8;
        whole /= 10;
        if whole == 0 {
            break;
        }
    }
    if tenths < 0 {
        i -= 1;
        buf[i] = b'-';
    }
    std::str::from_utf8(&buf[i..]).unwrap_or("0.0")
}

impl fmt::Display for Whole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = self.0;
        if !x.is_finite() || x.abs() >= LIMIT {
            return write!(f, "{x:.0}");
        }
        let n = x.round_ties_even() as i64;
        write!(f, "{n}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_decimal_matches_the_standard_formatting() {
        for x in [
            0.0, 1.0, -1.0, 0.04, 12.25, 123.4, -0.16, 99.96, -99.96, 47_000.3,
        ] {
            let (ours, std) = (Dec1(x).to_string(), format!("{x:.1}"));
            assert_eq!(ours, std, "{x}");
        }
        // Hundredths away from a tie: the same digits; at a tie at most one tenth apart.
        for i in -200_000i32..200_000 {
            let x = f64::from(i) / 100.0;
            let (ours, std) = (Dec1(x).to_string(), format!("{x:.1}"));
            if i.rem_euclid(10) == 5 {
                let d: f64 = ours.parse::<f64>().unwrap() - std.parse::<f64>().unwrap();
                assert!(d.abs() <= 0.1 + 1e-9, "{x}: {ours} {std}");
            } else if std != "-0.0" {
                assert_eq!(ours, std, "{x}");
            }
        }
        assert_eq!(Dec1(-0.01).to_string(), "0.0");
        assert_eq!(Dec1(f64::NAN).to_string(), "NaN");
        assert_eq!(Dec1(2e15).to_string(), format!("{:.1}", 2e15));
    }

    #[test]
    fn pushed_numbers_are_written_as_dec1_writes_them() {
        for v in [
            0.0, 1.0, -1.0, 9.96, 12.34, -0.5, 210.0, 1234.56, 99999.94, -7.26, 0.04, 2e15,
        ] {
            let mut s = String::from("x=");
            push_dec1(&mut s, v);
            assert_eq!(s, format!("x={}", Dec1(v)), "{v}");
        }
    }

    #[test]
    fn whole_numbers_match_the_standard_formatting() {
        for i in -20_000i32..20_000 {
            let x = f64::from(i) / 4.0;
            let std = format!("{x:.0}");
            if std != "-0" {
                assert_eq!(Whole(x).to_string(), std, "{x}");
            }
        }
        assert_eq!(Whole(-0.3).to_string(), "0");
        assert_eq!(Whole(48_568.0).to_string(), "48568");
    }
}
