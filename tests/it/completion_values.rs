//! What the shell offers at TAB: the real bash completion function of `completions/rsupport.bash`
//! runs in a real `bash`, calls the real `rsupport` (first on the `PATH`), which asks a real
//! server for case and customer ids. Each test reads `COMPREPLY` and checks that nothing was
//! printed on the terminal.

use std::net::TcpListener;
use std::path::{Path, PathBuf};

use crate::common::env::TestEnv;
use crate::common::reseller::Reseller;
use crate::common::{DOMAIN_A, DOMAIN_B};

/// The committed bash script (a test in `cli_completions` keeps it equal to the binary's).
fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("completions/rsupport.bash")
}

/// Drives the bash completion of `line` (its last word, possibly empty, is the one under the
/// cursor) in `env`, with `vars` set, and answers what bash would offer.
fn complete_with(env: &TestEnv, vars: &[(&str, &str)], line: &str) -> Vec<String> {
    let mut words: Vec<String> = line.split_whitespace().map(str::to_string).collect();
    if line.ends_with(' ') {
        words.push(String::new());
    }
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_rsupport")).parent().unwrap();
    let mut path = std::ffi::OsString::from(bin_dir);
    path.push(":");
    path.push(std::env::var_os("PATH").unwrap_or_default());
    let driver = r#"
source "$1"; shift
COMP_WORDS=("$@")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
COMP_LINE="${COMP_WORDS[*]}"
COMP_POINT=${#COMP_LINE}
_clap_complete_rsupport rsupport "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
"#;
    let mut cmd = assert_cmd::Command::new("bash");
    cmd.env_clear()
        .env("PATH", path)
        .env("HOME", env.home())
        .env("NO_COLOR", "1")
        .env("RSUPPORT_CONFIG_DIR", env.config_dir())
        .args(["--noprofile", "--norc", "-c", driver, "bash"])
        .arg(script())
        .args(&words)
        // a hung completion fails the test here instead of hanging it
        .timeout(std::time::Duration::from_secs(30));
    for (name, value) in vars {
        cmd.env(name, value);
    }
    let output = cmd.output().expect("bash returns");
    assert!(output.status.success(), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.is_empty(),
        "completion printed on the terminal: {stderr}"
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn complete(env: &TestEnv, line: &str) -> Vec<String> {
    complete_with(env, &[], line)
}

/// The candidates that are values, not flags.
fn values(reply: Vec<String>) -> Vec<String> {
    reply.into_iter().filter(|c| !c.starts_with('-')).collect()
}

fn sorted(mut list: Vec<String>) -> Vec<String> {
    list.sort();
    list
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn severity_completes_p1_to_p4() {
    let env = TestEnv::new();
    assert_eq!(
        complete(&env, "rsupport case create --severity "),
        strings(&["P1", "P2", "P3", "P4"])
    );
    assert_eq!(
        complete(&env, "rsupport case update 7 --severity P"),
        strings(&["P1", "P2", "P3", "P4"])
    );
}

#[test]
fn a_severity_list_completes_the_levels_not_yet_in_it() {
    let env = TestEnv::new();
    assert_eq!(
        complete(&env, "rsupport case list --severity P2,"),
        strings(&["P2,P1", "P2,P3", "P2,P4"])
    );
}

#[test]
fn flags_with_a_fixed_set_of_values_complete_them() {
    let env = TestEnv::new();
    let cases = [
        (
            "rsupport case list --state ",
            &[
                "open",
                "all",
                "new",
                "in-progress",
                "action-required",
                "solution-provided",
                "closed",
            ][..],
        ),
        (
            "rsupport case filter x --sort ",
            &["updated", "created", "severity"],
        ),
        (
            "rsupport case escalate 4 --reason ",
            &["resolution-time", "technical-expertise", "business-impact"],
        ),
        (
            "rsupport customer list --format ",
            &["table", "json", "csv", "tsv"],
        ),
        ("rsupport --color ", &["auto", "always", "never"]),
        (
            "rsupport config set format ",
            &["table", "json", "csv", "tsv"],
        ),
        (
            "rsupport completion ",
            &["bash", "elvish", "fish", "powershell", "zsh"],
        ),
        (
            "rsupport config set ",
            &["default_domain", "format", "language", "time_zone"],
        ),
    ];
    for (line, expected) in cases {
        assert_eq!(
            sorted(values(complete(&env, line))),
            sorted(strings(expected)),
            "{line:?}"
        );
    }
    assert_eq!(
        complete(&env, "rsupport case create --time-zone Europe/Ro"),
        strings(&["Europe/Rome"])
    );
}

#[test]
fn domain_completes_the_logged_in_domains_of_the_config() {
    let reseller = Reseller::new();
    assert_eq!(
        complete(&reseller.env, "rsupport case list --domain "),
        strings(&[DOMAIN_A, DOMAIN_B])
    );
    assert_eq!(
        complete(&reseller.env, "rsupport auth switch b"),
        strings(&[DOMAIN_B])
    );
    assert_eq!(
        values(complete(&reseller.env, "rsupport config get domains.b")),
        strings(&["domains.b.example.endpoint", "domains.b.example.storage"])
    );
}

#[test]
fn case_view_completes_the_case_ids_of_the_default_domain() {
    let reseller = Reseller::new();
    let first = reseller.seed_case("premium-co", "Mail bounces");
    let second = reseller.seed_case("standard-co", "Calendar sync");
    let of_b = crate::common::reseller::block_on(reseller.world.api_b().create_case("b-co", "B"));
    let offered = values(complete(&reseller.env, "rsupport case view "));
    assert_eq!(
        sorted(offered),
        sorted(vec![first.to_string(), second.to_string()]),
        "case {of_b} of {DOMAIN_B} must not be offered"
    );
}

#[test]
fn domain_on_the_command_line_picks_whose_case_ids_complete() {
    let reseller = Reseller::new();
    reseller.seed_case("premium-co", "Mail bounces");
    let of_b = crate::common::reseller::block_on(reseller.world.api_b().create_case("b-co", "B"));
    assert_eq!(
        values(complete(
            &reseller.env,
            &format!("rsupport case view --domain {DOMAIN_B} ")
        )),
        vec![of_b.to_string()]
    );
}

#[test]
fn reopen_completes_closed_cases_and_close_open_ones() {
    let reseller = Reseller::new();
    let open = reseller.seed_case("premium-co", "Still open");
    let closed = reseller.seed_case("premium-co", "Done");
    reseller.run(&["case", "close", &closed.to_string()]).ok();
    assert_eq!(
        values(complete(&reseller.env, "rsupport case reopen ")),
        vec![closed.to_string()]
    );
    assert_eq!(
        values(complete(&reseller.env, "rsupport case close ")),
        vec![open.to_string()]
    );
}

#[test]
fn on_behalf_of_completes_the_customer_ids_of_the_domain() {
    let reseller = Reseller::new();
    assert_eq!(
        sorted(complete(
            &reseller.env,
            "rsupport case create --on-behalf-of "
        )),
        strings(&["enhanced-co", "locked-co", "premium-co", "standard-co"])
    );
    assert_eq!(
        complete(&reseller.env, "rsupport customer view pre"),
        strings(&["premium-co"])
    );
}

#[test]
fn fetched_ids_are_cached_a_minute_in_private_files_without_the_token() {
    let reseller = Reseller::new();
    let first = reseller.seed_case("premium-co", "Mail bounces");
    assert_eq!(
        values(complete(&reseller.env, "rsupport case view ")),
        vec![first.to_string()]
    );
    // filed after the ids were fetched: not offered until the cache is a minute old
    let later = reseller.seed_case("premium-co", "Later");
    let offered = values(complete(&reseller.env, "rsupport case view "));
    assert_eq!(
        offered,
        vec![first.to_string()],
        "case {later} came from the server"
    );

    let dir = reseller.env.home().join(".cache/rsupport/completion");
    let files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let text = std::fs::read_to_string(&files[0]).unwrap();
    assert!(text.contains("Mail bounces"), "{text}");
    assert!(!text.contains(&reseller.world.a), "the token is in {text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(dir.parent().unwrap()), 0o700);
        assert_eq!(mode(&files[0]), 0o600);
    }
}

#[test]
fn a_server_that_never_answers_completes_nothing_and_does_not_hang() {
    // accepts connections (the kernel does) and never answers a request
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://{}", listener.local_addr().unwrap());
    let env = TestEnv::new();
    let line = format!("rsupport case view --endpoint {endpoint} ");
    let reply = complete_with(&env, &[("RSUPPORT_TOKEN", "t0k3n-never-sent-back")], &line);
    assert_eq!(values(reply), Vec::<String>::new());
    let line = format!("rsupport case create --endpoint {endpoint} --on-behalf-of ");
    let reply = complete_with(&env, &[("RSUPPORT_TOKEN", "t0k3n-never-sent-back")], &line);
    assert_eq!(reply, Vec::<String>::new());
    drop(listener);
}

#[test]
fn case_ids_complete_for_a_domain_whose_token_is_in_the_os_keyring() {
    let world = crate::common::World::new();
    let env = TestEnv::with_real_keyring();
    env.login_keyring(&world.server.url, DOMAIN_A, &world.a);
    let id = crate::common::reseller::block_on(world.api_a().create_case("premium-co", "K"));
    let session: Vec<(&str, String)> = [
        "DBUS_SESSION_BUS_ADDRESS",
        "XDG_RUNTIME_DIR",
        "XDG_DATA_HOME",
    ]
    .into_iter()
    .filter_map(|name| std::env::var(name).ok().map(|value| (name, value)))
    .collect();
    let vars: Vec<(&str, &str)> = session.iter().map(|(n, v)| (*n, v.as_str())).collect();
    assert_eq!(
        values(complete_with(&env, &vars, "rsupport case view ")),
        vec![id.to_string()]
    );
}

#[test]
fn template_and_filter_complete_the_names_in_the_config_dir() {
    let env = TestEnv::new();
    let templates = env.config_dir().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    for file in ["bounce.toml", "outage.toml", "notes.md"] {
        std::fs::write(templates.join(file), "severity = \"P1\"\n").unwrap();
    }
    std::fs::write(
        env.config_dir().join("config.toml"),
        "[filters.urgent]\nstate = \"all\"\n",
    )
    .unwrap();
    assert_eq!(
        sorted(values(complete(&env, "rsupport case create --template "))),
        strings(&["bounce", "outage"])
    );
    assert_eq!(
        values(complete(&env, "rsupport case list --filter ")),
        strings(&["urgent"])
    );
    assert_eq!(
        values(complete(&env, "rsupport config unset filters.")),
        strings(&["filters.urgent"])
    );
}
