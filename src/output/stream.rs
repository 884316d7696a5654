//! Lists written as they arrive: JSON array elements, CSV and TSV rows page by page; a table
//! and `--jq` collect first.

use serde_json::Value;

use super::csv::{csv_line, csv_row};
use super::json;
use super::outcome::to_json;
use super::{Cell, Column, Format, Listing, Output, Tabular};
use crate::error::CliResult;
use crate::terminal::one_line;

/// Rows written as they arrive; call [`ListStream::finish`] at the end.
pub struct ListStream {
    out: Output,
    columns: Vec<Column>,
    csv_fields: Vec<String>,
    empty_message: Option<String>,
    footer: Option<String>,
    started: bool,
    count: usize,
    /// Rows kept for a table or `--jq` (they need the whole list).
    kept_rows: Vec<Vec<Cell>>,
    kept_json: Vec<Value>,
}

impl ListStream {
    pub(super) fn from_listing_shape(out: Output, listing: &Listing) -> ListStream {
        ListStream {
            out,
            columns: listing.columns.clone(),
            csv_fields: listing.csv_fields.clone(),
            empty_message: listing.empty_message.clone(),
            footer: listing.footer.clone(),
            started: false,
            count: 0,
            kept_rows: Vec::new(),
            kept_json: Vec::new(),
        }
    }

    /// The message on stderr when no row came (table and TSV only).
    pub fn empty_message(mut self, message: impl Into<String>) -> ListStream {
        self.empty_message = Some(message.into());
        self
    }

    /// A sentence on stderr once the list is written, whatever the format (what it hid).
    pub fn set_footer(&mut self, message: Option<String>) {
        self.footer = message;
    }

    /// Writes (or keeps) one page of items.
    pub fn page<T: Tabular>(&mut self, items: &[T]) -> CliResult<()> {
        let rows = items.iter().map(Tabular::cells).collect();
        let json = items.iter().map(to_json).collect();
        self.push_rows(rows, json)
    }

    /// Writes (or keeps) one page of a [`Listing`] (e.g. tagged rows).
    pub fn listing(&mut self, listing: Listing) -> CliResult<()> {
        self.push_rows(listing.rows, listing.json)
    }

    pub(super) fn push_rows(&mut self, rows: Vec<Vec<Cell>>, json: Vec<Value>) -> CliResult<()> {
        self.count += rows.len();
        let style = self.out.time_style();
        match (self.out.format, self.out.jq.is_some()) {
            (Format::Table, _) | (Format::Json, true) => {
                self.kept_rows.extend(rows);
                self.kept_json.extend(json);
                Ok(())
            }
            (Format::Json, false) => {
                let mut text = String::new();
                for value in json {
                    text.push_str(if self.started { ",\n" } else { "[\n" });
                    self.started = true;
                    let pretty = json::to_string_pretty(&value)?;
                    for (i, line) in pretty.lines().enumerate() {
                        if i > 0 {
                            text.push('\n');
                        }
                        text.push_str("  ");
                        text.push_str(line);
                    }
                }
                self.out.write_stdout(&text)
            }
            (Format::Csv, _) => {
                let mut text = String::new();
                if !self.started {
                    self.started = true;
                    text.push_str(&csv_line(self.csv_fields.iter().map(String::as_str)));
                }
                for value in json {
                    let row = csv_row(&value, &self.csv_fields);
                    text.push_str(&csv_line(row.iter().map(String::as_str)));
                }
                self.out.write_stdout(&text)
            }
            (Format::Tsv, _) => {
                let mut text = String::new();
                for row in rows {
                    let cells: Vec<String> =
                        row.iter().map(|c| one_line(&c.render(style))).collect();
                    text.push_str(&cells.join("\t"));
                    text.push('\n');
                }
                self.out.write_stdout(&text)
            }
        }
    }

    /// Ends the list: closes the JSON array, draws the table, runs `--jq`; then the footer.
    pub fn finish(mut self) -> CliResult<()> {
        let footer = self.footer.take();
        let out = self.out.clone();
        self.finish_rows()?;
        if let Some(footer) = footer {
            out.message(&footer);
        }
        Ok(())
    }

    fn finish_rows(self) -> CliResult<()> {
        let empty = self.count == 0;
        match (self.out.format, self.out.jq.is_some()) {
            (Format::Json, true) => self.out.json_value(&Value::Array(self.kept_json)),
            (Format::Json, false) => {
                let text = if self.started { "\n]\n" } else { "[]\n" };
                self.out.write_stdout(text)
            }
            (Format::Csv, _) => {
                if !self.started {
                    let header = csv_line(self.csv_fields.iter().map(String::as_str));
                    self.out.write_stdout(&header)?;
                }
                Ok(())
            }
            (Format::Tsv, _) => {
                if empty && let Some(message) = &self.empty_message {
                    self.out.message(message);
                }
                Ok(())
            }
            (Format::Table, _) => {
                if empty {
                    if let Some(message) = &self.empty_message {
                        self.out.message(message);
                    }
                    return Ok(());
                }
                let text = self.out.table(&self.columns, &self.kept_rows);
                self.out.write_stdout(&text)
            }
        }
    }
}

impl Output {
    /// One item as it happens (`case watch`), written at once: a JSON line (JSON Lines; `--jq`
    /// runs on each item), a CSV row (the header before the first: `first`), a TSV row, or the
    /// cells separated by two spaces on a terminal.
    pub fn item_line<T: Tabular>(&self, item: &T, first: bool) -> CliResult<()> {
        let style = self.time_style();
        let value = to_json(item);
        if let Some(jq) = &self.jq {
            let (text, result) = jq.run(&value);
            self.write_stdout(&text)?;
            return result;
        }
        match self.format {
            Format::Json => self.write_stdout(&format!("{}\n", json::to_string(&value)?)),
            Format::Csv => {
                let fields: Vec<String> = T::csv_fields().into_iter().map(String::from).collect();
                let mut text = String::new();
                if first {
                    text.push_str(&csv_line(fields.iter().map(String::as_str)));
                }
                let row = csv_row(&value, &fields);
                text.push_str(&csv_line(row.iter().map(String::as_str)));
                self.write_stdout(&text)
            }
            Format::Tsv | Format::Table => {
                let separator = if self.format == Format::Tsv {
                    "\t"
                } else {
                    "  "
                };
                let cells: Vec<String> = item
                    .cells()
                    .iter()
                    .map(|c| match c {
                        Cell::Empty if self.format == Format::Table => "-".to_string(),
                        c => one_line(&c.render(style)),
                    })
                    .collect();
                self.write_stdout(&format!("{}\n", cells.join(separator)))
            }
        }
    }
}
