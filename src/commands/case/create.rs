//! `rsupport case create`: files a case on behalf of a customer.
//!
//! The interactive flow (on a terminal, without `--no-input`), for each field not given as a
//! flag, in the portal's order:
//! 1. the customer, picked from the domain's list (typing filters it); customers that have
//!    not granted access are listed with the reason and cannot be picked;
//! 2. the title;
//! 3. the category: a search term, then a pick when several categories match;
//! 4. the severity, each level shown with its meaning;
//! 5. the description, written in `$VISUAL`/`$EDITOR`;
//! 6. the personal-data check of title, description and text attachments (findings masked,
//!    confirm to go on);
//! 7. a summary and a confirmation (skipped with `--yes`).
//!
//! With `--no-input` (or without a terminal) every missing flag is named in one error (exit
//! 2) and nothing is sent. Attachments are checked (a readable, non-empty file within the
//! server's size limit, learnt from `whoami`) before anything is filed.
//!
//! Filing twice is guarded two ways. The create carries a request id (`--request-id` or
//! `RSUPPORT_REQUEST_ID` for a script's re-runs, else a fresh one, so the client's own retry
//! after a lost response answers the first case): the same id with the same fields answers the
//! case filed the first time (exit 0, a note on stderr, files already on it are not uploaded
//! again), with other fields the server refuses it (exit 5). Without a request id, an open case
//! of the same customer with the same title that this user filed in the last 24 hours is a
//! likely duplicate: asked about on a terminal, refused in a script (exit 5) unless
//! `--allow-duplicate`. Attachments are uploaded after the create; a failed one is named with
//! the command that retries just it, and the case id is still printed.

use std::path::PathBuf;

use clap::Args;

pub mod from_template;

use super::shared::{
    DryRun, NOTHING_CHANGED, PiiReport, allowed_domains, check_files, check_p0, check_pii,
    check_sizes, dry_run_outcome, edit_text, file_sha256, human_size, non_blank, read_text,
    scan_file, scan_text, upload_failures_error, upload_files,
};
use crate::client::{Client, Filed, Provider};
use crate::context::Ctx;
use crate::error::{CliError, CliResult, ExitClass};
use crate::output::{Outcome, Record, relative_time};
use rsupport_api::text::MAX_REQUEST_ID_CHARS;
use rsupport_api::types::{
    Case, Category, CreateCaseRequest, Customer, ListCasesQuery, ListCategoriesQuery,
    ListCustomersQuery, MAX_PAGE_SIZE, Severity, WhoAmI,
};

/// Used when neither a flag, the config nor the system gives a language.
pub const DEFAULT_LANGUAGE: &str = "en-US";
/// Used when neither a flag, the config nor the system gives a time zone.
pub const DEFAULT_TIME_ZONE: &str = "UTC";

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  rsupport case create                      # on a terminal: asks for every field
  rsupport case create --on-behalf-of acme --title 'Mail to outlook.com bounces' \\
      --category 'gmail delivery' --severity P2 --description-file notes.txt \\
      --attach headers.txt --share it-team@acme.example
  echo 'Since 9:00 no mail arrives' | rsupport case create --no-input --on-behalf-of acme \\
      --title 'No inbound mail' --category gmail-delivery --severity P1 --description-file -
  rsupport case create --template bounce --title 'Bounces to example.org'   # flags win

A template (--from FILE: TOML, YAML or JSON, `-` for stdin; --template NAME:
templates/NAME.toml in the config dir) holds any of on_behalf_of (or customer), title, category,
severity, description, description_file, attach, language, time_zone, share, allow_pii,
request_id. Flags win over it; --attach and --share add to its lists; its paths are relative
to its folder.

Prints the new case's id (the whole case with --json). The category is an id or a search term
that matches exactly one category (see `rsupport category search`). Language and time zone
default to the config keys `language` / `time_zone`, then the system, then en-US / UTC.
Title, description and text attachments are checked for personal data before anything is
sent: on a terminal you confirm, with --no-input the command refuses unless --allow-pii.

