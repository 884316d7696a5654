//! The OpenAPI 3 document of the API, derived from the handlers' annotations and the `api`
//! types by utoipa. The router is built from the same annotated handlers
//! ([`router_parts`]), so a route cannot exist without being described.
//!
//! Served at `/v1/openapi.json` and committed as `docs/openapi.json`; regenerate it with
//! `cargo run -p rsupport-server -- openapi > docs/openapi.json` (a test fails when they
//! differ).

use std::sync::LazyLock;

use axum::Router;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use utoipa::openapi::OpenApi as Document;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::handlers::{attachments, cases, comments, customers, misc};
use rsupport_api::error::{ErrorBody, ErrorDetails, ErrorReason, ErrorStatus};
use rsupport_api::types::CaseOrder;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut Document) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "A token issued by `rsupport-server admin token issue EMAIL`",
                    ))
                    .build(),
            ),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "rsupport support-case API",
        description = "The reference support-case API for Google Workspace resellers: customers, \
            the category catalogue, and cases with their messages and attachments, scoped to the \
            reseller domain of the bearer token. Every error answers with ErrorBody and a stable \
            `reason`. Field names follow the Google Cloud Support API v2 where the concept is the same.",
        license(name = "MIT OR Apache-2.0")
    ),
    servers((url = "http://127.0.0.1:8765", description = "`rsupport-server dev` or `serve` with the default --listen")),
    security(("bearer" = [])),
    modifiers(&BearerAuth),
    components(schemas(ErrorBody, ErrorStatus, ErrorDetails, ErrorReason, CaseOrder)),
    tags(
        (name = "meta", description = "Health, identity and this document"),
        (name = "customers", description = "Customers of the reseller domain"),
        (name = "categories", description = "The category catalogue"),
        (name = "cases", description = "Support cases filed by the reseller domain"),
        (name = "comments", description = "A case's messages"),
        (name = "attachments", description = "Files attached to a case"),
        (name = "support", description = "Routes for support agents"),
    )
)]
struct ApiDoc;

/// Every route of the API with its description, from the same annotated handlers.
pub fn router_parts() -> (Router<AppState>, Document) {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(misc::health))
        .routes(routes!(openapi_json))
        .routes(routes!(misc::whoami))
        .routes(routes!(misc::categories))
        .routes(routes!(customers::list))
        .routes(routes!(customers::get))
        .routes(routes!(cases::list, cases::create))
        .routes(routes!(cases::get, cases::update))
        .routes(routes!(cases::close))
        .routes(routes!(cases::reopen))
        .routes(routes!(cases::escalate))
        .routes(routes!(cases::share))
        .routes(routes!(cases::set_state))
        .routes(routes!(comments::list, comments::create))
        .routes(routes!(attachments::list, attachments::upload))
        .routes(routes!(attachments::download))
        .split_for_parts()
}

static DOCUMENT: LazyLock<String> = LazyLock::new(|| {
    let (_, document) = router_parts();
    let mut json = document
        .to_pretty_json()
        .expect("the OpenAPI document serialises");
    json.push('\n');
    json
});

/// The document as pretty JSON with a final newline, exactly as committed.
pub fn document_json() -> &'static str {
    &DOCUMENT
}

#[utoipa::path(
    get,
    path = "/v1/openapi.json",
    operation_id = "openapi",
    tag = "meta",
    summary = "This OpenAPI 3 document",
    responses((status = 200, description = "The document", content_type = "application/json", body = Object)),
    security(())
)]
pub async fn openapi_json() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        document_json(),
    )
        .into_response()
}
