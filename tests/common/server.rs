//! The real rsupport-server for tests (owned by the server work).
//!
//! - [`TestServer::start`] runs `rsupport-server serve` on 127.0.0.1:0 with a fresh temp SQLite
//!   file (schema only); [`TestServer::start_dev`] runs `dev` with a freshly seeded demo
//!   database (names in `rsupport::server::demo`). The child is killed on drop.
//! - [`TestServer::admin`] / [`TestServer::admin_output`] run `rsupport-server admin --db <db>`;
//!   [`TestServer::token`] issues a token.
//! - [`TestServer::kill`] (SIGKILL), [`TestServer::terminate`] (SIGTERM) and
//!   [`TestServer::restart`] for crash tests; [`TestServer::stdout_lines`] for the dev banner.
//! - [`World`]: two reseller domains (`a.example` and `b.example`), an admin in each, a user
//!   without `cases.access`, customers on each plan and one without access, and an agent,
//!   all made through `admin`.
//! - [`TestServer::start_logging`] / [`TestServer::log`]: the server's stderr goes to a file
//!   next to the database.
//! - [`Api`]: a small async JSON client (reqwest) with one token, answering status + JSON.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, Mutex};

use serde_json::Value;

pub const SERVER_BIN: &str = env!("CARGO_BIN_EXE_rsupport-server");

pub struct TestServer {
    pub url: String,
    pub db: PathBuf,
    child: Child,
    stdout: Arc<Mutex<Vec<String>>>,
    mode: &'static str,
    extra: Vec<String>,
    log_level: &'static str,
    _dir: tempfile::TempDir,
}

