//! The case routes: list and search, file (idempotently), view, update, close, reopen,
//! escalate, share, and the agents' state route.

use crate::store::Tx;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use jiff::Timestamp;
use serde::Serialize;

use crate::AppState;
use crate::auth::{self, Auth, Bearer, Clock};
use crate::catalogue;
use crate::error::{ApiResult, Failure};
use crate::handlers::{CaseId, PageToken, QueryArgs, SizedJson, fingerprint, page_size};
use crate::rules::{self, Caller};
use crate::store::{CaseCursor, CaseFilter, NewCase};
use rsupport_api::error::ErrorBody;
use rsupport_api::error::ErrorReason;
use rsupport_api::types::{
    AuthorRole, Case, CaseActionRequest, CaseList, CaseOrder, CaseState, CreateCaseRequest,
    Customer, EscalateCaseRequest, Escalation, EscalationReason, ListCasesQuery,
    MarkCaseReadRequest, Privilege, SetCaseStateRequest, Severity, ShareCaseRequest,
    StateChangeVia, StateFilter, UpdateCaseRequest, WriteQuery, severities_from_wire,
};

const CASES: &[Privilege] = &[Privilege::Support, Privilege::CasesAccess];

/// Loads a case the caller may see; any other case is "not found", never "forbidden".
pub fn visible_case(conn: &dyn Tx, caller: &Caller, id: u64) -> ApiResult<Case> {
    conn.find_case(id)?
        .filter(|case| rules::can_see_case(caller, case))
        .ok_or_else(|| Failure::case_not_found(id))
}

/// The case as `caller` sees it: for a reseller user, with `unread` from their read marker.
pub fn seen_by(conn: &dyn Tx, caller: &Caller, mut case: Case) -> ApiResult<Case> {
    if !caller.is_agent() {
        case.unread = Some(conn.case_unread(caller.user_id, case.id)?);
    }
    Ok(case)
}

fn customer_of(conn: &dyn Tx, case: &Case) -> ApiResult<Customer> {
    conn.find_customer(&case.customer)?
        .ok_or_else(|| Failure::customer_not_found(&case.customer))
}

/// The checks every reseller write on a case starts with: a reseller user with the case
/// privileges, a case of its domain, a customer that granted access (while managed by it).
pub fn writable_case(
    conn: &dyn Tx,
    caller: &Caller,
    id: u64,
    what: &str,
) -> ApiResult<(Case, Customer)> {
    rules::reseller_domain(caller, what)?;
    rules::require_privileges(caller, CASES, what)?;
    let case = visible_case(conn, caller, id)?;
    let customer = customer_of(conn, &case)?;
    rules::check_can_write_for(caller, &customer)?;
    Ok((case, customer))
}

#[derive(Serialize)]
struct FilterKey<'a> {
    domain: &'a Option<String>,
    customer: &'a Option<String>,
    state: String,
    priorities: Vec<&'static str>,
    query: &'a [String],
    updated_since: Option<Timestamp>,
    created_since: Option<Timestamp>,
    order: CaseOrder,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    unread: bool,
}

