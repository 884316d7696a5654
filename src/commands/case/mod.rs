//! `rsupport case …`: every reseller workflow of the portal on support cases, one file per
//! command; this module holds the subcommand enum, its one `match`, how cases, messages and
//! attachments are shown, and what several commands share (text from a flag, a file or the
//! editor; the personal-data check before sending; case ids).

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use crate::client::Client;
use crate::context::Ctx;
use crate::error::{CliError, CliResult};
use crate::output::{Cell, Column, Outcome, Tabular};
use crate::pii::{self, AllowedDomains, Finding};
use rsupport_api::types::{Attachment, Case, Comment};

pub mod attach;
pub mod close;
pub mod comment;
pub mod create;
pub mod download;
pub mod escalate;
pub mod list;
pub mod reopen;
pub mod share;
pub mod update;
pub mod view;

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  rsupport case create --on-behalf-of acme --title 'Mail bounces' --category gmail-delivery \\
      --severity P2 --description-file notes.txt --attach headers.txt
  rsupport case list --customer acme --state all --sort updated
  rsupport case filter bounce --severity P1,P2
  rsupport case view 42
  rsupport case comment 42 --body 'The problem is back since 10:00 CET'
  rsupport case close 42 --comment 'Fixed by the customer'")]
pub struct CaseArgs {
    #[command(subcommand)]
    pub command: CaseCommand,
}

#[derive(Debug, Subcommand)]
pub enum CaseCommand {
    /// File a case on behalf of a customer (prompts for what is missing on a terminal)
    Create(create::CreateArgs),
    /// List cases: open cases of every customer of the domain, most recently updated first
    List(list::ListArgs),
    /// Find cases by keywords, with the same filters as `case list`
    Filter(list::FilterArgs),
    /// Show one case: all fields, subscribers, attachments and the last messages
    View(view::ViewArgs),
    /// Show a case's whole message history, oldest first
    History(view::HistoryArgs),
    /// Change a case's severity or title, and/or post a message, in one call
    Update(update::UpdateArgs),
    /// Send a message to support on a case
    Comment(comment::CommentArgs),
    /// Upload files to a case (progress bar on a terminal)
    Attach(attach::AttachArgs),
    /// List a case's attachments
    Attachments(attach::AttachmentsArgs),
    /// Download a case's attachments, verifying size and SHA-256
    Download(download::DownloadArgs),
    /// Close a case when the problem no longer occurs
    Close(close::CloseArgs),
    /// Reopen a case closed less than 30 days ago
    Reopen(reopen::ReopenArgs),
    /// Escalate a case of a premium customer
    Escalate(escalate::EscalateArgs),
    /// Show or change who a case is shared with
    Share(share::ShareArgs),
}

pub async fn run(ctx: &Ctx, args: CaseArgs) -> CliResult<Outcome> {
    match args.command {
        CaseCommand::Create(args) => create::run(ctx, args).await,
        CaseCommand::List(args) => list::run(ctx, args).await,
        CaseCommand::Filter(args) => list::run_filter(ctx, args).await,
        CaseCommand::View(args) => view::run(ctx, args).await,
        CaseCommand::History(args) => view::run_history(ctx, args).await,
        CaseCommand::Update(args) => update::run(ctx, args).await,
        CaseCommand::Comment(args) => comment::run(ctx, args).await,
        CaseCommand::Attach(args) => attach::run(ctx, args).await,
        CaseCommand::Attachments(args) => attach::run_list(ctx, args).await,
        CaseCommand::Download(args) => download::run(ctx, args).await,
        CaseCommand::Close(args) => close::run(ctx, args).await,
        CaseCommand::Reopen(args) => reopen::run(ctx, args).await,
        CaseCommand::Escalate(args) => escalate::run(ctx, args).await,
        CaseCommand::Share(args) => share::run(ctx, args).await,
    }
}

/// A case id as typed: `42` or the resource name `cases/42`.
pub fn parse_case_id(value: &str) -> Result<u64, String> {
    let digits = value.trim().trim_start_matches("cases/");
    match digits.parse::<u64>() {
        Ok(id) if id > 0 => Ok(id),
        _ => Err(format!(
            "invalid case id '{value}': expected a number such as 42 (see `rsupport case list`)"
        )),
    }
}

// ---- how cases, messages and attachments look ---------------------------------------------

