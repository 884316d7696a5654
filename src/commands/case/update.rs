//! `rsupport case update ID`: change severity and/or title, and/or post a message, in one
//! call.

use std::path::PathBuf;

use clap::Args;

use super::shared::bulk::{self, Action, Done};
use super::shared::{
    Bulk, DryRun, NOTHING_CHANGED, allowed_domains, check_p0, check_pii, dry_run_outcome,
    non_blank, parse_case_id, read_text, refuse_pii, scan_text,
};
use crate::client::Client;
use crate::context::Ctx;
use crate::error::{CliError, CliResult};
use crate::output::{Outcome, Record};
use rsupport_api::types::{Case, CreateCommentRequest, Severity, UpdateCaseRequest};

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  rsupport case update 42 --severity P1
  rsupport case update 42 --title 'Bounces to outlook.com only' --body 'Narrowed it down'
  rsupport case update 42 --body-file reply.txt
  rsupport case update 41 42 43 --severity P2 --yes

Prints the updated case with --json. The message is checked for personal data first, as
with `case comment`.")]
pub struct UpdateArgs {
    /// The case id; several get the same change (asked once on a terminal, --yes in a script)
    #[arg(value_name = "ID", value_parser = parse_case_id, required_unless_present = "stdin", conflicts_with = "stdin",
          add = crate::complete::case_id(crate::complete::CaseScope::Open))]
    pub ids: Vec<u64>,
    /// The new severity, P1 (critical) … P4 (low); P0 (above P1) for Google Cloud domains only
    #[arg(long, value_name = "P1..P4", add = crate::complete::severity())]
    pub severity: Option<Severity>,
    /// The new title
    #[arg(long)]
    pub title: Option<String>,
    /// A message to post to support (as `case comment --body`)
    #[arg(
        long = "body",
        visible_alias = "comment",
        conflicts_with = "comment_file",
        value_name = "TEXT"
    )]
    pub comment: Option<String>,
    /// Read the message from a file (`-`: stdin)
    #[arg(
        long = "body-file",
        visible_alias = "comment-file",
        value_name = "FILE|-"
    )]
    pub comment_file: Option<PathBuf>,
    /// Send a message that looks like personal data without asking
    #[arg(long)]
    pub allow_pii: bool,
    #[command(flatten)]
    pub dry_run: DryRun,
    #[command(flatten)]
    pub bulk: Bulk,
}

pub async fn run(ctx: &Ctx, args: UpdateArgs) -> CliResult<Outcome> {
    args.bulk
        .check_stdin_free(args.comment_file.as_deref(), "--body-file")?;
    let comment = read_text(args.comment, args.comment_file.as_deref(), "--body-file")?
        .map(|text| non_blank(text, "the comment"))
        .transpose()?;
    let title = args
        .title
        .map(|title| non_blank(title, "--title"))
        .transpose()?;
    if args.severity.is_none() && title.is_none() && comment.is_none() {
        return Err(CliError::usage(
            "nothing to update: pass --severity, --title, --body or --body-file (several at once are fine)",
        ));
    }
    let ids = args.bulk.ids(args.ids)?;
    let dry_run = args.dry_run.dry_run;
    let client = &ctx.client()?.validate_only(dry_run);
    check_p0(client, args.severity.as_slice())?;
    let changes = Changes {
        severity: args.severity,
        title,
        comment,
        allow_pii: args.allow_pii,
    };
    let [id] = ids[..] else {
        let action = Action {
            verb: "update",
            done: "updated",
            dry_run,
            yes: args.bulk.yes,
        };
        return bulk::run(ctx, action, &ids, |id| {
            let changes = &changes;
            async move {
                let (case, done) = update(ctx, client, id, changes, dry_run, false).await?;
                let summary = if dry_run {
                    format!("would {}", done.join(", "))
                } else {
                    done.join(", ")
                };
                Ok(Done::new(summary, &case))
            }
        })
        .await;
    };
    let (case, done) = update(ctx, client, id, &changes, dry_run, true).await?;
    if dry_run {
        let text = format!(
            "would update case {}: {} {NOTHING_CHANGED}",
            id,
            done.join(", ")
        );
        return Ok(dry_run_outcome("update", text, "case", &case));
    }
    ctx.out()
        .message(&format!("Updated case {}: {}.", id, done.join(", ")));
    Ok(Outcome::Primary {
        value: case.id.to_string(),
        record: Some(Record::new(&case)),
    })
}

/// What `case update` changes on each case.
struct Changes {
    severity: Option<Severity>,
    title: Option<String>,
    comment: Option<String>,
    allow_pii: bool,
}

/// Updates case `id` (the client validates only in a dry run): the case after the change and
/// what was done. A message with personal data is asked about when `ask` (one case), else
/// refused unless `--allow-pii`.
async fn update(
    ctx: &Ctx,
    client: &Client,
    id: u64,
    changes: &Changes,
    dry_run: bool,
    ask: bool,
) -> CliResult<(Case, Vec<String>)> {
    let mut case = client.get_case(id).await?;
    if let Some(comment) = &changes.comment {
        let allowed = allowed_domains(client, &case.customer).await?;
        let reports: Vec<_> = scan_text("the comment", comment, &allowed)
            .into_iter()
            .collect();
        if ask {
            check_pii(ctx, &reports, changes.allow_pii, dry_run)?;
        } else {
            refuse_pii(&reports, changes.allow_pii)?;
        }
    }
    let mut done = Vec::new();
    if changes.severity.is_some() || changes.title.is_some() {
        let before = case.clone();
        case = client
            .update_case(
                id,
                &UpdateCaseRequest {
                    display_name: changes.title.clone(),
                    priority: changes.severity,
                },
            )
            .await?;
        if let Some(severity) = changes.severity {
            done.push(format!("severity {} → {severity}", before.priority));
        }
        if changes.title.is_some() {
            done.push(
                if dry_run {
                    "change the title"
                } else {
                    "title changed"
                }
                .to_string(),
            );
        }
    }
    if let Some(body) = &changes.comment {
        client
            .create_comment(id, &CreateCommentRequest { body: body.clone() })
            .await?;
        done.push(
            if dry_run {
                "post a message"
            } else {
                "message posted"
            }
            .to_string(),
        );
        if !dry_run {
            case = client.get_case(id).await?;
        }
    }
    Ok((case, done))
}
