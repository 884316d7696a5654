//! `rsupport case share ID`: add or remove the emails of users or groups a case is shared
//! with (they get its email updates); with no flag, who it is shared with.

use clap::Args;
use serde::Serialize;

use super::shared::bulk::{self, Action, Done};
use super::shared::{Bulk, DryRun, NOTHING_CHANGED, dry_run_outcome, parse_case_id};
use crate::client::Client;
use crate::context::Ctx;
use crate::error::{CliError, CliResult};
use crate::output::{Cell, Column, Listing, Outcome, Tabular};
use rsupport_api::types::{Case, ShareCaseRequest};

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  rsupport case share 42                                  # who the case is shared with
  rsupport case share 42 --add it-team@acme.example --add me@reseller.example.com
  rsupport case share 42 --remove old-admin@acme.example
  rsupport case share 41 42 43 --add it-team@acme.example --yes

People and groups a case is shared with get its email updates.")]
pub struct ShareArgs {
    /// The case id; several get the same change (asked once on a terminal, --yes in a script)
    #[arg(value_name = "ID", value_parser = parse_case_id, required_unless_present = "stdin", conflicts_with = "stdin",
          add = crate::complete::case_id(crate::complete::CaseScope::Any))]
    pub ids: Vec<u64>,
    /// Share with this user or group email (repeatable)
    #[arg(long, value_name = "EMAIL", value_parser = parse_email)]
    pub add: Vec<String>,
    /// Stop sharing with this email (repeatable)
    #[arg(long, value_name = "EMAIL", value_parser = parse_email)]
    pub remove: Vec<String>,
    #[command(flatten)]
    pub dry_run: DryRun,
    #[command(flatten)]
    pub bulk: Bulk,
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
    let ids = args.bulk.ids(args.ids)?;
    let client = ctx.client()?;
    let dry_run = args.dry_run.dry_run;
    let [id] = ids[..] else {
        if args.add.is_empty() && args.remove.is_empty() {
            return Err(CliError::usage(
                "several cases need --add or --remove: to see who a case is shared with, pass one id",
            ));
        }
        let action = Action {
            verb: "change the sharing of",
            done: "changed the sharing of",
            dry_run,
            yes: args.bulk.yes,
        };
        let (add, remove) = (&args.add, &args.remove);
        return bulk::run(ctx, action, &ids, |id| async move {
            let shared = share(client, id, add, remove, dry_run).await?;
            Ok(Done::new(shared.summary(dry_run), &shared.case))
        })
        .await;
    };
    let case = if args.add.is_empty() && args.remove.is_empty() {
        client.get_case(id).await?
    } else {
        let shared = share(client, id, &args.add, &args.remove, dry_run).await?;
        for email in &shared.not_on {
            ctx.out().message(&format!(
                "Case {id} is not shared with {email}: nothing to remove."
            ));
        }
        for email in &shared.already {
            ctx.out().message(&format!(
                "Case {id} is already shared with {email}: nothing to add."
            ));
        }
        let (add, remove, case) = (shared.add, shared.remove, shared.case);
        if add.is_empty() && remove.is_empty() {
            if dry_run {
                let text = format!("would change nothing on case {id} {NOTHING_CHANGED}");
                return Ok(dry_run_outcome("share", text, "case", &case));
            }
            case
        } else {
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

/// What a sharing change did to one case.
struct Shared {
    /// The case after the change (before it, when nothing was sent).
    case: Case,
    /// The emails added and removed.
    add: Vec<String>,
    remove: Vec<String>,
    /// Emails to add that were already on the case, and to remove that were not.
    already: Vec<String>,
    not_on: Vec<String>,
}

impl Shared {
    /// The few words of a bulk run's line for this case.
    fn summary(&self, dry_run: bool) -> String {
        let mut parts = Vec::new();
        let would = if dry_run { "would be " } else { "" };
        if !self.add.is_empty() {
            parts.push(format!("{would}shared with {}", self.add.join(", ")));
        }
        if !self.remove.is_empty() {
            parts.push(format!(
                "{would}no longer shared with {}",
                self.remove.join(", ")
            ));
        }
        if parts.is_empty() {
            parts.push("nothing to change".to_string());
        }
        if !self.already.is_empty() {
            parts.push(format!("already shared with {}", self.already.join(", ")));
        }
        if !self.not_on.is_empty() {
            parts.push(format!("not shared with {}", self.not_on.join(", ")));
        }
        parts.join("; ")
    }
}

/// Adds and removes emails on case `id` (validates only in a dry run). Emails that change
/// nothing (not on the case, or already on it) are set apart rather than claimed as removed
/// or added; when none changes anything, nothing is sent.
async fn share(
    client: &Client,
    id: u64,
    add: &[String],
    remove: &[String],
    dry_run: bool,
) -> CliResult<Shared> {
    let before = client.get_case(id).await?;
    let on_case = |email: &String| {
        before
            .subscriber_email_addresses
            .iter()
            .any(|s| s.eq_ignore_ascii_case(email))
    };
    let (remove, not_on): (Vec<String>, Vec<String>) = remove.iter().cloned().partition(on_case);
    let (already, add): (Vec<String>, Vec<String>) = add.iter().cloned().partition(on_case);
    let case = if add.is_empty() && remove.is_empty() {
        before
    } else {
        client
            .validate_only(dry_run)
            .share_case(
                id,
                &ShareCaseRequest {
                    add: add.clone(),
                    remove: remove.clone(),
                },
            )
            .await?
    };
    Ok(Shared {
        case,
        add,
        remove,
        already,
        not_on,
    })
}
