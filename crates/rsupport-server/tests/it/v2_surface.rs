//! The Cloud Support API v2 surface (`/v2/…`, `/upload/v2/…`) end to end over real HTTP: every
//! route, the update-mask rule, short pages that still carry a next token, Google's error
//! shape, scoping between domains, the dev token endpoint (JWT-bearer grants signed with the
//! key file it writes), and every answer checked against a fixture of the published discovery
//! document's facts (`tests/fixtures/cloudsupport_v2_schema.json`).

use crate::common::{Answer, Api, TestServer, World, http_client};
use rsupport_server::ServerConfig;
use serde_json::{Value, json};

const FIXTURE: &str = include_str!("../fixtures/cloudsupport_v2_schema.json");

/// Checks JSON against the fixture: no field the schema lacks, each of the right type, enum
/// values among the schema's.
struct Discovery(Value);

impl Discovery {
    fn load() -> Discovery {
        Discovery(serde_json::from_str(FIXTURE).expect("the fixture is JSON"))
    }

    fn problems(&self, schema: &str, value: &Value) -> Vec<String> {
        let mut problems = Vec::new();
        self.object(schema, value, schema, &mut problems);
        problems
    }

    #[track_caller]
    fn assert(&self, schema: &str, value: &Value) {
        let problems = self.problems(schema, value);
        assert!(
            problems.is_empty(),
            "not a {schema} of the discovery fixture: {problems:#?}\n{value:#}"
        );
    }

    fn object(&self, schema: &str, value: &Value, at: &str, problems: &mut Vec<String>) {
        let fields = &self.0["schemas"][schema]["fields"];
        assert!(fields.is_object(), "the fixture has no schema {schema}");
        let Some(object) = value.as_object() else {
            problems.push(format!("{at}: not an object"));
            return;
        };
        for (key, field) in object {
            let spec = &fields[key];
            if spec.is_null() {
                problems.push(format!("{at}.{key}: not a field of {schema}"));
                continue;
            }
            self.field(spec, field, &format!("{at}.{key}"), problems);
        }
    }

    fn field(&self, spec: &Value, value: &Value, at: &str, problems: &mut Vec<String>) {
        if let Some(schema) = spec["ref"].as_str() {
            return self.object(schema, value, at, problems);
        }
        let kind = spec["type"].as_str().expect("a field has a type or a ref");
        let fits = match kind {
            "string" => value.is_string(),
            "boolean" => value.is_boolean(),
            "integer" => value.is_i64() || value.is_u64(),
            "array" => value.is_array(),
            "object" => value.is_object(),
            other => panic!("the fixture names an unknown type {other}"),
        };
        if !fits {
            problems.push(format!("{at}: {value} is not a {kind}"));
            return;
        }
        if let Some(values) = spec["enum"].as_array()
            && !values.contains(value)
        {
            problems.push(format!("{at}: {value} is not one of {values:?}"));
        }
        let text = value.as_str().unwrap_or("");
        match spec["format"].as_str() {
            Some("google-datetime")
                if text.parse::<jiff::Timestamp>().is_err() || !text.ends_with('Z') =>
            {
                problems.push(format!("{at}: '{text}' is not an RFC 3339 UTC time"));
            }
            Some("int64") if text.parse::<i64>().is_err() => {
                problems.push(format!("{at}: {value} is not an int64 in a string"));
            }
            _ => {}
        }
        if let (Some(items), Some(elements)) = (spec.get("items"), value.as_array()) {
            for (i, element) in elements.iter().enumerate() {
                self.field(items, element, &format!("{at}[{i}]"), problems);
            }
        }
    }
}

/// A create body as the API takes it.
fn case_body(title: &str) -> Value {
    json!({
        "displayName": title,
        "description": format!("{title}: since 9:00 every message bounces"),
        "classification": {"id": "gmail-delivery"},
        "priority": "P3",
        "timeZone": "Europe/Rome",
        "languageCode": "en-US",
        "subscriberEmailAddresses": ["it-team@premium-co.example"],
    })
}

/// Files a case under `projects/{customer}` and answers it.
async fn create(api: &Api, customer: &str, title: &str) -> Value {
    let answer = api
        .post(&format!("/v2/projects/{customer}/cases"), case_body(title))
        .await;
    assert_eq!(answer.status, 200, "{:#}", answer.body);
    answer.body
}

#[track_caller]
fn assert_google_error(answer: &Answer, code: u16, status: &str, says: &str) {
    assert_eq!(answer.status, code, "{:#}", answer.body);
    let error = answer.body["error"]
        .as_object()
        .unwrap_or_else(|| panic!("no error object: {:#}", answer.body));
    let mut keys: Vec<&str> = error.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["code", "message", "status"], "{:#}", answer.body);
    assert_eq!(answer.body["error"]["code"], code);
    assert_eq!(answer.body["error"]["status"], status, "{:#}", answer.body);
    let message = answer.body["error"]["message"].as_str().unwrap();
    assert!(message.contains(says), "'{message}' does not say '{says}'");
    Discovery::load().assert("ErrorResponse", &answer.body);
}

async fn upload(api: &Api, case: &str, query: &str, bytes: Vec<u8>) -> Answer {
    let client = http_client(reqwest::Client::builder());
    let response = client
        .post(format!("{}/upload/v2/{case}/attachments?{query}", api.base))
        .bearer_auth(&api.token)
        .body(bytes)
        .send()
        .await
        .expect("upload");
    Answer::read(response).await.expect("the upload's answer")
}