Re-runs: with --request-id (or RSUPPORT_REQUEST_ID) a second run with the same fields prints
the case filed the first time (exit 0) and a different one is refused (exit 5). Without it, an
open case of the customer with the same title that you filed in the last 24 hours is asked
about on a terminal and refused in a script (exit 5) unless --allow-duplicate.")]
pub struct CreateArgs {
    /// The customer's id (see `rsupport customer list`)
    #[arg(long, value_name = "CUSTOMER", add = crate::complete::customer_id())]
    pub on_behalf_of: Option<String>,
    /// A short title describing the problem
    #[arg(long)]
    pub title: Option<String>,
    /// A category id, or a search term that matches exactly one category
    #[arg(long, value_name = "CATEGORY")]
    pub category: Option<String>,
    /// P1 (critical) … P4 (low); P0 (above P1) for Google Cloud domains only
    #[arg(long, value_name = "P1..P4", add = crate::complete::severity())]
    pub severity: Option<Severity>,
    /// The description of the problem
    #[arg(long, conflicts_with = "description_file", value_name = "TEXT")]
    pub description: Option<String>,
    /// Read the description from a file (`-`: stdin)
    #[arg(long, value_name = "FILE|-")]
    pub description_file: Option<PathBuf>,
    /// Attach a file after the case is filed (repeatable)
    #[arg(long = "attach", value_name = "FILE")]
    pub attach: Vec<PathBuf>,
    /// BCP 47 language of the case, e.g. it-IT [default: config, then system, then en-US]
    #[arg(long, value_name = "TAG")]
    pub language: Option<String>,
    /// IANA time zone of the case, e.g. Europe/Rome [default: config, then system, then UTC]
    #[arg(long, value_name = "ZONE", add = crate::complete::time_zone())]
    pub time_zone: Option<String>,
    /// Share the case with a user or group email (repeatable)
    #[arg(long = "share", value_name = "EMAIL")]
    pub share: Vec<String>,
    /// Send text that looks like personal data without asking
    #[arg(long)]
    pub allow_pii: bool,
    /// File the case without the final confirmation on a terminal
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// A name for this filing, so that a re-run answers the case filed the first time instead
    /// of filing another (up to 128 characters, e.g. a CI job id)
    #[arg(long, env = "RSUPPORT_REQUEST_ID", value_name = "ID")]
    pub request_id: Option<String>,
    /// File even if you filed an open case of this customer with the same title in the last
    /// 24 hours
    #[arg(long)]
    pub allow_duplicate: bool,
    #[command(flatten)]
    pub dry_run: DryRun,
    #[command(flatten)]
    pub source: from_template::TemplateSource,
}

