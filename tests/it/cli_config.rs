//! `config list|get|set` and the config file, with the real binary.

use crate::common::env::{TestEnv, stderr, stdout};
use crate::common::{DOMAIN_A, World};

#[test]
fn set_then_get_returns_the_value() {
    let env = TestEnv::new();
    env.rsupport()
        .args(["config", "set", "time_zone", "Europe/Rome"])
        .assert()
        .success();
    let output = env
        .rsupport()
        .args(["config", "get", "time_zone"])
        .output()
        .unwrap();
    assert_eq!(stdout(&output), "Europe/Rome\n");
    assert!(env.config_text().contains("time_zone = \"Europe/Rome\""));
}

#[test]
fn unknown_key_is_exit_2_and_lists_the_valid_keys() {
    let env = TestEnv::new();
    let output = env
        .rsupport()
        .args(["config", "set", "colour", "red"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("'colour'") && err.contains("default_domain, format, language, time_zone"),
        "{err}"
    );
}

#[test]
fn invalid_values_are_refused_with_exit_2_and_nothing_written() {
    let env = TestEnv::new();
    for (key, value) in [
        ("format", "yaml"),
        ("language", "not a tag"),
        ("time_zone", "Mars/Olympus"),
    ] {
        let output = env
            .rsupport()
            .args(["config", "set", key, value])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{key}={value}");
        assert!(stderr(&output).contains(value), "{}", stderr(&output));
    }
    assert!(env.files().is_empty(), "{:?}", env.files());
}

#[test]
fn storage_cannot_be_set_by_hand() {
    let world = World::new();
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_A, &world.a);
    let output = env
        .rsupport()
        .args(["config", "set", "domains.a.example.storage", "keyring"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("auth login"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn configured_format_is_the_default_output_format() {
    let world = World::new();
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_A, &world.a);
    env.rsupport()
        .args(["config", "set", "format", "json"])
        .assert()
        .success();
    let output = env.rsupport().args(["customer", "list"]).output().unwrap();
    let list: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 4);
    // a flag still wins
    let output = env
        .rsupport()
        .args(["customer", "list", "--format", "csv"])
        .output()
        .unwrap();
    assert!(stdout(&output).starts_with("id,displayName,"));
}

#[test]
fn config_list_shows_every_set_key() {
    let world = World::new();
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_A, &world.a);
    env.rsupport()
        .args(["config", "set", "language", "it-IT"])
        .assert()
        .success();
    let output = env.rsupport().args(["config", "list"]).output().unwrap();
    let out = stdout(&output);
    assert!(out.contains("language\tit-IT\n"), "{out}");
    assert!(out.contains("domains.a.example.storage\tfile\n"), "{out}");
    assert!(
        out.contains(&format!(
            "domains.a.example.endpoint\t{}\n",
            world.server.url
        )),
        "{out}"
    );
}

#[test]
fn writes_leave_no_temporary_files_behind() {
    let env = TestEnv::new();
    for zone in ["UTC", "Europe/Rome", "Asia/Tokyo"] {
        env.rsupport()
            .args(["config", "set", "time_zone", zone])
            .assert()
            .success();
    }
    let names: Vec<String> = env
        .files()
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["config.toml"]);
}

#[test]
fn a_broken_config_file_is_named_with_a_way_out() {
    let env = TestEnv::new();
    std::fs::create_dir_all(env.config_dir()).unwrap();
    std::fs::write(env.config_dir().join("config.toml"), "format = [").unwrap();
    let output = env.rsupport().args(["config", "list"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("config.toml") && err.contains("Hint:"),
        "{err}"
    );
}

#[test]
fn no_input_env_is_named_when_a_value_is_missing() {
    let env = TestEnv::new();
    let output = env
        .rsupport()
        .env("RSUPPORT_NO_INPUT", "1")
        .args(["auth", "login"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("--domain") && err.contains("RSUPPORT_NO_INPUT"),
        "{err}"
    );
}

#[test]
fn no_input_env_set_to_zero_is_off() {
    let env = TestEnv::new();
    let output = env
        .rsupport()
        .env("RSUPPORT_NO_INPUT", "0")
        .args(["auth", "login"])
        .output()
        .unwrap();
    // still no prompt (stdin is not a terminal), and it says why
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("stdin is not a terminal"),
        "{}",
        stderr(&output)
    );
}
