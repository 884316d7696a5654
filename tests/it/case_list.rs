//! `rsupport case list` and `case filter` end to end: "my cases", one customer's cases, the
//! portal's filter, paging, formats and domains.

use crate::common::reseller::{Reseller, block_on, ids};
use crate::common::{DOMAIN_A, DOMAIN_B};
use jiff::Timestamp;
use rsupport_api::types::{CaseState, Severity};
use rsupport_server::store::NewCase;
use serde_json::json;

fn patch(reseller: &Reseller, id: u64, body: serde_json::Value) {
    let answer = block_on(reseller.api_a().patch(&format!("/v1/cases/{id}"), body));
    assert_eq!(answer.status, 200, "{:?}", answer.body);
}

#[test]
fn lists_open_cases_of_every_customer_most_recently_updated_first() {
    let reseller = Reseller::new();
    let first = reseller.seed_case("premium-co", "Calendar invites missing");
    let second = reseller.seed_case("standard-co", "Drive links broken");
    let third = reseller.seed_case("enhanced-co", "Meet drops calls");
    patch(&reseller, first, json!({"priority": "P1"}));
    let run = reseller.run(&["case", "list", "--json"]).ok();
    assert_eq!(ids(&run.json()), vec![first, third, second]);
}

#[test]
fn a_case_held_as_p0_shows_as_p0_and_sorts_first_for_a_reseller_domain() {
    let reseller = Reseller::new();
    let p1 = reseller.seed_case("premium-co", "Calendar invites missing");
    patch(&reseller, p1, json!({"priority": "P1"}));
    // P0 exists through the Cloud Support API surface only; /v1 answers it as it is
    let answer = block_on(reseller.api_a().post(
        "/v2/projects/premium-co/cases",
        json!({
            "displayName": "Everything is down",
            "description": "No mail since 9:00",
            "classification": {"id": "gmail-delivery"},
            "priority": "P0",
        }),
    ));
    assert_eq!(answer.status, 200, "{:?}", answer.body);
    let p0: u64 = answer.body["name"]
        .as_str()
        .and_then(|n| n.rsplit('/').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    patch(
        &reseller,
        p1,
        json!({"displayName": "Calendar invites gone"}),
    );

    let run = reseller
        .run(&["case", "list", "--sort", "severity", "--json"])
        .ok();
    let listed = run.json();
    assert_eq!(ids(&listed), vec![p0, p1], "P0 before P1, however recent");
    assert_eq!(listed[0]["priority"], "P0");
    let table = reseller
        .run(&["case", "list", "--sort", "severity", "--format", "table"])
        .ok()
        .stdout;
    let first_row = table.lines().nth(1).unwrap();
    assert!(
        first_row.contains(&p0.to_string()) && first_row.contains("P0"),
        "{table}"
    );
    let view = reseller.run(&["case", "view", &p0.to_string()]).ok().stdout;
    assert!(view.contains("P0 — Google Cloud only"), "{view}");
}

#[test]
fn the_table_has_the_columns_a_reseller_scans() {
    let reseller = Reseller::new();
    let id = reseller.seed_case("premium-co", "Calendar invites missing");
    let run = reseller.run(&["case", "list", "--format", "table"]).ok();
    let header: Vec<&str> = run
        .stdout
        .lines()
        .next()
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(
        header,
        [
            "ID", "CUSTOMER", "TITLE", "SEVERITY", "STATE", "UPDATED", "UNREAD"
        ]
    );
    let row = run.stdout.lines().nth(1).unwrap().trim_start();
    assert!(row.starts_with(&id.to_string()), "{row}");
    assert!(
        row.contains("premium-co") && row.contains("Calendar invites missing"),
        "{row}"
    );
}

#[test]
fn customer_flag_lists_only_that_customers_cases() {
    let reseller = Reseller::new();
    let mine = reseller.seed_case("premium-co", "Calendar invites missing");
    reseller.seed_case("standard-co", "Drive links broken");
    let run = reseller
        .run(&["case", "list", "--customer", "premium-co", "--json"])
        .ok();
    assert_eq!(ids(&run.json()), vec![mine]);
}

#[test]
fn filter_matches_keywords_and_narrows_by_state_and_severity() {
    let reseller = Reseller::new();
    let bounce_p3 = reseller.seed_case("premium-co", "Mail bounces to outlook");
    let bounce_p1 = reseller.seed_case("standard-co", "Outbound mail bounces");
    reseller.seed_case("premium-co", "Drive links broken");
    patch(&reseller, bounce_p1, json!({"priority": "P1"}));

    let run = reseller.run(&["case", "filter", "bounces", "--json"]).ok();
    let mut found = ids(&run.json());
    found.sort();
    assert_eq!(found, vec![bounce_p3, bounce_p1]);

    let run = reseller
        .run(&["case", "filter", "bounces", "--severity", "P1,P2", "--json"])
        .ok();
    assert_eq!(ids(&run.json()), vec![bounce_p1]);

    reseller
        .run(&["case", "close", &bounce_p3.to_string()])
        .ok();
    let run = reseller
        .run(&["case", "filter", "bounces", "--state", "closed", "--json"])
        .ok();
    assert_eq!(ids(&run.json()), vec![bounce_p3]);
}

#[test]
fn closed_cases_are_hidden_by_default_and_shown_with_state_all() {
    let reseller = Reseller::new();
    let open = reseller.seed_case("premium-co", "Open one");
    let closed = reseller.seed_case("premium-co", "Closed one");
    reseller.run(&["case", "close", &closed.to_string()]).ok();
    let run = reseller.run(&["case", "list", "--json"]).ok();
    assert_eq!(ids(&run.json()), vec![open]);
    let run = reseller
        .run(&["case", "list", "--state", "all", "--json"])
        .ok();
    assert_eq!(ids(&run.json()), vec![closed, open]);
}

#[test]
fn sort_by_severity_puts_the_most_severe_first() {
    let reseller = Reseller::new();
    let p3 = reseller.seed_case("premium-co", "Low");
    let p1 = reseller.seed_case("premium-co", "High");
    patch(&reseller, p1, json!({"priority": "P1"}));
    patch(&reseller, p3, json!({"displayName": "Low, touched last"}));
    let run = reseller
        .run(&["case", "list", "--sort", "severity", "--json"])
        .ok();
    assert_eq!(ids(&run.json()), vec![p1, p3]);
}

#[test]
fn an_invalid_state_is_a_usage_error_naming_the_valid_ones() {
    let reseller = Reseller::new();
    let run = reseller
        .run(&["case", "list", "--state", "pending"])
        .code(2);
    assert!(run.stderr.contains("in-progress"), "{}", run.stderr);
}

#[test]
fn keywords_without_a_letter_or_digit_are_a_usage_error_naming_the_flag() {
    let reseller = Reseller::new();
    reseller.seed_case("premium-co", "Calendar invites missing");
    let run = reseller.run(&["case", "list", "--search", "\"*\""]).code(2);
    assert!(run.stderr.contains("--search"), "{}", run.stderr);
    assert!(run.stderr.contains("no letter or digit"), "{}", run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    let run = reseller.run(&["case", "filter", "-", "(", "🦀"]).code(2);
    assert!(
        run.stderr.contains("case filter keywords"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("no letter or digit"), "{}", run.stderr);
    // A word among the punctuation is searched.
    let run = reseller
        .run(&["case", "filter", "(calendar)*", "--json"])
        .ok();
    assert_eq!(ids(&run.json()).len(), 1);
}

/// Writes `count` open cases for `premium-co` of `a.example` straight into the server's
/// database (the API would take longer for hundreds).
fn seed_many(reseller: &Reseller, count: usize) {
    let store = reseller.world.server.store();
    let now = Timestamp::now();
    store
        .write(|tx| {
            for i in 0..count {
                tx.insert_case(&NewCase {
                    customer: "premium-co".into(),
                    reseller_domain: DOMAIN_A.into(),
                    display_name: format!("Seeded case {i}"),
                    description: "Seeded for paging".into(),
                    classification: "gmail-delivery".into(),
                    priority: Severity::P3,
                    state: CaseState::New,
                    language_code: "en-US".into(),
                    time_zone: "UTC".into(),
                    subscribers: Vec::new(),
                    creator: "admin@a.example".into(),
                    create_time: now,
                    request_id: uuid::Uuid::new_v4().to_string(),
                    request_fingerprint: String::new(),
                })?;
            }
            Ok::<_, rsupport_server::store::StoreError>(())
        })
        .unwrap();
}

#[test]
fn the_default_limit_is_thirty() {
    let reseller = Reseller::new();
    seed_many(&reseller, 35);
    let run = reseller.run(&["case", "list", "--json"]).ok();
    assert_eq!(ids(&run.json()).len(), 30);
    let run = reseller
        .run(&["case", "list", "--limit", "5", "--json"])
        .ok();
    assert_eq!(ids(&run.json()).len(), 5);
}

#[test]
fn all_follows_every_page_and_streams_one_json_array() {
    let reseller = Reseller::new();
    seed_many(&reseller, 1_100);
    let run = reseller.run(&["case", "list", "--all", "--json"]).ok();
    let mut found = ids(&run.json());
    assert_eq!(found.len(), 1_100);
    found.sort();
    found.dedup();
    assert_eq!(found.len(), 1_100, "a case came twice");
}

#[test]
fn all_as_csv_has_one_header_and_a_row_per_case() {
    let reseller = Reseller::new();
    seed_many(&reseller, 600);
    let run = reseller
        .run(&["case", "list", "--all", "--format", "csv"])
        .ok();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(
        lines[0].starts_with("id,customer,customerDisplayName,resellerDomain,displayName"),
        "{}",
        lines[0]
    );
    assert_eq!(lines.len(), 601);
    assert_eq!(lines.iter().filter(|l| l.starts_with("id,")).count(), 1);
}

#[test]
fn jq_filters_the_list() {
    let reseller = Reseller::new();
    let id = reseller.seed_case("premium-co", "Calendar invites missing");
    let run = reseller
        .run(&["case", "list", "--jq", ".[].displayName"])
        .ok();
    assert_eq!(run.stdout.trim(), "Calendar invites missing");
    let run = reseller.run(&["case", "list", "--jq", ".[0].id"]).ok();
    assert_eq!(run.stdout.trim(), id.to_string());
}

#[test]
fn domain_flag_switches_to_the_other_domains_cases() {
    let reseller = Reseller::new();
    let a_case = reseller.seed_case("premium-co", "A's case");
    let b_case = block_on(reseller.world.api_b().create_case("b-co", "B's case"));
    let run = reseller.run(&["case", "list", "--json"]).ok();
    assert_eq!(ids(&run.json()), vec![a_case]);
    let run = reseller
        .run(&["--domain", DOMAIN_B, "case", "list", "--json"])
        .ok();
    assert_eq!(ids(&run.json()), vec![b_case]);
}

#[test]
fn all_domains_lists_every_domain_with_a_domain_column() {
    let reseller = Reseller::new();
    let a_case = reseller.seed_case("premium-co", "A's case");
    let b_case = block_on(reseller.world.api_b().create_case("b-co", "B's case"));
    let run = reseller
        .run(&["case", "list", "--all-domains", "--json"])
        .ok();
    let rows = run.json();
    let pairs: Vec<(String, u64)> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["domain"].as_str().unwrap().to_string(),
                r["id"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        pairs,
        vec![
            (DOMAIN_B.to_string(), b_case),
            (DOMAIN_A.to_string(), a_case)
        ]
    );
    let run = reseller
        .run(&["case", "list", "--all-domains", "--format", "table"])
        .ok();
    assert!(
        run.stdout.trim_start().starts_with("DOMAIN"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_moved_customer_keeps_its_old_cases_with_the_old_domain() {
    let reseller = Reseller::new();
    let old = reseller.seed_case("standard-co", "Filed before the move");
    reseller.admin(&["customer", "move", "standard-co", "--to", DOMAIN_B]);
    let new = block_on(
        reseller
            .world
            .api_b()
            .create_case("standard-co", "Filed after the move"),
    );

    let run = reseller
        .run(&["case", "list", "--customer", "standard-co", "--json"])
        .ok();
    assert_eq!(ids(&run.json()), vec![old]);
    let run = reseller
        .run(&[
            "--domain",
            DOMAIN_B,
            "case",
            "list",
            "--customer",
            "standard-co",
            "--json",
        ])
        .ok();
    assert_eq!(ids(&run.json()), vec![new]);
    // a.example can still read its old case; b.example cannot see it at all.
    reseller.run(&["case", "view", &old.to_string()]).ok();
    reseller
        .run(&["--domain", DOMAIN_B, "case", "view", &old.to_string()])
        .code(3);
}

#[test]
fn a_user_without_cases_access_is_refused_naming_the_privilege() {
    let reseller = Reseller::new();
    let run = reseller
        .env
        .rsupport_with_token(&reseller.world.a_viewer)
        .args(["--endpoint", &reseller.world.server.url, "case", "list"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(4));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("cases.access"), "{stderr}");
}

#[test]
fn all_domains_with_all_streams_every_domain_with_its_domain() {
    let reseller = Reseller::new();
    seed_many(&reseller, 520);
    let b_case = block_on(reseller.world.api_b().create_case("b-co", "B's case"));
    let run = reseller
        .run(&["case", "list", "--all-domains", "--all", "--json"])
        .ok();
    let rows = run.json();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 521);
    assert_eq!(rows.iter().filter(|r| r["domain"] == DOMAIN_A).count(), 520);
    let b_rows: Vec<_> = rows.iter().filter(|r| r["domain"] == DOMAIN_B).collect();
    assert_eq!(b_rows.len(), 1);
    assert_eq!(b_rows[0]["id"], b_case);
}
