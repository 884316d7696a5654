//! The reseller workflows on one case, end to end: view, history with a support reply,
//! update, comment, attach and download, close, reopen (within 30 days and after), escalate,
//! share, and a customer without access.

use crate::common::TestServer;
use crate::common::reseller::{Reseller, block_on};
use sha2::{Digest, Sha256};

fn id_of(reseller: &Reseller, customer: &str, title: &str) -> (u64, String) {
    let id = reseller.seed_case(customer, title);
    (id, id.to_string())
}

#[test]
fn view_shows_every_field_subscribers_attachments_and_the_last_messages() {
    let reseller = Reseller::new();
    let (id, id_s) = id_of(&reseller, "premium-co", "Calendar invites missing");
    reseller
        .run(&["case", "share", &id_s, "--add", "it@premium-co.example"])
        .ok();
    block_on(
        reseller
            .api_a()
            .upload(id, "trace.txt", b"trace".to_vec(), None),
    );
    for i in 1..=4 {
        reseller
            .run(&[
                "case",
                "comment",
                &id_s,
                "--body",
                &format!("update number {i}"),
            ])
            .ok();
    }
    let run = reseller.run(&["case", "view", &id_s]).ok();
    for expected in [
        "Calendar invites missing",
        "premium-co",
        "Gmail > Delivery",
        "it@premium-co.example",
        "trace.txt",
        "Messages (last 3 of 4)",
        "update number 4",
    ] {
        assert!(
            run.stdout.contains(expected),
            "{expected} missing:\n{}",
            run.stdout
        );
    }
    assert!(!run.stdout.contains("update number 1"), "{}", run.stdout);

    let json = reseller.run(&["case", "view", &id_s, "--json"]).ok().json();
    assert_eq!(json["attachments"][0]["filename"], "trace.txt");
    assert_eq!(json["comments"].as_array().unwrap().len(), 3);
    assert_eq!(json["subscriberEmailAddresses"][0], "it@premium-co.example");
}

#[test]
fn history_shows_a_support_reply_after_the_resellers_message_oldest_first() {
    let reseller = Reseller::new();
    let (_, id_s) = id_of(&reseller, "premium-co", "Mail bounces");
    reseller
        .run(&["case", "comment", &id_s, "--body", "Still bouncing"])
        .ok();
    reseller.admin(&[
        "support",
        "reply",
        &id_s,
        "--body",
        "Please send the full headers",
        "--state",
        "action-required",
    ]);
    let history = reseller
        .run(&["case", "history", &id_s, "--only", "messages", "--json"])
        .ok()
        .json();
    let bodies: Vec<(&str, &str)> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["authorRole"].as_str().unwrap(),
                c["body"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        bodies,
        [
            ("reseller", "Still bouncing"),
            ("support", "Please send the full headers")
        ]
    );
    let table = reseller.run(&["case", "history", &id_s]).ok();
    assert!(
        table.stdout.contains("agent@support.example"),
        "{}",
        table.stdout
    );
    assert_eq!(
        reseller.case(id_s.parse().unwrap())["state"],
        "action-required"
    );
}

#[test]
fn update_changes_severity_and_title_and_posts_a_message_in_one_call() {
    let reseller = Reseller::new();
    let (id, id_s) = id_of(&reseller, "premium-co", "Mail bounces");
    let run = reseller
        .run(&[
            "case",
            "update",
            &id_s,
            "--severity",
            "P1",
            "--title",
            "All mail bounces",
            "--comment",
            "It spread to every user",
        ])
        .ok();
    assert!(run.stderr.contains("P3 → P1"), "{}", run.stderr);
    let case = reseller.case(id);
    assert_eq!(case["priority"], "P1");
    assert_eq!(case["displayName"], "All mail bounces");
    assert_eq!(case["commentCount"], 1);
}

#[test]
fn update_without_a_change_is_a_usage_error() {
    let reseller = Reseller::new();
    let (_, id_s) = id_of(&reseller, "premium-co", "Mail bounces");
    let run = reseller.run(&["case", "update", &id_s]).code(2);
    assert!(run.stderr.contains("--severity"), "{}", run.stderr);
}

