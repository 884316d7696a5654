//! What a case list hid, said on stderr: the cases `--limit` cut and the closed cases the
//! default `open` filter left out, counted by the server for the same filters; stdout stays
//! the data, `-q` silences the note, nothing is said when nothing was hidden.

use crate::common::reseller::{Reseller, ids};
use crate::common::{DOMAIN_A, DOMAIN_B};
use jiff::Timestamp;
use rsupport_api::types::{CaseState, Severity};
use rsupport_server::store::NewCase;

const LIMIT_HINT: &str = "(--limit N for more, --all for every one)";
const STATE_HINT: &str = "(--state all shows them)";

/// Writes `count` cases of `customer` (of `domain`) in `state` with `priority` straight into
/// the server's database.
fn seed(
    reseller: &Reseller,
    domain: &str,
    customer: &str,
    state: CaseState,
    priority: Severity,
    count: usize,
) {
    let now = Timestamp::now();
    let (domain, customer) = (domain.to_string(), customer.to_string());
    reseller
        .world
        .server
        .store()
        .write(move |tx| {
            for i in 0..count {
                tx.insert_case(&NewCase {
                    customer: customer.clone(),
                    reseller_domain: domain.clone(),
                    display_name: format!("Seeded {state} case {i}"),
                    description: "Seeded to be counted".into(),
                    classification: "gmail-delivery".into(),
                    priority,
                    state,
                    language_code: "en-US".into(),
                    time_zone: "UTC".into(),
                    subscribers: Vec::new(),
                    creator: format!("admin@{domain}"),
                    create_time: now,
                    request_id: uuid::Uuid::new_v4().to_string(),
                    request_fingerprint: String::new(),
                })?;
            }
            Ok::<_, rsupport_server::store::StoreError>(())
        })
        .unwrap();
}

fn seed_a(reseller: &Reseller, state: CaseState, count: usize) {
    seed(reseller, DOMAIN_A, "premium-co", state, Severity::P3, count);
}

#[test]
fn a_limit_that_cut_the_list_says_how_many_matched_and_the_flag() {
    let reseller = Reseller::new();
    seed_a(&reseller, CaseState::New, 5);
    let run = reseller.run(&["case", "list", "--limit", "2"]).ok();
    assert_eq!(run.stdout.lines().count(), 2, "{}", run.stdout);
    assert_eq!(
        run.stderr,
        format!("Showing 2 of 5 open cases {LIMIT_HINT}.\n")
    );
}

#[test]
fn closed_cases_left_out_by_the_default_filter_are_counted() {
    let reseller = Reseller::new();
    seed_a(&reseller, CaseState::InProgress, 2);
    seed_a(&reseller, CaseState::Closed, 3);
    let run = reseller.run(&["case", "list"]).ok();
    assert_eq!(run.stdout.lines().count(), 2, "{}", run.stdout);
    assert_eq!(run.stderr, format!("3 closed cases hidden {STATE_HINT}.\n"));
}

#[test]
fn a_cut_list_with_closed_cases_says_both() {
    let reseller = Reseller::new();
    seed_a(&reseller, CaseState::New, 5);
    seed_a(&reseller, CaseState::Closed, 1);
    let run = reseller.run(&["case", "list", "--limit", "2"]).ok();
    assert_eq!(
        run.stderr,
        format!("Showing 2 of 5 open cases {LIMIT_HINT}; 1 closed case hidden {STATE_HINT}.\n")
    );
}

#[test]
fn nothing_is_said_when_nothing_was_hidden() {
    let reseller = Reseller::new();
    seed_a(&reseller, CaseState::New, 2);
    let run = reseller.run(&["case", "list"]).ok();
    assert_eq!(run.stdout.lines().count(), 2, "{}", run.stdout);
    assert_eq!(run.stderr, "");
    // Every state asked for, and all of them fit: nothing hidden either.
    seed_a(&reseller, CaseState::Closed, 2);
    let run = reseller.run(&["case", "list", "--state", "all"]).ok();
    assert_eq!(run.stdout.lines().count(), 4, "{}", run.stdout);
    assert_eq!(run.stderr, "");
}

