//! The reseller portal's rules as plain functions: who may see and do what, and how a case
//! moves. Handlers call these; nothing here touches HTTP or SQL.

use jiff::{SignedDuration, Timestamp};
use sha2::{Digest, Sha256};

use crate::error::{ApiResult, Failure};
use rsupport_api::error::ErrorReason;
use rsupport_api::text;
use rsupport_api::types::{
    Case, CaseState, CreateCaseRequest, Customer, Privilege, Role, SupportPlan,
};

/// How long after closing a case may be reopened.
pub const REOPEN_WINDOW: SignedDuration = SignedDuration::from_hours(30 * 24);
pub const DEFAULT_LANGUAGE: &str = "en-US";
pub const DEFAULT_TIME_ZONE: &str = "UTC";
pub use rsupport_api::text::{MAX_TEXT_CHARS, MAX_TITLE_CHARS};

/// Who is calling, as the token says.
#[derive(Debug, Clone, PartialEq)]
pub struct Caller {
    pub user_id: i64,
    pub email: String,
    /// The reseller domain; `None` for a support agent.
    pub domain: Option<String>,
    pub role: Role,
    pub privileges: Vec<Privilege>,
}

impl Caller {
    pub fn is_agent(&self) -> bool {
        self.role == Role::Agent
    }
}

/// Checks the privileges a reseller route needs, `support` first; agents pass (their routes
/// are limited by [`reseller_domain`] and [`require_agent`] instead).
pub fn require_privileges(caller: &Caller, needed: &[Privilege], what: &str) -> ApiResult<()> {
    if caller.is_agent() {
        return Ok(());
    }
    let mut ordered = vec![Privilege::Support];
    ordered.extend(needed.iter().copied().filter(|p| *p != Privilege::Support));
    match ordered.into_iter().find(|p| !caller.privileges.contains(p)) {
        Some(missing) => Err(Failure::privilege_missing(missing, what)),
        None => Ok(()),
    }
}

/// The caller's reseller domain, for routes only reseller users may call.
pub fn reseller_domain<'a>(caller: &'a Caller, what: &str) -> ApiResult<&'a str> {
    caller
        .domain
        .as_deref()
        .filter(|_| !caller.is_agent())
        .ok_or_else(|| {
            Failure::new(
                ErrorReason::ResellerOnly,
                format!("only reseller users can {what}; support agents act on existing cases"),
            )
        })
}

pub fn require_agent(caller: &Caller, what: &str) -> ApiResult<()> {
    if caller.is_agent() {
        Ok(())
    } else {
        Err(Failure::new(
            ErrorReason::AgentOnly,
            format!(
                "only support agents can {what}; resellers close and reopen cases with `rsupport case close` / `reopen`"
            ),
        ))
    }
}

/// A case is visible to the reseller domain that filed it, and to support agents.
pub fn can_see_case(caller: &Caller, case: &Case) -> bool {
    caller.is_agent() || caller.domain.as_deref() == Some(case.reseller_domain.as_str())
}

/// A customer is visible to the reseller domain that manages it now.
pub fn can_see_customer(caller: &Caller, customer: &Customer) -> bool {
    caller.domain.as_deref() == Some(customer.reseller_domain.as_str())
}

fn access_not_granted(customer: &Customer) -> Failure {
    Failure::new(
        ErrorReason::CustomerAccessNotGranted,
        format!(
            "customer '{}' ({}) has not granted your reseller domain access to its account, so cases cannot be filed or managed for it; the customer must grant the reseller access in its Google Admin console",
            customer.id, customer.display_name
        ),
    )
    .with(|d| d.customer = Some(customer.id.clone()))
}

/// The answer for a customer the caller's domain does not manage (now): "moved to another
/// reseller" when the domain filed cases for it (so it managed it once), else "not found",
/// so nothing is said about other resellers' customers.
pub fn customer_not_managed(id: &str, filed_before: bool) -> Failure {
    if filed_before {
        Failure::customer_moved(id)
    } else {
        Failure::customer_not_found(id)
    }
}

