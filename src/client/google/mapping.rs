//! How the reseller API's words become the Cloud Support API v2's and back, as plain
//! functions: states and priorities, the list filter and the search query built from the
//! `case list` flags, the `updateMask` of a PATCH, Google's error statuses, and cases,
//! comments and attachments in the shapes the rest of the client renders.

use jiff::Timestamp;
use rsupport_api::error::{ApiError, ErrorDetails, ErrorReason};
use rsupport_api::types::{
    Attachment, AuthorRole, Case, CaseState, Category, Comment, EscalationReason, Severity,
    StateFilter,
};

use super::DiscoveredParent;
use super::wire::{GActor, GAttachment, GCase, GComment, GErrorBody, GOrganization, GProject};

/// The product of every Google Cloud case (shown where the reseller API says
/// `google-workspace`).
pub const PRODUCT_GOOGLE_CLOUD: &str = "google-cloud";

/// A case's state from the API's enum (an unknown or unspecified one reads as `new`).
pub fn state_from_wire(state: &str) -> CaseState {
    match state {
        "IN_PROGRESS_GOOGLE_SUPPORT" => CaseState::InProgress,
        "ACTION_REQUIRED" => CaseState::ActionRequired,
        "SOLUTION_PROVIDED" => CaseState::SolutionProvided,
        "CLOSED" => CaseState::Closed,
        _ => CaseState::New,
    }
}

/// What Cloud Resource Manager found, as parents of the Support API: the active projects
/// (`projects/{projectId}`), then the active organizations (`organizations/N`, their display
/// name being their domain); anything that is not a valid parent is left out.
pub fn discovered_parents(
    projects: Vec<GProject>,
    organizations: Vec<GOrganization>,
) -> Vec<DiscoveredParent> {
    let active = |state: &Option<String>| state.as_deref().is_none_or(|s| s == "ACTIVE");
    let projects = projects
        .into_iter()
        .filter(|p| active(&p.state))
        .filter_map(|p| {
            let name = super::validate_parent(&format!("projects/{}", p.project_id?)).ok()?;
            Some(DiscoveredParent {
                display_name: p.display_name.unwrap_or_default(),
                name,
                domain: String::new(),
            })
        });
    let organizations = organizations
        .into_iter()
        .filter(|o| active(&o.state))
        .filter_map(|o| {
            let name = super::validate_parent(o.name.as_deref()?).ok()?;
            let domain = o.display_name.unwrap_or_default();
            Some(DiscoveredParent {
                display_name: domain.clone(),
                name,
                domain,
            })
        });
    let mut all: Vec<DiscoveredParent> = Vec::new();
    for found in projects.chain(organizations) {
        if !all.iter().any(|a| a.name == found.name) {
            all.push(found);
        }
    }
    all
}

/// The API's `priority` as a severity: the same words, `P0` (Google's most urgent, above P1)
/// included; an unspecified one as P4.
pub fn priority_from_wire(priority: &str) -> Severity {
    Severity::from_wire(priority).unwrap_or(Severity::P4)
}

/// An escalation reason as the API's enum.
pub fn reason_to_wire(reason: EscalationReason) -> &'static str {
    match reason {
        EscalationReason::ResolutionTime => "RESOLUTION_TIME",
        EscalationReason::TechnicalExpertise => "TECHNICAL_EXPERTISE",
        EscalationReason::BusinessImpact => "BUSINESS_IMPACT",
    }
}

/// What the `case list` flags become: the API's filter expression (`state=OPEN AND
/// (priority=P1 OR priority=P2)`), and the one state the client keeps of each page when a
/// single open state was asked for (the API filters on OPEN or CLOSED only).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilter {
    /// `None`: no filter (every case).
    pub filter: Option<String>,
    /// Kept client-side: only cases in this state.
    pub only_state: Option<CaseState>,
}

