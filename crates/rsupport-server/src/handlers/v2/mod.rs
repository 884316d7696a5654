//! A Google Cloud Support API v2 surface over the same store and rules as `/v1`, so a client
//! written for `cloudsupport.googleapis.com` runs end to end against this server: the API's
//! paths (`/v2/{parent}/cases`, `…/cases:search`, `/v2/{case}:close`, the media upload under
//! `/upload/v2/…`), resource names, camelCase fields, enum strings, `pageSize`/`pageToken`/
//! `nextPageToken`, and Google's error shape `{"error": {"code", "message", "status"}}`.
//!
//! A parent is a customer: `projects/{customer id}` (e.g. `projects/acme`), or the same
//! customer as `organizations/{number}`, the number spelling its id
//! ([`wire::organization_number`]); a case is `{parent}/cases/{case id}`, named in answers
//! under the parent the request addressed. Bearer tokens
//! are the server's own: reseller tokens, and (in `dev`) the access tokens of the service-account
//! token endpoint ([`crate::dev_oauth`]). See `V2_SURFACE.md` for the whole contract.
//!
//! The routes are kept out of the `/v1` OpenAPI document: they follow Google's published
//! discovery document instead (and `tests/fixtures/cloudsupport_v2_schema.json`).

mod attachments;
mod cases;
mod classifications;
mod comments;
mod feed;
pub mod filter;
mod resource_manager;
mod token;
pub mod wire;

use axum::Router;
use axum::extract::{FromRequest as _, FromRequestParts as _, Request, State};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::AppState;
use crate::auth::Auth;
use crate::error::Failure;
use rsupport_api::error::ErrorReason;

/// The paging parameters of a list method (`pageSize`, `pageToken`) and a search's `query`;
/// which of them a method takes is the `known` list it gives [`Call::query`].
#[derive(Debug, Default, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PageQuery {
    #[serde(default)]
    pub query: Option<String>,
    #[serde(default)]
    pub page_size: Option<String>,
    #[serde(default)]
    pub page_token: Option<String>,
}

/// The `pageSize` a list answers with when none (or 0) is asked for, as the API's default.
pub const DEFAULT_PAGE_SIZE: u32 = 10;

/// An error in Google's shape: `{"error": {"code": 400, "message": "…", "status": "INVALID_ARGUMENT"}}`.
#[derive(Debug, Clone, PartialEq)]
pub struct V2Error {
    pub code: u16,
    pub status: &'static str,
    pub message: String,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: ErrorStatus<'a>,
}

#[derive(Serialize)]
struct ErrorStatus<'a> {
    code: u16,
    message: &'a str,
    status: &'a str,
}

impl V2Error {
    pub fn invalid(message: impl Into<String>) -> V2Error {
        V2Error {
            code: 400,
            status: "INVALID_ARGUMENT",
            message: message.into(),
        }
    }

    pub fn not_found(message: impl Into<String>) -> V2Error {
        V2Error {
            code: 404,
            status: "NOT_FOUND",
            message: message.into(),
        }
    }
}

