//! The severity a user asks for (`--severity`): the reseller API's `P1`–`P4`, or `P0`, which
//! only Google's Cloud Support API has (its most urgent `priority`, above `P1`). Parsed once
//! at the edge; the client sends `P0` to a `google` domain only.

use rsupport_api::types::Severity;

rsupport_api::wire_enum! {
    /// A severity as `--severity` takes it: `P0` (Google Cloud domains only) … `P4`.
    pub enum Priority("severity"): PartialOrd, Ord {
        P0 = "P0",
        P1 = "P1",
        P2 = "P2",
        P3 = "P3",
        P4 = "P4",
    }
}

impl Priority {
    /// The reseller API's severity; `None` for `P0`, which it does not have.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Priority::P0 => None,
            Priority::P1 => Some(Severity::P1),
            Priority::P2 => Some(Severity::P2),
            Priority::P3 => Some(Severity::P3),
            Priority::P4 => Some(Severity::P4),
        }
    }

    /// What the level means, as a picker or a completion explains it.
    pub fn meaning(self) -> &'static str {
        match self.severity() {
            Some(severity) => severity.meaning(),
            None => {
                "Google Cloud domains only: critical and urgent impact across the business, above P1"
            }
        }
    }

    /// Why `P0` is refused for a domain of the reseller API (the flag named), listing what is
    /// valid there.
    pub fn refusal(flag: &str) -> String {
        format!(
            "{flag} P0 exists only for Google Cloud domains (provider google): this domain's severities are {}",
            Severity::expected()
        )
    }
}

impl From<Severity> for Priority {
    fn from(severity: Severity) -> Priority {
        match severity {
            Severity::P1 => Priority::P1,
            Severity::P2 => Priority::P2,
            Severity::P3 => Priority::P3,
            Severity::P4 => Priority::P4,
        }
    }
}

/// Parses a comma-separated list such as `P0,P1`, forgiving case and blanks (for people).
pub fn parse_priority_list(s: &str) -> Result<Vec<Priority>, String> {
    s.split(',')
        .filter(|p| !p.trim().is_empty())
        .map(str::parse)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn p0_is_a_priority_without_a_severity_of_the_reseller_api() {
        assert_eq!("p0".parse::<Priority>(), Ok(Priority::P0));
        assert_eq!(Priority::P0.severity(), None);
        for severity in Severity::ALL {
            assert_eq!(Priority::from(*severity).severity(), Some(*severity));
        }
        let err = "P5".parse::<Priority>().unwrap_err();
        assert!(err.contains("P0, P1, P2, P3, P4"), "{err}");
        assert_eq!(
            parse_priority_list(" p0, P2 ").unwrap(),
            vec![Priority::P0, Priority::P2]
        );
    }

    #[test]
    fn the_refusal_names_the_flag_and_the_valid_severities() {
        let text = Priority::refusal("--severity");
        assert!(
            text.starts_with("--severity P0 exists only for Google Cloud"),
            "{text}"
        );
        assert!(text.contains("P1, P2, P3, P4"), "{text}");
    }
}
