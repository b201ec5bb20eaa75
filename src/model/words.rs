//! Danish number agreement for counted nouns in messages.

/// `n` with the noun in the right number: `count(1, "punkt", "punkter")`
/// is "1 punkt", `count(3, "punkt", "punkter")` is "3 punkter" (and 0 takes
/// the plural, as in Danish).
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn one_takes_the_singular_and_every_other_number_the_plural() {
        assert_eq!(count(1, "punkt", "punkter"), "1 punkt");
        assert_eq!(count(0, "punkt", "punkter"), "0 punkter");
        assert_eq!(
            count(2, "åben aktivitet", "åbne aktiviteter"),
            "2 åbne aktiviteter"
        );
    }
}
