//! `case create` files a case once: a re-run with the same `--request-id` answers the first
//! case, a likely duplicate is refused in a script, and attachments are checked before filing.
//! The real binary against the real server.

use crate::common::reseller::{Reseller, Run, block_on};
use crate::common::{DOMAIN_A, TestServer};

fn create(reseller: &Reseller, title: &str, extra: &[&str]) -> Run {
    let mut args = vec![
        "case",
        "create",
        "--on-behalf-of",
        "premium-co",
        "--title",
        title,
        "--category",
        "gmail-delivery",
        "--severity",
        "P2",
        "--description",
        "Since 9:00 mail bounces.",
    ];
    args.extend_from_slice(extra);
    reseller.run(&args)
}

fn id_of(run: &Run) -> u64 {
    run.stdout
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("a case id on stdout: {run:#?}"))
}

#[test]
fn a_rerun_with_the_same_request_id_answers_the_first_case_and_uploads_nothing_again() {
    let reseller = Reseller::new();
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("headers.txt");
    std::fs::write(&log, "550 5.7.1 rejected\n").unwrap();
    let extra = [
        "--request-id",
        "ci-job-4711",
        "--attach",
        log.to_str().unwrap(),
    ];
    let first = create(&reseller, "Bounces", &extra).ok();
    assert!(
        !first.stderr.contains("already existed"),
        "{}",
        first.stderr
    );
    let again = create(&reseller, "Bounces", &extra).ok();
    assert_eq!(id_of(&again), id_of(&first));
    assert!(
        again
            .stderr
            .contains(&format!("Case {} already existed", id_of(&first)))
            && again.stderr.contains("ci-job-4711"),
        "{}",
        again.stderr
    );
    assert!(
        again.stderr.contains("already attached"),
        "{}",
        again.stderr
    );
    assert_eq!(reseller.cases_of_a().len(), 1);
    assert_eq!(reseller.case(id_of(&first))["attachmentCount"], 1);
}

#[test]
fn the_request_id_can_come_from_the_environment() {
    let reseller = Reseller::new();
    let args = [
        "case",
        "create",
        "--on-behalf-of",
        "premium-co",
        "--title",
        "From the environment",
        "--category",
        "gmail-delivery",
        "--severity",
        "P3",
        "--description",
        "x",
    ];
    let mut ids = Vec::new();
    for _ in 0..2 {
        let run = Run::from(
            reseller
                .env
                .rsupport()
                .args(args)
                .env("RSUPPORT_REQUEST_ID", "nightly-2026-11-29")
                .output()
                .unwrap(),
        )
        .ok();
        ids.push(id_of(&run));
    }
    assert_eq!(ids[0], ids[1]);
    assert_eq!(reseller.cases_of_a().len(), 1);
}

#[test]
fn the_same_request_id_with_other_fields_is_refused_naming_the_difference() {
    let reseller = Reseller::new();
    let first = create(&reseller, "Bounces", &["--request-id", "job-9"]).ok();
    let mut args = vec![
        "case",
        "create",
        "--on-behalf-of",
        "premium-co",
        "--title",
        "Bounces",
        "--category",
        "gmail-delivery",
        "--severity",
        "P1",
        "--description",
        "Since 9:00 mail bounces.",
    ];
    args.extend(["--request-id", "job-9"]);
    let run = reseller.run(&args).code(5);
    assert!(run.stdout.is_empty(), "{run:#?}");
    assert!(
        run.stderr.contains(&format!("case {}", id_of(&first)))
            && run.stderr.contains("priority: 'P2' there, 'P1' here"),
        "{}",
        run.stderr
    );
    assert_eq!(reseller.cases_of_a().len(), 1);
    assert_eq!(reseller.case(id_of(&first))["priority"], "P2");
}

#[test]
fn a_blank_or_overlong_request_id_is_refused_before_anything_is_sent() {
    let reseller = Reseller::new();
    let long = "x".repeat(129);
    for bad in ["  ", long.as_str(), "tab\there"] {
        let run = create(&reseller, "Bounces", &["--request-id", bad]).code(2);
        assert!(
            run.stderr.contains("--request-id") && run.stderr.contains("1 to 128"),
            "{}",
            run.stderr
        );
    }
    assert!(reseller.cases_of_a().is_empty());
}

#[test]
fn the_same_title_again_is_refused_in_a_script_naming_the_case_and_the_way_out() {
    let reseller = Reseller::new();
    let first = id_of(&create(&reseller, "Mail bounces", &[]).ok());
    // Case and spacing do not make another problem.
    let run = create(&reseller, "  mail   BOUNCES ", &[]).code(5);
    assert!(run.stdout.is_empty(), "{run:#?}");
    assert!(
        run.stderr.contains(&format!("case {first}")) && run.stderr.contains("--allow-duplicate"),
        "{}",
        run.stderr
    );
    assert_eq!(reseller.cases_of_a().len(), 1);

    let second = id_of(&create(&reseller, "Mail bounces", &["--allow-duplicate"]).ok());
    assert_ne!(second, first);
    assert_eq!(reseller.cases_of_a().len(), 2);
}

