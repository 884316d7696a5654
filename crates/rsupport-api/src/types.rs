//! Serde request and response types of the `/v1` API, shared by the client and the server.
//!
//! Field names are camelCase on the wire and follow the Google Cloud Support API v2 where the
//! concept is the same (`displayName`, `classification`, `priority`, `subscriberEmailAddresses`,
//! `createTime`…). These names are also the stable field names of the client's `--json` and
//! `--format csv` output, so renaming one is a breaking change.
//!
//! Routes (all JSON, bearer token unless marked public):
//!
//! | method | path | body / query | answer |
//! |---|---|---|---|
//! | GET | `/v1/health` (public) | | [`Health`] |
//! | GET | `/v1/openapi.json` (public) | | OpenAPI 3 document |
//! | GET | `/v1/whoami` | | [`WhoAmI`] |
//! | GET | `/v1/customers` | [`ListCustomersQuery`] | [`CustomerList`] |
//! | GET | `/v1/customers/{customer}` | | [`Customer`] |
//! | GET | `/v1/categories` | [`ListCategoriesQuery`] | [`CategoryList`] |
//! | GET | `/v1/cases` | [`ListCasesQuery`] | [`CaseList`] |
//! | POST | `/v1/cases` | [`CreateCaseRequest`] | [`Case`] (201; 200 when the request id was seen) |
//! | GET | `/v1/cases/{case}` | | [`Case`] |
//! | PATCH | `/v1/cases/{case}` | [`UpdateCaseRequest`] | [`Case`] |
//! | POST | `/v1/cases/{case}/close` | [`CaseActionRequest`] | [`Case`] |
//! | POST | `/v1/cases/{case}/reopen` | [`CaseActionRequest`] | [`Case`] |
//! | POST | `/v1/cases/{case}/escalate` | [`EscalateCaseRequest`] | [`Case`] |
//! | POST | `/v1/cases/{case}/share` | [`ShareCaseRequest`] | [`Case`] |
//! | POST | `/v1/cases/{case}/read` (reseller users) | [`MarkCaseReadRequest`] (optional) | [`Case`] |
//! | POST | `/v1/cases/{case}/state` (agents only) | [`SetCaseStateRequest`] | [`Case`] |
//! | GET | `/v1/cases/{case}/comments` | [`PageQuery`] | [`CommentList`] (oldest first) |
//! | POST | `/v1/cases/{case}/comments` | [`CreateCommentRequest`] | [`Comment`] (201) |
//! | GET | `/v1/cases/{case}/attachments` | | [`AttachmentList`] |
//! | GET | `/v1/cases/{case}/events` | [`ListEventsQuery`] | [`CaseEventList`] (oldest first; long-poll with `after` + `waitSeconds`) |
//! | POST | `/v1/cases/{case}/attachments` | raw bytes; [`UploadAttachmentQuery`] | [`Attachment`] (201) |
//! | GET | `/v1/cases/{case}/attachments/{attachment}/content` | | raw bytes |
//!
//! Every write takes `validateOnly=true` ([`WriteQuery`], or in [`UploadAttachmentQuery`]):
//! the server runs every check of the real call, changes nothing and answers what the real
//! call would, status included, or the same error.
//!
//! Every error answers with [`crate::api::error::ErrorBody`].

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// The only product the reseller portal files cases for.
pub const PRODUCT_GOOGLE_WORKSPACE: &str = "google-workspace";

/// Default and maximum page sizes of every list endpoint.
pub const DEFAULT_PAGE_SIZE: u32 = 50;
pub const MAX_PAGE_SIZE: u32 = 500;

crate::wire_enum! {
    /// A case's severity, most urgent first. Called `priority` on the wire, as in the Google
    /// Cloud Support API v2. `P0`, above `P1`, is Google Cloud's: a case filed through the
    /// Cloud Support API surface (`/v2`) may hold it, and `/v1` answers it as it is, but `/v1`
    /// takes `P1`–`P4` only (its requests' `ResellerSeverity`).
    pub enum Severity("severity"): PartialOrd, Ord {
        P0 = "P0",
        P1 = "P1",
        P2 = "P2",
        P3 = "P3",
        P4 = "P4",
    }
}

