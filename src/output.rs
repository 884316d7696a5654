//! Everything the client shows: tables on a terminal, TSV when piped, JSON, CSV and `--jq`,
//! messages on stderr, progress bars. The only module that writes to stdout.
//!
//! Commands describe what to show with [`Outcome`] (a record, a list, a primary value, a
//! message) or, for lists that arrive page by page, a [`ListStream`]; types shown as rows
//! implement [`Tabular`]. Every string that came from the server goes through [`sanitize`]
//! before it reaches a terminal or a TSV/CSV/table; JSON escapes control characters itself.
#![allow(clippy::print_stdout, clippy::print_stderr)] // the module that owns stdout and stderr

use std::fmt;
use std::io::{self, IsTerminal, Write};
use std::str::FromStr;
use std::sync::{Arc, Mutex};

use jiff::Timestamp;
use serde::Serialize;
use serde_json::Value;

use crate::api::client::LogSink;
use crate::error::{CliError, CliResult};

/// An output format chosen with `--format` (or `--json`), or kept in the config.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Aligned table fitted to the terminal (the default on a terminal).
    Table,
    /// JSON with the API's camelCase field names.
    Json,
    /// CSV with a header of the API's field names (a cell starting with = + - @ gets a leading
    /// ' so spreadsheets do not run it as a formula)
    Csv,
    /// Tab-separated rows without a header (the default when stdout is piped).
    Tsv,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "table" => Ok(Format::Table),
            "json" => Ok(Format::Json),
            "csv" => Ok(Format::Csv),
            "tsv" => Ok(Format::Tsv),
            _ => Err(format!(
                "invalid format '{s}': expected table, json, csv or tsv"
            )),
        }
    }
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR is set.
    #[default]
    Auto,
    Always,
    Never,
}

// ---- terminal-safe text ----------------------------------------------------------------------

/// Removes terminal control sequences from text that came from elsewhere: ESC sequences (CSI,
/// OSC, DCS and two-byte ones), C0 controls except newline and tab, DEL, C1 controls (and the
/// strings an 8-bit CSI/OSC/DCS opens), and the Unicode bidirectional overrides that can make
/// text read differently from what it is.
pub fn sanitize(text: &str) -> String {
    #[derive(PartialEq)]
    enum State {
        Text,
        Esc,
        Csi,
        /// OSC, DCS, SOS, PM, APC: until BEL or ST.
        Str,
        StrEsc,
    }
    let mut out = String::with_capacity(text.len());
    let mut state = State::Text;
    for c in text.chars() {
        state = match state {
            State::Text => match c {
                '\u{1b}' => State::Esc,
                '\u{9b}' => State::Csi,
                '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => State::Str,
                '\n' | '\t' => {
                    out.push(c);
                    State::Text
                }
                c if c.is_control() || is_bidi_control(c) => State::Text,
                c => {
                    out.push(c);
                    State::Text
                }
            },
            State::Esc => match c {
                '[' => State::Csi,
                ']' | 'P' | 'X' | '^' | '_' => State::Str,
                // intermediate bytes of a longer escape: keep skipping
                '\u{20}'..='\u{2f}' => State::Esc,
                _ => State::Text,
            },
            State::Csi => match c {
                '\u{40}'..='\u{7e}' => State::Text,
                '\u{20}'..='\u{3f}' => State::Csi,
                // anything else ends a malformed sequence; drop it too
                _ => State::Text,
            },
            State::Str => match c {
                '\u{7}' | '\u{9c}' => State::Text,
                '\u{1b}' => State::StrEsc,
                _ => State::Str,
            },
            State::StrEsc => match c {
                '\\' => State::Text,
                _ => State::Str,
            },
        };
    }
    out
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

/// Sanitized text on one line: newlines and tabs become spaces (for TSV and table cells).
pub fn one_line(text: &str) -> String {
    sanitize(text)
        .chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .collect()
}

// ---- what commands hand over -------------------------------------------------------------

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

    fn render(&self, style: TimeStyle) -> String {
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
    fields: Vec<(String, Cell)>,
    csv_fields: Vec<String>,
    json: Value,
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
    columns: Vec<Column>,
    csv_fields: Vec<String>,
    rows: Vec<Vec<Cell>>,
    json: Vec<Value>,
    /// Said on stderr when there is no row (table and TSV only).
    empty_message: Option<String>,
    /// A column added in front of each row, e.g. `DOMAIN` for `--all-domains`.
    tag: Option<Column>,
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

fn to_json<T: Serialize>(item: &T) -> Value {
    // API types always serialize; a failure would be a bug in a Serialize impl
    serde_json::to_value(item).unwrap_or_else(|e| Value::String(format!("<unserializable: {e}>")))
}

// ---- the renderer ------------------------------------------------------------------------

/// How output is asked for (from the global options and the config).
#[derive(Debug, Clone, Default)]
pub struct OutputOptions {
    /// `--format` / `--json`, else the config's `format`; `None` picks table or TSV.
    pub format: Option<Format>,
    pub jq: Option<String>,
    pub quiet: bool,
    pub verbose: bool,
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy)]
enum TimeStyle {
    Relative(Timestamp),
    Rfc3339,
}

type Sink = Arc<Mutex<dyn Write + Send>>;

/// The renderer every command uses.
#[derive(Clone)]
pub struct Output {
    format: Format,
    jq: Option<Arc<JqProgram>>,
    quiet: bool,
    verbose: bool,
    color: bool,
    stderr_color: bool,
    stdout_terminal: bool,
    stderr_terminal: bool,
    width: Option<u16>,
    stdout: Sink,
    stderr: Sink,
}

impl fmt::Debug for Output {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Output")
            .field("format", &self.format)
            .field("jq", &self.jq.is_some())
            .field("quiet", &self.quiet)
            .finish_non_exhaustive()
    }
}

