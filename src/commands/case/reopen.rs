//! `rsupport case reopen ID`: reopen a case closed less than 30 days ago. After that the
//! server refuses and the error gives the close date and a ready `rsupport case create` line.

use clap::Args;

use super::shared::{
    DryRun, NOTHING_CHANGED, dry_run_outcome, new_case_command, non_blank, parse_case_id,
};
use crate::context::Ctx;
use crate::error::{CliError, CliResult, ExitClass};
use crate::output::{Outcome, Record};
use rsupport_api::error::ErrorReason;
use rsupport_api::types::CaseActionRequest;

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
    #[arg(value_parser = parse_case_id, add = crate::complete::case_id(crate::complete::CaseScope::Closed))]
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
