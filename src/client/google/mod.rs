//! The `google` provider: every endpoint method of [`Client`] answered through Google's
//! Cloud Support API v2 (`/v2/{parent}/cases`, `cases:search`, `:close`, `:escalate`,
//! comments, attachments with media upload and `:download?alt=media`,
//! `caseClassifications:search`) instead of an rsupport server, in the same types, so every
//! command works the same against either provider.
//!
//! A customer is a parent resource (`organizations/N`, `projects/ID`) configured in the
//! domain entry; a case is known by its number, found under one of those parents. What the
//! API has no equivalent for (reopen, read markers, events to wait on, validate-only writes)
//! is [`ClientError::Unsupported`], never emulated.

pub mod auth;
pub mod mapping;
pub mod wire;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

use jiff::Timestamp;
use reqwest::header::{CONTENT_LENGTH, CONTENT_TYPE, HeaderValue};
use reqwest::{Method, Url};
use rsupport_api::error::ErrorReason;
use rsupport_api::types::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

use self::auth::GoogleAuth;
use self::mapping::{CasePatch, ListFilter};
use self::wire::*;
use super::transport::Retry;
use super::{Client, ClientError, Filed};

/// Google's endpoint of the API.
pub const DEFAULT_ENDPOINT: &str = "https://cloudsupport.googleapis.com";
/// Google's endpoint of Cloud Resource Manager (v3), where parents are discovered.
pub const RESOURCE_MANAGER_ENDPOINT: &str = "https://cloudresourcemanager.googleapis.com";

/// Page size asked of the API when reading whole lists (its maximum is 100).
const PAGE_SIZE: u32 = 100;

/// What a client of a `google` domain carries besides the HTTP client.
#[derive(Debug)]
pub struct Google {
    /// The configured parents, in the order of the config.
    pub parents: Vec<String>,
    pub auth: GoogleAuth,
    /// The domain's `resource_manager_endpoint`, when its config names one.
    pub resource_manager: Option<String>,
    /// Case number → resource name, learnt from every case read.
    names: Mutex<HashMap<u64, String>>,
    /// What Cloud Resource Manager answered, asked once per run.
    discovered: tokio::sync::OnceCell<Discovery>,
}

/// The parents Cloud Resource Manager lists for the account, or why it listed none.
#[derive(Debug, Clone, Default)]
pub struct Discovery {
    /// Active projects (`projects/ID`), then organizations (`organizations/N`), each with
    /// its display name and, for an organization, its domain.
    pub parents: Vec<DiscoveredParent>,
    /// A refusal (403 / 404): one line saying so; the configured parents are all there is.
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DiscoveredParent {
    pub name: String,
    pub display_name: String,
    pub domain: String,
}

impl Google {
    pub fn new(parents: Vec<String>, auth: GoogleAuth) -> Google {
        Google {
            parents,
            auth,
            resource_manager: None,
            names: Mutex::new(HashMap::new()),
            discovered: tokio::sync::OnceCell::new(),
        }
    }

    /// Cloud Resource Manager at `endpoint` rather than where [`Client::resource_manager`]
    /// would look.
    pub fn with_resource_manager(mut self, endpoint: Option<String>) -> Google {
        self.resource_manager = endpoint.filter(|e| !e.trim().is_empty());
        self
    }

    fn remember(&self, case: &Case) {
        self.names
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(case.id, case.name.clone());
    }

    fn known(&self, id: u64) -> Option<String> {
        self.names
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&id)
            .cloned()
    }
}

/// Checks a parent resource name: `organizations/NUMBER` or `projects/PROJECT_ID`.
pub fn validate_parent(parent: &str) -> Result<String, String> {
    let parent = parent.trim().trim_end_matches('/');
    let ok = match parent.split_once('/') {
        Some(("organizations", id)) => !id.is_empty() && id.chars().all(|c| c.is_ascii_digit()),
        Some(("projects", id)) => {
            !id.is_empty()
                && id.len() <= 63
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        }
        _ => false,
    };
    if ok {
        Ok(parent.to_string())
    } else {
        Err(format!(
            "'{parent}' is not a Google Cloud parent: expected organizations/NUMBER (e.g. organizations/123456789) or projects/PROJECT_ID (e.g. projects/my-project)"
        ))
    }
}

