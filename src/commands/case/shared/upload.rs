//! Uploading files to a case: checked before anything is sent, then one at a time with a
//! SHA-256 and a progress bar; one failure does not stop the others.

use std::io::Read;
use std::path::{Path, PathBuf};

use rsupport_api::types::{Attachment, UploadAttachmentQuery};
use sha2::{Digest, Sha256};

use crate::client::Client;
use crate::context::Ctx;
use crate::error::{CliError, CliResult};

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
        ..UploadAttachmentQuery::default()
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
