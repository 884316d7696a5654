//! What the store's engines read and write, whatever the engine: the records, filters and
//! pages that cross the [`super::Tx`] interface.

use jiff::Timestamp;
use rsupport_api::types::{
    AuthorRole, Case, CaseEvent, CaseOrder, CaseState, Privilege, Role, Severity, StateChangeVia,
    StateFilter,
};

use super::StoreError;

/// A user account: a reseller user of one domain, or a support agent.
#[derive(Debug, Clone, PartialEq)]
pub struct UserRecord {
    pub id: i64,
    pub email: String,
    pub domain: Option<String>,
    pub role: Role,
    pub privileges: Vec<Privilege>,
}

/// A stored token, found by the hash of the presented one.
#[derive(Debug, Clone)]
pub struct TokenRecord {
    pub token_hash: Vec<u8>,
    pub expire_time: Option<Timestamp>,
    pub revoke_time: Option<Timestamp>,
    pub user: UserRecord,
}

/// One write after a case is filed, in time order.
#[derive(Debug, Clone)]
pub enum BenchWrite {
    /// A message (as `insert_comment`; a support message marks the case unread).
    Message {
        body: String,
        author: String,
        role: AuthorRole,
        time: Timestamp,
    },
    /// A change of state (as `set_case_state`; one by support marks the case unread, as
    /// `admin support reply --state` does). Closing sets the close time, any other state clears it.
    State {
        to: CaseState,
        actor: String,
        via: StateChangeVia,
        time: Timestamp,
    },
}

/// A case as the create route writes it.
#[derive(Debug, Clone)]
pub struct NewCase {
    pub customer: String,
    pub reseller_domain: String,
    pub display_name: String,
    pub description: String,
    pub classification: String,
    pub priority: Severity,
    pub state: CaseState,
    pub language_code: String,
    pub time_zone: String,
    pub subscribers: Vec<String>,
    pub creator: String,
    pub create_time: Timestamp,
    pub request_id: String,
    pub request_fingerprint: String,
}

/// The stored `priority` column: the severity's number, `P0` (Google Cloud's, above P1) 0.
pub fn priority_number(p: Severity) -> i64 {
    match p {
        Severity::P0 => 0,
        Severity::P1 => 1,
        Severity::P2 => 2,
        Severity::P3 => 3,
        Severity::P4 => 4,
    }
}

pub fn priority_from_number(n: i64) -> Result<Severity, StoreError> {
    match n {
        0 => Ok(Severity::P0),
        1 => Ok(Severity::P1),
        2 => Ok(Severity::P2),
        3 => Ok(Severity::P3),
        4 => Ok(Severity::P4),
        _ => Err(StoreError::Corrupt(format!("priority {n}"))),
    }
}

/// P0 ranks highest (5), then P1 (4) … P4 (1); every list order sorts descending on all of
/// its keys.
pub fn sev_rank(p: Severity) -> i64 {
    5 - priority_number(p)
}

/// The phases of a bulk load, in order ([`super::Tx::bulk_load`]). On SQLite the writer does
/// not copy its log into the database file until [`BulkLoad::Finish`]: the loader runs a
/// [`super::Store::log_copier`] beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BulkLoad {
    /// Its first cases ([`BULK_WARM_UP_CASES`] of them).
    Start,
    /// The rest of its cases.
    Fast,
    /// Done: back to the usual settings.
    Finish,
}

/// How many cases a bulk load writes in its [`BulkLoad::Start`] phase.
pub const BULK_WARM_UP_CASES: u64 = 50_000;

/// Where a stored file is, and its size (the length of the stored bytes).
#[derive(Debug, Clone)]
pub struct BlobRef {
    /// The engine's key of the stored file.
    pub key: i64,
    pub size: u64,
}

#[derive(Debug, Clone)]
pub struct NewAttachment<'a> {
    pub case_id: u64,
    pub filename: &'a str,
    pub size_bytes: u64,
    pub sha256: &'a str,
    pub mime_type: &'a str,
    pub creator: &'a str,
    pub now: Timestamp,
}

