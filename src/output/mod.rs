//! Everything the client shows: tables on a terminal, TSV when piped, JSON, CSV and `--jq`,
//! messages on stderr, progress bars. The only module that writes to stdout.
//!
//! Commands describe what to show with [`Outcome`] (a record, a list, a primary value, a
//! message) or, for lists that arrive page by page, a [`ListStream`]; types shown as rows
//! implement [`Tabular`]. Every string that came from the server goes through
//! [`sanitize`](crate::terminal::sanitize) before it reaches a terminal or a TSV/CSV/table;
//! JSON is written by [`json`], which escapes every control and bidi character instead.
//!
//! One concern per file: [`format`] (the `--format`/`--color` choices), [`outcome`] (what
//! commands hand over), [`table`], [`stream`] (TSV/JSON/CSV written as pages arrive), [`csv`],
//! [`json`] (the one JSON encoder), [`jq`], [`time`]; this file holds the renderer and the
//! stderr lines.
#![allow(clippy::print_stdout, clippy::print_stderr)] // the module that owns stdout and stderr

mod csv;
mod format;
mod jq;
mod json;
mod outcome;
mod stream;
mod table;
#[cfg(test)]
mod tests;
mod time;

use std::fmt;
use std::io::{self, IsTerminal, Write};
use std::sync::{Arc, Mutex};

use jiff::Timestamp;
use serde_json::Value;

use crate::client::LogSink;
use crate::error::{CliError, CliResult};
use crate::terminal::{one_line, sanitize};

use csv::{csv_line, csv_row};
pub use format::{ColorChoice, Format};
pub use jq::JqProgram;
pub use outcome::{Cell, Column, Listing, Outcome, Record, Tabular};
pub use stream::ListStream;
use time::TimeStyle;
pub use time::relative_time;
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
                // what came before an error is printed, as jq does
                let (text, result) = program.run(value);
                self.write_stdout(&text)?;
                result
            }
            None => {
                let text = json::to_string_pretty(value)?;
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
}
