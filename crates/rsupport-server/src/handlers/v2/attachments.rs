//! `cases.attachments.list`, `media.upload` (the body is the file, its name in
//! `attachment.filename`) and `media.download` (`…/attachments/{id}:download?alt=media`),
//! through the `/v1` attachment rules ([`crate::handlers::attachments`]).

use axum::response::Response;
use serde::Deserialize;

use super::cases::named_case;
use super::{Call, CaseRef, PageQuery, V2Error, V2Result, ok, page_size, wire};
use crate::handlers::attachments::{
    Upload, download_attachment, receive_upload, validate_filename,
};
use crate::handlers::{PageToken, fingerprint};
use crate::rules;
use rsupport_api::types::Privilege;

const CASES: &[Privilege] = &[Privilege::Support, Privilege::CasesAccess];

/// The most attachments one page holds, as the API documents.
pub const MAX_ATTACHMENT_PAGE: u32 = 100;

/// `GET /v2/projects/{customer}/cases/{id}/attachments`: oldest first.
pub async fn list(mut call: Call, case: CaseRef) -> V2Result<Response> {
    let auth = call.auth().await?;
    rules::require_privileges(&auth.caller, CASES, "see attachments")?;
    let query: PageQuery = call.query(&["pageSize", "pageToken"])?;
    let cap = call.state.config.v2_max_page_size.min(MAX_ATTACHMENT_PAGE);
    let limit = page_size(query.page_size.as_deref(), cap)? as usize;
    let filters = fingerprint(&("v2-attachments", case.id));
    let after = match query.page_token.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => PageToken::<u64>::decode(t, &filters)?.cursor,
        _ => 0,
    };
    let name = case.name();
    let mut attachments = call
        .state
        .read(move |tx| {
            if let Err(e) = named_case(tx, &auth, &case) {
                return Ok(Err(e));
            }
            Ok(Ok(tx.list_attachments(case.id)?))
        })
        .await??;
    attachments.sort_by_key(|a| a.id);
    attachments.retain(|a| a.id > after);
    let more = attachments.len() > limit;
    attachments.truncate(limit);
    let next_page_token = attachments.last().filter(|_| more).map(|a| {
        PageToken {
            cursor: a.id,
            as_of: None,
            filters: filters.clone(),
        }
        .encode()
    });
    ok(wire::ListAttachmentsResponse {
        attachments: attachments
            .iter()
            .map(|a| wire::Attachment::of(&name, a))
            .collect(),
        next_page_token,
    })
}

#[derive(Debug, Default, Deserialize)]
struct UploadQuery {
    #[serde(default, rename = "attachment.filename")]
    filename: Option<String>,
    #[serde(default, rename = "uploadType")]
    upload_type: Option<String>,
}

/// `POST /upload/v2/projects/{customer}/cases/{id}/attachments?attachment.filename=NAME`
/// (`uploadType=media`, or none): the body is the file.
pub async fn upload(mut call: Call, case: CaseRef) -> V2Result<Response> {
    let auth = call.auth().await?;
    let query: UploadQuery = call.query(&["attachment.filename"])?;
    if let Some(kind) = query.upload_type.as_deref().filter(|k| *k != "media") {
        return Err(V2Error::invalid(format!(
            "uploadType '{}' is not supported here: send uploadType=media (or none) with the file as the body and its name in attachment.filename",
            kind.escape_default()
        )));
    }
    let filename = query.filename.unwrap_or_default();
    if filename.trim().is_empty() {
        return Err(V2Error::invalid(
            "attachment.filename is required: the file's name, as a query parameter (…/attachments?attachment.filename=report.pdf)",
        ));
    }
    let filename = validate_filename(&filename).map_err(|f| {
        V2Error::invalid(
            f.0.error
                .message
                .replacen("the file name", "attachment.filename", 1),
        )
    })?;
    let customer_ok = {
        let auth = auth.clone();
        let case = case.clone();
        call.state
            .read(move |tx| Ok(named_case(tx, &auth, &case).map(|_| ())))
            .await?
    };
    customer_ok?;
    let (parts, body) = call.request.into_parts();
    let upload = Upload {
        filename,
        expected: None,
        size_bytes: None,
        validate_only: false,
    };
    let stored = receive_upload(call.state, auth, case.id, upload, &parts.headers, body).await?;
    ok(wire::Attachment::of(&case.name(), &stored))
}

#[derive(Debug, Default, Deserialize)]
struct DownloadQuery {
    #[serde(default)]
    alt: Option<String>,
}

/// `GET /v2/projects/{customer}/cases/{id}/attachments/{attachment}:download?alt=media`: the
/// file's bytes.
pub async fn download(mut call: Call, case: CaseRef, attachment: String) -> V2Result<Response> {
    let auth = call.auth().await?;
    let query: DownloadQuery = call.query(&[])?;
    if query.alt.as_deref() != Some("media") {
        return Err(V2Error::invalid(
            "alt=media is required: a download answers the file's bytes (…:download?alt=media)",
        ));
    }
    {
        let auth = auth.clone();
        let case = case.clone();
        call.state
            .read(move |tx| Ok(named_case(tx, &auth, &case).map(|_| ())))
            .await??;
    }
    let number = attachment.parse::<u64>().map_err(|_| {
        V2Error::not_found(format!(
            "{}/attachments/{} is not an attachment of the case",
            case.name(),
            attachment.escape_default()
        ))
    })?;
    download_attachment(call.state, auth, case.id, number.to_string())
        .await
        .map_err(|f| {
            let not_found = f.reason() == rsupport_api::error::ErrorReason::AttachmentNotFound;
            if not_found {
                V2Error::not_found(format!(
                    "{}/attachments/{number} was not found",
                    case.name()
                ))
            } else {
                V2Error::from(f)
            }
        })
}