pub async fn run(ctx: &Ctx, args: CreateArgs) -> CliResult<Outcome> {
    let args = from_template::apply(ctx, args)?;
    check_files(&args.attach)?;
    let request_id = args
        .request_id
        .as_deref()
        .map(check_request_id)
        .transpose()?;
    for email in &args.share {
        check_email(email)?;
    }
    let description = read_text(
        args.description.clone(),
        args.description_file.as_deref(),
        "--description-file",
    )?;
    if !ctx.prompt().allowed() {
        let missing = missing_flags(&args, description.is_some());
        if !missing.is_empty() {
            return Err(CliError::usage(format!(
                "missing {}: prompting is off (--no-input, RSUPPORT_NO_INPUT or no terminal), so every field must be a flag; nothing was sent",
                missing.join(", ")
            ))
            .hint("see `rsupport case create --help` for an example"));
        }
    }
    let client = ctx.client()?;
    check_p0(client, args.severity.as_slice())?;
    let me = client.whoami().await?;
    check_sizes(&args.attach, me.max_attachment_bytes)?;

    let customer = match &args.on_behalf_of {
        Some(id) => {
            let customer = client.get_customer(id.trim()).await?;
            if !customer.access_granted {
                return Err(access_not_granted(&customer));
            }
            customer
        }
        None => pick_customer(ctx, client).await?,
    };
    let title = match args.title.clone() {
        Some(title) => non_blank(title, "--title")?,
        None => non_blank(ctx.prompt().input("Title", None, "--title")?, "the title")?,
    };
    if request_id.is_none()
        && !args.allow_duplicate
        && let Some(earlier) = find_duplicate(client, &me, &customer.id, &title).await?
    {
        confirm_duplicate(ctx, &earlier, &me, args.yes, args.dry_run.dry_run)?;
    }
    let category = resolve_category(ctx, client, args.category.as_deref()).await?;
    let priority = match args.severity {
        Some(priority) => priority,
        None => pick_severity(ctx, client.provider() == Provider::Google)?,
    };
    let description = match description {
        Some(text) => non_blank(text, "the description")?,
        None => edit_text(
            ctx,
            &format!(
                "Describe the problem of {} ({}): what happens, since when, who is affected,\nwhat was tried. Lines starting with # are removed. Do not include personal data.",
                customer.display_name, customer.id
            ),
            "--description or --description-file",
        )?,
    };
    let language = args
        .language
        .clone()
        .or(ctx.config()?.language)
        .or_else(|| system_language(|name| std::env::var(name).ok()))
        .unwrap_or_else(|| DEFAULT_LANGUAGE.to_string());
    let time_zone = args
        .time_zone
        .clone()
        .or(ctx.config()?.time_zone)
        .or_else(system_time_zone)
        .unwrap_or_else(|| DEFAULT_TIME_ZONE.to_string());

    let allowed = allowed_domains(client, &customer.id).await?;
    let mut reports: Vec<PiiReport> = Vec::new();
    reports.extend(scan_text("the title", &title, &allowed));
    reports.extend(scan_text("the description", &description, &allowed));
    for file in &args.attach {
        reports.extend(scan_file(file, &allowed)?);
    }
    check_pii(ctx, &reports, args.allow_pii, args.dry_run.dry_run)?;

    let request = CreateCaseRequest {
        request_id: request_id
            .clone()
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
        customer: customer.id.clone(),
        display_name: title,
        description,
        classification: category.id.clone(),
        // P0 only for a google domain (checked above)
        priority,
        language_code: Some(language),
        time_zone: Some(time_zone),
        subscriber_email_addresses: args.share.clone(),
    };
    if args.dry_run.dry_run {
        return dry_run(client, &request, &customer, &args.attach).await;
    }
    if ctx.prompt().allowed() && !args.yes {
        ctx.out()
            .message(&summary(&request, &customer, &category, &args.attach));
        if !ctx.prompt().confirm("File this case?", true, "--yes")? {
            return Err(CliError::usage("cancelled: nothing was sent"));
        }
    }

    let Filed { case, existed } = client.create_case(&request).await?;
    let attach = if existed {
        ctx.out().message(&format!(
            "Case {} already existed: it was filed {} with request id '{}' and the same fields; nothing new was filed.",
            case.id,
            relative_time(case.create_time, me.server_time),
            request.request_id
        ));
        not_yet_attached(ctx, client, case.id, &args.attach).await?
    } else {
        args.attach.clone()
    };
    let (uploaded, failures) = upload_files(ctx, client, case.id, &attach).await;
    let case = if uploaded.is_empty() {
        case
    } else {
        client.get_case(case.id).await.unwrap_or(case)
    };
    let outcome = Outcome::Primary {
        value: case.id.to_string(),
        record: Some(Record::new(&case)),
    };
    if failures.is_empty() {
        if !existed {
            ctx.out().message(&filed_message(&case));
        }
        return Ok(outcome);
    }
    // The case exists: its id goes to stdout before the error, so nothing is lost.
    ctx.out().emit(outcome)?;
    Err(upload_failures_error(client.domain(), case.id, &failures))
}