#[test]
fn a_comment_can_come_from_a_file_or_stdin() {
    let reseller = Reseller::new();
    let (id, id_s) = id_of(&reseller, "premium-co", "Mail bounces");
    reseller
        .run_with_stdin(
            &["case", "comment", &id_s, "--body-file", "-"],
            "from a pipe\n",
        )
        .ok();
    let comments = block_on(reseller.api_a().get(&format!("/v1/cases/{id}/comments")));
    assert_eq!(comments.body["comments"][0]["body"], "from a pipe\n");
}

#[test]
fn a_comment_without_a_body_and_without_a_terminal_names_the_flags() {
    let reseller = Reseller::new();
    let (_, id_s) = id_of(&reseller, "premium-co", "Mail bounces");
    let run = reseller.run(&["case", "comment", &id_s]).code(2);
    assert!(run.stderr.contains("--body"), "{}", run.stderr);
}

#[test]
fn a_comment_with_personal_data_is_refused_without_allow_pii() {
    let reseller = Reseller::new();
    let (id, id_s) = id_of(&reseller, "premium-co", "Mail bounces");
    let run = reseller
        .run(&[
            "case",
            "comment",
            &id_s,
            "--body",
            "IBAN DE89 3704 0044 0532 0130 00",
        ])
        .code(2);
    assert!(run.stderr.contains("IBAN"), "{}", run.stderr);
    assert_eq!(reseller.case(id)["commentCount"], 0);
    reseller
        .run(&[
            "case",
            "comment",
            &id_s,
            "--body",
            "IBAN DE89 3704 0044 0532 0130 00",
            "--allow-pii",
        ])
        .ok();
    assert_eq!(reseller.case(id)["commentCount"], 1);
}

