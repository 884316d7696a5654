//! The command line itself: help texts, version, usage errors. No server needed.

use crate::common::env::{TestEnv, stderr, stdout};

/// Every command path of the tree, e.g. `["auth", "login"]`.
fn command_paths() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
        for sub in cmd.get_subcommands() {
            if sub.get_name() == "help" {
                continue;
            }
            let mut path = prefix.clone();
            path.push(sub.get_name().to_string());
            out.push(path.clone());
            walk(sub, path, out);
        }
    }
    let mut out = Vec::new();
    walk(&rsupport::cli::command(), Vec::new(), &mut out);
    out
}

#[test]
fn every_command_has_a_purpose_and_an_example_in_its_help() {
    let env = TestEnv::new();
    let paths = command_paths();
    assert!(paths.len() >= 12, "{paths:?}");
    for path in paths {
        let output = env.rsupport().args(&path).arg("--help").output().unwrap();
        assert!(output.status.success(), "{path:?} --help failed");
        let text = stdout(&output);
        let first = text.lines().next().unwrap_or_default();
        assert!(!first.trim().is_empty(), "{path:?}: no one-line purpose");
        assert!(
            text.contains("Examples:") && text.contains("rsupport "),
            "{path:?} --help has no example:\n{text}"
        );
    }
}

#[test]
fn top_level_help_documents_every_exit_code() {
    let env = TestEnv::new();
    let output = env.rsupport().arg("--help").output().unwrap();
    let text = stdout(&output);
    for code in [
        "0  success",
        "1  unexpected",
        "2  usage",
        "3  not found",
        "4  not authenticated",
        "5  refused",
        "6  server unreachable",
        "7  `case watch --timeout`",
        "8  the provider's API has no equivalent",
    ] {
        assert!(text.contains(code), "missing '{code}' in:\n{text}");
    }
}

#[test]
fn version_prints_the_package_version_and_touches_no_config() {
    let env = TestEnv::new();
    let output = env.rsupport().arg("--version").output().unwrap();
    assert!(output.status.success());
    assert_eq!(
        stdout(&output).trim(),
        format!("rsupport {}", env!("CARGO_PKG_VERSION"))
    );
    assert!(!env.config_dir().exists());
}

#[test]
fn unknown_flag_is_a_usage_error_with_exit_2() {
    let env = TestEnv::new();
    let output = env
        .rsupport()
        .args(["customer", "list", "--colour"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--colour"), "{}", stderr(&output));
}

#[test]
fn invalid_domain_flag_is_a_usage_error_naming_the_value() {
    let env = TestEnv::new();
    let output = env
        .rsupport()
        .args(["customer", "list", "--domain", "not a domain"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("not a domain"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn invalid_endpoint_is_a_usage_error() {
    let env = TestEnv::new();
    let output = env
        .rsupport()
        .args(["category", "search", "--endpoint", "localhost:8765"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("localhost:8765"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn json_and_format_cannot_be_combined() {
    let env = TestEnv::new();
    let output = env
        .rsupport()
        .args(["config", "list", "--json", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn invalid_jq_expression_is_exit_2_before_anything_is_sent() {
    let env = TestEnv::new();
    // the endpoint is unreachable: a request would be exit 6, not 2
    let output = env
        .rsupport_with_token("t")
        .args(["category", "search", "--endpoint", "http://127.0.0.1:9"])
        .args(["--jq", ".[] |"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("invalid --jq expression"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn jq_cannot_be_combined_with_another_format() {
    let env = TestEnv::new();
    let output = env
        .rsupport()
        .args(["config", "list", "--jq", ".", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}
