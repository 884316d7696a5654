//! Concurrency and durability: parallel idempotent creates, parallel writes to one case, a
//! server killed with SIGKILL mid-stream, and graceful shutdown on SIGTERM.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use crate::common::process::ProcessWorld;
use crate::common::{World, new_case};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_creates_with_one_request_id_make_one_case() {
    let world = World::new();
    let body = new_case("premium-co", "retried from many places");
    let tasks: Vec<_> = (0..24)
        .map(|_| {
            let api = world.api_a();
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
    let list = world.api_a().get("/v1/cases?state=all").await;
    assert_eq!(list.body["cases"].as_array().unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_comments_on_one_case_are_all_kept() {
    let world = World::new();
    let id = world.api_a().create_case("premium-co", "busy").await;
    let tasks: Vec<_> = (0..30)
        .map(|i| {
            let api = world.api_a();
            tokio::spawn(async move {
                api.post(
                    &format!("/v1/cases/{id}/comments"),
                    json!({"body": format!("m{i}")}),
                )
                .await
                .status
            })
        })
        .collect();
    for task in tasks {
        assert_eq!(task.await.unwrap(), 201);
    }
    let case = world.api_a().get(&format!("/v1/cases/{id}")).await;
    assert_eq!(case.body["commentCount"], 30);
    let comments = world
        .api_a()
        .get(&format!("/v1/cases/{id}/comments?pageSize=100"))
        .await;
    assert_eq!(comments.body["comments"].as_array().unwrap().len(), 30);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_shares_on_one_case_lose_no_subscriber() {
    let world = World::new();
    let id = world.api_a().create_case("premium-co", "shared").await;
    let tasks: Vec<_> = (0..16)
        .map(|i| {
            let api = world.api_a();
            tokio::spawn(async move {
                api.post(
                    &format!("/v1/cases/{id}/share"),
                    json!({"add": [format!("user{i}@premium-co.example")]}),
                )
                .await
                .status
            })
        })
        .collect();
    for task in tasks {
        assert_eq!(task.await.unwrap(), 200);
    }
    let case = world.api_a().get(&format!("/v1/cases/{id}")).await;
    assert_eq!(
        case.body["subscriberEmailAddresses"]
            .as_array()
            .unwrap()
            .len(),
        16
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_acknowledged_create_survives_a_sigkill() {
    let mut world = ProcessWorld::new("warn");
    let acknowledged = Arc::new(Mutex::new(Vec::<u64>::new()));
    let writers: Vec<_> = (0..4)
        .map(|_| {
            let api = world.api_a();
            let acknowledged = acknowledged.clone();
            tokio::spawn(async move {
                // Bounded: the server is killed long before this ends.
                for i in 0..5000 {
                    let request = api
                        .send_raw(
                            "POST",
                            "/v1/cases",
                            Some(new_case("premium-co", &format!("stream {i}"))),
                        )
                        .await;
                    match request {
                        Ok(answer) if answer.status == 201 => {
                            acknowledged
                                .lock()
                                .unwrap()
                                .push(answer.body["id"].as_u64().unwrap());
                        }
                        _ => return,
                    }
                }
            })
        })
        .collect();
    // Let a stream of creates be acknowledged, then kill the server in the middle of it.
    for _ in 0..1000 {
        if acknowledged.lock().unwrap().len() >= 60 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    world.server.kill();
    for writer in writers {
        writer.await.unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(acknowledged.len() >= 60);

    world.server.restart();
    let api = world.api_a();
    let mut stored = BTreeSet::new();
    let mut token: Option<String> = None;
    for _ in 0..1000 {
        let mut path = "/v1/cases?state=all&pageSize=500".to_string();
        if let Some(t) = &token {
            path.push_str(&format!("&pageToken={t}"));
        }
        let page = api.get(&path).await;
        stored.extend(
            page.body["cases"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["id"].as_u64().unwrap()),
        );
        match page.body["nextPageToken"].as_str() {
            Some(t) => token = Some(t.to_string()),
            None => break,
        }
    }
    for id in &acknowledged {
        assert!(stored.contains(id), "acknowledged case {id} was lost");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigterm_finishes_in_flight_requests_and_exits_cleanly() {
    let mut world = ProcessWorld::new("warn");
    let acknowledged = Arc::new(Mutex::new(Vec::<u64>::new()));
    let writer = {
        let api = world.api_a();
        let acknowledged = acknowledged.clone();
        tokio::spawn(async move {
            for i in 0..5000 {
                match api
                    .send_raw(
                        "POST",
                        "/v1/cases",
                        Some(new_case("premium-co", &format!("t{i}"))),
                    )
                    .await
                {
                    Ok(answer) if answer.status == 201 => {
                        acknowledged
                            .lock()
                            .unwrap()
                            .push(answer.body["id"].as_u64().unwrap());
                    }
                    _ => return,
                }
            }
        })
    };
    for _ in 0..1000 {
        if acknowledged.lock().unwrap().len() >= 20 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    let clean = tokio::task::spawn_blocking(move || {
        let clean = world.server.terminate();
        (clean, world)
    })
    .await
    .unwrap();
    writer.await.unwrap();
    let (clean, mut world) = clean;
    assert!(clean, "the server did not exit cleanly on SIGTERM");
    world.server.restart();
    let list = world.api_a().get("/v1/cases?state=all&pageSize=500").await;
    let stored: BTreeSet<u64> = list.body["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_u64().unwrap())
        .collect();
    for id in acknowledged.lock().unwrap().iter() {
        assert!(stored.contains(id), "acknowledged case {id} was lost");
    }
}
