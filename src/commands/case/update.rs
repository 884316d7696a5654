//! `rsupport case update ID`: change severity and/or title, and/or post a message, in one
//! call.

use std::path::PathBuf;

use clap::Args;

use super::shared::{
    DryRun, NOTHING_CHANGED, allowed_domains, check_pii, dry_run_outcome, non_blank, parse_case_id,
    read_text, scan_text,
};
use crate::context::Ctx;
use crate::error::{CliError, CliResult};
use crate::output::{Outcome, Record};
use rsupport_api::types::{CreateCommentRequest, Severity, UpdateCaseRequest};

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  rsupport case update 42 --severity P1
  rsupport case update 42 --title 'Bounces to outlook.com only' --body 'Narrowed it down'
  rsupport case update 42 --body-file reply.txt

Prints the updated case with --json. The message is checked for personal data first, as
with `case comment`.")]
pub struct UpdateArgs {
    /// The case id
    #[arg(value_parser = parse_case_id, add = crate::complete::case_id(crate::complete::CaseScope::Open))]
    pub id: u64,
    /// The new severity, P1 (critical) … P4 (low)
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
}

pub async fn run(ctx: &Ctx, args: UpdateArgs) -> CliResult<Outcome> {
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
    let dry_run = args.dry_run.dry_run;
    let client = &ctx.client()?.validate_only(dry_run);
    let mut case = client.get_case(args.id).await?;
    if let Some(comment) = &comment {
        let allowed = allowed_domains(client, &case.customer).await?;
        let reports: Vec<_> = scan_text("the comment", comment, &allowed)
            .into_iter()
            .collect();
        check_pii(ctx, &reports, args.allow_pii, dry_run)?;
    }
    let mut done = Vec::new();
    if args.severity.is_some() || title.is_some() {
        let before = case.clone();
        case = client
            .update_case(
                args.id,
                &UpdateCaseRequest {
                    display_name: title.clone(),
                    priority: args.severity,
                },
            )
            .await?;
        if let Some(severity) = args.severity {
            done.push(format!("severity {} → {severity}", before.priority));
        }
        if title.is_some() {
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
    if let Some(body) = comment {
        client
            .create_comment(args.id, &CreateCommentRequest { body })
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
            case = client.get_case(args.id).await?;
        }
    }
    if dry_run {
        let text = format!(
            "would update case {}: {} {NOTHING_CHANGED}",
            args.id,
            done.join(", ")
        );
        return Ok(dry_run_outcome("update", text, "case", &case));
    }
    ctx.out()
        .message(&format!("Updated case {}: {}.", args.id, done.join(", ")));
    Ok(Outcome::Primary {
        value: case.id.to_string(),
        record: Some(Record::new(&case)),
    })
}
