//! `rsupport case history ID`: a case's timeline, oldest first (every change, who made it,
//! when); `--only messages` for its messages alone.

use clap::{Args, ValueEnum};
use rsupport_api::types::{CaseEvent, Comment, ListEventsQuery, MAX_PAGE_SIZE, PageQuery};

use super::shared::parse_case_id;
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
and the kind's fields (`from`/`to`, `body`/`authorRole`, `filename`, `added`/`removed`...).")]
pub struct HistoryArgs {
    /// The case id
    #[arg(value_parser = parse_case_id, add = crate::complete::case_id(crate::complete::CaseScope::Any))]
    pub id: u64,
    /// Show only these events: `messages` is the message view (author, role, text)
    #[arg(long, value_enum, value_name = "WHAT")]
    pub only: Option<HistoryOnly>,
}

/// What `--only` keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HistoryOnly {
    /// The messages, as `case history` showed them before the timeline
    Messages,
}

pub async fn run(ctx: &Ctx, args: HistoryArgs) -> CliResult<Outcome> {
    if args.only == Some(HistoryOnly::Messages) {
        return messages(ctx, args.id).await;
    }
    let client = ctx.client()?;
    // A case that does not exist (or another domain's) is an error, not an empty history.
    let mut pages = client.event_pages(
        args.id,
        ListEventsQuery {
            page_size: Some(MAX_PAGE_SIZE),
            ..ListEventsQuery::default()
        },
    );
    let mut rows = ctx
        .out()
        .list_stream::<CaseEvent>()
        .empty_message(format!("Case {} has no events.", args.id));
    while let Some(page) = pages.next_page().await? {
        rows.page(&page)?;
    }
    rows.finish()?;
    Ok(Outcome::Done)
}

async fn messages(ctx: &Ctx, id: u64) -> CliResult<Outcome> {
    let client = ctx.client()?;
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
    rows.finish()?;
    Ok(Outcome::Done)
}
