//! Attachments: upload (raw body, checked against the client's SHA-256, size-limited), list
//! and download. There is no delete: removal goes through support.

use axum::Json;
use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use sha2::{Digest, Sha256};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};

use crate::AppState;
use crate::auth::Auth;
use crate::error::{ApiResult, Failure};
use crate::handlers::cases::{visible_case, writable_case};
use crate::handlers::{CaseId, QueryArgs, parse_case_id};
use crate::{rules, store};
use rsupport_api::error::ErrorBody;
use rsupport_api::error::ErrorReason;
use rsupport_api::text;
use rsupport_api::types::{Attachment, AttachmentList, Privilege, UploadAttachmentQuery};

/// Raw bytes (attachment upload and download).
pub struct Binary;

impl PartialSchema for Binary {
    fn schema() -> RefOr<Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::Type::String)
            .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
                utoipa::openapi::KnownFormat::Binary,
            )))
            // An empty upload is refused; an attachment always has a byte.
            .min_length(Some(1))
            .into()
    }
}

impl ToSchema for Binary {}

const CASES: &[Privilege] = &[Privilege::Support, Privilege::CasesAccess];

/// The header carrying the content's SHA-256 on download.
pub const SHA256_HEADER: &str = "x-content-sha256";

fn too_large(limit: u64) -> Failure {
    Failure::new(
        ErrorReason::PayloadTooLarge,
        format!("the attachment is larger than the {limit} bytes per file this server accepts; compress or split it"),
    )
    .with(|d| d.limit_bytes = Some(limit))
}

/// An upload received in full: on disk beside the store (it goes when this is dropped), with
/// its size and SHA-256. A dry run (`validateOnly`) keeps no file: only size and hash.
struct Spooled {
    file: Option<tempfile::NamedTempFile>,
    size: u64,
    sha256: String,
}

/// Streams a request body into a temporary file in `dir` (or, with none, only counts and
/// hashes it), hashing it on the way, at most `limit` bytes: memory stays flat whatever the
/// size, and a refused or cut upload leaves nothing behind (the file is removed when dropped).
async fn spool(body: Body, dir: Option<&std::path::Path>, limit: u64) -> ApiResult<Spooled> {
    use futures_util::StreamExt as _;
    use tokio::io::AsyncWriteExt as _;
    let (file, mut out) = match dir {
        None => (None, None),
        Some(dir) => {
            let file = tempfile::Builder::new()
                .prefix(".upload-")
                .tempfile_in(dir)
                .map_err(|e| {
                    tracing::error!(error = %e, dir = %dir.display(), "cannot create an upload file");
                    Failure::internal()
                })?;
            let out = tokio::fs::File::from_std(file.reopen().map_err(|e| {
                tracing::error!(error = %e, "cannot open an upload file");
                Failure::internal()
            })?);
            (Some(file), Some(out))
        }
    };
    let mut hasher = Sha256::new();
    let mut size = 0u64;
    let mut stream = body.into_data_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|error| Failure::body_unreadable("the upload", &error))?;
        size += chunk.len() as u64;
        if size > limit {
            return Err(too_large(limit));
        }
        hasher.update(&chunk);
        if let Some(out) = out.as_mut() {
            out.write_all(&chunk).await.map_err(|e| {
                tracing::error!(error = %e, "cannot write an upload file");
                Failure::internal()
            })?;
        }
    }
    if let Some(out) = out.as_mut() {
        out.flush().await.map_err(|_| Failure::internal())?;
    }
    Ok(Spooled {
        file,
        size,
        sha256: hex::encode(hasher.finalize()),
    })
}

/// A file name: one line of at most 255 characters ([`text::LINE_PATTERN`]), kept without the
/// blanks at either end.
pub fn validate_filename(name: &str) -> ApiResult<String> {
    match text::line_problem(name, text::MAX_FILENAME_CHARS) {
        None => Ok(text::trim_blanks(name).to_string()),
        Some(problem) => Err(Failure::invalid(
            "filename",
            format!("the file name {problem}"),
        )),
    }
}

#[utoipa::path(
    post,
    path = "/v1/cases/{case}/attachments",
    operation_id = "uploadAttachment",
    tag = "attachments",
    summary = "Upload a file (raw body), checked against its SHA-256",
    params(("case" = u64, Path, description = "The case id"), UploadAttachmentQuery),
    request_body(content = Binary, content_type = "application/octet-stream", description = "The file's bytes (with validateOnly it may be left out, the size declared in sizeBytes)"),
    responses(
        (status = 201, description = "The stored attachment; with validateOnly, as it would be stored (nothing is stored, its id is not reserved; `sha256` is the body's, else the declared one, else empty)", body = Attachment),
        (status = "default", description = "An error: `error.reason` says which (see the ErrorReason schema)", body = ErrorBody),
    ),
)]
pub async fn upload(
    State(state): State<AppState>,
    auth: Auth,
    CaseId(id): CaseId,
    QueryArgs(query): QueryArgs<UploadAttachmentQuery>,
    headers: HeaderMap,
    body: Body,
) -> ApiResult<(StatusCode, Json<Attachment>)> {
    let filename = validate_filename(&query.filename)?;
    let expected = announced_sha256(query.sha256.as_deref())?;
    let upload = Upload {
        filename,
        expected,
        size_bytes: query.size_bytes,
        validate_only: query.validate_only == Some(true),
    };
    receive_upload(state, auth, id, upload, &headers, body)
        .await
        .map(|attachment| (StatusCode::CREATED, Json(attachment)))
}

