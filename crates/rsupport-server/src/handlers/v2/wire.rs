//! The resources of the Cloud Support API v2 as this surface writes and reads them: Google's
//! field names (camelCase), enum strings and resource names, converted from and to the store's
//! types. Empty lists and `false` are left out, as Google's JSON leaves out default values.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::catalogue;
use rsupport_api::types::{
    Attachment as StoredAttachment, AuthorRole, Case as StoredCase, CaseState, Category,
    Comment as StoredComment, EscalationReason, Severity,
};

/// `projects/{customer}`: how a customer is named as a parent.
pub fn parent_name(customer: &str) -> String {
    format!("projects/{customer}")
}

pub fn case_name(customer: &str, id: u64) -> String {
    format!("projects/{customer}/cases/{id}")
}

/// The organization number of a customer: its id spelled in digits, two per character
/// (`0`–`9` → 10–19, `a`–`z` → 20–45, `-` → 46), so `acme` is `organizations/20223224`. Every
/// customer is both `projects/{id}` and `organizations/{number}`, and the number is read
/// back without the store. `None` for an id with another character (none are made).
pub fn organization_number(customer: &str) -> Option<String> {
    customer
        .chars()
        .map(|c| match c {
            '0'..='9' => Some(10 + (c as u32 - '0' as u32)),
            'a'..='z' => Some(20 + (c as u32 - 'a' as u32)),
            '-' => Some(46),
            _ => None,
        })
        .map(|pair| pair.map(|p| p.to_string()))
        .collect::<Option<String>>()
        .filter(|n| !n.is_empty())
}

/// The customer an organization number spells ([`organization_number`]'s inverse).
pub fn customer_of_organization(number: &str) -> Option<String> {
    if number.is_empty()
        || !number.len().is_multiple_of(2)
        || !number.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    number
        .as_bytes()
        .chunks(2)
        .map(|pair| {
            let n = u32::from(pair[0] - b'0') * 10 + u32::from(pair[1] - b'0');
            match n {
                10..=19 => char::from_digit(n - 10, 10),
                20..=45 => char::from_u32('a' as u32 + n - 20),
                46 => Some('-'),
                _ => None,
            }
        })
        .collect()
}

/// `t` at the store's resolution (microseconds): a resource answered by the write that made
/// it reads the same as when it is read back.
fn stored(t: Timestamp) -> Timestamp {
    Timestamp::from_microsecond(t.as_microsecond()).unwrap_or(t)
}

/// Google's case state for ours.
pub fn state_name(state: CaseState) -> &'static str {
    match state {
        CaseState::New => "NEW",
        CaseState::InProgress => "IN_PROGRESS_GOOGLE_SUPPORT",
        CaseState::ActionRequired => "ACTION_REQUIRED",
        CaseState::SolutionProvided => "SOLUTION_PROVIDED",
        CaseState::Closed => "CLOSED",
    }
}

/// Every priority the API names, in its order (`PRIORITY_UNSPECIFIED` aside).
pub const PRIORITIES: &[&str] = &["P0", "P1", "P2", "P3", "P4"];

/// Our severity for a Google priority: the same words, `P0` (Google's most urgent, "critical
/// and urgent", above P1) included. Anything else is `None`.
pub fn severity_of(priority: &str) -> Option<Severity> {
    Severity::from_wire(priority)
}

/// Every escalation reason the API names (`REASON_UNSPECIFIED` aside).
pub const ESCALATION_REASONS: &[&str] =
    &["RESOLUTION_TIME", "TECHNICAL_EXPERTISE", "BUSINESS_IMPACT"];

pub fn escalation_reason_of(reason: &str) -> Option<EscalationReason> {
    match reason {
        "RESOLUTION_TIME" => Some(EscalationReason::ResolutionTime),
        "TECHNICAL_EXPERTISE" => Some(EscalationReason::TechnicalExpertise),
        "BUSINESS_IMPACT" => Some(EscalationReason::BusinessImpact),
        _ => None,
    }
}

/// Who did something: a reseller user, or support.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Actor {
    pub display_name: String,
    pub email: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub google_support: bool,
}

