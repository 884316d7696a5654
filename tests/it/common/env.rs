//! An isolated environment for the real `rsupport` binary (owned by the client work).
//!
//! ```ignore
//! let server = TestServer::start();               // tests/common/server.rs
//! let env = TestEnv::new();                        // temp config dir and HOME, cleared env
//! env.login_insecure(&server.url(), "a.example", &token); // fast: no keyring involved
//! env.rsupport().args(["customer", "list"]).assert().success();
//! env.rsupport_with_token(&token).args([...])      // RSUPPORT_TOKEN instead of a login
//! ```
//!
//! Every command runs with `env_clear()` plus `PATH`, `HOME` (a temp dir), `NO_COLOR=1`,
//! `COLUMNS=200` and `RSUPPORT_CONFIG_DIR` (a temp dir). The Secret Service variables
//! (`DBUS_SESSION_BUS_ADDRESS`, `XDG_RUNTIME_DIR`, `XDG_DATA_HOME`) are passed through only for
//! an environment made with [`TestEnv::with_real_keyring`]; without them the keyring is
//! unreachable, which is what the "no keyring" tests need.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// Set by `scripts/test` when a D-Bus session with an unlocked gnome-keyring is running.
pub const SECRET_SERVICE_ENV: &str = "RSUPPORT_TEST_SECRET_SERVICE";

pub struct TestEnv {
    root: TempDir,
    real_keyring: bool,
}

impl Default for TestEnv {
    fn default() -> Self {
        TestEnv::new()
    }
}

impl TestEnv {
    /// A fresh environment without any keyring.
    pub fn new() -> TestEnv {
        let root = tempfile::Builder::new()
            .prefix("rsupport-env-")
            .tempdir()
            .expect("temp dir");
        std::fs::create_dir_all(root.path().join("home")).unwrap();
        TestEnv {
            root,
            real_keyring: false,
        }
    }

    /// A fresh environment that reaches the Secret Service of the surrounding D-Bus session:
    /// the private one `scripts/test` starts. Without it the test fails here, rather than
    /// write into a desktop keyring or pass without checking anything.
    pub fn with_real_keyring() -> TestEnv {
        require_secret_service();
        TestEnv {
            real_keyring: true,
            ..TestEnv::new()
        }
    }

    /// `RSUPPORT_CONFIG_DIR`.
    pub fn config_dir(&self) -> PathBuf {
        self.root.path().join("config")
    }

    pub fn home(&self) -> PathBuf {
        self.root.path().join("home")
    }

    /// The config file's text ("" before anything was written).
    pub fn config_text(&self) -> String {
        std::fs::read_to_string(self.config_dir().join("config.toml")).unwrap_or_default()
    }

    /// Where `--insecure-storage` keeps the token of `domain`.
    pub fn token_file(&self, domain: &str) -> PathBuf {
        self.config_dir()
            .join("insecure-tokens")
            .join(format!("{domain}.token"))
    }

    /// Every file under the config dir (to show that nothing was written).
    pub fn files(&self) -> Vec<PathBuf> {
        fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, out);
                } else {
                    out.push(path);
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.config_dir(), &mut out);
        out
    }

    /// The real binary in this environment.
    pub fn rsupport(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_rsupport"));
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.home())
            .env("NO_COLOR", "1")
            .env("COLUMNS", "200")
            .env("RSUPPORT_CONFIG_DIR", self.config_dir())
            .timeout(std::time::Duration::from_secs(60));
        if self.real_keyring {
            for var in [
                "DBUS_SESSION_BUS_ADDRESS",
                "XDG_RUNTIME_DIR",
                "XDG_DATA_HOME",
            ] {
                if let Some(value) = std::env::var_os(var) {
                    cmd.env(var, value);
                }
            }
        }
        cmd
    }

    /// The real binary with `RSUPPORT_TOKEN` set.
    pub fn rsupport_with_token(&self, token: &str) -> Command {
        let mut cmd = self.rsupport();
        cmd.env("RSUPPORT_TOKEN", token);
        cmd
    }

    /// Logs `domain` in at `endpoint` with `--insecure-storage` (no keyring needed).
    pub fn login_insecure(&self, endpoint: &str, domain: &str, token: &str) {
        self.rsupport()
            .args(["auth", "login", "--with-token", "--insecure-storage"])
            .args(["--domain", domain, "--endpoint", endpoint])
            .write_stdin(format!("{token}\n"))
            .assert()
            .success();
    }

    /// Logs `domain` in at `endpoint` into the OS keyring (needs [`TestEnv::with_real_keyring`]).
    pub fn login_keyring(&self, endpoint: &str, domain: &str, token: &str) {
        self.rsupport()
            .args(["auth", "login", "--with-token"])
            .args(["--domain", domain, "--endpoint", endpoint])
            .write_stdin(format!("{token}\n"))
            .assert()
            .success();
    }
}

/// Fails the test unless it runs where `scripts/test` put it: in a private D-Bus session with
/// gnome-keyring (and `dbus-run-session`, `gnome-keyring-daemon`, `secret-tool` on the PATH),
/// rather than write into a desktop keyring or pass without checking anything.
pub fn require_secret_service() {
    assert_eq!(
        std::env::var(SECRET_SERVICE_ENV).as_deref(),
        Ok("1"),
        "this test needs the private D-Bus session with an unlocked gnome-keyring that \
         scripts/test starts: run it with `scripts/test`"
    );
}

/// stdout of a finished command as text.
pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// stderr of a finished command as text.
pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
