//! The Cloud Support API v2 on the wire: the resources and messages the `google` provider
//! sends and reads, with Google's field names (camelCase JSON, `int64` as a string), and the
//! Cloud Resource Manager v3 search answers it discovers parents with.

use jiff::Timestamp;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};

/// `Case`. Every field is optional: the same type is a create's body, a PATCH's body (only
/// the fields of its `updateMask`) and an answer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GCase {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classification: Option<GClassification>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscriber_email_addresses: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_time: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update_time: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator: Option<GActor>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalated: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub test_case: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<String>,
}

/// `CaseClassification`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GClassification {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
}

/// `Actor`: who did something.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GActor {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub google_support: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
}

impl GActor {
    /// The email, else the username, else the display name.
    pub fn who(actor: &Option<GActor>) -> String {
        actor
            .as_ref()
            .and_then(|a| {
                a.email
                    .clone()
                    .or_else(|| a.username.clone())
                    .or_else(|| a.display_name.clone())
            })
            .unwrap_or_default()
    }
}

/// `Comment`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GComment {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_time: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator: Option<GActor>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plain_text_body: Option<String>,
}

/// `Attachment`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GAttachment {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_time: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator: Option<GActor>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mime_type: Option<String>,
    /// `int64`, sent as a JSON string (a number is read too).
    #[serde(
        default,
        deserialize_with = "int64",
        skip_serializing_if = "Option::is_none"
    )]
    pub size_bytes: Option<u64>,
}

/// One page of a list the API answers: its items and the `nextPageToken` of the next page.
pub trait Page: DeserializeOwned {
    type Item;
    fn into_parts(self) -> (Vec<Self::Item>, Option<String>);
}

/// A page type: `items` in the named JSON field (camelCase), and `nextPageToken`.
macro_rules! page {
    ($(#[$doc:meta])* $name:ident { $field:ident: $item:ty }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            #[serde(default)]
            pub $field: Vec<$item>,
            #[serde(default)]
            pub next_page_token: Option<String>,
        }

        impl Page for $name {
            type Item = $item;
            fn into_parts(self) -> (Vec<$item>, Option<String>) {
                (self.$field, self.next_page_token)
            }
        }
    };
}

page! {
    /// The answer of `cases.list` and `cases.search`.
    GCaseList { cases: GCase }
}
page! {
    /// The answer of `cases.comments.list`.
    GCommentList { comments: GComment }
}
page! {
    /// The answer of `cases.attachments.list`.
    GAttachmentList { attachments: GAttachment }
}
page! {
    /// The answer of `caseClassifications.search`.
    GClassificationList { case_classifications: GClassification }
}
page! {
    /// The answer of Cloud Resource Manager v3 `projects.search`.
    GProjectList { projects: GProject }
}
page! {
    /// The answer of Cloud Resource Manager v3 `organizations.search`.
    GOrganizationList { organizations: GOrganization }
}

/// A Cloud Resource Manager v3 `Project` (the fields read).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GProject {
    /// `projects/{number}`.
    #[serde(default)]
    pub name: Option<String>,
    /// The project id, e.g. `my-project` (what a support parent `projects/{id}` names).
    #[serde(default)]
    pub project_id: Option<String>,
    #[serde(default)]
    pub display_name: Option<String>,
    /// `ACTIVE`, `DELETE_REQUESTED`…
    #[serde(default)]
    pub state: Option<String>,
}

/// A Cloud Resource Manager v3 `Organization` (the fields read).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GOrganization {
    /// `organizations/{number}`.
    #[serde(default)]
    pub name: Option<String>,
    /// Its Workspace (or Cloud Identity) domain, e.g. `example.com`.
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default)]
    pub state: Option<String>,
}

/// The body of `cases.escalate`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GEscalateRequest {
    pub escalation: GEscalation,
}

/// `Escalation`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GEscalation {
    /// `RESOLUTION_TIME`, `TECHNICAL_EXPERTISE` or `BUSINESS_IMPACT`.
    pub reason: String,
    pub justification: String,
}

/// The body of `media.upload`'s metadata part.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GCreateAttachmentRequest {
    pub attachment: GAttachment,
}

/// Google's error shape: `{"error": {"code": 404, "message": "…", "status": "NOT_FOUND"}}`.
#[derive(Debug, Clone, Deserialize)]
pub struct GErrorBody {
    pub error: GError,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GError {
    #[serde(default)]
    pub code: u16,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub status: String,
}

/// An `int64` that Google sends as a string (or a number, from a lenient server).
fn int64<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u64>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Int64 {
        Text(String),
        Number(u64),
    }
    match Option::<Int64>::deserialize(deserializer)? {
        None => Ok(None),
        Some(Int64::Number(n)) => Ok(Some(n)),
        Some(Int64::Text(text)) => text
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| serde::de::Error::custom(format!("'{text}' is not an int64"))),
    }
}