impl Severity {
    /// What the level means, as the portal explains it when one is picked.
    pub fn meaning(self) -> &'static str {
        match self {
            Severity::P0 => {
                "Google Cloud only: critical and urgent impact across the business, above P1"
            }
            Severity::P1 => "critical impact: a service is unusable in production",
            Severity::P2 => "high impact: a service is seriously degraded",
            Severity::P3 => "medium impact: a service is partly affected",
            Severity::P4 => "low impact: a question or a minor issue",
        }
    }

    /// The severities the reseller API (`/v1`) takes as input, `P1`–`P4`.
    pub const RESELLER: &'static [Severity] =
        &[Severity::P1, Severity::P2, Severity::P3, Severity::P4];

    /// [`Severity::RESELLER`] joined with `, ` (for messages).
    pub fn reseller_expected() -> String {
        ResellerSeverity::expected()
    }

    /// The reseller API's severity, `None` for `P0` (which it does not take).
    pub fn reseller(self) -> Option<ResellerSeverity> {
        match self {
            Severity::P0 => None,
            Severity::P1 => Some(ResellerSeverity::P1),
            Severity::P2 => Some(ResellerSeverity::P2),
            Severity::P3 => Some(ResellerSeverity::P3),
            Severity::P4 => Some(ResellerSeverity::P4),
        }
    }
}

crate::wire_enum! {
    /// A severity as `/v1` takes it in a request: `P1` (the most urgent) … `P4`. `P0` is
    /// refused there (it is Google Cloud's), although a case filed through `/v2` can hold it
    /// and `/v1` answers it.
    pub enum ResellerSeverity("severity"): PartialOrd, Ord {
        P1 = "P1",
        P2 = "P2",
        P3 = "P3",
        P4 = "P4",
    }
}

impl From<ResellerSeverity> for Severity {
    fn from(severity: ResellerSeverity) -> Severity {
        match severity {
            ResellerSeverity::P1 => Severity::P1,
            ResellerSeverity::P2 => Severity::P2,
            ResellerSeverity::P3 => Severity::P3,
            ResellerSeverity::P4 => Severity::P4,
        }
    }
}

/// A request's `priority`: a [`ResellerSeverity`] (`P0` refused as an unknown value, with the
/// same message as any other).
fn reseller_severity<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Severity, D::Error> {
    ResellerSeverity::deserialize(deserializer).map(Severity::from)
}

/// [`reseller_severity`], optional.
fn reseller_severity_opt<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Severity>, D::Error> {
    Option::<ResellerSeverity>::deserialize(deserializer).map(|s| s.map(Severity::from))
}

/// The `priority` filter of `/v1` on the wire: severities in their exact wire form,
/// comma-separated, without blanks, e.g. `P1,P2` (what a server accepts; no `P0`).
pub const PRIORITY_LIST_PATTERN: &str = "^P[1-4](,P[1-4])*$";

/// Parses the `priority` filter exactly as [`PRIORITY_LIST_PATTERN`] says.
pub fn severities_from_wire(s: &str) -> Result<Vec<Severity>, String> {
    s.split(',')
        .map(|p| {
            ResellerSeverity::from_wire(p).map(Severity::from).ok_or_else(|| {
                format!(
                    "'{}' is not a list of severities such as P1,P2 (each one of {}, comma-separated, no blanks)",
                    s.escape_default(),
                    ResellerSeverity::expected()
                )
            })
        })
        .collect()
}

/// Parses a comma-separated list of severities such as `P0,P1`, forgiving case and blanks
/// (for people).
pub fn parse_severity_list(s: &str) -> Result<Vec<Severity>, String> {
    s.split(',')
        .filter(|p| !p.trim().is_empty())
        .map(Severity::from_str)
        .collect()
}

crate::wire_enum! {
    /// Where a case is in its life.
    pub enum CaseState("state") {
        /// Filed, not yet picked up by support.
        New = "new",
        /// Support is working on it.
        InProgress = "in-progress",
        /// Support waits on the reseller.
        ActionRequired = "action-required",
        /// Support proposed a solution.
        SolutionProvided = "solution-provided",
        Closed = "closed",
    }
}

impl CaseState {
    pub fn is_open(self) -> bool {
        self != CaseState::Closed
    }
}

/// The `state` filter of a case list: `open` (every state but closed), `all`, or one state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StateFilter {
    Open,
    All,
    Only(CaseState),
}

