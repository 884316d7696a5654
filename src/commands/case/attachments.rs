//! `rsupport case attachments ID`: the list of a case's attachments.

use clap::Args;

use super::shared::parse_case_id;
use crate::context::Ctx;
use crate::error::CliResult;
use crate::output::{Listing, Outcome};

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  rsupport case attachments 42\n  rsupport case attachments 42 --json --jq '.[].filename'"
)]
pub struct AttachmentsArgs {
    /// The case id
    #[arg(value_parser = parse_case_id, add = crate::complete::case_id(crate::complete::CaseScope::Any))]
    pub id: u64,
}

pub async fn run(ctx: &Ctx, args: AttachmentsArgs) -> CliResult<Outcome> {
    let attachments = ctx.client()?.list_attachments(args.id).await?.attachments;
    Ok(Outcome::List(Listing::of(&attachments).empty_message(
        format!("Case {} has no attachments.", args.id),
    )))
}
