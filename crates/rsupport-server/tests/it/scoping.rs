//! Domain scoping: another domain's token reaches nothing of a domain's cases or customers,
//! on every route of the OpenAPI document; customers that move keep their old cases with the
//! old reseller.

use crate::common::{World, new_case};
use serde_json::{Value, json};

const DOCUMENT: &str = include_str!("../../../../docs/openapi.json");
const SECRET_TITLE: &str = "Confidential outage at premium-co";
const SECRET_TEXT: &str = "the-secret-description-of-a";

/// The body each operation gets in the cross-domain probe. A new operation with a request body
/// must be added here, or the probe fails.
fn probe_body(operation_id: &str) -> Option<Value> {
    Some(match operation_id {
        "createCase" => new_case("premium-co", "filed by b for a's customer"),
        "updateCase" => json!({"priority": "P1", "displayName": "hijacked"}),
        "closeCase" | "reopenCase" => json!({"comment": "from b"}),
        "escalateCase" => json!({"reason": "business-impact", "justification": "from b"}),
        "shareCase" => json!({"add": ["spy@b.example"], "remove": ["it@premium-co.example"]}),
        "setCaseState" => json!({"state": "closed"}),
        "markCaseRead" => json!({}),
        "createComment" => json!({"body": "from b"}),
        _ => return None,
    })
}

struct Snapshot {
    case: Value,
    comments: Value,
    attachments: Value,
    customer: Value,
    events: Value,
}

async fn snapshot(world: &World, id: u64) -> Snapshot {
    let a = world.api_a();
    Snapshot {
        case: a.get(&format!("/v1/cases/{id}")).await.body,
        comments: a.get(&format!("/v1/cases/{id}/comments")).await.body,
        attachments: a.get(&format!("/v1/cases/{id}/attachments")).await.body,
        customer: a.get("/v1/customers/premium-co").await.body,
        events: a.get(&format!("/v1/cases/{id}/events")).await.body,
    }
}

#[tokio::test]
async fn another_domain_reads_and_changes_nothing_on_any_route() {
    let world = World::new();
    let a = world.api_a();
    let mut body = new_case("premium-co", SECRET_TITLE);
    body["description"] = json!(SECRET_TEXT);
    body["subscriberEmailAddresses"] = json!(["it@premium-co.example"]);
    let id = a.post("/v1/cases", body).await.body["id"].as_u64().unwrap();
    a.post(
        &format!("/v1/cases/{id}/comments"),
        json!({"body": SECRET_TEXT}),
    )
    .await;
    let att = a
        .upload(id, "secret.txt", SECRET_TEXT.as_bytes().to_vec(), None)
        .await
        .body["id"]
        .as_u64()
        .unwrap();
    // B has a case of its own, so lists are not trivially empty.
    world.api_b().create_case("b-co", "b's own case").await;
    let before = snapshot(&world, id).await;

    let doc: Value = serde_json::from_str(DOCUMENT).unwrap();
    let b = world.api_b();
    let mut probed = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let op = operation["operationId"].as_str().unwrap();
            let concrete = path
                .replace("{case}", &id.to_string())
                .replace("{customer}", "premium-co")
                .replace("{attachment}", &att.to_string());
            let answer = if op == "uploadAttachment" {
                b.upload(id, "planted.txt", b"from b".to_vec(), None).await
            } else {
                let body = probe_body(op);
                assert!(
                    operation.get("requestBody").is_none() || body.is_some(),
                    "operation {op} takes a body: add one to probe_body"
                );
                b.send(&method.to_uppercase(), &concrete, body).await
            };
            probed += 1;
            let text = String::from_utf8_lossy(&answer.bytes);
            assert!(
                !text.contains(SECRET_TITLE) && !text.contains(SECRET_TEXT),
                "{method} {path} leaked a's data to b: {text}"
            );
            if path.contains('{') || op == "createCase" {
                assert!(
                    answer.status == 404 || answer.status == 403,
                    "{method} {path} answered {} to another domain: {text}",
                    answer.status
                );
            }
            if op == "listCases" {
                let ids: Vec<u64> = answer.body["cases"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c["id"].as_u64().unwrap())
                    .collect();
                assert!(!ids.contains(&id));
            }
            if op == "listCustomers" {
                assert!(!text.contains("premium-co"), "{text}");
            }
        }
    }
    assert_eq!(probed, 22);

    let after = snapshot(&world, id).await;
    assert_eq!(after.case, before.case, "a's case changed");
    assert_eq!(after.comments, before.comments);
    assert_eq!(after.attachments, before.attachments);
    assert_eq!(after.customer, before.customer);
    assert_eq!(after.events, before.events);
}

#[tokio::test]
async fn another_domains_case_is_not_found_never_forbidden() {
    let world = World::new();
    let id = world.api_a().create_case("premium-co", "x").await;
    let answer = world.api_b().get(&format!("/v1/cases/{id}")).await;
    assert_eq!(answer.status, 404);
    assert_eq!(answer.reason(), "CASE_NOT_FOUND");
}

