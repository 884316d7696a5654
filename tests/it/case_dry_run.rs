//! `--dry-run` on every command that changes something: the real binary against the real
//! server says what would happen on stderr, keeps stdout empty (a structured answer with
//! `--json`), exits with the real command's code, and the server's store is exactly as it was
//! (no case, message, upload, event or update time).

use crate::common::reseller::{Reseller, Run};

/// Runs `rsupport ARGS` and asserts that the server holds exactly what it held before.
fn dry(reseller: &Reseller, args: &[&str]) -> Run {
    let before = reseller.world.server.snapshot();
    let run = reseller.run(args);
    assert_eq!(
        before,
        reseller.world.server.snapshot(),
        "a dry run changed the server: {run:#?}"
    );
    run
}

/// A dry run that succeeded: exit 0, nothing on stdout, `expected` on stderr.
fn assert_would(run: &Run, expected: &str) {
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(run.stdout, "", "stdout stays empty in a dry run");
    assert!(
        run.stderr.contains(expected),
        "{expected:?} not in {run:#?}"
    );
    assert!(run.stderr.contains("nothing was changed"), "{run:#?}");
}

fn create_args<'a>(customer: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "case",
        "create",
        "--on-behalf-of",
        customer,
        "--title",
        "Mail bounces",
        "--category",
        "gmail-delivery",
        "--severity",
        "P1",
        "--description",
        "Since 9:00 mail to outlook.com bounces",
        "--dry-run",
    ];
    args.extend_from_slice(extra);
    args
}

#[test]
fn create_dry_run_says_what_would_be_filed_and_files_nothing() {
    let reseller = Reseller::new();
    let run = dry(&reseller, &create_args("premium-co", &[]));
    assert_would(
        &run,
        "would file a P1 case for premium-co (premium-co Inc): Mail bounces",
    );
    assert!(reseller.cases_of_a().is_empty());
}

#[test]
fn create_dry_run_with_json_prints_the_would_be_case() {
    let reseller = Reseller::new();
    let run = dry(&reseller, &create_args("premium-co", &["--json"])).ok();
    let json = run.json();
    assert_eq!(json["dryRun"], true);
    assert_eq!(json["action"], "create");
    assert_eq!(json["case"]["displayName"], "Mail bounces");
    assert_eq!(json["case"]["priority"], "P1");
    assert_eq!(json["case"]["state"], "new");
}

#[test]
fn create_dry_run_for_a_customer_without_access_exits_4() {
    let reseller = Reseller::new();
    let run = dry(&reseller, &create_args("locked-co", &[])).code(4);
    assert!(run.stderr.contains("access"), "{run:#?}");
}

#[test]
fn create_dry_run_for_another_domains_customer_exits_3() {
    let reseller = Reseller::new();
    dry(&reseller, &create_args("b-co", &[])).code(3);
}

#[test]
fn create_dry_run_refuses_personal_data_in_a_script_as_the_real_run_does() {
    let reseller = Reseller::new();
    let mut args = create_args("premium-co", &[]);
    let description = args.iter().position(|a| *a == "--description").unwrap() + 1;
    args[description] = "Call Mario on +39 347 123 4567 or mario.rossi@gmail.com";
    let run = dry(&reseller, &args).code(2);
    assert!(run.stderr.contains("personal data"), "{run:#?}");
    assert!(
        dry(&reseller, &[&args[..], &["--allow-pii"]].concat())
            .ok()
            .stderr
            .contains("would file")
    );
}

#[test]
fn create_dry_run_names_the_attachments_and_refuses_a_missing_one() {
    let reseller = Reseller::new();
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.pdf");
    std::fs::write(&report, vec![b'x'; 9_000]).unwrap();
    let report = report.to_str().unwrap();
    let run = dry(&reseller, &create_args("premium-co", &["--attach", report]));
    assert_would(&run, "report.pdf (8.8 KiB)");
    let missing = dir.path().join("missing.txt");
    let run = dry(
        &reseller,
        &create_args("premium-co", &["--attach", missing.to_str().unwrap()]),
    )
    .code(2);
    assert!(run.stderr.contains("missing.txt"), "{run:#?}");
}

