//! Acting on several cases at once (`case close 41 42 43`, `--stdin`): the one runner behind
//! `close`, `update`, `comment`, `share` and `escalate`, each of which supplies its per-case
//! action. With one id the commands run as they always did; this module is for two or more.
//!
//! Before anything is sent: the ids are read (bad `--stdin` lines refused naming the line,
//! exit 2), and the run is confirmed: on a terminal the cases are listed and asked about once;
//! without a prompt `--yes` (or `--dry-run`) is required. Then at most [`CONCURRENCY`]
//! requests are under way at a time, results are shown in input order, one per case (a JSON
//! array with `--json`), and the exit code is the most severe of the lot ([`SEVERITY`]). A
//! refused case never stops the others.

use std::collections::HashSet;
use std::future::Future;
use std::io::Read;
use std::path::Path;

use clap::Args;
use futures_util::stream::{self, StreamExt};
use serde::Serialize;
use serde_json::Value;

use super::ids::parse_case_id;
use super::owner::point_to_owning_domain;
use crate::context::Ctx;
use crate::error::{CliError, CliResult, ExitClass};
use crate::output::{Cell, Column, Outcome, Tabular};

/// How many cases are worked on at once: a few, so a long list is quick without hammering
/// the server (which answers `RATE_LIMITED` past its own limit).
pub const CONCURRENCY: usize = 4;

/// The exit classes from most to least severe: the code of a bulk run is that of its most
/// severe case. An unexpected error (1) comes first, as it may hide anything; then an
/// unreachable server (6), where whether a change happened is unknown; then auth (4), which
/// the user must fix before a rerun can work; then not found (3), a wrong id in the input;
/// then refused by a rule (5), often a case already in the wanted state; then invalid input
/// for one case (2). Everything done is 0. (A watch's timeout, 7, is never a bulk case's; it
/// ranks with the unreachable server. What the provider cannot do, 8, is the same for every
/// case; it ranks before invalid input.)
pub const SEVERITY: [ExitClass; 8] = [
    ExitClass::Failure,
    ExitClass::Unreachable,
    ExitClass::WatchTimeout,
    ExitClass::Auth,
    ExitClass::NotFound,
    ExitClass::Refused,
    ExitClass::Unsupported,
    ExitClass::Usage,
];

/// The flags of a command that can act on several cases.
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct Bulk {
    /// Read the case ids from stdin, one per line (blank lines are skipped), e.g. from
    /// `rsupport case list --jq '.[].id'`
    #[arg(long)]
    pub stdin: bool,
    /// Act on several cases without asking (required for several cases when no prompt is
    /// possible, unless --dry-run)
    #[arg(long, short = 'y')]
    pub yes: bool,
}

impl Bulk {
    /// The ids to act on: those given, or those read from stdin (one per line). A bad line is
    /// refused naming it (exit 2); a repeated id is acted on once.
    pub fn ids(&self, given: Vec<u64>) -> CliResult<Vec<u64>> {
        let ids = if self.stdin {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| CliError::usage(format!("--stdin: cannot read stdin: {e}")))?;
            parse_id_lines(&text)?
        } else {
            given
        };
        let mut seen = HashSet::new();
        Ok(ids.into_iter().filter(|id| seen.insert(*id)).collect())
    }

    /// Refuses `--stdin` with a `flag` (e.g. `--body-file`) that also reads stdin (`-`).
    pub fn check_stdin_free(&self, file: Option<&Path>, flag: &str) -> CliResult<()> {
        if self.stdin && file == Some(Path::new("-")) {
            return Err(CliError::usage(format!(
                "--stdin and {flag} - both read stdin: put the text in a file and pass {flag} FILE"
            )));
        }
        Ok(())
    }
}

/// Case ids one per line; blank lines are skipped, anything else that is not an id is
/// refused with its line number.
pub fn parse_id_lines(text: &str) -> CliResult<Vec<u64>> {
    let mut ids = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        // `--jq '.[].id'` prints numbers; a JSON string ("42") is taken too
        let id = parse_case_id(line.trim_matches('"'))
            .map_err(|e| CliError::usage(format!("--stdin, line {}: {e}", n + 1)))?;
        ids.push(id);
    }
    if ids.is_empty() {
        return Err(CliError::usage(
            "--stdin: no case id on stdin: pass one id per line (e.g. from `rsupport case list --jq '.[].id'`)",
        ));
    }
    Ok(ids)
}

