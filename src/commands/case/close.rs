//! `rsupport case close ID`: close a case when the problem no longer occurs (it can be
//! reopened for 30 days).

use clap::Args;

use super::shared::bulk::{self, Action, Done};
use super::shared::{Bulk, DryRun, NOTHING_CHANGED, dry_run_outcome, non_blank, parse_case_id};
use crate::context::Ctx;
use crate::error::CliResult;
use crate::output::{Outcome, Record};
use rsupport_api::types::CaseActionRequest;

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  rsupport case close 42
  rsupport case close 42 --comment 'The customer confirms mail flows again'
  rsupport case close 41 42 43 --yes
  rsupport case list --customer acme --jq '.[].id' | rsupport case close --stdin --yes

A closed case can be reopened with `rsupport case reopen` for 30 days; after that a new case
must be filed.")]
pub struct CloseArgs {
    /// The case id; several close each (asked once on a terminal, --yes in a script)
    #[arg(value_name = "ID", value_parser = parse_case_id, required_unless_present = "stdin", conflicts_with = "stdin",
          add = crate::complete::case_id(crate::complete::CaseScope::Open))]
    pub ids: Vec<u64>,
    /// A message posted with the close
    #[arg(long, value_name = "TEXT")]
    pub comment: Option<String>,
    #[command(flatten)]
    pub dry_run: DryRun,
    #[command(flatten)]
    pub bulk: Bulk,
}

pub async fn run(ctx: &Ctx, args: CloseArgs) -> CliResult<Outcome> {
    let comment = args
        .comment
        .map(|c| non_blank(c, "--comment"))
        .transpose()?;
    let ids = args.bulk.ids(args.ids)?;
    let dry_run = args.dry_run.dry_run;
    let request = CaseActionRequest { comment };
    let [id] = ids[..] else {
        let client = ctx.client()?.validate_only(dry_run);
        let action = Action {
            verb: "close",
            done: "closed",
            dry_run,
            yes: args.bulk.yes,
        };
        return bulk::run(ctx, action, &ids, |id| {
            let (client, request) = (&client, &request);
            async move {
                let case = client.close_case(id, request).await?;
                Ok(if dry_run {
                    Done::new(format!("would be closed: {}", case.display_name), &case)
                } else {
                    Done::new(format!("closed: {}", case.display_name), &case)
                })
            }
        })
        .await;
    };
    let case = ctx
        .client()?
        .validate_only(dry_run)
        .close_case(id, &request)
        .await?;
    if dry_run {
        let text = format!(
            "would close case {}: {} {NOTHING_CHANGED}",
            case.id, case.display_name
        );
        return Ok(dry_run_outcome("close", text, "case", &case));
    }
    ctx.out().message(&format!(
        "Closed case {}: {}. It can be reopened until {}.",
        case.id,
        case.display_name,
        reopen_until(&case)
    ));
    Ok(Outcome::Primary {
        value: case.id.to_string(),
        record: Some(Record::new(&case)),
    })
}

/// The last day a closed case can be reopened (30 days after its close).
fn reopen_until(case: &rsupport_api::types::Case) -> String {
    case.close_time
        .and_then(|t| {
            t.checked_add(jiff::SignedDuration::from_hours(30 * 24))
                .ok()
        })
        .map(|t| t.strftime("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_else(|| "30 days after its close".to_string())
}
