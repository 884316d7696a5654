//! The OS keyring really is the platform store: on Linux the Secret Service. The round-trip
//! tests need the private D-Bus session with an unlocked gnome-keyring that `scripts/test`
//! starts (and runs them in): under a plain `cargo test` they are reported as ignored, and
//! forced to run without that session they fail; they never pass without checking. The "no
//! keyring" tests run everywhere: the cleared test environment has no D-Bus session. The
//! locked-keyring test starts a D-Bus session and a gnome-keyring of its own.

use std::process::Command;

use crate::common::env::{TestEnv, require_secret_service, stderr, stdout};
use crate::common::mock::{MockServer, json};
use crate::common::{DOMAIN_A, DOMAIN_B, World};

/// `secret-tool lookup service rsupport username DOMAIN`: the attributes keyring 4's Secret
/// Service store writes.
fn secret_tool_lookup(domain: &str) -> Option<String> {
    let output = Command::new("secret-tool")
        .args(["lookup", "service", "rsupport", "username", domain])
        .output()
        .expect("secret-tool (Debian package libsecret-tools)");
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
        .filter(|s| !s.is_empty())
}

#[test]
#[ignore = "needs the private Secret Service that scripts/test starts (it runs this test)"]
fn login_stores_the_token_in_the_secret_service_readable_by_secret_tool() {
    let world = World::new();
    let env = TestEnv::with_real_keyring();
    env.login_keyring(&world.server.url, DOMAIN_A, &world.a);
    assert_eq!(
        secret_tool_lookup(DOMAIN_A).as_deref(),
        Some(world.a.as_str())
    );
    assert!(!env.token_file(DOMAIN_A).exists(), "nothing in plain text");
    assert!(env.config_text().contains("storage = \"keyring\""));

    // and the client reads it back from there
    let output = env.rsupport().args(["auth", "token"]).output().unwrap();
    assert_eq!(stdout(&output).trim(), world.a);
    let output = env
        .rsupport()
        .args(["auth", "status", "--jq", ".[0].tokenSource"])
        .output()
        .unwrap();
    assert_eq!(stdout(&output), "keyring\n");

    env.rsupport().args(["auth", "logout"]).assert().success();
    assert_eq!(
        secret_tool_lookup(DOMAIN_A),
        None,
        "logout deletes the entry"
    );
}

#[test]
#[ignore = "needs the private Secret Service that scripts/test starts (it runs this test)"]
fn each_domain_has_its_own_keyring_entry() {
    let world = World::new();
    let env = TestEnv::with_real_keyring();
    // b.example's entry: the other round-trip test owns a.example's
    env.login_keyring(&world.server.url, DOMAIN_B, &world.b);
    assert_eq!(
        secret_tool_lookup(DOMAIN_B).as_deref(),
        Some(world.b.as_str())
    );
    let output = env
        .rsupport()
        .args(["--domain", DOMAIN_B, "customer", "list", "--jq", ".[].id"])
        .output()
        .unwrap();
    assert_eq!(stdout(&output), "b-co\n", "{}", stderr(&output));
    env.rsupport()
        .args(["auth", "logout", "--domain", DOMAIN_B])
        .assert()
        .success();
    assert_eq!(secret_tool_lookup(DOMAIN_B), None);
}

#[test]
fn login_without_a_reachable_keyring_fails_with_exit_4_and_writes_nothing() {
    let world = World::new();
    let env = TestEnv::new(); // no D-Bus session variables: no Secret Service
    let output = env
        .rsupport()
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
        .args(["auth", "login", "--with-token", "--domain", DOMAIN_A])
        .args(["--endpoint", &world.server.url])
        .write_stdin(world.a.clone())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("no OS keyring is reachable"), "{err}");
    assert!(
        err.contains("RSUPPORT_TOKEN=") && err.contains("--insecure-storage"),
        "{err}"
    );
    assert!(
        env.files().is_empty(),
        "no plain-text fallback: {:?}",
        env.files()
    );
}

