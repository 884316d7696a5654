//! What commands hand over to be shown: [`Outcome`], records, listings, cells, and the
//! [`Tabular`] trait of the types shown as rows.

use jiff::Timestamp;
use serde::Serialize;
use serde_json::Value;

use super::time::{TimeStyle, relative_time};
use crate::terminal::sanitize;

/// One value of a table cell or a record field. Output decides how it looks: relative times
/// on a terminal, RFC 3339 elsewhere; `-` for an empty cell in a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text (from the server or not: it is always sanitized).
    Text(String),
    Time(Timestamp),
    Bool(bool),
    Number(u64),
    Empty,
}

impl Cell {
    pub fn text(value: impl Into<String>) -> Cell {
        Cell::Text(value.into())
    }

    pub fn opt_text(value: Option<impl Into<String>>) -> Cell {
        value.map_or(Cell::Empty, |v| Cell::Text(v.into()))
    }

    pub fn opt_time(value: Option<Timestamp>) -> Cell {
        value.map_or(Cell::Empty, Cell::Time)
    }

    /// A list joined with `, `.
    pub fn list(values: &[String]) -> Cell {
        if values.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(values.join(", "))
        }
    }

    pub(super) fn render(&self, style: TimeStyle) -> String {
        match self {
            Cell::Text(text) => sanitize(text),
            Cell::Time(ts) => match style {
                TimeStyle::Relative(now) => relative_time(*ts, now),
                TimeStyle::Rfc3339 => ts.to_string(),
            },
            Cell::Bool(true) => "yes".into(),
            Cell::Bool(false) => "no".into(),
            Cell::Number(n) => n.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

impl From<String> for Cell {
    fn from(value: String) -> Self {
        Cell::Text(value)
    }
}

impl From<&str> for Cell {
    fn from(value: &str) -> Self {
        Cell::Text(value.to_string())
    }
}

impl From<Timestamp> for Cell {
    fn from(value: Timestamp) -> Self {
        Cell::Time(value)
    }
}

impl From<bool> for Cell {
    fn from(value: bool) -> Self {
        Cell::Bool(value)
    }
}

impl From<u64> for Cell {
    fn from(value: u64) -> Self {
        Cell::Number(value)
    }
}

impl From<u32> for Cell {
    fn from(value: u32) -> Self {
        Cell::Number(value.into())
    }
}

/// A column of the table and TSV views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// Heading on a terminal, e.g. `UPDATED`.
    pub heading: &'static str,
    /// The API field it shows (dotted for nested ones), e.g. `updateTime`.
    pub key: &'static str,
}

impl Column {
    pub const fn new(heading: &'static str, key: &'static str) -> Column {
        Column { heading, key }
    }
}

/// A type shown as rows of a table and as a record. JSON is its serde form; CSV takes
/// [`Tabular::csv_fields`] from that serde form.
pub trait Tabular: Serialize {
    /// The columns of the table and TSV views, in order.
    fn columns() -> &'static [Column];
    /// This item's cells, one per column.
    fn cells(&self) -> Vec<Cell>;
    /// The fields of the record view (`… view ID`); by default the columns.
    fn fields(&self) -> Vec<(&'static str, Cell)> {
        Self::columns()
            .iter()
            .map(|c| c.heading)
            .zip(self.cells())
            .collect()
    }
    /// CSV columns: dotted paths into the serde form (`classification.displayName`). Arrays
    /// of strings are joined with `;`. By default the columns' keys.
    fn csv_fields() -> Vec<&'static str> {
        Self::columns().iter().map(|c| c.key).collect()
    }
}

/// One item shown as label/value pairs (`case view`, `customer view`).
#[derive(Debug, Clone)]
pub struct Record {
    pub(super) fields: Vec<(String, Cell)>,
    pub(super) csv_fields: Vec<String>,
    pub(super) json: Value,
}

impl Record {
    pub fn new<T: Tabular>(item: &T) -> Record {
        Record {
            fields: item
                .fields()
                .into_iter()
                .map(|(label, cell)| (label.to_string(), cell))
                .collect(),
            csv_fields: T::csv_fields().iter().map(|s| s.to_string()).collect(),
            json: to_json(item),
        }
    }

    /// A record of free-form fields (e.g. `config list`, `auth status` of one domain); `json` is
    /// what `--json` shows.
    pub fn from_fields(fields: Vec<(String, Cell)>, json: Value) -> Record {
        let csv_fields = match &json {
            Value::Object(map) => map.keys().cloned().collect(),
            _ => Vec::new(),
        };
        Record {
            fields,
            csv_fields,
            json,
        }
    }
}