/// Whether to colour a stream: `--color always|never` decide; `auto` colours a terminal unless
/// `NO_COLOR` is set.
fn use_color(choice: ColorChoice, terminal: bool, no_color: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && !no_color,
    }
}

fn no_color_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

fn terminal_width() -> Option<u16> {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok())
        .filter(|w| *w > 0)
}

impl Output {
    /// The renderer for the real stdout and stderr. Fails on an invalid `--jq` expression.
    pub fn new(options: &OutputOptions) -> CliResult<Output> {
        let stdout_terminal = io::stdout().is_terminal();
        let stderr_terminal = io::stderr().is_terminal();
        Output::with_sinks(
            options,
            stdout_terminal,
            stderr_terminal,
            Arc::new(Mutex::new(io::stdout())),
            Arc::new(Mutex::new(io::stderr())),
        )
    }

    /// A renderer writing into the given sinks, as if stdout/stderr were (or were not)
    /// terminals. Used by tests.
    pub fn with_sinks(
        options: &OutputOptions,
        stdout_terminal: bool,
        stderr_terminal: bool,
        stdout: Sink,
        stderr: Sink,
    ) -> CliResult<Output> {
        let jq = match &options.jq {
            Some(expr) => Some(Arc::new(JqProgram::compile(expr)?)),
            None => None,
        };
        let format = match (jq.is_some(), options.format) {
            (true, _) => Format::Json,
            (false, Some(format)) => format,
            (false, None) if stdout_terminal => Format::Table,
            (false, None) => Format::Tsv,
        };
        let no_color = no_color_env();
        let color_allowed = |terminal: bool| use_color(options.color, terminal, no_color);
        Ok(Output {
            format,
            jq,
            quiet: options.quiet,
            verbose: options.verbose,
            color: color_allowed(stdout_terminal),
            stderr_color: color_allowed(stderr_terminal),
            stdout_terminal,
            stderr_terminal,
            width: terminal_width(),
            stdout,
            stderr,
        })
    }

    /// The format in use (`Json` also when `--jq` is given).
    pub fn format(&self) -> Format {
        self.format
    }

    /// Whether results go out as JSON (`--json`, `--format json` or `--jq`).
    pub fn is_json(&self) -> bool {
        self.format == Format::Json
    }

    pub fn is_quiet(&self) -> bool {
        self.quiet
    }

    pub fn is_verbose(&self) -> bool {
        self.verbose
    }

    /// Whether stderr is coloured (prompts follow it).
    pub fn stderr_color(&self) -> bool {
        self.stderr_color
    }

    pub fn stderr_is_terminal(&self) -> bool {
        self.stderr_terminal
    }

    fn time_style(&self) -> TimeStyle {
        if self.stdout_terminal && self.format == Format::Table {
            TimeStyle::Relative(Timestamp::now())
        } else {
            TimeStyle::Rfc3339
        }
    }

    /// Shows what a command returned.
    pub fn emit(&self, outcome: Outcome) -> CliResult<()> {
        match outcome {
            Outcome::Done => Ok(()),
            Outcome::Record(record) => self.record(&record),
            Outcome::List(listing) => self.list(&listing),
            Outcome::Primary { value, record } => match (self.format, record) {
                (Format::Json, Some(record)) => self.json_value(&record.json),
                (Format::Json, None) => self.json_value(&Value::String(value)),
                (_, _) => self.write_stdout(&format!("{}\n", sanitize(&value))),
            },
            Outcome::Raw(text) => self.write_stdout(&text),
            Outcome::Message { text, json } => match (self.format, json) {
                (Format::Json, Some(json)) => self.json_value(&json),
                _ => {
                    self.message(&text);
                    Ok(())
                }
            },
        }
    }

