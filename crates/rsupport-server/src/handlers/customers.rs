//! `GET /v1/customers` and `GET /v1/customers/{customer}`: the customers the caller's domain
//! manages now.

use axum::Json;
use axum::extract::{Path, State};

use crate::AppState;
use crate::auth::Auth;
use crate::error::{ApiResult, Failure};
use crate::handlers::{PageToken, QueryArgs, fingerprint, page_size};
use crate::rules;
use rsupport_api::error::ErrorBody;
use rsupport_api::types::{Customer, CustomerList, ListCustomersQuery, Privilege};

fn check(auth: &Auth) -> ApiResult<String> {
    let domain = rules::reseller_domain(&auth.caller, "list customers")?.to_string();
    rules::require_privileges(
        &auth.caller,
        &[Privilege::Support, Privilege::CustomersView],
        "see customers",
    )?;
    Ok(domain)
}

#[utoipa::path(
    get,
    path = "/v1/customers",
    operation_id = "listCustomers",
    tag = "customers",
    summary = "The customers the domain manages now",
    params(ListCustomersQuery),
    responses(
        (status = 200, description = "One page of customers, by id", body = CustomerList),
        (status = "default", description = "An error: `error.reason` says which (see the ErrorReason schema)", body = ErrorBody),
    ),
)]
pub async fn list(
    State(state): State<AppState>,
    auth: Auth,
    QueryArgs(query): QueryArgs<ListCustomersQuery>,
) -> ApiResult<Json<CustomerList>> {
    let domain = check(&auth)?;
    let keyword = query
        .query
        .map(|q| q.trim().to_string())
        .filter(|q| !q.is_empty());
    let filters = fingerprint(&("customers", &domain, &keyword));
    let after = match &query.page_token {
        Some(token) if !token.is_empty() => {
            Some(PageToken::<String>::decode(token, &filters)?.cursor)
        }
        _ => None,
    };
    let limit = page_size(query.page_size)?;
    state
        .read(move |tx| {
            let mut customers =
                tx.list_customers(&domain, keyword.as_deref(), after.as_deref(), limit + 1)?;
            let next_page_token = if customers.len() > limit as usize {
                customers.truncate(limit as usize);
                customers.last().map(|c| {
                    PageToken {
                        cursor: c.id.clone(),
                        as_of: None,
                        filters: filters.clone(),
                    }
                    .encode()
                })
            } else {
                None
            };
            Ok(Json(CustomerList {
                customers,
                next_page_token,
            }))
        })
        .await
}

#[utoipa::path(
    get,
    path = "/v1/customers/{customer}",
    operation_id = "getCustomer",
    tag = "customers",
    summary = "One customer of the domain",
    params(("customer" = String, Path, description = "The customer id, e.g. acme")),
    responses(
        (status = 200, description = "The customer", body = Customer),
        (status = "default", description = "An error: `error.reason` says which (see the ErrorReason schema)", body = ErrorBody),
    ),
)]
pub async fn get(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> ApiResult<Json<Customer>> {
    check(&auth)?;
    state
        .read(move |tx| {
            let found = tx.find_customer(&id)?;
            match found {
                Some(customer) if rules::can_see_customer(&auth.caller, &customer) => {
                    Ok(Json(customer))
                }
                Some(customer) => {
                    let filed_before = match &auth.caller.domain {
                        Some(domain) => tx.domain_filed_for(domain, &customer.id)?,
                        None => false,
                    };
                    Err(rules::customer_not_managed(&customer.id, filed_before))
                }
                None => Err(Failure::customer_not_found(&id)),
            }
        })
        .await
}
