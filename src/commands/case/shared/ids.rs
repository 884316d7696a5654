//! Case ids as people type them.

/// A case id as typed: `42` or the resource name `cases/42`.
pub fn parse_case_id(value: &str) -> Result<u64, String> {
    let digits = value.trim().trim_start_matches("cases/");
    match digits.parse::<u64>() {
        Ok(id) if id > 0 => Ok(id),
        _ => Err(format!(
            "invalid case id '{value}': expected a number such as 42 (see `rsupport case list`)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_id_accepts_a_number_or_a_resource_name() {
        assert_eq!(parse_case_id("42"), Ok(42));
        assert_eq!(parse_case_id("cases/7"), Ok(7));
    }

    #[test]
    fn case_id_rejects_zero_and_words_with_an_example() {
        assert!(parse_case_id("0").is_err());
        let err = parse_case_id("acme").unwrap_err();
        assert!(err.contains("such as 42"), "{err}");
    }
}