impl StateFilter {
    /// Every value of the `state` filter on the wire.
    pub fn wire_values() -> Vec<&'static str> {
        let mut values = vec!["open", "all"];
        values.extend(CaseState::ALL.iter().map(|s| s.as_str()));
        values
    }

    /// The filter whose wire form is exactly `s` (what a server accepts).
    pub fn from_wire(s: &str) -> Option<StateFilter> {
        match s {
            "open" => Some(StateFilter::Open),
            "all" => Some(StateFilter::All),
            other => CaseState::from_wire(other).map(StateFilter::Only),
        }
    }

    pub fn matches(self, state: CaseState) -> bool {
        match self {
            StateFilter::Open => state.is_open(),
            StateFilter::All => true,
            StateFilter::Only(only) => only == state,
        }
    }
}

impl fmt::Display for StateFilter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StateFilter::Open => f.write_str("open"),
            StateFilter::All => f.write_str("all"),
            StateFilter::Only(state) => state.fmt(f),
        }
    }
}

impl FromStr for StateFilter {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "open" => Ok(StateFilter::Open),
            "all" => Ok(StateFilter::All),
            other => other.parse().map(StateFilter::Only).map_err(|_| {
                format!(
                    "invalid state '{s}': expected open, all or one of {}",
                    CaseState::expected()
                )
            }),
        }
    }
}

crate::wire_enum! {
    /// A customer's support plan. Only `premium` customers can have cases escalated.
    pub enum SupportPlan("plan") {
        Standard = "standard",
        Enhanced = "enhanced",
        Premium = "premium",
    }
}

crate::wire_enum! {
    /// Why a case is escalated.
    pub enum EscalationReason("reason") {
        ResolutionTime = "resolution-time",
        TechnicalExpertise = "technical-expertise",
        BusinessImpact = "business-impact",
    }
}

crate::wire_enum! {
    /// A reseller user's privileges. A "reseller admin" holds all three.
    pub enum Privilege("privilege"): PartialOrd, Ord {
        /// Use support at all.
        Support = "support",
        /// See the domain's customers.
        CustomersView = "customers.view",
        /// Read and act on customers' cases.
        CasesAccess = "cases.access",
    }
}

crate::wire_enum! {
    /// Who holds a token: a user of a reseller domain, or a support agent (the provider's side).
    pub enum Role("role") {
        Reseller = "reseller",
        Agent = "agent",
    }
}

/// `GET /v1/health`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Health {
    /// Always `ok` when the server answers.
    pub status: String,
    pub version: String,
}

/// `GET /v1/whoami`: the holder of the bearer token.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct WhoAmI {
    pub email: String,
    /// The reseller domain of the user; `None` for a support agent.
    pub domain: Option<String>,
    pub role: Role,
    pub privileges: Vec<Privilege>,
    /// The server's clock (moved forward in dev mode by `admin clock advance`).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub server_time: Timestamp,
    pub dev_mode: bool,
    /// The largest attachment this server accepts, in bytes (clients check files against it
    /// before filing a case). Absent from servers older than the field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_attachment_bytes: Option<u64>,
}

/// Contact details of a customer, maintained in the sales console: read-only here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
}

/// A customer of a reseller domain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Customer {
    /// Short slug such as `acme`.
    pub id: String,
    pub display_name: String,
    /// The customer's own Google Workspace domain, e.g. `acme.example`.
    pub primary_domain: String,
    /// The reseller domain that manages the customer now.
    pub reseller_domain: String,
    pub plan: SupportPlan,
    /// Whether the customer has granted the reseller access to its account; without it no case
    /// can be filed or managed for the customer.
    pub access_granted: bool,
    pub contact: Contact,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct CustomerList {
    pub customers: Vec<Customer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page_token: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(rename_all = "camelCase")]
pub struct ListCustomersQuery {
    /// Keyword matched against id, display name and primary domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// Page size: 1 to 500; 0 or none for 50. A larger one is refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u32>,
    /// The `nextPageToken` of the previous page (opaque; empty or none for the first page);
    /// valid only with the same filters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_token: Option<String>,
}

/// An entry of the category catalogue ("classification" in the Google Cloud Support API).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Category {
    /// Stable id such as `gmail-delivery`.
    pub id: String,
    /// Human path such as `Gmail > Delivery`.
    pub display_name: String,
    pub product: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct CategoryList {
    pub categories: Vec<Category>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(rename_all = "camelCase")]
pub struct ListCategoriesQuery {
    /// Keywords; a category matches when every keyword is found in its id or display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
}