    /// One item: label/value lines (table), `label\tvalue` (TSV), header + one row (CSV).
    pub fn record(&self, record: &Record) -> CliResult<()> {
        let style = self.time_style();
        match self.format {
            Format::Json => self.json_value(&record.json),
            Format::Csv => {
                let mut text = csv_line(record.csv_fields.iter().map(String::as_str));
                text.push_str(&csv_line(
                    csv_row(&record.json, &record.csv_fields)
                        .iter()
                        .map(String::as_str),
                ));
                self.write_stdout(&text)
            }
            Format::Tsv => {
                let mut text = String::new();
                for (label, cell) in &record.fields {
                    text.push_str(&format!(
                        "{}\t{}\n",
                        one_line(label),
                        one_line(&cell.render(style))
                    ));
                }
                self.write_stdout(&text)
            }
            Format::Table => {
                let width = record
                    .fields
                    .iter()
                    .map(|(l, _)| l.chars().count())
                    .max()
                    .unwrap_or(0);
                let mut text = String::new();
                for (label, cell) in &record.fields {
                    let value = match cell {
                        Cell::Empty => "-".to_string(),
                        cell => cell.render(style),
                    };
                    let label = format!("{:<width$}", format!("{label}:"), width = width + 1);
                    let label = if self.color {
                        format!("\u{1b}[1m{label}\u{1b}[0m")
                    } else {
                        label
                    };
                    let mut lines = value.lines();
                    text.push_str(&format!("{label} {}\n", lines.next().unwrap_or("")));
                    for line in lines {
                        text.push_str(&format!("{:width$} {line}\n", "", width = width + 1));
                    }
                }
                self.write_stdout(&text)
            }
        }
    }

    /// Rows at once.
    pub fn list(&self, listing: &Listing) -> CliResult<()> {
        let mut stream = ListStream::from_listing_shape(self.clone(), listing);
        stream.push_rows(listing.rows.clone(), listing.json.clone())?;
        stream.finish()
    }

    /// A list that arrives page by page (`case list --all`): JSON array elements, CSV and TSV
    /// rows are written as they come; a table (and `--jq`) collects first.
    pub fn list_stream<T: Tabular>(&self) -> ListStream {
        ListStream::from_listing_shape(self.clone(), &Listing::new::<T>())
    }

    /// Like [`Output::list_stream`] for a [`Listing::tagged`] shape.
    pub fn list_stream_like(&self, listing: &Listing) -> ListStream {
        ListStream::from_listing_shape(self.clone(), listing)
    }

    /// A sentence for the user on stderr; `-q` silences it.
    pub fn message(&self, text: &str) {
        if !self.quiet {
            self.write_stderr(&format!("{}\n", sanitize(text)));
        }
    }

    /// A warning on stderr, shown even with `-q`.
    pub fn warn(&self, text: &str) {
        let label = if self.stderr_color {
            "\u{1b}[33mWarning:\u{1b}[0m"
        } else {
            "Warning:"
        };
        self.write_stderr(&format!("{label} {}\n", sanitize(text)));
    }

    /// A `-v` line on stderr.
    pub fn verbose(&self, text: &str) {
        if self.verbose {
            self.write_stderr(&format!("{}\n", sanitize(text)));
        }
    }

    /// The sink the API client logs `-v` lines into (or `None` without `-v`).
    pub fn log_sink(&self) -> Option<LogSink> {
        if !self.verbose {
            return None;
        }
        let out = self.clone();
        Some(Arc::new(move |line: &str| {
            out.verbose(&format!("* {line}"))
        }))
    }

