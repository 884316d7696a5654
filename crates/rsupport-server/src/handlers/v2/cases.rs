//! `cases.list`, `cases.search`, `cases.create`, `cases.get`, `cases.patch`, `cases.close`
//! and `cases.escalate`, through the rules of the `/v1` routes ([`crate::handlers::cases`]).

use axum::response::Response;
use serde::{Deserialize, Serialize};

use super::filter::{self, CaseQuery, Grammar};
use super::{Call, CaseRef, Parent, V2Error, V2Result, ok, page_size, parse_parent, wire};
use crate::auth::Auth;
use crate::handlers::cases::{self as v1, check_customer_filter, visible_case};
use crate::handlers::{PageToken, fingerprint};
use crate::rules;
use crate::store::{CaseCursor, CaseFilter, Tx};
use rsupport_api::types::{Case, CaseOrder, Privilege, StateFilter};

const CASES: &[Privilege] = &[Privilege::Support, Privilege::CasesAccess];

/// The case a name points at, if the caller may see it: a case of another customer than the
/// name's is not found, as a case of another domain is.
pub fn named_case(tx: &dyn Tx, auth: &Auth, case: &CaseRef) -> V2Result<Case> {
    let not_found = || {
        V2Error::not_found(format!(
            "case {} was not found among the cases filed by your domain",
            case.name()
        ))
    };
    match visible_case(tx, &auth.caller, case.id) {
        Ok(found) if found.customer == case.customer => Ok(found),
        Ok(_) => Err(not_found()),
        Err(f) if f.reason() == rsupport_api::error::ErrorReason::CaseNotFound => Err(not_found()),
        Err(f) => Err(f.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ListQuery {
    #[serde(default)]
    filter: Option<String>,
    #[serde(default)]
    page_size: Option<String>,
    #[serde(default)]
    page_token: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct SearchQuery {
    #[serde(default)]
    parent: Option<String>,
    #[serde(default)]
    query: Option<String>,
    #[serde(default)]
    page_size: Option<String>,
    #[serde(default)]
    page_token: Option<String>,
}

/// What a page token is bound to: the same caller's domain and the same filter.
#[derive(Serialize)]
struct FilterKey<'a> {
    v2: &'static str,
    domain: &'a Option<String>,
    customer: &'a str,
    state: String,
    priorities: Vec<&'static str>,
    keywords: &'a [String],
    updated_after: Option<jiff::Timestamp>,
}

/// `GET /v2/projects/{customer}/cases?filter=…`: the customer's cases, most recently updated
/// first, open and closed unless the filter says.
pub async fn list(mut call: Call, parent: Parent) -> V2Result<Response> {
    let auth = call.auth().await?;
    let query: ListQuery = call.query(&["filter", "pageSize", "pageToken"])?;
    let parsed = filter::parse(
        query.filter.as_deref().unwrap_or(""),
        "filter",
        Grammar::List,
    )?;
    page_of_cases(
        call,
        auth,
        parent,
        parsed,
        query.page_size,
        query.page_token,
    )
    .await
}

/// `GET /v2/projects/{customer}/cases:search?query=…` (and `GET /v2/cases:search` with the
/// parent as `parent=` or a `project=` restriction of the query).
pub async fn search(mut call: Call, path_parent: Option<Parent>) -> V2Result<Response> {
    let auth = call.auth().await?;
    let query: SearchQuery = call.query(&["parent", "query", "pageSize", "pageToken"])?;
    let parsed = filter::parse(
        query.query.as_deref().unwrap_or(""),
        "query",
        Grammar::Search,
    )?;
    let mut parent = path_parent;
    for named in [query.parent.as_deref(), parsed.parent.as_deref()]
        .into_iter()
        .flatten()
    {
        let named = parse_parent(named)?;
        match &parent {
            // the same customer, as a project or as an organization
            Some(p) if p.customer != named.customer => {
                return Err(V2Error::invalid(format!(
                    "the query restricts to {} but the request's parent is {}: give one parent",
                    named.name, p.name
                )));
            }
            Some(_) => {}
            None => parent = Some(named),
        }
    }
    let Some(parent) = parent else {
        return Err(V2Error::invalid(
            "cases:search needs a parent: search under /v2/projects/{customer}/cases:search, or give parent=projects/{customer} (or project=\"projects/{customer}\" in the query)",
        ));
    };
    page_of_cases(
        call,
        auth,
        parent,
        parsed,
        query.page_size,
        query.page_token,
    )
    .await
}

async fn page_of_cases(
    call: Call,
    auth: Auth,
    parent: Parent,
    parsed: CaseQuery,
    page_size_raw: Option<String>,
    page_token: Option<String>,
) -> V2Result<Response> {
    rules::require_privileges(&auth.caller, CASES, "see cases")?;
    let Parent {
        customer,
        name: parent_name,
    } = parent;
    let limit = page_size(page_size_raw.as_deref(), call.state.config.v2_max_page_size)?;
    let domain = auth
        .caller
        .domain
        .clone()
        .filter(|_| !auth.caller.is_agent());
    let filter = CaseFilter {
        reseller_domain: domain.clone(),
        customer: Some(customer.clone()),
        state: parsed.state.unwrap_or(StateFilter::All),
        priorities: parsed.priorities.clone(),
        keywords: parsed.keywords.clone(),
        updated_since: parsed.updated_after,
        created_since: None,
        order: CaseOrder::Updated,
        viewer: None,
        unread_only: false,
    };
    let filters = fingerprint(&FilterKey {
        v2: "cases",
        domain: &domain,
        customer: &customer,
        state: filter.state.to_string(),
        priorities: filter.priorities.iter().map(|p| p.as_str()).collect(),
        keywords: &filter.keywords,
        updated_after: filter.updated_since,
    });
    let token = match page_token.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => Some(PageToken::<CaseCursor>::decode(t, &filters)?),
        _ => None,
    };
    let page = call
        .state
        .read(move |tx| {
            if let Some(domain) = &filter.reseller_domain {
                check_customer_filter(tx, domain, &customer)?;
            }
            let page = tx.list_cases(
                &filter,
                token.as_ref().and_then(|t| t.as_of),
                token.as_ref().map(|t| t.cursor),
                limit,
            )?;
            Ok(page)
        })
        .await?;
    let next_page_token = page.next.map(|cursor| {
        PageToken {
            cursor,
            as_of: Some(page.as_of),
            filters: filters.clone(),
        }
        .encode()
    });
    ok(wire::ListCasesResponse {
        cases: page
            .cases
            .iter()
            .map(|c| wire::Case::under(c, &parent_name))
            .collect(),
        next_page_token,
    })
}

/// `GET /v2/projects/{customer}/cases/{id}`.
pub async fn get(mut call: Call, case: CaseRef) -> V2Result<Response> {
    let auth = call.auth().await?;
    call.check_params(&[])?;
    rules::require_privileges(&auth.caller, CASES, "see cases")?;
    let parent = case.parent.clone();
    let found = call
        .state
        .read(move |tx| Ok(named_case(tx, &auth, &case)))
        .await??;
    ok(wire::Case::under(&found, &parent))
}

fn required<'a>(value: Option<&'a str>, field: &str, what: &str) -> V2Result<&'a str> {
    value
        .filter(|v| !v.trim().is_empty())
        .ok_or_else(|| V2Error::invalid(format!("{field} is required: {what}")))
}

