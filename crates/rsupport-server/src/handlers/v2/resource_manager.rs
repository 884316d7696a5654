//! Cloud Resource Manager v3's `projects.search` and `organizations.search` (`GET
//! /v3/projects:search`, `GET /v3/organizations:search`), so a client discovers the parents it
//! may file cases under as it does at `cloudresourcemanager.googleapis.com`. Each customer the
//! caller's domain manages and that granted access is a project (`projects/{id}`) inside an
//! organization (`organizations/{number}`, see [`wire::organization_number`]). Seeing them
//! takes the privileges `/v1/customers` takes (`support`, `customers.view`): without them the
//! answer is 403 `PERMISSION_DENIED`, as Google's for an account that may not browse.

use axum::http::Method;
use axum::response::Response;
use serde::Serialize;

use super::{Call, PageQuery, V2Error, V2Result, ok, page_size, wire};
use crate::handlers::{PageToken, fingerprint};
use crate::rules;
use rsupport_api::types::{Customer, Privilege};

/// `Project` (the fields a search answers).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Project {
    /// `projects/{id}` (Google names projects by number; the id is this server's).
    name: String,
    project_id: String,
    display_name: String,
    state: &'static str,
    parent: String,
}

/// `Organization` (the fields a search answers).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Organization {
    name: String,
    /// The customer's primary domain, as Google shows an organization's.
    display_name: String,
    directory_customer_id: String,
    state: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Projects {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    projects: Vec<Project>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next_page_token: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Organizations {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    organizations: Vec<Organization>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next_page_token: Option<String>,
}

pub async fn route(call: Call, segments: &[&str], full: &str) -> V2Result<Response> {
    match segments {
        ["projects:search"] if call.method == Method::GET => {
            let (customers, next_page_token) = search(call, "projects").await?;
            ok(Projects {
                projects: customers
                    .iter()
                    .filter_map(|c| {
                        Some(Project {
                            name: wire::parent_name(&c.id),
                            project_id: c.id.clone(),
                            display_name: c.display_name.clone(),
                            state: "ACTIVE",
                            parent: format!("organizations/{}", wire::organization_number(&c.id)?),
                        })
                    })
                    .collect(),
                next_page_token,
            })
        }
        ["organizations:search"] if call.method == Method::GET => {
            let (customers, next_page_token) = search(call, "organizations").await?;
            ok(Organizations {
                organizations: customers
                    .iter()
                    .filter_map(|c| {
                        Some(Organization {
                            name: format!("organizations/{}", wire::organization_number(&c.id)?),
                            display_name: c.primary_domain.clone(),
                            directory_customer_id: c.id.clone(),
                            state: "ACTIVE",
                        })
                    })
                    .collect(),
                next_page_token,
            })
        }
        _ => Err(V2Error::not_found(format!(
            "{} {full} is not served: of Cloud Resource Manager, this server answers GET /v3/projects:search and GET /v3/organizations:search only",
            call.method
        ))),
    }
}

/// One page of the customers the caller's domain manages and that granted access, by id.
async fn search(mut call: Call, what: &str) -> V2Result<(Vec<Customer>, Option<String>)> {
    let auth = call.auth().await?;
    let query: PageQuery = call.query(&["query", "pageSize", "pageToken"])?;
    let domain = rules::reseller_domain(&auth.caller, &format!("search {what}"))?.to_string();
    rules::require_privileges(
        &auth.caller,
        &[Privilege::Support, Privilege::CustomersView],
        &format!("search {what}"),
    )?;
    if let Some(q) = query.query.as_deref().filter(|q| !q.trim().is_empty()) {
        return Err(V2Error::invalid(format!(
            "query '{}' is not supported here: leave it out to list every {what} you may use",
            q.escape_default()
        )));
    }
    let limit = page_size(
        query.page_size.as_deref(),
        call.state.config.v2_max_page_size,
    )?;
    let filters = fingerprint(&("v3", what, &domain));
    let mut after = match query.page_token.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => Some(PageToken::<String>::decode(t, &filters)?.cursor),
        _ => None,
    };
    call.state
        .read(move |tx| {
            // the customers without access are skipped, so a page may take several reads
            let mut page = Vec::new();
            loop {
                let batch = tx.list_customers(&domain, None, after.as_deref(), limit + 1)?;
                let more = batch.len() > limit as usize;
                for customer in batch.into_iter().take(limit as usize) {
                    after = Some(customer.id.clone());
                    if customer.access_granted {
                        page.push(customer);
                    }
                    if page.len() == limit as usize {
                        break;
                    }
                }
                if page.len() == limit as usize || !more {
                    let next = (more || page.len() == limit as usize)
                        .then(|| after.clone())
                        .flatten()
                        .map(|cursor| {
                            PageToken {
                                cursor,
                                as_of: None,
                                filters: filters.clone(),
                            }
                            .encode()
                        });
                    return Ok((page, next));
                }
            }
        })
        .await
        .map_err(V2Error::from)
}