/// A `--request-id` the server will take: not blank, at most 128 characters, no control
/// characters (exit 2 otherwise, before anything is sent).
fn check_request_id(id: &str) -> CliResult<String> {
    let id = id.trim();
    let problem = if id.is_empty() {
        Some("it is empty".to_string())
    } else if id.chars().count() > MAX_REQUEST_ID_CHARS {
        Some(format!(
            "it has {} characters, more than {MAX_REQUEST_ID_CHARS}",
            id.chars().count()
        ))
    } else if id.chars().any(char::is_control) {
        Some("it holds a control character".to_string())
    } else {
        None
    };
    match problem {
        None => Ok(id.to_string()),
        Some(problem) => Err(CliError::usage(format!(
            "invalid --request-id (or RSUPPORT_REQUEST_ID): {problem}; use 1 to {MAX_REQUEST_ID_CHARS} printable characters, e.g. a CI job id or a UUID; nothing was sent"
        ))),
    }
}

/// The open case of `customer` with the same title (ignoring case and spacing) that the token
/// holder filed in the 24 hours before the server's clock, if any.
async fn find_duplicate(
    client: &Client,
    me: &WhoAmI,
    customer: &str,
    title: &str,
) -> CliResult<Option<Case>> {
    let since = me
        .server_time
        .checked_sub(jiff::SignedDuration::from_hours(24))
        .unwrap_or(me.server_time);
    let wanted = same_title_key(title);
    let mut pages = client.case_pages(ListCasesQuery {
        customer: Some(customer.to_string()),
        state: Some("open".into()),
        created_since: Some(since),
        page_size: Some(MAX_PAGE_SIZE),
        ..ListCasesQuery::default()
    });
    while let Some(page) = pages.next_page().await? {
        if let Some(case) = page.into_iter().find(|case| {
            case.creator.eq_ignore_ascii_case(&me.email)
                && same_title_key(&case.display_name) == wanted
        }) {
            return Ok(Some(case));
        }
    }
    Ok(None)
}