impl Tabular for Case {
    fn columns() -> &'static [Column] {
        const COLUMNS: &[Column] = &[
            Column::new("ID", "id"),
            Column::new("CUSTOMER", "customer"),
            Column::new("TITLE", "displayName"),
            Column::new("SEVERITY", "priority"),
            Column::new("STATE", "state"),
            Column::new("UPDATED", "updateTime"),
        ];
        COLUMNS
    }

    fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::from(self.id),
            Cell::text(&self.customer),
            Cell::text(&self.display_name),
            Cell::text(self.priority.as_str()),
            Cell::text(state_label(self)),
            Cell::Time(self.update_time),
        ]
    }

    fn fields(&self) -> Vec<(&'static str, Cell)> {
        vec![
            ("ID", Cell::from(self.id)),
            ("Title", Cell::text(&self.display_name)),
            (
                "Customer",
                Cell::text(format!(
                    "{} ({})",
                    self.customer, self.customer_display_name
                )),
            ),
            ("Reseller domain", Cell::text(&self.reseller_domain)),
            ("Product", Cell::text(&self.product)),
            (
                "Category",
                Cell::text(format!(
                    "{} ({})",
                    self.classification.display_name, self.classification.id
                )),
            ),
            (
                "Severity",
                Cell::text(format!("{} — {}", self.priority, self.priority.meaning())),
            ),
            ("State", Cell::text(self.state.as_str())),
            (
                "Escalated",
                Cell::text(match &self.escalation {
                    Some(e) => format!(
                        "yes: {} by {} ({})",
                        e.reason, e.escalated_by, e.justification
                    ),
                    None if self.escalated => "yes".to_string(),
                    None => "no".to_string(),
                }),
            ),
            ("Language", Cell::text(&self.language_code)),
            ("Time zone", Cell::text(&self.time_zone)),
            ("Shared with", Cell::list(&self.subscriber_email_addresses)),
            ("Creator", Cell::text(&self.creator)),
            ("Created", Cell::Time(self.create_time)),
            ("Updated", Cell::Time(self.update_time)),
            ("Closed", Cell::opt_time(self.close_time)),
            ("Description", Cell::text(&self.description)),
        ]
    }

    fn csv_fields() -> Vec<&'static str> {
        vec![
            "id",
            "customer",
            "customerDisplayName",
            "resellerDomain",
            "displayName",
            "classification.id",
            "priority",
            "state",
            "escalated",
            "languageCode",
            "timeZone",
            "subscriberEmailAddresses",
            "creator",
            "createTime",
            "updateTime",
            "closeTime",
            "commentCount",
            "attachmentCount",
        ]
    }
}

/// The state, with `escalated` appended so it shows in lists.
fn state_label(case: &Case) -> String {
    if case.escalated {
        format!("{} (escalated)", case.state)
    } else {
        case.state.to_string()
    }
}

impl Tabular for Comment {
    fn columns() -> &'static [Column] {
        const COLUMNS: &[Column] = &[
            Column::new("TIME", "createTime"),
            Column::new("AUTHOR", "author"),
            Column::new("ROLE", "authorRole"),
            Column::new("MESSAGE", "body"),
        ];
        COLUMNS
    }

    fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::Time(self.create_time),
            Cell::text(&self.author),
            Cell::text(author_role(self)),
            Cell::text(&self.body),
        ]
    }

    fn fields(&self) -> Vec<(&'static str, Cell)> {
        vec![
            ("ID", Cell::from(self.id)),
            ("Case", Cell::from(self.case_id)),
            (
                "Author",
                Cell::text(format!("{} ({})", self.author, author_role(self))),
            ),
            ("Time", Cell::Time(self.create_time)),
            ("Message", Cell::text(&self.body)),
        ]
    }

    fn csv_fields() -> Vec<&'static str> {
        vec!["id", "caseId", "createTime", "author", "authorRole", "body"]
    }
}

fn author_role(comment: &Comment) -> &'static str {
    match comment.author_role {
        rsupport_api::types::AuthorRole::Reseller => "reseller",
        rsupport_api::types::AuthorRole::Support => "support",
    }
}

