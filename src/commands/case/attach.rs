//! `rsupport case attach ID FILE…` (upload with a progress bar on a terminal) and `rsupport
//! case attachments ID` (the list). Attachments are never deleted from here: removal goes
//! through support.

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::Args;
use sha2::{Digest, Sha256};

use crate::client::Client;
use crate::commands::case::{
    PiiReport, allowed_domains, check_files, confirm_pii, parse_case_id, scan_file,
};
use crate::context::Ctx;
use crate::error::{CliError, CliResult};
use crate::output::{Listing, Outcome};
use rsupport_api::types::{Attachment, UploadAttachmentQuery};

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  rsupport case attach 42 headers.txt screenshot.png
  rsupport case attach 42 export.log --allow-pii

Text files (valid UTF-8) are checked for personal data first, like descriptions. Each file is
sent with its SHA-256, so the server rejects a corrupted upload. A progress bar shows on a
terminal (not with -q, not when stderr is piped).")]
pub struct AttachArgs {
    /// The case id
    #[arg(value_parser = parse_case_id)]
    pub id: u64,
    /// The files to upload
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Upload text that looks like personal data without asking
    #[arg(long)]
    pub allow_pii: bool,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  rsupport case attachments 42\n  rsupport case attachments 42 --json --jq '.[].filename'"
)]
pub struct AttachmentsArgs {
    /// The case id
    #[arg(value_parser = parse_case_id)]
    pub id: u64,
}

pub async fn run(ctx: &Ctx, args: AttachArgs) -> CliResult<Outcome> {
    check_files(&args.files)?;
    let client = ctx.client()?;
    let case = client.get_case(args.id).await?;
    let allowed = allowed_domains(client, &case.customer).await?;
    let mut reports: Vec<PiiReport> = Vec::new();
    for file in &args.files {
        reports.extend(scan_file(file, &allowed)?);
    }
    confirm_pii(ctx, &reports, args.allow_pii)?;
    let (uploaded, failures) = upload_files(ctx, client, args.id, &args.files).await;
    if failures.is_empty() {
        ctx.out().message(&format!(
            "Attached {} file{} to case {}.",
            uploaded.len(),
            if uploaded.len() == 1 { "" } else { "s" },
            args.id
        ));
        return Ok(Outcome::List(Listing::of(&uploaded)));
    }
    if !uploaded.is_empty() {
        ctx.out().emit(Outcome::List(Listing::of(&uploaded)))?;
    }
    Err(upload_failures_error(args.id, &failures))
}

pub async fn run_list(ctx: &Ctx, args: AttachmentsArgs) -> CliResult<Outcome> {
    let attachments = ctx.client()?.list_attachments(args.id).await?.attachments;
    Ok(Outcome::List(Listing::of(&attachments).empty_message(
        format!("Case {} has no attachments.", args.id),
    )))
}

/// Uploads each file in turn (each with its SHA-256 and a progress bar); answers what was
/// uploaded and, for each file that failed, the error. One failure does not stop the others.
pub async fn upload_files(
    ctx: &Ctx,
    client: &Client,
    case: u64,
    files: &[PathBuf],
) -> (Vec<Attachment>, Vec<(PathBuf, CliError)>) {
    let mut uploaded = Vec::new();
    let mut failures = Vec::new();
    for file in files {
        match upload_one(ctx, client, case, file).await {
            Ok(attachment) => uploaded.push(attachment),
            Err(error) => failures.push((file.clone(), error)),
        }
    }
    (uploaded, failures)
}

async fn upload_one(ctx: &Ctx, client: &Client, case: u64, file: &Path) -> CliResult<Attachment> {
    let (sha256, len) = file_sha256(file)?;
    let filename = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.display().to_string());
    let bar = ctx.out().progress_bar(len, &filename);
    let progress = {
        let bar = bar.clone();
        move |sent: u64| bar.set_position(sent)
    };
    let query = UploadAttachmentQuery {
        filename,
        sha256: Some(sha256),
    };
    let result = client.upload_attachment(case, file, &query, progress).await;
    bar.finish_and_clear();
    Ok(result?)
}

/// The lowercase hex SHA-256 of a file and its length, read in chunks.
pub fn file_sha256(path: &Path) -> CliResult<(String, u64)> {
    let mut file = std::fs::File::open(path)
        .map_err(|e| CliError::usage(format!("cannot read '{}': {e}", path.display())))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut len = 0u64;
    loop {
        let n = file
            .read(&mut buf)
            .map_err(|e| CliError::failure(format!("cannot read '{}': {e}", path.display())))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        len += n as u64;
    }
    Ok((hex::encode(hasher.finalize()), len))
}

/// One error naming every file that was not attached (exit 1 unless all share a class).
pub fn upload_failures_error(case: u64, failures: &[(PathBuf, CliError)]) -> CliError {
    let lines: Vec<String> = failures
        .iter()
        .map(|(path, error)| format!("  {}: {}", path.display(), error.messages().join(": ")))
        .collect();
    CliError::failure(format!(
        "{} of the files {} not attached to case {case}:\n{}",
        failures.len(),
        if failures.len() == 1 { "was" } else { "were" },
        lines.join("\n")
    ))
    .hint(format!(
        "the case exists: attach the missing files with `rsupport case attach {case} FILE…`"
    ))
}