fn spawn(
    mode: &str,
    db: &Path,
    extra: &[String],
    log_level: &str,
) -> (Child, String, Arc<Mutex<Vec<String>>>) {
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(db.with_extension("log"))
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
            let log = std::fs::read_to_string(db.with_extension("log")).unwrap_or_default();
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

impl TestServer {
    fn launch(mode: &'static str, extra: &[&str], log_level: &'static str) -> TestServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join(if mode == "dev" {
            "demo.sqlite"
        } else {
            "rsupport.sqlite"
        });
        let extra: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
        let (child, url, stdout) = spawn(mode, &db, &extra, log_level);
        TestServer {
            url,
            db,
            child,
            stdout,
            mode,
            extra,
            log_level,
            _dir: dir,
        }
    }

    /// `serve` on a free loopback port with a fresh temp database (schema only).
    pub fn start() -> TestServer {
        TestServer::launch("serve", &[], "warn")
    }

    /// `serve` logging at `level` (`RUST_LOG`); read the log with [`TestServer::log`].
    pub fn start_logging(level: &'static str) -> TestServer {
        TestServer::launch("serve", &[], level)
    }

    /// Everything the server wrote on stderr (its logs) so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.db.with_extension("log")).unwrap_or_default()
    }

    /// `serve` with extra arguments, e.g. `["--max-attachment-bytes", "1024"]`.
    pub fn start_with(extra: &[&str]) -> TestServer {
        TestServer::launch("serve", extra, "warn")
    }

    /// `dev` on a free loopback port with a freshly seeded demo database.
    pub fn start_dev() -> TestServer {
        TestServer::launch("dev", &[], "warn")
    }

    /// Runs `rsupport-server admin --db <db> ARGS`, asserts success, returns trimmed stdout.
    pub fn admin(&self, args: &[&str]) -> String {
        let out = self.admin_output(args);
        assert!(
            out.status.success(),
            "admin {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout)
            .expect("utf-8")
            .trim()
            .to_string()
    }

    /// Same as [`TestServer::admin`] without asserting.
    pub fn admin_output(&self, args: &[&str]) -> Output {
        Command::new(SERVER_BIN)
            .arg("admin")
            .arg("--db")
            .arg(&self.db)
            .args(args)
            .env_remove("RSUPPORT_SERVER_DB")
            .output()
            .expect("run rsupport-server admin")
    }

    /// Issues a token for a user or agent.
    pub fn token(&self, email: &str) -> String {
        self.admin(&["token", "issue", email])
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
        let (child, url, stdout) = spawn(self.mode, &self.db, &self.extra, self.log_level);
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

impl Drop for TestServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Two reseller domains with users and customers, made through `admin`.
pub struct World {
    pub server: TestServer,
    /// Admin (all privileges) of `a.example`.
    pub a: String,
    /// Admin of `b.example`.
    pub b: String,
    /// A user of `a.example` with `support` and `customers.view` only.
    pub a_viewer: String,
    /// A user of `a.example` without any privilege.
    pub a_nobody: String,
    /// A support agent.
    pub agent: String,
}

pub const DOMAIN_A: &str = "a.example";
pub const DOMAIN_B: &str = "b.example";

impl World {
    /// Customers of `a.example`: `premium-co` (premium), `standard-co` (standard),
    /// `enhanced-co` (enhanced), `locked-co` (premium, access revoked). Of `b.example`:
    /// `b-co` (premium).
    pub fn new() -> World {
        World::on(TestServer::start())
    }

    pub fn on(server: TestServer) -> World {
        for d in [DOMAIN_A, DOMAIN_B] {
            server.admin(&["domain", "add", d]);
        }
        server.admin(&[
            "user",
            "add",
            "admin@a.example",
            "--privileges",
            "support,customers.view,cases.access",
        ]);
        server.admin(&[
            "user",
            "add",
            "admin@b.example",
            "--privileges",
            "support,customers.view,cases.access",
        ]);
        server.admin(&[
            "user",
            "add",
            "viewer@a.example",
            "--privileges",
            "support,customers.view",
        ]);
        server.admin(&["user", "add", "nobody@a.example", "--privileges", ""]);
        server.admin(&["agent", "add", "agent@support.example"]);
        for (id, plan, domain, access) in [
            ("premium-co", "premium", DOMAIN_A, "granted"),
            ("standard-co", "standard", DOMAIN_A, "granted"),
            ("enhanced-co", "enhanced", DOMAIN_A, "granted"),
            ("locked-co", "premium", DOMAIN_A, "revoked"),
            ("b-co", "premium", DOMAIN_B, "granted"),
        ] {
            server.admin(&[
                "customer",
                "add",
                id,
                "--name",
                &format!("{id} Inc"),
                "--domain",
                domain,
                "--plan",
                plan,
                "--access",
                access,
            ]);
        }
        World {
            a: server.token("admin@a.example"),
            b: server.token("admin@b.example"),
            a_viewer: server.token("viewer@a.example"),
            a_nobody: server.token("nobody@a.example"),
            agent: server.token("agent@support.example"),
            server,
        }
    }

    pub fn api_a(&self) -> Api {
        self.server.api(&self.a)
    }

    pub fn api_b(&self) -> Api {
        self.server.api(&self.b)
    }

    pub fn api_agent(&self) -> Api {
        self.server.api(&self.agent)
    }
}

impl Default for World {
    fn default() -> Self {
        World::new()
    }
}

/// A create body for `customer`, with a fresh request id.
pub fn new_case(customer: &str, title: &str) -> Value {
    serde_json::json!({
        "requestId": uuid::Uuid::new_v4().to_string(),
        "customer": customer,
        "displayName": title,
        "description": format!("{title}: details of the problem"),
        "classification": "gmail-delivery",
        "priority": "P3",
    })
}

/// A status code and a JSON body (`Value::Null` when the body is not JSON).
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub body: Value,
    pub headers: reqwest::header::HeaderMap,
    pub bytes: Vec<u8>,
}

impl Answer {
    /// The error reason, or "" for a success.
    pub fn reason(&self) -> &str {
        self.body["error"]["reason"].as_str().unwrap_or("")
    }
}

#[derive(Clone)]
pub struct Api {
    pub base: String,
    pub token: String,
    client: reqwest::Client,
}

impl Api {
    pub fn new(base: &str, token: &str) -> Api {
        Api {
            base: base.to_string(),
            token: token.to_string(),
            client: reqwest::Client::new(),
        }
    }

    pub async fn send(&self, method: &str, path: &str, body: Option<Value>) -> Answer {
        self.send_raw(method, path, body).await.expect("request")
    }

    /// Like [`Api::send`], but a transport failure (server gone) is an `Err`.
    pub async fn send_raw(
        &self,
        method: &str,
        path: &str,
        body: Option<Value>,
    ) -> Result<Answer, reqwest::Error> {
        let method = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
        let mut request = self
            .client
            .request(method, format!("{}{}", self.base, path));
        if !self.token.is_empty() {
            request = request.bearer_auth(&self.token);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await?;
        Answer::read(response).await
    }

    pub async fn get(&self, path: &str) -> Answer {
        self.send("GET", path, None).await
    }

    pub async fn post(&self, path: &str, body: Value) -> Answer {
        self.send("POST", path, Some(body)).await
    }

    pub async fn patch(&self, path: &str, body: Value) -> Answer {
        self.send("PATCH", path, Some(body)).await
    }

    /// Uploads raw bytes as an attachment.
    pub async fn upload(
        &self,
        case: u64,
        filename: &str,
        bytes: Vec<u8>,
        sha256: Option<&str>,
    ) -> Answer {
        let mut query = vec![("filename", filename.to_string())];
        if let Some(sha) = sha256 {
            query.push(("sha256", sha.to_string()));
        }
        let response = self
            .client
            .post(format!("{}/v1/cases/{case}/attachments", self.base))
            .query(&query)
            .bearer_auth(&self.token)
            .body(bytes)
            .send()
            .await
            .expect("upload");
        Answer::read(response).await.expect("upload answer")
    }

    /// Files a case and answers its id, asserting success.
    pub async fn create_case(&self, customer: &str, title: &str) -> u64 {
        let answer = self.post("/v1/cases", new_case(customer, title)).await;
        assert_eq!(answer.status, 201, "{:?}", answer.body);
        answer.body["id"].as_u64().expect("case id")
    }
}

impl Answer {
    async fn read(response: reqwest::Response) -> Result<Answer, reqwest::Error> {
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let bytes = response.bytes().await?.to_vec();
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Ok(Answer {
            status,
            body,
            headers,
            bytes,
        })
    }
}
