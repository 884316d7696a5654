//! `rsupport case escalate ID`: raise a premium customer's open case, with a reason and a
//! justification. Refusals (plan, closed, already escalated) exit 5 saying why.

use clap::Args;

use super::shared::bulk::{self, Action, Done};
use super::shared::{
    Bulk, DryRun, NOTHING_CHANGED, dry_run_outcome, new_case_command, non_blank, parse_case_id,
};
use crate::client::Client;
use crate::context::Ctx;
use crate::error::{CliError, CliResult, ExitClass};
use crate::output::{Outcome, Record};
use rsupport_api::error::ErrorReason;
use rsupport_api::types::{Case, EscalateCaseRequest, EscalationReason};

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  rsupport case escalate 42 --reason business-impact \\
      --justification 'Payroll mail to the bank bounces; salaries are due tomorrow'
  rsupport case escalate 41 42 --reason resolution-time --justification 'Open for a week' --yes

Only cases of customers on the premium plan can be escalated, only while open, and only once;
otherwise the command exits 5 and says which rule refused it.")]
pub struct EscalateArgs {
    /// The case id; several escalate each (asked once on a terminal, --yes in a script)
    #[arg(value_name = "ID", value_parser = parse_case_id, required_unless_present = "stdin", conflicts_with = "stdin",
          add = crate::complete::case_id(crate::complete::CaseScope::Open))]
    pub ids: Vec<u64>,
    /// resolution-time, technical-expertise or business-impact
    #[arg(long, value_name = "REASON", add = crate::complete::escalation_reason())]
    pub reason: EscalationReason,
    /// Why the case needs escalating
    #[arg(long, value_name = "TEXT")]
    pub justification: String,
    #[command(flatten)]
    pub dry_run: DryRun,
    #[command(flatten)]
    pub bulk: Bulk,
}

pub async fn run(ctx: &Ctx, args: EscalateArgs) -> CliResult<Outcome> {
    let justification = non_blank(args.justification, "--justification")?;
    let ids = args.bulk.ids(args.ids)?;
    let client = ctx.client()?;
    let request = EscalateCaseRequest {
        reason: args.reason,
        justification,
    };
    let dry_run = args.dry_run.dry_run;
    let [id] = ids[..] else {
        let action = Action {
            verb: "escalate",
            done: "escalated",
            dry_run,
            yes: args.bulk.yes,
        };
        return bulk::run(ctx, action, &ids, |id| {
            let request = &request;
            async move {
                let case = escalate(client, id, request, dry_run).await?;
                let summary = if dry_run {
                    format!(
                        "would be escalated ({}): {}",
                        args.reason, case.display_name
                    )
                } else {
                    format!("escalated ({}): {}", args.reason, case.display_name)
                };
                Ok(Done::new(summary, &case))
            }
        })
        .await;
    };
    let case = escalate(client, id, &request, dry_run).await?;
    if dry_run {
        let text = format!(
            "would escalate case {} ({}): {} {NOTHING_CHANGED}",
            case.id, args.reason, case.display_name
        );
        return Ok(dry_run_outcome("escalate", text, "case", &case));
    }
    ctx.out()
        .message(&format!("Escalated case {} ({}).", case.id, args.reason));
    Ok(Outcome::Primary {
        value: case.id.to_string(),
        record: Some(Record::new(&case)),
    })
}

/// Escalates case `id` (validates only in a dry run); a refusal says which rule refused it.
async fn escalate(
    client: &Client,
    id: u64,
    request: &EscalateCaseRequest,
    dry_run: bool,
) -> CliResult<Case> {
    match client
        .validate_only(dry_run)
        .escalate_case(id, request)
        .await
    {
        Ok(case) => Ok(case),
        Err(error) if error.reason() == Some(ErrorReason::EscalationNotAllowed) => {
            let api = error.api().cloned();
            let why = api.as_ref().and_then(|e| e.details.why.clone());
            let customer = api.as_ref().and_then(|e| e.details.customer.clone());
            // Past the reopen window only a new case helps: the hint is its ready line.
            let new_case = match why.as_deref() {
                Some("reopen-window-expired") => client
                    .get_case(id)
                    .await
                    .ok()
                    .map(|case| new_case_command(&case)),
                _ => None,
            };
            Err(refusal(
                id,
                why.as_deref(),
                customer.as_deref(),
                api.map(|e| e.message),
                new_case,
            ))
        }
        Err(error) => Err(error.into()),
    }
}

/// The refusal as the user reads it, by the server's `details.why`.
fn refusal(
    case: u64,
    why: Option<&str>,
    customer: Option<&str>,
    message: Option<String>,
    new_case: Option<String>,
) -> CliError {
    let customer = customer.unwrap_or("the customer");
    let (text, hint) = match why {
        Some("plan") => (
            format!("case {case} cannot be escalated: {customer} is not on the premium support plan"),
            Some("escalation is a premium-plan feature; raise the severity instead with `rsupport case update --severity`".to_string()),
        ),
        Some("closed") => (
            format!("case {case} cannot be escalated: it is closed"),
            Some(format!("reopen it first with `rsupport case reopen {case}` (within 30 days of its close)")),
        ),
        Some("reopen-window-expired") => (
            format!(
                "case {case} cannot be escalated: it was closed more than 30 days ago, so it cannot be reopened either"
            ),
            Some(match new_case {
                Some(line) => format!("file a new case: {line}"),
                None => "file a new case with `rsupport case create`".to_string(),
            }),
        ),
        Some("already-escalated") => (
            format!("case {case} cannot be escalated: it is already escalated"),
            Some(format!("add information with `rsupport case comment {case}`")),
        ),
        _ => (
            format!(
                "case {case} cannot be escalated: {}",
                message.unwrap_or_else(|| "the server refused it".into())
            ),
            None,
        ),
    };
    let error = CliError::failure(text).with_class(ExitClass::Refused);
    match hint {
        Some(hint) => error.hint(hint),
        None => error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_refusal_names_the_premium_plan_and_exits_5() {
        let error = refusal(4, Some("plan"), Some("globex"), None, None);
        assert_eq!(error.exit_code(), 5);
        assert!(
            error.to_string().contains("globex is not on the premium"),
            "{error}"
        );
    }

    #[test]
    fn a_closed_refusal_points_to_reopen() {
        let error = refusal(4, Some("closed"), None, None, None);
        assert!(error.to_string().contains("it is closed"), "{error}");
        assert!(error.hints()[0].contains("rsupport case reopen 4"));
    }

    #[test]
    fn a_refusal_past_the_reopen_window_points_to_a_new_case_not_to_reopen() {
        let line = "rsupport case create --on-behalf-of acme".to_string();
        let error = refusal(4, Some("reopen-window-expired"), None, None, Some(line));
        assert_eq!(error.exit_code(), 5);
        assert!(
            !error.hints().iter().any(|h| h.contains("reopen")),
            "{:?}",
            error.hints()
        );
        assert_eq!(
            error.hints(),
            ["file a new case: rsupport case create --on-behalf-of acme"]
        );
    }

    #[test]
    fn an_unknown_refusal_keeps_the_servers_message() {
        let error = refusal(4, Some("weather"), None, Some("not today".into()), None);
        assert!(error.to_string().contains("not today"), "{error}");
        assert_eq!(error.exit_code(), 5);
    }
}