#[test]
fn update_dry_run_says_what_would_change_and_keeps_the_update_time() {
    let reseller = Reseller::new();
    let id = reseller.seed_case("premium-co", "Mail bounces").to_string();
    let run = dry(
        &reseller,
        &[
            "case",
            "update",
            &id,
            "--severity",
            "P1",
            "--comment",
            "It got worse",
            "--dry-run",
        ],
    );
    assert_would(&run, &format!("would update case {id}: severity P3 → P1"));
    let json = dry(
        &reseller,
        &[
            "case",
            "update",
            &id,
            "--severity",
            "P1",
            "--dry-run",
            "--json",
        ],
    )
    .ok()
    .json();
    assert_eq!(json["case"]["priority"], "P1", "the case as it would be");
}

#[test]
fn update_dry_run_of_a_closed_case_exits_5() {
    let reseller = Reseller::new();
    let id = reseller.seed_case("premium-co", "Mail bounces").to_string();
    reseller.run(&["case", "close", &id]).ok();
    dry(
        &reseller,
        &["case", "update", &id, "--severity", "P1", "--dry-run"],
    )
    .code(5);
}

#[test]
fn comment_dry_run_posts_nothing_and_a_closed_case_exits_5() {
    let reseller = Reseller::new();
    let id = reseller.seed_case("premium-co", "Mail bounces").to_string();
    let run = dry(
        &reseller,
        &[
            "case",
            "comment",
            &id,
            "--body",
            "Still bouncing",
            "--dry-run",
        ],
    );
    assert_would(
        &run,
        &format!("would post a message of 14 characters on case {id}"),
    );
    reseller.run(&["case", "close", &id]).ok();
    dry(
        &reseller,
        &[
            "case",
            "comment",
            &id,
            "--body",
            "Still bouncing",
            "--dry-run",
        ],
    )
    .code(5);
}

#[test]
fn attach_dry_run_names_the_file_and_its_size_and_uploads_nothing() {
    let reseller = Reseller::new();
    let id = reseller.seed_case("premium-co", "Mail bounces").to_string();
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.pdf");
    std::fs::write(&report, vec![b'x'; 9_000]).unwrap();
    let report = report.to_str().unwrap();
    let run = dry(&reseller, &["case", "attach", &id, report, "--dry-run"]);
    assert_would(
        &run,
        &format!("would attach report.pdf (8.8 KiB) to case {id}"),
    );
    let json = dry(
        &reseller,
        &["case", "attach", &id, report, "--dry-run", "--json"],
    )
    .ok()
    .json();
    assert_eq!(json["attachments"][0]["sizeBytes"], 9_000);
    assert_eq!(json["attachments"][0]["filename"], "report.pdf");
}

#[test]
fn attach_dry_run_to_a_missing_case_exits_3() {
    let reseller = Reseller::new();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    std::fs::write(&file, "hello").unwrap();
    dry(
        &reseller,
        &["case", "attach", "999", file.to_str().unwrap(), "--dry-run"],
    )
    .code(3);
}

#[test]
fn attach_dry_run_over_the_servers_limit_exits_as_the_real_run() {
    let reseller = Reseller::on(crate::common::TestServer::start_with(
        rsupport_server::ServerConfig {
            max_attachment_bytes: 1024,
            ..rsupport_server::ServerConfig::default()
        },
    ));
    let id = reseller.seed_case("premium-co", "Mail bounces").to_string();
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.bin");
    std::fs::write(&big, vec![0u8; 2048]).unwrap();
    let args = ["case", "attach", &id, big.to_str().unwrap(), "--dry-run"];
    let run = dry(&reseller, &args);
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("1024 bytes"), "{run:#?}");
    let real = reseller.run(&args[..4]);
    assert_eq!(run.code, real.code, "the real run's exit code: {real:#?}");
}

