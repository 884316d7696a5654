//! `category search [KEYWORDS]`: categories whose id or name matches every keyword.

use clap::Args;
use rsupport_api::types::{Category, ListCategoriesQuery};

use crate::context::Ctx;
use crate::error::CliResult;
use crate::output::{Cell, Column, Listing, Outcome, Tabular};

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

pub async fn run(ctx: &Ctx, args: SearchArgs) -> CliResult<Outcome> {
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