impl Tabular for Attachment {
    fn columns() -> &'static [Column] {
        const COLUMNS: &[Column] = &[
            Column::new("ID", "id"),
            Column::new("NAME", "filename"),
            Column::new("SIZE", "sizeBytes"),
            Column::new("TYPE", "mimeType"),
            Column::new("BY", "creator"),
            Column::new("UPLOADED", "createTime"),
        ];
        COLUMNS
    }

    fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::from(self.id),
            Cell::text(&self.filename),
            Cell::text(human_size(self.size_bytes)),
            Cell::text(&self.mime_type),
            Cell::text(&self.creator),
            Cell::Time(self.create_time),
        ]
    }

    fn fields(&self) -> Vec<(&'static str, Cell)> {
        vec![
            ("ID", Cell::from(self.id)),
            ("Case", Cell::from(self.case_id)),
            ("Name", Cell::text(&self.filename)),
            (
                "Size",
                Cell::text(format!(
                    "{} ({} bytes)",
                    human_size(self.size_bytes),
                    self.size_bytes
                )),
            ),
            ("SHA-256", Cell::text(&self.sha256)),
            ("Type", Cell::text(&self.mime_type)),
            ("Uploaded by", Cell::text(&self.creator)),
            ("Uploaded", Cell::Time(self.create_time)),
        ]
    }

    fn csv_fields() -> Vec<&'static str> {
        vec![
            "id",
            "caseId",
            "filename",
            "sizeBytes",
            "sha256",
            "mimeType",
            "creator",
            "createTime",
        ]
    }
}

/// `1.5 KiB`, `12 MiB`; exact bytes below 1 KiB.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if value < 10.0 {
        format!("{value:.1} {}", UNITS[unit])
    } else {
        format!("{value:.0} {}", UNITS[unit])
    }
}

// ---- text from a flag, a file, stdin or the editor ------------------------------------------

/// The text of `--X TEXT` or `--X-file F` (`-` reads stdin); `None` when neither was given.
pub fn read_text(
    text: Option<String>,
    file: Option<&Path>,
    file_flag: &str,
) -> CliResult<Option<String>> {
    if let Some(text) = text {
        return Ok(Some(text));
    }
    let Some(path) = file else {
        return Ok(None);
    };
    let content = if path == Path::new("-") {
        let mut buf = String::new();
        std::io::stdin().read_to_string(&mut buf).map_err(|e| {
            CliError::usage(format!(
                "cannot read {file_flag} - from stdin as UTF-8 text: {e}"
            ))
        })?;
        buf
    } else {
        std::fs::read_to_string(path).map_err(|e| {
            CliError::usage(format!("cannot read {file_flag} '{}': {e}", path.display()))
                .hint("pass a readable UTF-8 text file, or - to read stdin")
        })?
    };
    Ok(Some(content))
}

/// Text to send must not be blank.
pub fn non_blank(text: String, flag: &str) -> CliResult<String> {
    if text.trim().is_empty() {
        Err(CliError::usage(format!(
            "{flag} is empty: nothing was sent"
        )))
    } else {
        Ok(text)
    }
}

/// Opens the editor for a message on a terminal; lines starting with `#` are instructions
/// and are removed.
pub fn edit_text(ctx: &Ctx, instructions: &str, flag: &str) -> CliResult<String> {
    let initial = format!(
        "\n{}",
        instructions
            .lines()
            .map(|l| format!("# {l}\n"))
            .collect::<String>()
    );
    let edited = ctx
        .prompt()
        .editor(&initial, ".md", flag)?
        .unwrap_or_default();
    let text: String = edited
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n");
    let text = text.trim().to_string();
    if text.is_empty() {
        return Err(CliError::usage(
            "the editor was closed without text: nothing was sent",
        ));
    }
    Ok(text)
}

// ---- the personal-data check --------------------------------------------------------------

/// What was found in one piece of text about to be sent.
pub struct PiiReport {
    /// "the description", "attachment notes.txt"…
    pub source: String,
    pub findings: Vec<Finding>,
}

/// The email domains allowed in text sent for `customer`: the reseller's own and the
/// customer's primary domain. A customer that is no longer visible (moved to another
/// reseller) leaves only the reseller's domain.
pub async fn allowed_domains(client: &Client, customer: &str) -> CliResult<AllowedDomains> {
    let mut domains = Vec::new();
    match client.domain() {
        Some(domain) => domains.push(domain.to_string()),
        None => {
            if let Some(domain) = client.whoami().await?.domain {
                domains.push(domain);
            }
        }
    }
    if let Ok(found) = client.get_customer(customer).await {
        domains.push(found.primary_domain);
    }
    Ok(AllowedDomains::new(domains))
}