/// What an upload says about its file besides the bytes.
pub struct Upload {
    /// Already validated ([`validate_filename`]).
    pub filename: String,
    /// The SHA-256 the client announced, lowercase hex.
    pub expected: Option<String>,
    /// With `validate_only` and no body: the declared size.
    pub size_bytes: Option<u64>,
    pub validate_only: bool,
}

/// The announced SHA-256 of an upload: none, or 64 hex digits.
fn announced_sha256(sha256: Option<&str>) -> ApiResult<Option<String>> {
    match sha256 {
        None | Some("") => Ok(None),
        Some(s) if s.len() == 64 && s.chars().all(|c| c.is_ascii_hexdigit()) => {
            Ok(Some(s.to_ascii_lowercase()))
        }
        Some(s) => Err(Failure::invalid(
            "sha256",
            format!(
                "'{}' is not a SHA-256: 64 hexadecimal digits",
                s.escape_default()
            ),
        )),
    }
}

/// Receives an upload for case `id` (the rules of every upload, `/v1` and `/v2`): the caller
/// must be able to write to the case; the body is streamed to disk within the size limit,
/// checked against the announced checksum, and stored (or, with `validate_only`, only checked).
pub async fn receive_upload(
    state: AppState,
    auth: Auth,
    id: u64,
    upload_args: Upload,
    headers: &HeaderMap,
    body: Body,
) -> ApiResult<Attachment> {
    let Upload {
        filename,
        expected,
        size_bytes,
        validate_only,
    } = upload_args;
    let limit = state.config.max_attachment_bytes;
    // Refuse before reading anything the caller may not write.
    let caller = auth.caller.clone();
    state
        .read(move |tx| writable_case(tx, &caller, id, "attach files").map(|_| ()))
        .await?;
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit) {
        return Err(too_large(limit));
    }
    // A few uploads at a time; the others wait their turn (each is on disk, not in memory).
    let _permit = state
        .uploads
        .clone()
        .acquire_owned()
        .await
        .map_err(|_| Failure::internal())?;
    let spool_dir = state.store.spool_dir();
    // A dry run reads the body (if any) to check it, and keeps none of it.
    let mut upload = spool(body, (!validate_only).then_some(&*spool_dir), limit).await?;
    if let Some(declared) = size_bytes.filter(|_| validate_only && upload.size == 0) {
        // validateOnly without a body: the declared size and checksum stand for it
        if declared > limit {
            return Err(too_large(limit));
        }
        upload.size = declared;
        upload.sha256 = expected.clone().unwrap_or_default();
    }
    if upload.size == 0 {
        return Err(Failure::invalid(
            "body",
            "the upload is empty: there is nothing to attach",
        ));
    }
    let sha256 = upload.sha256.clone();
    if let Some(expected) = expected.filter(|e| *e != sha256) {
        return Err(Failure::new(
            ErrorReason::ChecksumMismatch,
            format!(
                "the uploaded bytes have SHA-256 {sha256} but the client announced {expected}; nothing was stored, upload the file again"
            ),
        ));
    }
    let mime_type = mime_guess::from_path(&filename)
        .first()
        .map(|m| m.essence_str().to_string())
        .unwrap_or_else(|| "application/octet-stream".to_string());
    state
        .write_or_validate(validate_only, move |tx| {
            writable_case(tx, &auth.caller, id, "attach files")?;
            match &upload.file {
                Some(file) => {
                    let mut content = file.reopen().map_err(|e| {
                        tracing::error!(error = %e, "cannot read back a spooled upload");
                        Failure::internal()
                    })?;
                    tx.insert_blob_from(&sha256, upload.size, &mut content)?;
                }
                // a dry run: no content to store, and the rows below are rolled back
                None => tx.defer_foreign_keys()?,
            }
            let attachment = tx.insert_attachment(&store::NewAttachment {
                case_id: id,
                filename: &filename,
                size_bytes: upload.size,
                sha256: &sha256,
                mime_type: &mime_type,
                creator: &auth.caller.email,
                now: auth.clock.now(),
            })?;
            Ok(attachment)
        })
        .await
}

#[utoipa::path(
    get,
    path = "/v1/cases/{case}/attachments",
    operation_id = "listAttachments",
    tag = "attachments",
    summary = "The case's attachments",
    params(("case" = u64, Path, description = "The case id")),
    responses(
        (status = 200, description = "Every attachment, oldest first", body = AttachmentList),
        (status = "default", description = "An error: `error.reason` says which (see the ErrorReason schema)", body = ErrorBody),
    ),
)]
pub async fn list(
    State(state): State<AppState>,
    auth: Auth,
    CaseId(id): CaseId,
) -> ApiResult<Json<AttachmentList>> {
    rules::require_privileges(&auth.caller, CASES, "see attachments")?;
    state
        .read(move |tx| {
            visible_case(tx, &auth.caller, id)?;
            Ok(Json(AttachmentList {
                attachments: tx.list_attachments(id)?,
            }))
        })
        .await
}