/// How a case was escalated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Escalation {
    pub reason: EscalationReason,
    pub justification: String,
    pub escalated_by: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub escalate_time: Timestamp,
}

/// A support case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Case {
    pub id: u64,
    /// Resource name, `cases/{id}`.
    pub name: String,
    /// The customer's id.
    pub customer: String,
    pub customer_display_name: String,
    /// The reseller domain that filed the case; only that domain sees it.
    pub reseller_domain: String,
    pub product: String,
    /// The title.
    pub display_name: String,
    pub description: String,
    pub classification: Category,
    /// The severity, `P1`–`P4`, or `P0` for a case filed `P0` through the Cloud Support API
    /// surface (`/v2`).
    pub priority: Severity,
    pub state: CaseState,
    /// BCP 47 language tag, e.g. `en-US`.
    pub language_code: String,
    /// IANA time zone, e.g. `Europe/Rome`.
    pub time_zone: String,
    pub escalated: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalation: Option<Escalation>,
    /// Users and groups the case is shared with; they get email updates.
    pub subscriber_email_addresses: Vec<String>,
    /// Email of the user who filed the case.
    pub creator: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub create_time: Timestamp,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub update_time: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub close_time: Option<Timestamp>,
    pub comment_count: u32,
    pub attachment_count: u32,
    /// For a reseller user: whether support wrote a message or changed the state since this
    /// user last marked the case read (`POST /v1/cases/{case}/read`), or ever, for a case they
    /// never read. Read markers are per user. Absent for support agents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unread: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct CaseList {
    pub cases: Vec<Case>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page_token: Option<String>,
    /// With `includeCounts=true`, on the first page only: how many cases match every filter
    /// but `state`, per state (every state named, 0 included), e.g. `{"new": 3, …,
    /// "closed": 57}`. What a list hid is the difference with what it showed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(example = json!({"new": 3, "in-progress": 5, "action-required": 1, "solution-provided": 2, "closed": 57})))]
    pub state_counts: Option<BTreeMap<String, u64>>,
}

crate::wire_enum! {
    /// Sort order of a case list; each is newest (or most severe) first, ties broken by id.
    pub enum CaseOrder("order"): Default {
        #[default]
        Updated = "updated",
        Created = "created",
        Severity = "severity",
    }
}

/// `GET /v1/cases` query. `state` is `open` (default), `closed`, `all` or one state; `priority`
/// a comma list such as `P1,P2`; `query` keywords searched in title, description and messages.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(rename_all = "camelCase")]
pub struct ListCasesQuery {
    /// Only this customer's cases (its id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<String>,
    /// `open` (default: every state but closed), `closed`, `all`, or one state such as
    /// `action-required`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Severities to keep, comma-separated, e.g. `P1,P2` (`P1`–`P4`: `P0` is refused here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<String>,
    /// Keywords; a case matches when every keyword (or a word starting with it) is in its
    /// title, description or messages. A query with no letter or digit (only punctuation,
    /// symbols or spaces) is refused as INVALID_ARGUMENT; an empty one is no filter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(pattern = r"^$|[^\W_]"))]
    pub query: Option<String>,
    /// Only cases updated at or after this time (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(value_type = Option<String>, format = DateTime))]
    pub updated_since: Option<Timestamp>,
    /// Only cases created at or after this time (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(value_type = Option<String>, format = DateTime))]
    pub created_since: Option<Timestamp>,
    /// `updated` (default, most recent first), `created` (newest first) or `severity` (most
    /// severe first: P0, a case filed through `/v2`, then P1…; then most recently updated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_by: Option<CaseOrder>,
    /// Page size: 1 to 500; 0 or none for 50. A larger one is refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u32>,
    /// The `nextPageToken` of the previous page (opaque; empty or none for the first page);
    /// valid only with the same filters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_token: Option<String>,
    /// `true`: the first page also carries `stateCounts`, the number of cases per state for
    /// the same filters but `state` (one grouped count, not a second listing). Ignored on
    /// later pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_counts: Option<bool>,
    /// `true`: only the cases with support activity (a support message or state change) since
    /// the caller last marked them read, or ever for cases never read. Reseller users only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unread: Option<bool>,
}