/// Filing a case needs a customer the domain manages now and that granted access;
/// `filed_before` says whether the domain filed cases for it (a customer that moved away).
pub fn check_can_file_for(domain: &str, customer: &Customer, filed_before: bool) -> ApiResult<()> {
    if customer.reseller_domain != domain {
        return Err(customer_not_managed(&customer.id, filed_before));
    }
    if !customer.access_granted {
        return Err(access_not_granted(customer));
    }
    Ok(())
}

/// Writing to a filed case needs the grant while the domain manages the customer; a customer
/// that moved away keeps its old cases writable by the domain that filed them.
pub fn check_can_write_for(caller: &Caller, customer: &Customer) -> ApiResult<()> {
    if caller.domain.as_deref() == Some(customer.reseller_domain.as_str())
        && !customer.access_granted
    {
        return Err(access_not_granted(customer));
    }
    Ok(())
}

/// A closed case refuses changes; the message says the way out that still exists: reopening
/// while the 30-day window is open, a new case once it has passed.
fn case_closed(case: &Case, what: &str, now: Timestamp) -> Failure {
    let deadline = case.close_time.map(reopen_deadline);
    let way_out = match deadline {
        Some(deadline) if now > deadline => format!(
            "it can no longer be reopened (the 30-day window ended {}): file a new case with `rsupport case create` instead",
            deadline.strftime("%Y-%m-%d %H:%M UTC")
        ),
        Some(deadline) => format!(
            "reopen it first with `rsupport case reopen {}` (possible until {})",
            case.id,
            deadline.strftime("%Y-%m-%d %H:%M UTC")
        ),
        None => format!("reopen it first with `rsupport case reopen {}`", case.id),
    };
    Failure::new(
        ErrorReason::CaseClosed,
        format!(
            "case {} is closed, so you cannot {what}; {way_out}",
            case.id
        ),
    )
}

pub fn check_open(case: &Case, what: &str, now: Timestamp) -> ApiResult<()> {
    if case.state == CaseState::Closed {
        Err(case_closed(case, what, now))
    } else {
        Ok(())
    }
}

/// The last moment a case closed at `closed` may be reopened.
pub fn reopen_deadline(closed: Timestamp) -> Timestamp {
    closed.saturating_add(REOPEN_WINDOW).unwrap_or(closed)
}

pub fn check_reopen(case: &Case, now: Timestamp) -> ApiResult<()> {
    let Some(closed) = case.close_time.filter(|_| case.state == CaseState::Closed) else {
        return Err(Failure::new(
            ErrorReason::CaseNotClosed,
            format!(
                "case {} is not closed (it is {}), so there is nothing to reopen",
                case.id, case.state
            ),
        ));
    };
    let deadline = reopen_deadline(closed);
    if now > deadline {
        return Err(Failure::new(
            ErrorReason::ReopenWindowExpired,
            format!(
                "case {} was closed on {} and could be reopened only until {} (30 days); file a new case instead: rsupport case create --on-behalf-of {} --title \"...\"",
                case.id,
                closed.strftime("%Y-%m-%d %H:%M UTC"),
                deadline.strftime("%Y-%m-%d %H:%M UTC"),
                case.customer
            ),
        )
        .with(|d| {
            d.close_time = Some(closed);
            d.reopen_deadline = Some(deadline);
        }));
    }
    Ok(())
}

