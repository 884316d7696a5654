//! The `rsupport` command line: the clap [`Cli`], the global options of DESIGN §2, the
//! top-level [`Command`] enum and the one dispatch [`run`].

use clap::{Args, CommandFactory, Parser, Subcommand};

use crate::commands;
use crate::context::{Ctx, Options};
use crate::error::CliError;
use crate::output::{ColorChoice, Format, OutputOptions};

const ABOUT: &str =
    "Manage Google Workspace support cases for your customers, from a terminal or a script";

const LONG_ABOUT: &str = "\
Manage Google Workspace support cases for your customers, from a terminal or a script.

rsupport keeps one token per reseller domain in the OS keyring; pick the domain with --domain
(or RSUPPORT_DOMAIN, or `rsupport auth switch`). The server is --endpoint / RSUPPORT_ENDPOINT,
else the one the domain was logged in with, else http://127.0.0.1:8765 (`rsupport-server dev`).
A stored token is sent only to the server its domain was logged in with: another --endpoint is
refused unless the token comes from RSUPPORT_TOKEN; `auth login --endpoint` moves a domain.
A domain can also be a Google Cloud Support API v2 account (`auth login --provider google`):
the same case commands then act on Google Cloud cases.

Output is a table on a terminal and tab-separated rows when piped; --json, --format csv and
--jq EXPR (an embedded jq) are for scripts. JSON field names are the API's (camelCase).";

/// `rsupport`.
#[derive(Debug, Parser)]
#[command(
    name = "rsupport",
    version,
    about = ABOUT,
    long_about = LONG_ABOUT,
    after_help = AFTER_HELP,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// The end of `rsupport --help`: examples, environment and the exit codes (a test keeps the
/// table equal to [`EXIT_CODES_HELP`]).
const AFTER_HELP: &str = concat!(
    "Examples:\n",
    "  rsupport-server dev                                  # a local server with demo data\n",
    "  rsupport auth login --domain reseller.example.com    # paste the token when asked\n",
    "  rsupport customer list\n",
    "  rsupport case list --json --jq '.[].id'\n",
    "\n",
    "Environment:\n",
    "  RSUPPORT_DOMAIN, RSUPPORT_ENDPOINT, RSUPPORT_NO_INPUT   as the options of the same name\n",
    "  RSUPPORT_TOKEN        a token to use as is (CI); wins over the stored one, never stored\n",
    "  RSUPPORT_CONFIG_DIR   where the config (and opt-in token files) live\n",
    "  RSUPPORT_HTTP_TIMEOUT request timeout in seconds (default 30)\n",
    "  NO_COLOR              no colour\n",
    "\n",
    "Exit codes:\n",
    "  0  success\n",
    "  1  unexpected or server error (HTTP 5xx, a response that is not the API's, checksum mismatch)\n",
    "  2  usage or invalid input; nothing was sent (INVALID_ARGUMENT, PAYLOAD_TOO_LARGE,\n",
    "     personal data refused, a malformed token)\n",
    "  3  not found (CUSTOMER_NOT_FOUND, CASE_NOT_FOUND, CATEGORY_NOT_FOUND, ATTACHMENT_NOT_FOUND)\n",
    "  4  not authenticated or not permitted (no token, no keyring or a locked one, a stored\n",
    "     token asked to go to another server, UNAUTHENTICATED, PRIVILEGE_MISSING,\n",
    "     CUSTOMER_ACCESS_NOT_GRANTED)\n",
    "  5  refused by a rule (CASE_CLOSED, REOPEN_WINDOW_EXPIRED, ESCALATION_NOT_ALLOWED, ...)\n",
    "  6  server unreachable or timed out (also UNAVAILABLE, REQUEST_TIMEOUT and RATE_LIMITED\n",
    "     after retries)\n",
    "  7  `case watch --timeout` ended before what it waited for happened\n",
    "  8  the provider's API has no equivalent (Google Cloud: reopen, --dry-run of a change,\n",
    "     --unread, case watch); nothing was changed"
);

