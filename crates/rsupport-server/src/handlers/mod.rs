//! HTTP handlers: thin — parse, call the rules, call the store, answer with `api` types.
//! Also the extractors that turn malformed input into the one error shape.

pub mod attachments;
pub mod cases;
pub mod comments;
pub mod customers;
pub mod events;
pub mod misc;
pub mod v2;

use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{FromRequest, FromRequestParts, Query, Request};
use axum::http::request::Parts;
use base64::Engine as _;
use serde::Serialize;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use crate::error::{ApiResult, Failure};
use rsupport_api::error::ErrorReason;

/// A large JSON answer (a page of cases, tens of kilobytes): serialized by sonic-rs (SIMD
/// string escaping: a page costs 11% fewer instructions than with serde_json, whose escaping
/// loop was a fifth of a list's work) into a buffer of about its size (axum's `Json` starts
/// at 128 bytes and doubles, copying the page a dozen times).
pub struct SizedJson<T> {
    pub value: T,
    /// bytes to reserve before serializing
    pub capacity: usize,
}

impl<T: Serialize> axum::response::IntoResponse for SizedJson<T> {
    fn into_response(self) -> axum::response::Response {
        let mut body = Vec::with_capacity(self.capacity);
        match sonic_rs::to_writer(&mut body, &self.value) {
            Ok(()) => (
                [(
                    axum::http::header::CONTENT_TYPE,
                    axum::http::HeaderValue::from_static("application/json"),
                )],
                body,
            )
                .into_response(),
            Err(e) => {
                tracing::error!(error = %e, "cannot serialize an answer");
                Failure::internal().into_response()
            }
        }
    }
}

/// A JSON object body, required. A body that is not JSON (by its `Content-Type`) answers
/// `UNSUPPORTED_MEDIA_TYPE`; a missing or malformed one, or one that is not an object,
/// `INVALID_ARGUMENT` naming the field at fault.
pub struct JsonBody<T>(pub T);

/// A JSON object body that may be left out: no body, or `null`, reads as `{}`.
pub struct OptionalJsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = Failure;

    async fn from_request(req: Request, _state: &S) -> Result<Self, Failure> {
        match read_json_object(req).await? {
            Some(value) => decode(value).map(JsonBody),
            None => Err(Failure::invalid(
                "body",
                "the request needs a JSON object body (Content-Type: application/json)",
            )),
        }
    }
}

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for OptionalJsonBody<T> {
    type Rejection = Failure;

    async fn from_request(req: Request, _state: &S) -> Result<Self, Failure> {
        let value = read_json_object(req)
            .await?
            .unwrap_or_else(|| serde_json::Value::Object(Default::default()));
        decode(value).map(OptionalJsonBody)
    }
}

/// Reads a body of at most [`crate::MAX_JSON_BODY_BYTES`]: `None` when there is none (or it is
/// `null`), else the JSON object it holds.
async fn read_json_object(req: Request) -> ApiResult<Option<serde_json::Value>> {
    let declared = req
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap_or("").to_string());
    let limit = crate::MAX_JSON_BODY_BYTES;
    let bytes: Bytes = axum::body::to_bytes(req.into_body(), limit)
        .await
        .map_err(|error| {
            let too_large = std::error::Error::source(&error)
                .is_some_and(|e| e.is::<http_body_util::LengthLimitError>());
            if too_large {
                Failure::new(
                    ErrorReason::PayloadTooLarge,
                    format!(
                        "the request body is larger than the {limit} bytes this server accepts"
                    ),
                )
                .with(|d| d.limit_bytes = Some(limit as u64))
            } else {
                Failure::body_unreadable("the request body", &error)
            }
        })?;
    if bytes.is_empty() {
        return Ok(None);
    }
    if let Some(declared) = declared.filter(|t| !is_json_media_type(t)) {
        return Err(Failure::new(
            ErrorReason::UnsupportedMediaType,
            format!(
                "the request body is declared as '{}'; this route takes JSON: send Content-Type: application/json",
                declared.escape_default()
            ),
        ));
    }
    let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| {
        Failure::invalid("body", format!("the request body is not valid JSON: {e}"))
    })?;
    match value {
        serde_json::Value::Null => Ok(None),
        serde_json::Value::Object(_) => Ok(Some(value)),
        other => Err(Failure::invalid(
            "body",
            format!(
                "the request body must be a JSON object, not {}",
                match other {
                    serde_json::Value::Array(_) => "an array",
                    serde_json::Value::String(_) => "a string",
                    serde_json::Value::Number(_) => "a number",
                    _ => "a boolean",
                }
            ),
        )),
    }
}

