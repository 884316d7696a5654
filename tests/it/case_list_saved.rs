//! `case list --save NAME` and `--filter NAME`: filters kept in the config, reused, overridden
//! by flags given alongside, listed and removed with `config`.

use crate::common::reseller::{Reseller, block_on, ids};
use serde_json::json;

/// A P1 and a P3 case of premium-co and a P1 case of standard-co.
fn seeded() -> (Reseller, u64, u64, u64) {
    let reseller = Reseller::new();
    let urgent = reseller.seed_case("premium-co", "Mail is down");
    let minor = reseller.seed_case("premium-co", "A label is misspelt");
    let other = reseller.seed_case("standard-co", "Drive is down");
    for id in [urgent, other] {
        let answer = block_on(
            reseller
                .api_a()
                .patch(&format!("/v1/cases/{id}"), json!({"priority": "P1"})),
        );
        assert_eq!(answer.status, 200, "{:?}", answer.body);
    }
    (reseller, urgent, minor, other)
}

#[test]
fn save_keeps_the_filter_flags_in_the_config_and_still_lists() {
    let (reseller, urgent, _, _) = seeded();
    let run = reseller
        .run(&[
            "case",
            "list",
            "--customer",
            "premium-co",
            "--severity",
            "P1",
            "--save",
            "urgent",
            "--json",
        ])
        .ok();
    assert_eq!(ids(&run.json()), [urgent]);
    assert!(
        run.stderr.contains("Saved filter 'urgent'"),
        "{}",
        run.stderr
    );
    let config = reseller.env.config_text();
    assert!(config.contains("[filters.urgent]"), "{config}");
    assert!(config.contains("customer = \"premium-co\""), "{config}");
    // only the flags given: no state or sort defaults
    assert!(!config.contains("state ="), "{config}");
}

#[test]
fn filter_reuses_the_saved_flags() {
    let (reseller, urgent, _, _) = seeded();
    reseller
        .run(&[
            "case",
            "list",
            "--customer",
            "premium-co",
            "--severity",
            "P1",
            "--save",
            "urgent",
        ])
        .ok();
    let run = reseller
        .run(&["case", "list", "--filter", "urgent", "--json"])
        .ok();
    assert_eq!(ids(&run.json()), [urgent]);
}

#[test]
fn flags_given_with_a_filter_override_the_saved_ones() {
    let (reseller, urgent, minor, other) = seeded();
    reseller
        .run(&[
            "case",
            "list",
            "--customer",
            "premium-co",
            "--severity",
            "P1",
            "--save",
            "urgent",
        ])
        .ok();
    let run = reseller
        .run(&[
            "case",
            "list",
            "--filter",
            "urgent",
            "--customer",
            "standard-co",
            "--json",
        ])
        .ok();
    assert_eq!(ids(&run.json()), [other]);
    let run = reseller
        .run(&[
            "case",
            "list",
            "--filter",
            "urgent",
            "--severity",
            "P3",
            "--json",
        ])
        .ok();
    assert_eq!(ids(&run.json()), [minor]);
    // an explicit default still wins over a saved value
    reseller
        .run(&["case", "list", "--state", "closed", "--save", "done"])
        .ok();
    let run = reseller
        .run(&[
            "case",
            "list",
            "--filter",
            "done",
            "--state",
            "open",
            "--customer",
            "premium-co",
            "--severity",
            "P1",
            "--json",
        ])
        .ok();
    assert_eq!(ids(&run.json()), [urgent]);
}

#[test]
fn an_unknown_filter_is_exit_2_naming_the_saved_ones() {
    let (reseller, _, _, _) = seeded();
    reseller
        .run(&["case", "list", "--severity", "P1", "--save", "urgent"])
        .ok();
    reseller
        .run(&["case", "list", "--state", "all", "--save", "everything"])
        .ok();
    let run = reseller
        .run(&["case", "list", "--filter", "urgnet"])
        .code(2);
    assert!(
        run.stderr
            .contains("no saved filter 'urgnet': saved filters: everything, urgent"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

#[test]
fn config_lists_gets_and_unsets_saved_filters() {
    let (reseller, _, _, _) = seeded();
    reseller
        .run(&[
            "case",
            "list",
            "--severity",
            "P1,P2",
            "--search",
            "mail down",
            "--save",
            "urgent",
        ])
        .ok();
    let list = reseller.run(&["config", "list", "--json"]).ok();
    let entries = list.json();
    let entry = entries
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["key"] == "filters.urgent")
        .unwrap_or_else(|| panic!("no filters.urgent in {entries}"));
    assert_eq!(entry["value"], "--severity P1,P2 --search 'mail down'");
    let get = reseller.run(&["config", "get", "filters.urgent"]).ok();
    assert_eq!(get.stdout.trim(), "--severity P1,P2 --search 'mail down'");

    reseller.run(&["config", "unset", "filters.urgent"]).ok();
    assert!(!reseller.env.config_text().contains("urgent"));
    reseller
        .run(&["case", "list", "--filter", "urgent"])
        .code(2);
    reseller.run(&["config", "unset", "filters.urgent"]).code(2);
}