/// `POST /v1/cases`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct CreateCaseRequest {
    /// Client-chosen id (a UUID) that makes the create idempotent: the same id with the same
    /// body answers the first case; with another body, `IDEMPOTENCY_CONFLICT`.
    pub request_id: String,
    /// The customer's id.
    #[cfg_attr(feature = "openapi", schema(example = "acme"))]
    pub customer: String,
    #[cfg_attr(feature = "openapi", schema(example = "Mail to partners bounces"))]
    pub display_name: String,
    #[cfg_attr(
        feature = "openapi",
        schema(example = "Since 9:00 every message to a partner bounces")
    )]
    pub description: String,
    /// A category id from `/v1/categories`.
    #[cfg_attr(feature = "openapi", schema(example = "gmail-delivery"))]
    pub classification: String,
    #[serde(deserialize_with = "reseller_severity")]
    #[cfg_attr(feature = "openapi", schema(value_type = ResellerSeverity))]
    pub priority: Severity,
    /// Defaults to `en-US`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language_code: Option<String>,
    /// Defaults to `UTC`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subscriber_email_addresses: Vec<String>,
}

/// `PATCH /v1/cases/{case}`: the fields present are changed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct UpdateCaseRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "reseller_severity_opt"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<ResellerSeverity>))]
    pub priority: Option<Severity>,
}

/// `POST /v1/cases/{case}/close` and `/reopen`: an optional message posted with the action.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct CaseActionRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// `POST /v1/cases/{case}/read`: marks the case read for the caller; the body may be left out.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct MarkCaseReadRequest {
    /// The case's `updateTime` as the reader was shown it: only what was written up to then is
    /// marked read, so support activity that came after stays unread. Left out, null or empty:
    /// up to now.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "empty_as_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub update_time: Option<Timestamp>,
}

/// An optional timestamp where `""` means none, as an empty page token does.
fn empty_as_none<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Timestamp>, D::Error> {
    match Option::<String>::deserialize(deserializer)? {
        None => Ok(None),
        Some(text) if text.is_empty() => Ok(None),
        Some(text) => text.parse().map(Some).map_err(serde::de::Error::custom),
    }
}

/// `POST /v1/cases/{case}/escalate`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct EscalateCaseRequest {
    pub reason: EscalationReason,
    pub justification: String,
}

/// `POST /v1/cases/{case}/share`: emails of users or groups to add and to remove.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ShareCaseRequest {
    #[serde(default)]
    pub add: Vec<String>,
    #[serde(default)]
    pub remove: Vec<String>,
}

/// `POST /v1/cases/{case}/state`, for support agents only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct SetCaseStateRequest {
    pub state: CaseState,
}

crate::wire_enum! {
    /// Who wrote a message.
    pub enum AuthorRole("author role") {
        Reseller = "reseller",
        Support = "support",
    }
}