/// Rows shown as a table (or TSV, CSV, JSON array).
#[derive(Debug, Clone)]
pub struct Listing {
    pub(super) columns: Vec<Column>,
    pub(super) csv_fields: Vec<String>,
    pub(super) rows: Vec<Vec<Cell>>,
    pub(super) json: Vec<Value>,
    /// Said on stderr when there is no row (table and TSV only).
    pub(super) empty_message: Option<String>,
    /// A column added in front of each row, e.g. `DOMAIN` for `--all-domains`.
    pub(super) tag: Option<Column>,
    /// Said on stderr after the rows, in every format (what a list hid); `-q` silences it.
    pub(super) footer: Option<String>,
}

impl Listing {
    pub fn new<T: Tabular>() -> Listing {
        Listing {
            columns: T::columns().to_vec(),
            csv_fields: T::csv_fields().iter().map(|s| s.to_string()).collect(),
            rows: Vec::new(),
            json: Vec::new(),
            empty_message: None,
            tag: None,
            footer: None,
        }
    }

    /// A listing whose rows carry an extra first column (heading `heading`, JSON field `key`),
    /// filled by [`Listing::push_tagged`]: how `--all-domains` adds `domain`.
    pub fn tagged<T: Tabular>(heading: &'static str, key: &'static str) -> Listing {
        let tag = Column::new(heading, key);
        let mut listing = Listing::new::<T>();
        listing.columns.insert(0, tag);
        listing.csv_fields.insert(0, key.to_string());
        listing.tag = Some(tag);
        listing
    }

    pub fn of<T: Tabular>(items: &[T]) -> Listing {
        let mut listing = Listing::new::<T>();
        for item in items {
            listing.push(item);
        }
        listing
    }

    /// The message on stderr when the list is empty, e.g. "No customers match 'acme'.".
    pub fn empty_message(mut self, message: impl Into<String>) -> Listing {
        self.empty_message = Some(message.into());
        self
    }

    /// A sentence on stderr after the rows, whatever the format, e.g. what `--limit` hid.
    pub fn footer(mut self, message: Option<String>) -> Listing {
        self.footer = message;
        self
    }

    pub fn push<T: Tabular>(&mut self, item: &T) {
        self.rows.push(item.cells());
        self.json.push(to_json(item));
    }

    /// Adds a row with the tag column's value (the JSON object gets the tag's field first).
    pub fn push_tagged<T: Tabular>(&mut self, tag: &str, item: &T) {
        let key = self.tag.map_or("tag", |t| t.key);
        let mut cells = vec![Cell::text(tag)];
        cells.extend(item.cells());
        self.rows.push(cells);
        let mut object = serde_json::Map::new();
        object.insert(key.to_string(), Value::String(tag.to_string()));
        match to_json(item) {
            Value::Object(fields) => object.extend(fields),
            other => {
                object.insert("value".into(), other);
            }
        }
        self.json.push(Value::Object(object));
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// What a command hands back to be shown.
#[derive(Debug)]
pub enum Outcome {
    /// Nothing more to show.
    Done,
    /// One item as label/value pairs (or its JSON, CSV row, jq result).
    Record(Record),
    /// Rows.
    List(Listing),
    /// A value scripts capture (a new case's id, a token): printed alone on stdout in the
    /// table/TSV/CSV formats; with `--json`/`--jq` the record is shown instead when there is one.
    Primary {
        value: String,
        record: Option<Record>,
    },
    /// Raw text for stdout, shown as is (completion scripts, `config get`). Not sanitized:
    /// only for text that does not come from the server.
    Raw(String),
    /// A sentence on stderr ("Logged in to …"); `-q` silences it. With `--json`, `json` (if
    /// any) is printed on stdout instead so scripts get a result.
    Message { text: String, json: Option<Value> },
}

impl Outcome {
    pub fn message(text: impl Into<String>) -> Outcome {
        Outcome::Message {
            text: text.into(),
            json: None,
        }
    }

    pub fn record<T: Tabular>(item: &T) -> Outcome {
        Outcome::Record(Record::new(item))
    }

    pub fn list<T: Tabular>(items: &[T]) -> Outcome {
        Outcome::List(Listing::of(items))
    }

    pub fn primary(value: impl Into<String>) -> Outcome {
        Outcome::Primary {
            value: value.into(),
            record: None,
        }
    }
}

pub(super) fn to_json<T: Serialize>(item: &T) -> Value {
    // API types always serialize; a failure would be a bug in a Serialize impl
    serde_json::to_value(item).unwrap_or_else(|e| Value::String(format!("<unserializable: {e}>")))
}
