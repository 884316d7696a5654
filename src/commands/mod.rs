//! The commands: one folder per group, one file per command (`auth/login.rs`…), and a group's
//! `mod.rs` holds its subcommand enum and one `match`.
//!
//! # How a command is written here
//!
//! **Signature.** Each command is an `async fn run(ctx: &Ctx, args: XArgs) -> CliResult<Outcome>`
//! (clap derive `Args` struct for its flags). The group's enum variant is added to
//! [`crate::cli::Command`] and one arm to `cli::dispatch`. Every `Args` struct and subcommand
//! gets a one-line doc (its purpose in `--help`) and `after_help` with at least one example.
//!
//! **Talking to the server.** `let client = ctx.client()?;` gives the API client of the
//! selected domain (domain, endpoint and token chosen by the precedence rules in
//! [`crate::context`]); `client.get_case(id).await?`. For `--all-domains`, start with
//! [`shared::AllDomains::logged_in`], ask each domain with `ctx.client_for_async(&domain).await?`
//! (keyring reads run side by side, futures joined with `futures_util::future::join_all`), and
//! hand each failure to [`shared::AllDomains::failed`]; see `customer.rs`.
//!
//! **Returning results** (commands never print; [`crate::output`] does):
//! - a record: `Ok(Outcome::record(&case))` — the type implements [`Tabular`] (its columns,
//!   cells, record fields and CSV fields); JSON is its serde form, so field names are the API's;
//! - a list: `Ok(Outcome::list(&cases))`, or build a [`Listing`] to add an empty-list message
//!   (`Listing::of(&cases).empty_message("No open cases.")`) or a tag column
//!   (`Listing::tagged::<Case>("DOMAIN", "domain")` + `push_tagged`);
//! - a stream: `let mut rows = ctx.out().list_stream::<Case>();` then
//!   `rows.page(&page)?` for each page of `client.case_pages(query).next_page().await?`, then
//!   `rows.finish()?; Ok(Outcome::Done)`;
//! - a primary value (a new case id): `Ok(Outcome::Primary { value: id.to_string(), record:
//!   Some(Record::new(&case)) })` — the id alone on stdout, the whole case with `--json`;
//! - a message: `Ok(Outcome::message("Closed case 42."))` on stderr (`-q` silences it);
//!   `ctx.out().message(..)` / `ctx.out().warn(..)` for lines along the way;
//! - a progress bar: `ctx.out().progress_bar(len, "name")` (hidden when not a terminal).
//!
//! Cells are [`Cell`]s: `Cell::Time` prints "3h ago" on a terminal and RFC 3339 elsewhere;
//! every text cell is stripped of terminal control sequences.
//!
//! **Prompting.** `ctx.prompt().input("Title", None, "--title")?` (also `select`,
//! `fuzzy_select`, `confirm`, `password`, `editor`): it prompts only when allowed
//! ([`crate::prompt`]), otherwise it returns the exit-2 error naming the flag. Check
//! `ctx.prompt().allowed()` to decide before doing work; `ctx.prompt().missing("--title",
//! "the title")` builds that error yourself.
//!
//! **Errors and exit codes.** Use `?` on anything: a [`ClientError`] or an API error maps to
//! its exit code by reason (see [`crate::error::ExitClass`]); `CliError::usage(..)` (2),
//! `CliError::not_found(..)` (3), `CliError::auth(..)` (4), `CliError::failure(..)` (1), or
//! `.with_class(ExitClass::Refused)` (5). Attach a next step with `.hint("…")` on a
//! `CliError` or `ResultExt::hint` on a `Result`: e.g. for `REOPEN_WINDOW_EXPIRED`,
//! `match client.reopen_case(..).await { Err(e) if e.reason() == Some(ErrorReason::ReopenWindowExpired) => Err(CliError::from(e).hint("rsupport case create …")) }`.
//!
//! [`Tabular`]: crate::output::Tabular
//! [`Listing`]: crate::output::Listing
//! [`Cell`]: crate::output::Cell
//! [`ClientError`]: crate::client::ClientError

pub mod auth;
pub mod case;
pub mod category;
pub mod completion;
pub mod config;
pub mod customer;
pub mod shared;
