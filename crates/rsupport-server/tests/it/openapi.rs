//! The OpenAPI document: the committed copy is the served one, every documented operation is
//! routed, and real responses (successes and errors) match the document's schemas.

use crate::common::{Answer, TestServer, World};
use serde_json::{Value, json};

const COMMITTED: &str = include_str!("../../../../docs/openapi.json");

/// The document with every object schema closed (`additionalProperties: false`), so that an
/// undocumented field in a response fails validation too.
fn strict(mut value: Value) -> Value {
    fn close(v: &mut Value) {
        match v {
            Value::Object(map) => {
                if map.contains_key("properties") && !map.contains_key("additionalProperties") {
                    map.insert("additionalProperties".into(), Value::Bool(false));
                }
                map.values_mut().for_each(close);
            }
            Value::Array(items) => items.iter_mut().for_each(close),
            _ => {}
        }
    }
    close(&mut value);
    value
}

/// Validates an answer against the schema the document gives for (method, path, status),
/// falling back to the `default` response.
fn assert_matches_document(doc: &Value, method: &str, path: &str, answer: &Answer) {
    let operation = &doc["paths"][path][method];
    assert!(
        operation.is_object(),
        "{method} {path} is not in the document"
    );
    let responses = &operation["responses"];
    let response = responses
        .get(answer.status.to_string())
        .or_else(|| responses.get("default"))
        .unwrap_or_else(|| panic!("{method} {path} documents no response {}", answer.status));
    let schema = &response["content"]["application/json"]["schema"];
    assert!(
        schema.is_object(),
        "{method} {path} {} has no JSON schema",
        answer.status
    );
    let root = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "components": strict(doc["components"].clone()),
        "allOf": [schema],
    });
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.set_default_draft(boon::Draft::V2020_12);
    compiler.enable_format_assertions();
    compiler
        .add_resource("urn:rsupport:response", root)
        .expect("the document's schemas load");
    let index = compiler
        .compile("urn:rsupport:response", &mut schemas)
        .expect("the document's schema compiles");
    let errors: Vec<String> = match schemas.validate(&answer.body, index) {
        Ok(()) => Vec::new(),
        Err(error) => vec![format!("{error}")],
    };
    assert!(
        errors.is_empty(),
        "{method} {path} answered {} with a body the document does not allow: {errors:#?}\n{:#}",
        answer.status,
        answer.body
    );
}

#[tokio::test]
async fn the_committed_document_is_the_served_one() {
    let server = TestServer::start();
    let answer = server.api("").get("/v1/openapi.json").await;
    assert_eq!(answer.status, 200);
    let served = String::from_utf8(answer.bytes).unwrap();
    assert!(
        served == COMMITTED,
        "docs/openapi.json is stale: regenerate it with `cargo run -p rsupport-server -- openapi > docs/openapi.json`"
    );
}

#[tokio::test]
async fn every_documented_operation_is_routed() {
    let world = World::new();
    let api = world.api_a();
    let doc: Value = serde_json::from_str(COMMITTED).unwrap();
    for (path, item) in doc["paths"].as_object().unwrap() {
        let concrete = path
            .replace("{case}", "1")
            .replace("{customer}", "premium-co")
            .replace("{attachment}", "1");
        for method in item.as_object().unwrap().keys() {
            let answer = api.send(&method.to_uppercase(), &concrete, None).await;
            assert_ne!(
                answer.reason(),
                "NOT_FOUND",
                "{method} {path} is documented but not routed: {:?}",
                answer.body
            );
        }
    }
}

#[tokio::test]
async fn documented_paths_are_the_contract_route_table() {
    let doc: Value = serde_json::from_str(COMMITTED).unwrap();
    let mut routes: Vec<String> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .unwrap()
                .keys()
                .map(move |m| format!("{} {path}", m.to_uppercase()))
        })
        .collect();
    routes.sort();
    let mut expected = vec![
        "GET /v1/health",
        "GET /v1/openapi.json",
        "GET /v1/whoami",
        "GET /v1/customers",
        "GET /v1/customers/{customer}",
        "GET /v1/categories",
        "GET /v1/cases",
        "POST /v1/cases",
        "GET /v1/cases/{case}",
        "PATCH /v1/cases/{case}",
        "POST /v1/cases/{case}/close",
        "POST /v1/cases/{case}/reopen",
        "POST /v1/cases/{case}/escalate",
        "POST /v1/cases/{case}/share",
        "POST /v1/cases/{case}/state",
        "POST /v1/cases/{case}/read",
        "GET /v1/cases/{case}/comments",
        "POST /v1/cases/{case}/comments",
        "GET /v1/cases/{case}/attachments",
        "POST /v1/cases/{case}/attachments",
        "GET /v1/cases/{case}/attachments/{attachment}/content",
        "GET /v1/cases/{case}/events",
    ];
    expected.sort();
    assert_eq!(routes, expected);
}