    /// A progress bar on stderr for a transfer of `len` bytes; hidden when stderr is not a
    /// terminal or with `-q`.
    pub fn progress_bar(&self, len: u64, label: &str) -> indicatif::ProgressBar {
        if self.quiet || !self.stderr_terminal {
            return indicatif::ProgressBar::hidden();
        }
        let bar = indicatif::ProgressBar::new(len);
        let style = indicatif::ProgressStyle::with_template(
            "{msg} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} {eta}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .progress_chars("=> ");
        bar.set_style(style);
        bar.set_message(sanitize(label));
        bar
    }

    /// Prints an error as `Error:` / `Caused by:` / `Hint:` on stderr.
    pub fn error(&self, error: &CliError) {
        let mut text = Vec::new();
        let _ = error.render(&mut text);
        let mut text = String::from_utf8_lossy(&text).into_owned();
        if self.stderr_color {
            text = text
                .replacen("Error:", "\u{1b}[1;31mError:\u{1b}[0m", 1)
                .replace("\nHint:", "\n\u{1b}[1;36mHint:\u{1b}[0m");
        }
        self.write_stderr(&text);
    }

    fn json_value(&self, value: &Value) -> CliResult<()> {
        match &self.jq {
            Some(program) => {
                let text = program.run(value)?;
                self.write_stdout(&text)
            }
            None => {
                let text = serde_json::to_string_pretty(value)
                    .map_err(|e| CliError::failure(format!("cannot encode JSON: {e}")))?;
                self.write_stdout(&format!("{text}\n"))
            }
        }
    }

    fn write_stdout(&self, text: &str) -> CliResult<()> {
        let mut out = self.stdout.lock().unwrap_or_else(|e| e.into_inner());
        match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
            Ok(()) => Ok(()),
            // `rsupport … | head`: the reader is gone, which is not an error of ours
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
            Err(e) => Err(CliError::failure(format!("cannot write to stdout: {e}"))),
        }
    }

    fn write_stderr(&self, text: &str) {
        let mut err = self.stderr.lock().unwrap_or_else(|e| e.into_inner());
        let _ = err.write_all(text.as_bytes());
        let _ = err.flush();
    }

    fn table(&self, columns: &[Column], rows: &[Vec<Cell>]) -> String {
        use comfy_table::{Attribute, Cell as TableCell, ContentArrangement, Table, presets};
        let style = self.time_style();
        let mut table = Table::new();
        table
            .load_preset(presets::NOTHING)
            .set_content_arrangement(ContentArrangement::Dynamic);
        if let Some(width) = self.width {
            table.set_width(width);
        } else if !self.stdout_terminal {
            table.set_width(120);
        }
        if self.color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        table.set_header(columns.iter().map(|c| {
            let cell = TableCell::new(c.heading);
            if self.color {
                cell.add_attribute(Attribute::Bold)
            } else {
                cell
            }
        }));
        for row in rows {
            table.add_row(row.iter().map(|cell| match cell {
                Cell::Empty => "-".to_string(),
                cell => one_line(&cell.render(style)),
            }));
        }
        let mut text = table.to_string();
        // comfy-table pads the last column; keep lines tidy
        text = text
            .lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n");
        text.push('\n');
        text
    }
}

/// Rows written as they arrive; call [`ListStream::finish`] at the end.
pub struct ListStream {
    out: Output,
    columns: Vec<Column>,
    csv_fields: Vec<String>,
    empty_message: Option<String>,
    started: bool,
    count: usize,
    /// Rows kept for a table or `--jq` (they need the whole list).
    kept_rows: Vec<Vec<Cell>>,
    kept_json: Vec<Value>,
}

