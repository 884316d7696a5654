//! `P0`, the severity above `P1` that only Google's Cloud Support API takes (its most urgent
//! `priority`): the client sends it to a `google` domain only, and shows it wherever a case
//! holds it (the shared [`Severity`] has it; the reseller API answers it but refuses it as
//! input).

use rsupport_api::types::Severity;

/// Why `P0` is refused for a domain of the reseller API (the flag or field named), listing
/// what is valid there.
pub fn p0_refusal(flag: &str) -> String {
    format!(
        "{flag} P0 exists only for Google Cloud domains (provider google): this domain's severities are {}",
        Severity::reseller_expected()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rsupport_api::types::parse_severity_list;

    #[test]
    fn p0_parses_for_people_and_sorts_first() {
        assert_eq!("p0".parse::<Severity>(), Ok(Severity::P0));
        let err = "P5".parse::<Severity>().unwrap_err();
        assert!(err.contains("P0, P1, P2, P3, P4"), "{err}");
        assert_eq!(
            parse_severity_list(" p0, P2 ").unwrap(),
            vec![Severity::P0, Severity::P2]
        );
        assert!(Severity::P0 < Severity::P1);
    }

    #[test]
    fn the_refusal_names_the_flag_and_the_valid_severities() {
        let text = p0_refusal("--severity");
        assert!(
            text.starts_with("--severity P0 exists only for Google Cloud"),
            "{text}"
        );
        assert!(text.ends_with("P1, P2, P3, P4"), "{text}");
    }
}
