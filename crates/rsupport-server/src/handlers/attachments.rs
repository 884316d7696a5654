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

fn validate_filename(name: &str) -> ApiResult<String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 255 || name.chars().any(char::is_control) {
        return Err(Failure::invalid(
            "filename",
            format!(
                "'{}' is not a usable file name: 1 to 255 characters, no control characters",
                name.escape_default()
            ),
        ));
    }
    Ok(name.to_string())
}

#[utoipa::path(
    post,
    path = "/v1/cases/{case}/attachments",
    operation_id = "uploadAttachment",
    tag = "attachments",
    summary = "Upload a file (raw body), checked against its SHA-256",
    params(("case" = u64, Path, description = "The case id"), UploadAttachmentQuery),
    request_body(content = Binary, content_type = "application/octet-stream", description = "The file's bytes"),
    responses(
        (status = 201, description = "The stored attachment", body = Attachment),
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
    let expected = query
        .sha256
        .map(|s| s.trim().to_ascii_lowercase())
        .filter(|s| !s.is_empty());
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
    let bytes: Bytes = axum::body::to_bytes(body, usize::try_from(limit).unwrap_or(usize::MAX))
        .await
        .map_err(|error| {
            let over = std::error::Error::source(&error)
                .is_some_and(|e| e.is::<http_body_util::LengthLimitError>());
            if over {
                too_large(limit)
            } else {
                Failure::invalid("body", format!("the upload was interrupted: {error}"))
            }
        })?;
    let sha256 = hex::encode(Sha256::digest(&bytes));
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
        .write(move |tx| {
            writable_case(tx, &auth.caller, id, "attach files")?;
            store::insert_blob(tx, &sha256, &bytes)?;
            let attachment = store::insert_attachment(
                tx,
                &store::NewAttachment {
                    case_id: id,
                    filename: &filename,
                    size_bytes: bytes.len() as u64,
                    sha256: &sha256,
                    mime_type: &mime_type,
                    creator: &auth.caller.email,
                    now: auth.clock.now(),
                },
            )?;
            Ok((StatusCode::CREATED, Json(attachment)))
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
                attachments: store::list_attachments(tx, id)?,
            }))
        })
        .await
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
    rules::require_privileges(&auth.caller, CASES, "download attachments")?;
    let id = parse_case_id(&raw)?;
    let number = attachment_id.trim().parse::<u64>().ok();
    let not_found = move || {
        Failure::new(
            ErrorReason::AttachmentNotFound,
            format!(
                "case {id} has no attachment '{attachment_id}'; list them with `rsupport case attachments {id}`"
            ),
        )
    };
    let (attachment, data) = state
        .read(move |tx| {
            visible_case(tx, &auth.caller, id)?;
            let attachment = number
                .map(|n| store::find_attachment(tx, id, n))
                .transpose()?
                .flatten()
                .ok_or_else(not_found)?;
            let data = store::load_blob(tx, &attachment.sha256)?.ok_or_else(Failure::internal)?;
            // Stored bytes that disagree with the recorded size are damage: answer an error
            // rather than a body shorter or longer than the size the client will check.
            if data.len() as u64 != attachment.size_bytes {
                tracing::error!(
                    case = id,
                    attachment = attachment.id,
                    recorded = attachment.size_bytes,
                    stored = data.len(),
                    "attachment content does not match its recorded size"
                );
                return Err(Failure::new(
                    ErrorReason::Internal,
                    format!(
                        "attachment {} of case {id} is damaged on the server ({} bytes stored, {} recorded); ask support to restore it",
                        attachment.id,
                        data.len(),
                        attachment.size_bytes
                    ),
                ));
            }
            Ok((attachment, data))
        })
        .await?;
    let mut response = Body::from(data).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(&attachment.mime_type)
            .unwrap_or(HeaderValue::from_static("application/octet-stream")),
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