#[utoipa::path(
    get,
    path = "/v1/cases",
    operation_id = "listCases",
    tag = "cases",
    summary = "List and search the cases filed by the domain",
    params(ListCasesQuery),
    responses(
        (status = 200, description = "One page of cases; with `includeCounts=true` the first page also carries `stateCounts`", body = CaseList),
        (status = "default", description = "An error: `error.reason` says which (see the ErrorReason schema)", body = ErrorBody),
    ),
)]
pub async fn list(
    State(state): State<AppState>,
    auth: Auth,
    QueryArgs(query): QueryArgs<ListCasesQuery>,
) -> ApiResult<SizedJson<CaseList>> {
    rules::require_privileges(&auth.caller, CASES, "see cases")?;
    let state_filter = match query.state.as_deref() {
        None => StateFilter::Open,
        Some(s) => StateFilter::from_wire(s).ok_or_else(|| {
            Failure::invalid(
                "state",
                format!(
                    "'{}' is not a state filter: expected one of {}",
                    s.escape_default(),
                    StateFilter::wire_values().join(", ")
                ),
            )
        })?,
    };
    let mut priorities = match query.priority.as_deref() {
        None => Vec::new(),
        Some(p) => severities_from_wire(p).map_err(|e| Failure::invalid("priority", e))?,
    };
    priorities.sort();
    priorities.dedup();
    let keywords = query
        .query
        .as_deref()
        .map(rules::keywords)
        .unwrap_or_default();
    if let Some(q) = query.query.as_deref().filter(|q| !q.is_empty())
        && keywords.is_empty()
    {
        return Err(Failure::invalid(
            "query",
            format!(
                "'{}' has no letter or digit to search for: give one or more words",
                q.escape_default()
            ),
        ));
    }
    let customer = query
        .customer
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty());
    let order = query.order_by.unwrap_or_default();
    let unread_only = query.unread == Some(true);
    if unread_only && auth.caller.is_agent() {
        return Err(Failure::invalid(
            "unread",
            "unread=true lists what a reseller user has not read; support agents have no read markers",
        ));
    }
    let filter = CaseFilter {
        reseller_domain: auth
            .caller
            .domain
            .clone()
            .filter(|_| !auth.caller.is_agent()),
        customer,
        state: state_filter,
        priorities,
        keywords,
        updated_since: query.updated_since,
        created_since: query.created_since,
        order,
        viewer: (!auth.caller.is_agent()).then_some(auth.caller.user_id),
        unread_only,
    };
    let filters = fingerprint(&FilterKey {
        domain: &filter.reseller_domain,
        customer: &filter.customer,
        state: filter.state.to_string(),
        priorities: filter.priorities.iter().map(|p| p.as_str()).collect(),
        query: &filter.keywords,
        updated_since: filter.updated_since,
        created_since: filter.created_since,
        order,
        unread: unread_only,
    });
    let token = match &query.page_token {
        Some(t) if !t.trim().is_empty() => Some(PageToken::<CaseCursor>::decode(t, &filters)?),
        _ => None,
    };
    let limit = page_size(query.page_size)?;
    let include_counts = query.include_counts == Some(true) && token.is_none();
    state
        .read(move |tx| {
            if let (Some(customer), Some(domain)) = (&filter.customer, &filter.reseller_domain) {
                check_customer_filter(tx, domain, customer)?;
            }
            let state_counts = if include_counts {
                let counts = tx.count_cases_by_state(&filter)?;
                Some(
                    counts
                        .into_iter()
                        .map(|(state, n)| (state.as_str().to_string(), n))
                        .collect(),
                )
            } else {
                None
            };
            let page = tx.list_cases(
                &filter,
                token.as_ref().and_then(|t| t.as_of),
                token.as_ref().map(|t| t.cursor),
                limit,
            )?;
            let next_page_token = page.next.map(|cursor| {
                PageToken {
                    cursor,
                    as_of: Some(page.as_of),
                    filters: filters.clone(),
                }
                .encode()
            });
            // what a case's JSON holds besides its title and description, with room to spare
            let capacity = page
                .cases
                .iter()
                .map(|c| c.display_name.len() + c.description.len() + 900)
                .sum::<usize>()
                + 512;
            Ok(SizedJson {
                value: CaseList {
                    cases: page.cases,
                    next_page_token,
                    state_counts,
                },
                capacity,
            })
        })
        .await
}

/// Filtering on a customer that the domain neither manages nor ever filed for is a mistake
/// worth saying so; a customer that moved away still lists the domain's old cases.
pub fn check_customer_filter(conn: &dyn Tx, domain: &str, customer: &str) -> ApiResult<()> {
    let managed = conn
        .find_customer(customer)?
        .is_some_and(|c| c.reseller_domain == domain);
    if managed || conn.domain_filed_for(domain, customer)? {
        Ok(())
    } else {
        Err(Failure::customer_not_found(customer))
    }
}

