//! `rsupport case share ID`: add or remove the emails of users or groups a case is shared
//! with (they get its email updates); with no flag, who it is shared with.

use clap::Args;
use serde::Serialize;

use super::shared::{DryRun, NOTHING_CHANGED, dry_run_outcome, parse_case_id};
use crate::context::Ctx;
use crate::error::{CliError, CliResult};
use crate::output::{Cell, Column, Listing, Outcome, Tabular};
use rsupport_api::types::ShareCaseRequest;

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  rsupport case share 42                                  # who the case is shared with
  rsupport case share 42 --add it-team@acme.example --add me@reseller.example.com
  rsupport case share 42 --remove old-admin@acme.example

People and groups a case is shared with get its email updates.")]
pub struct ShareArgs {
    /// The case id
    #[arg(value_parser = parse_case_id, add = crate::complete::case_id(crate::complete::CaseScope::Any))]
    pub id: u64,
    /// Share with this user or group email (repeatable)
    #[arg(long, value_name = "EMAIL", value_parser = parse_email)]
    pub add: Vec<String>,
    /// Stop sharing with this email (repeatable)
    #[arg(long, value_name = "EMAIL", value_parser = parse_email)]
    pub remove: Vec<String>,
    #[command(flatten)]
    pub dry_run: DryRun,
}

/// One address a case is shared with.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Subscriber {
    pub case_id: u64,
    pub email: String,
}

impl Tabular for Subscriber {
    fn columns() -> &'static [Column] {
        const COLUMNS: &[Column] = &[Column::new("EMAIL", "email")];
        COLUMNS
    }

    fn cells(&self) -> Vec<Cell> {
        vec![Cell::text(&self.email)]
    }

    fn csv_fields() -> Vec<&'static str> {
        vec!["caseId", "email"]
    }
}

fn parse_email(value: &str) -> Result<String, String> {
    let value = value.trim();
    match value.split_once('@') {
        Some((user, domain))
            if !user.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.') =>
        {
            Ok(value.to_string())
        }
        _ => Err(format!(
            "invalid email '{value}': expected a user or group address such as it-team@acme.example"
        )),
    }
}

pub async fn run(ctx: &Ctx, args: ShareArgs) -> CliResult<Outcome> {
    if let Some(both) = args
        .add
        .iter()
        .find(|a| args.remove.iter().any(|r| r.eq_ignore_ascii_case(a)))
    {
        return Err(CliError::usage(format!(
            "{both} is both in --add and --remove: pick one"
        )));
    }
    let client = ctx.client()?;
    let dry_run = args.dry_run.dry_run;
    let case = if args.add.is_empty() && args.remove.is_empty() {
        client.get_case(args.id).await?
    } else {
        // Say which emails change nothing (not on the case, or already on it) rather than
        // claim they were removed or added; when none changes anything, nothing is sent.
        let before = client.get_case(args.id).await?;
        let on_case = |email: &String| {
            before
                .subscriber_email_addresses
                .iter()
                .any(|s| s.eq_ignore_ascii_case(email))
        };
        let (remove, not_on): (Vec<String>, Vec<String>) =
            args.remove.iter().cloned().partition(on_case);
        let (already, add): (Vec<String>, Vec<String>) =
            args.add.iter().cloned().partition(on_case);
        for email in &not_on {
            ctx.out().message(&format!(
                "Case {} is not shared with {email}: nothing to remove.",
                args.id
            ));
        }
        for email in &already {
            ctx.out().message(&format!(
                "Case {} is already shared with {email}: nothing to add.",
                args.id
            ));
        }
        if add.is_empty() && remove.is_empty() {
            if dry_run {
                let text = format!("would change nothing on case {} {NOTHING_CHANGED}", args.id);
                return Ok(dry_run_outcome("share", text, "case", &before));
            }
            before
        } else {
            let case = client
                .validate_only(dry_run)
                .share_case(
                    args.id,
                    &ShareCaseRequest {
                        add: add.clone(),
                        remove: remove.clone(),
                    },
                )
                .await?;
            if dry_run {
                let mut would = Vec::new();
                if !add.is_empty() {
                    would.push(format!("share case {} with {}", case.id, add.join(", ")));
                }
                if !remove.is_empty() {
                    would.push(format!(
                        "stop sharing case {} with {}",
                        case.id,
                        remove.join(", ")
                    ));
                }
                let text = format!("would {} {NOTHING_CHANGED}", would.join(" and "));
                return Ok(dry_run_outcome("share", text, "case", &case));
            }
            let mut changes = Vec::new();
            if !add.is_empty() {
                changes.push(format!("added {}", add.join(", ")));
            }
            if !remove.is_empty() {
                changes.push(format!("removed {}", remove.join(", ")));
            }
            ctx.out()
                .message(&format!("Case {}: {}.", case.id, changes.join("; ")));
            case
        }
    };
    let subscribers: Vec<Subscriber> = case
        .subscriber_email_addresses
        .iter()
        .map(|email| Subscriber {
            case_id: case.id,
            email: email.clone(),
        })
        .collect();
    Ok(Outcome::List(Listing::of(&subscribers).empty_message(format!(
        "Case {} is not shared with anyone: add people with `rsupport case share {} --add EMAIL`.",
        case.id, case.id
    ))))
}