#[test]
fn attach_uploads_files_and_download_verifies_and_writes_them() {
    let reseller = Reseller::new();
    let (_, id_s) = id_of(&reseller, "premium-co", "Mail bounces");
    let src = tempfile::tempdir().unwrap();
    let a = src.path().join("headers.txt");
    let b = src.path().join("screen.png");
    std::fs::write(&a, "Received: by mx\n").unwrap();
    let png: Vec<u8> = (0..70_000u32).map(|i| (i % 251) as u8).collect();
    std::fs::write(&b, &png).unwrap();
    reseller
        .run(&[
            "case",
            "attach",
            &id_s,
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ])
        .ok();
    let listed = reseller
        .run(&["case", "attachments", &id_s, "--json"])
        .ok()
        .json();
    assert_eq!(listed.as_array().unwrap().len(), 2);

    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("case");
    reseller
        .run(&["case", "download", &id_s, "--dir", dir.to_str().unwrap()])
        .ok();
    assert_eq!(
        std::fs::read(dir.join("headers.txt")).unwrap(),
        b"Received: by mx\n"
    );
    assert_eq!(std::fs::read(dir.join("screen.png")).unwrap(), png);
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn download_never_overwrites_without_force() {
    let reseller = Reseller::new();
    let (id, id_s) = id_of(&reseller, "premium-co", "Mail bounces");
    block_on(
        reseller
            .api_a()
            .upload(id, "log.txt", b"new content".to_vec(), None),
    );
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("log.txt");
    std::fs::write(&target, "mine").unwrap();
    let d = dir.path().to_str().unwrap();
    let run = reseller
        .run(&["case", "download", &id_s, "--dir", d])
        .code(2);
    assert!(run.stderr.contains("--force"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "mine");
    reseller
        .run(&["case", "download", &id_s, "--dir", d, "--force"])
        .ok();
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "new content");
}

#[test]
fn download_never_writes_outside_the_folder_whatever_the_server_calls_the_file() {
    let reseller = Reseller::new();
    let (id, id_s) = id_of(&reseller, "premium-co", "Mail bounces");
    for name in ["../../escape.txt", "/etc/cron.d/evil", ".bashrc", ".."] {
        let answer = block_on(
            reseller
                .api_a()
                .upload(id, name, name.as_bytes().to_vec(), None),
        );
        assert_eq!(answer.status, 201, "{name}: {:?}", answer.body);
    }
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("a").join("b");
    reseller
        .run(&["case", "download", &id_s, "--dir", dir.to_str().unwrap()])
        .ok();
    let mut inside: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    inside.sort();
    assert_eq!(inside.len(), 4, "{inside:?}");
    assert!(inside.contains(&"escape.txt".to_string()), "{inside:?}");
    assert!(inside.contains(&"evil".to_string()), "{inside:?}");
    assert!(inside.contains(&"bashrc".to_string()), "{inside:?}");
    assert!(
        inside.iter().any(|n| n.starts_with("attachment-")),
        "{inside:?}"
    );
    assert!(!root.path().join("escape.txt").exists());
    assert!(!root.path().join("a").join("escape.txt").exists());
}

#[test]
fn download_of_one_attachment_by_name_and_clashing_names_get_the_id() {
    let reseller = Reseller::new();
    let (id, id_s) = id_of(&reseller, "premium-co", "Mail bounces");
    let first = block_on(
        reseller
            .api_a()
            .upload(id, "log.txt", b"one".to_vec(), None),
    );
    let second = block_on(
        reseller
            .api_a()
            .upload(id, "log.txt", b"two".to_vec(), None),
    );
    let second_id = second.body["id"].as_u64().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    reseller.run(&["case", "download", &id_s, "--dir", d]).ok();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("log.txt")).unwrap(),
        "one"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join(format!("log-{second_id}.txt"))).unwrap(),
        "two"
    );
    let only = tempfile::tempdir().unwrap();
    let first_id = first.body["id"].as_u64().unwrap().to_string();
    reseller
        .run(&[
            "case",
            "download",
            &id_s,
            &first_id,
            "--dir",
            only.path().to_str().unwrap(),
        ])
        .ok();
    assert_eq!(std::fs::read_dir(only.path()).unwrap().count(), 1);
    reseller
        .run(&["case", "download", &id_s, "nope.txt", "--dir", d])
        .code(3);
}

#[test]
fn uploaded_bytes_match_their_sha256_on_the_server() {
    let reseller = Reseller::new();
    let (id, id_s) = id_of(&reseller, "premium-co", "Mail bounces");
    let src = tempfile::tempdir().unwrap();
    let file = src.path().join("big.bin");
    let bytes: Vec<u8> = (0..300_000u32).map(|i| (i * 7 % 256) as u8).collect();
    std::fs::write(&file, &bytes).unwrap();
    reseller
        .run(&["case", "attach", &id_s, file.to_str().unwrap()])
        .ok();
    let list = block_on(reseller.api_a().get(&format!("/v1/cases/{id}/attachments")));
    assert_eq!(
        list.body["attachments"][0]["sha256"],
        hex::encode(Sha256::digest(&bytes)).as_str()
    );
    assert_eq!(list.body["attachments"][0]["sizeBytes"], 300_000);
}

#[test]
fn close_then_reopen_within_thirty_days() {
    let reseller = Reseller::new();
    let (id, id_s) = id_of(&reseller, "premium-co", "Mail bounces");
    let run = reseller
        .run(&["case", "close", &id_s, "--comment", "Fixed by the customer"])
        .ok();
    assert!(run.stderr.contains("reopened until"), "{}", run.stderr);
    assert_eq!(reseller.case(id)["state"], "closed");
    reseller
        .run(&["case", "reopen", &id_s, "--comment", "It is back"])
        .ok();
    let case = reseller.case(id);
    assert_eq!(case["state"], "in-progress", "{case}");
    assert!(case.get("closeTime").is_none(), "{case}");
    assert_eq!(case["commentCount"], 2);
}

