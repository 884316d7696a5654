//! `rsupport case view ID`: all fields, subscribers, attachments and the last messages.

use clap::Args;
use serde_json::Value;

use super::shared::{author_role, human_size, mark_read, parse_case_id};
use crate::context::Ctx;
use crate::error::CliResult;
use crate::output::{Cell, Outcome, Record, Tabular};
use rsupport_api::types::{Attachment, Comment, MAX_PAGE_SIZE, PageQuery};

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  rsupport case view 42
  rsupport case view 42 --messages 10
  rsupport case view 42 --json --jq '.attachments[].filename'

With --json the case is shown with two more fields: `attachments` and `comments` (the last
messages, oldest first). Once shown, the case is marked read for you (on the server, so on
every machine): `case list --unread` leaves it out until support acts on it again.")]
pub struct ViewArgs {
    /// The case id
    #[arg(value_parser = parse_case_id, add = crate::complete::case_id(crate::complete::CaseScope::Any))]
    pub id: u64,
    /// How many of the last messages to show
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub messages: usize,
    /// Leave the case unread (as it was) after showing it
    #[arg(long)]
    pub no_mark_read: bool,
}

pub async fn run(ctx: &Ctx, args: ViewArgs) -> CliResult<Outcome> {
    let client = ctx.client()?;
    let (case, attachments, comments) = tokio::try_join!(
        client.get_case(args.id),
        client.list_attachments(args.id),
        client
            .comment_pages(
                args.id,
                PageQuery {
                    page_size: Some(MAX_PAGE_SIZE),
                    page_token: None,
                },
            )
            .collect_all(),
    )?;
    let attachments = attachments.attachments;
    let skipped = comments.len().saturating_sub(args.messages);
    let recent = &comments[skipped..];

    let mut fields: Vec<(String, Cell)> = case
        .fields()
        .into_iter()
        .map(|(label, cell)| (label.to_string(), cell))
        .collect();
    fields.push((
        format!("Attachments ({})", attachments.len()),
        Cell::opt_text((!attachments.is_empty()).then(|| attachment_lines(&attachments))),
    ));
    let messages_label = if skipped > 0 {
        format!("Messages (last {} of {})", recent.len(), comments.len())
    } else {
        format!("Messages ({})", comments.len())
    };
    fields.push((
        messages_label,
        Cell::opt_text((!recent.is_empty()).then(|| message_lines(recent))),
    ));

    let mut json = serde_json::to_value(&case).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut json {
        map.insert(
            "attachments".into(),
            serde_json::to_value(&attachments).unwrap_or(Value::Null),
        );
        map.insert(
            "comments".into(),
            serde_json::to_value(recent).unwrap_or(Value::Null),
        );
    }
    ctx.out()
        .emit(Outcome::Record(Record::from_fields(fields, json)))?;
    if !args.no_mark_read {
        // The three reads ran at once: a message that came between them is in the case's count
        // but not shown, and is left unread by marking only up to the last message shown.
        let seen = if comments.len() < case.comment_count as usize {
            comments.last().map(|c| c.create_time)
        } else {
            Some(case.update_time)
        };
        if let Some(seen) = seen {
            mark_read(ctx, client, args.id, seen).await;
        }
    }
    Ok(Outcome::Done)
}

fn attachment_lines(attachments: &[Attachment]) -> String {
    attachments
        .iter()
        .map(|a| {
            format!(
                "#{} {} ({}) by {}, {}",
                a.id,
                a.filename,
                human_size(a.size_bytes),
                a.creator,
                a.create_time.strftime("%Y-%m-%d %H:%M UTC")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn message_lines(comments: &[Comment]) -> String {
    comments
        .iter()
        .map(|c| {
            let role = author_role(c);
            format!(
                "[{}] {} ({role}):\n{}",
                c.create_time.strftime("%Y-%m-%d %H:%M UTC"),
                c.author,
                c.body
                    .lines()
                    .map(|l| format!("  {l}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}