#[test]
fn other_titles_customers_closed_cases_and_old_cases_are_not_duplicates() {
    // The dev clock, so that a day can pass.
    let reseller = Reseller::on(TestServer::start_dev());
    let before = reseller.cases_of_a().len();
    let first = id_of(&create(&reseller, "Mail bounces", &[]).ok());
    create(&reseller, "Mail bounces again", &[]).ok();
    reseller
        .run(&[
            "case",
            "create",
            "--on-behalf-of",
            "standard-co",
            "--title",
            "Mail bounces",
            "--category",
            "gmail-delivery",
            "--severity",
            "P3",
            "--description",
            "x",
        ])
        .ok();
    reseller.run(&["case", "close", &first.to_string()]).ok();
    let after_close = id_of(&create(&reseller, "Mail bounces", &[]).ok());
    // A day later the same title is a new problem.
    reseller.admin(&["clock", "advance", "25h"]);
    create(&reseller, "Mail bounces", &[]).ok();
    assert_ne!(after_close, first);
    assert_eq!(reseller.cases_of_a().len() - before, 5);
}

#[test]
fn the_same_title_filed_by_a_colleague_is_not_a_duplicate_of_mine() {
    let reseller = Reseller::new();
    reseller.admin(&["user", "add", "pat@a.example"]);
    let token = reseller.admin(&["token", "issue", "pat@a.example"]);
    let colleague = reseller.world.server.api(token.trim());
    let theirs = block_on(colleague.create_case("premium-co", "Mail bounces"));
    let mine = id_of(&create(&reseller, "Mail bounces", &[]).ok());
    assert_ne!(mine, theirs);
    assert_eq!(reseller.cases_of_a().len(), 2);
}

#[test]
fn an_attachment_over_the_server_limit_empty_or_missing_files_no_case() {
    let reseller = Reseller::on(TestServer::start_with(rsupport_server::ServerConfig {
        max_attachment_bytes: 1024,
        ..rsupport_server::ServerConfig::default()
    }));
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.bin");
    let empty = dir.path().join("empty.txt");
    let small = dir.path().join("small.txt");
    std::fs::write(&big, vec![0u8; 4096]).unwrap();
    std::fs::write(&empty, "").unwrap();
    std::fs::write(&small, "fine").unwrap();
    let missing = dir.path().join("missing.txt");
    let cases: [(&std::path::Path, &str); 4] = [
        (
            &big,
            "the server accepts at most 1.0 KiB (1024 bytes) per file",
        ),
        (&empty, "the file is empty"),
        (&missing, "No such file"),
        (dir.path(), "not a file"),
    ];
    for (file, why) in cases {
        let run = create(
            &reseller,
            "Files",
            &[
                "--attach",
                small.to_str().unwrap(),
                "--attach",
                file.to_str().unwrap(),
            ],
        )
        .code(2);
        assert!(
            run.stderr.contains(&file.display().to_string())
                && run.stderr.contains(why)
                && run.stderr.contains("nothing was sent"),
            "{}",
            run.stderr
        );
    }
    assert!(reseller.cases_of_a().is_empty());

    // `case attach` checks the size the same way, before uploading anything.
    let id = reseller.seed_case("premium-co", "Existing");
    let run = reseller
        .run(&[
            "case",
            "attach",
            &id.to_string(),
            small.to_str().unwrap(),
            big.to_str().unwrap(),
        ])
        .code(2);
    assert!(run.stderr.contains("big.bin"), "{}", run.stderr);
    assert_eq!(reseller.case(id)["attachmentCount"], 0);
}

#[test]
fn an_upload_refused_after_filing_names_the_case_and_the_command_that_retries_just_it() {
    let reseller = Reseller::new();
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    // A bidi override is a valid file name here and one the server refuses.
    let bad = dir.path().join("report\u{202E}txt.exe");
    std::fs::write(&good, "fine").unwrap();
    std::fs::write(&bad, "also fine").unwrap();
    let run = create(
        &reseller,
        "Files",
        &[
            "--attach",
            good.to_str().unwrap(),
            "--attach",
            bad.to_str().unwrap(),
        ],
    )
    .code(2);
    let id = id_of(&run);
    assert!(
        run.stderr
            .contains(&format!("case {id} exists; once the cause is fixed, attach just that file with `rsupport case attach {id} "))
            && run.stderr.contains(&format!("--domain {DOMAIN_A}`")),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("good.txt"), "{}", run.stderr);
    assert!(!run.stderr.contains("cannot reach"), "{}", run.stderr);
    assert_eq!(reseller.case(id)["attachmentCount"], 1);
    assert_eq!(reseller.cases_of_a().len(), 1);
}
