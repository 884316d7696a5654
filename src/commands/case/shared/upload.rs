//! Uploading files to a case: checked before anything is sent, then one at a time with a
//! SHA-256 and a progress bar; one failure does not stop the others.

use std::io::Read;
use std::path::{Path, PathBuf};

use rsupport_api::types::{Attachment, UploadAttachmentQuery};
use sha2::{Digest, Sha256};

use super::human_size;
use crate::client::Client;
use crate::context::Ctx;
use crate::error::{CliError, CliResult, ExitClass};

/// Checks that files to upload exist, are regular files, can be opened and are not empty,
/// before anything is sent (exit 2, naming the file).
pub fn check_files(files: &[PathBuf]) -> CliResult<()> {
    for file in files {
        let refuse = |why: String| {
            Err(CliError::usage(format!(
                "cannot attach '{}': {why}; nothing was sent",
                file.display()
            )))
        };
        match std::fs::metadata(file) {
            Ok(meta) if !meta.is_file() => return refuse("it is not a file".into()),
            Ok(meta) if meta.len() == 0 => {
                return refuse("the file is empty (the server accepts no empty attachment)".into());
            }
            Ok(_) => {}
            Err(e) => return refuse(e.to_string()),
        }
        if let Err(e) = std::fs::File::open(file) {
            return refuse(format!("it cannot be read: {e}"));
        }
    }
    Ok(())
}

/// Checks every file against the largest attachment the server accepts (from `whoami`; an
/// older server that does not say is not checked here, it refuses on its own).
pub fn check_sizes(files: &[PathBuf], limit: Option<u64>) -> CliResult<()> {
    let Some(limit) = limit else {
        return Ok(());
    };
    for file in files {
        let size = std::fs::metadata(file)
            .map_err(|e| {
                CliError::usage(format!(
                    "cannot attach '{}': {e}; nothing was sent",
                    file.display()
                ))
            })?
            .len();
        if size > limit {
            return Err(CliError::usage(format!(
                "cannot attach '{}': it is {} and the server accepts at most {} per file; nothing was sent",
                file.display(),
                human_bytes(size),
                human_bytes(limit),
            ))
            .hint("compress or split the file"));
        }
    }
    Ok(())
}

/// `4.0 KiB (4096 bytes)`: [`human_size`] with the exact count, to compare with a limit.
fn human_bytes(n: u64) -> String {
    if n < 1024 {
        format!("{n} bytes")
    } else {
        format!("{} ({n} bytes)", human_size(n))
    }
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

/// One error naming every file that was not attached and the one command that attaches just
/// those (with the domain, so that it acts where this command did). Its exit code is the one
/// the failures share (2 for files the server refused as too large or invalid), else 1.
pub fn upload_failures_error(
    domain: Option<&str>,
    case: u64,
    failures: &[(PathBuf, CliError)],
) -> CliError {
    let lines: Vec<String> = failures
        .iter()
        .map(|(path, error)| format!("  {}: {}", path.display(), error.messages().join(": ")))
        .collect();
    let mut retry = vec!["rsupport".to_string(), "case".into(), "attach".into()];
    retry.push(case.to_string());
    retry.extend(
        failures
            .iter()
            .map(|(path, _)| quote(&path.to_string_lossy())),
    );
    if let Some(domain) = domain {
        retry.push("--domain".into());
        retry.push(quote(domain));
    }
    let classes: Vec<ExitClass> = failures.iter().map(|(_, e)| e.exit_class()).collect();
    let class = match classes.split_first() {
        Some((first, rest)) if rest.iter().all(|c| c == first) => *first,
        _ => ExitClass::Failure,
    };
    CliError::failure(format!(
        "{} of the files {} not attached to case {case}:\n{}",
        failures.len(),
        if failures.len() == 1 { "was" } else { "were" },
        lines.join("\n")
    ))
    .with_class(class)
    .hint(format!(
        "case {case} exists; once the cause is fixed, attach just {} with `{}`",
        if failures.len() == 1 {
            "that file"
        } else {
            "those files"
        },
        retry.join(" ")
    ))
}

/// A word the shell reads back as itself (quoted only when it must be).
fn quote(word: &str) -> String {
    shlex::try_quote(word).map_or_else(|_| format!("{word:?}"), |q| q.into_owned())
}