fn priority_of(value: &str) -> V2Result<rsupport_api::types::Severity> {
    wire::severity_of(value).ok_or_else(|| {
        V2Error::invalid(format!(
            "priority '{}' is not one of {}",
            value.escape_default(),
            wire::PRIORITIES.join(", ")
        ))
    })
}

/// `POST /v2/projects/{customer}/cases`: files a case for the customer (answers it, 200).
pub async fn create(mut call: Call, parent: Parent) -> V2Result<Response> {
    let Parent {
        customer,
        name: parent,
    } = parent;
    let auth = call.auth().await?;
    call.check_params(&[])?;
    let domain = rules::reseller_domain(&auth.caller, "file cases")?.to_string();
    rules::require_privileges(&auth.caller, CASES, "file cases")?;
    let body: wire::CaseInput = call.json().await?;
    let display_name = required(
        body.display_name.as_deref(),
        "displayName",
        "the case's title",
    )?;
    let description = required(
        body.description.as_deref(),
        "description",
        "what the problem is",
    )?;
    let classification = required(
        body.classification.as_ref().and_then(|c| c.id.as_deref()),
        "classification.id",
        "a classification id from caseClassifications:search",
    )?;
    let priority = priority_of(required(
        body.priority.as_deref(),
        "priority",
        "one of P0, P1, P2, P3, P4",
    )?)?;
    if !wire::known_classification(classification.trim()) {
        return Err(V2Error::invalid(format!(
            "classification.id '{}' is not a classification of this server: find one with GET /v2/caseClassifications:search?query=…",
            classification.escape_default()
        )));
    }
    let request = rsupport_api::types::CreateCaseRequest {
        // the API has no request id: every create files a case
        request_id: v2_request_id(),
        customer,
        display_name: display_name.to_string(),
        description: description.to_string(),
        classification: classification.to_string(),
        priority,
        language_code: body.language_code.clone().filter(|l| !l.is_empty()),
        time_zone: body.time_zone.clone().filter(|t| !t.is_empty()),
        subscriber_email_addresses: body.subscriber_email_addresses.clone().unwrap_or_default(),
    };
    let valid = rules::validate_create(&request)?;
    let fingerprint = valid.fingerprint();
    let (_, case) = call
        .state
        .write(move |tx| v1::file_case(tx, &auth, &domain, valid, request.request_id, fingerprint))
        .await?;
    ok(wire::Case::under(&case, &parent))
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct PatchQuery {
    #[serde(default)]
    update_mask: Option<String>,
}

/// The fields a patch may change, as `updateMask` names them.
const PATCHABLE: &str = "priority, displayName, subscriberEmailAddresses";

/// `PATCH /v2/projects/{customer}/cases/{id}?updateMask=…`: changes exactly the fields the
/// mask names. An absent or empty mask is refused: on Google it means "every field", which
/// clears the subscribers a body leaves out.
pub async fn patch(mut call: Call, case: CaseRef) -> V2Result<Response> {
    let parent = case.parent.clone();
    let auth = call.auth().await?;
    let query: PatchQuery = call.query(&["updateMask"])?;
    let mask = query.update_mask.unwrap_or_default();
    let paths: Vec<&str> = mask
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if paths.is_empty() {
        return Err(V2Error::invalid(format!(
            "updateMask is required and must name the fields to change ({PATCHABLE}); without one every field would be replaced, clearing the subscribers the body leaves out"
        )));
    }
    let (mut title, mut priority, mut subscribers) = (false, false, false);
    for path in &paths {
        match *path {
            "priority" => priority = true,
            "displayName" | "display_name" => title = true,
            "subscriberEmailAddresses" | "subscriber_email_addresses" => subscribers = true,
            other => {
                return Err(V2Error::invalid(format!(
                    "updateMask names '{}', which cannot be changed: it may name {PATCHABLE}",
                    other.escape_default()
                )));
            }
        }
    }
    let body: wire::CaseInput = call.json().await?;
    let title = if title {
        let given = required(
            body.display_name.as_deref(),
            "displayName",
            "updateMask names it",
        )?;
        Some(rules::validate_title(given)?)
    } else {
        None
    };
    let priority = if priority {
        Some(priority_of(required(
            body.priority.as_deref(),
            "priority",
            "updateMask names it",
        )?)?)
    } else {
        None
    };
    let subscribers = if subscribers {
        let given = body.subscriber_email_addresses.clone().unwrap_or_default();
        Some(rules::validate_emails("subscriberEmailAddresses", &given)?)
    } else {
        None
    };
    let updated = call
        .state
        .write(move |tx| {
            let found = match named_case(tx, &auth, &case) {
                Ok(found) => found,
                Err(e) => return Ok(Err(e)),
            };
            let mut updated = v1::update_case(tx, &auth, case.id, title.as_deref(), priority)?;
            if let Some(wanted) = subscribers {
                let current = &found.subscriber_email_addresses;
                let add: Vec<String> = wanted
                    .iter()
                    .filter(|e| !current.contains(e))
                    .cloned()
                    .collect();
                let remove: Vec<String> = current
                    .iter()
                    .filter(|e| !wanted.contains(e))
                    .cloned()
                    .collect();
                updated = v1::share_case(tx, &auth, case.id, &add, &remove)?;
            }
            Ok(Ok(updated))
        })
        .await??;
    ok(wire::Case::under(&updated, &parent))
}

/// `POST /v2/projects/{customer}/cases/{id}:close`.
pub async fn close(mut call: Call, case: CaseRef) -> V2Result<Response> {
    let parent = case.parent.clone();
    let auth = call.auth().await?;
    call.check_params(&[])?;
    let _: wire::CloseCaseRequest = call.json().await?;
    let closed = call
        .state
        .write(move |tx| {
            if let Err(e) = named_case(tx, &auth, &case) {
                return Ok(Err(e));
            }
            v1::close_case(tx, &auth, case.id, None).map(Ok)
        })
        .await??;
    ok(wire::Case::under(&closed, &parent))
}

/// `POST /v2/projects/{customer}/cases/{id}:escalate` with
/// `{"escalation": {"reason": "BUSINESS_IMPACT", "justification": "…"}}`.
pub async fn escalate(mut call: Call, case: CaseRef) -> V2Result<Response> {
    let parent = case.parent.clone();
    let auth = call.auth().await?;
    call.check_params(&[])?;
    let body: wire::EscalateCaseRequest = call.json().await?;
    let escalation = body.escalation.unwrap_or_default();
    let reason_text = required(
        escalation.reason.as_deref(),
        "escalation.reason",
        "one of RESOLUTION_TIME, TECHNICAL_EXPERTISE, BUSINESS_IMPACT",
    )?;
    let reason = wire::escalation_reason_of(reason_text).ok_or_else(|| {
        V2Error::invalid(format!(
            "escalation.reason '{}' is not one of {}",
            reason_text.escape_default(),
            wire::ESCALATION_REASONS.join(", ")
        ))
    })?;
    let justification = rules::validate_justification(
        escalation.justification.as_deref().unwrap_or(""),
    )
    .map_err(|f| {
        V2Error::invalid(f.0.error.message.replacen(
            "the justification",
            "escalation.justification",
            1,
        ))
    })?;
    let escalated = call
        .state
        .write(move |tx| {
            if let Err(e) = named_case(tx, &auth, &case) {
                return Ok(Err(e));
            }
            v1::escalate_case(tx, &auth, case.id, reason, justification).map(Ok)
        })
        .await??;
    ok(wire::Case::under(&escalated, &parent))
}

/// A request id for a v2 create (the API has none, so each create files a case).
fn v2_request_id() -> String {
    use rand::Rng as _;
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    format!("v2-{}", hex::encode(bytes))
}
