//! `config list`: every key that has a value.

use serde::Serialize;

use crate::config::KEYS;
use crate::context::Ctx;
use crate::error::CliResult;
use crate::output::{Cell, Column, Listing, Outcome, Tabular};

/// One key and its value.
#[derive(Debug, Serialize)]
pub struct ConfigEntry {
    pub key: String,
    pub value: String,
}

impl Tabular for ConfigEntry {
    fn columns() -> &'static [Column] {
        const COLUMNS: &[Column] = &[Column::new("KEY", "key"), Column::new("VALUE", "value")];
        COLUMNS
    }

    fn cells(&self) -> Vec<Cell> {
        vec![Cell::text(&self.key), Cell::text(&self.value)]
    }
}

pub async fn run(ctx: &Ctx) -> CliResult<Outcome> {
    let entries: Vec<ConfigEntry> = ctx
        .config()?
        .entries()
        .into_iter()
        .map(|(key, value)| ConfigEntry { key, value })
        .collect();
    let known: Vec<&str> = KEYS.iter().map(|(k, _)| *k).collect();
    Ok(Outcome::List(Listing::of(&entries).empty_message(format!(
        "Nothing is set. Keys: {}.",
        known.join(", ")
    ))))
}