#[test]
fn close_dry_run_closes_nothing_and_an_already_closed_case_exits_5() {
    let reseller = Reseller::new();
    let id = reseller.seed_case("premium-co", "Mail bounces").to_string();
    let run = dry(&reseller, &["case", "close", &id, "--dry-run"]);
    assert_would(&run, &format!("would close case {id}: Mail bounces"));
    assert_eq!(reseller.case(id.parse().unwrap())["state"], "new");
    reseller.run(&["case", "close", &id]).ok();
    dry(&reseller, &["case", "close", &id, "--dry-run"]).code(5);
}

#[test]
fn reopen_dry_run_within_the_window_reopens_nothing() {
    let reseller = Reseller::new();
    let id = reseller.seed_case("premium-co", "Mail bounces").to_string();
    reseller.run(&["case", "close", &id]).ok();
    let run = dry(&reseller, &["case", "reopen", &id, "--dry-run"]);
    assert_would(&run, &format!("would reopen case {id}"));
    assert_eq!(reseller.case(id.parse().unwrap())["state"], "closed");
}

#[test]
fn reopen_dry_run_past_the_window_exits_5_with_the_create_line() {
    let reseller = Reseller::on(crate::common::TestServer::start_dev());
    let id = reseller.seed_case("premium-co", "Mail bounces").to_string();
    reseller.run(&["case", "close", &id]).ok();
    reseller.admin(&["clock", "advance", "31d"]);
    let run = dry(&reseller, &["case", "reopen", &id, "--dry-run"]).code(5);
    assert!(run.stderr.contains("rsupport case create"), "{run:#?}");
}

#[test]
fn escalate_dry_run_follows_the_premium_rule() {
    let reseller = Reseller::new();
    let premium = reseller.seed_case("premium-co", "Mail bounces").to_string();
    let standard = reseller
        .seed_case("standard-co", "Mail bounces")
        .to_string();
    let args = |id: &str| {
        dry(
            &reseller,
            &[
                "case",
                "escalate",
                id,
                "--reason",
                "business-impact",
                "--justification",
                "Payroll is blocked",
                "--dry-run",
            ],
        )
    };
    assert_would(
        &args(&premium),
        &format!("would escalate case {premium} (business-impact)"),
    );
    assert_eq!(reseller.case(premium.parse().unwrap())["escalated"], false);
    let run = args(&standard).code(5);
    assert!(run.stderr.contains("premium"), "{run:#?}");
}

#[test]
fn share_dry_run_shares_with_nobody() {
    let reseller = Reseller::new();
    let id = reseller.seed_case("premium-co", "Mail bounces").to_string();
    let run = dry(
        &reseller,
        &["case", "share", &id, "--add", "a@b.example", "--dry-run"],
    );
    assert_would(&run, &format!("would share case {id} with a@b.example"));
    let json = dry(
        &reseller,
        &[
            "case",
            "share",
            &id,
            "--add",
            "a@b.example",
            "--dry-run",
            "--json",
        ],
    )
    .ok()
    .json();
    assert_eq!(json["case"]["subscriberEmailAddresses"][0], "a@b.example");
    assert_eq!(
        reseller.case(id.parse().unwrap())["subscriberEmailAddresses"],
        serde_json::json!([])
    );
}

#[test]
fn dry_runs_on_a_customer_that_revoked_access_exit_4() {
    let reseller = Reseller::new();
    let id = reseller.seed_case("premium-co", "Mail bounces").to_string();
    reseller.admin(&["customer", "access", "premium-co", "revoked"]);
    for args in [
        vec!["case", "close", &id, "--dry-run"],
        vec!["case", "share", &id, "--add", "a@b.example", "--dry-run"],
        vec!["case", "update", &id, "--severity", "P1", "--dry-run"],
    ] {
        dry(&reseller, &args).code(4);
    }
}

#[test]
fn dry_runs_on_another_domains_case_exit_3() {
    let reseller = Reseller::new();
    let id = reseller.seed_case("premium-co", "Mail bounces").to_string();
    dry(
        &reseller,
        &["--domain", "b.example", "case", "close", &id, "--dry-run"],
    )
    .code(3);
}