impl ListStream {
    fn from_listing_shape(out: Output, listing: &Listing) -> ListStream {
        ListStream {
            out,
            columns: listing.columns.clone(),
            csv_fields: listing.csv_fields.clone(),
            empty_message: listing.empty_message.clone(),
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

    fn push_rows(&mut self, rows: Vec<Vec<Cell>>, json: Vec<Value>) -> CliResult<()> {
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
                    let pretty = serde_json::to_string_pretty(&value)
                        .map_err(|e| CliError::failure(format!("cannot encode JSON: {e}")))?;
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

    /// Ends the list: closes the JSON array, draws the table, runs `--jq`.
    pub fn finish(self) -> CliResult<()> {
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

// ---- CSV -----------------------------------------------------------------------------------

fn csv_field(value: &str) -> String {
    let value = sanitize(value);
    // a leading =, +, - or @ would make a spreadsheet run a formula
    let value = match value.chars().next() {
        Some('=' | '+' | '-' | '@') if value.parse::<f64>().is_err() => format!("'{value}"),
        _ => value,
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

fn csv_line<'a>(fields: impl Iterator<Item = &'a str>) -> String {
    let mut line = fields.map(csv_field).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

/// The value at a dotted path, as CSV text: strings as they are, arrays of scalars joined with
/// `;`, objects as JSON, null or missing as empty.
fn csv_row(json: &Value, fields: &[String]) -> Vec<String> {
    fields
        .iter()
        .map(|path| {
            let mut value = json;
            for part in path.split('.') {
                value = value.get(part).unwrap_or(&Value::Null);
            }
            csv_text(value)
        })
        .collect()
}

fn csv_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) if items.iter().all(|v| !v.is_object() && !v.is_array()) => {
            items.iter().map(csv_text).collect::<Vec<_>>().join(";")
        }
        other => other.to_string(),
    }
}

// ---- time ----------------------------------------------------------------------------------

/// "just now", "5m ago", "3h ago", "2d ago", or the date for anything older than 30 days;
/// "in 5m" for the future.
pub fn relative_time(ts: Timestamp, now: Timestamp) -> String {
    let seconds = now.as_second() - ts.as_second();
    let (future, seconds) = (seconds < 0, seconds.unsigned_abs());
    let amount = match seconds {
        0..45 => return "just now".into(),
        45..3600 => format!("{}m", (seconds + 30) / 60),
        3600..86_400 => format!("{}h", seconds / 3600),
        86_400..2_592_000 => format!("{}d", seconds / 86_400),
        _ => return ts.strftime("%Y-%m-%d").to_string(),
    };
    if future {
        format!("in {amount}")
    } else {
        format!("{amount} ago")
    }
}

// ---- jq ------------------------------------------------------------------------------------

/// A compiled `--jq` expression (jaq, with jq's standard library).
pub struct JqProgram {
    expr: String,
    filter: jaq_core::Filter<jaq_core::Native<jaq_json::Val>>,
}

impl fmt::Debug for JqProgram {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JqProgram")
            .field("expr", &self.expr)
            .finish()
    }
}

impl JqProgram {
    /// Compiles `expr`; a syntax error or an unknown filter is a usage error (exit 2).
    pub fn compile(expr: &str) -> CliResult<JqProgram> {
        use jaq_core::load::{Arena, File, Loader};
        let invalid = |why: String| {
            CliError::usage(format!("invalid --jq expression '{expr}': {why}"))
                .hint("--jq takes a jq filter such as '.[] | .id' or 'map(.displayName)'")
        };
        let loader = Loader::new(jaq_std::defs().chain(jaq_json::defs()));
        let arena = Arena::default();
        let program = File {
            code: expr,
            path: (),
        };
        let modules = loader.load(&arena, program).map_err(|errors| {
            let mut why = Vec::new();
            for (_, error) in errors {
                match error {
                    jaq_core::load::Error::Io(items) => {
                        why.extend(items.into_iter().map(|(_, e)| e));
                    }
                    jaq_core::load::Error::Lex(items) => {
                        why.extend(items.into_iter().map(|(expected, at)| {
                            format!("expected {} at '{}'", expected.as_str(), snippet(at))
                        }))
                    }
                    jaq_core::load::Error::Parse(items) => {
                        why.extend(items.into_iter().map(|(expected, at)| {
                            format!("expected {} at '{}'", expected.as_str(), snippet(at))
                        }))
                    }
                }
            }
            invalid(why.join("; "))
        })?;
        let filter = jaq_core::Compiler::default()
            .with_funs(jaq_std::funs().chain(jaq_json::funs()))
            .compile(modules)
            .map_err(|errors| {
                let why: Vec<String> = errors
                    .into_iter()
                    .flat_map(|(_, undefined)| undefined)
                    .map(|(name, kind)| format!("undefined {} '{name}'", kind.as_str()))
                    .collect();
                invalid(why.join("; "))
            })?;
        Ok(JqProgram {
            expr: expr.to_string(),
            filter,
        })
    }

    /// Runs on `input`; every output on its own line, strings raw (like `jq -r`), other values
    /// as compact JSON.
    pub fn run(&self, input: &Value) -> CliResult<String> {
        use jaq_core::{Ctx, RcIter};
        let inputs = RcIter::new(core::iter::empty());
        let mut text = String::new();
        let outputs = self
            .filter
            .run((Ctx::new([], &inputs), jaq_json::Val::from(input.clone())));
        for output in outputs {
            match output {
                Ok(jaq_json::Val::Str(s)) => {
                    text.push_str(&sanitize(&s));
                    text.push('\n');
                }
                Ok(value) => {
                    let json = Value::from(value);
                    text.push_str(&json.to_string());
                    text.push('\n');
                }
                Err(error) => {
                    return Err(CliError::usage(format!(
                        "--jq '{}' failed: {error}",
                        self.expr
                    )));
                }
            }
        }
        Ok(text)
    }
}

fn snippet(at: &str) -> String {
    let s: String = at.chars().take(20).collect();
    if s.is_empty() {
        "end of input".into()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_removes_csi_colour_and_cursor_sequences() {
        assert_eq!(sanitize("a\u{1b}[31mred\u{1b}[0m\u{1b}[2J b"), "ared b");
    }

    #[test]
    fn sanitize_removes_osc_title_and_hyperlink_sequences() {
        assert_eq!(sanitize("x\u{1b}]0;pwned\u{7}y"), "xy");
        assert_eq!(
            sanitize("\u{1b}]8;;http://evil\u{1b}\\link\u{1b}]8;;\u{1b}\\"),
            "link"
        );
    }

    #[test]
    fn sanitize_keeps_newline_and_tab_and_drops_other_controls() {
        assert_eq!(sanitize("a\tb\nc\rd\u{7}e\u{8}f\u{7f}"), "a\tb\ncdef");
    }

    #[test]
    fn sanitize_drops_c1_controls_and_eight_bit_csi() {
        assert_eq!(sanitize("a\u{9b}31mb\u{85}c"), "abc");
    }

    #[test]
    fn sanitize_drops_bidi_overrides() {
        assert_eq!(sanitize("abc\u{202e}fed"), "abcfed");
    }

    #[test]
    fn sanitize_keeps_non_ascii_text() {
        assert_eq!(sanitize("Caffè — 東京 🚀"), "Caffè — 東京 🚀");
    }

    #[test]
    fn relative_time_rounds_to_the_largest_unit() {
        let now: Timestamp = "2026-01-31T12:00:00Z".parse().unwrap();
        let at = |s: &str| relative_time(s.parse().unwrap(), now);
        assert_eq!(at("2026-01-31T11:59:50Z"), "just now");
        assert_eq!(at("2026-01-31T11:55:00Z"), "5m ago");
        assert_eq!(at("2026-01-31T09:00:00Z"), "3h ago");
        assert_eq!(at("2026-01-29T12:00:00Z"), "2d ago");
        assert_eq!(at("2025-11-01T12:00:00Z"), "2025-11-01");
        assert_eq!(at("2026-01-31T12:10:00Z"), "in 10m");
    }

    #[test]
    fn csv_quotes_commas_quotes_and_newlines() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }

    #[test]
    fn csv_defuses_spreadsheet_formulas_but_not_negative_numbers() {
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("-3"), "-3");
    }

    #[test]
    fn csv_row_follows_dotted_paths_and_joins_arrays() {
        let json = serde_json::json!({"id": 7, "c": {"n": "x"}, "subs": ["a@x", "b@x"]});
        let row = csv_row(
            &json,
            &["id".into(), "c.n".into(), "subs".into(), "none".into()],
        );
        assert_eq!(row, vec!["7", "x", "a@x;b@x", ""]);
    }

    #[test]
    fn jq_prints_strings_raw_and_other_values_compact() {
        let program = JqProgram::compile(".[] | .name, .n").unwrap();
        let out = program
            .run(&serde_json::json!([{"name": "acme", "n": {"a": 1}}]))
            .unwrap();
        assert_eq!(out, "acme\n{\"a\":1}\n");
    }

    #[test]
    fn jq_standard_library_is_available() {
        let program = JqProgram::compile("map(select(.n > 1)) | length").unwrap();
        let out = program
            .run(&serde_json::json!([{"n": 1}, {"n": 2}]))
            .unwrap();
        assert_eq!(out, "1\n");
    }

    #[test]
    fn jq_syntax_error_is_a_usage_error_naming_the_expression() {
        let err = JqProgram::compile(".[] |").unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().contains("'.[] |'"), "{err}");
    }

    #[test]
    fn jq_unknown_filter_is_named() {
        let err = JqProgram::compile("nosuchfilter").unwrap_err();
        assert!(err.to_string().contains("nosuchfilter"), "{err}");
    }

    #[test]
    fn jq_output_strings_are_sanitized() {
        let program = JqProgram::compile(".").unwrap();
        let out = program.run(&serde_json::json!("a\u{1b}[2Jb")).unwrap();
        assert_eq!(out, "ab\n");
    }
}

#[cfg(test)]
mod render_tests {
    use super::*;

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Item {
        id: u64,
        display_name: String,
        update_time: Timestamp,
        tags: Vec<String>,
    }