/// The global options, accepted before or after the subcommand.
#[derive(Debug, Clone, Default, Args)]
pub struct GlobalArgs {
    /// The reseller domain to act for [default: the one set by `auth switch`, or the only one
    /// logged in]
    #[arg(long, global = true, env = "RSUPPORT_DOMAIN", value_name = "DOMAIN",
          value_parser = parse_domain, add = crate::complete::domain(), help_heading = "Global options")]
    pub domain: Option<String>,

    /// The server's URL [default: the domain's, else http://127.0.0.1:8765]
    #[arg(long, global = true, env = "RSUPPORT_ENDPOINT", value_name = "URL",
          value_parser = parse_endpoint, add = crate::complete::endpoint(), help_heading = "Global options")]
    pub endpoint: Option<String>,

    /// Print JSON (same as --format json)
    #[arg(
        long,
        global = true,
        conflicts_with = "format",
        help_heading = "Global options"
    )]
    pub json: bool,

    /// Output format [default: table on a terminal, tsv when piped]
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "FORMAT",
        help_heading = "Global options"
    )]
    pub format: Option<Format>,

    /// Filter the JSON output through a jq expression; strings print raw (like jq -r)
    #[arg(
        long,
        global = true,
        value_name = "EXPR",
        conflicts_with = "format",
        help_heading = "Global options"
    )]
    pub jq: Option<String>,

    /// Never prompt: a missing value is an error naming its flag (implied when stdin is not a
    /// terminal)
    #[arg(
        long,
        global = true,
        env = "RSUPPORT_NO_INPUT",
        action = clap::ArgAction::SetTrue,
        // RSUPPORT_NO_INPUT=1 / yes / true turn it on; 0 / no / false / off / empty do not
        value_parser = clap::builder::FalseyValueParser::new(),
        help_heading = "Global options"
    )]
    pub no_input: bool,

    /// Say nothing on stderr but errors and warnings
    #[arg(
        short,
        long,
        global = true,
        conflicts_with = "verbose",
        help_heading = "Global options"
    )]
    pub quiet: bool,

    /// Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown
    #[arg(short, long, global = true, help_heading = "Global options")]
    pub verbose: bool,

    /// When to use colour (NO_COLOR also turns it off)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto,
          value_name = "WHEN", help_heading = "Global options")]
    pub color: ColorChoice,
}

impl GlobalArgs {
    /// `--json` or `--format`, if either was given.
    pub fn output_format(&self) -> Option<Format> {
        if self.json {
            Some(Format::Json)
        } else {
            self.format
        }
    }

    /// What the context needs of the global options.
    pub fn options(&self) -> Options {
        Options {
            domain: self.domain.clone(),
            endpoint: self.endpoint.clone(),
            no_input: self.no_input,
            output: OutputOptions {
                format: self.output_format(),
                jq: self.jq.clone(),
                quiet: self.quiet,
                verbose: self.verbose,
                color: self.color,
            },
        }
    }
}

fn parse_domain(value: &str) -> Result<String, String> {
    crate::config::validate_domain(value).map_err(|e| e.0)
}

fn parse_endpoint(value: &str) -> Result<String, String> {
    crate::client::parse_endpoint(value)
        .map(|_| value.trim().trim_end_matches('/').to_string())
        .map_err(|e| e.to_string())
}

/// The command groups.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Log in and out of reseller domains, and see which are logged in
    Auth(commands::auth::AuthArgs),
    /// The customers of the domain
    Customer(commands::customer::CustomerArgs),
    /// Search the category catalogue
    Category(commands::category::CategoryArgs),
    /// File, list, update, comment, attach, close, reopen, escalate and share support cases
    Case(commands::case::CaseArgs),
    /// Read and change the client's settings
    Config(commands::config::ConfigArgs),
    /// Print a shell completion script
    Completion(commands::completion::CompletionArgs),
}

/// The clap command tree (for completions and help tests).
pub fn command() -> clap::Command {
    Cli::command()
}

/// Runs a parsed command line; prints its result or its error and answers the exit code.
pub async fn run(cli: Cli) -> u8 {
    let ctx = match Ctx::new(cli.global.options()) {
        Ok(ctx) => ctx,
        Err(error) => {
            report_without_ctx(&error);
            return error.exit_code();
        }
    };
    let outcome = dispatch(&ctx, cli.command).await;
    match outcome.and_then(|outcome| ctx.out().emit(outcome)) {
        Ok(()) => 0,
        Err(error) => {
            let error = error.with_token_origin(ctx.token_origin());
            ctx.out().error(&error);
            error.exit_code()
        }
    }
}

async fn dispatch(ctx: &Ctx, command: Command) -> Result<crate::output::Outcome, CliError> {
    match command {
        Command::Auth(args) => commands::auth::run(ctx, args).await,
        Command::Customer(args) => commands::customer::run(ctx, args).await,
        Command::Category(args) => commands::category::run(ctx, args).await,
        Command::Case(args) => commands::case::run(ctx, args).await,
        Command::Config(args) => commands::config::run(ctx, args).await,
        Command::Completion(args) => commands::completion::run(ctx, args).await,
    }
}

#[allow(clippy::print_stderr)] // the context (and its renderer) could not be built
fn report_without_ctx(error: &CliError) {
    let mut text = Vec::new();
    let _ = error.render(&mut text);
    eprint!("{}", String::from_utf8_lossy(&text));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::EXIT_CODES_HELP;

    #[test]
    fn command_tree_is_valid() {
        Cli::command().debug_assert();
    }

    #[test]
    fn exit_code_table_in_help_matches_the_error_module() {
        assert!(AFTER_HELP.ends_with(EXIT_CODES_HELP));
    }
}
