//! The library's API client against the real server: one call per route of the table in
//! `rsupport_api::types`, as the commands use them.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use rsupport::client::Token;
use rsupport::client::{Client, ClientOptions};
use rsupport_api::error::ErrorReason;
use rsupport_api::types::*;

use crate::common::World;

fn client(world: &World, token: &str) -> Client {
    let mut options = ClientOptions::new(world.server.url.clone());
    options.token = Token::new(token).ok();
    options.domain = Some("a.example".into());
    Client::new(options).unwrap()
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

fn create_request(customer: &str, title: &str) -> CreateCaseRequest {
    CreateCaseRequest {
        request_id: uuid::Uuid::new_v4().to_string(),
        customer: customer.into(),
        display_name: title.into(),
        description: "Mail to the customer's domain bounces since this morning.".into(),
        classification: "gmail-delivery".into(),
        priority: Severity::P2,
        language_code: None,
        time_zone: None,
        subscriber_email_addresses: Vec::new(),
    }
}

#[test]
fn health_and_whoami_answer() {
    let world = World::new();
    let api = client(&world, &world.a);
    runtime().block_on(async {
        assert_eq!(api.health().await.unwrap().status, "ok");
        let me = api.whoami().await.unwrap();
        assert_eq!(me.email, "admin@a.example");
        assert_eq!(me.domain.as_deref(), Some("a.example"));
    });
}

#[test]
fn create_case_twice_with_one_request_id_files_one_case() {
    let world = World::new();
    let api = client(&world, &world.a);
    runtime().block_on(async {
        let request = create_request("premium-co", "Bounces");
        let first = api.create_case(&request).await.unwrap();
        let again = api.create_case(&request).await.unwrap();
        assert!(!first.existed && again.existed);
        assert_eq!(first.case.id, again.case.id);
        let mut other = request.clone();
        other.display_name = "Something else".into();
        let err = api.create_case(&other).await.unwrap_err();
        assert_eq!(err.reason(), Some(ErrorReason::IdempotencyConflict));
    });
}

#[test]
fn case_lifecycle_routes_answer_the_updated_case() {
    let world = World::new();
    let api = client(&world, &world.a);
    let agent = client(&world, &world.agent);
    runtime().block_on(async {
        let case = api
            .create_case(&create_request("premium-co", "Lifecycle"))
            .await
            .unwrap()
            .case;
        assert_eq!(
            api.get_case(case.id).await.unwrap().display_name,
            "Lifecycle"
        );
        let updated = api
            .update_case(
                case.id,
                &UpdateCaseRequest {
                    display_name: Some("Renamed".into()),
                    priority: Some(Severity::P1),
                },
            )
            .await
            .unwrap();
        assert_eq!(
            (updated.display_name.as_str(), updated.priority),
            ("Renamed", Severity::P1)
        );
        let shared = api
            .share_case(
                case.id,
                &ShareCaseRequest {
                    add: vec!["ops@premium-co.example".into()],
                    remove: vec![],
                },
            )
            .await
            .unwrap();
        assert!(
            shared
                .subscriber_email_addresses
                .contains(&"ops@premium-co.example".to_string())
        );
        let moved = agent
            .set_case_state(
                case.id,
                &SetCaseStateRequest {
                    state: CaseState::ActionRequired,
                },
            )
            .await
            .unwrap();
        assert_eq!(moved.state, CaseState::ActionRequired);
        let escalated = api
            .escalate_case(
                case.id,
                &EscalateCaseRequest {
                    reason: EscalationReason::BusinessImpact,
                    justification: "Payroll mail is blocked".into(),
                },
            )
            .await
            .unwrap();
        assert!(escalated.escalated);
        let closed = api
            .close_case(case.id, &CaseActionRequest::default())
            .await
            .unwrap();
        assert_eq!(closed.state, CaseState::Closed);
        let err = api
            .close_case(case.id, &CaseActionRequest::default())
            .await
            .unwrap_err();
        assert!(err.reason().is_some(), "{err}");
        let reopened = api
            .reopen_case(case.id, &CaseActionRequest::default())
            .await
            .unwrap();
        assert!(reopened.state.is_open());
    });
}

#[test]
fn comments_are_posted_and_paged_oldest_first() {
    let world = World::new();
    let api = client(&world, &world.a);
    runtime().block_on(async {
        let case = api
            .create_case(&create_request("premium-co", "Talk"))
            .await
            .unwrap()
            .case;
        for n in 0..5 {
            api.create_comment(
                case.id,
                &CreateCommentRequest {
                    body: format!("message {n}"),
                },
            )
            .await
            .unwrap();
        }
        let mut pager = api.comment_pages(
            case.id,
            PageQuery {
                page_size: Some(2),
                page_token: None,
            },
        );
        let mut pages = 0;
        let mut bodies = Vec::new();
        while let Some(page) = pager.next_page().await.unwrap() {
            pages += 1;
            bodies.extend(page.into_iter().map(|c| c.body));
        }
        assert!(pages >= 3, "{pages}");
        let posted: Vec<_> = bodies
            .iter()
            .filter(|b| b.starts_with("message "))
            .collect();
        assert_eq!(
            posted,
            [
                "message 0",
                "message 1",
                "message 2",
                "message 3",
                "message 4"
            ]
        );
    });
}

#[test]
fn case_pages_walk_every_case_once() {
    let world = World::new();
    let api = client(&world, &world.a);
    runtime().block_on(async {
        for n in 0..7 {
            api.create_case(&create_request("standard-co", &format!("case {n}")))
                .await
                .unwrap();
        }
        let all = api
            .case_pages(ListCasesQuery {
                page_size: Some(3),
                state: Some("all".into()),
                ..ListCasesQuery::default()
            })
            .collect_all()
            .await
            .unwrap();
        let mut ids: Vec<u64> = all.iter().map(|c| c.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 7);
        assert_eq!(all.len(), 7);
    });
}

#[test]
fn attachment_uploads_with_progress_and_downloads_byte_for_byte() {
    let world = World::new();
    let api = client(&world, &world.a);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("trace.log");
    let content: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
    std::fs::write(&path, &content).unwrap();
    runtime().block_on(async {
        let case = api
            .create_case(&create_request("premium-co", "Files"))
            .await
            .unwrap()
            .case;
        let sha = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&content));
        let sent = Arc::new(AtomicU64::new(0));
        let seen = sent.clone();
        let attachment = api
            .upload_attachment(
                case.id,
                &path,
                &UploadAttachmentQuery {
                    filename: "trace.log".into(),
                    sha256: Some(sha.clone()),
                    ..UploadAttachmentQuery::default()
                },
                move |n| seen.store(n, Ordering::SeqCst),
            )
            .await
            .unwrap();
        assert_eq!(sent.load(Ordering::SeqCst), content.len() as u64);
        assert_eq!(
            (attachment.size_bytes, attachment.sha256.as_str()),
            (content.len() as u64, sha.as_str())
        );
        let listed = api.list_attachments(case.id).await.unwrap();
        assert_eq!(listed.attachments.len(), 1);

        let download = api
            .download_attachment(case.id, attachment.id)
            .await
            .unwrap();
        assert_eq!(download.size, Some(content.len() as u64));
        let mut out = Vec::new();
        let mut chunks = 0;
        let written = download
            .write_to(&mut out, |_| chunks += 1, |_| {})
            .await
            .unwrap();
        assert_eq!(written, content.len() as u64);
        assert_eq!(out, content);
        assert!(chunks >= 1);
    });
}

