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
use rsupport_api::text;
use utoipa::openapi::schema::{ArrayItems, SchemaType, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{OpenApi as Document, RefOr, Schema};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::handlers::{attachments, cases, comments, customers, events, misc};
use crate::{AppState, rules};
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

/// The constraints the server enforces on request fields and parameters, written into the
/// document from the same constants the server checks with (`rsupport_api::text`, the
/// page-size bound, the wire enums), so a client or a fuzzer reading the document knows exactly
/// what is accepted.
struct Constraints;

/// A constraint on a string or integer schema.
#[derive(Clone)]
enum Rule {
    /// Free text: [`text::TEXT_PATTERN`] and at most so many characters.
    Text(usize),
    /// One line of text: [`text::LINE_PATTERN`] and at most so many characters.
    Line(usize),
    Email,
    Pattern(&'static str),
    OneOf(Vec<String>),
    Maximum(u32),
}

impl Rule {
    fn apply(&self, schema: &mut RefOr<Schema>) {
        match schema {
            RefOr::T(Schema::Array(array)) => {
                if let ArrayItems::RefOrSchema(items) = &mut array.items {
                    self.apply(items);
                }
            }
            RefOr::T(Schema::Object(object)) => match self {
                Rule::Text(max) => {
                    object.pattern = Some(text::TEXT_PATTERN.into());
                    object.max_length = Some(*max);
                }
                Rule::Line(max) => {
                    object.pattern = Some(text::LINE_PATTERN.into());
                    object.max_length = Some(*max);
                }
                Rule::Email => {
                    object.pattern = Some(text::EMAIL_PATTERN.into());
                    object.max_length = Some(text::MAX_EMAIL_CHARS);
                }
                Rule::Pattern(pattern) => object.pattern = Some((*pattern).into()),
                Rule::OneOf(values) => {
                    let mut allowed: Vec<serde_json::Value> =
                        values.iter().map(|v| v.as_str().into()).collect();
                    // an optional field may also be sent as null
                    if matches!(&object.schema_type, SchemaType::Array(types) if types.contains(&Type::Null))
                    {
                        allowed.push(serde_json::Value::Null);
                    }
                    object.enum_values = Some(allowed);
                }
                Rule::Maximum(max) => object.maximum = Some((*max).into()),
            },
            _ => panic!("a constraint applies to a string, integer or array schema only"),
        }
    }
}

impl Modify for Constraints {
    fn modify(&self, openapi: &mut Document) {
        use rsupport_api::types::{MAX_PAGE_SIZE, PRIORITY_LIST_PATTERN, StateFilter};
        let fields = [
            (
                "CreateCaseRequest",
                "requestId",
                Rule::Text(text::MAX_REQUEST_ID_CHARS),
            ),
            (
                "CreateCaseRequest",
                "displayName",
                Rule::Text(text::MAX_TITLE_CHARS),
            ),
            (
                "CreateCaseRequest",
                "description",
                Rule::Text(text::MAX_TEXT_CHARS),
            ),
            (
                "CreateCaseRequest",
                "languageCode",
                Rule::Pattern(text::LANGUAGE_PATTERN),
            ),
            (
                "CreateCaseRequest",
                "timeZone",
                Rule::OneOf(rules::time_zone_names().to_vec()),
            ),
            ("CreateCaseRequest", "subscriberEmailAddresses", Rule::Email),
            (
                "UpdateCaseRequest",
                "displayName",
                Rule::Text(text::MAX_TITLE_CHARS),
            ),
            (
                "CaseActionRequest",
                "comment",
                Rule::Text(text::MAX_TEXT_CHARS),
            ),
            (
                "EscalateCaseRequest",
                "justification",
                Rule::Text(text::MAX_JUSTIFICATION_CHARS),
            ),
            ("ShareCaseRequest", "add", Rule::Email),
            ("ShareCaseRequest", "remove", Rule::Email),
            (
                "CreateCommentRequest",
                "body",
                Rule::Text(text::MAX_TEXT_CHARS),
            ),
        ];
        let schemas = &mut openapi
            .components
            .as_mut()
            .expect("the document has components")
            .schemas;
        for (name, property, rule) in fields {
            let Some(RefOr::T(Schema::Object(object))) = schemas.get_mut(name) else {
                panic!("no object schema {name}");
            };
            let field = object
                .properties
                .get_mut(property)
                .unwrap_or_else(|| panic!("{name} has no property {property}"));
            rule.apply(field);
        }
        let page = Rule::Maximum(MAX_PAGE_SIZE);
        let states = Rule::OneOf(
            StateFilter::wire_values()
                .iter()
                .map(|s| s.to_string())
                .collect(),
        );
        let parameters = [
            ("/v1/cases", "pageSize", page.clone()),
            ("/v1/cases", "state", states),
            (
                "/v1/cases",
                "priority",
                Rule::Pattern(PRIORITY_LIST_PATTERN),
            ),
            ("/v1/customers", "pageSize", page.clone()),
            ("/v1/cases/{case}/comments", "pageSize", page.clone()),
            ("/v1/cases/{case}/events", "pageSize", page),
            (
                "/v1/cases/{case}/events",
                "waitSeconds",
                Rule::Maximum(rsupport_api::types::MAX_WAIT_SECONDS),
            ),
            (
                "/v1/cases/{case}/attachments",
                "filename",
                Rule::Line(text::MAX_FILENAME_CHARS),
            ),
            (
                "/v1/cases/{case}/attachments",
                "sha256",
                Rule::Pattern(SHA256_PATTERN),
            ),
        ];
        for (path, name, rule) in parameters {
            let item = openapi
                .paths
                .paths
                .get_mut(path)
                .unwrap_or_else(|| panic!("no path {path}"));
            let mut found = false;
            for operation in [&mut item.get, &mut item.post].into_iter().flatten() {
                for parameter in operation.parameters.iter_mut().flatten() {
                    if let RefOr::T(parameter) = parameter
                        && parameter.name == name
                        && let Some(schema) = parameter.schema.as_mut()
                    {
                        rule.apply(schema);
                        found = true;
                    }
                }
            }
            assert!(found, "no parameter {name} on {path}");
        }
    }
}

/// A SHA-256 in lowercase or uppercase hex, as uploads announce it.
pub const SHA256_PATTERN: &str = "^[0-9A-Fa-f]{64}$";

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
        (name = "events", description = "A case's timeline, and waiting for what happens next"),
        (name = "attachments", description = "Files attached to a case"),
        (name = "support", description = "Routes for support agents"),
    )
)]
struct ApiDoc;

/// Every route of the API with its description, from the same annotated handlers.
pub fn router_parts() -> (Router<AppState>, Document) {
    let (router, mut document) = OpenApiRouter::with_openapi(ApiDoc::openapi())
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
        .routes(routes!(cases::mark_read))
        .routes(routes!(comments::list, comments::create))
        .routes(routes!(attachments::list, attachments::upload))
        .routes(routes!(attachments::download))
        .routes(routes!(events::list))
        .split_for_parts();
    // the constraints go on the finished document: the routes bring the request schemas
    Constraints.modify(&mut document);
    (router, document)
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
