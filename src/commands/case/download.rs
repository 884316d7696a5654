//! `rsupport case download ID [ATTACHMENT…] [--dir D]`: fetches attachments, verifies their
//! size and SHA-256, writes each through a temporary file in the target folder and renames it,
//! never overwrites without `--force` and never writes outside the folder.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::shared::parse_case_id;
use crate::client::Client;
use crate::context::Ctx;
use crate::error::{CliError, CliResult};
use crate::output::{Cell, Column, Listing, Outcome, Tabular};
use crate::terminal::is_bidi_control;
use rsupport_api::types::Attachment;

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  rsupport case download 42                      # every attachment, into the current folder
  rsupport case download 42 7 headers.txt --dir ./case-42
  rsupport case download 42 --force              # replace files that exist

ATTACHMENT is an attachment id or its file name (see `rsupport case attachments ID`). Each
file is checked against the size and SHA-256 the server recorded, written to a temporary file
in the folder (readable only by you) and renamed into place. Whatever name the server reports, files land inside
--dir: path parts, leading dots, control characters and device names are removed, and two
attachments with the same name get the attachment id before the extension.")]
pub struct DownloadArgs {
    /// The case id
    #[arg(value_parser = parse_case_id, add = crate::complete::case_id(crate::complete::CaseScope::Any))]
    pub id: u64,
    /// Attachment ids or file names [default: every attachment]
    #[arg(value_name = "ATTACHMENT")]
    pub attachments: Vec<String>,
    /// The folder to write into (created if missing) [default: the current folder]
    #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    pub dir: Option<PathBuf>,
    /// Replace files that already exist
    #[arg(long)]
    pub force: bool,
}

/// A file written by `case download`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DownloadedFile {
    pub attachment_id: u64,
    pub filename: String,
    pub path: String,
    pub size_bytes: u64,
    pub sha256: String,
}

impl Tabular for DownloadedFile {
    fn columns() -> &'static [Column] {
        const COLUMNS: &[Column] = &[
            Column::new("ID", "attachmentId"),
            Column::new("PATH", "path"),
            Column::new("SIZE", "sizeBytes"),
        ];
        COLUMNS
    }

    fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::from(self.attachment_id),
            Cell::text(&self.path),
            Cell::text(super::shared::human_size(self.size_bytes)),
        ]
    }

    fn csv_fields() -> Vec<&'static str> {
        vec!["attachmentId", "filename", "path", "sizeBytes", "sha256"]
    }
}

pub async fn run(ctx: &Ctx, args: DownloadArgs) -> CliResult<Outcome> {
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    let client = ctx.client()?;
    let all = client.list_attachments(args.id).await?.attachments;
    let chosen = choose(args.id, &all, &args.attachments)?;
    let pairs: Vec<(u64, &str)> = chosen.iter().map(|a| (a.id, a.filename.as_str())).collect();
    let names = distinct_file_names(&pairs);

    std::fs::create_dir_all(&dir).map_err(|e| {
        CliError::usage(format!("cannot create the folder '{}': {e}", dir.display()))
    })?;
    if !args.force {
        let existing: Vec<String> = names
            .iter()
            .map(|name| dir.join(name))
            .filter(|path| path.symlink_metadata().is_ok())
            .map(|path| path.display().to_string())
            .collect();
        if !existing.is_empty() {
            return Err(CliError::usage(format!(
                "{} already exist{}: nothing was downloaded",
                existing.join(", "),
                if existing.len() == 1 { "s" } else { "" }
            ))
            .hint("pass --force to replace them, or pick another folder with --dir"));
        }
    }

    let mut written = Vec::new();
    for (attachment, name) in chosen.iter().zip(&names) {
        let path = dir.join(name);
        download_one(ctx, client, attachment, &dir, &path, args.force)
            .await
            .map_err(|e| {
                e.context(format!(
                    "cannot download attachment {} ({}) of case {}",
                    attachment.id, attachment.filename, args.id
                ))
            })?;
        written.push(DownloadedFile {
            attachment_id: attachment.id,
            filename: attachment.filename.clone(),
            path: path.display().to_string(),
            size_bytes: attachment.size_bytes,
            sha256: attachment.sha256.clone(),
        });
    }
    ctx.out().message(&format!(
        "Downloaded {} file{} into {}, sizes and SHA-256 verified.",
        written.len(),
        if written.len() == 1 { "" } else { "s" },
        dir.display()
    ));
    Ok(Outcome::List(Listing::of(&written)))
}