/// Google's code and status for each of the server's error reasons. The rules' refusals (a
/// closed case, an escalation not allowed) are `FAILED_PRECONDITION`, which Google answers
/// with HTTP 400.
fn google_status(reason: ErrorReason) -> (u16, &'static str) {
    match reason {
        ErrorReason::InvalidArgument
        | ErrorReason::ChecksumMismatch
        | ErrorReason::UnsupportedMediaType
        | ErrorReason::PayloadTooLarge
        | ErrorReason::UriTooLong => (400, "INVALID_ARGUMENT"),
        ErrorReason::Unauthenticated => (401, "UNAUTHENTICATED"),
        ErrorReason::PrivilegeMissing
        | ErrorReason::CustomerAccessNotGranted
        | ErrorReason::AgentOnly
        | ErrorReason::ResellerOnly => (403, "PERMISSION_DENIED"),
        ErrorReason::CustomerNotFound
        | ErrorReason::CaseNotFound
        | ErrorReason::AttachmentNotFound
        | ErrorReason::CategoryNotFound
        | ErrorReason::NotFound
        | ErrorReason::MethodNotAllowed => (404, "NOT_FOUND"),
        ErrorReason::CaseClosed
        | ErrorReason::CaseNotClosed
        | ErrorReason::ReopenWindowExpired
        | ErrorReason::EscalationNotAllowed
        | ErrorReason::InvalidStateTransition => (400, "FAILED_PRECONDITION"),
        ErrorReason::IdempotencyConflict => (409, "ALREADY_EXISTS"),
        ErrorReason::RequestTimeout => (504, "DEADLINE_EXCEEDED"),
        ErrorReason::RateLimited => (429, "RESOURCE_EXHAUSTED"),
        ErrorReason::Unavailable => (503, "UNAVAILABLE"),
        ErrorReason::Internal | ErrorReason::Unknown => (500, "INTERNAL"),
    }
}

impl From<Failure> for V2Error {
    fn from(failure: Failure) -> V2Error {
        let (code, status) = google_status(failure.reason());
        V2Error {
            code,
            status,
            message: without_cli_hints(&failure.0.error.message),
        }
    }
}

/// A `/v1` message without its clauses (after the first) that suggest an `rsupport` command:
/// a client of the Cloud Support API may have no such command (`case reopen`, say).
fn without_cli_hints(message: &str) -> String {
    let mut clauses = message.split("; ");
    let mut kept: Vec<&str> = clauses.next().into_iter().collect();
    kept.extend(clauses.filter(|clause| !clause.contains("`rsupport ")));
    kept.join("; ")
}

impl From<crate::store::StoreError> for V2Error {
    fn from(e: crate::store::StoreError) -> V2Error {
        Failure::from(e).into()
    }
}

impl IntoResponse for V2Error {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = ErrorBody {
            error: ErrorStatus {
                code: self.code,
                message: &self.message,
                status: self.status,
            },
        };
        (status, axum::Json(body)).into_response()
    }
}

pub type V2Result<T> = Result<T, V2Error>;

/// The routes of the surface (outside the `/v1` OpenAPI document): every path under `/v2/`,
/// `/upload/v2/`, `/v2beta/` and (Cloud Resource Manager's) `/v3/` goes to one dispatcher,
/// since Google's paths carry verbs after a colon (`/v2/projects/acme/cases/7:close`) within
/// a segment.
pub fn routes() -> Router<AppState> {
    let surface = |surface: Surface| {
        axum::routing::any(move |State(state): State<AppState>, request: Request| {
            dispatch(surface, state, request)
        })
    };
    Router::new()
        .route("/v2/{*path}", surface(Surface::V2))
        .route("/upload/v2/{*path}", surface(Surface::Upload))
        .route("/v2beta/{*path}", surface(Surface::Beta))
        .route("/v3/{*path}", surface(Surface::ResourceManager))
}

/// Which of Google's path prefixes a request came under.
#[derive(Debug, Clone, Copy)]
enum Surface {
    /// `/v2/`: the Cloud Support API v2 (and the dev token endpoint).
    V2,
    /// `/upload/v2/`: its media uploads.
    Upload,
    /// `/v2beta/`: only `cases.showFeed`.
    Beta,
    /// `/v3/`: Cloud Resource Manager's `projects:search` and `organizations:search`.
    ResourceManager,
}

impl Surface {
    fn prefix(self) -> &'static str {
        match self {
            Surface::V2 => "/v2/",
            Surface::Upload => "/upload/v2/",
            Surface::Beta => "/v2beta/",
            Surface::ResourceManager => "/v3/",
        }
    }
}

/// A parent as a request names it: the customer, and the name it was addressed by
/// (`projects/acme` or `organizations/20223224`), under which the answers name its cases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parent {
    pub customer: String,
    pub name: String,
}