#[utoipa::path(
    get,
    path = "/v1/cases/{case}",
    operation_id = "getCase",
    tag = "cases",
    summary = "One case",
    params(("case" = u64, Path, description = "The case id")),
    responses(
        (status = 200, description = "The case", body = Case),
        (status = "default", description = "An error: `error.reason` says which (see the ErrorReason schema)", body = ErrorBody),
    ),
)]
pub async fn get(
    State(state): State<AppState>,
    Bearer(token): Bearer,
    id: Result<CaseId, Failure>,
) -> ApiResult<Json<Case>> {
    let dev_mode = state.config.dev_mode;
    // The token and the case in one read (on PostgreSQL one statement and round trip, with
    // no transaction), the token checked first as every other request's.
    state
        .lookup(move |tx| {
            let now = Clock::read(tx, dev_mode)?.now();
            let id = match id {
                Ok(CaseId(id)) => id,
                Err(bad_id) => {
                    auth::authenticate(tx, &token, now)?;
                    return Err(bad_id);
                }
            };
            let presented = auth::hash_token(&token);
            let (record, case) = tx.find_token_and_case(&presented, id)?;
            let caller = auth::check_token(record, &presented, now)?;
            rules::require_privileges(&caller, CASES, "see cases")?;
            case.map(|mut case| {
                if caller.is_agent() {
                    case.unread = None; // an agent has no read markers
                }
                case
            })
            .filter(|case| rules::can_see_case(&caller, case))
            .map(Json)
            .ok_or_else(|| Failure::case_not_found(id))
        })
        .await
}

#[utoipa::path(
    post,
    path = "/v1/cases",
    operation_id = "createCase",
    tag = "cases",
    summary = "File a case for a customer (idempotent on requestId)",
    params(WriteQuery),
    request_body = CreateCaseRequest,
    responses(
        (status = 201, description = "The new case; with validateOnly, the case as it would be filed (nothing is filed, its id is not reserved)", body = Case),
        (status = 200, description = "The case an earlier create with the same requestId and body made (also with validateOnly)", body = Case),
        (status = "default", description = "An error: `error.reason` says which (see the ErrorReason schema)", body = ErrorBody),
    ),
)]
pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    QueryArgs(write): QueryArgs<WriteQuery>,
    super::JsonBody(request): super::JsonBody<CreateCaseRequest>,
) -> ApiResult<(StatusCode, Json<Case>)> {
    let domain = rules::reseller_domain(&auth.caller, "file cases")?.to_string();
    rules::require_privileges(&auth.caller, CASES, "file cases")?;
    let valid = rules::validate_create(&request)?;
    if catalogue::find(&valid.classification).is_none() {
        return Err(Failure::new(
            ErrorReason::CategoryNotFound,
            format!(
                "'{}' is not a category of the catalogue; find one with `rsupport category search KEYWORDS`",
                valid.classification
            ),
        ));
    }
    let request_id = request.request_id.trim().to_string();
    let fingerprint = valid.fingerprint();
    state
        .write_or_validate(write.validate_only(), move |tx| {
            file_case(tx, &auth, &domain, valid, request_id, fingerprint)
                .map(|(status, case)| (status, Json(case)))
        })
        .await
}

/// Files a case for `domain` (the rules of every create, `/v1` and `/v2`): an earlier create
/// with the same request id answers its case (200) or an idempotency conflict; otherwise the
/// customer must be one the domain manages and that granted access, and the case is filed
/// (201).
pub fn file_case(
    tx: &dyn Tx,
    auth: &Auth,
    domain: &str,
    valid: rules::ValidCreate,
    request_id: String,
    fingerprint: String,
) -> ApiResult<(StatusCode, Case)> {
    if let Some((id, seen)) = tx.find_case_by_request(domain, &request_id)? {
        if seen == fingerprint {
            let case = seen_by(tx, &auth.caller, tx.get_case(id)?)?;
            return Ok((StatusCode::OK, case));
        }
        let differences = valid.differences(&tx.get_case(id)?);
        let which = if differences.is_empty() {
            "fields that differ from this request's (the case has changed since)".to_string()
        } else {
            format!("other fields ({})", differences.join("; "))
        };
        return Err(Failure::new(
            ErrorReason::IdempotencyConflict,
            format!(
                "request id '{request_id}' was already used to file case {id} with {which}; use a new request id for a new case, or the first request's fields to get case {id} back"
            ),
        ));
    }
    let customer = tx
        .find_customer(&valid.customer)?
        .ok_or_else(|| Failure::customer_not_found(&valid.customer))?;
    let filed_before =
        customer.reseller_domain != domain && tx.domain_filed_for(domain, &customer.id)?;
    rules::check_can_file_for(domain, &customer, filed_before)?;
    let now = auth.clock.now();
    let id = tx.insert_case(&NewCase {
        customer: valid.customer,
        reseller_domain: domain.to_string(),
        display_name: valid.display_name,
        description: valid.description,
        classification: valid.classification,
        priority: valid.priority,
        state: CaseState::New,
        language_code: valid.language_code,
        time_zone: valid.time_zone,
        subscribers: valid.subscribers,
        creator: auth.caller.email.clone(),
        create_time: now,
        request_id,
        request_fingerprint: fingerprint,
    })?;
    Ok((StatusCode::CREATED, tx.get_case(id)?))
}

