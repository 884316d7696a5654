//! `case create --from FILE|-` and `--template NAME`, `case template list|show`: templates of
//! every format, flags over the file, paths relative to it, and bad keys refused by name.

use std::path::Path;

use crate::common::reseller::{Reseller, block_on};

const TOML: &str = r#"
customer = "premium-co"
title = "Mail to outlook.com bounces"
category = "gmail-delivery"
severity = "P3"
description = "Since 9:00 every mail to outlook.com bounces with 550 5.7.1."
"#;

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn created_id(run: &crate::common::reseller::Run) -> u64 {
    run.stdout
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("a case id on stdout: {run:#?}"))
}

/// The attachment file names of a case.
fn attachment_names(reseller: &Reseller, id: u64) -> Vec<String> {
    let answer = block_on(reseller.api_a().get(&format!("/v1/cases/{id}/attachments")));
    let mut names: Vec<String> = answer.body["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["filename"].as_str().unwrap().to_string())
        .collect();
    names.sort();
    names
}

#[test]
fn a_template_file_fills_the_case_and_flags_win_over_it() {
    let reseller = Reseller::new();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bounce.toml");
    write(&file, TOML);
    let run = reseller
        .run(&[
            "case",
            "create",
            "--from",
            file.to_str().unwrap(),
            "--severity",
            "P1",
        ])
        .ok();
    let case = reseller.case(created_id(&run));
    assert_eq!(case["customer"], "premium-co");
    assert_eq!(case["displayName"], "Mail to outlook.com bounces");
    assert_eq!(case["classification"]["id"], "gmail-delivery");
    assert_eq!(case["priority"], "P1", "the flag wins over the file's P3");
}

#[test]
fn paths_in_a_template_are_relative_to_its_folder_and_attach_flags_add_files() {
    let reseller = Reseller::new();
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("templates");
    write(
        &folder.join("notes.md"),
        "The description, kept beside the template.\n",
    );
    write(&folder.join("logs/headers.txt"), "550 5.7.1 rejected\n");
    let extra = dir.path().join("extra.txt");
    write(&extra, "one more file\n");
    let file = folder.join("bounce.yaml");
    write(
        &file,
        "customer: premium-co\ntitle: Bounces\ncategory: gmail-delivery\nseverity: p2\n\
         description_file: notes.md\nattach:\n  - logs/headers.txt\n",
    );
    // run from another folder: the paths must not be taken from the working directory
    let run = reseller
        .run(&[
            "case",
            "create",
            "--from",
            file.to_str().unwrap(),
            "--attach",
            extra.to_str().unwrap(),
        ])
        .ok();
    let id = created_id(&run);
    let case = reseller.case(id);
    assert_eq!(
        case["description"],
        "The description, kept beside the template.\n"
    );
    assert_eq!(case["priority"], "P2");
    assert_eq!(
        attachment_names(&reseller, id),
        ["extra.txt", "headers.txt"]
    );
}

#[test]
fn toml_yaml_and_json_templates_file_the_same_fields() {
    let reseller = Reseller::new();
    let dir = tempfile::tempdir().unwrap();
    let files = [
        ("t.toml", TOML.to_string()),
        (
            "t.yml",
            "on_behalf_of: premium-co\ntitle: Mail to outlook.com bounces\ncategory: gmail-delivery\n\
             severity: P3\ndescription: Since 9:00 every mail bounces.\nshare: [it-team@premium-co.example]\n"
                .to_string(),
        ),
        (
            "t.json",
            r#"{"customer": "premium-co", "title": "Mail to outlook.com bounces",
                "category": "gmail-delivery", "severity": "P3",
                "description": "Since 9:00 every mail bounces.", "request_id": "json-template-1"}"#
                .to_string(),
        ),
    ];
    for (name, text) in files {
        let file = dir.path().join(name);
        write(&file, &text);
        let run = reseller
            .run(&[
                "case",
                "create",
                "--from",
                file.to_str().unwrap(),
                "--allow-duplicate",
            ])
            .ok();
        let case = reseller.case(created_id(&run));
        assert_eq!(case["customer"], "premium-co", "{name}");
        assert_eq!(case["displayName"], "Mail to outlook.com bounces", "{name}");
        assert_eq!(case["priority"], "P3", "{name}");
        if name == "t.yml" {
            assert_eq!(
                case["subscriberEmailAddresses"],
                serde_json::json!(["it-team@premium-co.example"])
            );
        }
    }
    assert_eq!(reseller.cases_of_a().len(), 3);
}