/// A case as a path names it: `{parent}/cases/{id}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRef {
    pub customer: String,
    pub id: u64,
    /// The parent as the path named it.
    pub parent: String,
}

impl CaseRef {
    pub fn name(&self) -> String {
        format!("{}/cases/{}", self.parent, self.id)
    }
}

/// The customer a parent names: `projects/{customer}` or `organizations/{number}`.
fn parent_customer(kind: &str, id: &str) -> V2Result<Parent> {
    let customer = match kind {
        "projects" if !id.is_empty() => Some(id.to_string()),
        "organizations" => wire::customer_of_organization(id),
        _ => {
            return Err(V2Error::not_found(format!(
                "'{kind}/{id}' is not a parent: on this server a parent is a customer, named projects/{{customer id}} (e.g. projects/acme) or organizations/{{number}} (GET /v3/organizations:search lists yours)"
            )));
        }
    };
    match customer {
        Some(customer) => Ok(Parent {
            customer,
            name: format!("{kind}/{id}"),
        }),
        None => Err(V2Error::not_found(format!(
            "organizations/{id} is not an organization of this server: its organization numbers spell a customer id two digits a character (GET /v3/organizations:search lists yours)"
        ))),
    }
}

/// A parent given as one string (`projects/acme`, `organizations/20223224`).
pub fn parse_parent(name: &str) -> V2Result<Parent> {
    match name.split_once('/') {
        Some((kind, id)) if !id.contains('/') => parent_customer(kind, id),
        _ => Err(V2Error::invalid(format!(
            "parent '{}' is not a name such as projects/acme",
            name.escape_default()
        ))),
    }
}

fn case_ref(kind: &str, parent: &str, id: &str) -> V2Result<CaseRef> {
    let parent = parent_customer(kind, parent)?;
    let id = id.parse::<u64>().map_err(|_| {
        V2Error::not_found(format!(
            "{}/cases/{} is not a case: case numbers are digits, e.g. {}/cases/1042",
            parent.name,
            id.escape_default(),
            parent.name
        ))
    })?;
    Ok(CaseRef {
        customer: parent.customer,
        id,
        parent: parent.name,
    })
}

/// The pieces of a request the handlers read.
pub struct Call {
    pub state: AppState,
    pub method: Method,
    pub query: Option<String>,
    pub request: Request,
}

impl Call {
    /// The bearer token's holder, checked against the store.
    async fn auth(&mut self) -> V2Result<Auth> {
        let (mut parts, body) = std::mem::take(&mut self.request).into_parts();
        let auth = Auth::from_request_parts(&mut parts, &self.state).await;
        self.request = Request::from_parts(parts, body);
        Ok(auth?)
    }

    /// The query string's parameters, `known` being the method's own: another one is refused
    /// naming it (as Google refuses a parameter it cannot bind, so that, say, a
    /// `validateOnly=true` meant for `/v1` never files a real case), except Google's system
    /// parameters (`alt`, `fields`, `prettyPrint`…), which are read or ignored.
    fn query<T: DeserializeOwned>(&self, known: &[&str]) -> V2Result<T> {
        self.check_params(known)?;
        let text = self.query.as_deref().unwrap_or("");
        serde_urlencoded_like(text)
    }

    /// Refuses a query parameter that is neither one of `known` nor a system parameter.
    fn check_params(&self, known: &[&str]) -> V2Result<()> {
        const SYSTEM: &[&str] = &[
            "alt",
            "fields",
            "key",
            "prettyPrint",
            "quotaUser",
            "$.xgafv",
            "callback",
            "access_token",
            "oauth_token",
            "upload_protocol",
            "uploadType",
        ];
        for pair in self.query.as_deref().unwrap_or("").split('&') {
            let raw = pair.split('=').next().unwrap_or("");
            let name = percent_encoding::percent_decode_str(&raw.replace('+', " "))
                .decode_utf8_lossy()
                .into_owned();
            if name.is_empty() || known.contains(&name.as_str()) || SYSTEM.contains(&name.as_str())
            {
                continue;
            }
            let takes = if known.is_empty() {
                "this method takes no query parameter".to_string()
            } else {
                format!("this method takes {}", known.join(", "))
            };
            return Err(V2Error::invalid(format!(
                "unknown query parameter '{}': {takes}",
                name.escape_default()
            )));
        }
        Ok(())
    }