impl Actor {
    fn person(email: &str) -> Actor {
        Actor {
            display_name: email.to_string(),
            email: email.to_string(),
            google_support: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CaseClassification {
    pub id: String,
    pub display_name: String,
}

impl From<&Category> for CaseClassification {
    fn from(c: &Category) -> Self {
        CaseClassification {
            id: c.id.clone(),
            display_name: c.display_name.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Case {
    pub name: String,
    pub display_name: String,
    pub description: String,
    pub classification: CaseClassification,
    pub time_zone: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub subscriber_email_addresses: Vec<String>,
    pub state: &'static str,
    pub create_time: Timestamp,
    pub update_time: Timestamp,
    pub creator: Actor,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub escalated: bool,
    pub language_code: String,
    pub priority: &'static str,
}

impl From<&StoredCase> for Case {
    fn from(c: &StoredCase) -> Self {
        Case::under(c, &parent_name(&c.customer))
    }
}

impl Case {
    /// The case named under `parent` as the request addressed its customer
    /// (`projects/acme` or `organizations/20223224`).
    pub fn under(c: &StoredCase, parent: &str) -> Case {
        Case {
            name: format!("{parent}/cases/{}", c.id),
            display_name: c.display_name.clone(),
            description: c.description.clone(),
            classification: CaseClassification::from(&c.classification),
            time_zone: c.time_zone.clone(),
            subscriber_email_addresses: c.subscriber_email_addresses.clone(),
            state: state_name(c.state),
            create_time: stored(c.create_time),
            update_time: stored(c.update_time),
            creator: Actor::person(&c.creator),
            escalated: c.escalated,
            language_code: c.language_code.clone(),
            priority: c.priority.as_str(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Comment {
    pub name: String,
    pub create_time: Timestamp,
    pub creator: Actor,
    pub body: String,
    pub plain_text_body: String,
}

impl Comment {
    pub fn of(case: &str, c: &StoredComment) -> Comment {
        Comment {
            name: format!("{case}/comments/{}", c.id),
            create_time: stored(c.create_time),
            creator: Actor {
                google_support: c.author_role == AuthorRole::Support,
                ..Actor::person(&c.author)
            },
            body: c.body.clone(),
            plain_text_body: c.body.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Attachment {
    pub name: String,
    pub create_time: Timestamp,
    pub creator: Actor,
    pub filename: String,
    pub mime_type: String,
    /// An int64, so a string in JSON, as Google writes 64-bit integers.
    pub size_bytes: String,
}

impl Attachment {
    pub fn of(case: &str, a: &StoredAttachment) -> Attachment {
        Attachment {
            name: format!("{case}/attachments/{}", a.id),
            create_time: stored(a.create_time),
            creator: Actor::person(&a.creator),
            filename: a.filename.clone(),
            mime_type: a.mime_type.clone(),
            size_bytes: a.size_bytes.to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ListCasesResponse {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cases: Vec<Case>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_page_token: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ListCommentsResponse {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<Comment>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_page_token: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ListAttachmentsResponse {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_page_token: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchCaseClassificationsResponse {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub case_classifications: Vec<CaseClassification>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_page_token: Option<String>,
}

/// A classification as a request names it: by `id` (its display name is ignored).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClassificationRef {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default, alias = "display_name")]
    pub display_name: Option<String>,
    #[serde(default)]
    pub product: Option<serde_json::Value>,
}

/// A case in a create or patch body. Google's JSON parser takes the proto field names too
/// (`display_name`), so both spellings are read. Output-only fields (`name`, `state`, times,
/// `creator`, `escalated`) are accepted and ignored, so a client may send back a case it read.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CaseInput {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default, alias = "display_name")]
    pub display_name: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub classification: Option<ClassificationRef>,
    #[serde(default, alias = "time_zone")]
    pub time_zone: Option<String>,
    #[serde(default, alias = "subscriber_email_addresses")]
    pub subscriber_email_addresses: Option<Vec<String>>,
    #[serde(default)]
    pub state: Option<serde_json::Value>,
    #[serde(default, alias = "create_time")]
    pub create_time: Option<serde_json::Value>,
    #[serde(default, alias = "update_time")]
    pub update_time: Option<serde_json::Value>,
    #[serde(default)]
    pub creator: Option<serde_json::Value>,
    #[serde(default, alias = "contact_email")]
    pub contact_email: Option<String>,
    #[serde(default)]
    pub escalated: Option<bool>,
    /// Accepted; this server routes every case to its own support agents anyway.
    #[serde(default, alias = "test_case")]
    pub test_case: Option<bool>,
    #[serde(default, alias = "language_code")]
    pub language_code: Option<String>,
    #[serde(default)]
    pub priority: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EscalationInput {
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub justification: Option<String>,
}

/// `POST …:escalate`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EscalateCaseRequest {
    #[serde(default)]
    pub escalation: Option<EscalationInput>,
}

/// `POST …:close` (an empty message).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CloseCaseRequest {}

/// A comment in a create body; output-only fields are accepted and ignored.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CommentInput {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default, alias = "create_time")]
    pub create_time: Option<serde_json::Value>,
    #[serde(default)]
    pub creator: Option<serde_json::Value>,
    #[serde(default)]
    pub body: Option<String>,
    #[serde(default, alias = "plain_text_body")]
    pub plain_text_body: Option<serde_json::Value>,
}

/// The catalogue entries as classifications.
pub fn classifications(entries: &[Category]) -> Vec<CaseClassification> {
    entries.iter().map(CaseClassification::from).collect()
}

/// Whether `id` is a classification of the catalogue.
pub fn known_classification(id: &str) -> bool {
    catalogue::find(id).is_some()
}