#[tokio::test]
async fn successful_responses_match_the_document() {
    let world = World::new();
    let api = world.api_a();
    let doc: Value = serde_json::from_str(COMMITTED).unwrap();
    let check = |m: &str, p: &str, a: &Answer| assert_matches_document(&doc, m, p, a);

    check("get", "/v1/health", &api.get("/v1/health").await);
    check("get", "/v1/whoami", &api.get("/v1/whoami").await);
    check(
        "get",
        "/v1/categories",
        &api.get("/v1/categories?query=gmail").await,
    );
    check(
        "get",
        "/v1/customers",
        &api.get("/v1/customers?pageSize=2").await,
    );
    check(
        "get",
        "/v1/customers/{customer}",
        &api.get("/v1/customers/premium-co").await,
    );

    let body = crate::common::new_case("premium-co", "Schema check");
    let created = api.post("/v1/cases", body.clone()).await;
    assert_eq!(created.status, 201);
    check("post", "/v1/cases", &created);
    check("post", "/v1/cases", &api.post("/v1/cases", body).await);
    let id = created.body["id"].as_u64().unwrap();
    let case = format!("/v1/cases/{id}");
    check("get", "/v1/cases", &api.get("/v1/cases?pageSize=1").await);
    check("get", "/v1/cases/{case}", &api.get(&case).await);
    check(
        "patch",
        "/v1/cases/{case}",
        &api.patch(&case, json!({"priority": "P1"})).await,
    );
    check(
        "post",
        "/v1/cases/{case}/comments",
        &api.post(&format!("{case}/comments"), json!({"body": "hello"}))
            .await,
    );
    check(
        "get",
        "/v1/cases/{case}/comments",
        &api.get(&format!("{case}/comments")).await,
    );
    check(
        "post",
        "/v1/cases/{case}/attachments",
        &api.upload(id, "a.txt", b"abc".to_vec(), None).await,
    );
    check(
        "get",
        "/v1/cases/{case}/attachments",
        &api.get(&format!("{case}/attachments")).await,
    );
    check(
        "post",
        "/v1/cases/{case}/share",
        &api.post(
            &format!("{case}/share"),
            json!({"add": ["it@premium-co.example"]}),
        )
        .await,
    );
    check(
        "post",
        "/v1/cases/{case}/escalate",
        &api.post(
            &format!("{case}/escalate"),
            json!({"reason": "business-impact", "justification": "sales are blocked"}),
        )
        .await,
    );
    check(
        "post",
        "/v1/cases/{case}/state",
        &world
            .api_agent()
            .post(
                &format!("{case}/state"),
                json!({"state": "solution-provided"}),
            )
            .await,
    );
    check(
        "post",
        "/v1/cases/{case}/read",
        &api.post(&format!("{case}/read"), json!({})).await,
    );
    check(
        "post",
        "/v1/cases/{case}/close",
        &api.post(&format!("{case}/close"), json!({})).await,
    );
    check(
        "post",
        "/v1/cases/{case}/reopen",
        &api.post(&format!("{case}/reopen"), json!({})).await,
    );
}

#[tokio::test]
async fn error_responses_match_the_document() {
    let world = World::new();
    let api = world.api_a();
    let doc: Value = serde_json::from_str(COMMITTED).unwrap();
    let check = |m: &str, p: &str, a: &Answer| {
        assert!(a.status >= 400, "{m} {p} should have failed: {:?}", a.body);
        assert_matches_document(&doc, m, p, a)
    };
    check(
        "get",
        "/v1/whoami",
        &world.server.api("nope").get("/v1/whoami").await,
    );
    check("get", "/v1/cases/{case}", &api.get("/v1/cases/999").await);
    check(
        "get",
        "/v1/cases",
        &world.server.api(&world.a_viewer).get("/v1/cases").await,
    );
    check(
        "get",
        "/v1/cases",
        &api.get("/v1/cases?state=pending").await,
    );
    check(
        "post",
        "/v1/cases",
        &api.post("/v1/cases", crate::common::new_case("locked-co", "x"))
            .await,
    );
    let id = api.create_case("standard-co", "errors").await;
    check(
        "post",
        "/v1/cases/{case}/reopen",
        &api.post(&format!("/v1/cases/{id}/reopen"), json!({})).await,
    );
    check(
        "post",
        "/v1/cases/{case}/escalate",
        &api.post(
            &format!("/v1/cases/{id}/escalate"),
            json!({"reason": "business-impact", "justification": "x"}),
        )
        .await,
    );
}

#[test]
#[should_panic(expected = "does not allow")]
fn the_check_rejects_a_body_with_an_undocumented_field() {
    let doc: Value = serde_json::from_str(COMMITTED).unwrap();
    let answer = Answer {
        status: 200,
        body: json!({"status": "ok", "version": "1", "surprise": true}),
        headers: Default::default(),
        bytes: Vec::new(),
    };
    assert_matches_document(&doc, "get", "/v1/health", &answer);
}

#[test]
#[should_panic(expected = "does not allow")]
fn the_check_rejects_a_malformed_timestamp() {
    let doc: Value = serde_json::from_str(COMMITTED).unwrap();
    let answer = Answer {
        status: 201,
        body: json!({"id": 1, "caseId": 1, "body": "b", "author": "a@b.example",
                     "authorRole": "reseller", "createTime": "yesterday"}),
        headers: Default::default(),
        bytes: Vec::new(),
    };
    assert_matches_document(&doc, "post", "/v1/cases/{case}/comments", &answer);
}