    /// A JSON body (an empty one reads as `{}`); unknown fields are refused, naming them.
    async fn json<T: DeserializeOwned>(&mut self) -> V2Result<T> {
        let request = std::mem::take(&mut self.request);
        let crate::handlers::OptionalJsonBody(value) =
            crate::handlers::OptionalJsonBody::<T>::from_request(request, &self.state).await?;
        Ok(value)
    }
}

/// Parses a query string into `T` as axum's `Query` does, with an INVALID_ARGUMENT naming the
/// parameter at fault.
fn serde_urlencoded_like<T: DeserializeOwned>(text: &str) -> V2Result<T> {
    let uri: axum::http::Uri = format!("/?{text}")
        .parse()
        .map_err(|_| V2Error::invalid("the query string is malformed"))?;
    axum::extract::Query::<T>::try_from_uri(&uri)
        .map(|axum::extract::Query(v)| v)
        .map_err(|e| V2Error::invalid(format!("invalid query parameter: {}", e.body_text())))
}

/// A page size as the API takes it: none or 0 for [`DEFAULT_PAGE_SIZE`], more than this
/// server's largest page ([`crate::ServerConfig::v2_max_page_size`]) served as that many (a
/// short page that still carries a `nextPageToken`), a negative or non-number refused.
pub fn page_size(raw: Option<&str>, cap: u32) -> V2Result<u32> {
    let cap = cap.max(1);
    let n = match raw.map(str::trim) {
        None | Some("") => 0,
        Some(text) => text.parse::<i64>().map_err(|_| {
            V2Error::invalid(format!(
                "pageSize '{}' is not a number",
                text.escape_default()
            ))
        })?,
    };
    if n < 0 {
        return Err(V2Error::invalid(format!(
            "pageSize {n} is negative: ask for 1 or more (0 or none for {DEFAULT_PAGE_SIZE})"
        )));
    }
    Ok(match n {
        0 => DEFAULT_PAGE_SIZE.min(cap),
        n => u32::try_from(n).unwrap_or(u32::MAX).min(cap),
    })
}

fn percent_decoded(path: &str) -> V2Result<String> {
    percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .map(|s| s.into_owned())
        .map_err(|_| V2Error::invalid("the path is not UTF-8 once decoded"))
}

fn no_route(method: &Method, path: &str) -> V2Error {
    V2Error::not_found(format!(
        "{method} {path} is not a method of the Cloud Support API v2 surface of this server (see V2_SURFACE.md)"
    ))
}

/// Answers a request of `surface` by its routes, every refusal in Google's error shape.
async fn dispatch(surface: Surface, state: AppState, request: Request) -> Response {
    let method = request.method().clone();
    let full = request.uri().path().to_string();
    let query = request.uri().query().map(str::to_string);
    let call = Call {
        state,
        method,
        query,
        request,
    };
    let answer = async {
        let path = percent_decoded(full.trim_start_matches(surface.prefix()))?;
        let segments: Vec<&str> = path.split('/').collect();
        match surface {
            Surface::V2 => route(call, &segments, &full).await,
            Surface::Upload => route_upload(call, &segments, &full).await,
            Surface::Beta => route_beta(call, &segments, &full).await,
            Surface::ResourceManager => resource_manager::route(call, &segments, &full).await,
        }
    }
    .await;
    answer.unwrap_or_else(IntoResponse::into_response)
}