#[test]
fn upload_with_a_wrong_checksum_is_refused_whole() {
    let world = World::new();
    let api = client(&world, &world.a);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, b"hello").unwrap();
    runtime().block_on(async {
        let case = api
            .create_case(&create_request("premium-co", "Checksum"))
            .await
            .unwrap()
            .case;
        let err = api
            .upload_attachment(
                case.id,
                &path,
                &UploadAttachmentQuery {
                    filename: "a.txt".into(),
                    sha256: Some("0".repeat(64)),
                    ..UploadAttachmentQuery::default()
                },
                |_| {},
            )
            .await
            .unwrap_err();
        assert_eq!(err.reason(), Some(ErrorReason::ChecksumMismatch));
        assert!(
            api.list_attachments(case.id)
                .await
                .unwrap()
                .attachments
                .is_empty()
        );
    });
}

#[test]
fn upload_of_a_missing_file_is_a_usage_error_naming_it() {
    let world = World::new();
    let api = client(&world, &world.a);
    runtime().block_on(async {
        let err = api
            .upload_attachment(
                1,
                std::path::Path::new("/nonexistent/file.bin"),
                &UploadAttachmentQuery {
                    filename: "file.bin".into(),
                    sha256: None,
                    ..UploadAttachmentQuery::default()
                },
                |_| {},
            )
            .await
            .unwrap_err();
        assert_eq!(rsupport::error::ExitClass::of_client_error(&err).code(), 2);
        assert!(err.to_string().contains("/nonexistent/file.bin"));
    });
}

#[test]
fn customers_and_categories_answer() {
    let world = World::new();
    let api = client(&world, &world.a);
    runtime().block_on(async {
        let customers = api
            .list_customers(&ListCustomersQuery::default())
            .await
            .unwrap();
        assert_eq!(customers.customers.len(), 4);
        let acme = api.get_customer("premium-co").await.unwrap();
        assert_eq!(acme.plan, SupportPlan::Premium);
        let categories = api
            .list_categories(&ListCategoriesQuery {
                query: Some("gmail".into()),
            })
            .await
            .unwrap();
        assert!(
            categories
                .categories
                .iter()
                .all(|c| c.display_name.to_lowercase().contains("gmail") || c.id.contains("gmail"))
        );
    });
}
