//! Two real `rsupport-server serve` processes on one database behave as one server: the same
//! create request through both makes one case, concurrent writes of one case through both lose
//! nothing, and a list paged across both stays exact. Run on the engine of the suite (with
//! `scripts/with-postgres`, one PostgreSQL database; otherwise one SQLite file).

use std::collections::BTreeSet;

use crate::common::new_case;
use crate::common::process::ServerProcess;
use rsupport_server::store::{DbSpec, Store};
use rsupport_server::testing::{Api, People, TestDatabase, seed_world};
use serde_json::json;

/// One seeded database and two servers on it.
struct TwoServers {
    one: ServerProcess,
    two: ServerProcess,
    people: People,
    _pg: Option<TestDatabase>,
    _dir: tempfile::TempDir,
}

impl TwoServers {
    fn start() -> TwoServers {
        let dir = tempfile::tempdir().expect("temp dir");
        let pg = TestDatabase::from_env();
        let db = match &pg {
            Some(pg) => pg.url.clone(),
            None => dir.path().join("shared.sqlite").display().to_string(),
        };
        let people = seed_world(&Store::open(DbSpec::parse(&db)).expect("open the database"));
        TwoServers {
            one: ServerProcess::serve(&db, "warn"),
            two: ServerProcess::serve(&db, "warn"),
            people,
            _pg: pg,
            _dir: dir,
        }
    }

    fn apis(&self) -> [Api; 2] {
        [self.one.api(&self.people.a), self.two.api(&self.people.a)]
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_request_id_sent_to_both_servers_makes_one_case() {
    let servers = TwoServers::start();
    let [one, two] = servers.apis();
    let body = new_case("premium-co", "retried through every server");
    let tasks: Vec<_> = (0..16)
        .map(|i| {
            let api = if i % 2 == 0 { one.clone() } else { two.clone() };
            let body = body.clone();
            tokio::spawn(async move { api.post("/v1/cases", body).await })
        })
        .collect();
    let mut ids = BTreeSet::new();
    let mut created = 0;
    for task in tasks {
        let answer = task.await.unwrap();
        assert!(
            answer.status == 200 || answer.status == 201,
            "{:?}",
            answer.body
        );
        created += usize::from(answer.status == 201);
        ids.insert(answer.body["id"].as_u64().unwrap());
    }
    assert_eq!(ids.len(), 1, "{ids:?}");
    assert_eq!(created, 1);
    for api in [&one, &two] {
        let list = api.get("/v1/cases?state=all").await;
        assert_eq!(list.body["cases"].as_array().unwrap().len(), 1);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_writes_of_one_case_through_both_servers_lose_nothing() {
    let servers = TwoServers::start();
    let [one, two] = servers.apis();
    let id = one.create_case("premium-co", "busy on every server").await;
    let mut tasks = Vec::new();
    for i in 0..24 {
        let api = if i % 2 == 0 { one.clone() } else { two.clone() };
        tasks.push(tokio::spawn(async move {
            // a message, and a subscriber added by a read-modify-write of the list
            let comment = api
                .post(
                    &format!("/v1/cases/{id}/comments"),
                    json!({"body": format!("message {i}")}),
                )
                .await;
            let share = api
                .post(
                    &format!("/v1/cases/{id}/share"),
                    json!({"add": [format!("watcher{i}@a.example")]}),
                )
                .await;
            (comment.status, share.status, share.body)
        }));
    }
    for task in tasks {
        let (comment, share, body) = task.await.unwrap();
        assert_eq!(comment, 201);
        assert_eq!(share, 200, "{body:?}");
    }
    for api in [&one, &two] {
        let case = api.get(&format!("/v1/cases/{id}")).await;
        assert_eq!(case.body["commentCount"], 24);
        let subscribers: BTreeSet<&str> = case.body["subscriberEmailAddresses"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        let expected: BTreeSet<String> = (0..24).map(|i| format!("watcher{i}@a.example")).collect();
        assert_eq!(
            subscribers,
            expected.iter().map(String::as_str).collect(),
            "every share through either server is kept"
        );
        let comments = api
            .get(&format!("/v1/cases/{id}/comments?pageSize=100"))
            .await;
        let bodies: BTreeSet<&str> = comments.body["comments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["body"].as_str().unwrap())
            .collect();
        assert_eq!(bodies.len(), 24);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_list_paged_across_both_servers_is_exact_while_cases_change() {
    let servers = TwoServers::start();
    let [one, two] = servers.apis();
    let mut filed = Vec::new();
    for i in 0..9 {
        let api = if i % 2 == 0 { &one } else { &two };
        filed.push(api.create_case("premium-co", &format!("case {i}")).await);
    }
    // newest first; pages of 2, alternating servers, with writes between pages
    let mut seen = Vec::new();
    let mut token: Option<String> = None;
    let mut page_number = 0;
    loop {
        let api = if page_number % 2 == 0 { &one } else { &two };
        let mut path = "/v1/cases?pageSize=2&state=all".to_string();
        if let Some(t) = &token {
            path.push_str(&format!("&pageToken={t}"));
        }
        let page = api.get(&path).await;
        assert_eq!(page.status, 200, "{:?}", page.body);
        for case in page.body["cases"].as_array().unwrap() {
            seen.push(case["id"].as_u64().unwrap());
        }
        // a case already shown moves to the top, one not yet shown too, and a new one is
        // filed: the pages still show every case that existed at the first page once
        let other = if page_number % 2 == 0 { &two } else { &one };
        let moved = seen[0];
        other
            .post(
                &format!("/v1/cases/{moved}/comments"),
                json!({"body": "bump"}),
            )
            .await;
        let not_yet = filed[0];
        other
            .post(
                &format!("/v1/cases/{not_yet}/comments"),
                json!({"body": "bump"}),
            )
            .await;
        other.create_case("premium-co", "filed while paging").await;
        page_number += 1;
        match page.body["nextPageToken"].as_str() {
            Some(t) if !t.is_empty() => token = Some(t.to_string()),
            _ => break,
        }
    }
    let expected: Vec<u64> = filed.iter().rev().copied().collect();
    assert_eq!(
        seen, expected,
        "every case once, in the order of the first page"
    );
}