async fn route(call: Call, segments: &[&str], full: &str) -> V2Result<Response> {
    let method = call.method.clone();
    let m = &method;
    match segments {
        ["dev", "oauth2", "token"] if m == Method::POST => token::exchange(call).await,
        ["caseClassifications:search"] if m == Method::GET => classifications::search(call).await,
        ["cases:search"] if m == Method::GET => cases::search(call, None).await,
        [kind, parent, "cases"] if m == Method::GET => {
            cases::list(call, parent_customer(kind, parent)?).await
        }
        [kind, parent, "cases"] if m == Method::POST => {
            cases::create(call, parent_customer(kind, parent)?).await
        }
        [kind, parent, "cases:search"] if m == Method::GET => {
            cases::search(call, Some(parent_customer(kind, parent)?)).await
        }
        [kind, parent, "cases", case] => {
            let (number, verb) = match case.split_once(':') {
                Some((number, verb)) => (number, Some(verb)),
                None => (*case, None),
            };
            let case = case_ref(kind, parent, number)?;
            match verb {
                None if m == Method::GET => cases::get(call, case).await,
                None if m == Method::PATCH => cases::patch(call, case).await,
                Some("close") if m == Method::POST => cases::close(call, case).await,
                Some("escalate") if m == Method::POST => cases::escalate(call, case).await,
                _ => Err(no_route(m, full)),
            }
        }
        [kind, parent, "cases", case, "comments"] => {
            let case = case_ref(kind, parent, case)?;
            if m == Method::GET {
                comments::list(call, case).await
            } else if m == Method::POST {
                comments::create(call, case).await
            } else {
                Err(no_route(m, full))
            }
        }
        [kind, parent, "cases", case, "attachments"] => {
            let case = case_ref(kind, parent, case)?;
            if m == Method::GET {
                attachments::list(call, case).await
            } else if m == Method::POST {
                Err(V2Error::invalid(format!(
                    "attachments are uploaded to the media URI: POST /upload/v2/{}/attachments?attachment.filename=NAME with the file as the body",
                    case.name()
                )))
            } else {
                Err(no_route(m, full))
            }
        }
        [kind, parent, "cases", case, "attachments", attachment] if m == Method::GET => {
            let case = case_ref(kind, parent, case)?;
            match attachment.split_once(':') {
                Some((attachment, "download")) => {
                    attachments::download(call, case, attachment.to_string()).await
                }
                _ => Err(no_route(m, full)),
            }
        }
        _ => Err(no_route(m, full)),
    }
}

async fn route_upload(call: Call, segments: &[&str], full: &str) -> V2Result<Response> {
    match segments {
        [kind, parent, "cases", case, "attachments"] if call.method == Method::POST => {
            attachments::upload(call, case_ref(kind, parent, case)?).await
        }
        _ => Err(no_route(&call.method, full)),
    }
}

/// `/v2beta/…`: only `cases.showFeed`, the timeline v2 lacks.
async fn route_beta(call: Call, segments: &[&str], full: &str) -> V2Result<Response> {
    match segments {
        [kind, parent, "cases", case] if call.method == Method::GET => match case.split_once(':') {
            Some((number, "showFeed")) => feed::show(call, case_ref(kind, parent, number)?).await,
            _ => Err(no_route(&call.method, full)),
        },
        _ => Err(no_route(&call.method, full)),
    }
}

/// A JSON answer with status 200, as Google answers every method (creates included).
pub fn ok<T: Serialize>(value: T) -> V2Result<Response> {
    Ok((StatusCode::OK, axum::Json(value)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_naming_rsupport_commands_are_left_out() {
        assert_eq!(
            without_cli_hints(
                "case 5 is closed, so you cannot comment on it; reopen it first with `rsupport case reopen 5` (possible until 2026-12-01 10:00 UTC)"
            ),
            "case 5 is closed, so you cannot comment on it"
        );
        assert_eq!(
            without_cli_hints("a; b; see `rsupport customer list`"),
            "a; b"
        );
        assert_eq!(
            without_cli_hints("no bearer token: send it; log in with `rsupport auth login`"),
            "no bearer token: send it"
        );
    }
}
