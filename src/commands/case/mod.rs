//! `rsupport case …`: every reseller workflow of the portal on support cases, one file per
//! command; this module holds the subcommand enum and its one `match`. What several commands
//! share is in [`shared`].

use clap::{Args, Subcommand};

use crate::context::Ctx;
use crate::error::CliResult;
use crate::output::Outcome;

pub mod attach;
pub mod attachments;
pub mod close;
pub mod comment;
pub mod create;
pub mod download;
pub mod escalate;
pub mod filter;
pub mod history;
pub mod list;
pub mod reopen;
pub mod share;
pub mod shared;
pub mod template;
pub mod update;
pub mod view;
pub mod watch;

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
    Create(Box<create::CreateArgs>),
    /// List cases: open cases of every customer of the domain, most recently updated first
    List(list::ListArgs),
    /// Find cases by keywords, with the same filters as `case list`
    Filter(filter::FilterArgs),
    /// Show one case: all fields, subscribers, attachments and the last messages
    View(view::ViewArgs),
    /// Show a case's timeline, oldest first: messages, state and severity changes, files...
    History(history::HistoryArgs),
    /// Print new events of cases as they happen, until a state or a reply from support
    Watch(watch::WatchArgs),
    /// Change a case's severity or title, and/or post a message, in one call
    Update(update::UpdateArgs),
    /// Send a message to support on a case
    Comment(comment::CommentArgs),
    /// Upload files to a case (progress bar on a terminal)
    Attach(attach::AttachArgs),
    /// List a case's attachments
    Attachments(attachments::AttachmentsArgs),
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
    /// List and show the templates of `case create --template NAME`
    Template(template::TemplateArgs),
}

impl CaseCommand {
    /// The one case the command acts on, if any.
    fn case_id(&self) -> Option<u64> {
        match self {
            CaseCommand::Create(_) | CaseCommand::List(_) | CaseCommand::Filter(_) => None,
            CaseCommand::Watch(args) => (args.ids.len() == 1).then(|| args.ids[0]),
            CaseCommand::View(args) => Some(args.id),
            CaseCommand::History(args) => Some(args.id),
            CaseCommand::Update(args) => one(&args.ids),
            CaseCommand::Comment(args) => one(&args.ids),
            CaseCommand::Attach(args) => Some(args.id),
            CaseCommand::Attachments(args) => Some(args.id),
            CaseCommand::Download(args) => Some(args.id),
            CaseCommand::Close(args) => one(&args.ids),
            CaseCommand::Reopen(args) => Some(args.id),
            CaseCommand::Escalate(args) => one(&args.ids),
            CaseCommand::Share(args) => one(&args.ids),
            CaseCommand::Template(_) => None,
        }
    }
}

/// The id of a command given exactly one (several are a bulk run, which points each case's
/// "not found" to its domain itself).
fn one(ids: &[u64]) -> Option<u64> {
    match ids {
        [id] => Some(*id),
        _ => None,
    }
}

pub async fn run(ctx: &Ctx, args: CaseArgs) -> CliResult<Outcome> {
    let case_id = args.command.case_id();
    let result = match args.command {
        CaseCommand::Create(args) => create::run(ctx, *args).await,
        CaseCommand::List(args) => list::run(ctx, args).await,
        CaseCommand::Filter(args) => filter::run(ctx, args).await,
        CaseCommand::View(args) => view::run(ctx, args).await,
        CaseCommand::History(args) => history::run(ctx, args).await,
        CaseCommand::Watch(args) => watch::run(ctx, args).await,
        CaseCommand::Update(args) => update::run(ctx, args).await,
        CaseCommand::Comment(args) => comment::run(ctx, args).await,
        CaseCommand::Attach(args) => attach::run(ctx, args).await,
        CaseCommand::Attachments(args) => attachments::run(ctx, args).await,
        CaseCommand::Download(args) => download::run(ctx, args).await,
        CaseCommand::Close(args) => close::run(ctx, args).await,
        CaseCommand::Reopen(args) => reopen::run(ctx, args).await,
        CaseCommand::Escalate(args) => escalate::run(ctx, args).await,
        CaseCommand::Share(args) => share::run(ctx, args).await,
        CaseCommand::Template(args) => template::run(ctx, args).await,
    };
    // "not found" here may be "found in another logged-in domain"
    match (result, case_id) {
        (Err(error), Some(id)) => Err(shared::point_to_owning_domain(ctx, id, error).await),
        (result, _) => result,
    }
}