#[utoipa::path(
    patch,
    path = "/v1/cases/{case}",
    operation_id = "updateCase",
    tag = "cases",
    summary = "Change the title and/or severity",
    params(("case" = u64, Path, description = "The case id"), WriteQuery),
    request_body = UpdateCaseRequest,
    responses(
        (status = 200, description = "The updated case; with validateOnly, as it would be (nothing is changed)", body = Case),
        (status = "default", description = "An error: `error.reason` says which (see the ErrorReason schema)", body = ErrorBody),
    ),
)]
pub async fn update(
    State(state): State<AppState>,
    auth: Auth,
    CaseId(id): CaseId,
    QueryArgs(write): QueryArgs<WriteQuery>,
    super::JsonBody(request): super::JsonBody<UpdateCaseRequest>,
) -> ApiResult<Json<Case>> {
    let title = request
        .display_name
        .as_deref()
        .map(rules::validate_title)
        .transpose()?;
    state
        .write_or_validate(write.validate_only(), move |tx| {
            update_case(tx, &auth, id, title.as_deref(), request.priority).map(Json)
        })
        .await
}

/// Changes a case's title and/or severity (both `None`: changes nothing, not even the update
/// time); a closed case refuses.
pub fn update_case(
    tx: &dyn Tx,
    auth: &Auth,
    id: u64,
    title: Option<&str>,
    priority: Option<Severity>,
) -> ApiResult<Case> {
    let (case, _) = writable_case(tx, &auth.caller, id, "update cases")?;
    if title.is_none() && priority.is_none() {
        // an empty patch changes nothing, not even the update time
        return seen_by(tx, &auth.caller, case);
    }
    rules::check_open(&case, "update it", auth.clock.now())?;
    tx.update_case_fields(id, title, priority, &auth.caller.email, auth.clock.now())?;
    seen_by(tx, &auth.caller, tx.get_case(id)?)
}

fn action_comment(request: &CaseActionRequest) -> ApiResult<Option<String>> {
    request
        .comment
        .as_deref()
        .map(|c| rules::validate_text("comment", c, rules::MAX_TEXT_CHARS))
        .transpose()
}

#[utoipa::path(
    post,
    path = "/v1/cases/{case}/close",
    operation_id = "closeCase",
    tag = "cases",
    summary = "Close a case, optionally with a message",
    params(("case" = u64, Path, description = "The case id"), WriteQuery),
    request_body(content = Option<CaseActionRequest>, description = "Optional; an empty body is allowed"),
    responses(
        (status = 200, description = "The closed case; with validateOnly, as it would be (nothing is changed)", body = Case),
        (status = "default", description = "An error: `error.reason` says which (see the ErrorReason schema)", body = ErrorBody),
    ),
)]
pub async fn close(
    State(state): State<AppState>,
    auth: Auth,
    CaseId(id): CaseId,
    QueryArgs(write): QueryArgs<WriteQuery>,
    super::OptionalJsonBody(request): super::OptionalJsonBody<CaseActionRequest>,
) -> ApiResult<Json<Case>> {
    let comment = action_comment(&request)?;
    state
        .write_or_validate(write.validate_only(), move |tx| {
            close_case(tx, &auth, id, comment.as_deref()).map(Json)
        })
        .await
}

/// Closes an open case, after posting `comment` if one is given.
pub fn close_case(tx: &dyn Tx, auth: &Auth, id: u64, comment: Option<&str>) -> ApiResult<Case> {
    let (case, _) = writable_case(tx, &auth.caller, id, "close cases")?;
    if case.state == CaseState::Closed {
        return Err(Failure::new(
            ErrorReason::CaseClosed,
            format!("case {id} is already closed"),
        ));
    }
    let now = auth.clock.now();
    if let Some(body) = comment {
        tx.insert_comment(id, body, &auth.caller.email, AuthorRole::Reseller, now)?;
    }
    tx.set_case_state(
        id,
        CaseState::Closed,
        Some(now),
        now,
        &auth.caller.email,
        StateChangeVia::Close,
    )?;
    seen_by(tx, &auth.caller, tx.get_case(id)?)
}

