//! Health, whoami, the category catalogue, the OpenAPI document and the answers for unknown
//! routes.

use axum::Json;
use axum::extract::State;
use axum::http::{Method, Uri};

use crate::AppState;
use crate::auth::Auth;
use crate::error::{ApiResult, Failure};
use crate::handlers::QueryArgs;
use crate::{catalogue, rules};
use rsupport_api::error::ErrorBody;
use rsupport_api::error::ErrorReason;
use rsupport_api::types::{CategoryList, Health, ListCategoriesQuery, Privilege, WhoAmI};

#[utoipa::path(
    get,
    path = "/v1/health",
    operation_id = "health",
    tag = "meta",
    summary = "Liveness: answers ok when the server is up",
    responses(
        (status = 200, description = "The server is up", body = Health),
        (status = "default", description = "An error: `error.reason` says which (see the ErrorReason schema)", body = ErrorBody),
    ),
    security(()),
)]
pub async fn health() -> Json<Health> {
    Json(Health {
        status: "ok".to_string(),
        version: env!("CARGO_PKG_VERSION").to_string(),
    })
}

#[utoipa::path(
    get,
    path = "/v1/whoami",
    operation_id = "whoAmI",
    tag = "meta",
    summary = "Who holds the bearer token",
    responses(
        (status = 200, description = "The token holder", body = WhoAmI),
        (status = "default", description = "An error: `error.reason` says which (see the ErrorReason schema)", body = ErrorBody),
    ),
)]
pub async fn whoami(State(state): State<AppState>, auth: Auth) -> Json<WhoAmI> {
    let caller = auth.caller;
    Json(WhoAmI {
        email: caller.email,
        domain: caller.domain,
        role: caller.role,
        privileges: caller.privileges,
        server_time: auth.clock.now(),
        dev_mode: state.config.dev_mode,
        max_attachment_bytes: Some(state.config.max_attachment_bytes),
    })
}

#[utoipa::path(
    get,
    path = "/v1/categories",
    operation_id = "listCategories",
    tag = "categories",
    summary = "Search the category catalogue",
    params(ListCategoriesQuery),
    responses(
        (status = 200, description = "Matching categories", body = CategoryList),
        (status = "default", description = "An error: `error.reason` says which (see the ErrorReason schema)", body = ErrorBody),
    ),
)]
pub async fn categories(
    auth: Auth,
    QueryArgs(query): QueryArgs<ListCategoriesQuery>,
) -> ApiResult<Json<CategoryList>> {
    rules::require_privileges(
        &auth.caller,
        &[Privilege::Support],
        "browse the category catalogue",
    )?;
    Ok(Json(CategoryList {
        categories: catalogue::search(query.query.as_deref()),
    }))
}

pub async fn no_route(uri: Uri) -> Failure {
    Failure::new(
        ErrorReason::NotFound,
        format!(
            "no route {}; the API lives under /v1 (see /v1/openapi.json)",
            uri.path()
        ),
    )
}

pub async fn no_method(method: Method, uri: Uri) -> Failure {
    Failure::new(
        ErrorReason::MethodNotAllowed,
        format!(
            "{} is not supported on {}; see /v1/openapi.json for the routes",
            method,
            uri.path()
        ),
    )
}
