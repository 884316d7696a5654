//! `rsupport case comment ID`: send a message to support (from a flag, a file, stdin or the
//! editor on a terminal).

use std::path::PathBuf;

use clap::Args;

use super::shared::{
    DryRun, NOTHING_CHANGED, allowed_domains, check_pii, dry_run_outcome, edit_text, non_blank,
    parse_case_id, read_text, scan_text,
};
use crate::context::Ctx;
use crate::error::CliResult;
use crate::output::{Outcome, Record};
use rsupport_api::types::CreateCommentRequest;

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  rsupport case comment 42 --body 'The bounces stopped at 14:00 CET'
  rsupport case comment 42 --body-file reply.md
  git log -1 --format=%B | rsupport case comment 42 --body-file -
  rsupport case comment 42            # on a terminal: opens $VISUAL / $EDITOR

The message is checked for personal data first: on a terminal you confirm, with --no-input
the command refuses unless --allow-pii.")]
pub struct CommentArgs {
    /// The case id
    #[arg(value_parser = parse_case_id, add = crate::complete::case_id(crate::complete::CaseScope::Open))]
    pub id: u64,
    /// The message
    #[arg(long, conflicts_with = "body_file", value_name = "TEXT")]
    pub body: Option<String>,
    /// Read the message from a file (`-`: stdin)
    #[arg(long, value_name = "FILE|-")]
    pub body_file: Option<PathBuf>,
    /// Send a message that looks like personal data without asking
    #[arg(long)]
    pub allow_pii: bool,
    #[command(flatten)]
    pub dry_run: DryRun,
}

pub async fn run(ctx: &Ctx, args: CommentArgs) -> CliResult<Outcome> {
    let given = read_text(args.body, args.body_file.as_deref(), "--body-file")?;
    if given.is_none() && !ctx.prompt().allowed() {
        return Err(ctx.prompt().missing("--body or --body-file", "the message"));
    }
    let client = ctx.client()?;
    let case = client.get_case(args.id).await?;
    let body = match given {
        Some(text) => non_blank(text, "the message")?,
        None => edit_text(
            ctx,
            &format!(
                "Message to support on case {} ({}). Lines starting with # are removed.",
                case.id, case.display_name
            ),
            "--body or --body-file",
        )?,
    };
    let allowed = allowed_domains(client, &case.customer).await?;
    let reports: Vec<_> = scan_text("the message", &body, &allowed)
        .into_iter()
        .collect();
    check_pii(ctx, &reports, args.allow_pii, args.dry_run.dry_run)?;
    let comment = client
        .validate_only(args.dry_run.dry_run)
        .create_comment(args.id, &CreateCommentRequest { body })
        .await?;
    if args.dry_run.dry_run {
        let text = format!(
            "would post a message of {} characters on case {}: {} {NOTHING_CHANGED}",
            comment.body.chars().count(),
            args.id,
            case.display_name
        );
        return Ok(dry_run_outcome("comment", text, "comment", &comment));
    }
    ctx.out().message(&format!(
        "Posted message {} on case {}.",
        comment.id, args.id
    ));
    Ok(Outcome::Primary {
        value: comment.id.to_string(),
        record: Some(Record::new(&comment)),
    })
}