/// Scans text: a report when something was found.
pub fn scan_text(source: &str, text: &str, allowed: &AllowedDomains) -> Option<PiiReport> {
    let findings = pii::scan(text, allowed);
    (!findings.is_empty()).then(|| PiiReport {
        source: source.to_string(),
        findings,
    })
}

/// Scans the start of a file when it is text; binary files are not scanned.
pub fn scan_file(path: &Path, allowed: &AllowedDomains) -> CliResult<Option<PiiReport>> {
    let mut head = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| {
            f.take(pii::TEXT_SCAN_LIMIT as u64 + 4)
                .read_to_end(&mut head)
        })
        .map_err(|e| CliError::usage(format!("cannot read '{}': {e}", path.display())))?;
    Ok(pii::scan_bytes(&head, allowed)
        .filter(|f| !f.is_empty())
        .map(|findings| PiiReport {
            source: format!("attachment {}", path.display()),
            findings,
        }))
}

/// How many findings per source are listed before "… and N more".
const FINDINGS_SHOWN: usize = 10;

/// The findings as lines for the user (masked).
pub fn describe_findings(reports: &[PiiReport]) -> String {
    let mut text = String::new();
    for report in reports {
        text.push_str(&format!("  in {}:\n", report.source));
        for finding in report.findings.iter().take(FINDINGS_SHOWN) {
            text.push_str(&format!("    {finding}\n"));
        }
        if report.findings.len() > FINDINGS_SHOWN {
            text.push_str(&format!(
                "    … and {} more\n",
                report.findings.len() - FINDINGS_SHOWN
            ));
        }
    }
    text
}

/// Before sending: nothing found, or `--allow-pii`, goes ahead; on a terminal the user sees
/// the findings and confirms; otherwise it is refused (exit 2, nothing sent).
pub fn confirm_pii(ctx: &Ctx, reports: &[PiiReport], allow_pii: bool) -> CliResult<()> {
    if reports.is_empty() || allow_pii {
        return Ok(());
    }
    let listing = describe_findings(reports);
    if !ctx.prompt().allowed() {
        return Err(CliError::usage(format!(
            "the text to send looks like it contains personal data, which support cases must not carry; nothing was sent:\n{}",
            listing.trim_end()
        ))
        .hint("remove it (mask or redact it), or pass --allow-pii if it must be sent"));
    }
    ctx.out().warn(&format!(
        "this looks like personal data, which support cases must not carry:\n{}",
        listing.trim_end()
    ));
    if ctx
        .prompt()
        .confirm("Send it anyway?", false, "--allow-pii")?
    {
        Ok(())
    } else {
        Err(CliError::usage("cancelled: nothing was sent")
            .hint("remove the personal data and run the command again"))
    }
}

/// Checks that files to upload exist and are readable files before anything is sent.
pub fn check_files(files: &[PathBuf]) -> CliResult<()> {
    for file in files {
        match std::fs::metadata(file) {
            Ok(meta) if meta.is_file() => {}
            Ok(_) => {
                return Err(CliError::usage(format!(
                    "cannot attach '{}': it is not a file; nothing was sent",
                    file.display()
                )));
            }
            Err(e) => {
                return Err(CliError::usage(format!(
                    "cannot attach '{}': {e}; nothing was sent",
                    file.display()
                )));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_id_accepts_a_number_or_a_resource_name() {
        assert_eq!(parse_case_id("42"), Ok(42));
        assert_eq!(parse_case_id("cases/7"), Ok(7));
    }

    #[test]
    fn case_id_rejects_zero_and_words_with_an_example() {
        assert!(parse_case_id("0").is_err());
        let err = parse_case_id("acme").unwrap_err();
        assert!(err.contains("such as 42"), "{err}");
    }

    #[test]
    fn sizes_are_shown_in_binary_units() {
        assert_eq!(human_size(512), "512 B");
        assert_eq!(human_size(1536), "1.5 KiB");
        assert_eq!(human_size(20 * 1024 * 1024), "20 MiB");
    }

    #[test]
    fn findings_beyond_ten_are_summarised() {
        let allowed = AllowedDomains::default();
        let text = (0..12)
            .map(|i| format!("user{i}@example.org"))
            .collect::<Vec<_>>()
            .join("\n");
        let report = scan_text("the description", &text, &allowed).unwrap();
        let shown = describe_findings(&[report]);
        assert!(shown.contains("in the description:"), "{shown}");
        assert!(shown.contains("… and 2 more"), "{shown}");
        assert!(!shown.contains("user11@"), "emails are masked: {shown}");
    }
}