/// `application/json`, or a `+json` type, with any parameters.
fn is_json_media_type(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// Decodes a JSON object into the request type, naming the field at fault.
fn decode<T: DeserializeOwned>(value: serde_json::Value) -> ApiResult<T> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let message = inner.to_string();
        let field = if path == "." || path.is_empty() {
            missing_field(&message).unwrap_or_else(|| "body".to_string())
        } else {
            path
        };
        Failure::invalid(
            &field,
            format!("invalid request body at '{field}': {message}"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_query_parameter_is_named() {
        let f = query_failure(
            "Failed to deserialize query string: orderBy: unknown variant `bogus`, expected one of `updated`",
        );
        assert_eq!(f.0.error.details.field.as_deref(), Some("orderBy"));
        assert!(f.0.error.message.contains("unknown variant `bogus`"));
    }

    #[test]
    fn a_missing_query_parameter_is_named() {
        let f = query_failure("Failed to deserialize query string: missing field `filename`");
        assert_eq!(f.0.error.details.field.as_deref(), Some("filename"));
    }
}

/// The field named by serde's "missing field `x`" message.
fn missing_field(message: &str) -> Option<String> {
    let rest = message.split("missing field `").nth(1)?;
    Some(rest.split('`').next()?.to_string())
}

/// A query string; a malformed one answers `INVALID_ARGUMENT`.
pub struct QueryArgs<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for QueryArgs<T> {
    type Rejection = Failure;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Failure> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(v)| QueryArgs(v))
            .map_err(|rejection: QueryRejection| query_failure(&rejection.body_text()))
    }
}

/// Turns axum's "Failed to deserialize query string: FIELD: why" into a failure naming FIELD.
fn query_failure(text: &str) -> Failure {
    let rest = text
        .split_once("query string: ")
        .map(|(_, rest)| rest)
        .unwrap_or(text);
    let (field, why) = match missing_field(rest) {
        Some(field) => (field, "is required".to_string()),
        None => match rest.split_once(": ") {
            Some((field, why)) if !field.contains(' ') => (field.to_string(), why.to_string()),
            _ => ("query".to_string(), rest.to_string()),
        },
    };
    Failure::invalid(&field, format!("invalid query parameter '{field}': {why}"))
}

/// Parses the `{case}` path segment.
/// The `{case}` segment of a route, parsed once at the edge: a segment that is not a case id
/// answers `INVALID_ARGUMENT` (field `case`).
pub struct CaseId(pub u64);

impl<S: Send + Sync> FromRequestParts<S> for CaseId {
    type Rejection = Failure;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Failure> {
        let axum::extract::Path(raw) =
            axum::extract::Path::<String>::from_request_parts(parts, state)
                .await
                .map_err(|e| Failure::invalid("case", format!("cannot read the case id: {e}")))?;
        parse_case_id(&raw).map(CaseId)
    }
}

pub fn parse_case_id(raw: &str) -> ApiResult<u64> {
    raw.trim().parse::<u64>().map_err(|_| {
        Failure::invalid(
            "case",
            format!("'{raw}' is not a case id: case ids are numbers such as 1042"),
        )
    })
}

/// A page size: none or 0 means the default; more than the maximum is refused (the document
/// says 0 to [`MAX_PAGE_SIZE`](rsupport_api::types::MAX_PAGE_SIZE)).
pub fn page_size(requested: Option<u32>) -> ApiResult<u32> {
    use rsupport_api::types::{DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};
    match requested {
        None | Some(0) => Ok(DEFAULT_PAGE_SIZE),
        Some(n) if n <= MAX_PAGE_SIZE => Ok(n),
        Some(n) => Err(Failure::invalid(
            "pageSize",
            format!(
                "pageSize {n} is too large: ask for 1 to {MAX_PAGE_SIZE} items (0 or none for {DEFAULT_PAGE_SIZE})"
            ),
        )),
    }
}

/// An opaque page token: where the previous page ended, the snapshot it was served at, and a
/// fingerprint of the filters, so a token is not reused with other filters.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct PageToken<C> {
    #[serde(rename = "c")]
    pub cursor: C,
    #[serde(rename = "a", default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<i64>,
    #[serde(rename = "f")]
    pub filters: String,
}

/// A short fingerprint of a filter description.
pub fn fingerprint(filters: &impl Serialize) -> String {
    let json = serde_json::to_vec(filters).unwrap_or_default();
    hex::encode(&Sha256::digest(&json)[..8])
}

impl<C: Serialize + DeserializeOwned> PageToken<C> {
    pub fn encode(&self) -> String {
        let json = serde_json::to_vec(self).unwrap_or_default();
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json)
    }

    /// Decodes a token and checks that it was made for the same filters.
    pub fn decode(token: &str, filters: &str) -> ApiResult<PageToken<C>> {
        let invalid = |why: &str| {
            Failure::invalid(
                "pageToken",
                format!(
                    "the page token {why}; start again from the first page, without a page token"
                ),
            )
        };
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(token.trim())
            .map_err(|_| invalid("is malformed"))?;
        let decoded: PageToken<C> =
            serde_json::from_slice(&bytes).map_err(|_| invalid("is malformed"))?;
        if decoded.filters != filters {
            return Err(invalid("was issued for a list with other filters"));
        }
        Ok(decoded)
    }
}