/// A message in a case's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Comment {
    pub id: u64,
    pub case_id: u64,
    pub body: String,
    /// Email of the author.
    pub author: String,
    pub author_role: AuthorRole,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub create_time: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct CommentList {
    pub comments: Vec<Comment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page_token: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct CreateCommentRequest {
    pub body: String,
}

/// Query of list endpoints that only page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(rename_all = "camelCase")]
pub struct PageQuery {
    /// Page size: 1 to 500; 0 or none for 50. A larger one is refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u32>,
    /// The `nextPageToken` of the previous page (opaque; empty or none for the first page);
    /// valid only with the same filters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_token: Option<String>,
}

/// A file attached to a case. Attachments are never deleted through the reseller API.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Attachment {
    pub id: u64,
    pub case_id: u64,
    /// The name given at upload, as sent (clients must not trust it as a path).
    pub filename: String,
    pub size_bytes: u64,
    /// Lowercase hex SHA-256 of the content.
    pub sha256: String,
    pub mime_type: String,
    pub creator: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub create_time: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct AttachmentList {
    pub attachments: Vec<Attachment>,
}

/// `POST /v1/cases/{case}/attachments` query; the body is the file's bytes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(rename_all = "camelCase")]
pub struct UploadAttachmentQuery {
    /// The file's name, shown to support and used on download.
    pub filename: String,
    /// Hex SHA-256 the client computed; a mismatch rejects the upload whole. Empty is the
    /// same as none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    /// With `validateOnly` and no body: the file's size, checked (against the server's limit)
    /// as the body would be. Ignored when a body is sent: its own size is what counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size_bytes: Option<u64>,
    /// `true`: run every check of the upload (access, name, size, checksum when a body is
    /// sent) and store nothing; the answer (201) is the attachment as it would be.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validate_only: Option<bool>,
}

crate::wire_enum! {
    /// What happened to a case, in its timeline.
    pub enum CaseEventKind("event kind", other = Other) {
        /// The case was filed (`title`, `severity`).
        Created = "created",
        /// A message was posted (`commentId`, `authorRole`, `body`).
        Message = "message",
        /// A file was attached (`attachmentId`, `filename`, `sizeBytes`).
        AttachmentAdded = "attachment-added",
        /// The state changed (`from`, `to`, `via`).
        StateChanged = "state-changed",
        /// The severity changed (`from`, `to`).
        SeverityChanged = "severity-changed",
        /// The title changed (`from`, `to`).
        TitleChanged = "title-changed",
        /// The case was escalated (`reason`, `justification`).
        Escalated = "escalated",
        /// Subscribers were added or removed (`added`, `removed`).
        SharingChanged = "sharing-changed",
        /// A kind this client does not know (a newer server's).
        Other = "other",
    }
}

crate::wire_enum! {
    /// What moved a case to another state.
    pub enum StateChangeVia("state change cause", other = Other) {
        /// A support agent set it.
        Support = "support",
        /// The reseller closed the case.
        Close = "close",
        /// The reseller reopened the case.
        Reopen = "reopen",
        /// A reseller message moved it back to support.
        Message = "message",
        /// A cause this client does not know (a newer server's).
        Other = "other",
    }
}

/// One event of a case's timeline. `id` orders every event of the server (it is the cursor of
/// `after`); the fields after `kind` are those of the kind (see [`CaseEventKind`]), absent
/// otherwise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct CaseEvent {
    pub id: u64,
    pub case_id: u64,
    /// When it happened (the server's clock).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub time: Timestamp,
    /// Email of who did it (empty when not recorded).
    pub actor: String,
    pub kind: CaseEventKind,
    /// `created`: the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `created`: the severity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    /// `message`: the message's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment_id: Option<u64>,
    /// `message`: who wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_role: Option<AuthorRole>,
    /// `message`: the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// `attachment-added`: the attachment's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment_id: Option<u64>,
    /// `attachment-added`: the file's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    /// `attachment-added`: the file's size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size_bytes: Option<u64>,
    /// `state-changed`, `severity-changed`, `title-changed`: the value before (absent when
    /// not recorded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// `state-changed`, `severity-changed`, `title-changed`: the value after.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// `state-changed`: what moved it (absent when not recorded: cases filed before the
    /// timeline existed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<StateChangeVia>,
    /// `escalated`: the reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<EscalationReason>,
    /// `escalated`: the justification.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub justification: Option<String>,
    /// `sharing-changed`: emails added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<String>,
    /// `sharing-changed`: emails removed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<String>,
}

impl CaseEvent {
    /// An event of `kind` with no kind fields yet.
    pub fn new(case_id: u64, time: Timestamp, actor: &str, kind: CaseEventKind) -> CaseEvent {
        CaseEvent {
            id: 0,
            case_id,
            time,
            actor: actor.to_string(),
            kind,
            title: None,
            severity: None,
            comment_id: None,
            author_role: None,
            body: None,
            attachment_id: None,
            filename: None,
            size_bytes: None,
            from: None,
            to: None,
            via: None,
            reason: None,
            justification: None,
            added: Vec::new(),
            removed: Vec::new(),
        }
    }
}

/// One page of a case's events, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct CaseEventList {
    pub events: Vec<CaseEvent>,
    /// The id of the last event answered, or the `after` asked for when none: pass it as
    /// `after` to wait for the next ones.
    pub cursor: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page_token: Option<String>,
}

/// Longest wait of a long-poll on a case's events.
pub const MAX_WAIT_SECONDS: u32 = 60;

/// `GET /v1/cases/{case}/events` query.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(rename_all = "camelCase")]
pub struct ListEventsQuery {
    /// Page size: 1 to 500; 0 or none for 50. A larger one is refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u32>,
    /// The `nextPageToken` of the previous page (opaque; empty or none for the first page).
    /// Not with `after`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_token: Option<String>,
    /// Only events after this cursor (an event id, the `cursor` of an earlier answer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<u64>,
    /// Long-poll: when no event is newer than `after`, wait up to this many seconds (0 to 60,
    /// default 0) for one before answering an empty list with the same cursor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait_seconds: Option<u32>,
}