/// How much of a stored file a download reads at a time.
const DOWNLOAD_CHUNK_BYTES: u64 = 256 * 1024;

/// The bytes of a stored file, read a chunk at a time (the content never changes: it is
/// addressed by its hash), so a download holds one chunk in memory, not the file.
fn blob_stream(
    state: AppState,
    blob: store::BlobRef,
) -> impl futures_util::Stream<Item = Result<Bytes, std::io::Error>> + Send + 'static {
    futures_util::stream::unfold(0u64, move |offset| {
        let state = state.clone();
        let blob = blob.clone();
        async move {
            if offset >= blob.size {
                return None;
            }
            let len = DOWNLOAD_CHUNK_BYTES.min(blob.size - offset);
            let read = state
                .read(move |tx| Ok(tx.read_blob(&blob, offset, len)?))
                .await
                .map_err(|_| std::io::Error::other("cannot read the stored file"));
            Some((read.map(Bytes::from), offset + len))
        }
    })
}

/// `Content-Disposition` with an ASCII fallback name and the exact UTF-8 name (RFC 6266).
fn content_disposition(filename: &str) -> HeaderValue {
    let ascii: String = filename
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let exact = utf8_percent_encode(filename, NON_ALPHANUMERIC);
    HeaderValue::from_str(&format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{exact}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("attachment"))
}

#[utoipa::path(
    get,
    path = "/v1/cases/{case}/attachments/{attachment}/content",
    operation_id = "downloadAttachment",
    tag = "attachments",
    summary = "Download an attachment's bytes",
    params(("case" = u64, Path, description = "The case id"), ("attachment" = u64, Path, description = "The attachment id")),
    responses(
        (status = 200, description = "The file, with Content-Disposition and x-content-sha256 headers", content_type = "application/octet-stream", body = Binary, headers(("x-content-sha256" = String, description = "Lowercase hex SHA-256 of the content"), ("content-disposition" = String, description = "attachment; filename=..."))),
        (status = "default", description = "An error: `error.reason` says which (see the ErrorReason schema)", body = ErrorBody),
    ),
)]
pub async fn download(
    State(state): State<AppState>,
    auth: Auth,
    Path((raw, attachment_id)): Path<(String, String)>,
) -> ApiResult<Response> {
    let id = parse_case_id(&raw)?;
    download_attachment(state, auth, id, attachment_id).await
}

/// The bytes of attachment `attachment_id` of case `id`, as a download response (the rules of
/// every download, `/v1` and `/v2`).
pub async fn download_attachment(
    state: AppState,
    auth: Auth,
    id: u64,
    attachment_id: String,
) -> ApiResult<Response> {
    rules::require_privileges(&auth.caller, CASES, "download attachments")?;
    let number = attachment_id.trim().parse::<u64>().ok();
    let not_found = move || {
        Failure::new(
            ErrorReason::AttachmentNotFound,
            format!(
                "case {id} has no attachment '{attachment_id}'; list them with `rsupport case attachments {id}`"
            ),
        )
    };
    let (attachment, blob) = state
        .read(move |tx| {
            visible_case(tx, &auth.caller, id)?;
            let attachment = number
                .map(|n| tx.find_attachment(id, n))
                .transpose()?
                .flatten()
                .ok_or_else(not_found)?;
            let blob = tx.find_blob(&attachment.sha256)?.ok_or_else(Failure::internal)?;
            // Stored bytes that disagree with the recorded size are damage: answer an error
            // rather than a body shorter or longer than the size the client will check.
            if blob.size != attachment.size_bytes {
                tracing::error!(
                    case = id,
                    attachment = attachment.id,
                    recorded = attachment.size_bytes,
                    stored = blob.size,
                    "attachment content does not match its recorded size"
                );
                return Err(Failure::new(
                    ErrorReason::Internal,
                    format!(
                        "attachment {} of case {id} is damaged on the server ({} bytes stored, {} recorded); ask support to restore it",
                        attachment.id, blob.size, attachment.size_bytes
                    ),
                ));
            }
            Ok((attachment, blob))
        })
        .await?;
    let data = blob_stream(state.clone(), blob);
    let mut response = Body::from_stream(data).into_response();
    response.headers_mut().insert(
        header::CONTENT_LENGTH,
        HeaderValue::from(attachment.size_bytes),
    );
    let headers = response.headers_mut();
    // Always raw bytes, as the document says: the recorded type is in the attachment's
    // `mimeType`; serving it as such could make a browser render an uploaded page.
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        content_disposition(&attachment.filename),
    );
    // Served as a download, never rendered: an uploaded HTML file must not run in a browser.
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if let Ok(v) = HeaderValue::from_str(&attachment.sha256) {
        headers.insert(SHA256_HEADER, v);
    }
    Ok(response)
}
