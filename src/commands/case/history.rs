//! `rsupport case history ID`: every message of a case, oldest first.

use clap::Args;
use rsupport_api::types::{Comment, MAX_PAGE_SIZE, PageQuery};

use super::shared::parse_case_id;
use crate::context::Ctx;
use crate::error::CliResult;
use crate::output::Outcome;

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  rsupport case history 42
  rsupport case history 42 --json --jq '.[] | select(.authorRole == \"support\") | .body'")]
pub struct HistoryArgs {
    /// The case id
    #[arg(value_parser = parse_case_id, add = crate::complete::case_id(crate::complete::CaseScope::Any))]
    pub id: u64,
}

pub async fn run(ctx: &Ctx, args: HistoryArgs) -> CliResult<Outcome> {
    let client = ctx.client()?;
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
    Ok(Outcome::Done)
}