/// Builds the filter from the `state` and `priority` of a list query (their wire forms:
/// `open`, `all`, `closed`, `new`…; `P1,P2`).
pub fn list_filter(state: Option<&str>, priority: Option<&str>) -> Result<ListFilter, String> {
    let mut terms = Vec::new();
    let mut only_state = None;
    let state = match state {
        None => StateFilter::Open,
        Some(text) => {
            StateFilter::from_wire(text).ok_or_else(|| format!("'{text}' is not a state filter"))?
        }
    };
    match state {
        StateFilter::All => {}
        StateFilter::Open => terms.push("state=OPEN".to_string()),
        StateFilter::Only(CaseState::Closed) => terms.push("state=CLOSED".to_string()),
        StateFilter::Only(open) => {
            terms.push("state=OPEN".to_string());
            only_state = Some(open);
        }
    }
    if let Some(priority) = priority.filter(|p| !p.is_empty()) {
        // the wire form of --severity, P0 included: the API's priorities are the same words
        let alternatives: Vec<String> = priority
            .split(',')
            .map(|p| {
                Severity::from_wire(p).map(|p| format!("priority={p}")).ok_or_else(|| {
                    format!(
                        "'{}' is not a list of severities such as P1,P2 (each one of {}, comma-separated)",
                        priority.escape_default(),
                        Severity::expected()
                    )
                })
            })
            .collect::<Result<_, _>>()?;
        terms.push(if alternatives.len() == 1 {
            alternatives[0].clone()
        } else {
            format!("({})", alternatives.join(" OR "))
        });
    }
    Ok(ListFilter {
        filter: (!terms.is_empty()).then(|| terms.join(" AND ")),
        only_state,
    })
}

/// The query of `cases.search`: the keywords as one quoted global restriction (searched in
/// title, description and comments), then the filter's terms.
pub fn search_query(keywords: &str, filter: &ListFilter) -> String {
    let quoted = format!(
        "\"{}\"",
        keywords
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace('\\', "\\\\")
            .replace('"', "\\\"")
    );
    match &filter.filter {
        Some(filter) => format!("{quoted} AND {filter}"),
        None => quoted,
    }
}

/// The fields a PATCH changes, as the API's `updateMask` (never empty: an empty mask would
/// update every field, clearing the subscribers), with the body carrying exactly them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CasePatch {
    pub body: GCase,
    pub mask: Vec<&'static str>,
}

impl CasePatch {
    pub fn title(mut self, title: &str) -> CasePatch {
        self.body.display_name = Some(title.to_string());
        self.mask.push("display_name");
        self
    }

    pub fn priority(mut self, priority: Severity) -> CasePatch {
        self.body.priority = Some(priority.as_str().to_string());
        self.mask.push("priority");
        self
    }

    pub fn subscribers(mut self, emails: Vec<String>) -> CasePatch {
        self.body.subscriber_email_addresses = Some(emails);
        self.mask.push("subscriber_email_addresses");
        self
    }

    /// The `updateMask` query value; `None` when nothing changes (then no PATCH is sent).
    pub fn update_mask(&self) -> Option<String> {
        (!self.mask.is_empty()).then(|| self.mask.join(","))
    }
}

/// The reason an error of the API stands for, from its canonical `status` (or, without one,
/// its HTTP code), so it exits as the reseller API's errors do.
pub fn reason_of_status(status: &str, code: u16) -> ErrorReason {
    match status {
        "INVALID_ARGUMENT" | "OUT_OF_RANGE" => ErrorReason::InvalidArgument,
        "UNAUTHENTICATED" => ErrorReason::Unauthenticated,
        "PERMISSION_DENIED" => ErrorReason::PrivilegeMissing,
        "NOT_FOUND" => ErrorReason::NotFound,
        "FAILED_PRECONDITION" | "ABORTED" | "ALREADY_EXISTS" => ErrorReason::InvalidStateTransition,
        "RESOURCE_EXHAUSTED" => ErrorReason::RateLimited,
        "UNAVAILABLE" => ErrorReason::Unavailable,
        "DEADLINE_EXCEEDED" => ErrorReason::RequestTimeout,
        "UNIMPLEMENTED" => ErrorReason::MethodNotAllowed,
        "INTERNAL" | "UNKNOWN" | "DATA_LOSS" | "CANCELLED" => ErrorReason::Internal,
        _ => match code {
            400 => ErrorReason::InvalidArgument,
            401 => ErrorReason::Unauthenticated,
            403 => ErrorReason::PrivilegeMissing,
            404 => ErrorReason::NotFound,
            409 => ErrorReason::InvalidStateTransition,
            413 => ErrorReason::PayloadTooLarge,
            429 => ErrorReason::RateLimited,
            503 => ErrorReason::Unavailable,
            504 => ErrorReason::RequestTimeout,
            _ => ErrorReason::Internal,
        },
    }
}

