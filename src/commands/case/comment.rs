//! `rsupport case comment ID`: send a message to support (from a flag, a file, stdin or the
//! editor on a terminal).

use std::path::PathBuf;

use clap::Args;

use super::shared::bulk::{self, Action, Done};
use super::shared::{
    Bulk, DryRun, NOTHING_CHANGED, allowed_domains, check_pii, dry_run_outcome, edit_text,
    non_blank, parse_case_id, read_text, refuse_pii, scan_text,
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
  rsupport case comment 41 42 43 --body 'Fixed by the provider; please confirm' --yes

The message is checked for personal data first: on a terminal you confirm, with --no-input
the command refuses unless --allow-pii (with several cases, each case is checked and refused
without asking).")]
pub struct CommentArgs {
    /// The case id; several get the same message (asked once on a terminal, --yes in a script)
    #[arg(value_name = "ID", value_parser = parse_case_id, required_unless_present = "stdin", conflicts_with = "stdin",
          add = crate::complete::case_id(crate::complete::CaseScope::Open))]
    pub ids: Vec<u64>,
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
    #[command(flatten)]
    pub bulk: Bulk,
}

pub async fn run(ctx: &Ctx, args: CommentArgs) -> CliResult<Outcome> {
    args.bulk
        .check_stdin_free(args.body_file.as_deref(), "--body-file")?;
    let given = read_text(args.body, args.body_file.as_deref(), "--body-file")?;
    if given.is_none() && !ctx.prompt().allowed() {
        return Err(ctx.prompt().missing("--body or --body-file", "the message"));
    }
    let ids = args.bulk.ids(args.ids)?;
    let client = ctx.client()?;
    let [id] = ids[..] else {
        let body = match given {
            Some(text) => non_blank(text, "the message")?,
            None => edit_text(
                ctx,
                &format!(
                    "Message to support on {} cases. Lines starting with # are removed.",
                    ids.len()
                ),
                "--body or --body-file",
            )?,
        };
        let dry_run = args.dry_run.dry_run;
        let action = Action {
            verb: "post a message on",
            done: "posted a message on",
            dry_run,
            yes: args.bulk.yes,
        };
        return bulk::run(ctx, action, &ids, |id| {
            let body = &body;
            async move {
                let case = client.get_case(id).await?;
                let allowed = allowed_domains(client, &case.customer).await?;
                let reports: Vec<_> = scan_text("the message", body, &allowed)
                    .into_iter()
                    .collect();
                refuse_pii(&reports, args.allow_pii)?;
                let request = CreateCommentRequest { body: body.clone() };
                let comment = client
                    .validate_only(dry_run)
                    .create_comment(id, &request)
                    .await?;
                Ok(if dry_run {
                    Done::new(
                        format!("would get the message: {}", case.display_name),
                        &comment,
                    )
                } else {
                    Done::new(
                        format!("message {} posted: {}", comment.id, case.display_name),
                        &comment,
                    )
                })
            }
        })
        .await;
    };
    let case = client.get_case(id).await?;
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
        .create_comment(id, &CreateCommentRequest { body })
        .await?;
    if args.dry_run.dry_run {
        let text = format!(
            "would post a message of {} characters on case {}: {} {NOTHING_CHANGED}",
            comment.body.chars().count(),
            id,
            case.display_name
        );
        return Ok(dry_run_outcome("comment", text, "comment", &comment));
    }
    ctx.out()
        .message(&format!("Posted message {} on case {}.", comment.id, id));
    Ok(Outcome::Primary {
        value: comment.id.to_string(),
        record: Some(Record::new(&comment)),
    })
}