/// The query of every write but uploads (which carry it in [`UploadAttachmentQuery`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(rename_all = "camelCase")]
pub struct WriteQuery {
    /// `true`: run every check of the real call (privileges, access grant, rules, the body)
    /// and change nothing, as Google APIs' `validateOnly`; the answer is the real call's,
    /// status included (201: it would create), or its error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validate_only: Option<bool>,
}

impl WriteQuery {
    pub fn validate_only(&self) -> bool {
        self.validate_only == Some(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severity_parses_case_insensitively_and_p0_sorts_first() {
        assert_eq!("p2".parse::<Severity>().unwrap(), Severity::P2);
        assert_eq!("p0".parse::<Severity>().unwrap(), Severity::P0);
        let err = "P5".parse::<Severity>().unwrap_err();
        assert!(err.contains("P0, P1, P2, P3, P4"), "{err}");
        assert!(Severity::P0 < Severity::P1);
        assert_eq!(Severity::reseller_expected(), "P1, P2, P3, P4");
        for severity in Severity::RESELLER {
            assert_eq!(severity.reseller().map(Severity::from), Some(*severity));
        }
        assert_eq!(Severity::P0.reseller(), None);
    }

    #[test]
    fn requests_refuse_p0_as_an_unknown_severity_and_answers_carry_it() {
        let create = |priority: &str| {
            serde_json::from_value::<CreateCaseRequest>(serde_json::json!({
                "requestId": "r", "customer": "acme", "displayName": "t", "description": "d",
                "classification": "c", "priority": priority,
            }))
        };
        assert_eq!(create("P2").unwrap().priority, Severity::P2);
        let err = create("P0").unwrap_err().to_string();
        assert!(
            err.contains("unknown variant `P0`, expected one of `P1`, `P2`, `P3`, `P4`"),
            "{err}"
        );
        let update = |body: serde_json::Value| serde_json::from_value::<UpdateCaseRequest>(body);
        assert_eq!(
            update(serde_json::json!({"priority": "P4"}))
                .unwrap()
                .priority,
            Some(Severity::P4)
        );
        assert_eq!(update(serde_json::json!({})).unwrap().priority, None);
        assert!(update(serde_json::json!({"priority": "P0"})).is_err());
        assert!(
            severities_from_wire("P0,P1")
                .unwrap_err()
                .contains("P1, P2, P3, P4")
        );
        assert_eq!(
            serde_json::to_value(Severity::P0).unwrap(),
            serde_json::json!("P0")
        );
        assert_eq!(
            serde_json::from_value::<Severity>(serde_json::json!("P0")).unwrap(),
            Severity::P0
        );
    }

    #[test]
    fn a_mark_read_time_may_be_left_out_null_or_empty_but_not_malformed() {
        for body in ["{}", r#"{"updateTime": null}"#, r#"{"updateTime": ""}"#] {
            let request: MarkCaseReadRequest = serde_json::from_str(body).unwrap();
            assert_eq!(request.update_time, None, "{body}");
        }
        let request: MarkCaseReadRequest =
            serde_json::from_str(r#"{"updateTime": "2026-01-02T03:04:05.123456Z"}"#).unwrap();
        assert_eq!(
            request.update_time,
            Some("2026-01-02T03:04:05.123456Z".parse().unwrap())
        );
        assert!(serde_json::from_str::<MarkCaseReadRequest>(r#"{"updateTime": "soon"}"#).is_err());
    }

    #[test]
    fn state_filter_open_excludes_only_closed() {
        let open: StateFilter = "open".parse().unwrap();
        assert!(open.matches(CaseState::ActionRequired));
        assert!(!open.matches(CaseState::Closed));
        let one: StateFilter = "in-progress".parse().unwrap();
        assert_eq!(one, StateFilter::Only(CaseState::InProgress));
        assert!("pending".parse::<StateFilter>().is_err());
    }

    #[test]
    fn case_state_wire_names_are_kebab_case() {
        let json = serde_json::to_string(&CaseState::SolutionProvided).unwrap();
        assert_eq!(json, "\"solution-provided\"");
        let privilege = serde_json::to_string(&Privilege::CasesAccess).unwrap();
        assert_eq!(privilege, "\"cases.access\"");
    }

    #[test]
    fn severity_list_parses_commas() {
        assert_eq!(
            parse_severity_list("P1,p2").unwrap(),
            vec![Severity::P1, Severity::P2]
        );
        assert!(parse_severity_list("P1,P9").is_err());
    }
}