#[test]
fn reading_a_keyring_domain_without_a_keyring_is_exit_4_naming_both_ways_out() {
    let env = TestEnv::new();
    std::fs::create_dir_all(env.config_dir()).unwrap();
    std::fs::write(
        env.config_dir().join("config.toml"),
        "[domains.\"a.example\"]\nendpoint = \"http://127.0.0.1:9\"\nstorage = \"keyring\"\n",
    )
    .unwrap();
    let output = env.rsupport().args(["customer", "list"]).output().unwrap();
    assert_eq!(output.status.code(), Some(4));
    let err = stderr(&output);
    assert!(
        err.contains("RSUPPORT_TOKEN") && err.contains("--insecure-storage"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn a_keyring_that_never_answers_is_reported_as_unreachable_after_the_timeout() {
    use std::os::unix::net::UnixListener;
    let env = TestEnv::new();
    // a "session bus" that accepts connections and never says a word
    let socket = env.home().join("silent-bus");
    let listener = UnixListener::bind(&socket).unwrap();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming() {
            held.push(stream);
        }
    });
    std::fs::create_dir_all(env.config_dir()).unwrap();
    std::fs::write(
        env.config_dir().join("config.toml"),
        "[domains.\"a.example\"]\nendpoint = \"http://127.0.0.1:9\"\nstorage = \"keyring\"\n",
    )
    .unwrap();
    let output = env
        .rsupport()
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("unix:path={}", socket.display()),
        )
        .args(["customer", "list"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(
        err.contains("no OS keyring is reachable") && err.contains("did not answer"),
        "{err}"
    );
}

#[test]
#[ignore = "needs the private Secret Service that scripts/test starts (it runs this test)"]
fn a_keyring_token_is_not_sent_to_another_endpoint() {
    // a domain of its own: the round-trip tests above own the keyring entries of a and b
    let domain = "binding.example";
    let world = World::new();
    world.server.admin(&["domain", "add", domain]);
    world.server.admin(&[
        "user",
        "add",
        "ada@binding.example",
        "--privileges",
        "support,customers.view",
    ]);
    let token = world
        .server
        .admin(&["token", "issue", "ada@binding.example"]);
    let env = TestEnv::with_real_keyring();
    env.login_keyring(&world.server.url, domain, &token);
    assert_eq!(secret_tool_lookup(domain).as_deref(), Some(token.as_str()));
    let elsewhere = MockServer::start(vec![json(200, r#"{"customers":[]}"#)]);
    let output = env
        .rsupport()
        .args(["--endpoint", &elsewhere.url, "customer", "list"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(&format!(
            "rsupport auth login --domain {domain} --endpoint {}",
            elsewhere.url
        )),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        elsewhere.requests(),
        Vec::<String>::new(),
        "nothing was sent"
    );
    env.rsupport().args(["auth", "logout"]).assert().success();
    assert_eq!(secret_tool_lookup(domain), None);
}

/// Inside a D-Bus session of its own: a login keyring that has a password (created by a first
/// gnome-keyring given that password, as a desktop login does), then a gnome-keyring started
/// WITHOUT `--unlock` in its place, as after a login that did not unlock it. There the real
/// `rsupport ARGS` runs.
const LOCKED_KEYRING_SESSION: &str = r#"
set -e
printf %s rsupport-test | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
gnome-keyring-daemon --replace --components=secrets --daemonize >/dev/null
exec "$RSUPPORT_BIN" "$@"
"#;

#[test]
#[ignore = "needs dbus-run-session and gnome-keyring, which scripts/test provides (it runs this test)"]
fn login_with_a_locked_keyring_says_it_is_locked_and_how_to_unlock_it() {
    require_secret_service();
    let world = World::new();
    let env = TestEnv::new();
    let (data, run) = (env.home().join("data"), env.home().join("run"));
    std::fs::create_dir_all(&data).unwrap();
    std::fs::create_dir_all(&run).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&run, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    let output = assert_cmd::Command::new("dbus-run-session")
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.home())
        .env("NO_COLOR", "1")
        .env("XDG_DATA_HOME", &data)
        .env("XDG_RUNTIME_DIR", &run)
        .env("RSUPPORT_CONFIG_DIR", env.config_dir())
        .env("RSUPPORT_BIN", env!("CARGO_BIN_EXE_rsupport"))
        .args(["--", "sh", "-c", LOCKED_KEYRING_SESSION, "sh"])
        .args(["auth", "login", "--with-token", "--domain", DOMAIN_A])
        .args(["--endpoint", &world.server.url])
        .write_stdin(format!("{}\n", world.a))
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(4), "{err}");
    assert!(err.contains("the OS keyring is locked"), "{err}");
    assert!(!err.contains("no OS keyring is reachable"), "{err}");
    assert!(
        err.contains("unlock it in your desktop session")
            && err.contains("gnome-keyring-daemon --replace --unlock"),
        "{err}"
    );
    assert!(!err.contains(&world.a), "{err}");
    assert!(
        !env.token_file(DOMAIN_A).exists() && env.config_text().is_empty(),
        "no plain-text fallback and no login recorded: {:?}",
        env.files()
    );
}