/// Escalation needs a premium customer and an open case. A closed case is refused with `why`
/// `closed` while it can still be reopened, `reopen-window-expired` after (then only a new
/// case helps), with its close time and reopen deadline.
pub fn check_escalate(case: &Case, customer: &Customer, now: Timestamp) -> ApiResult<()> {
    let refuse = |why: &str, message: String| {
        Failure::new(ErrorReason::EscalationNotAllowed, message).with(|d| {
            d.why = Some(why.to_string());
            d.customer = Some(customer.id.clone());
        })
    };
    if customer.plan != SupportPlan::Premium {
        return Err(refuse(
            "plan",
            format!(
                "case {} cannot be escalated: customer '{}' is on the {} plan and only premium customers can escalate",
                case.id, customer.id, customer.plan
            ),
        ));
    }
    if case.state == CaseState::Closed {
        let closed = case.close_time.unwrap_or(case.update_time);
        let deadline = reopen_deadline(closed);
        let refusal = if now > deadline {
            refuse(
                "reopen-window-expired",
                format!(
                    "case {} is closed and cannot be escalated; it was closed on {}, more than 30 days ago, so it cannot be reopened either: file a new case",
                    case.id,
                    closed.strftime("%Y-%m-%d %H:%M UTC")
                ),
            )
        } else {
            refuse(
                "closed",
                format!(
                    "case {} is closed and cannot be escalated; reopen it first (possible until {})",
                    case.id,
                    deadline.strftime("%Y-%m-%d %H:%M UTC")
                ),
            )
        };
        return Err(refusal.with(|d| {
            d.close_time = Some(closed);
            d.reopen_deadline = Some(deadline);
        }));
    }
    if case.escalated {
        return Err(refuse(
            "already-escalated",
            format!("case {} is already escalated", case.id),
        ));
    }
    Ok(())
}

/// The justification of an escalation: why the case needs more attention.
pub fn validate_justification(justification: &str) -> ApiResult<String> {
    check_text(
        "justification",
        "the justification (say why the case needs more attention)",
        justification,
        text::MAX_JUSTIFICATION_CHARS,
    )?;
    Ok(justification.to_string())
}

/// A reseller message answers support: a case waiting on the reseller goes back to support.
pub fn state_after_reseller_comment(state: CaseState) -> Option<CaseState> {
    match state {
        CaseState::ActionRequired | CaseState::SolutionProvided => Some(CaseState::InProgress),
        _ => None,
    }
}

/// A support agent moves a case: any state but the one it is in. Answers the close time the
/// case has afterwards (set when closing, kept while closed, cleared when leaving closed).
pub fn agent_state_change(
    case: &Case,
    to: CaseState,
    now: Timestamp,
) -> ApiResult<Option<Timestamp>> {
    if case.state == to {
        return Err(Failure::new(
            ErrorReason::InvalidStateTransition,
            format!("case {} is already {to}", case.id),
        ));
    }
    Ok(if to == CaseState::Closed {
        Some(now)
    } else {
        None
    })
}

/// A title: text of at most [`MAX_TITLE_CHARS`] characters ([`text::TEXT_PATTERN`]), kept on one
/// line: blanks at either end are dropped and each run of newlines or tabs becomes a space.
pub fn validate_title(title: &str) -> ApiResult<String> {
    check_text("displayName", "the title", title, MAX_TITLE_CHARS)?;
    let mut one_line = String::with_capacity(title.len());
    for c in text::trim_blanks(title).chars() {
        match c {
            '\n' | '\t' if one_line.ends_with(' ') => {}
            '\n' | '\t' => one_line.push(' '),
            c => one_line.push(c),
        }
    }
    Ok(one_line)
}

/// Free text (a description, a message, a justification), kept as given: the rule of
/// [`text::TEXT_PATTERN`] with at most `max` characters.
pub fn validate_text(field: &str, text: &str, max: usize) -> ApiResult<String> {
    check_text(field, field, text, max)?;
    Ok(text.to_string())
}

fn check_text(field: &str, what: &str, value: &str, max: usize) -> ApiResult<()> {
    match text::text_problem(value, max) {
        None => Ok(()),
        Some(problem) => Err(Failure::invalid(field, format!("{what} {problem}"))),
    }
}

/// A BCP 47 language tag ([`text::LANGUAGE_PATTERN`]), `en-US` when none is given.
pub fn validate_language(tag: Option<&str>) -> ApiResult<String> {
    let tag = tag.unwrap_or(DEFAULT_LANGUAGE);
    if !text::is_language_tag(tag) {
        return Err(Failure::invalid(
            "languageCode",
            format!(
                "'{}' is not a BCP 47 language tag such as en-US or it",
                tag.escape_default()
            ),
        ));
    }
    Ok(tag.to_string())
}

