//! The way out of a case closed too long ago: the ready `rsupport case create` line that files
//! a new case like it (`case reopen` and `case escalate` print it when the window has passed).

use rsupport_api::types::Case;

/// The `rsupport case create` line that files a new case like `case`, shell-quoted, with
/// every flag `case create` requires: it runs as is, prompting for nothing (the description
/// says which case it follows).
pub fn new_case_command(case: &Case) -> String {
    let description = format!("Follow-up of case {}: {}", case.id, case.description);
    shell_words::join([
        "rsupport",
        "case",
        "create",
        "--on-behalf-of",
        &case.customer,
        "--title",
        &case.display_name,
        "--category",
        &case.classification.id,
        "--severity",
        case.priority.as_str(),
        "--description",
        &description,
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use rsupport_api::types::{CaseState, Category, Severity};

    fn case(title: &str) -> Case {
        let now = jiff::Timestamp::UNIX_EPOCH;
        Case {
            id: 9,
            name: "cases/9".into(),
            customer: "acme".into(),
            customer_display_name: "Acme".into(),
            reseller_domain: "reseller.example.com".into(),
            product: "google-workspace".into(),
            display_name: title.into(),
            description: "Bounces since 9:00".into(),
            classification: Category {
                id: "gmail-delivery".into(),
                display_name: "Gmail > Delivery".into(),
                product: "google-workspace".into(),
            },
            priority: Severity::P2,
            state: CaseState::Closed,
            language_code: "en-US".into(),
            time_zone: "UTC".into(),
            escalated: false,
            escalation: None,
            subscriber_email_addresses: Vec::new(),
            creator: "a@reseller.example.com".into(),
            create_time: now,
            update_time: now,
            close_time: Some(now),
            comment_count: 0,
            attachment_count: 0,
            unread: None,
        }
    }

    #[test]
    fn the_new_case_line_has_every_required_flag() {
        assert_eq!(
            new_case_command(&case("Mail bounces")),
            "rsupport case create --on-behalf-of acme --title 'Mail bounces' --category gmail-delivery --severity P2 --description 'Follow-up of case 9: Bounces since 9:00'"
        );
    }

    #[test]
    fn the_new_case_line_quotes_a_title_with_quotes_for_the_shell() {
        let line = new_case_command(&case("Bob's mail; rm -rf /"));
        let words = shell_words::split(&line).unwrap();
        assert_eq!(words[6], "Bob's mail; rm -rf /");
    }
}