#[utoipa::path(
    post,
    path = "/v1/cases/{case}/reopen",
    operation_id = "reopenCase",
    tag = "cases",
    summary = "Reopen a case closed less than 30 days ago",
    params(("case" = u64, Path, description = "The case id"), WriteQuery),
    request_body(content = Option<CaseActionRequest>, description = "Optional; an empty body is allowed"),
    responses(
        (status = 200, description = "The reopened case (in-progress); with validateOnly, as it would be (nothing is changed)", body = Case),
        (status = "default", description = "An error: `error.reason` says which (see the ErrorReason schema)", body = ErrorBody),
    ),
)]
pub async fn reopen(
    State(state): State<AppState>,
    auth: Auth,
    CaseId(id): CaseId,
    QueryArgs(write): QueryArgs<WriteQuery>,
    super::OptionalJsonBody(request): super::OptionalJsonBody<CaseActionRequest>,
) -> ApiResult<Json<Case>> {
    let comment = action_comment(&request)?;
    state
        .write_or_validate(write.validate_only(), move |tx| {
            let (case, _) = writable_case(tx, &auth.caller, id, "reopen cases")?;
            let now = auth.clock.now();
            rules::check_reopen(&case, now)?;
            tx.set_case_state(
                id,
                CaseState::InProgress,
                None,
                now,
                &auth.caller.email,
                StateChangeVia::Reopen,
            )?;
            if let Some(body) = comment {
                tx.insert_comment(id, &body, &auth.caller.email, AuthorRole::Reseller, now)?;
            }
            Ok(Json(seen_by(tx, &auth.caller, tx.get_case(id)?)?))
        })
        .await
}

#[utoipa::path(
    post,
    path = "/v1/cases/{case}/escalate",
    operation_id = "escalateCase",
    tag = "cases",
    summary = "Escalate an open case of a premium customer",
    params(("case" = u64, Path, description = "The case id"), WriteQuery),
    request_body = EscalateCaseRequest,
    responses(
        (status = 200, description = "The escalated case; with validateOnly, as it would be (nothing is changed)", body = Case),
        (status = "default", description = "An error: `error.reason` says which (see the ErrorReason schema)", body = ErrorBody),
    ),
)]
pub async fn escalate(
    State(state): State<AppState>,
    auth: Auth,
    CaseId(id): CaseId,
    QueryArgs(write): QueryArgs<WriteQuery>,
    super::JsonBody(request): super::JsonBody<EscalateCaseRequest>,
) -> ApiResult<Json<Case>> {
    let justification = rules::validate_justification(&request.justification)?;
    state
        .write_or_validate(write.validate_only(), move |tx| {
            escalate_case(tx, &auth, id, request.reason, justification).map(Json)
        })
        .await
}

/// Escalates an open case of a premium customer (`justification` already validated).
pub fn escalate_case(
    tx: &dyn Tx,
    auth: &Auth,
    id: u64,
    reason: EscalationReason,
    justification: String,
) -> ApiResult<Case> {
    let (case, customer) = writable_case(tx, &auth.caller, id, "escalate cases")?;
    let now = auth.clock.now();
    rules::check_escalate(&case, &customer, now)?;
    let escalation = Escalation {
        reason,
        justification,
        escalated_by: auth.caller.email.clone(),
        escalate_time: now,
    };
    tx.set_case_escalation(id, &escalation, now)?;
    seen_by(tx, &auth.caller, tx.get_case(id)?)
}