#[test]
fn quiet_silences_the_note() {
    let reseller = Reseller::new();
    seed_a(&reseller, CaseState::New, 3);
    seed_a(&reseller, CaseState::Closed, 3);
    let run = reseller.run(&["-q", "case", "list", "--limit", "1"]).ok();
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    assert_eq!(run.stderr, "");
}

#[test]
fn json_csv_and_jq_keep_stdout_pure_data_and_the_note_on_stderr() {
    let reseller = Reseller::new();
    seed_a(&reseller, CaseState::New, 3);
    seed_a(&reseller, CaseState::Closed, 2);
    let note =
        format!("Showing 1 of 3 open cases {LIMIT_HINT}; 2 closed cases hidden {STATE_HINT}.\n");

    let run = reseller
        .run(&["case", "list", "--limit", "1", "--json"])
        .ok();
    assert_eq!(ids(&run.json()).len(), 1);
    assert_eq!(run.stderr, note);

    let run = reseller
        .run(&["case", "list", "--limit", "1", "--jq", ".[].id"])
        .ok();
    assert!(run.stdout.trim().parse::<u64>().is_ok(), "{}", run.stdout);
    assert_eq!(run.stderr, note);

    let run = reseller
        .run(&["case", "list", "--limit", "1", "--format", "csv"])
        .ok();
    assert_eq!(run.stdout.lines().count(), 2, "{}", run.stdout);
    assert!(run.stdout.starts_with("id,"), "{}", run.stdout);
    assert_eq!(run.stderr, note);
}

#[test]
fn the_counts_are_those_of_the_filters_given() {
    let reseller = Reseller::new();
    seed_a(&reseller, CaseState::New, 4); // P3
    seed_a(&reseller, CaseState::Closed, 4); // P3
    seed(
        &reseller,
        DOMAIN_A,
        "premium-co",
        CaseState::ActionRequired,
        Severity::P1,
        3,
    );
    seed(
        &reseller,
        DOMAIN_A,
        "premium-co",
        CaseState::Closed,
        Severity::P1,
        1,
    );
    seed(
        &reseller,
        DOMAIN_A,
        "standard-co",
        CaseState::New,
        Severity::P1,
        6,
    );
    let run = reseller
        .run(&[
            "case",
            "list",
            "--customer",
            "premium-co",
            "--severity",
            "P1",
            "--limit",
            "2",
            "--json",
        ])
        .ok();
    assert_eq!(ids(&run.json()).len(), 2);
    assert_eq!(
        run.stderr,
        format!("Showing 2 of 3 open cases {LIMIT_HINT}; 1 closed case hidden {STATE_HINT}.\n")
    );
    // One state asked for: the count is of that state, and closed cases are not "hidden".
    let run = reseller
        .run(&["case", "list", "--state", "new", "--limit", "3", "--json"])
        .ok();
    assert_eq!(ids(&run.json()).len(), 3);
    assert_eq!(
        run.stderr,
        format!("Showing 3 of 10 new cases {LIMIT_HINT}.\n")
    );
}

#[test]
fn all_domains_adds_up_the_counts_of_every_domain() {
    let reseller = Reseller::new();
    seed_a(&reseller, CaseState::New, 3);
    seed_a(&reseller, CaseState::Closed, 1);
    seed(&reseller, DOMAIN_B, "b-co", CaseState::New, Severity::P2, 2);
    seed(
        &reseller,
        DOMAIN_B,
        "b-co",
        CaseState::Closed,
        Severity::P2,
        2,
    );
    let run = reseller
        .run(&["case", "list", "--all-domains", "--limit", "4", "--json"])
        .ok();
    assert_eq!(ids(&run.json()).len(), 4);
    assert_eq!(
        run.stderr,
        format!("Showing 4 of 5 open cases {LIMIT_HINT}; 3 closed cases hidden {STATE_HINT}.\n")
    );
}

#[test]
fn all_says_only_what_the_state_filter_hid() {
    let reseller = Reseller::new();
    seed_a(&reseller, CaseState::New, 3);
    seed_a(&reseller, CaseState::Closed, 2);
    let run = reseller.run(&["case", "list", "--all", "--json"]).ok();
    assert_eq!(ids(&run.json()).len(), 3);
    assert_eq!(run.stderr, format!("2 closed cases hidden {STATE_HINT}.\n"));
}