/// Google's error body as the client's API error; `None` when the body is not Google's.
pub fn api_error(http_status: u16, body: &[u8]) -> Option<ApiError> {
    let body: GErrorBody = serde_json::from_slice(body).ok()?;
    let code = if body.error.code == 0 {
        http_status
    } else {
        body.error.code
    };
    let message = if body.error.message.trim().is_empty() {
        format!(
            "the Cloud Support API answered {} {}",
            code, body.error.status
        )
    } else {
        body.error.message
    };
    Some(ApiError {
        http_status: code,
        reason: reason_of_status(&body.error.status, code),
        message,
        details: ErrorDetails::default(),
    })
}

/// The number of a case from its resource name (`projects/p/cases/123` → 123).
pub fn case_number(name: &str) -> Option<u64> {
    let (parent, number) = name.rsplit_once("/cases/")?;
    if parent.is_empty() {
        return None;
    }
    number.parse().ok()
}

/// The parent of a case from its resource name (`projects/p/cases/123` → `projects/p`).
pub fn parent_of(name: &str) -> &str {
    name.rsplit_once("/cases/").map(|(p, _)| p).unwrap_or(name)
}

/// A case of the API as the client shows cases. `domain` is the domain entry it was read
/// through. Google keeps no close time, comment or attachment counts, escalation details or
/// read markers: those are absent or zero.
pub fn to_case(case: GCase, domain: &str) -> Result<Case, String> {
    let name = case.name.clone().unwrap_or_default();
    let id = case_number(&name).ok_or_else(|| {
        format!("the API answered a case named '{name}', not PARENT/cases/NUMBER")
    })?;
    let parent = parent_of(&name).to_string();
    let created = case.create_time.unwrap_or(Timestamp::UNIX_EPOCH);
    let classification = case.classification.unwrap_or_default();
    Ok(Case {
        id,
        customer: parent.clone(),
        customer_display_name: parent,
        reseller_domain: domain.to_string(),
        product: PRODUCT_GOOGLE_CLOUD.to_string(),
        display_name: case.display_name.unwrap_or_default(),
        description: case.description.unwrap_or_default(),
        classification: Category {
            id: classification.id.unwrap_or_default(),
            display_name: classification.display_name.unwrap_or_default(),
            product: PRODUCT_GOOGLE_CLOUD.to_string(),
        },
        priority: priority_from_wire(case.priority.as_deref().unwrap_or_default()),
        state: state_from_wire(case.state.as_deref().unwrap_or_default()),
        language_code: case.language_code.unwrap_or_default(),
        time_zone: case.time_zone.unwrap_or_default(),
        escalated: case.escalated.unwrap_or(false),
        escalation: None,
        subscriber_email_addresses: case.subscriber_email_addresses.unwrap_or_default(),
        creator: GActor::who(&case.creator),
        create_time: created,
        update_time: case.update_time.unwrap_or(created),
        close_time: None,
        comment_count: 0,
        attachment_count: 0,
        unread: None,
        name,
    })
}

