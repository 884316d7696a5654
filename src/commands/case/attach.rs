//! `rsupport case attach ID FILE…`: upload with a progress bar on a terminal. Attachments are
//! never deleted from here: removal goes through support.

use std::path::PathBuf;

use clap::Args;

use super::shared::{
    DryRun, NOTHING_CHANGED, PiiReport, allowed_domains, check_files, check_pii, check_sizes,
    dry_run_outcome, human_size, parse_case_id, scan_file, upload_failures_error, upload_files,
};
use crate::context::Ctx;
use crate::error::CliResult;
use crate::output::{Listing, Outcome};

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
    #[arg(value_parser = parse_case_id, add = crate::complete::case_id(crate::complete::CaseScope::Open))]
    pub id: u64,
    /// The files to upload
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Upload text that looks like personal data without asking
    #[arg(long)]
    pub allow_pii: bool,
    #[command(flatten)]
    pub dry_run: DryRun,
}

pub async fn run(ctx: &Ctx, args: AttachArgs) -> CliResult<Outcome> {
    check_files(&args.files)?;
    let dry_run = args.dry_run.dry_run;
    let client = &ctx.client()?.validate_only(dry_run);
    check_sizes(&args.files, client.whoami().await?.max_attachment_bytes)?;
    let case = client.get_case(args.id).await?;
    let allowed = allowed_domains(client, &case.customer).await?;
    let mut reports: Vec<PiiReport> = Vec::new();
    for file in &args.files {
        reports.extend(scan_file(file, &allowed)?);
    }
    check_pii(ctx, &reports, args.allow_pii, dry_run)?;
    let (uploaded, failures) = upload_files(ctx, client, args.id, &args.files).await;
    if dry_run && failures.is_empty() {
        let files: Vec<String> = uploaded
            .iter()
            .map(|a| format!("{} ({})", a.filename, human_size(a.size_bytes)))
            .collect();
        let text = format!(
            "would attach {} to case {} {NOTHING_CHANGED}",
            files.join(", "),
            args.id
        );
        return Ok(dry_run_outcome("attach", text, "attachments", &uploaded));
    }
    if dry_run {
        return Err(upload_failures_error(client.domain(), args.id, &failures));
    }
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
    Err(upload_failures_error(client.domain(), args.id, &failures))
}
