//! `rsupport case reopen ID`: reopen a case closed less than 30 days ago. After that the
//! server refuses and the error gives the close date and a ready `rsupport case create` line.

use clap::Args;

use super::shared::{DryRun, NOTHING_CHANGED, dry_run_outcome, non_blank, parse_case_id};
use crate::context::Ctx;
use crate::error::{CliError, CliResult, ExitClass};
use crate::output::{Outcome, Record};
use rsupport_api::error::ErrorReason;
use rsupport_api::types::{Case, CaseActionRequest};

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  rsupport case reopen 42
  rsupport case reopen 42 --comment 'The bounces are back since this morning'

Reopening is allowed for 30 days after the close. After that it exits 5 with the close date
and the `rsupport case create …` line that files a new case with the same customer, title,
category and severity.")]
pub struct ReopenArgs {
    /// The case id
    #[arg(value_parser = parse_case_id)]
    pub id: u64,
    /// A message posted with the reopen
    #[arg(long, value_name = "TEXT")]
    pub comment: Option<String>,
    #[command(flatten)]
    pub dry_run: DryRun,
}

pub async fn run(ctx: &Ctx, args: ReopenArgs) -> CliResult<Outcome> {
    let comment = args
        .comment
        .map(|c| non_blank(c, "--comment"))
        .transpose()?;
    let client = ctx.client()?;
    match client
        .validate_only(args.dry_run.dry_run)
        .reopen_case(args.id, &CaseActionRequest { comment })
        .await
    {
        Ok(case) if args.dry_run.dry_run => {
            let text = format!(
                "would reopen case {}: {} {NOTHING_CHANGED}",
                case.id, case.display_name
            );
            Ok(dry_run_outcome("reopen", text, "case", &case))
        }
        Ok(case) => {
            ctx.out().message(&format!(
                "Reopened case {}: {}.",
                case.id, case.display_name
            ));
            Ok(Outcome::Primary {
                value: case.id.to_string(),
                record: Some(Record::new(&case)),
            })
        }
        Err(error) if error.reason() == Some(ErrorReason::ReopenWindowExpired) => {
            let details = error.api().map(|e| e.details.clone()).unwrap_or_default();
            let case = client.get_case(args.id).await?;
            let closed = details
                .close_time
                .or(case.close_time)
                .map(|t| t.strftime("%Y-%m-%d %H:%M UTC").to_string())
                .unwrap_or_else(|| "more than 30 days ago".to_string());
            let deadline = details
                .reopen_deadline
                .map(|t| {
                    format!(
                        " (the reopen window ended {})",
                        t.strftime("%Y-%m-%d %H:%M UTC")
                    )
                })
                .unwrap_or_default();
            Err(CliError::failure(format!(
                "case {} was closed on {closed}{deadline}: a case can be reopened only within 30 days of its close, so a new case must be filed",
                case.id
            ))
            .with_class(ExitClass::Refused)
            .hint(format!("file a new case: {}", new_case_command(&case))))
        }
        Err(error) => Err(error.into()),
    }
}

/// The `rsupport case create` line that files a new case like `case`, shell-quoted.
pub fn new_case_command(case: &Case) -> String {
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
            description: String::new(),
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
        }
    }

    #[test]
    fn the_new_case_line_repeats_customer_title_category_and_severity() {
        assert_eq!(
            new_case_command(&case("Mail bounces")),
            "rsupport case create --on-behalf-of acme --title 'Mail bounces' --category gmail-delivery --severity P2"
        );
    }

    #[test]
    fn the_new_case_line_quotes_a_title_with_quotes_for_the_shell() {
        let line = new_case_command(&case("Bob's mail; rm -rf /"));
        let words = shell_words::split(&line).unwrap();
        assert_eq!(words[6], "Bob's mail; rm -rf /");
    }
}