/// The attachments asked for by id or file name (every one when none is named).
fn choose<'a>(
    case: u64,
    all: &'a [Attachment],
    wanted: &[String],
) -> CliResult<Vec<&'a Attachment>> {
    if all.is_empty() {
        return Err(CliError::not_found(format!(
            "case {case} has no attachments"
        )));
    }
    if wanted.is_empty() {
        return Ok(all.iter().collect());
    }
    let mut chosen: Vec<&Attachment> = Vec::new();
    for want in wanted {
        let found: Vec<&Attachment> = match want.parse::<u64>() {
            Ok(id) if all.iter().any(|a| a.id == id) => all.iter().filter(|a| a.id == id).collect(),
            _ => all.iter().filter(|a| a.filename == *want).collect(),
        };
        if found.is_empty() {
            return Err(
                CliError::not_found(format!("case {case} has no attachment '{want}'")).hint(
                    format!("see its attachments with `rsupport case attachments {case}`"),
                ),
            );
        }
        for attachment in found {
            if !chosen.iter().any(|c| c.id == attachment.id) {
                chosen.push(attachment);
            }
        }
    }
    Ok(chosen)
}

/// Streams one attachment into a temporary file in `dir`, checks it, then renames it to
/// `path` (refusing to replace an existing file unless `force`).
async fn download_one(
    ctx: &Ctx,
    client: &Client,
    attachment: &Attachment,
    dir: &Path,
    path: &Path,
    force: bool,
) -> CliResult<()> {
    let mut download = client
        .download_attachment(attachment.case_id, attachment.id)
        .await?;
    // a provider that records no checksum (Google's API) may still send one with the bytes
    let expected_sha = if attachment.sha256.is_empty() {
        download.sha256.clone().unwrap_or_default()
    } else {
        attachment.sha256.to_ascii_lowercase()
    };
    if let Some(header_sha) = download.sha256.as_deref()
        && !expected_sha.is_empty()
        && !header_sha.eq_ignore_ascii_case(&expected_sha)
    {
        return Err(CliError::failure(format!(
            "the server sent SHA-256 {header_sha} but the attachment was recorded with {expected_sha}; nothing was written"
        )));
    }
    let mut temp = tempfile::Builder::new()
        .prefix(".rsupport-download-")
        .tempfile_in(dir)
        .map_err(|e| {
            CliError::failure(format!(
                "cannot create a temporary file in '{}': {e}",
                dir.display()
            ))
        })?;
    let bar = ctx
        .out()
        .progress_bar(attachment.size_bytes, &attachment.filename);
    let mut hasher = Sha256::new();
    let mut size = 0u64;
    let limit = attachment.size_bytes;
    while let Some(chunk) = download.chunk().await? {
        size += chunk.len() as u64;
        if size > limit {
            bar.finish_and_clear();
            return Err(CliError::failure(format!(
                "the server sent more than the {limit} bytes recorded for the attachment; nothing was written"
            )));
        }
        hasher.update(&chunk);
        temp.write_all(&chunk).map_err(|e| {
            CliError::failure(format!("cannot write into '{}': {e}", dir.display()))
        })?;
        bar.set_position(size);
    }
    bar.finish_and_clear();
    let actual_sha = hex::encode(hasher.finalize());
    if size != limit {
        return Err(CliError::failure(format!(
            "the download has {size} bytes but the attachment has {limit}; nothing was written"
        ))
        .hint("try again; if it persists the server's copy is damaged: ask support"));
    }
    // an empty checksum: the provider keeps none (Google's API); the size was checked
    if !expected_sha.is_empty() && actual_sha != expected_sha {
        return Err(CliError::failure(format!(
            "the downloaded bytes have SHA-256 {actual_sha} but the attachment has {expected_sha}; nothing was written"
        ))
        .hint("try again; if it persists the server's copy is damaged: ask support"));
    }
    temp.as_file()
        .sync_all()
        .map_err(|e| CliError::failure(format!("cannot write into '{}': {e}", dir.display())))?;
    let persisted = if force {
        temp.persist(path).map(|_| ())
    } else {
        temp.persist_noclobber(path).map(|_| ())
    };
    persisted.map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            CliError::usage(format!("{} already exists", path.display()))
                .hint("pass --force to replace it")
        } else {
            CliError::failure(format!("cannot write '{}': {}", path.display(), e.error))
        }
    })
}

/// The longest file name most file systems accept, in bytes.
const MAX_NAME_BYTES: usize = 255;

/// Turns the file name the server reports into a plain file name that stays inside the target
/// folder: only the last path component, without NUL, control or bidi-override characters,
/// characters Windows refuses, leading dots or trailing dots and spaces, and never a Windows
/// device name. An empty result becomes `attachment-<id>`.
pub fn safe_file_name(server_name: &str, attachment_id: u64) -> String {
    let last = server_name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .map(|c| match c {
            '<' | '>' | ':' | '"' | '|' | '?' | '*' => '_',
            c => c,
        })
        .collect();
    let trimmed = cleaned
        .trim_start_matches(['.', ' '])
        .trim_end_matches(['.', ' ']);
    if trimmed.is_empty() {
        return format!("attachment-{attachment_id}");
    }
    let name = if is_windows_device_name(trimmed) {
        format!("_{trimmed}")
    } else {
        trimmed.to_string()
    };
    truncate_keeping_extension(&name, MAX_NAME_BYTES)
}