/// A title as compared for duplicates: lower case, words separated by single spaces.
fn same_title_key(title: &str) -> String {
    title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// On a terminal (without `--yes`): says which case looks the same and asks. Elsewhere:
/// refused, exit 5, naming the case and `--allow-duplicate`.
fn confirm_duplicate(
    ctx: &Ctx,
    earlier: &Case,
    me: &WhoAmI,
    yes: bool,
    dry_run: bool,
) -> CliResult<()> {
    let what = format!(
        "you filed case {} for {} with the same title {}, and it is still open ({}): \"{}\"",
        earlier.id,
        earlier.customer,
        relative_time(earlier.create_time, me.server_time),
        earlier.state,
        earlier.display_name
    );
    if ctx.prompt().allowed() && !yes {
        ctx.out().warn(&what);
        if dry_run {
            // a dry run asks nothing: the real run will
            ctx.out()
                .message("the real run asks whether to file another case anyway");
            return Ok(());
        }
        if ctx
            .prompt()
            .confirm("File another case anyway?", false, "--allow-duplicate")?
        {
            return Ok(());
        }
        return Err(CliError::usage("cancelled: nothing was sent").hint(format!(
            "follow the open case with `rsupport case view {}`",
            earlier.id
        )));
    }
    Err(
        CliError::failure(format!("not filed: {what}; nothing was sent"))
            .with_class(ExitClass::Refused)
            .hint(format!(
                "if it is another problem, file it anyway with --allow-duplicate; to follow the open case: `rsupport case view {}`",
                earlier.id
            ))
            .hint("a script that re-runs a create can pass --request-id ID instead: a re-run then answers the case filed the first time"),
    )
}

/// The files not yet on `case` (same name and SHA-256), for a create that answered a case
/// filed earlier: a re-run does not upload the same files twice.
async fn not_yet_attached(
    ctx: &Ctx,
    client: &Client,
    case: u64,
    files: &[PathBuf],
) -> CliResult<Vec<PathBuf>> {
    if files.is_empty() {
        return Ok(Vec::new());
    }
    let present = client.list_attachments(case).await?.attachments;
    let mut missing = Vec::new();
    for file in files {
        let (sha256, _) = file_sha256(file)?;
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if present
            .iter()
            .any(|a| a.sha256.eq_ignore_ascii_case(&sha256) && a.filename == name)
        {
            ctx.out().message(&format!(
                "{} is already attached to case {case}: not uploaded again.",
                file.display()
            ));
        } else {
            missing.push(file.clone());
        }
    }
    Ok(missing)
}

/// `--dry-run`: the server validates the create (nothing is filed); the attachments were
/// checked here (they can only be validated on the server once the case exists).
async fn dry_run(
    client: &Client,
    request: &CreateCaseRequest,
    customer: &Customer,
    attach: &[PathBuf],
) -> CliResult<Outcome> {
    let Filed { case, existed } = client.validate_only(true).create_case(request).await?;
    let mut text = if existed {
        format!(
            "would answer case {}, filed earlier with request id '{}' and the same fields, and file nothing",
            case.id, request.request_id
        )
    } else {
        format!(
            "would file a {} case for {} ({}): {}",
            case.priority, customer.id, customer.display_name, case.display_name
        )
    };
    let mut files = Vec::new();
    for path in attach {
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        let name = path.file_name().unwrap_or(path.as_os_str());
        files.push(format!("{} ({})", name.to_string_lossy(), human_size(size)));
    }
    if !files.is_empty() {
        text.push_str(&format!(", and attach {}", files.join(", ")));
    }
    text.push_str(&format!(" {NOTHING_CHANGED}"));
    Ok(dry_run_outcome("create", text, "case", &case))
}

/// The flags a non-interactive create lacks, in the order of `--help`.
pub fn missing_flags(args: &CreateArgs, has_description: bool) -> Vec<&'static str> {
    let mut missing = Vec::new();
    if args.on_behalf_of.is_none() {
        missing.push("--on-behalf-of");
    }
    if args.title.is_none() {
        missing.push("--title");
    }
    if args.category.is_none() {
        missing.push("--category");
    }
    if args.severity.is_none() {
        missing.push("--severity");
    }
    if !has_description {
        missing.push("--description (or --description-file)");
    }
    missing
}

fn check_email(email: &str) -> CliResult<()> {
    let valid = email.split_once('@').is_some_and(|(user, domain)| {
        !user.is_empty() && domain.contains('.') && !domain.starts_with('.')
    });
    if valid {
        Ok(())
    } else {
        Err(CliError::usage(format!(
            "invalid --share '{email}': expected an email address such as it-team@acme.example"
        )))
    }
}

fn access_not_granted(customer: &Customer) -> CliError {
    CliError::auth(format!(
        "customer '{}' ({}) has not granted your reseller domain access to its account: no case can be filed for it",
        customer.id, customer.display_name
    ))
    .hint("ask the customer to grant access to its account (Admin console › Account › Reseller access), then try again")
}

fn filed_message(case: &Case) -> String {
    format!(
        "Filed case {} for {} ({}): {}",
        case.id, case.customer, case.customer_display_name, case.display_name
    )
}

