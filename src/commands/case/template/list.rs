//! `case template list`: the templates in the config dir, with the fields that tell them apart.

use serde::Serialize;

use crate::commands::case::shared::read_named;
use crate::config::{TEMPLATES_DIR, template_names};
use crate::context::Ctx;
use crate::error::CliResult;
use crate::output::{Cell, Column, Listing, Outcome, Tabular};

/// One template, as listed.
#[derive(Debug, Serialize)]
pub struct TemplateRow {
    pub name: String,
    pub customer: Option<String>,
    pub title: Option<String>,
    pub severity: Option<String>,
}

impl Tabular for TemplateRow {
    fn columns() -> &'static [Column] {
        const COLUMNS: &[Column] = &[
            Column::new("NAME", "name"),
            Column::new("CUSTOMER", "customer"),
            Column::new("TITLE", "title"),
            Column::new("SEVERITY", "severity"),
        ];
        COLUMNS
    }

    fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::text(&self.name),
            Cell::opt_text(self.customer.clone()),
            Cell::opt_text(self.title.clone()),
            Cell::opt_text(self.severity.clone()),
        ]
    }
}

pub async fn run(ctx: &Ctx) -> CliResult<Outcome> {
    let dir = ctx.config_dir();
    let mut rows = Vec::new();
    for name in template_names(dir) {
        // one broken template does not hide the others
        match read_named(dir, &name) {
            Ok(loaded) => rows.push(TemplateRow {
                name,
                customer: loaded.template.on_behalf_of,
                title: loaded.template.title,
                severity: loaded.template.severity.map(|s| s.to_string()),
            }),
            Err(error) => ctx.out().warn(&error.to_string()),
        }
    }
    Ok(Outcome::List(Listing::of(&rows).empty_message(format!(
        "No templates in {}: a template is a TOML file NAME.toml of `case create` fields (see `rsupport case template --help`).",
        dir.join(TEMPLATES_DIR).display()
    ))))
}
