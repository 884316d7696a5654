//! `rsupport case history ID`: a case's timeline, oldest first (every change, who made it,
//! when); `--only messages` for its messages alone.

use clap::{Args, ValueEnum};
use rsupport_api::types::{CaseEvent, Comment, ListEventsQuery, MAX_PAGE_SIZE, PageQuery};

use super::shared::{mark_read, parse_case_id};
use crate::client::Client;
use crate::context::Ctx;
use crate::error::CliResult;
use crate::output::Outcome;

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  rsupport case history 42
  rsupport case history 42 --only messages
  rsupport case history 42 --json --jq '.[] | select(.kind == \"state-changed\") | .to'

With --json each event has `id`, `caseId`, `time`, `actor`, `kind` (created, message,
attachment-added, state-changed, severity-changed, title-changed, escalated, sharing-changed)
and the kind's fields (`from`/`to`, `body`/`authorRole`, `filename`, `added`/`removed`...).
Once shown, the case is marked read for you (on the server, so on every machine).")]
pub struct HistoryArgs {
    /// The case id
    #[arg(value_parser = parse_case_id, add = crate::complete::case_id(crate::complete::CaseScope::Any))]
    pub id: u64,
    /// Show only these events: `messages` is the message view (author, role, text)
    #[arg(long, value_enum, value_name = "WHAT")]
    pub only: Option<HistoryOnly>,
    /// Leave the case unread (as it was) after showing it
    #[arg(long)]
    pub no_mark_read: bool,
}

/// What `--only` keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HistoryOnly {
    /// The messages, as `case history` showed them before the timeline
    Messages,
}

pub async fn run(ctx: &Ctx, args: HistoryArgs) -> CliResult<Outcome> {
    let client = ctx.client()?;
    // What is marked read is the case as it was before its history was read: support activity
    // that comes in while the pages load stays unread.
    let shown = if args.no_mark_read {
        None
    } else {
        Some(client.get_case(args.id).await?.update_time)
    };
    if args.only == Some(HistoryOnly::Messages) {
        messages(ctx, client, args.id).await?;
    } else {
        timeline(ctx, client, args.id).await?;
    }
    if let Some(shown) = shown {
        mark_read(ctx, client, args.id, shown).await;
    }
    Ok(Outcome::Done)
}

async fn timeline(ctx: &Ctx, client: &Client, id: u64) -> CliResult<()> {
    // A case that does not exist (or another domain's) is an error, not an empty history.
    let mut pages = client.event_pages(
        id,
        ListEventsQuery {
            page_size: Some(MAX_PAGE_SIZE),
            ..ListEventsQuery::default()
        },
    );
    let mut rows = ctx
        .out()
        .list_stream::<CaseEvent>()
        .empty_message(format!("Case {id} has no events."));
    while let Some(page) = pages.next_page().await? {
        rows.page(&page)?;
    }
    rows.finish()
}

async fn messages(ctx: &Ctx, client: &Client, id: u64) -> CliResult<()> {
    let mut pages = client.comment_pages(
        id,
        PageQuery {
            page_size: Some(MAX_PAGE_SIZE),
            page_token: None,
        },
    );
    let mut rows = ctx
        .out()
        .list_stream::<Comment>()
        .empty_message(format!("Case {id} has no messages yet."));
    while let Some(page) = pages.next_page().await? {
        rows.page(&page)?;
    }
    rows.finish()
}
