//! `customer view ID`: one customer with its contact details.

use clap::Args;

use crate::context::Ctx;
use crate::error::CliResult;
use crate::output::Outcome;

#[derive(Debug, Args)]
pub struct ViewArgs {
    /// The customer's id (e.g. `acme`)
    #[arg(add = crate::complete::customer_id())]
    pub id: String,
}

pub async fn run(ctx: &Ctx, args: ViewArgs) -> CliResult<Outcome> {
    let customer = ctx.client()?.get_customer(args.id.trim()).await?;
    Ok(Outcome::record(&customer))
}
