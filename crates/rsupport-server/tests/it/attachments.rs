//! Attachments: content-addressed storage, checksum, size limit, download headers.

use rsupport_server::ServerConfig;

use crate::common::{TestServer, World};
use sha2::Digest;

fn sha(bytes: &[u8]) -> String {
    hex::encode(sha2::Sha256::digest(bytes))
}

#[tokio::test]
async fn a_checksum_mismatch_stores_nothing() {
    let world = World::new();
    let api = world.api_a();
    let id = api.create_case("premium-co", "x").await;
    let answer = api
        .upload(id, "a.txt", b"real".to_vec(), Some(&sha(b"other")))
        .await;
    assert_eq!(answer.status, 400);
    assert_eq!(answer.reason(), "CHECKSUM_MISMATCH");
    let list = api.get(&format!("/v1/cases/{id}/attachments")).await;
    assert_eq!(list.body["attachments"], serde_json::json!([]));
    assert_eq!(stored_blobs(&world.server), 0);
}

#[tokio::test]
async fn an_attachment_over_the_limit_is_payload_too_large_with_the_limit() {
    let world = World::on(TestServer::start_with(ServerConfig {
        max_attachment_bytes: 1024,
        ..ServerConfig::default()
    }));
    let api = world.api_a();
    let id = api.create_case("premium-co", "x").await;
    let answer = api.upload(id, "big.bin", vec![7u8; 2048], None).await;
    assert_eq!(answer.status, 413);
    assert_eq!(answer.reason(), "PAYLOAD_TOO_LARGE");
    assert_eq!(answer.body["error"]["details"]["limitBytes"], 1024);
    assert_eq!(
        api.upload(id, "ok.bin", vec![7u8; 1024], None).await.status,
        201
    );
}

#[tokio::test]
async fn a_json_body_over_a_mebibyte_is_payload_too_large() {
    let world = World::new();
    let mut body = crate::common::new_case("premium-co", "x");
    body["description"] = serde_json::json!("x".repeat(1_200_000));
    let answer = world.api_a().post("/v1/cases", body).await;
    assert_eq!(answer.status, 413);
    assert_eq!(answer.reason(), "PAYLOAD_TOO_LARGE");
}

#[tokio::test]
async fn identical_content_is_stored_once() {
    let world = World::new();
    let api = world.api_a();
    let one = api.create_case("premium-co", "one").await;
    let two = api.create_case("premium-co", "two").await;
    api.upload(one, "a.log", b"same bytes".to_vec(), None).await;
    api.upload(two, "b.log", b"same bytes".to_vec(), None).await;
    assert_eq!(stored_blobs(&world.server), 1);
}

#[tokio::test]
async fn a_download_names_the_file_and_its_checksum() {
    let world = World::new();
    let api = world.api_a();
    let id = api.create_case("premium-co", "x").await;
    let content = b"%PDF-1.4 fake".to_vec();
    let up = api
        .upload(id, "rapport d'été.pdf", content.clone(), None)
        .await;
    let att = up.body["id"].as_u64().unwrap();
    assert_eq!(up.body["sha256"], sha(&content));
    assert_eq!(up.body["sizeBytes"], content.len());
    let down = api
        .get(&format!("/v1/cases/{id}/attachments/{att}/content"))
        .await;
    // served as raw bytes whatever the file is; its type is in the attachment's mimeType
    assert_eq!(down.headers["content-type"], "application/octet-stream");
    assert_eq!(up.body["mimeType"], "application/pdf");
    assert_eq!(
        down.headers["content-length"],
        content.len().to_string().as_str()
    );
    let disposition = down.headers["content-disposition"].to_str().unwrap();
    assert!(
        disposition.starts_with("attachment; filename=\""),
        "{disposition}"
    );
    assert!(
        disposition.contains("filename*=UTF-8''rapport%20d%27%C3%A9t%C3%A9%2Epdf"),
        "{disposition}"
    );
    assert_eq!(down.headers["x-content-sha256"], sha(&content).as_str());
}

#[tokio::test]
async fn an_unknown_attachment_is_attachment_not_found() {
    let world = World::new();
    let id = world.api_a().create_case("premium-co", "x").await;
    let answer = world
        .api_a()
        .get(&format!("/v1/cases/{id}/attachments/99/content"))
        .await;
    assert_eq!(answer.status, 404);
    assert_eq!(answer.reason(), "ATTACHMENT_NOT_FOUND");
}

#[tokio::test]
async fn an_attachment_of_another_case_is_not_served_through_this_one() {
    let world = World::new();
    let api = world.api_a();
    let one = api.create_case("premium-co", "one").await;
    let two = api.create_case("premium-co", "two").await;
    let att = api.upload(one, "a.txt", b"a".to_vec(), None).await.body["id"]
        .as_u64()
        .unwrap();
    let answer = api
        .get(&format!("/v1/cases/{two}/attachments/{att}/content"))
        .await;
    assert_eq!(answer.reason(), "ATTACHMENT_NOT_FOUND");
}

#[tokio::test]
async fn the_reseller_api_has_no_way_to_delete_an_attachment() {
    let world = World::new();
    let api = world.api_a();
    let id = api.create_case("premium-co", "x").await;
    let att = api.upload(id, "a.txt", b"a".to_vec(), None).await.body["id"]
        .as_u64()
        .unwrap();
    for path in [
        format!("/v1/cases/{id}/attachments/{att}/content"),
        format!("/v1/cases/{id}/attachments"),
    ] {
        let answer = api.send("DELETE", &path, None).await;
        assert_eq!(answer.status, 405, "{path}");
        assert_eq!(answer.reason(), "METHOD_NOT_ALLOWED", "{path}");
        let allow = answer.headers["allow"].to_str().unwrap();
        assert!(
            allow.contains("GET") && !allow.contains("DELETE"),
            "{allow}"
        );
    }
    let list = api.get(&format!("/v1/cases/{id}/attachments")).await;
    assert_eq!(list.body["attachments"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn an_upload_without_a_filename_names_the_parameter() {
    let world = World::new();
    let id = world.api_a().create_case("premium-co", "x").await;
    let response = reqwest::Client::new()
        .post(format!("{}/v1/cases/{id}/attachments", world.server.url))
        .bearer_auth(&world.a)
        .body("x")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["error"]["details"]["field"], "filename");
}

#[tokio::test]
async fn uploading_bumps_the_attachment_count() {
    let world = World::new();
    let api = world.api_a();
    let id = api.create_case("premium-co", "x").await;
    api.upload(id, "a.txt", b"a".to_vec(), None).await;
    api.upload(id, "b.txt", b"b".to_vec(), None).await;
    assert_eq!(
        api.get(&format!("/v1/cases/{id}")).await.body["attachmentCount"],
        2
    );
}

/// How many files the store holds (rows of its `blobs` table, on either engine).
fn stored_blobs(server: &TestServer) -> usize {
    server
        .snapshot()
        .iter()
        .filter(|row| row.starts_with("blobs: "))
        .count()
}
