//! The real `rsupport-server` binary: `serve` or `dev` as a child process on a free loopback
//! port (killed on drop), and `admin` runs against a database file.

use std::ffi::OsStr;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, Mutex};

use rsupport_server::store::{DbSpec, Store};
use rsupport_server::testing::{Api, People, TestDatabase, seed_world};

pub const SERVER_BIN: &str = env!("CARGO_BIN_EXE_rsupport-server");

/// Runs `rsupport-server admin --db DB ARGS` (the real command line, exit status and all).
pub fn admin_output(db: impl AsRef<OsStr>, args: &[&str]) -> Output {
    Command::new(SERVER_BIN)
        .arg("admin")
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("RSUPPORT_SERVER_DB")
        .output()
        .expect("run rsupport-server admin")
}

/// Runs `rsupport-server admin --db DB ARGS` with `stdin` as its standard input.
pub fn admin_with_stdin(db: impl AsRef<OsStr>, args: &[&str], stdin: &str) -> Output {
    use std::io::Write as _;
    let mut child = Command::new(SERVER_BIN)
        .arg("admin")
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("RSUPPORT_SERVER_DB")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run rsupport-server admin");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("admin output")
}

/// A `serve` or `dev` child process.
pub struct ServerProcess {
    pub url: String,
    /// The database as `--db` names it.
    pub db: String,
    /// Where its stderr (the logs) goes.
    log: PathBuf,
    child: Child,
    stdout: Arc<Mutex<Vec<String>>>,
    mode: &'static str,
    log_level: &'static str,
    extra: Vec<String>,
}

/// Where the logs of a server on `db` go: beside a SQLite file, in the temp folder otherwise.
fn log_path(db: &str) -> PathBuf {
    if db.contains("://") {
        std::env::temp_dir().join(format!(
            "rsupport-server-{}.log",
            uuid::Uuid::new_v4().simple()
        ))
    } else {
        Path::new(db).with_extension("log")
    }
}

fn spawn(
    mode: &str,
    db: &str,
    log_path: &Path,
    log_level: &str,
    extra: &[String],
) -> (Child, String, Arc<Mutex<Vec<String>>>) {
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log_path)
        .expect("server log file");
    let mut child = Command::new(SERVER_BIN)
        .arg(mode)
        .arg("--db")
        .arg(db)
        .args(["--listen", "127.0.0.1:0"])
        .args(extra)
        .env("RUST_LOG", log_level)
        .env_remove("RSUPPORT_SERVER_DB")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(log)
        .spawn()
        .expect("spawn rsupport-server");
    let stdout = child.stdout.take().expect("server stdout");
    let mut reader = BufReader::new(stdout);
    let mut first = String::new();
    reader.read_line(&mut first).expect("read the listen line");
    let url = first
        .trim()
        .strip_prefix("rsupport-server listening on ")
        .unwrap_or_else(|| {
            let log = std::fs::read_to_string(log_path).unwrap_or_default();
            panic!(
                "rsupport-server {mode} did not start (first line {first:?}); its stderr:\n{log}"
            )
        })
        .to_string();
    // Keep the rest (the dev banner) and never let the child block on a full pipe.
    let lines = Arc::new(Mutex::new(vec![first.trim_end().to_string()]));
    let sink = lines.clone();
    std::thread::spawn(move || {
        let mut line = String::new();
        while reader.read_line(&mut line).map(|n| n > 0).unwrap_or(false) {
            sink.lock().unwrap().push(line.trim_end().to_string());
            line.clear();
        }
    });
    (child, url, lines)
}

impl ServerProcess {
    /// `serve --db DB` on a free port, logging at `log_level` into `DB.log`.
    pub fn serve(db: impl AsRef<OsStr>, log_level: &'static str) -> ServerProcess {
        ServerProcess::launch("serve", db, log_level)
    }

    /// `dev --db DB` on a free port.
    pub fn dev(db: impl AsRef<OsStr>) -> ServerProcess {
        ServerProcess::launch("dev", db, "warn")
    }

    /// `serve --db DB EXTRA…` on a free port.
    pub fn serve_with(db: impl AsRef<OsStr>, extra: &[&str]) -> ServerProcess {
        let extra: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
        ServerProcess::launch_with("serve", db, "warn", extra)
    }

    fn launch(mode: &'static str, db: impl AsRef<OsStr>, log_level: &'static str) -> ServerProcess {
        ServerProcess::launch_with(mode, db, log_level, Vec::new())
    }

    fn launch_with(
        mode: &'static str,
        db: impl AsRef<OsStr>,
        log_level: &'static str,
        extra: Vec<String>,
    ) -> ServerProcess {
        let db = db.as_ref().to_string_lossy().into_owned();
        let log = log_path(&db);
        let (child, url, stdout) = spawn(mode, &db, &log, log_level, &extra);
        ServerProcess {
            url,
            db,
            log,
            child,
            stdout,
            mode,
            log_level,
            extra,
        }
    }

    /// The process id (to read its memory use from /proc).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Everything the server wrote on stderr (its logs) so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// The lines the server printed on stdout so far (the listen line first).
    pub fn stdout_lines(&self) -> Vec<String> {
        self.stdout.lock().unwrap().clone()
    }

    /// Kills the server with SIGKILL (no graceful shutdown).
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Starts the same mode again on the same database (on a new port; `url` is updated).
    pub fn restart(&mut self) {
        self.kill();
        let (child, url, stdout) =
            spawn(self.mode, &self.db, &self.log, self.log_level, &self.extra);
        self.child = child;
        self.url = url;
        self.stdout = stdout;
    }

    /// Sends SIGTERM and waits for the process to exit; answers whether it exited cleanly.
    pub fn terminate(&mut self) -> bool {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        self.child.wait().map(|s| s.success()).unwrap_or(false)
    }

    pub fn api(&self, token: &str) -> Api {
        Api::new(&self.url, token)
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The people of `seed_world` served by a real process (for crash and log tests).
pub struct ProcessWorld {
    pub server: ServerProcess,
    pub people: People,
    _pg: Option<TestDatabase>,
    _dir: tempfile::TempDir,
}

impl ProcessWorld {
    /// Seeds a fresh database in-process, then serves it with `rsupport-server serve`.
    pub fn new(log_level: &'static str) -> ProcessWorld {
        let dir = tempfile::tempdir().expect("temp dir");
        let pg = TestDatabase::from_env();
        let db = match &pg {
            Some(pg) => pg.url.clone(),
            None => dir.path().join("rsupport.sqlite").display().to_string(),
        };
        let people = {
            let store = Store::open(DbSpec::parse(&db)).expect("open the database");
            seed_world(&store)
        };
        ProcessWorld {
            server: ServerProcess::serve(&db, log_level),
            people,
            _pg: pg,
            _dir: dir,
        }
    }

    pub fn api_a(&self) -> Api {
        self.server.api(&self.people.a)
    }
}