/// An IANA time zone of the server's bundled database ([`time_zone_names`]), `UTC` when none
/// is given.
pub fn validate_time_zone(tz: Option<&str>) -> ApiResult<String> {
    let tz = tz.unwrap_or(DEFAULT_TIME_ZONE);
    if !time_zone_names().iter().any(|name| name == tz) {
        return Err(Failure::invalid(
            "timeZone",
            format!(
                "'{}' is not an IANA time zone such as Europe/Rome or UTC",
                tz.escape_default()
            ),
        ));
    }
    Ok(tz.to_string())
}

/// The IANA time zones a case may be in: the names of the database bundled with the server
/// (the same on every machine, so the OpenAPI document lists them), sorted.
pub fn time_zone_names() -> &'static [String] {
    static NAMES: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        let mut names: Vec<String> = jiff::tz::TimeZoneDatabase::bundled()
            .available()
            .map(|name| name.as_str().to_string())
            .collect();
        names.sort();
        names.dedup();
        names
    });
    &NAMES
}

/// An email of a user or group ([`text::EMAIL_PATTERN`]).
pub fn is_valid_email(email: &str) -> bool {
    text::is_valid_email(email)
}

/// Checks a list of emails ([`text::EMAIL_PATTERN`]) and lowercases them.
pub fn validate_emails(field: &str, emails: &[String]) -> ApiResult<Vec<String>> {
    emails
        .iter()
        .map(|e| {
            if is_valid_email(e) {
                Ok(e.to_ascii_lowercase())
            } else {
                Err(Failure::invalid(
                    field,
                    format!(
                        "'{}' is not a valid email address of a user or group",
                        e.escape_default()
                    ),
                ))
            }
        })
        .collect()
}

/// Subscribers after a share: additions appended (no duplicates), removals taken out.
pub fn apply_share(current: &[String], add: &[String], remove: &[String]) -> Vec<String> {
    let mut out: Vec<String> = current
        .iter()
        .filter(|e| !remove.contains(e))
        .cloned()
        .collect();
    for e in add {
        if !out.contains(e) && !remove.contains(e) {
            out.push(e.clone());
        }
    }
    out
}

/// A create request with its defaults applied and its fields validated.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ValidCreate {
    pub customer: String,
    pub display_name: String,
    pub description: String,
    pub classification: String,
    pub priority: rsupport_api::types::Severity,
    pub language_code: String,
    pub time_zone: String,
    pub subscribers: Vec<String>,
}

impl ValidCreate {
    /// Same normalised body, same fingerprint: what makes a retried create idempotent.
    pub fn fingerprint(&self) -> String {
        let canonical = serde_json::to_vec(self).unwrap_or_default();
        hex::encode(Sha256::digest(&canonical))
    }

    /// The fields (wire names) in which this create differs from `case` as stored now, with
    /// both values where they are short: what an idempotency conflict names.
    pub fn differences(&self, case: &rsupport_api::types::Case) -> Vec<String> {
        let mut found = Vec::new();
        let mut short = |field: &str, there: &str, here: &str| {
            if there != here {
                found.push(format!("{field}: '{there}' there, '{here}' here"));
            }
        };
        short("customer", &case.customer, &self.customer);
        short(
            "classification",
            &case.classification.id,
            &self.classification,
        );
        short("priority", case.priority.as_str(), self.priority.as_str());
        short("languageCode", &case.language_code, &self.language_code);
        short("timeZone", &case.time_zone, &self.time_zone);
        if case.display_name != self.display_name {
            found.push("displayName".to_string());
        }
        if case.description != self.description {
            found.push("description".to_string());
        }
        if case.subscriber_email_addresses != self.subscribers {
            found.push("subscriberEmailAddresses".to_string());
        }
        found
    }
}

