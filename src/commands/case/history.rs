//! `rsupport case history ID`: every message of a case, oldest first.

use clap::Args;
use rsupport_api::types::{Comment, MAX_PAGE_SIZE, PageQuery};

use super::shared::{mark_read, parse_case_id};
use crate::context::Ctx;
use crate::error::CliResult;
use crate::output::Outcome;

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  rsupport case history 42
  rsupport case history 42 --json --jq '.[] | select(.authorRole == \"support\") | .body'

Once shown, the case is marked read for you (on the server, so on every machine).")]
pub struct HistoryArgs {
    /// The case id
    #[arg(value_parser = parse_case_id, add = crate::complete::case_id(crate::complete::CaseScope::Any))]
    pub id: u64,
    /// Leave the case unread (as it was) after showing it
    #[arg(long)]
    pub no_mark_read: bool,
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
    // A case that does not exist (or another domain's) is an error, not an empty history.
    let mut pages = client.comment_pages(
        args.id,
        PageQuery {
            page_size: Some(MAX_PAGE_SIZE),
            page_token: None,
        },
    );
    let mut rows = ctx
        .out()
        .list_stream::<Comment>()
        .empty_message(format!("Case {} has no messages yet.", args.id));
    while let Some(page) = pages.next_page().await? {
        rows.page(&page)?;
    }
    rows.finish()?;
    if let Some(shown) = shown {
        mark_read(ctx, client, args.id, shown).await;
    }
    Ok(Outcome::Done)
}
