//! `category search`: the category catalogue, searched by keywords.

use clap::Args;

use crate::context::Ctx;
use crate::error::CliResult;
use crate::output::{Cell, Column, Listing, Outcome, Tabular};
use rsupport_api::types::{Category, ListCategoriesQuery};

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  rsupport category search gmail delivery")]
pub struct CategoryArgs {
    #[command(subcommand)]
    pub command: CategoryCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum CategoryCommand {
    /// Search the category catalogue (every keyword must match)
    #[command(after_help = "\
Examples:
  rsupport category search gmail
  rsupport category search gmail delivery --json --jq '.[].id'
  rsupport category search            # the whole catalogue")]
    Search(SearchArgs),
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Keywords matched against the category's id and name
    pub keywords: Vec<String>,
}

impl Tabular for Category {
    fn columns() -> &'static [Column] {
        const COLUMNS: &[Column] = &[
            Column::new("ID", "id"),
            Column::new("CATEGORY", "displayName"),
            Column::new("PRODUCT", "product"),
        ];
        COLUMNS
    }

    fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::text(&self.id),
            Cell::text(&self.display_name),
            Cell::text(&self.product),
        ]
    }
}

pub async fn run(ctx: &Ctx, args: CategoryArgs) -> CliResult<Outcome> {
    match args.command {
        CategoryCommand::Search(args) => search(ctx, args).await,
    }
}

async fn search(ctx: &Ctx, args: SearchArgs) -> CliResult<Outcome> {
    let keywords = args.keywords.join(" ");
    let keywords = keywords.trim();
    let query = ListCategoriesQuery {
        query: (!keywords.is_empty()).then(|| keywords.to_string()),
    };
    let list = ctx.client()?.list_categories(&query).await?;
    let empty = if keywords.is_empty() {
        "The category catalogue is empty.".to_string()
    } else {
        format!("No category matches '{keywords}'.")
    };
    Ok(Outcome::List(
        Listing::of(&list.categories).empty_message(empty),
    ))
}