/// Safe, distinct file names for attachments downloaded together, in the order given. When
/// two names clash (ignoring case, for case-insensitive file systems) the first keeps it and
/// the next ones get their attachment id before the extension: `report-42.txt`.
pub fn distinct_file_names(attachments: &[(u64, &str)]) -> Vec<String> {
    let mut taken: HashSet<String> = HashSet::new();
    attachments
        .iter()
        .map(|&(id, server_name)| {
            let safe = safe_file_name(server_name, id);
            let mut name = safe.clone();
            let mut extra = 1;
            while !taken.insert(name.to_lowercase()) {
                let (stem, ext) = split_extension(&safe);
                let suffix = if extra == 1 {
                    format!("-{id}")
                } else {
                    format!("-{id}-{extra}")
                };
                let stem = truncate_bytes(stem, MAX_NAME_BYTES - suffix.len() - ext.len());
                name = format!("{stem}{suffix}{ext}");
                extra += 1;
            }
            name
        })
        .collect()
}

fn is_windows_device_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or_default().trim_end();
    let upper = stem.to_ascii_uppercase();
    matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((upper.starts_with("COM") || upper.starts_with("LPT"))
            && upper.len() == 4
            && upper.as_bytes()[3].is_ascii_digit()
            && upper.as_bytes()[3] != b'0')
}

/// `("report", ".txt")`; a name without a dot (or with only a leading one) has no extension.
fn split_extension(name: &str) -> (&str, &str) {
    match name.rfind('.') {
        Some(dot) if dot > 0 && name.len() - dot <= 16 => name.split_at(dot),
        _ => (name, ""),
    }
}

fn truncate_keeping_extension(name: &str, max: usize) -> String {
    if name.len() <= max {
        return name.to_string();
    }
    let (stem, ext) = split_extension(name);
    format!("{}{ext}", truncate_bytes(stem, max - ext.len()))
}

fn truncate_bytes(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_name_is_kept() {
        assert_eq!(safe_file_name("mail headers.txt", 7), "mail headers.txt");
    }

    #[test]
    fn path_components_are_dropped_so_nothing_escapes_the_folder() {
        assert_eq!(safe_file_name("../../etc/passwd", 7), "passwd");
        assert_eq!(safe_file_name("..\\..\\Windows\\win.ini", 7), "win.ini");
        assert_eq!(safe_file_name("/abs/path/log.txt", 7), "log.txt");
    }

    #[test]
    fn dot_names_and_empty_names_become_attachment_id() {
        for name in ["", "..", ".", "dir/", " . ", "\0\u{1b}"] {
            assert_eq!(safe_file_name(name, 42), "attachment-42", "{name:?}");
        }
    }

    #[test]
    fn leading_dots_are_removed_so_no_hidden_file_is_made() {
        assert_eq!(safe_file_name(".bashrc", 1), "bashrc");
        assert_eq!(safe_file_name("...hidden.log", 1), "hidden.log");
    }

    #[test]
    fn nul_control_and_bidi_characters_are_removed() {
        assert_eq!(safe_file_name("a\0b\n\u{1b}[31mc.txt", 1), "ab[31mc.txt");
        assert_eq!(
            safe_file_name("invoice\u{202E}fdp.exe", 1),
            "invoicefdp.exe"
        );
    }

    #[test]
    fn characters_windows_refuses_are_replaced() {
        assert_eq!(safe_file_name("a:b*c?.txt", 1), "a_b_c_.txt");
        assert_eq!(safe_file_name("report.txt. . ", 1), "report.txt");
    }

    #[test]
    fn windows_device_names_are_prefixed() {
        assert_eq!(safe_file_name("CON", 1), "_CON");
        assert_eq!(safe_file_name("nul.txt", 1), "_nul.txt");
        assert_eq!(safe_file_name("com1.log", 1), "_com1.log");
        assert_eq!(safe_file_name("console.log", 1), "console.log");
        assert_eq!(safe_file_name("com0.log", 1), "com0.log");
    }

    #[test]
    fn an_overlong_name_is_cut_to_255_bytes_keeping_its_extension() {
        let long = format!("{}.pdf", "é".repeat(200));
        let safe = safe_file_name(&long, 1);
        assert!(safe.len() <= 255, "{}", safe.len());
        assert!(safe.ends_with(".pdf"));
    }

    #[test]
    fn clashing_names_get_the_attachment_id_before_the_extension() {
        let names = distinct_file_names(&[
            (3, "report.txt"),
            (5, "Report.TXT"),
            (8, "sub/report.txt"),
            (9, "other.txt"),
        ]);
        assert_eq!(
            names,
            ["report.txt", "Report-5.TXT", "report-8.txt", "other.txt"]
        );
    }

    #[test]
    fn a_generated_name_that_is_taken_too_gets_a_further_suffix() {
        let names = distinct_file_names(&[(5, "a-5.txt"), (2, "a.txt"), (5, "a.txt")]);
        assert_eq!(names, ["a-5.txt", "a.txt", "a-5-2.txt"]);
    }
}