/// What a bulk run does, in the words of its messages.
#[derive(Debug, Clone, Copy)]
pub struct Action {
    /// "close", "comment on": as in "close 3 cases?".
    pub verb: &'static str,
    /// "closed", "commented on": as in "closed 3 of 3 cases".
    pub done: &'static str,
    pub dry_run: bool,
    pub yes: bool,
}

/// What one case's action answered: the few words of its result line ("closed", "severity
/// P3 → P1") and its JSON (the case, the message, or a dry run's answer).
pub struct Done {
    pub summary: String,
    pub json: Value,
}

impl Done {
    pub fn new(summary: impl Into<String>, json: &impl Serialize) -> Done {
        Done {
            summary: summary.into(),
            json: serde_json::to_value(json).unwrap_or(Value::Null),
        }
    }
}

/// One case's result: a row of the output, an element of the JSON array.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CaseResult {
    pub id: u64,
    pub ok: bool,
    pub exit_code: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorJson>,
    /// The result line's text ("closed", "refused: …").
    #[serde(skip)]
    pub line: String,
    #[serde(skip)]
    class: Option<ExitClass>,
}

/// A failed case's error in JSON.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorJson {
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hints: Vec<String>,
}

impl Tabular for CaseResult {
    fn columns() -> &'static [Column] {
        const COLUMNS: &[Column] = &[Column::new("ID", "id"), Column::new("RESULT", "result")];
        COLUMNS
    }

    fn cells(&self) -> Vec<Cell> {
        vec![Cell::from(self.id), Cell::text(&self.line)]
    }

    fn csv_fields() -> Vec<&'static str> {
        vec!["id", "ok", "exitCode", "error.message"]
    }
}

impl CaseResult {
    fn of(id: u64, result: CliResult<Done>) -> CaseResult {
        match result {
            Ok(done) => CaseResult {
                id,
                ok: true,
                exit_code: 0,
                result: Some(done.json),
                error: None,
                line: done.summary,
                class: None,
            },
            Err(error) => {
                let class = error.exit_class();
                let reason = error.api_error().map(|e| e.reason.to_string());
                let message = error.to_string();
                let line = format!("{}: {message}", failure_word(class));
                CaseResult {
                    id,
                    ok: false,
                    exit_code: class.code(),
                    result: None,
                    error: Some(ErrorJson {
                        message,
                        reason,
                        hints: error.hints(),
                    }),
                    line,
                    class: Some(class),
                }
            }
        }
    }
}

/// The first word of a failed case's line.
fn failure_word(class: ExitClass) -> &'static str {
    match class {
        ExitClass::Failure => "failed",
        ExitClass::Usage => "invalid",
        ExitClass::NotFound => "not found",
        ExitClass::Auth => "not permitted",
        ExitClass::Refused => "refused",
        ExitClass::Unreachable => "unreachable",
        ExitClass::WatchTimeout => "timed out",
        ExitClass::Unsupported => "unsupported",
    }
}

/// The most severe of `classes` by [`SEVERITY`]; `None` when there is none (all done).
pub fn most_severe(classes: impl IntoIterator<Item = ExitClass>) -> Option<ExitClass> {
    let rank = |class: &ExitClass| SEVERITY.iter().position(|c| c == class);
    classes.into_iter().min_by_key(rank)
}