#[tokio::test]
async fn v2_a_case_is_filed_read_and_listed_with_googles_names_and_enums() {
    let world = World::new();
    let api = world.api_a();
    let case = create(&api, "premium-co", "Mail to partners bounces").await;
    let name = case["name"].as_str().unwrap().to_string();
    assert!(name.starts_with("projects/premium-co/cases/"), "{name}");
    assert_eq!(case["state"], "NEW");
    assert_eq!(case["priority"], "P3");
    assert_eq!(case["classification"]["id"], "gmail-delivery");
    assert_eq!(case["classification"]["displayName"], "Gmail > Delivery");
    assert_eq!(case["creator"]["email"], "admin@a.example");
    assert_eq!(case["timeZone"], "Europe/Rome");
    assert_eq!(
        case["subscriberEmailAddresses"],
        json!(["it-team@premium-co.example"])
    );

    let got = api.get(&format!("/v2/{name}")).await;
    assert_eq!(got.status, 200);
    assert_eq!(got.body, case);

    let listed = api.get("/v2/projects/premium-co/cases").await;
    assert_eq!(listed.status, 200);
    assert_eq!(listed.body["cases"][0]["name"], name.as_str());
    assert!(listed.body.get("nextPageToken").is_none());

    // P0, Google's most urgent (above P1), is kept as P0: read back, listed, filtered
    let mut urgent = case_body("Everything is down");
    urgent["priority"] = json!("P0");
    let answer = api.post("/v2/projects/premium-co/cases", urgent).await;
    assert_eq!(answer.body["priority"], "P0", "{:#}", answer.body);
    let urgent_name = answer.body["name"].as_str().unwrap().to_string();
    let got = api.get(&format!("/v2/{urgent_name}")).await;
    assert_eq!(got.body["priority"], "P0");
    let only_p0 = api
        .get("/v2/projects/premium-co/cases?filter=priority%3DP0")
        .await;
    assert_eq!(only_p0.status, 200, "{:#}", only_p0.body);
    let p0_names: Vec<&str> = only_p0.body["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(p0_names, [urgent_name.as_str()]);

    // the v1 API sees the same cases: one store, one set of rules; P0 answered as it is
    let id = name.rsplit('/').next().unwrap();
    let v1 = api.get(&format!("/v1/cases/{id}")).await;
    assert_eq!(v1.body["displayName"], "Mail to partners bounces");
    let urgent_id = urgent_name.rsplit('/').next().unwrap();
    let v1 = api.get(&format!("/v1/cases/{urgent_id}")).await;
    assert_eq!(v1.body["priority"], "P0", "{:#}", v1.body);
    let by_severity = api
        .get("/v1/cases?customer=premium-co&orderBy=severity")
        .await;
    assert_eq!(by_severity.status, 200, "{:#}", by_severity.body);
    assert_eq!(by_severity.body["cases"][0]["id"].to_string(), urgent_id);
    assert_eq!(by_severity.body["cases"][0]["priority"], "P0");
}

#[tokio::test]
async fn v2_a_create_missing_a_field_or_with_an_unknown_one_is_refused_naming_it() {
    let world = World::new();
    let api = world.api_a();
    for (field, says) in [
        ("displayName", "displayName is required"),
        ("classification", "classification.id is required"),
        ("priority", "priority is required"),
        ("description", "description is required"),
    ] {
        let mut body = case_body("x");
        body.as_object_mut().unwrap().remove(field);
        let answer = api.post("/v2/projects/premium-co/cases", body).await;
        assert_google_error(&answer, 400, "INVALID_ARGUMENT", says);
    }
    let mut body = case_body("x");
    body["priority"] = json!("P5");
    let answer = api.post("/v2/projects/premium-co/cases", body).await;
    assert_google_error(&answer, 400, "INVALID_ARGUMENT", "P0, P1, P2, P3, P4");
    let mut body = case_body("x");
    body["severity"] = json!("S1");
    let answer = api.post("/v2/projects/premium-co/cases", body).await;
    assert_google_error(&answer, 400, "INVALID_ARGUMENT", "severity");
    let mut body = case_body("x");
    body["classification"]["id"] = json!("no-such-thing");
    let answer = api.post("/v2/projects/premium-co/cases", body).await;
    assert_google_error(
        &answer,
        400,
        "INVALID_ARGUMENT",
        "caseClassifications:search",
    );
    // the rules of /v1: a customer that has not granted access
    let answer = api
        .post("/v2/projects/locked-co/cases", case_body("x"))
        .await;
    assert_google_error(&answer, 403, "PERMISSION_DENIED", "has not granted");
    // a /v1 parameter is not silently ignored: a dry run meant for /v1 must not file a case
    let dry = api
        .post(
            "/v2/projects/premium-co/cases?validateOnly=true",
            case_body("Dry"),
        )
        .await;
    assert_google_error(&dry, 400, "INVALID_ARGUMENT", "'validateOnly'");
    let listed = api.get("/v2/projects/premium-co/cases").await;
    assert!(listed.body.get("cases").is_none(), "{:#}", listed.body);
    let typo = api
        .get("/v2/projects/premium-co/cases?page_size=1&prettyPrint=false")
        .await;
    assert_google_error(
        &typo,
        400,
        "INVALID_ARGUMENT",
        "filter, pageSize, pageToken",
    );
    // proto field names are read too, as Google's JSON parser does
    let answer = api
        .post(
            "/v2/projects/premium-co/cases",
            json!({
                "display_name": "Snake case",
                "description": "d",
                "classification": {"id": "gmail-spam"},
                "priority": "P4",
                "time_zone": "UTC",
            }),
        )
        .await;
    assert_eq!(answer.status, 200, "{:#}", answer.body);
    assert_eq!(answer.body["displayName"], "Snake case");
}

#[tokio::test]
async fn v2_a_patch_changes_exactly_the_fields_its_update_mask_names() {
    let world = World::new();
    let api = world.api_a();
    let case = create(&api, "premium-co", "Mail bounces").await;
    let name = case["name"].as_str().unwrap();

    let answer = api
        .patch(
            &format!("/v2/{name}?updateMask=priority"),
            json!({"priority": "P1", "displayName": "ignored: not in the mask"}),
        )
        .await;
    assert_eq!(answer.status, 200, "{:#}", answer.body);
    assert_eq!(answer.body["priority"], "P1");
    assert_eq!(answer.body["displayName"], "Mail bounces");
    assert_eq!(
        answer.body["subscriberEmailAddresses"],
        json!(["it-team@premium-co.example"]),
        "subscribers the body leaves out are kept"
    );

    let answer = api
        .patch(
            &format!("/v2/{name}?updateMask=displayName,subscriberEmailAddresses"),
            json!({"displayName": "Mail to partners bounces", "subscriberEmailAddresses": ["ops@premium-co.example"]}),
        )
        .await;
    assert_eq!(answer.status, 200, "{:#}", answer.body);
    assert_eq!(answer.body["displayName"], "Mail to partners bounces");
    assert_eq!(
        answer.body["subscriberEmailAddresses"],
        json!(["ops@premium-co.example"])
    );
    assert_eq!(answer.body["priority"], "P1");
}

#[tokio::test]
async fn v2_a_patch_without_an_update_mask_is_refused_and_clears_nothing() {
    let world = World::new();
    let api = world.api_a();
    let case = create(&api, "premium-co", "Mail bounces").await;
    let name = case["name"].as_str().unwrap();
    for query in ["", "?updateMask=", "?updateMask=%20,%20"] {
        let answer = api
            .patch(&format!("/v2/{name}{query}"), json!({"priority": "P1"}))
            .await;
        assert_google_error(&answer, 400, "INVALID_ARGUMENT", "updateMask");
    }
    let answer = api
        .patch(
            &format!("/v2/{name}?updateMask=description"),
            json!({"description": "new"}),
        )
        .await;
    assert_google_error(&answer, 400, "INVALID_ARGUMENT", "'description'");
    let after = api.get(&format!("/v2/{name}")).await;
    assert_eq!(after.body, case, "a refused patch changed the case");
}

#[tokio::test]
async fn v2_close_and_escalate_follow_the_portal_rules() {
    let world = World::new();
    let api = world.api_a();
    let premium = create(&api, "premium-co", "Escalate me").await;
    let name = premium["name"].as_str().unwrap();
    let escalation = json!({"escalation": {"reason": "BUSINESS_IMPACT", "justification": "Payroll mail is stuck"}});
    Discovery::load().assert("EscalateCaseRequest", &escalation);
    let answer = api
        .post(&format!("/v2/{name}:escalate"), escalation.clone())
        .await;
    assert_eq!(answer.status, 200, "{:#}", answer.body);
    assert_eq!(answer.body["escalated"], true);
    let again = api
        .post(&format!("/v2/{name}:escalate"), escalation.clone())
        .await;
    assert_google_error(&again, 400, "FAILED_PRECONDITION", "already escalated");

    let standard = create(&api, "standard-co", "Not premium").await;
    let standard = standard["name"].as_str().unwrap();
    let refused = api
        .post(&format!("/v2/{standard}:escalate"), escalation)
        .await;
    assert_google_error(&refused, 400, "FAILED_PRECONDITION", "premium");
    let no_reason = api
        .post(
            &format!("/v2/{standard}:escalate"),
            json!({"escalation": {"justification": "x"}}),
        )
        .await;
    assert_google_error(&no_reason, 400, "INVALID_ARGUMENT", "escalation.reason");

    let closed = api.post(&format!("/v2/{name}:close"), json!({})).await;
    assert_eq!(closed.status, 200, "{:#}", closed.body);
    assert_eq!(closed.body["state"], "CLOSED");
    let twice = api.post(&format!("/v2/{name}:close"), json!({})).await;
    assert_google_error(&twice, 400, "FAILED_PRECONDITION", "already closed");
    let comment = api
        .post(&format!("/v2/{name}/comments"), json!({"body": "late"}))
        .await;
    assert_google_error(&comment, 400, "FAILED_PRECONDITION", "closed");
    assert!(
        !comment.body.to_string().contains("rsupport case reopen"),
        "a v2 client has no reopen: {:#}",
        comment.body
    );
}

#[tokio::test]
async fn v2_comments_are_posted_and_listed_oldest_first_page_by_page() {
    let world = World::new();
    let api = world.api_a();
    let case = create(&api, "premium-co", "Talk to me").await;
    let name = case["name"].as_str().unwrap();
    for body in ["first", "second", "third"] {
        let answer = api
            .post(&format!("/v2/{name}/comments"), json!({"body": body}))
            .await;
        assert_eq!(answer.status, 200, "{:#}", answer.body);
        assert_eq!(answer.body["body"], body);
        assert_eq!(answer.body["plainTextBody"], body);
        assert!(
            answer.body["name"]
                .as_str()
                .unwrap()
                .starts_with(&format!("{name}/comments/"))
        );
    }
    let id = name.rsplit('/').next().unwrap();
    world
        .server
        .admin(&["support", "reply", id, "--body", "From support"]);
    let mut seen = Vec::new();
    let mut token = String::new();
    loop {
        let answer = api
            .get(&format!("/v2/{name}/comments?pageSize=2&pageToken={token}"))
            .await;
        assert_eq!(answer.status, 200, "{:#}", answer.body);
        for comment in answer.body["comments"].as_array().unwrap() {
            seen.push((
                comment["body"].as_str().unwrap().to_string(),
                comment["creator"]["googleSupport"] == true,
            ));
        }
        match answer.body["nextPageToken"].as_str() {
            Some(next) => token = next.to_string(),
            None => break,
        }
    }
    let expected: Vec<(String, bool)> = [
        ("first", false),
        ("second", false),
        ("third", false),
        ("From support", true),
    ]
    .iter()
    .map(|(b, s)| (b.to_string(), *s))
    .collect();
    assert_eq!(seen, expected);
    let empty = api
        .post(&format!("/v2/{name}/comments"), json!({"body": " "}))
        .await;
    assert_google_error(&empty, 400, "INVALID_ARGUMENT", "body");
}

#[tokio::test]
async fn v2_attachments_are_uploaded_as_media_listed_and_downloaded() {
    let world = World::new();
    let api = world.api_a();
    let case = create(&api, "premium-co", "See the logs").await;
    let name = case["name"].as_str().unwrap();
    let bytes = b"2026-11-29 09:00 bounce: 550 relay denied\n".to_vec();
    let stored = upload(
        &api,
        name,
        "attachment.filename=bounce%20log.txt&uploadType=media",
        bytes.clone(),
    )
    .await;
    assert_eq!(stored.status, 200, "{:#}", stored.body);
    assert_eq!(stored.body["filename"], "bounce log.txt");
    assert_eq!(stored.body["sizeBytes"], bytes.len().to_string());
    assert_eq!(stored.body["mimeType"], "text/plain");
    let attachment = stored.body["name"].as_str().unwrap().to_string();
    assert!(attachment.starts_with(&format!("{name}/attachments/")));

    let listed = api.get(&format!("/v2/{name}/attachments")).await;
    assert_eq!(listed.status, 200);
    assert_eq!(listed.body["attachments"][0], stored.body);

    let downloaded = api
        .get(&format!("/v2/{attachment}:download?alt=media"))
        .await;
    assert_eq!(downloaded.status, 200);
    assert_eq!(downloaded.bytes, bytes);
    let no_alt = api.get(&format!("/v2/{attachment}:download")).await;
    assert_google_error(&no_alt, 400, "INVALID_ARGUMENT", "alt=media");
    let missing = api
        .get(&format!("/v2/{name}/attachments/999:download?alt=media"))
        .await;
    assert_google_error(&missing, 404, "NOT_FOUND", "attachments/999");

    let unnamed = upload(&api, name, "uploadType=media", b"x".to_vec()).await;
    assert_google_error(&unnamed, 400, "INVALID_ARGUMENT", "attachment.filename");
    let empty = upload(&api, name, "attachment.filename=a.txt", Vec::new()).await;
    assert_google_error(&empty, 400, "INVALID_ARGUMENT", "empty");
}

#[tokio::test]
async fn v2_classifications_are_searched_and_paged() {
    let world = World::new();
    let api = world.api_a();
    let gmail = api.get("/v2/caseClassifications:search?query=gmail").await;
    assert_eq!(gmail.status, 200);
    let found = gmail.body["caseClassifications"].as_array().unwrap();
    assert!(found.len() > 2);
    assert!(
        found
            .iter()
            .all(|c| c["displayName"].as_str().unwrap().starts_with("Gmail"))
    );
    let quoted = api
        .get("/v2/caseClassifications:search?query=display_name:%22*Delivery*%22")
        .await;
    assert_eq!(
        quoted.body["caseClassifications"],
        json!([{"id": "gmail-delivery", "displayName": "Gmail > Delivery"}])
    );
    let mut ids = Vec::new();
    let mut token = String::new();
    loop {
        let page = api
            .get(&format!(
                "/v2/caseClassifications:search?pageSize=7&pageToken={token}"
            ))
            .await;
        assert_eq!(page.status, 200, "{:#}", page.body);
        let entries = page.body["caseClassifications"].as_array().unwrap();
        assert!(entries.len() <= 7);
        ids.extend(
            entries
                .iter()
                .map(|c| c["id"].as_str().unwrap().to_string()),
        );
        match page.body["nextPageToken"].as_str() {
            Some(next) => token = next.to_string(),
            None => break,
        }
    }
    let everything: Vec<String> = rsupport_server::catalogue::all()
        .iter()
        .map(|c| c.id.clone())
        .collect();
    assert_eq!(ids, everything);
}

#[tokio::test]
async fn v2_pages_shorter_than_asked_still_carry_a_next_token_until_the_end() {
    let world = World::on(TestServer::start_with(ServerConfig {
        v2_max_page_size: 2,
        ..ServerConfig::default()
    }));
    let api = world.api_a();
    let mut filed = Vec::new();
    for i in 0..5 {
        let case = create(&api, "premium-co", &format!("Case {i}")).await;
        filed.push(case["name"].as_str().unwrap().to_string());
    }
    for path in [
        "/v2/projects/premium-co/cases?pageSize=10",
        "/v2/projects/premium-co/cases:search?pageSize=10&query=state%3DOPEN",
    ] {
        let mut seen = Vec::new();
        let mut token = String::new();
        let mut pages = 0;
        loop {
            let answer = api.get(&format!("{path}&pageToken={token}")).await;
            assert_eq!(answer.status, 200, "{:#}", answer.body);
            let cases = answer.body["cases"].as_array().unwrap();
            assert!(
                cases.len() <= 2,
                "a page holds at most the server's largest page"
            );
            seen.extend(
                cases
                    .iter()
                    .map(|c| c["name"].as_str().unwrap().to_string()),
            );
            pages += 1;
            match answer.body["nextPageToken"].as_str() {
                Some(next) => {
                    assert!(cases.len() < 10, "a short page with a next token");
                    token = next.to_string();
                }
                None => break,
            }
        }
        assert_eq!(pages, 3, "{path}");
        let mut newest_first = filed.clone();
        newest_first.reverse();
        assert_eq!(seen, newest_first, "{path}");
    }
    let bad = api.get("/v2/projects/premium-co/cases?pageSize=-1").await;
    assert_google_error(&bad, 400, "INVALID_ARGUMENT", "pageSize");
    let foreign = api.get("/v2/projects/premium-co/cases?pageSize=1").await;
    let token = foreign.body["nextPageToken"].as_str().unwrap();
    let reused = api
        .get(&format!(
            "/v2/projects/premium-co/cases?pageSize=1&filter=state%3DCLOSED&pageToken={token}"
        ))
        .await;
    assert_google_error(&reused, 400, "INVALID_ARGUMENT", "page token");
}

#[tokio::test]
async fn v2_list_filters_and_search_queries_select_cases() {
    let world = World::new();
    let api = world.api_a();
    let relay = create(&api, "premium-co", "Relay denied for partners").await;
    let calendar = create(&api, "premium-co", "Calendar invites vanish").await;
    let calendar_name = calendar["name"].as_str().unwrap();
    api.patch(
        &format!("/v2/{calendar_name}?updateMask=priority"),
        json!({"priority": "P1"}),
    )
    .await;
    let closed = create(&api, "premium-co", "Old relay question").await;
    api.post(
        &format!("/v2/{}:close", closed["name"].as_str().unwrap()),
        json!({}),
    )
    .await;
    let names = |answer: &Answer| -> Vec<String> {
        answer.body["cases"]
            .as_array()
            .map(|cases| {
                cases
                    .iter()
                    .map(|c| c["displayName"].as_str().unwrap().to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    let open = api
        .get("/v2/projects/premium-co/cases?filter=state%3DOPEN")
        .await;
    assert_eq!(
        names(&open),
        ["Calendar invites vanish", "Relay denied for partners"]
    );
    let urgent = api
        .get("/v2/projects/premium-co/cases?filter=state%3DOPEN%20AND%20(priority%3DP0%20OR%20priority%3DP1)")
        .await;
    assert_eq!(names(&urgent), ["Calendar invites vanish"]);
    let relay_search = api
        .get("/v2/projects/premium-co/cases:search?query=relay")
        .await;
    assert_eq!(
        names(&relay_search),
        ["Old relay question", "Relay denied for partners"]
    );
    let by_query = api
        .get("/v2/cases:search?query=project%3D%22projects%2Fpremium-co%22%20AND%20state%3DCLOSED")
        .await;
    assert_eq!(by_query.status, 200, "{:#}", by_query.body);
    assert_eq!(names(&by_query), ["Old relay question"]);
    let by_parameter = api
        .get("/v2/cases:search?parent=projects%2Fpremium-co&query=relay%20state%3DOPEN")
        .await;
    assert_eq!(names(&by_parameter), ["Relay denied for partners"]);
    let later = relay["updateTime"].as_str().unwrap();
    let after = api
        .get(&format!(
            "/v2/projects/premium-co/cases?filter=update_time%3E%22{later}%22"
        ))
        .await;
    assert!(!names(&after).contains(&"Relay denied for partners".to_string()));

    let no_parent = api.get("/v2/cases:search?query=relay").await;
    assert_google_error(&no_parent, 400, "INVALID_ARGUMENT", "parent");
    let creator = api
        .get("/v2/projects/premium-co/cases?filter=creator.email%3D%22a%40b.example%22")
        .await;
    assert_google_error(&creator, 400, "INVALID_ARGUMENT", "creator.email");
    let text = api.get("/v2/projects/premium-co/cases?filter=relay").await;
    assert_google_error(&text, 400, "INVALID_ARGUMENT", "cases:search");
}

#[tokio::test]
async fn v2_errors_have_googles_shape_and_codes() {
    let world = World::new();
    let api = world.api_a();
    let anonymous = world.server.api("");
    let none = anonymous.get("/v2/projects/premium-co/cases").await;
    assert_google_error(&none, 401, "UNAUTHENTICATED", "bearer token");
    let unknown = world
        .server
        .api("rsp_nope")
        .get("/v2/projects/premium-co/cases")
        .await;
    assert_google_error(&unknown, 401, "UNAUTHENTICATED", "not known");
    let missing = api.get("/v2/projects/premium-co/cases/424242").await;
    assert_google_error(
        &missing,
        404,
        "NOT_FOUND",
        "projects/premium-co/cases/424242",
    );
    let not_a_number = api.get("/v2/projects/premium-co/cases/abc").await;
    assert_google_error(&not_a_number, 404, "NOT_FOUND", "digits");
    let organization = api.get("/v2/organizations/123/cases").await;
    assert_google_error(&organization, 404, "NOT_FOUND", "is not an organization");
    let no_route = api.get("/v2/projects/premium-co/widgets").await;
    assert_google_error(&no_route, 404, "NOT_FOUND", "not a method");
    let viewer = world.server.api(&world.a_viewer);
    let denied = viewer.get("/v2/projects/premium-co/cases").await;
    assert_google_error(&denied, 403, "PERMISSION_DENIED", "cases.access");
    let not_json = api
        .send(
            "POST",
            "/v2/projects/premium-co/cases",
            Some(json!(["not", "an", "object"])),
        )
        .await;
    assert_google_error(&not_json, 400, "INVALID_ARGUMENT", "JSON object");
    let no_token_endpoint = api.post("/v2/dev/oauth2/token", json!({})).await;
    assert_google_error(&no_token_endpoint, 404, "NOT_FOUND", "dev");
}

#[tokio::test]
async fn v2_a_domain_never_sees_another_domains_cases() {
    let world = World::new();
    let a = world.api_a();
    let b = world.api_b();
    let case = create(&a, "premium-co", "Mine").await;
    let name = case["name"].as_str().unwrap();
    for (answer, what) in [
        (b.get(&format!("/v2/{name}")).await, "get"),
        (b.get(&format!("/v2/{name}/comments")).await, "comments"),
        (
            b.get(&format!("/v2/{name}/attachments")).await,
            "attachments",
        ),
        (
            b.post(&format!("/v2/{name}:close"), json!({})).await,
            "close",
        ),
        (
            b.patch(
                &format!("/v2/{name}?updateMask=priority"),
                json!({"priority": "P1"}),
            )
            .await,
            "patch",
        ),
        (
            b.post(&format!("/v2/{name}/comments"), json!({"body": "hi"}))
                .await,
            "comment",
        ),
    ] {
        assert_google_error(&answer, 404, "NOT_FOUND", "not found");
        assert!(!answer.body.to_string().contains("Mine"), "{what}");
    }
    let listed = b.get("/v2/projects/premium-co/cases").await;
    assert_google_error(&listed, 404, "NOT_FOUND", "premium-co");
    let searched = b
        .get("/v2/projects/premium-co/cases:search?query=Mine")
        .await;
    assert_google_error(&searched, 404, "NOT_FOUND", "premium-co");
    let filed = b
        .post("/v2/projects/premium-co/cases", case_body("x"))
        .await;
    assert_google_error(&filed, 404, "NOT_FOUND", "premium-co");
    // a case named under another customer than its own is not found either
    let id = name.rsplit('/').next().unwrap();
    let renamed = a.get(&format!("/v2/projects/standard-co/cases/{id}")).await;
    assert_google_error(&renamed, 404, "NOT_FOUND", "not found");
    let own = b.get("/v2/projects/b-co/cases").await;
    assert_eq!(own.status, 200);
    assert!(own.body.get("cases").is_none(), "{:#}", own.body);
}

/// The claims of a service-account assertion, as Google's client libraries sign them.
fn claims(key: &Value, now: i64) -> Value {
    json!({
        "iss": key["client_email"],
        "scope": "https://www.googleapis.com/auth/cloud-platform",
        "aud": key["token_uri"],
        "iat": now,
        "exp": now + 3600,
    })
}

fn sign(key: &Value, claims: &Value) -> String {
    let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::RS256);
    header.kid = key["private_key_id"].as_str().map(str::to_string);
    let signing =
        jsonwebtoken::EncodingKey::from_rsa_pem(key["private_key"].as_str().unwrap().as_bytes())
            .expect("the key file's private key");
    jsonwebtoken::encode(&header, claims, &signing).expect("sign the assertion")
}

/// An `application/x-www-form-urlencoded` body.
fn form(pairs: &[(&str, &str)]) -> String {
    let encode = |v: &str| {
        percent_encoding::utf8_percent_encode(v, percent_encoding::NON_ALPHANUMERIC).to_string()
    };
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// A JWT-bearer grant of `assertion` at the server's token endpoint.
async fn exchange(server: &TestServer, assertion: &str) -> Answer {
    token_request(
        &format!("{}/v2/dev/oauth2/token", server.url),
        &[
            ("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"),
            ("assertion", assertion),
        ],
    )
    .await
}

/// A refresh-token grant of a user credential file's client and `refresh_token`.
async fn refresh(user: &Value, refresh_token: &str) -> Answer {
    token_request(
        user["token_uri"].as_str().unwrap(),
        &[
            ("grant_type", "refresh_token"),
            ("client_id", user["client_id"].as_str().unwrap()),
            ("client_secret", user["client_secret"].as_str().unwrap()),
            ("refresh_token", refresh_token),
        ],
    )
    .await
}

/// A token request (a form) at `token_uri`.
async fn token_request(token_uri: &str, pairs: &[(&str, &str)]) -> Answer {
    let client = http_client(reqwest::Client::builder());
    let response = client
        .post(token_uri)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form(pairs))
        .send()
        .await
        .expect("token request");
    Answer::read(response)
        .await
        .expect("the token endpoint's answer")
}

fn dev_world() -> World {
    World::on(TestServer::start_with(ServerConfig {
        dev_mode: true,
        ..ServerConfig::default()
    }))
}

#[tokio::test]
async fn v2_a_jwt_signed_with_the_dev_key_file_gets_an_access_token_that_works() {
    let world = dev_world();
    let path = world
        .server
        .dev_service_account("admin@a.example", "premium-co");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the key file is private");
    }
    let key: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(key["type"], "service_account");
    assert_eq!(key["project_id"], "premium-co");
    assert_eq!(
        key["token_uri"],
        format!("{}/v2/dev/oauth2/token", world.server.url)
    );
    assert!(
        key["private_key"]
            .as_str()
            .unwrap()
            .starts_with("-----BEGIN PRIVATE KEY-----")
    );
    for field in ["private_key_id", "client_email", "client_id"] {
        assert!(
            key[field].as_str().is_some_and(|v| !v.is_empty()),
            "{field}"
        );
    }

    let now = jiff::Timestamp::now().as_second();
    let granted = exchange(&world.server, &sign(&key, &claims(&key, now))).await;
    assert_eq!(granted.status, 200, "{:#}", granted.body);
    assert_eq!(granted.body["token_type"], "Bearer");
    assert_eq!(granted.body["expires_in"], 3600);
    let token = granted.body["access_token"].as_str().unwrap();
    let api = world.server.api(token);
    let case = create(&api, "premium-co", "Filed with a service account").await;
    assert_eq!(case["creator"]["email"], "admin@a.example");
    let listed = api.get("/v2/projects/premium-co/cases").await;
    assert_eq!(listed.status, 200);
    assert_eq!(listed.body["cases"][0]["name"], case["name"]);
}

#[tokio::test]
async fn v2_the_dev_token_endpoint_refuses_bad_signatures_audiences_times_and_scopes() {
    let world = dev_world();
    let path = world
        .server
        .dev_service_account("admin@a.example", "premium-co");
    let key: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let now = jiff::Timestamp::now().as_second();

    let good = sign(&key, &claims(&key, now));
    let (head, signature) = good.rsplit_once('.').unwrap();
    let mut forged: Vec<char> = signature.chars().collect();
    forged[10] = if forged[10] == 'A' { 'B' } else { 'A' };
    let forged = format!("{head}.{}", forged.into_iter().collect::<String>());

    let mut wrong_audience = claims(&key, now);
    wrong_audience["aud"] = json!("https://oauth2.googleapis.com/token");
    let mut expired = claims(&key, now - 7200);
    expired["exp"] = json!(now - 3600);
    let mut no_scope = claims(&key, now);
    no_scope["scope"] = json!("https://www.googleapis.com/auth/drive");
    let mut from_the_future = claims(&key, now + 3600);
    from_the_future["exp"] = json!(now + 5000);
    let mut too_long = claims(&key, now);
    too_long["exp"] = json!(now + 7200);
    let mut stranger = claims(&key, now);
    stranger["iss"] = json!("someone@else.iam.gserviceaccount.com");

    for (assertion, error, says) in [
        (forged, "invalid_grant", "Signature"),
        (sign(&key, &wrong_audience), "invalid_grant", "aud"),
        (sign(&key, &expired), "invalid_grant", "expired"),
        (sign(&key, &no_scope), "invalid_scope", "cloud-platform"),
        (sign(&key, &from_the_future), "invalid_grant", "iat"),
        (sign(&key, &too_long), "invalid_grant", "at most 3600"),
        (
            sign(&key, &stranger),
            "invalid_grant",
            "not a service account",
        ),
        ("not.a.jwt".to_string(), "invalid_grant", ""),
    ] {
        let refused = exchange(&world.server, &assertion).await;
        assert_eq!(refused.status, 400, "{:#}", refused.body);
        assert_eq!(refused.body["error"], error, "{:#}", refused.body);
        let description = refused.body["error_description"].as_str().unwrap();
        assert!(description.contains(says), "{description}");
    }
    let wrong_grant = token_request(
        &format!("{}/v2/dev/oauth2/token", world.server.url),
        &[("grant_type", "client_credentials"), ("assertion", &good)],
    )
    .await;
    assert_eq!(wrong_grant.status, 400);
    assert_eq!(wrong_grant.body["error"], "unsupported_grant_type");
    // nothing refused was turned into a token; the good assertion still is
    assert_eq!(exchange(&world.server, &good).await.status, 200);
}

#[tokio::test]
async fn v2_every_answer_matches_the_discovery_fixture() {
    let world = World::new();
    let api = world.api_a();
    let schema = Discovery::load();
    let body = case_body("Schema check");
    schema.assert("Case", &body);
    let created = api.post("/v2/projects/premium-co/cases", body).await;
    schema.assert("Case", &created.body);
    let name = created.body["name"].as_str().unwrap().to_string();
    schema.assert("Case", &api.get(&format!("/v2/{name}")).await.body);
    let patch = json!({"priority": "P2", "displayName": "Schema check, renamed"});
    schema.assert("Case", &patch);
    schema.assert(
        "Case",
        &api.patch(
            &format!("/v2/{name}?updateMask=priority,displayName"),
            patch,
        )
        .await
        .body,
    );
    let comment = json!({"body": "Here are the headers"});
    schema.assert("Comment", &comment);
    schema.assert(
        "Comment",
        &api.post(&format!("/v2/{name}/comments"), comment)
            .await
            .body,
    );
    schema.assert(
        "ListCommentsResponse",
        &api.get(&format!("/v2/{name}/comments")).await.body,
    );
    let stored = upload(
        &api,
        &name,
        "attachment.filename=headers.eml",
        b"Received: x".to_vec(),
    )
    .await;
    schema.assert("Attachment", &stored.body);
    schema.assert(
        "ListAttachmentsResponse",
        &api.get(&format!("/v2/{name}/attachments")).await.body,
    );
    schema.assert(
        "ListCasesResponse",
        &api.get("/v2/projects/premium-co/cases?pageSize=1")
            .await
            .body,
    );
    schema.assert(
        "SearchCasesResponse",
        &api.get("/v2/projects/premium-co/cases:search?query=schema")
            .await
            .body,
    );
    schema.assert(
        "SearchCaseClassificationsResponse",
        &api.get("/v2/caseClassifications:search?query=gmail")
            .await
            .body,
    );
    let escalation = json!({"escalation": {"reason": "TECHNICAL_EXPERTISE", "justification": "Needs an expert"}});
    schema.assert("EscalateCaseRequest", &escalation);
    schema.assert(
        "Case",
        &api.post(&format!("/v2/{name}:escalate"), escalation)
            .await
            .body,
    );
    schema.assert("CloseCaseRequest", &json!({}));
    let closed = api.post(&format!("/v2/{name}:close"), json!({})).await;
    schema.assert("Case", &closed.body);
    assert_eq!(closed.body["state"], "CLOSED");
    schema.assert(
        "ErrorResponse",
        &api.get("/v2/projects/premium-co/cases/999999").await.body,
    );
    // and the checker itself finds what it must
    let wrong = json!({"name": "x", "state": "OPEN", "sizeBytes": 3, "createTime": "yesterday"});
    let problems = schema.problems("Case", &wrong);
    assert_eq!(problems.len(), 3, "{problems:#?}");
}

#[tokio::test]
async fn v2_dev_writes_a_private_key_file_beside_its_database_and_honours_it() {
    use crate::common::process::ServerProcess;
    let dir = tempfile::tempdir().unwrap();
    let server = ServerProcess::dev(dir.path().join("demo.sqlite"));
    let marker = "service-account key (acts as alex@reseller.example.com): ";
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let path = loop {
        if let Some(path) = server
            .stdout_lines()
            .iter()
            .find_map(|l| l.split_once(marker).map(|(_, p)| p.to_string()))
        {
            break std::path::PathBuf::from(path);
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no key file in the banner: {:#?}",
            server.stdout_lines()
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    };
    assert_eq!(path, dir.path().join("dev-service-account.json"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let key: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(
        key["token_uri"],
        format!("{}/v2/dev/oauth2/token", server.url)
    );
    let now = jiff::Timestamp::now().as_second();
    let granted = token_request(
        key["token_uri"].as_str().unwrap(),
        &[
            ("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"),
            ("assertion", &sign(&key, &claims(&key, now))),
        ],
    )
    .await
    .body;
    let token = granted["access_token"]
        .as_str()
        .unwrap_or_else(|| panic!("{granted:#}"));
    let parent = format!("projects/{}", key["project_id"].as_str().unwrap());
    assert_eq!(parent, "projects/acme");
    let listed = server.api(token).get(&format!("/v2/{parent}/cases")).await;
    assert_eq!(listed.status, 200, "{:#}", listed.body);
    assert!(!listed.body["cases"].as_array().unwrap().is_empty());
    // and the user credential (Application Default Credentials) beside it
    let user_path = dir.path().join("dev-authorized-user.json");
    assert!(
        server.stdout_lines().iter().any(|l| l.contains(&format!(
            "GOOGLE_APPLICATION_CREDENTIALS={}",
            user_path.display()
        ))),
        "{:#?}",
        server.stdout_lines()
    );
    let user: Value = serde_json::from_slice(&std::fs::read(&user_path).unwrap()).unwrap();
    let refreshed = refresh(&user, user["refresh_token"].as_str().unwrap()).await;
    assert_eq!(refreshed.status, 200, "{:#}", refreshed.body);
}

#[tokio::test]
async fn v2_the_v2beta_feed_shows_messages_and_attachments_in_time_order() {
    let world = World::new();
    let api = world.api_a();
    let case = create(&api, "premium-co", "Timeline").await;
    let name = case["name"].as_str().unwrap();
    api.post(&format!("/v2/{name}/comments"), json!({"body": "first"}))
        .await;
    let stored = upload(
        &api,
        name,
        "attachment.filename=trace.txt",
        b"trace".to_vec(),
    )
    .await;
    assert_eq!(stored.status, 200, "{:#}", stored.body);
    let id = name.rsplit('/').next().unwrap();
    world
        .server
        .admin(&["support", "reply", id, "--body", "Looking"]);
    let kinds = |answer: &Answer| -> Vec<String> {
        answer.body["feedItems"]
            .as_array()
            .unwrap()
            .iter()
            .map(|item| match (&item["comment"], &item["attachment"]) {
                (Value::Object(c), _) => format!("comment {}", c["body"].as_str().unwrap()),
                (_, Value::Object(a)) => format!("attachment {}", a["filename"].as_str().unwrap()),
                _ => panic!("an item with neither: {item:#}"),
            })
            .collect()
    };
    let feed = api.get(&format!("/v2beta/{name}:showFeed")).await;
    assert_eq!(feed.status, 200, "{:#}", feed.body);
    Discovery::load().assert("ShowFeedResponse", &feed.body);
    assert_eq!(
        kinds(&feed),
        ["comment first", "attachment trace.txt", "comment Looking"]
    );
    assert_eq!(
        feed.body["feedItems"][2]["comment"]["creator"]["googleSupport"],
        true
    );
    let newest = api
        .get(&format!(
            "/v2beta/{name}:showFeed?orderBy=creation_time%20desc"
        ))
        .await;
    assert_eq!(
        kinds(&newest),
        ["comment Looking", "attachment trace.txt", "comment first"]
    );
    let mut paged = Vec::new();
    let mut token = String::new();
    loop {
        let page = api
            .get(&format!(
                "/v2beta/{name}:showFeed?pageSize=2&pageToken={token}"
            ))
            .await;
        assert_eq!(page.status, 200, "{:#}", page.body);
        paged.extend(kinds(&page));
        match page.body["nextPageToken"].as_str() {
            Some(next) => token = next.to_string(),
            None => break,
        }
    }
    assert_eq!(paged, kinds(&feed));
    let bad = api
        .get(&format!("/v2beta/{name}:showFeed?orderBy=update_time"))
        .await;
    assert_google_error(&bad, 400, "INVALID_ARGUMENT", "creation_time");
    let other = world.api_b().get(&format!("/v2beta/{name}:showFeed")).await;
    assert_google_error(&other, 404, "NOT_FOUND", "not found");
}

#[tokio::test]
async fn v2_a_refresh_token_of_the_dev_user_credential_gets_an_access_token_that_works() {
    let world = dev_world();
    let path = world.server.dev_authorized_user("admin@a.example");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the credential file is private");
    }
    let user: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(user["type"], "authorized_user");
    assert_eq!(
        user["token_uri"],
        format!("{}/v2/dev/oauth2/token", world.server.url)
    );
    let granted = refresh(&user, user["refresh_token"].as_str().unwrap()).await;
    assert_eq!(granted.status, 200, "{:#}", granted.body);
    assert_eq!(granted.body["token_type"], "Bearer");
    let api = world
        .server
        .api(granted.body["access_token"].as_str().unwrap());
    let case = create(&api, "premium-co", "Filed with a user's credentials").await;
    assert_eq!(case["creator"]["email"], "admin@a.example");

    let revoked = refresh(&user, "1//not-this-clients").await;
    assert_eq!(revoked.status, 400, "{:#}", revoked.body);
    assert_eq!(revoked.body["error"], "invalid_grant");
    let mut other = user.clone();
    other["client_secret"] = "not-the-secret".into();
    let wrong_client = refresh(&other, user["refresh_token"].as_str().unwrap()).await;
    assert_eq!(wrong_client.status, 401, "{:#}", wrong_client.body);
    assert_eq!(wrong_client.body["error"], "invalid_client");
    let missing = token_request(
        user["token_uri"].as_str().unwrap(),
        &[("grant_type", "refresh_token")],
    )
    .await;
    assert_eq!(
        missing.body["error"], "invalid_request",
        "{:#}",
        missing.body
    );
    assert!(
        missing.body["error_description"]
            .as_str()
            .unwrap()
            .contains("client_id"),
        "{:#}",
        missing.body
    );
}

/// `premium-co` as an organization: its id spelled two digits a character.
const PREMIUM_ORG: &str = "organizations/35372432284032462234";

#[tokio::test]
async fn v2_an_organization_parent_is_the_customer_and_names_cases_under_it() {
    let world = World::new();
    let api = world.api_a();
    let filed = api
        .post(
            &format!("/v2/{PREMIUM_ORG}/cases"),
            case_body("Org-wide outage"),
        )
        .await;
    assert_eq!(filed.status, 200, "{:#}", filed.body);
    let name = filed.body["name"].as_str().unwrap().to_string();
    assert!(name.starts_with(&format!("{PREMIUM_ORG}/cases/")), "{name}");
    let id = name.rsplit('/').next().unwrap();
    // the same case, named by the parent each request gives
    let as_org = api.get(&format!("/v2/{PREMIUM_ORG}/cases/{id}")).await;
    assert_eq!(as_org.body["name"], name.as_str());
    let as_project = api
        .get(&format!("/v2/projects/premium-co/cases/{id}"))
        .await;
    assert_eq!(
        as_project.body["name"],
        format!("projects/premium-co/cases/{id}")
    );
    let listed = api.get(&format!("/v2/{PREMIUM_ORG}/cases")).await;
    assert_eq!(listed.body["cases"][0]["name"], name.as_str());
    let comment = api
        .post(
            &format!("/v2/{name}/comments"),
            json!({"body": "Still down"}),
        )
        .await;
    assert_eq!(comment.status, 200, "{:#}", comment.body);
    assert!(
        comment.body["name"]
            .as_str()
            .unwrap()
            .starts_with(&format!("{name}/comments/")),
        "{:#}",
        comment.body
    );
    // a search restricted to the organization agrees with the project's path
    let query = percent_encoding::utf8_percent_encode(
        &format!("organization=\"{PREMIUM_ORG}\""),
        percent_encoding::NON_ALPHANUMERIC,
    )
    .to_string();
    let searched = api
        .get(&format!(
            "/v2/projects/premium-co/cases:search?query={query}"
        ))
        .await;
    assert_eq!(searched.status, 200, "{:#}", searched.body);
    assert_eq!(searched.body["cases"].as_array().unwrap().len(), 1);
    // another customer's organization does not hold it; a number spelling no id is not one
    let elsewhere = api
        .get(&format!(
            "/v2/organizations/3839203323203723462234/cases/{id}"
        ))
        .await;
    assert_google_error(&elsewhere, 404, "NOT_FOUND", "not found");
    let bogus = api.get("/v2/organizations/99/cases").await;
    assert_google_error(&bogus, 404, "NOT_FOUND", "is not an organization");
    // b.example cannot use a.example's customer under either name
    let b = world.api_b().get(&format!("/v2/{PREMIUM_ORG}/cases")).await;
    assert!(b.status == 403 || b.status == 404, "{:#}", b.body);
}

/// Every item of a Cloud Resource Manager search, following its page tokens.
async fn search_all(api: &Api, what: &str) -> Vec<Value> {
    let mut all = Vec::new();
    let mut token = String::new();
    loop {
        let answer = api
            .get(&format!("/v3/{what}:search?pageToken={token}"))
            .await;
        assert_eq!(answer.status, 200, "{:#}", answer.body);
        all.extend(answer.body[what].as_array().cloned().unwrap_or_default());
        match answer.body["nextPageToken"].as_str() {
            Some(next) => token = next.to_string(),
            None => return all,
        }
    }
}

#[tokio::test]
async fn v3_resource_manager_searches_list_the_customers_the_domain_may_use() {
    let world = World::on(TestServer::start_with(ServerConfig {
        v2_max_page_size: 2,
        ..ServerConfig::default()
    }));
    let api = world.api_a();
    let first = api.get("/v3/projects:search").await;
    assert_eq!(first.body["projects"].as_array().unwrap().len(), 2);
    assert!(first.body["nextPageToken"].is_string(), "{:#}", first.body);
    let projects = search_all(&api, "projects").await;
    let ids: Vec<&str> = projects
        .iter()
        .map(|p| p["projectId"].as_str().unwrap())
        .collect();
    // locked-co revoked its access: not a parent a case can be filed under
    assert_eq!(ids, vec!["enhanced-co", "premium-co", "standard-co"]);
    assert_eq!(projects[1]["name"], "projects/premium-co");
    assert_eq!(projects[1]["state"], "ACTIVE");
    assert_eq!(projects[1]["parent"], PREMIUM_ORG);
    let organizations = search_all(&api, "organizations").await;
    assert_eq!(organizations.len(), 3);
    assert_eq!(organizations[1]["name"], PREMIUM_ORG);
    assert_eq!(organizations[1]["directoryCustomerId"], "premium-co");
    // each organization is usable as a parent
    for organization in &organizations {
        let listed = api
            .get(&format!(
                "/v2/{}/cases",
                organization["name"].as_str().unwrap()
            ))
            .await;
        assert_eq!(listed.status, 200, "{:#}", listed.body);
    }
    let b = search_all(&world.api_b(), "projects").await;
    assert_eq!(b.len(), 1);
    assert_eq!(b[0]["projectId"], "b-co");
    // seeing customers takes customers.view, as /v1/customers
    let viewer = world
        .server
        .api(&world.a_viewer)
        .get("/v3/projects:search")
        .await;
    assert_eq!(viewer.status, 200, "{:#}", viewer.body);
    let nobody = world
        .server
        .api(&world.a_nobody)
        .get("/v3/organizations:search")
        .await;
    assert_google_error(&nobody, 403, "PERMISSION_DENIED", "privilege");
    let filtered = api
        .get("/v3/projects:search?query=displayName%3Aacme")
        .await;
    assert_google_error(&filtered, 400, "INVALID_ARGUMENT", "query");
    let unknown = api.get("/v3/folders:search").await;
    assert_google_error(&unknown, 404, "NOT_FOUND", "projects:search");
    let reused = api
        .get(&format!(
            "/v3/organizations:search?pageToken={}",
            first.body["nextPageToken"].as_str().unwrap()
        ))
        .await;
    assert_google_error(&reused, 400, "INVALID_ARGUMENT", "page token");
}