#[test]
fn a_template_on_stdin_is_recognised_by_its_content() {
    let reseller = Reseller::new();
    for (format, text) in [
        ("toml", TOML),
        (
            "json",
            r#"{"customer": "premium-co", "title": "From a JSON pipe", "category": "gmail-delivery",
                "severity": "P4", "description": "Piped in."}"#,
        ),
        (
            "yaml",
            "customer: premium-co\ntitle: From a YAML pipe\ncategory: gmail-delivery\nseverity: P2\ndescription: Piped in.\n",
        ),
    ] {
        let run = reseller
            .run_with_stdin(&["case", "create", "--from", "-"], text)
            .ok();
        let case = reseller.case(created_id(&run));
        assert_eq!(case["customer"], "premium-co", "{format}");
    }
    assert_eq!(reseller.cases_of_a().len(), 3);
}

#[test]
fn an_unknown_key_is_refused_naming_it_and_the_valid_ones_and_nothing_is_sent() {
    let reseller = Reseller::new();
    let run = reseller
        .run_with_stdin(
            &["case", "create", "--from", "-"],
            "customer: premium-co\ntitel: Bounces\n",
        )
        .code(2);
    assert!(run.stderr.contains("unknown key 'titel'"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("on_behalf_of (or customer), title, category"),
        "{}",
        run.stderr
    );
    assert!(reseller.cases_of_a().is_empty(), "a case was filed");
}

#[test]
fn a_value_of_the_wrong_type_is_refused_naming_its_key() {
    let reseller = Reseller::new();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.toml");
    write(&file, &format!("{TOML}share = \"it@premium-co.example\"\n"));
    let run = reseller
        .run(&["case", "create", "--from", file.to_str().unwrap()])
        .code(2);
    assert!(run.stderr.contains("key 'share'"), "{}", run.stderr);
    assert!(run.stderr.contains("bad.toml"), "{}", run.stderr);
    assert!(reseller.cases_of_a().is_empty(), "a case was filed");
}

#[test]
fn a_named_template_is_read_from_the_config_dir() {
    let reseller = Reseller::new();
    let templates = reseller.env.config_dir().join("templates");
    write(&templates.join("bounce.toml"), TOML);
    let run = reseller
        .run(&[
            "case",
            "create",
            "--template",
            "bounce",
            "--title",
            "Bounces again",
        ])
        .ok();
    let case = reseller.case(created_id(&run));
    assert_eq!(case["displayName"], "Bounces again");
    assert_eq!(case["customer"], "premium-co");
}

#[test]
fn a_missing_template_is_exit_2_naming_the_available_ones() {
    let reseller = Reseller::new();
    let templates = reseller.env.config_dir().join("templates");
    write(&templates.join("bounce.toml"), TOML);
    write(&templates.join("outage.toml"), "severity = \"P1\"\n");
    let run = reseller
        .run(&["case", "create", "--template", "bounse"])
        .code(2);
    assert!(
        run.stderr
            .contains("no template 'bounse': available: bounce, outage"),
        "{}",
        run.stderr
    );
    let run = reseller
        .run(&["case", "create", "--template", "../config"])
        .code(2);
    assert!(run.stderr.contains("no path separators"), "{}", run.stderr);
}

#[test]
fn template_list_shows_each_template_with_customer_title_and_severity() {
    let reseller = Reseller::new();
    let templates = reseller.env.config_dir().join("templates");
    write(&templates.join("bounce.toml"), TOML);
    write(&templates.join("outage.toml"), "severity = \"p1\"\n");
    let run = reseller.run(&["case", "template", "list", "--json"]).ok();
    assert_eq!(
        run.json(),
        serde_json::json!([
            {"name": "bounce", "customer": "premium-co",
             "title": "Mail to outlook.com bounces", "severity": "P3"},
            {"name": "outage", "customer": null, "title": null, "severity": "P1"},
        ])
    );
    let table = reseller
        .run(&["case", "template", "list", "--format", "table"])
        .ok();
    let header: Vec<&str> = table
        .stdout
        .lines()
        .next()
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(header, ["NAME", "CUSTOMER", "TITLE", "SEVERITY"]);
    let show = reseller
        .run(&["case", "template", "show", "bounce", "--json"])
        .ok();
    assert_eq!(show.json()["category"], "gmail-delivery");
}