/// A comment as the client shows messages; `number` is its place in the case's list
/// (1 = oldest), which stands for its id (the API's comment ids are not numbers).
pub fn to_comment(case_id: u64, number: u64, comment: GComment) -> Comment {
    let support = comment
        .creator
        .as_ref()
        .and_then(|c| c.google_support)
        .unwrap_or(false);
    Comment {
        id: number,
        case_id,
        body: comment.body.or(comment.plain_text_body).unwrap_or_default(),
        author: GActor::who(&comment.creator),
        author_role: if support {
            AuthorRole::Support
        } else {
            AuthorRole::Reseller
        },
        create_time: comment.create_time.unwrap_or(Timestamp::UNIX_EPOCH),
    }
}

/// An attachment as the client shows it; `number` is its place in the case's list
/// (1 = oldest), which stands for its id. The API keeps no checksum: `sha256` is empty.
pub fn to_attachment(case_id: u64, number: u64, attachment: GAttachment) -> Attachment {
    Attachment {
        id: number,
        case_id,
        filename: attachment.filename.unwrap_or_default(),
        size_bytes: attachment.size_bytes.unwrap_or(0),
        sha256: String::new(),
        mime_type: attachment
            .mime_type
            .unwrap_or_else(|| "application/octet-stream".into()),
        creator: GActor::who(&attachment.creator),
        create_time: attachment.create_time.unwrap_or(Timestamp::UNIX_EPOCH),
    }
}

