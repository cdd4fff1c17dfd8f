//! Counts in messages: "1 lead", "2 leads", never "1 leads" — for the dealer's `wortel` and for
//! head office's `wortel-hq` alike.

/// `n` with the noun in the form the count needs.
pub fn counted<N>(n: N, one: &str, many: &str) -> String
where
    N: std::fmt::Display + PartialEq + From<u8>,
{
    let noun = if n == N::from(1) { one } else { many };
    format!("{n} {noun}")
}

#[cfg(test)]
mod tests {
    use super::counted;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(counted(1, "record", "records"), "1 record");
        assert_eq!(counted(0, "record", "records"), "0 records");
        assert_eq!(counted(2, "lead", "leads"), "2 leads");
    }
}