/// Runs `act` on every case of `ids` (two or more), a few at a time, after the confirmation;
/// shows one result per case in input order and answers the most severe exit class as an
/// error when any case failed.
pub async fn run<F, Fut>(ctx: &Ctx, action: Action, ids: &[u64], act: F) -> CliResult<Outcome>
where
    F: Fn(u64) -> Fut,
    Fut: Future<Output = CliResult<Done>>,
{
    confirm(ctx, action, ids).await?;
    let act = &act;
    let mut results = stream::iter(ids.iter().copied())
        .map(|id| async move {
            let result = match act(id).await {
                Err(error) => Err(point_to_owning_domain(ctx, id, error).await),
                done => done,
            };
            CaseResult::of(id, result)
        })
        .buffered(CONCURRENCY);

    // A dry run's sentences go to stderr (stdout stays empty, as for one case); with --json
    // every run's results are the array on stdout.
    let to_stdout = ctx.out().is_json() || !action.dry_run;
    let mut rows = ctx.out().list_stream::<CaseResult>();
    let mut failed = Vec::new();
    while let Some(result) = results.next().await {
        if let Some(class) = result.class {
            failed.push((result.id, class));
        }
        if to_stdout {
            rows.page(std::slice::from_ref(&result))?;
        } else {
            ctx.out().message(&format!("{} {}", result.id, result.line));
        }
    }
    if to_stdout {
        rows.finish()?;
    }
    let dry = if action.dry_run {
        " (dry run: nothing was changed)"
    } else {
        ""
    };
    let total = ids.len();
    let worst = most_severe(failed.iter().map(|(_, class)| *class));
    match worst {
        None => {
            let text = if action.dry_run {
                format!("checked {total} cases: none would fail{dry}")
            } else {
                format!("{} {total} cases", capitalized(action.done))
            };
            ctx.out().message(&format!("{text}."));
            Ok(Outcome::Done)
        }
        Some(class) => {
            let which: Vec<String> = failed
                .iter()
                .map(|(id, class)| format!("{id} (exit {})", class.code()))
                .collect();
            let text = if action.dry_run {
                format!(
                    "{} of {total} cases would fail: {}{dry}",
                    failed.len(),
                    which.join(", ")
                )
            } else {
                format!(
                    "{} {} of {total} cases; {} failed: {}",
                    capitalized(action.done),
                    total - failed.len(),
                    failed.len(),
                    which.join(", ")
                )
            };
            Err(CliError::failure(text)
                .with_class(class)
                .only_hint(format!(
                    "the exit code ({}) is the most severe of the failed cases; each case's line says why it failed",
                    class.code()
                )))
        }
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Asks once before acting on several cases: on a terminal the cases are listed and the
/// user confirms; without a prompt `--yes` is required. A dry run asks nothing.
async fn confirm(ctx: &Ctx, action: Action, ids: &[u64]) -> CliResult<()> {
    if action.yes || action.dry_run {
        return Ok(());
    }
    let question = format!("{} {} cases", action.verb, ids.len());
    if !ctx.prompt().allowed() {
        // the prompter's own refusal names --yes and why there is no prompt (exit 2)
        return ctx
            .prompt()
            .confirm(&question, false, "--yes")
            .map(|_| ())
            .map_err(|e| e.hint("--dry-run checks each case and changes nothing"));
    }
    let client = ctx.client()?;
    let lines: Vec<String> = stream::iter(ids.iter().copied())
        .map(|id| async move {
            match client.get_case(id).await {
                Ok(case) => format!(
                    "  {id} {} ({}, {})",
                    case.display_name, case.customer, case.state
                ),
                Err(error) => format!("  {id} (cannot be read: {error})"),
            }
        })
        .buffered(CONCURRENCY)
        .collect()
        .await;
    ctx.out()
        .message(&format!("About to {question}:\n{}", lines.join("\n")));
    if ctx
        .prompt()
        .confirm(&format!("{question}?"), false, "--yes")?
    {
        Ok(())
    } else {
        Err(CliError::usage("cancelled: nothing was changed"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_lines_skip_blank_lines_and_take_json_strings() {
        assert_eq!(
            parse_id_lines("41\n\n  42 \n\"43\"\n").unwrap(),
            [41, 42, 43]
        );
    }

    #[test]
    fn a_bad_id_line_is_refused_naming_its_line_with_exit_2() {
        let error = parse_id_lines("41\n\nacme\n").unwrap_err();
        assert_eq!(error.exit_code(), 2);
        assert!(error.to_string().contains("line 3"), "{error}");
        assert!(error.to_string().contains("'acme'"), "{error}");
    }

    #[test]
    fn no_id_at_all_on_stdin_is_refused() {
        assert_eq!(parse_id_lines("\n \n").unwrap_err().exit_code(), 2);
    }

    #[test]
    fn an_unexpected_error_outranks_every_other_and_invalid_input_ranks_last() {
        use ExitClass::*;
        assert_eq!(most_severe([Refused, Failure, Unreachable]), Some(Failure));
        assert_eq!(most_severe([Usage, Refused]), Some(Refused));
        assert_eq!(most_severe([Refused, NotFound]), Some(NotFound));
        assert_eq!(most_severe([NotFound, Auth]), Some(Auth));
        assert_eq!(most_severe([]), None);
    }
}