/// Items of a list in the order their numbers are given: oldest first, ties by name.
pub fn oldest_first<T>(items: &mut [T], key: impl Fn(&T) -> (Option<Timestamp>, String)) {
    items.sort_by_key(|item| key(item));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_is_the_default_filter_and_all_has_none() {
        assert_eq!(
            list_filter(None, None).unwrap().filter.as_deref(),
            Some("state=OPEN")
        );
        assert_eq!(list_filter(Some("all"), None).unwrap().filter, None);
        assert_eq!(
            list_filter(Some("closed"), None).unwrap().filter.as_deref(),
            Some("state=CLOSED")
        );
    }

    #[test]
    fn one_open_state_is_open_on_the_wire_and_kept_by_the_client() {
        let filter = list_filter(Some("action-required"), None).unwrap();
        assert_eq!(filter.filter.as_deref(), Some("state=OPEN"));
        assert_eq!(filter.only_state, Some(CaseState::ActionRequired));
    }

    #[test]
    fn severities_become_priorities_joined_with_or_in_parentheses() {
        let filter = list_filter(Some("open"), Some("P1,P2")).unwrap();
        assert_eq!(
            filter.filter.as_deref(),
            Some("state=OPEN AND (priority=P1 OR priority=P2)")
        );
        let one = list_filter(Some("all"), Some("P3")).unwrap();
        assert_eq!(one.filter.as_deref(), Some("priority=P3"));
        assert!(list_filter(Some("all"), Some("P9")).is_err());
        let p0 = list_filter(Some("all"), Some("P0,P1")).unwrap();
        assert_eq!(p0.filter.as_deref(), Some("(priority=P0 OR priority=P1)"));
    }

    #[test]
    fn keywords_are_one_quoted_global_restriction_before_the_filter() {
        let filter = list_filter(Some("open"), Some("P1")).unwrap();
        assert_eq!(
            search_query("  mail   \"bounce\" ", &filter),
            r#""mail \"bounce\"" AND state=OPEN AND priority=P1"#
        );
        assert_eq!(search_query("quota", &ListFilter::default()), r#""quota""#);
    }

    #[test]
    fn the_update_mask_names_exactly_the_fields_in_the_body() {
        let patch = CasePatch::default()
            .title("New title")
            .priority(Severity::P2);
        assert_eq!(
            patch.update_mask().as_deref(),
            Some("display_name,priority")
        );
        let body = serde_json::to_value(&patch.body).unwrap();
        assert_eq!(
            body,
            serde_json::json!({"displayName": "New title", "priority": "P2"})
        );
        let share = CasePatch::default().subscribers(vec!["a@example.com".into()]);
        assert_eq!(
            share.update_mask().as_deref(),
            Some("subscriber_email_addresses")
        );
    }

    #[test]
    fn an_empty_patch_has_no_mask_at_all() {
        assert_eq!(CasePatch::default().update_mask(), None);
    }

    #[test]
    fn states_and_priorities_map_both_ways() {
        assert_eq!(
            state_from_wire("IN_PROGRESS_GOOGLE_SUPPORT"),
            CaseState::InProgress
        );
        assert_eq!(
            state_from_wire("ACTION_REQUIRED"),
            CaseState::ActionRequired
        );
        assert_eq!(
            state_from_wire("SOLUTION_PROVIDED"),
            CaseState::SolutionProvided
        );
        assert_eq!(state_from_wire("CLOSED"), CaseState::Closed);
        assert_eq!(state_from_wire("NEW"), CaseState::New);
        for severity in Severity::ALL {
            assert_eq!(priority_from_wire(severity.as_str()), *severity);
        }
        assert_eq!(priority_from_wire("P0"), Severity::P0);
        assert_eq!(priority_from_wire("PRIORITY_UNSPECIFIED"), Severity::P4);
        assert_eq!(
            reason_to_wire(EscalationReason::BusinessImpact),
            "BUSINESS_IMPACT"
        );
    }

    #[test]
    fn google_errors_map_onto_the_reasons_of_the_exit_codes() {
        let cases = [
            ("INVALID_ARGUMENT", 400, ErrorReason::InvalidArgument),
            ("UNAUTHENTICATED", 401, ErrorReason::Unauthenticated),
            ("PERMISSION_DENIED", 403, ErrorReason::PrivilegeMissing),
            ("NOT_FOUND", 404, ErrorReason::NotFound),
            (
                "FAILED_PRECONDITION",
                400,
                ErrorReason::InvalidStateTransition,
            ),
            ("RESOURCE_EXHAUSTED", 429, ErrorReason::RateLimited),
            ("UNAVAILABLE", 503, ErrorReason::Unavailable),
            ("INTERNAL", 500, ErrorReason::Internal),
        ];
        for (status, code, reason) in cases {
            let body =
                format!(r#"{{"error":{{"code":{code},"message":"m","status":"{status}"}}}}"#);
            let error = api_error(code, body.as_bytes()).unwrap();
            assert_eq!(error.reason, reason, "{status}");
            assert_eq!(error.http_status, code);
            assert_eq!(error.message, "m");
        }
        assert!(api_error(500, b"<html>").is_none());
    }

    #[test]
    fn case_names_give_their_number_and_parent() {
        assert_eq!(case_number("projects/p-1/cases/123"), Some(123));
        assert_eq!(case_number("organizations/9/cases/x"), None);
        assert_eq!(case_number("cases/1"), None);
        assert_eq!(parent_of("organizations/9/cases/5"), "organizations/9");
    }

    #[test]
    fn a_google_case_reads_as_a_case_of_its_parent() {
        let case: GCase = serde_json::from_value(serde_json::json!({
            "name": "projects/acme-prod/cases/4242",
            "displayName": "VM down",
            "classification": {"id": "c1", "displayName": "Compute > VM"},
            "priority": "P2",
            "state": "ACTION_REQUIRED",
            "createTime": "2026-01-02T03:04:05Z",
            "creator": {"email": "ops@acme.example", "googleSupport": false},
            "subscriberEmailAddresses": ["a@acme.example"]
        }))
        .unwrap();
        let case = to_case(case, "cloud.example.com").unwrap();
        assert_eq!(case.id, 4242);
        assert_eq!(case.customer, "projects/acme-prod");
        assert_eq!(case.priority, Severity::P2);
        assert_eq!(case.state, CaseState::ActionRequired);
        assert_eq!(case.creator, "ops@acme.example");
        assert_eq!(case.update_time, case.create_time);
        assert_eq!(case.classification.display_name, "Compute > VM");
    }

    #[test]
    fn attachment_sizes_are_read_from_int64_strings() {
        let attachment: GAttachment =
            serde_json::from_str(r#"{"filename":"a.txt","sizeBytes":"1234"}"#).unwrap();
        assert_eq!(to_attachment(1, 1, attachment).size_bytes, 1234);
    }
}