#[utoipa::path(
    post,
    path = "/v1/cases/{case}/share",
    operation_id = "shareCase",
    tag = "cases",
    summary = "Add or remove subscriber emails",
    params(("case" = u64, Path, description = "The case id"), WriteQuery),
    request_body = ShareCaseRequest,
    responses(
        (status = 200, description = "The case with its subscribers; with validateOnly, as it would be (nothing is changed)", body = Case),
        (status = "default", description = "An error: `error.reason` says which (see the ErrorReason schema)", body = ErrorBody),
    ),
)]
pub async fn share(
    State(state): State<AppState>,
    auth: Auth,
    CaseId(id): CaseId,
    QueryArgs(write): QueryArgs<WriteQuery>,
    super::JsonBody(request): super::JsonBody<ShareCaseRequest>,
) -> ApiResult<Json<Case>> {
    let add = rules::validate_emails("add", &request.add)?;
    let remove = rules::validate_emails("remove", &request.remove)?;
    state
        .write_or_validate(write.validate_only(), move |tx| {
            share_case(tx, &auth, id, &add, &remove).map(Json)
        })
        .await
}

/// Adds and removes subscribers (emails already validated) of an open case; a share that
/// changes nothing writes nothing.
pub fn share_case(
    tx: &dyn Tx,
    auth: &Auth,
    id: u64,
    add: &[String],
    remove: &[String],
) -> ApiResult<Case> {
    let (case, _) = writable_case(tx, &auth.caller, id, "share cases")?;
    rules::check_open(&case, "change who it is shared with", auth.clock.now())?;
    let subscribers = rules::apply_share(&case.subscriber_email_addresses, add, remove);
    if subscribers != case.subscriber_email_addresses {
        let now = auth.clock.now();
        tx.set_case_subscribers(id, &subscribers, &auth.caller.email, now)?;
    }
    seen_by(tx, &auth.caller, tx.get_case(id)?)
}

#[utoipa::path(
    post,
    path = "/v1/cases/{case}/state",
    operation_id = "setCaseState",
    tag = "support",
    summary = "Move a case to a state (support agents only)",
    params(("case" = u64, Path, description = "The case id"), WriteQuery),
    request_body = SetCaseStateRequest,
    responses(
        (status = 200, description = "The case in its new state; with validateOnly, as it would be (nothing is changed)", body = Case),
        (status = "default", description = "An error: `error.reason` says which (see the ErrorReason schema)", body = ErrorBody),
    ),
)]
pub async fn set_state(
    State(state): State<AppState>,
    auth: Auth,
    CaseId(id): CaseId,
    QueryArgs(write): QueryArgs<WriteQuery>,
    super::JsonBody(request): super::JsonBody<SetCaseStateRequest>,
) -> ApiResult<Json<Case>> {
    rules::require_agent(&auth.caller, "set a case's state")?;
    state
        .write_or_validate(write.validate_only(), move |tx| {
            let case = visible_case(tx, &auth.caller, id)?;
            let now = auth.clock.now();
            let close_time = rules::agent_state_change(&case, request.state, now)?;
            tx.set_case_state(
                id,
                request.state,
                close_time,
                now,
                &auth.caller.email,
                StateChangeVia::Support,
            )?;
            tx.note_support_activity(id)?;
            Ok(Json(seen_by(tx, &auth.caller, tx.get_case(id)?)?))
        })
        .await
}

#[utoipa::path(
    post,
    path = "/v1/cases/{case}/read",
    operation_id = "markCaseRead",
    tag = "cases",
    summary = "Mark a case read for the caller (idempotent; reseller users only)",
    description = "Moves the caller's read marker of the case forward: support's messages and state changes up to then no longer make the case `unread` for this user. Markers are per user and never move back.",
    params(("case" = u64, Path, description = "The case id")),
    request_body(content = Option<MarkCaseReadRequest>, description = "Optional; an empty body marks everything written so far"),
    responses(
        (status = 200, description = "The case as the caller now sees it", body = Case),
        (status = "default", description = "An error: `error.reason` says which (see the ErrorReason schema)", body = ErrorBody),
    ),
)]
pub async fn mark_read(
    State(state): State<AppState>,
    auth: Auth,
    CaseId(id): CaseId,
    super::OptionalJsonBody(request): super::OptionalJsonBody<MarkCaseReadRequest>,
) -> ApiResult<Json<Case>> {
    rules::reseller_domain(&auth.caller, "mark cases read")?;
    rules::require_privileges(&auth.caller, CASES, "see cases")?;
    state
        .write(move |tx| {
            let case = visible_case(tx, &auth.caller, id)?;
            let now = auth.clock.now();
            tx.mark_case_read(auth.caller.user_id, id, request.update_time, now)?;
            seen_by(tx, &auth.caller, case).map(Json)
        })
        .await
}