#[test]
fn reopen_after_the_clock_moves_31_days_is_refused_with_the_close_date_and_a_create_line() {
    let reseller = Reseller::on(TestServer::start_dev());
    let (_, id_s) = id_of(&reseller, "premium-co", "Mail to outlook.com bounces");
    reseller.run(&["case", "close", &id_s]).ok();
    let closed = reseller.case(id_s.parse().unwrap())["closeTime"]
        .as_str()
        .unwrap()[..10]
        .to_string();
    reseller.admin(&["clock", "advance", "31d"]);
    let run = reseller.run(&["case", "reopen", &id_s]).code(5);
    assert!(
        run.stderr.contains(&closed),
        "close date {closed} missing:\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "rsupport case create --on-behalf-of premium-co --title 'Mail to outlook.com bounces' --category gmail-delivery --severity P3"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn escalate_works_for_a_premium_customer_and_is_refused_for_a_standard_one() {
    let reseller = Reseller::new();
    let (premium, premium_s) = id_of(&reseller, "premium-co", "Mail bounces");
    let (_, standard_s) = id_of(&reseller, "standard-co", "Mail bounces");
    reseller
        .run(&[
            "case",
            "escalate",
            &premium_s,
            "--reason",
            "business-impact",
            "--justification",
            "Payroll mail bounces",
        ])
        .ok();
    assert_eq!(reseller.case(premium)["escalated"], true);
    let run = reseller
        .run(&[
            "case",
            "escalate",
            &standard_s,
            "--reason",
            "resolution-time",
            "--justification",
            "Too slow",
        ])
        .code(5);
    assert!(run.stderr.contains("premium"), "{}", run.stderr);
    let again = reseller
        .run(&[
            "case",
            "escalate",
            &premium_s,
            "--reason",
            "business-impact",
            "--justification",
            "Again",
        ])
        .code(5);
    assert!(
        again.stderr.contains("already escalated"),
        "{}",
        again.stderr
    );
}

#[test]
fn escalating_a_closed_case_is_refused_saying_it_is_closed() {
    let reseller = Reseller::new();
    let (_, id_s) = id_of(&reseller, "premium-co", "Mail bounces");
    reseller.run(&["case", "close", &id_s]).ok();
    let run = reseller
        .run(&[
            "case",
            "escalate",
            &id_s,
            "--reason",
            "technical-expertise",
            "--justification",
            "x",
        ])
        .code(5);
    assert!(run.stderr.contains("closed"), "{}", run.stderr);
    assert!(
        run.stderr.contains("rsupport case reopen"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_unknown_escalation_reason_is_a_usage_error() {
    let reseller = Reseller::new();
    let (_, id_s) = id_of(&reseller, "premium-co", "Mail bounces");
    reseller
        .run(&[
            "case",
            "escalate",
            &id_s,
            "--reason",
            "urgent",
            "--justification",
            "x",
        ])
        .code(2);
}

#[test]
fn share_adds_removes_and_lists_who_the_case_is_shared_with() {
    let reseller = Reseller::new();
    let (id, id_s) = id_of(&reseller, "premium-co", "Mail bounces");
    reseller
        .run(&[
            "case",
            "share",
            &id_s,
            "--add",
            "it@premium-co.example",
            "--add",
            "ops@a.example",
        ])
        .ok();
    reseller
        .run(&["case", "share", &id_s, "--remove", "ops@a.example"])
        .ok();
    let run = reseller.run(&["case", "share", &id_s]).ok();
    assert_eq!(run.stdout.trim(), "it@premium-co.example");
    assert_eq!(
        reseller.case(id)["subscriberEmailAddresses"],
        serde_json::json!(["it@premium-co.example"])
    );
    reseller
        .run(&["case", "share", &id_s, "--add", "not-an-email"])
        .code(2);
}

#[test]
fn a_customer_that_revoked_access_blocks_managing_its_cases() {
    let reseller = Reseller::new();
    let (_, id_s) = id_of(&reseller, "premium-co", "Mail bounces");
    reseller.admin(&["customer", "access", "premium-co", "revoked"]);
    let run = reseller
        .run(&["case", "comment", &id_s, "--body", "hello"])
        .code(4);
    assert!(
        run.stderr.to_lowercase().contains("access"),
        "{}",
        run.stderr
    );
    reseller.run(&["case", "close", &id_s]).code(4);
}

#[test]
fn an_unknown_case_exits_3() {
    let reseller = Reseller::new();
    reseller.run(&["case", "view", "999"]).code(3);
    reseller.run(&["case", "history", "999"]).code(3);
}

/// Replaces the stored bytes of every attachment with `bytes`, as a damaged disk would.
fn corrupt_blobs(reseller: &Reseller, bytes: &[u8]) {
    reseller
        .world
        .server
        .with_sqlite(|conn| conn.execute("UPDATE blobs SET data = ?1", [bytes]))
        .unwrap();
}

#[test]
fn download_refuses_bytes_whose_sha256_does_not_match_and_writes_nothing() {
    let reseller = Reseller::new();
    let (id, id_s) = id_of(&reseller, "premium-co", "Mail bounces");
    block_on(
        reseller
            .api_a()
            .upload(id, "log.txt", b"good content".to_vec(), None),
    );
    corrupt_blobs(&reseller, b"evil content");
    let dir = tempfile::tempdir().unwrap();
    let run = reseller
        .run(&[
            "case",
            "download",
            &id_s,
            "--dir",
            dir.path().to_str().unwrap(),
        ])
        .code(1);
    assert!(run.stderr.contains("SHA-256"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "a file was written"
    );
}

#[test]
fn a_download_the_server_cannot_complete_writes_nothing() {
    // Stored bytes shorter than recorded: the server refuses to serve the damaged attachment
    // (INTERNAL, exit 1); the client names the file and leaves the folder as it was.
    let reseller = Reseller::new();
    let (id, id_s) = id_of(&reseller, "premium-co", "Mail bounces");
    block_on(
        reseller
            .api_a()
            .upload(id, "log.txt", b"good content".to_vec(), None),
    );
    corrupt_blobs(&reseller, b"short");
    let dir = tempfile::tempdir().unwrap();
    let run = reseller.run(&[
        "case",
        "download",
        &id_s,
        "--dir",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1, "{run:#?}");
    assert!(run.stderr.contains("log.txt"), "{}", run.stderr);
    assert!(run.stderr.contains("damaged"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "a file was written"
    );
}

#[test]
fn update_with_personal_data_in_the_comment_changes_nothing() {
    let reseller = Reseller::new();
    let (id, id_s) = id_of(&reseller, "premium-co", "Mail bounces");
    let run = reseller
        .run(&[
            "case",
            "update",
            &id_s,
            "--severity",
            "P1",
            "--comment",
            "User SSN is 123-45-6789",
        ])
        .code(2);
    assert!(run.stderr.contains("social security"), "{}", run.stderr);
    let case = reseller.case(id);
    assert_eq!(case["priority"], "P3", "the severity was changed");
    assert_eq!(case["commentCount"], 0);
}

#[test]
fn attach_refuses_a_text_file_with_personal_data_but_not_a_binary_one() {
    let reseller = Reseller::new();
    let (id, id_s) = id_of(&reseller, "premium-co", "Mail bounces");
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("users.csv");
    std::fs::write(&text, "email\nmario.rossi@gmail.com\n").unwrap();
    let run = reseller
        .run(&["case", "attach", &id_s, text.to_str().unwrap()])
        .code(2);
    assert!(run.stderr.contains("users.csv"), "{}", run.stderr);
    assert!(run.stderr.contains("line 2"), "{}", run.stderr);
    assert_eq!(reseller.case(id)["attachmentCount"], 0);

    let binary = dir.path().join("dump.bin");
    let mut bytes = b"\0\x01\x02mario.rossi@gmail.com".to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe, 0x00]);
    std::fs::write(&binary, bytes).unwrap();
    reseller
        .run(&["case", "attach", &id_s, binary.to_str().unwrap()])
        .ok();
    assert_eq!(reseller.case(id)["attachmentCount"], 1);
}