fn unsupported(what: &str, why: &str) -> ClientError {
    ClientError::Unsupported {
        what: what.to_string(),
        why: why.to_string(),
    }
}

/// The refusal of every write with `--dry-run`.
fn no_validate_only(what: &str) -> ClientError {
    unsupported(
        &format!("--dry-run of {what}"),
        "the API has no validate-only mode, so nothing but the client's own checks can be run; they passed. Run it without --dry-run to do it",
    )
}

/// A page token of a list over several parents: which parent, and the API's token there.
fn split_token(token: Option<&str>) -> (usize, Option<String>) {
    let Some((index, inner)) = token.and_then(|t| t.split_once('|')) else {
        return (0, None);
    };
    (
        index.parse().unwrap_or(0),
        (!inner.is_empty()).then(|| inner.to_string()),
    )
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct GListQuery<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    filter: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    query: Option<&'a str>,
    page_size: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    page_token: Option<&'a str>,
}

impl Client {
    fn google(&self) -> &Google {
        self.google
            .as_deref()
            .expect("google methods are called on google clients")
    }

    fn domain_name(&self) -> String {
        self.options.domain.clone().unwrap_or_default()
    }

    /// One JSON exchange with the API (`path` under `/v2/`), retried where safe.
    async fn g_json<Q: Serialize + ?Sized, B: Serialize, T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        query: &Q,
        body: Option<&B>,
        retry: Retry,
    ) -> Result<T, ClientError> {
        self.send_json(method, &format!("v2/{path}"), query, body, retry)
            .await
    }

    /// Every item of a list the API pages (`pageSize`, `pageToken` → `nextPageToken`), at
    /// `path` (relative to the endpoint, e.g. `v2/…/comments`, or an absolute URL), with
    /// `query` as the method's `query` parameter; pages are followed until one has no token.
    async fn all_pages<P: Page>(
        &self,
        path: &str,
        query: Option<&str>,
    ) -> Result<Vec<P::Item>, ClientError> {
        let mut all = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let q = GListQuery {
                filter: None,
                query,
                page_size: PAGE_SIZE,
                page_token: token.as_deref(),
            };
            let page: P = self
                .send_json::<_, (), _>(Method::GET, path, &q, None, Retry::Safe)
                .await?;
            let (items, next) = page.into_parts();
            all.extend(items);
            match next.filter(|t| !t.is_empty()) {
                Some(next) => token = Some(next),
                None => return Ok(all),
            }
        }
    }

    fn to_case(&self, case: GCase) -> Result<Case, ClientError> {
        let case =
            mapping::to_case(case, &self.domain_name()).map_err(|why| ClientError::Unexpected {
                url: self.endpoint.clone(),
                status: 200,
                excerpt: why,
            })?;
        self.google().remember(&case);
        Ok(case)
    }

    /// A 404 of `reason` the client found itself (nothing answered it).
    fn not_found(&self, reason: ErrorReason, message: String) -> ClientError {
        ClientError::local(404, reason, None, message, self.options.domain.clone())
    }

    fn case_not_found(&self, id: u64) -> ClientError {
        self.not_found(
            ErrorReason::CaseNotFound,
            format!(
                "case {id} is not under any parent of {} ({})",
                self.domain_name(),
                self.google().parents.join(", ")
            ),
        )
    }

    /// The resource name of case `id`: known from an earlier answer, else the first parent
    /// that has it.
    async fn case_name(&self, id: u64) -> Result<String, ClientError> {
        if let Some(name) = self.google().known(id) {
            return Ok(name);
        }
        Ok(self.google_get_case(id).await?.name)
    }

    pub(super) async fn google_get_case(&self, id: u64) -> Result<Case, ClientError> {
        if let Some(name) = self.google().known(id) {
            let case: GCase = self
                .g_json::<(), (), _>(Method::GET, &name, &(), None, Retry::Safe)
                .await?;
            return self.to_case(case);
        }
        let configured = self.google().parents.clone();
        for parent in &configured {
            if let Some(case) = self.case_under(parent, id).await? {
                return Ok(case);
            }
        }
        // then the discovered parents (when Cloud Resource Manager answers; a refusal or a
        // failure there leaves the configured parents alone)
        let discovered: Vec<String> = match self.discover().await {
            Ok(discovery) => discovery
                .parents
                .iter()
                .map(|p| p.name.clone())
                .filter(|p| !configured.contains(p))
                .collect(),
            Err(_) => Vec::new(),
        };
        for parent in &discovered {
            if let Some(case) = self.case_under(parent, id).await? {
                return Ok(case);
            }
        }
        Err(self.case_not_found(id))
    }

    /// Case `id` under `parent`; `None` when it is not there (or not visible there).
    async fn case_under(&self, parent: &str, id: u64) -> Result<Option<Case>, ClientError> {
        let path = format!("{parent}/cases/{id}");
        match self
            .g_json::<(), (), GCase>(Method::GET, &path, &(), None, Retry::Safe)
            .await
        {
            Ok(case) => self.to_case(case).map(Some),
            Err(error)
                if matches!(
                    error.reason(),
                    Some(ErrorReason::NotFound | ErrorReason::PrivilegeMissing)
                ) =>
            {
                Ok(None)
            }
            Err(error) => Err(error),
        }
    }

    /// The parents a list covers: the `customer` asked for, else every configured one.
    fn list_parents(&self, customer: Option<&str>) -> Result<Vec<String>, ClientError> {
        match customer {
            Some(customer) => validate_parent(customer)
                .map(|p| vec![p])
                .map_err(|e| ClientError::invalid_argument("customer", e)),
            None => Ok(self.google().parents.clone()),
        }
    }

    pub(super) async fn google_list_cases(
        &self,
        query: &ListCasesQuery,
    ) -> Result<CaseList, ClientError> {
        if query.unread == Some(true) {
            return Err(unsupported(
                "--unread",
                "the API keeps no read markers: list the cases and look at their update time",
            ));
        }
        let parents = self.list_parents(query.customer.as_deref())?;
        let filter = mapping::list_filter(query.state.as_deref(), query.priority.as_deref())
            .map_err(|why| ClientError::invalid_argument("state/priority", why))?;
        let (index, inner) = split_token(query.page_token.as_deref());
        let Some(parent) = parents.get(index) else {
            return Ok(CaseList {
                cases: Vec::new(),
                next_page_token: None,
                state_counts: None,
            });
        };
        let page_size = query.page_size.unwrap_or(PAGE_SIZE).clamp(1, PAGE_SIZE);
        let list: GCaseList = match query.query.as_deref().filter(|q| !q.trim().is_empty()) {
            Some(keywords) => {
                let search = mapping::search_query(keywords, &filter);
                let q = GListQuery {
                    filter: None,
                    query: Some(&search),
                    page_size,
                    page_token: inner.as_deref(),
                };
                self.g_json::<_, (), _>(
                    Method::GET,
                    &format!("{parent}/cases:search"),
                    &q,
                    None,
                    Retry::Safe,
                )
                .await?
            }
            None => {
                let q = GListQuery {
                    filter: filter.filter.as_deref(),
                    query: None,
                    page_size,
                    page_token: inner.as_deref(),
                };
                self.g_json::<_, (), _>(
                    Method::GET,
                    &format!("{parent}/cases"),
                    &q,
                    None,
                    Retry::Safe,
                )
                .await?
            }
        };
        let next_page_token = match list.next_page_token.filter(|t| !t.is_empty()) {
            Some(token) => Some(format!("{index}|{token}")),
            None if index + 1 < parents.len() => Some(format!("{}|", index + 1)),
            None => None,
        };
        let mut cases = Vec::with_capacity(list.cases.len());
        for case in list.cases {
            let case = self.to_case(case)?;
            if keep(&case, &filter, query) {
                cases.push(case);
            }
        }
        sort_page(&mut cases, query.order_by.unwrap_or_default());
        Ok(CaseList {
            cases,
            next_page_token,
            state_counts: None,
        })
    }

    pub(super) async fn google_create_case(
        &self,
        request: &CreateCaseRequest,
    ) -> Result<Filed, ClientError> {
        if self.validate_only {
            return Err(no_validate_only("case create"));
        }
        let parent = validate_parent(&request.customer)
            .map_err(|e| ClientError::invalid_argument("on_behalf_of", e))?;
        let body = GCase {
            display_name: Some(request.display_name.clone()),
            description: Some(request.description.clone()),
            classification: Some(GClassification {
                id: Some(request.classification.clone()),
                display_name: None,
            }),
            priority: Some(request.priority.as_str().to_string()),
            time_zone: request.time_zone.clone(),
            language_code: request.language_code.clone(),
            subscriber_email_addresses: (!request.subscriber_email_addresses.is_empty())
                .then(|| request.subscriber_email_addresses.clone()),
            ..GCase::default()
        };
        // Retried only on 429 and 503 (not acted on): the API takes no request id, so a repeat
        // after a lost answer could file a second case.
        let case: GCase = self
            .g_json(
                Method::POST,
                &format!("{parent}/cases"),
                &(),
                Some(&body),
                Retry::Busy,
            )
            .await?;
        Ok(Filed {
            case: self.to_case(case)?,
            existed: false,
        })
    }

    async fn patch(&self, id: u64, patch: CasePatch, what: &str) -> Result<Case, ClientError> {
        if self.validate_only {
            return Err(no_validate_only(what));
        }
        let name = self.case_name(id).await?;
        // Never an empty mask: the API would update every field, clearing the subscribers.
        let Some(mask) = patch.update_mask() else {
            return self.google_get_case(id).await;
        };
        let case: GCase = self
            .g_json(
                Method::PATCH,
                &name,
                &[("updateMask", mask.as_str())],
                Some(&patch.body),
                Retry::Busy,
            )
            .await?;
        self.to_case(case)
    }

    pub(super) async fn google_update_case(
        &self,
        id: u64,
        request: &UpdateCaseRequest,
    ) -> Result<Case, ClientError> {
        let mut patch = CasePatch::default();
        if let Some(title) = &request.display_name {
            patch = patch.title(title);
        }
        if let Some(priority) = request.priority {
            patch = patch.priority(priority);
        }
        self.patch(id, patch, "case update").await
    }

    pub(super) async fn google_share_case(
        &self,
        id: u64,
        request: &ShareCaseRequest,
    ) -> Result<Case, ClientError> {
        if self.validate_only {
            return Err(no_validate_only("case share"));
        }
        let case = self.google_get_case(id).await?;
        let mut subscribers = case.subscriber_email_addresses.clone();
        subscribers.retain(|s| {
            !request
                .remove
                .iter()
                .any(|r| r.trim().eq_ignore_ascii_case(s))
        });
        for add in &request.add {
            let add = add.trim();
            if !subscribers.iter().any(|s| s.eq_ignore_ascii_case(add)) {
                subscribers.push(add.to_string());
            }
        }
        if subscribers == case.subscriber_email_addresses {
            return Ok(case);
        }
        self.patch(
            id,
            CasePatch::default().subscribers(subscribers),
            "case share",
        )
        .await
    }

    pub(super) async fn google_close_case(
        &self,
        id: u64,
        request: &CaseActionRequest,
    ) -> Result<Case, ClientError> {
        if self.validate_only {
            return Err(no_validate_only("case close"));
        }
        let name = self.case_name(id).await?;
        if let Some(comment) = request.comment.as_deref().filter(|c| !c.trim().is_empty()) {
            self.google_create_comment(
                id,
                &CreateCommentRequest {
                    body: comment.to_string(),
                },
            )
            .await?;
        }
        let case: GCase = self
            .g_json(
                Method::POST,
                &format!("{name}:close"),
                &(),
                Some(&serde_json::json!({})),
                Retry::Busy,
            )
            .await?;
        self.to_case(case)
    }

    pub(super) async fn google_escalate_case(
        &self,
        id: u64,
        request: &EscalateCaseRequest,
    ) -> Result<Case, ClientError> {
        if self.validate_only {
            return Err(no_validate_only("case escalate"));
        }
        let name = self.case_name(id).await?;
        let body = GEscalateRequest {
            escalation: GEscalation {
                reason: mapping::reason_to_wire(request.reason).to_string(),
                justification: request.justification.clone(),
            },
        };
        let case: GCase = self
            .g_json(
                Method::POST,
                &format!("{name}:escalate"),
                &(),
                Some(&body),
                Retry::Busy,
            )
            .await?;
        self.to_case(case)
    }

    /// Every comment of a case, oldest first, numbered from 1.
    pub(super) async fn google_comments(&self, id: u64) -> Result<Vec<Comment>, ClientError> {
        let name = self.case_name(id).await?;
        let mut all: Vec<GComment> = self
            .all_pages::<GCommentList>(&format!("v2/{name}/comments"), None)
            .await?;
        mapping::oldest_first(&mut all, |c| {
            (c.create_time, c.name.clone().unwrap_or_default())
        });
        Ok(all
            .into_iter()
            .enumerate()
            .map(|(i, c)| mapping::to_comment(id, i as u64 + 1, c))
            .collect())
    }

    pub(super) async fn google_create_comment(
        &self,
        id: u64,
        request: &CreateCommentRequest,
    ) -> Result<Comment, ClientError> {
        if self.validate_only {
            return Err(no_validate_only("case comment"));
        }
        let name = self.case_name(id).await?;
        let body = GComment {
            body: Some(request.body.clone()),
            ..GComment::default()
        };
        let created: GComment = self
            .g_json(
                Method::POST,
                &format!("{name}/comments"),
                &(),
                Some(&body),
                Retry::Busy,
            )
            .await?;
        // its number is its place among the case's comments
        let all = self.google_comments(id).await?;
        let number = all
            .iter()
            .rev()
            .find(|c| Some(c.create_time) == created.create_time && c.body == request.body)
            .map(|c| c.id)
            .unwrap_or(all.len() as u64);
        Ok(mapping::to_comment(id, number, created))
    }

    /// Every attachment of a case, oldest first, numbered from 1, with its resource name.
    async fn google_attachment_names(
        &self,
        id: u64,
    ) -> Result<Vec<(Attachment, String)>, ClientError> {
        let name = self.case_name(id).await?;
        let mut all: Vec<GAttachment> = self
            .all_pages::<GAttachmentList>(&format!("v2/{name}/attachments"), None)
            .await?;
        mapping::oldest_first(&mut all, |a| {
            (a.create_time, a.name.clone().unwrap_or_default())
        });
        Ok(all
            .into_iter()
            .enumerate()
            .map(|(i, a)| {
                let name = a.name.clone().unwrap_or_default();
                (mapping::to_attachment(id, i as u64 + 1, a), name)
            })
            .collect())
    }

    pub(super) async fn google_list_attachments(
        &self,
        id: u64,
    ) -> Result<AttachmentList, ClientError> {
        Ok(AttachmentList {
            attachments: self
                .google_attachment_names(id)
                .await?
                .into_iter()
                .map(|(a, _)| a)
                .collect(),
        })
    }

    /// `media.upload`: the file's bytes as the body, its name as `attachment.filename`.
    pub(super) async fn google_upload(
        &self,
        id: u64,
        path: &Path,
        filename: &str,
        progress: impl Fn(u64) + Send + Sync + 'static,
    ) -> Result<Attachment, ClientError> {
        if self.validate_only {
            return Err(no_validate_only("case attach"));
        }
        let read_error = |source| ClientError::ReadFile {
            path: path.display().to_string(),
            source,
        };
        let name = self.case_name(id).await?;
        let file = tokio::fs::File::open(path).await.map_err(read_error)?;
        let len = file.metadata().await.map_err(read_error)?.len();
        let url = self.url(&format!("upload/v2/{name}/attachments"))?;
        let stream = super::transfer::progress_stream(file, progress);
        let body = reqwest::Body::wrap_stream(stream);
        let bearer = self.google().auth.bearer().await?;
        let started = std::time::Instant::now();
        let outcome = self
            .http
            .request(Method::POST, url.clone())
            .bearer_auth(bearer.expose())
            .query(&[("attachment.filename", filename)])
            .header(CONTENT_TYPE, "application/octet-stream")
            .header(CONTENT_LENGTH, HeaderValue::from(len))
            .body(body)
            .send()
            .await;
        let response = match self.check(&Method::POST, &url, started, outcome, None) {
            Ok(response) => response,
            Err(super::transport::CheckError::Status(response)) => {
                return Err(self.error_from(&Method::POST, &url, *response).await);
            }
            Err(super::transport::CheckError::Transport(error)) => return Err(error),
        };
        let created: GAttachment = self.decode(&Method::POST, &url, response).await?;
        let created_name = created.name.clone().unwrap_or_default();
        let all = self.google_attachment_names(id).await?;
        let number = all
            .iter()
            .find(|(_, n)| *n == created_name)
            .map(|(a, _)| a.id)
            .unwrap_or(all.len() as u64);
        Ok(mapping::to_attachment(id, number, created))
    }

    /// The URL of attachment `number` of case `id`'s bytes (`:download?alt=media`).
    pub(super) async fn google_download_url(
        &self,
        id: u64,
        number: u64,
    ) -> Result<Url, ClientError> {
        let all = self.google_attachment_names(id).await?;
        let Some((_, name)) = all.iter().find(|(a, _)| a.id == number) else {
            return Err(self.not_found(
                ErrorReason::AttachmentNotFound,
                format!(
                    "case {id} has no attachment {number} (it has {})",
                    all.len()
                ),
            ));
        };
        let mut url = self.url(&format!("v2/{name}:download"))?;
        url.query_pairs_mut().append_pair("alt", "media");
        Ok(url)
    }

    /// Where Cloud Resource Manager is asked: the domain's `resource_manager_endpoint`; else
    /// Google's, when the support endpoint is Google's; else the support endpoint itself (a
    /// server that speaks both APIs, as `rsupport-server dev`).
    pub fn resource_manager(&self) -> String {
        let google = self.google();
        if let Some(endpoint) = &google.resource_manager {
            return endpoint.trim_end_matches('/').to_string();
        }
        let support = self.endpoint.trim_end_matches('/');
        if support == DEFAULT_ENDPOINT {
            RESOURCE_MANAGER_ENDPOINT.to_string()
        } else {
            support.to_string()
        }
    }

    /// The parents the account may use, as Cloud Resource Manager v3 lists them
    /// (`projects:search`, then `organizations:search`, every page), asked once per run. A
    /// refusal there (403 `PERMISSION_DENIED`, 404) is no error: nothing is discovered and
    /// [`Discovery::note`] says why.
    pub async fn discover(&self) -> Result<&Discovery, ClientError> {
        self.google()
            .discovered
            .get_or_try_init(|| async {
                let base = self.resource_manager();
                let searched = async {
                    let projects = self
                        .all_pages::<GProjectList>(&format!("{base}/v3/projects:search"), None)
                        .await?;
                    let organizations = self
                        .all_pages::<GOrganizationList>(
                            &format!("{base}/v3/organizations:search"),
                            None,
                        )
                        .await?;
                    Ok::<_, ClientError>((projects, organizations))
                };
                match searched.await {
                    Ok((projects, organizations)) => Ok(Discovery {
                        parents: mapping::discovered_parents(projects, organizations),
                        note: None,
                    }),
                    Err(error)
                        if matches!(
                            error.reason(),
                            Some(ErrorReason::PrivilegeMissing | ErrorReason::NotFound)
                        ) =>
                    {
                        let why = error
                            .api()
                            .map(|e| format!("{} {}", e.http_status, e.message))
                            .unwrap_or_default();
                        Ok(Discovery {
                            parents: Vec::new(),
                            note: Some(format!(
                                "only the configured parents are shown: Cloud Resource Manager at {base} did not list the account's projects and organizations ({why})"
                            )),
                        })
                    }
                    Err(error) => Err(error),
                }
            })
            .await
    }

    /// The configured parents (first, in the config's order) and the discovered ones, once
    /// each, as the domain's customers.
    async fn all_customers(&self) -> Result<Vec<Customer>, ClientError> {
        let discovery = self.discover().await?;
        let mut customers: Vec<Customer> = Vec::new();
        for parent in &self.google().parents {
            let found = discovery.parents.iter().find(|d| d.name == *parent);
            customers.push(self.parent_customer(parent, found));
        }
        for found in &discovery.parents {
            if !self.google().parents.contains(&found.name) {
                customers.push(self.parent_customer(&found.name, Some(found)));
            }
        }
        Ok(customers)
    }

    /// The domain's customers: the configured and the discovered parents.
    pub(super) async fn google_customers(
        &self,
        query: Option<&str>,
    ) -> Result<CustomerList, ClientError> {
        let wanted = query.map(|q| q.trim().to_ascii_lowercase());
        let customers = self
            .all_customers()
            .await?
            .into_iter()
            .filter(|c| {
                wanted.as_deref().is_none_or(|w| {
                    [&c.id, &c.display_name, &c.primary_domain]
                        .iter()
                        .any(|field| field.to_ascii_lowercase().contains(w))
                })
            })
            .collect();
        Ok(CustomerList {
            customers,
            next_page_token: None,
        })
    }

    /// What the last customer list could not show: Cloud Resource Manager's refusal.
    pub fn google_customer_note(&self) -> Option<String> {
        self.google().discovered.get().and_then(|d| d.note.clone())
    }

    fn parent_customer(&self, parent: &str, found: Option<&DiscoveredParent>) -> Customer {
        Customer {
            id: parent.to_string(),
            display_name: found
                .map(|f| f.display_name.clone())
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| parent.to_string()),
            primary_domain: found.map(|f| f.domain.clone()).unwrap_or_default(),
            reseller_domain: self.domain_name(),
            // the API does not say; escalation is Google's to allow or refuse
            plan: SupportPlan::Premium,
            access_granted: true,
            contact: Contact {
                name: String::new(),
                email: String::new(),
                phone: None,
            },
        }
    }

    /// A configured or discovered parent as a customer (what `--on-behalf-of` takes).
    pub(super) async fn google_customer(&self, id: &str) -> Result<Customer, ClientError> {
        let parent =
            validate_parent(id).map_err(|e| ClientError::invalid_argument("on_behalf_of", e))?;
        // a configured parent is known without asking Cloud Resource Manager
        if self.google().parents.contains(&parent) {
            return Ok(self.parent_customer(&parent, None));
        }
        let customers = self.all_customers().await?;
        let known: Vec<String> = customers.iter().map(|c| c.id.clone()).collect();
        if let Some(customer) = customers.into_iter().find(|c| c.id == parent) {
            return Ok(customer);
        }
        Err(self.not_found(
            ErrorReason::CustomerNotFound,
            format!(
                "'{id}' is not a parent of {}: its parents are {}{}",
                self.domain_name(),
                known.join(", "),
                self.google_customer_note()
                    .map(|n| format!(" ({n})"))
                    .unwrap_or_default()
            ),
        ))
    }

    /// `caseClassifications.search`, every page.
    pub(super) async fn google_categories(
        &self,
        query: &ListCategoriesQuery,
    ) -> Result<CategoryList, ClientError> {
        let search = query
            .query
            .as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty())
            .map(|q| {
                format!(
                    "display_name:\"*{}*\"",
                    q.replace('\\', "\\\\").replace('"', "\\\"")
                )
            });
        let categories = self
            .all_pages::<GClassificationList>("v2/caseClassifications:search", search.as_deref())
            .await?
            .into_iter()
            .map(|c| Category {
                id: c.id.unwrap_or_default(),
                display_name: c.display_name.unwrap_or_default(),
                product: mapping::PRODUCT_GOOGLE_CLOUD.to_string(),
            })
            .collect();
        Ok(CategoryList { categories })
    }

    /// Checks the credential with one real call per parent (a one-case list), and answers
    /// who it is as `whoami` would.
    pub(super) async fn google_whoami(&self) -> Result<WhoAmI, ClientError> {
        for parent in self.google().parents.clone() {
            let q = GListQuery {
                filter: None,
                query: None,
                page_size: 1,
                page_token: None,
            };
            let _: GCaseList = self
                .g_json::<_, (), _>(
                    Method::GET,
                    &format!("{parent}/cases"),
                    &q,
                    None,
                    Retry::Safe,
                )
                .await?;
        }
        Ok(WhoAmI {
            email: self
                .google()
                .auth
                .secret()
                .account()
                .unwrap_or_else(|| self.google().auth.secret().holder().into()),
            domain: self.options.domain.clone(),
            role: Role::Reseller,
            // the reseller API's privileges do not apply: Google's IAM roles decide
            privileges: Vec::new(),
            server_time: Timestamp::now(),
            dev_mode: false,
            max_attachment_bytes: None,
        })
    }

    /// A timeline built from what the API keeps: the case's creation, its comments and its
    /// attachments, oldest first (Google records no state, severity or sharing changes).
    pub(super) async fn google_events(&self, id: u64) -> Result<CaseEventList, ClientError> {
        let case = self.google_get_case(id).await?;
        let comments = self.google_comments(id).await?;
        let attachments = self.google_list_attachments(id).await?.attachments;
        let mut created =
            CaseEvent::new(id, case.create_time, &case.creator, CaseEventKind::Created);
        created.title = Some(case.display_name.clone());
        created.severity = Some(case.priority);
        let mut events = vec![created];
        for comment in comments {
            let mut event = CaseEvent::new(
                id,
                comment.create_time,
                &comment.author,
                CaseEventKind::Message,
            );
            event.comment_id = Some(comment.id);
            event.author_role = Some(comment.author_role);
            event.body = Some(comment.body);
            events.push(event);
        }
        for attachment in attachments {
            let mut event = CaseEvent::new(
                id,
                attachment.create_time,
                &attachment.creator,
                CaseEventKind::AttachmentAdded,
            );
            event.attachment_id = Some(attachment.id);
            event.filename = Some(attachment.filename);
            event.size_bytes = Some(attachment.size_bytes);
            events.push(event);
        }
        events.sort_by_key(|e| e.time);
        for (i, event) in events.iter_mut().enumerate() {
            event.id = i as u64 + 1;
        }
        Ok(CaseEventList {
            cursor: events.len() as u64,
            events,
            next_page_token: None,
        })
    }

    pub(super) fn google_unsupported(&self, what: &str) -> ClientError {
        match what {
            "reopen" => unsupported(
                "case reopen",
                "the Cloud Support API v2 cannot reopen a closed case (and has no 30-day window); file a new case with `rsupport case create`",
            ),
            "read" => unsupported("marking a case read", "the API keeps no read markers"),
            "state" => unsupported(
                "setting a case's state",
                "only Google support moves a case between states",
            ),
            "watch" => unsupported(
                "case watch",
                "the API has no event feed to wait on; `rsupport case history` shows what it keeps",
            ),
            other => unsupported(other, "the Cloud Support API v2 has no such call"),
        }
    }
}

/// What the API cannot filter on, checked on each page: one open state, and the creation
/// and update times a query asks for.
fn keep(case: &Case, filter: &ListFilter, query: &ListCasesQuery) -> bool {
    filter.only_state.is_none_or(|s| case.state == s)
        && query.created_since.is_none_or(|t| case.create_time >= t)
        && query.updated_since.is_none_or(|t| case.update_time >= t)
}

/// The API has no order parameter: each page is put in the asked order.
fn sort_page(cases: &mut [Case], order: CaseOrder) {
    cases.sort_by(|a, b| {
        let primary = match order {
            CaseOrder::Updated => b.update_time.cmp(&a.update_time),
            CaseOrder::Created => b.create_time.cmp(&a.create_time),
            CaseOrder::Severity => a
                .priority
                .cmp(&b.priority)
                .then(b.update_time.cmp(&a.update_time)),
        };
        primary.then(b.id.cmp(&a.id))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_token_names_the_parent_and_the_api_token() {
        assert_eq!(split_token(None), (0, None));
        assert_eq!(split_token(Some("1|")), (1, None));
        assert_eq!(split_token(Some("0|abc|d")), (0, Some("abc|d".into())));
    }
}