    impl Tabular for Item {
        fn columns() -> &'static [Column] {
            const COLUMNS: &[Column] = &[
                Column::new("ID", "id"),
                Column::new("NAME", "displayName"),
                Column::new("UPDATED", "updateTime"),
            ];
            COLUMNS
        }
        fn cells(&self) -> Vec<Cell> {
            vec![
                Cell::from(self.id),
                Cell::text(&self.display_name),
                Cell::Time(self.update_time),
            ]
        }
        fn csv_fields() -> Vec<&'static str> {
            vec!["id", "displayName", "updateTime", "tags"]
        }
    }

    fn item(id: u64, name: &str) -> Item {
        Item {
            id,
            display_name: name.into(),
            update_time: "2026-01-02T03:04:05Z".parse().unwrap(),
            tags: vec!["a".into(), "b".into()],
        }
    }

    struct Captured {
        out: Output,
        stdout: Arc<Mutex<Vec<u8>>>,
        stderr: Arc<Mutex<Vec<u8>>>,
    }

    impl Captured {
        fn stdout(&self) -> String {
            String::from_utf8(self.stdout.lock().unwrap().clone()).unwrap()
        }
        fn stderr(&self) -> String {
            String::from_utf8(self.stderr.lock().unwrap().clone()).unwrap()
        }
    }

    fn capture(options: OutputOptions, terminal: bool) -> Captured {
        let stdout = Arc::new(Mutex::new(Vec::new()));
        let stderr = Arc::new(Mutex::new(Vec::new()));
        let out =
            Output::with_sinks(&options, terminal, false, stdout.clone(), stderr.clone()).unwrap();
        Captured {
            out,
            stdout,
            stderr,
        }
    }

    fn with_format(format: Format) -> OutputOptions {
        OutputOptions {
            format: Some(format),
            color: ColorChoice::Never,
            ..OutputOptions::default()
        }
    }

    #[test]
    fn piped_output_without_a_format_is_tsv_with_rfc3339_times() {
        let c = capture(OutputOptions::default(), false);
        c.out
            .emit(Outcome::list(&[item(1, "one"), item(2, "two")]))
            .unwrap();
        assert_eq!(
            c.stdout(),
            "1\tone\t2026-01-02T03:04:05Z\n2\ttwo\t2026-01-02T03:04:05Z\n"
        );
    }

    #[test]
    fn terminal_output_without_a_format_is_a_table_with_headings() {
        let c = capture(
            OutputOptions {
                color: ColorChoice::Never,
                ..OutputOptions::default()
            },
            true,
        );
        c.out.emit(Outcome::list(&[item(1, "one")])).unwrap();
        let text = c.stdout();
        assert!(text.lines().next().unwrap().contains("NAME"), "{text}");
        assert!(
            text.contains("one") && !text.contains("2026-01-02T"),
            "relative time: {text}"
        );
    }

    #[test]
    fn tsv_cells_keep_to_one_line() {
        let c = capture(with_format(Format::Tsv), false);
        c.out
            .emit(Outcome::list(&[item(1, "two\tlines\nhere")]))
            .unwrap();
        assert!(
            c.stdout().starts_with("1\ttwo lines here\t"),
            "{}",
            c.stdout()
        );
    }

    #[test]
    fn json_list_is_an_array_of_the_serde_form() {
        let c = capture(with_format(Format::Json), false);
        c.out
            .emit(Outcome::list(&[item(1, "one"), item(2, "two")]))
            .unwrap();
        let value: Value = serde_json::from_str(&c.stdout()).unwrap();
        assert_eq!(value[1]["displayName"], "two");
        assert_eq!(value[0]["updateTime"], "2026-01-02T03:04:05Z");
    }

    #[test]
    fn json_list_streamed_page_by_page_is_one_valid_array() {
        let c = capture(with_format(Format::Json), false);
        let mut stream = c.out.list_stream::<Item>();
        stream.page(&[item(1, "one")]).unwrap();
        assert!(c.stdout().starts_with("[\n"), "first page written at once");
        stream.page(&[item(2, "two"), item(3, "three")]).unwrap();
        stream.finish().unwrap();
        let value: Value = serde_json::from_str(&c.stdout()).unwrap();
        assert_eq!(value.as_array().unwrap().len(), 3);
    }

    #[test]
    fn empty_json_stream_is_an_empty_array() {
        let c = capture(with_format(Format::Json), false);
        c.out.list_stream::<Item>().finish().unwrap();
        assert_eq!(c.stdout(), "[]\n");
    }

    #[test]
    fn csv_has_a_header_of_api_field_names_and_joins_arrays() {
        let c = capture(with_format(Format::Csv), false);
        c.out.emit(Outcome::list(&[item(1, "a, b")])).unwrap();
        assert_eq!(
            c.stdout(),
            "id,displayName,updateTime,tags\r\n1,\"a, b\",2026-01-02T03:04:05Z,a;b\r\n"
        );
    }

    #[test]
    fn empty_csv_still_has_its_header() {
        let c = capture(with_format(Format::Csv), false);
        c.out.emit(Outcome::List(Listing::new::<Item>())).unwrap();
        assert_eq!(c.stdout(), "id,displayName,updateTime,tags\r\n");
    }

    #[test]
    fn empty_list_says_so_on_stderr_and_prints_nothing() {
        let c = capture(with_format(Format::Tsv), false);
        c.out
            .emit(Outcome::List(
                Listing::new::<Item>().empty_message("No items."),
            ))
            .unwrap();
        assert_eq!(c.stdout(), "");
        assert_eq!(c.stderr(), "No items.\n");
    }

    #[test]
    fn quiet_silences_messages_but_not_warnings() {
        let c = capture(
            OutputOptions {
                quiet: true,
                ..OutputOptions::default()
            },
            false,
        );
        c.out.emit(Outcome::message("Done.")).unwrap();
        c.out.warn("careful");
        assert_eq!(c.stderr(), "Warning: careful\n");
    }

    #[test]
    fn jq_runs_on_the_whole_list() {
        let c = capture(
            OutputOptions {
                jq: Some("map(.id) | add".into()),
                ..OutputOptions::default()
            },
            false,
        );
        let mut stream = c.out.list_stream::<Item>();
        stream.page(&[item(1, "one")]).unwrap();
        stream.page(&[item(2, "two")]).unwrap();
        stream.finish().unwrap();
        assert_eq!(c.stdout(), "3\n");
    }

    #[test]
    fn tagged_listing_adds_the_tag_as_first_column_and_json_field() {
        let c = capture(with_format(Format::Json), false);
        let mut listing = Listing::tagged::<Item>("DOMAIN", "domain");
        listing.push_tagged("a.example", &item(1, "one"));
        c.out.emit(Outcome::List(listing)).unwrap();
        let value: Value = serde_json::from_str(&c.stdout()).unwrap();
        assert_eq!(value[0]["domain"], "a.example");
        assert_eq!(value[0]["id"], 1);
    }

    #[test]
    fn record_in_tsv_is_label_tab_value_lines() {
        let c = capture(with_format(Format::Tsv), false);
        c.out.emit(Outcome::record(&item(7, "seven"))).unwrap();
        assert_eq!(
            c.stdout(),
            "ID\t7\nNAME\tseven\nUPDATED\t2026-01-02T03:04:05Z\n"
        );
    }

    #[test]
    fn primary_value_prints_alone_and_json_prints_the_record() {
        let c = capture(OutputOptions::default(), false);
        c.out
            .emit(Outcome::Primary {
                value: "42".into(),
                record: Some(Record::new(&item(42, "x"))),
            })
            .unwrap();
        assert_eq!(c.stdout(), "42\n");
        let c = capture(with_format(Format::Json), false);
        c.out
            .emit(Outcome::Primary {
                value: "42".into(),
                record: Some(Record::new(&item(42, "x"))),
            })
            .unwrap();
        let value: Value = serde_json::from_str(&c.stdout()).unwrap();
        assert_eq!(value["displayName"], "x");
    }

    #[test]
    fn table_never_prints_control_sequences_from_server_text() {
        let c = capture(with_format(Format::Table), true);
        c.out
            .emit(Outcome::list(&[item(
                1,
                "evil\u{1b}]0;title\u{7}\u{1b}[31mred",
            )]))
            .unwrap();
        assert!(!c.stdout().contains('\u{1b}'), "{:?}", c.stdout());
        assert!(c.stdout().contains("evilred"), "{:?}", c.stdout());
    }

    #[test]
    fn auto_colour_needs_a_terminal_and_no_no_color() {
        assert!(use_color(ColorChoice::Auto, true, false));
        assert!(!use_color(ColorChoice::Auto, true, true));
        assert!(!use_color(ColorChoice::Auto, false, false));
        assert!(!use_color(ColorChoice::Never, true, false));
        assert!(use_color(ColorChoice::Always, false, true));
    }

    #[test]
    fn color_always_styles_the_table_header_and_never_does_not() {
        let colored = capture(
            OutputOptions {
                format: Some(Format::Table),
                color: ColorChoice::Always,
                ..OutputOptions::default()
            },
            false,
        );
        colored.out.emit(Outcome::list(&[item(1, "one")])).unwrap();
        assert!(colored.stdout().contains('\u{1b}'));
        let plain = capture(with_format(Format::Table), true);
        plain.out.emit(Outcome::list(&[item(1, "one")])).unwrap();
        assert!(!plain.stdout().contains('\u{1b}'));
    }
}
