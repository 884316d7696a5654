//! The Cloud Support API v2 on the wire: the resources and messages the `google` provider
//! sends and reads, with Google's field names (camelCase JSON, `int64` as a string).

use jiff::Timestamp;
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

/// The answer of `cases.list` and `cases.search`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GCaseList {
    #[serde(default)]
    pub cases: Vec<GCase>,
    #[serde(default)]
    pub next_page_token: Option<String>,
}

/// The answer of `cases.comments.list`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GCommentList {
    #[serde(default)]
    pub comments: Vec<GComment>,
    #[serde(default)]
    pub next_page_token: Option<String>,
}

/// The answer of `cases.attachments.list`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GAttachmentList {
    #[serde(default)]
    pub attachments: Vec<GAttachment>,
    #[serde(default)]
    pub next_page_token: Option<String>,
}

/// The answer of `caseClassifications.search`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GClassificationList {
    #[serde(default)]
    pub case_classifications: Vec<GClassification>,
    #[serde(default)]
    pub next_page_token: Option<String>,
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