pub fn validate_create(request: &CreateCaseRequest) -> ApiResult<ValidCreate> {
    check_text(
        "requestId",
        "requestId (a UUID the client chooses)",
        &request.request_id,
        text::MAX_REQUEST_ID_CHARS,
    )?;
    Ok(ValidCreate {
        customer: request.customer.trim().to_string(),
        display_name: validate_title(&request.display_name)?,
        description: validate_text("description", &request.description, MAX_TEXT_CHARS)?,
        classification: request.classification.trim().to_string(),
        priority: request.priority,
        language_code: validate_language(request.language_code.as_deref())?,
        time_zone: validate_time_zone(request.time_zone.as_deref())?,
        subscribers: validate_emails(
            "subscriberEmailAddresses",
            &request.subscriber_email_addresses,
        )?,
    })
}

/// The keywords of a query: its words (runs of letters and digits), lowercase; each must
/// match as a word prefix. Empty when the query has no letter or digit.
pub fn keywords(query: &str) -> Vec<String> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rsupport_api::types::{Category, Contact, Severity};

    fn reseller(privileges: &[Privilege]) -> Caller {
        Caller {
            user_id: 1,
            email: "ada@reseller.example.com".into(),
            domain: Some("reseller.example.com".into()),
            role: Role::Reseller,
            privileges: privileges.to_vec(),
        }
    }

    fn customer(plan: SupportPlan, granted: bool, domain: &str) -> Customer {
        Customer {
            id: "acme".into(),
            display_name: "Acme".into(),
            primary_domain: "acme.example".into(),
            reseller_domain: domain.into(),
            plan,
            access_granted: granted,
            contact: Contact {
                name: "A".into(),
                email: "a@acme.example".into(),
                phone: None,
            },
        }
    }

    fn case(state: CaseState, close_time: Option<Timestamp>) -> Case {
        Case {
            id: 7,
            name: "cases/7".into(),
            customer: "acme".into(),
            customer_display_name: "Acme".into(),
            reseller_domain: "reseller.example.com".into(),
            product: "google-workspace".into(),
            display_name: "t".into(),
            description: "d".into(),
            classification: Category {
                id: "gmail-delivery".into(),
                display_name: "Gmail > Delivery".into(),
                product: "google-workspace".into(),
            },
            priority: Severity::P2,
            state,
            language_code: "en-US".into(),
            time_zone: "UTC".into(),
            escalated: false,
            escalation: None,
            subscriber_email_addresses: vec![],
            creator: "ada@reseller.example.com".into(),
            create_time: Timestamp::UNIX_EPOCH,
            update_time: Timestamp::UNIX_EPOCH,
            close_time,
            comment_count: 0,
            attachment_count: 0,
            unread: None,
        }
    }

    #[test]
    fn missing_support_privilege_is_named_before_any_other() {
        let err = require_privileges(&reseller(&[]), &[Privilege::CasesAccess], "list cases")
            .unwrap_err();
        assert_eq!(err.0.error.details.privilege, Some(Privilege::Support));
    }

    #[test]
    fn missing_cases_access_is_named() {
        let err = require_privileges(
            &reseller(&[Privilege::Support]),
            &[Privilege::CasesAccess],
            "list cases",
        )
        .unwrap_err();
        assert_eq!(err.reason(), ErrorReason::PrivilegeMissing);
        assert_eq!(err.0.error.details.privilege, Some(Privilege::CasesAccess));
        assert!(err.0.error.message.contains("cases.access"));
    }

    #[test]
    fn filing_without_the_grant_is_refused_naming_the_admin_console() {
        let err = check_can_file_for(
            "reseller.example.com",
            &customer(SupportPlan::Premium, false, "reseller.example.com"),
            false,
        )
        .unwrap_err();
        assert_eq!(err.reason(), ErrorReason::CustomerAccessNotGranted);
        assert!(err.0.error.message.contains("Admin console"));
    }

    #[test]
    fn filing_for_another_domains_customer_is_not_found() {
        let err = check_can_file_for(
            "reseller.example.com",
            &customer(SupportPlan::Premium, true, "partner.example.net"),
            false,
        )
        .unwrap_err();
        assert_eq!(err.reason(), ErrorReason::CustomerNotFound);
        assert!(!err.0.error.message.contains("moved"));
    }

    #[test]
    fn filing_for_a_customer_that_moved_away_says_it_moved() {
        let err = check_can_file_for(
            "reseller.example.com",
            &customer(SupportPlan::Premium, true, "partner.example.net"),
            true,
        )
        .unwrap_err();
        assert_eq!(err.reason(), ErrorReason::CustomerNotFound);
        assert_eq!(err.0.error.details.why.as_deref(), Some("moved"));
        assert!(err.0.error.message.contains("moved to another reseller"));
    }

    #[test]
    fn a_moved_customer_keeps_its_old_cases_writable_by_the_filing_domain() {
        let moved = customer(SupportPlan::Standard, false, "partner.example.net");
        assert!(check_can_write_for(&reseller(Privilege::ALL), &moved).is_ok());
    }

    #[test]
    fn reopen_within_thirty_days_is_allowed() {
        let closed: Timestamp = "2026-01-01T00:00:00Z".parse().unwrap();
        let now: Timestamp = "2026-01-30T23:00:00Z".parse().unwrap();
        assert!(check_reopen(&case(CaseState::Closed, Some(closed)), now).is_ok());
    }

    #[test]
    fn reopen_after_thirty_days_is_refused_with_the_close_date() {
        let closed: Timestamp = "2026-01-01T00:00:00Z".parse().unwrap();
        let now: Timestamp = "2026-02-01T00:00:01Z".parse().unwrap();
        let err = check_reopen(&case(CaseState::Closed, Some(closed)), now).unwrap_err();
        assert_eq!(err.reason(), ErrorReason::ReopenWindowExpired);
        assert_eq!(err.0.error.details.close_time, Some(closed));
        assert_eq!(
            err.0.error.details.reopen_deadline,
            Some("2026-01-31T00:00:00Z".parse().unwrap())
        );
        assert!(err.0.error.message.contains("file a new case"));
    }

    #[test]
    fn reopen_of_an_open_case_is_refused() {
        let err = check_reopen(&case(CaseState::InProgress, None), Timestamp::now()).unwrap_err();
        assert_eq!(err.reason(), ErrorReason::CaseNotClosed);
    }

    #[test]
    fn escalation_needs_the_premium_plan() {
        let err = check_escalate(
            &case(CaseState::New, None),
            &customer(SupportPlan::Enhanced, true, "reseller.example.com"),
            Timestamp::UNIX_EPOCH,
        )
        .unwrap_err();
        assert_eq!(err.0.error.details.why.as_deref(), Some("plan"));
    }

    #[test]
    fn a_closed_case_refuses_changes_naming_the_way_out_that_is_left() {
        let closed = case(CaseState::Closed, Some(Timestamp::UNIX_EPOCH));
        let within = check_open(&closed, "comment on it", Timestamp::UNIX_EPOCH).unwrap_err();
        assert_eq!(within.0.error.reason, ErrorReason::CaseClosed);
        assert!(
            within.0.error.message.contains("reopen it first")
                && within.0.error.message.contains("possible until 1970-01-31"),
            "{}",
            within.0.error.message
        );
        let later = Timestamp::UNIX_EPOCH + REOPEN_WINDOW + SignedDuration::from_secs(1);
        let past = check_open(&closed, "comment on it", later).unwrap_err();
        assert_eq!(past.0.error.reason, ErrorReason::CaseClosed);
        assert!(
            !past.0.error.message.contains("reopen it first")
                && past.0.error.message.contains("file a new case"),
            "{}",
            past.0.error.message
        );
        assert!(check_open(&case(CaseState::New, None), "comment on it", later).is_ok());
    }

    #[test]
    fn escalation_of_a_closed_case_is_refused() {
        let err = check_escalate(
            &case(CaseState::Closed, Some(Timestamp::UNIX_EPOCH)),
            &customer(SupportPlan::Premium, true, "reseller.example.com"),
            Timestamp::UNIX_EPOCH,
        )
        .unwrap_err();
        assert_eq!(err.0.error.details.why.as_deref(), Some("closed"));
        assert!(err.0.error.message.contains("reopen it first"));
    }

    #[test]
    fn escalation_of_a_case_past_its_reopen_window_says_to_file_a_new_one() {
        let later = Timestamp::UNIX_EPOCH + REOPEN_WINDOW + SignedDuration::from_secs(1);
        let err = check_escalate(
            &case(CaseState::Closed, Some(Timestamp::UNIX_EPOCH)),
            &customer(SupportPlan::Premium, true, "reseller.example.com"),
            later,
        )
        .unwrap_err();
        let error = &err.0.error;
        assert_eq!(error.details.why.as_deref(), Some("reopen-window-expired"));
        assert!(
            !error.message.contains("reopen it first"),
            "{}",
            error.message
        );
        assert!(
            error.message.contains("file a new case"),
            "{}",
            error.message
        );
        assert_eq!(
            error.details.reopen_deadline,
            Some(Timestamp::UNIX_EPOCH + REOPEN_WINDOW)
        );
    }

    #[test]
    fn escalating_twice_is_refused() {
        let mut escalated = case(CaseState::InProgress, None);
        escalated.escalated = true;
        let err = check_escalate(
            &escalated,
            &customer(SupportPlan::Premium, true, "reseller.example.com"),
            Timestamp::UNIX_EPOCH,
        )
        .unwrap_err();
        assert_eq!(
            err.0.error.details.why.as_deref(),
            Some("already-escalated")
        );
    }

    #[test]
    fn escalation_needs_a_justification() {
        let err = validate_justification(" \n ").unwrap_err();
        assert_eq!(err.0.error.details.field.as_deref(), Some("justification"));
        let err = validate_justification("urgent\u{1b}[2J").unwrap_err();
        assert!(
            err.0.error.message.contains("U+001B"),
            "{:?}",
            err.0.error.message
        );
    }

    #[test]
    fn a_reseller_reply_hands_a_waiting_case_back_to_support() {
        assert_eq!(
            state_after_reseller_comment(CaseState::ActionRequired),
            Some(CaseState::InProgress)
        );
        assert_eq!(
            state_after_reseller_comment(CaseState::SolutionProvided),
            Some(CaseState::InProgress)
        );
        assert_eq!(state_after_reseller_comment(CaseState::New), None);
    }

    #[test]
    fn emails_are_checked_syntactically() {
        assert!(is_valid_email("it-team@acme.example"));
        assert!(!is_valid_email("not an email"));
        assert!(!is_valid_email("a@b"));
        assert!(!is_valid_email("@acme.example"));
    }

    #[test]
    fn language_and_time_zone_default_and_validate() {
        assert_eq!(validate_language(None).unwrap(), "en-US");
        assert!(validate_language(Some("it")).is_ok());
        assert!(validate_language(Some("english please")).is_err());
        assert_eq!(validate_time_zone(None).unwrap(), "UTC");
        assert!(validate_time_zone(Some("Europe/Rome")).is_ok());
        assert_eq!(
            validate_time_zone(Some("Mars/Olympus"))
                .unwrap_err()
                .0
                .error
                .details
                .field
                .as_deref(),
            Some("timeZone")
        );
    }

    #[test]
    fn titles_are_trimmed_and_bounded() {
        assert_eq!(validate_title("  Mail bounces ").unwrap(), "Mail bounces");
        assert!(validate_title("   ").is_err());
        assert!(validate_title(&"x".repeat(201)).is_err());
    }

    #[test]
    fn share_adds_once_and_removes() {
        let now = apply_share(&["a@x.io".into()], &["b@x.io".into(), "a@x.io".into()], &[]);
        assert_eq!(now, vec!["a@x.io".to_string(), "b@x.io".to_string()]);
        assert_eq!(
            apply_share(&now, &[], &["a@x.io".into()]),
            vec!["b@x.io".to_string()]
        );
    }

    #[test]
    fn keywords_are_the_words_of_a_query_lowercase() {
        assert_eq!(
            keywords("Bounce \"gmail\"-Relay"),
            ["bounce", "gmail", "relay"]
        );
        assert!(keywords(" \"*(- 🎉 ").is_empty());
    }
}