/// Which cases a list shows. `reseller_domain` is `None` only for support agents.
#[derive(Debug, Clone)]
pub struct CaseFilter {
    pub reseller_domain: Option<String>,
    pub customer: Option<String>,
    pub state: StateFilter,
    pub priorities: Vec<Severity>,
    /// Keywords that must all match, each as a word prefix, in the title, description or
    /// messages: lowercase, letters and digits only (see [`crate::rules::keywords`]).
    pub keywords: Vec<String>,
    pub updated_since: Option<Timestamp>,
    pub created_since: Option<Timestamp>,
    pub order: CaseOrder,
    /// The reseller user whose read markers say which cases are `unread`; `None` for agents.
    pub viewer: Option<i64>,
    /// Only the cases unread by `viewer`.
    pub unread_only: bool,
}

/// A position in a list order: every order sorts descending on `(rank, time, id)`; `rank` is
/// the severity rank for the severity order and 0 otherwise.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct CaseCursor {
    pub rank: i64,
    pub time: i64,
    pub id: i64,
}

/// One page of cases, with where it ended and the snapshot (write sequence) it was placed in.
#[derive(Debug, Clone)]
pub struct CasePage {
    pub cases: Vec<Case>,
    pub as_of: i64,
    pub next: Option<CaseCursor>,
}

/// The columns of an event; everything else of a [`CaseEvent`] is its kind's details.
pub const EVENT_COLUMN_FIELDS: [&str; 5] = ["id", "caseId", "time", "actor", "kind"];

/// The fields of a [`CaseEvent`] after its columns, serialized as the event serializes them.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct EventDetails<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    title: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    severity: &'a Option<Severity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    comment_id: &'a Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author_role: &'a Option<AuthorRole>,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    attachment_id: &'a Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    filename: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    size_bytes: &'a Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    via: &'a Option<StateChangeVia>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: &'a Option<rsupport_api::types::EscalationReason>,
    #[serde(skip_serializing_if = "Option::is_none")]
    justification: &'a Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    added: &'a Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    removed: &'a Vec<String>,
}

/// The `details` column of an event: its kind's fields, a JSON object.
pub fn event_details(event: &CaseEvent) -> Result<String, StoreError> {
    let CaseEvent {
        id: _,
        case_id: _,
        time: _,
        actor: _,
        kind: _,
        title,
        severity,
        comment_id,
        author_role,
        body,
        attachment_id,
        filename,
        size_bytes,
        from,
        to,
        via,
        reason,
        justification,
        added,
        removed,
    } = event;
    serde_json::to_string(&EventDetails {
        title,
        severity,
        comment_id,
        author_role,
        body,
        attachment_id,
        filename,
        size_bytes,
        from,
        to,
        via,
        reason,
        justification,
        added,
        removed,
    })
    .map_err(|e| StoreError::Corrupt(format!("event details: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rsupport_api::types::{CaseEventKind, EscalationReason};

    #[test]
    fn event_details_are_every_field_of_the_event_but_its_columns() {
        let mut event = CaseEvent::new(
            7,
            Timestamp::from_second(1_700_000_000).unwrap(),
            "a@d.example",
            CaseEventKind::Message,
        );
        event.title = Some("t".into());
        event.severity = Some(Severity::P2);
        event.comment_id = Some(3);
        event.author_role = Some(AuthorRole::Support);
        event.body = Some("b \"quoted\"".into());
        event.attachment_id = Some(4);
        event.filename = Some("f.txt".into());
        event.size_bytes = Some(5);
        event.from = Some("new".into());
        event.to = Some("closed".into());
        event.via = Some(StateChangeVia::Close);
        event.reason = Some(EscalationReason::BusinessImpact);
        event.justification = Some("j".into());
        event.added = vec!["x@d.example".into()];
        event.removed = vec!["y@d.example".into()];
        let mut whole = match serde_json::to_value(&event).unwrap() {
            serde_json::Value::Object(map) => map,
            other => panic!("{other}"),
        };
        for field in EVENT_COLUMN_FIELDS {
            assert!(whole.remove(field).is_some(), "{field} is a column");
        }
        let details: serde_json::Value =
            serde_json::from_str(&event_details(&event).unwrap()).unwrap();
        assert_eq!(details, serde_json::Value::Object(whole));
        let bare = CaseEvent::new(7, event.time, "", CaseEventKind::Created);
        assert_eq!(event_details(&bare).unwrap(), "{}");
    }
}