#[tokio::test]
async fn another_domains_customer_is_not_found() {
    let world = World::new();
    let answer = world.api_b().get("/v1/customers/premium-co").await;
    assert_eq!(answer.reason(), "CUSTOMER_NOT_FOUND");
}

#[tokio::test]
async fn customers_list_only_those_the_domain_manages() {
    let world = World::new();
    let answer = world.api_a().get("/v1/customers").await;
    let ids: Vec<&str> = answer.body["customers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        vec!["enhanced-co", "locked-co", "premium-co", "standard-co"]
    );
}

#[tokio::test]
async fn customers_can_be_searched_by_keyword() {
    let world = World::new();
    let answer = world.api_a().get("/v1/customers?query=prem").await;
    let ids: Vec<&str> = answer.body["customers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec!["premium-co"]);
}

#[tokio::test]
async fn a_moved_customer_keeps_its_old_cases_with_the_old_reseller() {
    let world = World::new();
    let old = world.api_a().create_case("premium-co", "filed by a").await;
    world
        .server
        .admin(&["customer", "move", "premium-co", "--to", "b.example"]);
    let new = world.api_b().create_case("premium-co", "filed by b").await;

    assert_eq!(
        world.api_a().get(&format!("/v1/cases/{old}")).await.status,
        200
    );
    assert_eq!(
        world.api_b().get(&format!("/v1/cases/{old}")).await.status,
        404
    );
    assert_eq!(
        world.api_a().get(&format!("/v1/cases/{new}")).await.status,
        404
    );
    let a_list = world.api_a().get("/v1/cases?customer=premium-co").await;
    let ids: Vec<u64> = a_list.body["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids, vec![old]);
}

#[tokio::test]
async fn the_old_reseller_can_still_write_to_cases_of_a_moved_customer() {
    let world = World::new();
    let old = world.api_a().create_case("premium-co", "filed by a").await;
    world
        .server
        .admin(&["customer", "move", "premium-co", "--to", "b.example"]);
    let answer = world
        .api_a()
        .post(
            &format!("/v1/cases/{old}/comments"),
            json!({"body": "still ours"}),
        )
        .await;
    assert_eq!(answer.status, 201, "{:?}", answer.body);
}

#[tokio::test]
async fn the_old_reseller_can_no_longer_file_for_a_moved_customer() {
    let world = World::new();
    world
        .server
        .admin(&["customer", "move", "premium-co", "--to", "b.example"]);
    let answer = world
        .api_a()
        .post("/v1/cases", new_case("premium-co", "x"))
        .await;
    assert_eq!(answer.reason(), "CUSTOMER_NOT_FOUND");
    let customers = world.api_a().get("/v1/customers").await;
    assert!(!customers.body.to_string().contains("premium-co"));
}

#[tokio::test]
async fn filtering_on_a_customer_never_seen_is_customer_not_found() {
    let world = World::new();
    let answer = world.api_a().get("/v1/cases?customer=b-co").await;
    assert_eq!(answer.reason(), "CUSTOMER_NOT_FOUND");
}

#[tokio::test]
async fn the_demo_has_one_person_with_an_account_in_each_domain() {
    use rsupport_server::demo;
    let server = crate::common::TestServer::start_dev();
    for (email, domain) in [
        (demo::ADMIN_EMAIL, demo::RESELLER_DOMAIN),
        (demo::PARTNER_ADMIN_EMAIL, demo::PARTNER_DOMAIN),
    ] {
        let whoami = server.api(&server.token(email)).get("/v1/whoami").await;
        assert_eq!(whoami.body["domain"], domain);
    }
    let old = server
        .api(&server.token(demo::ADMIN_EMAIL))
        .get(&format!("/v1/cases/{}", demo::CASE_MOVED_OLD))
        .await;
    assert_eq!(old.body["customer"], demo::CUSTOMER_MOVED);
    let new = server
        .api(&server.token(demo::PARTNER_ADMIN_EMAIL))
        .get(&format!("/v1/cases/{}", demo::CASE_MOVED_NEW))
        .await;
    assert_eq!(new.body["customer"], demo::CUSTOMER_MOVED);
}

#[tokio::test]
async fn customers_page_by_id() {
    let world = World::new();
    let api = world.api_a();
    let first = api.get("/v1/customers?pageSize=3").await;
    let token = first.body["nextPageToken"].as_str().unwrap();
    let second = api
        .get(&format!("/v1/customers?pageSize=3&pageToken={token}"))
        .await;
    let ids: Vec<&str> = first.body["customers"]
        .as_array()
        .unwrap()
        .iter()
        .chain(second.body["customers"].as_array().unwrap())
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        vec!["enhanced-co", "locked-co", "premium-co", "standard-co"]
    );
    assert!(second.body.get("nextPageToken").is_none());
}