/// What is about to be filed, for the confirmation.
fn summary(
    request: &CreateCaseRequest,
    customer: &Customer,
    category: &Category,
    attach: &[PathBuf],
) -> String {
    let mut text = String::from("\nAbout to file this case:\n");
    let mut line = |label: &str, value: String| {
        text.push_str(&format!("  {label:<12} {value}\n"));
    };
    line(
        "Customer:",
        format!(
            "{} ({}, {} plan)",
            customer.display_name, customer.id, customer.plan
        ),
    );
    line("Title:", request.display_name.clone());
    line(
        "Category:",
        format!("{} ({})", category.display_name, category.id),
    );
    line(
        "Severity:",
        format!("{} — {}", request.priority, request.priority.meaning()),
    );
    line(
        "Language:",
        request.language_code.clone().unwrap_or_default(),
    );
    line("Time zone:", request.time_zone.clone().unwrap_or_default());
    if !request.subscriber_email_addresses.is_empty() {
        line(
            "Shared with:",
            request.subscriber_email_addresses.join(", "),
        );
    }
    if !attach.is_empty() {
        line(
            "Attachments:",
            attach
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    let description: Vec<&str> = request.description.lines().collect();
    line(
        "Description:",
        format!(
            "{}{}",
            description.first().copied().unwrap_or_default(),
            if description.len() > 1 {
                format!(" (+{} lines)", description.len() - 1)
            } else {
                String::new()
            }
        ),
    );
    text
}

/// Every customer of the domain in a filterable list; those without access are shown with
/// the reason and picking one asks again.
async fn pick_customer(ctx: &Ctx, client: &Client) -> CliResult<Customer> {
    if !ctx.prompt().allowed() {
        return Err(ctx.prompt().missing("--on-behalf-of", "the customer"));
    }
    let customers = client
        .customer_pages(ListCustomersQuery {
            page_size: Some(MAX_PAGE_SIZE),
            ..ListCustomersQuery::default()
        })
        .collect_all()
        .await?;
    if customers.is_empty() {
        return Err(CliError::not_found(format!(
            "the domain {} has no customers",
            client.domain().unwrap_or("in use")
        ))
        .hint("customers are assigned to a reseller domain in the sales console"));
    }
    if !customers.iter().any(|c| c.access_granted) {
        return Err(CliError::auth(
            "no customer of the domain has granted access to its account: no case can be filed",
        )
        .hint("ask the customer to grant your reseller domain access to its account"));
    }
    let items: Vec<String> = customers.iter().map(customer_item).collect();
    loop {
        let index =
            ctx.prompt()
                .fuzzy_select("Customer (type to filter)", &items, "--on-behalf-of")?;
        let customer = &customers[index];
        if customer.access_granted {
            return Ok(customer.clone());
        }
        ctx.out().warn(&format!(
            "{} has not granted your reseller domain access to its account, so no case can be filed for it; pick another customer",
            customer.display_name
        ));
    }
}

fn customer_item(customer: &Customer) -> String {
    if customer.access_granted {
        format!(
            "{} — {} ({}, {})",
            customer.id, customer.display_name, customer.primary_domain, customer.plan
        )
    } else {
        format!(
            "{} — {} (access not granted: cannot file cases)",
            customer.id, customer.display_name
        )
    }
}

/// The category from `--category` (an id or a term matching one), or searched and picked.
async fn resolve_category(ctx: &Ctx, client: &Client, given: Option<&str>) -> CliResult<Category> {
    let catalogue = client
        .list_categories(&ListCategoriesQuery::default())
        .await?
        .categories;
    if let Some(term) = given {
        return match match_category(term, &catalogue) {
            CategoryMatch::One(category) => Ok(category),
            CategoryMatch::Several(candidates) if ctx.prompt().allowed() => {
                pick_category(ctx, &candidates)
            }
            CategoryMatch::Several(candidates) => Err(CliError::usage(format!(
                "--category '{term}' matches {} categories:\n{}",
                candidates.len(),
                candidate_lines(&candidates)
            ))
            .hint("pass one of these ids with --category")),
            CategoryMatch::None => Err(CliError::usage(format!(
                "--category '{term}' matches no category"
            ))
            .hint("see the catalogue with `rsupport category search [KEYWORDS]`")),
        };
    }
    loop {
        let term =
            ctx.prompt()
                .input("Category (search, e.g. gmail delivery)", None, "--category")?;
        match match_category(&term, &catalogue) {
            CategoryMatch::One(category) => {
                ctx.out().message(&format!(
                    "Category: {} ({})",
                    category.display_name, category.id
                ));
                return Ok(category);
            }
            CategoryMatch::Several(candidates) => return pick_category(ctx, &candidates),
            CategoryMatch::None => ctx
                .out()
                .warn(&format!("no category matches '{term}': try other keywords")),
        }
    }
}

fn candidate_lines(candidates: &[Category]) -> String {
    candidates
        .iter()
        .map(|c| format!("  {:<28} {}", c.id, c.display_name))
        .collect::<Vec<_>>()
        .join("\n")
}

fn pick_category(ctx: &Ctx, candidates: &[Category]) -> CliResult<Category> {
    let items: Vec<String> = candidates
        .iter()
        .map(|c| format!("{} ({})", c.display_name, c.id))
        .collect();
    let index = ctx.prompt().select("Category", &items, 0, "--category")?;
    Ok(candidates[index].clone())
}

/// The severities of the domain's provider (P0 for a google domain only), P3 preselected.
fn pick_severity(ctx: &Ctx, google: bool) -> CliResult<Severity> {
    let offered = if google {
        Severity::ALL
    } else {
        Severity::RESELLER
    };
    let items: Vec<String> = offered
        .iter()
        .map(|s| format!("{s} — {}", s.meaning()))
        .collect();
    let preselected = offered.iter().position(|s| *s == Severity::P3).unwrap_or(0);
    let index = ctx
        .prompt()
        .select("Severity", &items, preselected, "--severity")?;
    Ok(offered[index])
}

/// The BCP 47 tag of a POSIX locale such as `it_IT.UTF-8` (`it-IT`); `None` for `C`/`POSIX`
/// or anything that is not a locale name.
pub fn language_from_locale(locale: &str) -> Option<String> {
    let name = locale.split(['.', '@']).next().unwrap_or_default().trim();
    if name.is_empty() || name == "C" || name == "POSIX" {
        return None;
    }
    let mut parts = name.split(['_', '-']);
    let language = parts.next()?;
    if !(2..=3).contains(&language.len()) || !language.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut tag = language.to_ascii_lowercase();
    if let Some(region) = parts.next() {
        if !region.chars().all(|c| c.is_ascii_alphanumeric()) || region.is_empty() {
            return None;
        }
        tag.push('-');
        tag.push_str(&region.to_ascii_uppercase());
    }
    Some(tag)
}

/// The system's language from `LC_ALL`, `LC_MESSAGES` then `LANG` (the first one set).
pub fn system_language(var: impl Fn(&str) -> Option<String>) -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(|name| var(name).filter(|v| !v.trim().is_empty()))
        .next()
        .and_then(|locale| language_from_locale(&locale))
}

/// The system's IANA time zone, when it has a name.
pub fn system_time_zone() -> Option<String> {
    jiff::tz::TimeZone::try_system()
        .ok()
        .and_then(|tz| tz.iana_name().map(str::to_string))
}

/// What a `--category` argument resolved to.
#[derive(Debug, PartialEq)]
pub enum CategoryMatch {
    One(Category),
    /// Several categories match the search term: the user must pick one.
    Several(Vec<Category>),
    None,
}

/// An exact id wins; otherwise every category whose id or display name contains every keyword
/// of `term` (case-insensitive) is a candidate.
pub fn match_category(term: &str, catalogue: &[Category]) -> CategoryMatch {
    let wanted = term.trim().to_lowercase();
    if let Some(exact) = catalogue
        .iter()
        .find(|c| c.id.to_lowercase() == wanted || c.display_name.to_lowercase() == wanted)
    {
        return CategoryMatch::One(exact.clone());
    }
    let keywords: Vec<&str> = wanted.split_whitespace().collect();
    let mut found: Vec<Category> = catalogue
        .iter()
        .filter(|c| {
            let hay = format!("{} {}", c.id, c.display_name).to_lowercase();
            !keywords.is_empty() && keywords.iter().all(|k| hay.contains(k))
        })
        .cloned()
        .collect();
    match found.len() {
        0 => CategoryMatch::None,
        1 => CategoryMatch::One(found.remove(0)),
        _ => CategoryMatch::Several(found),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn category(id: &str, name: &str) -> Category {
        Category {
            id: id.into(),
            display_name: name.into(),
            product: "google-workspace".into(),
        }
    }

    fn catalogue() -> Vec<Category> {
        vec![
            category("gmail-delivery", "Gmail > Delivery"),
            category("gmail-spam", "Gmail > Spam and phishing"),
            category("drive-sharing", "Drive > Sharing"),
        ]
    }

    fn args() -> CreateArgs {
        CreateArgs {
            on_behalf_of: None,
            title: Some("t".into()),
            category: None,
            severity: Some(Severity::P2),
            description: None,
            description_file: None,
            attach: Vec::new(),
            language: None,
            time_zone: None,
            share: Vec::new(),
            allow_pii: false,
            yes: false,
            request_id: None,
            allow_duplicate: false,
            dry_run: DryRun::default(),
            source: Default::default(),
        }
    }

    #[test]
    fn every_missing_flag_is_named() {
        assert_eq!(
            missing_flags(&args(), false),
            [
                "--on-behalf-of",
                "--category",
                "--description (or --description-file)"
            ]
        );
        assert!(
            !missing_flags(&args(), true)
                .iter()
                .any(|f| f.starts_with("--description"))
        );
    }

    #[test]
    fn a_share_address_must_look_like_an_email() {
        assert!(check_email("it@acme.example").is_ok());
        for bad in ["it", "@acme.example", "it@localhost", "it@.example"] {
            assert!(check_email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn customers_without_access_are_listed_with_the_reason() {
        let mut customer = Customer {
            id: "umbrella".into(),
            display_name: "Umbrella".into(),
            primary_domain: "umbrella.example".into(),
            reseller_domain: "reseller.example.com".into(),
            plan: rsupport_api::types::SupportPlan::Premium,
            access_granted: false,
            contact: rsupport_api::types::Contact {
                name: "n".into(),
                email: "n@umbrella.example".into(),
                phone: None,
            },
        };
        assert!(customer_item(&customer).contains("access not granted"));
        customer.access_granted = true;
        assert_eq!(
            customer_item(&customer),
            "umbrella — Umbrella (umbrella.example, premium)"
        );
    }

    #[test]
    fn posix_locale_becomes_a_bcp47_tag() {
        assert_eq!(
            language_from_locale("it_IT.UTF-8").as_deref(),
            Some("it-IT")
        );
        assert_eq!(language_from_locale("de").as_deref(), Some("de"));
        assert_eq!(
            language_from_locale("sr_RS@latin").as_deref(),
            Some("sr-RS")
        );
    }

    #[test]
    fn c_and_posix_locales_have_no_language() {
        assert_eq!(language_from_locale("C.UTF-8"), None);
        assert_eq!(language_from_locale("POSIX"), None);
        assert_eq!(language_from_locale(""), None);
    }

    #[test]
    fn lc_all_wins_over_lang() {
        let env = |name: &str| match name {
            "LC_ALL" => Some("fr_FR.UTF-8".to_string()),
            "LANG" => Some("en_GB.UTF-8".to_string()),
            _ => None,
        };
        assert_eq!(system_language(env).as_deref(), Some("fr-FR"));
    }

    #[test]
    fn an_exact_category_id_is_taken_as_is() {
        assert_eq!(
            match_category("gmail-spam", &catalogue()),
            CategoryMatch::One(category("gmail-spam", "Gmail > Spam and phishing"))
        );
    }

    #[test]
    fn a_search_term_matching_one_category_picks_it() {
        let CategoryMatch::One(found) = match_category("drive", &catalogue()) else {
            panic!("expected one match");
        };
        assert_eq!(found.id, "drive-sharing");
    }

    #[test]
    fn a_search_term_matching_several_categories_lists_them() {
        let CategoryMatch::Several(found) = match_category("GMAIL", &catalogue()) else {
            panic!("expected several matches");
        };
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn every_keyword_must_match() {
        assert_eq!(
            match_category("gmail sharing", &catalogue()),
            CategoryMatch::None
        );
    }
}
