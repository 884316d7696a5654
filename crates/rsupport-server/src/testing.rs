//! Test support (feature `testing`), for this crate's tests and the client's: a real server
//! started in-process on a free loopback port over its own SQLite file, seeded through the
//! store and the admin functions (no child processes), and a small HTTP client for the API.
//!
//! ```ignore
//! let world = World::new();                       // two reseller domains, users, customers
//! let api = world.api_a();                        // the admin of a.example over real HTTP
//! let id = api.create_case("premium-co", "Mail bounces").await;
//! world.server.admin(&["support", "reply", &id.to_string(), "--body", "On it"]);
//! ```
//!
//! Every [`TestServer`] has its own temp directory (database, attachments) and its own tokio
//! runtime on a thread of its own; dropping it stops the server and removes the directory.
//!
//! The engine: SQLite (a file in that directory) by default; with `RSUPPORT_TEST_POSTGRES`
//! set to the URL of a PostgreSQL server (`scripts/with-postgres` starts a throw-away cluster
//! and sets it), each server gets a fresh database of its own there, dropped with it. The
//! same tests run on both: the conformance suite of the store.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

use anyhow::Context as _;
use clap::Parser as _;
use serde_json::Value;

use crate::admin::{self, AdminCommand};
use crate::demo::{self, Login};
use crate::store::{DbSpec, Store};
use crate::{AppState, ServerConfig};

/// `rsupport-server admin …` parsed in-process.
#[derive(Debug, clap::Parser)]
#[command(name = "admin", no_binary_name = true)]
struct AdminLine {
    #[command(subcommand)]
    command: AdminCommand,
}

/// A running server and its database.
pub struct TestServer {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    /// The database as `--db` names it: the SQLite file, or the PostgreSQL URL.
    pub db: String,
    /// The fresh PostgreSQL database, dropped with the server.
    pg: Option<TestDatabase>,
    state: AppState,
    logins: Vec<Login>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    stopped: mpsc::Receiver<()>,
    _dir: tempfile::TempDir,
}

impl TestServer {
    /// `serve` with a fresh, empty database and the default limits.
    pub fn start() -> TestServer {
        TestServer::start_with(ServerConfig::default())
    }

    /// `serve` with other limits, e.g. a small `max_attachment_bytes`.
    pub fn start_with(config: ServerConfig) -> TestServer {
        TestServer::launch(config, false)
    }

    /// [`TestServer::start`] on a SQLite file whatever `RSUPPORT_TEST_POSTGRES` says: for tests
    /// of what only a SQLite file has (its bytes, its `-wal`, `VACUUM INTO` copies).
    pub fn start_sqlite() -> TestServer {
        TestServer::launch_on(ServerConfig::default(), false, None)
    }

    /// `dev`: the seeded demo (names in [`crate::demo`]) and the dev clock.
    pub fn start_dev() -> TestServer {
        TestServer::launch(
            ServerConfig {
                dev_mode: true,
                ..ServerConfig::default()
            },
            true,
        )
    }

    /// [`TestServer::start`] on a database at the previous schema version of its engine (as the
    /// server before the latest migration left it); [`TestServer::restart`] then migrates it.
    pub fn start_on_previous_schema() -> TestServer {
        TestServer::launch_with(
            ServerConfig::default(),
            false,
            TestDatabase::from_env(),
            Store::open_at_previous_schema,
        )
    }

    fn launch(config: ServerConfig, demo: bool) -> TestServer {
        TestServer::launch_on(config, demo, TestDatabase::from_env())
    }

    fn launch_on(config: ServerConfig, demo: bool, pg: Option<TestDatabase>) -> TestServer {
        TestServer::launch_with(config, demo, pg, Store::open)
    }

    fn launch_with(
        config: ServerConfig,
        demo: bool,
        pg: Option<TestDatabase>,
        open: fn(DbSpec) -> anyhow::Result<Store>,
    ) -> TestServer {
        let dir = tempfile::Builder::new()
            .prefix("rsupport-server-")
            .tempdir()
            .expect("a temp dir for the test server");
        let db = match &pg {
            Some(pg) => pg.url.clone(),
            None => dir
                .path()
                .join(if demo {
                    "demo.sqlite"
                } else {
                    "rsupport.sqlite"
                })
                .display()
                .to_string(),
        };
        let store = open(DbSpec::parse(&db)).expect("open the test database");
        let logins = if demo {
            demo::prepare(&store).expect("seed the demo")
        } else {
            Vec::new()
        };
        let state = AppState::new(store, config);
        let listener =
            std::net::TcpListener::bind("127.0.0.1:0").expect("bind a free loopback port");
        let url = format!("http://{}", listener.local_addr().expect("its address"));
        let (shutdown, stopped) = TestServer::spawn(listener, state.clone());
        TestServer {
            url,
            db,
            pg,
            state,
            logins,
            shutdown: Some(shutdown),
            stopped,
            _dir: dir,
        }
    }

    /// Stops the server (in-flight requests finish) and starts it again on the same database
    /// file and port, as a restart of the process would.
    pub fn restart(&mut self) {
        self.stop();
        let config = (*self.state.config).clone();
        let store = Store::open(DbSpec::parse(&self.db)).expect("reopen the test database");
        self.state = AppState::new(store, config);
        let address = self.url.trim_start_matches("http://");
        let listener = std::net::TcpListener::bind(address).expect("bind the same port again");
        let (shutdown, stopped) = TestServer::spawn(listener, self.state.clone());
        self.shutdown = Some(shutdown);
        self.stopped = stopped;
    }

    fn stop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
            // In-flight requests finish; a stuck one does not hold the test up for ever.
            let _ = self.stopped.recv_timeout(Duration::from_secs(10));
        }
    }

    /// Serves `state` on `listener` on a thread with its own runtime.
    fn spawn(
        listener: std::net::TcpListener,
        state: AppState,
    ) -> (tokio::sync::oneshot::Sender<()>, mpsc::Receiver<()>) {
        listener
            .set_nonblocking(true)
            .expect("a non-blocking listener");
        let (shutdown, shutdown_rx) = tokio::sync::oneshot::channel::<()>();
        let (stopped_tx, stopped) = mpsc::channel();
        let served = state;
        std::thread::Builder::new()
            .name("test-server".into())
            .spawn(move || {
                let runtime = tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(2)
                    .enable_all()
                    .build()
                    .expect("a runtime for the test server");
                runtime.block_on(async move {
                    let listener =
                        tokio::net::TcpListener::from_std(listener).expect("a tokio listener");
                    let stop = async {
                        let _ = shutdown_rx.await;
                    };
                    if let Err(error) = crate::serve(listener, served, stop).await {
                        panic!("the test server failed: {error}");
                    }
                });
                runtime.shutdown_timeout(Duration::from_secs(1));
                let _ = stopped_tx.send(());
            })
            .expect("spawn the test server thread");
        (shutdown, stopped)
    }

    /// The server's store (the same one its handlers use), to seed or inspect data.
    pub fn store(&self) -> &Store {
        &self.state.store
    }

    /// Where the server keeps its files (database, attachments).
    pub fn dir(&self) -> PathBuf {
        self._dir.path().to_path_buf()
    }

    /// Everything the server holds, to compare before and after a call that must change
    /// nothing: every row of every table (update times and events included) and the names of
    /// the files beside the database (a left-over upload would show).
    pub fn snapshot(&self) -> Vec<String> {
        let mut rows = self
            .store()
            .read(|tx| tx.dump_rows())
            .expect("read the whole store");
        let mut files: Vec<String> = std::fs::read_dir(self.dir())
            .expect("the server's folder")
            .map(|e| {
                e.expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .filter(|name| !name.contains(".sqlite"))
            .map(|name| format!("file: {name}"))
            .collect();
        files.sort();
        rows.extend(files);
        rows
    }

    /// The tokens `dev` issued at start (empty for [`TestServer::start`]).
    pub fn logins(&self) -> &[Login] {
        &self.logins
    }

    /// Lets the dev token endpoint (`POST /v2/dev/oauth2/token`) accept the grants of a service
    /// account of `project_id` whose access tokens act as `user_email`, as `dev` does at start:
    /// writes its Google service-account key file (0600, `token_uri` at this server) into the
    /// server's folder and answers its path. The server must run in dev mode
    /// ([`TestServer::start_dev`], or `dev_mode` in [`TestServer::start_with`]). The RSA key is
    /// made once per test process.
    pub fn dev_service_account(&self, user_email: &str, project_id: &str) -> PathBuf {
        assert!(
            self.state.config.dev_mode,
            "the dev token endpoint exists only in dev mode: start the server with dev_mode"
        );
        static KEY: std::sync::LazyLock<crate::dev_oauth::KeyPair> =
            std::sync::LazyLock::new(|| {
                crate::dev_oauth::KeyPair::generate().expect("an RSA key for the tests")
            });
        let path = self
            .dir()
            .join(format!("{project_id}.{}", crate::dev_oauth::KEY_FILE_NAME));
        let token_uri = format!("{}{}", self.url, crate::dev_oauth::TOKEN_PATH);
        let account =
            crate::dev_oauth::prepare_account(&path, &token_uri, project_id, user_email, || {
                Ok(KEY.clone())
            })
            .expect("write the service-account key file");
        self.state.dev_accounts.add(account);
        path
    }

    /// Lets the dev token endpoint accept refresh-token grants of a user credential whose
    /// access tokens act as `user_email`, as `dev` does at start: writes the credential in the
    /// format of Application Default Credentials (`authorized_user`, with `token_uri` at this
    /// server; 0600) into the server's folder and answers its path. Dev mode only.
    pub fn dev_authorized_user(&self, user_email: &str) -> PathBuf {
        assert!(
            self.state.config.dev_mode,
            "the dev token endpoint exists only in dev mode: start the server with dev_mode"
        );
        let path = self
            .dir()
            .join(format!("{user_email}.{}", crate::dev_oauth::USER_FILE_NAME));
        let token_uri = format!("{}{}", self.url, crate::dev_oauth::TOKEN_PATH);
        let user = crate::dev_oauth::prepare_user(&path, &token_uri, user_email)
            .expect("write the user credential file");
        self.state.dev_accounts.add_user(user);
        path
    }

    /// Runs `rsupport-server admin ARGS` in-process against this server's store; panics when
    /// it fails. Answers what the command prints, trimmed.
    pub fn admin(&self, args: &[&str]) -> String {
        admin(self.store(), args)
    }

    /// [`TestServer::admin`] without panicking.
    pub fn try_admin(&self, args: &[&str]) -> anyhow::Result<String> {
        try_admin(self.store(), args)
    }

    /// Issues a token for a user or an agent.
    pub fn token(&self, email: &str) -> String {
        self.admin(&["token", "issue", email])
    }

    /// The API with `token`.
    pub fn api(&self, token: &str) -> Api {
        Api::new(&self.url, token)
    }
}

impl TestServer {
    /// Runs `f` on the SQLite file's connection, behind the store's back (tests that damage
    /// rows or write what an older server would have). Panics on PostgreSQL.
    pub fn with_sqlite<T>(&self, f: impl FnOnce(&rusqlite::Connection) -> T) -> T {
        match self.store() {
            Store::Sqlite(s) => s.with_writer(f),
            Store::Postgres(_) => panic!("a SQLite-only test ran on PostgreSQL"),
        }
    }

    /// Whether this server's store is PostgreSQL (`RSUPPORT_TEST_POSTGRES`).
    pub fn on_postgres(&self) -> bool {
        self.pg.is_some()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.stop();
        // its database is dropped (connections and all) by TestDatabase's drop
        self.pg.take();
    }
}

/// Runs `rsupport-server admin ARGS` in-process on `store`; answers what it prints, trimmed.
pub fn try_admin(store: &Store, args: &[&str]) -> anyhow::Result<String> {
    let line = AdminLine::try_parse_from(args).context("invalid admin command line")?;
    Ok(admin::run(store, line.command)?.trim().to_string())
}

/// [`try_admin`], panicking when the command fails.
pub fn admin(store: &Store, args: &[&str]) -> String {
    try_admin(store, args).unwrap_or_else(|e| panic!("admin {args:?} failed: {e:#}"))
}

/// The first reseller domain of a [`World`].
pub const DOMAIN_A: &str = "a.example";
/// The second reseller domain of a [`World`].
pub const DOMAIN_B: &str = "b.example";

/// The tokens of the people [`seed_world`] makes.
#[derive(Debug, Clone)]
pub struct People {
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

/// Two reseller domains, their users and customers, and an agent, written into `store`
/// through the admin functions. Customers of `a.example`: `premium-co` (premium),
/// `standard-co` (standard), `enhanced-co` (enhanced), `locked-co` (premium, access
/// revoked). Of `b.example`: `b-co` (premium).
pub fn seed_world(store: &Store) -> People {
    let admin = |args: &[&str]| admin(store, args);
    for domain in [DOMAIN_A, DOMAIN_B] {
        admin(&["domain", "add", domain]);
    }
    let all = "support,customers.view,cases.access";
    admin(&["user", "add", "admin@a.example", "--privileges", all]);
    admin(&["user", "add", "admin@b.example", "--privileges", all]);
    admin(&[
        "user",
        "add",
        "viewer@a.example",
        "--privileges",
        "support,customers.view",
    ]);
    admin(&["user", "add", "nobody@a.example", "--privileges", ""]);
    admin(&["agent", "add", "agent@support.example"]);
    for (id, plan, domain, access) in [
        ("premium-co", "premium", DOMAIN_A, "granted"),
        ("standard-co", "standard", DOMAIN_A, "granted"),
        ("enhanced-co", "enhanced", DOMAIN_A, "granted"),
        ("locked-co", "premium", DOMAIN_A, "revoked"),
        ("b-co", "premium", DOMAIN_B, "granted"),
    ] {
        let name = format!("{id} Inc");
        admin(&[
            "customer", "add", id, "--name", &name, "--domain", domain, "--plan", plan, "--access",
            access,
        ]);
    }
    let token = |email: &str| admin(&["token", "issue", email]);
    People {
        a: token("admin@a.example"),
        b: token("admin@b.example"),
        a_viewer: token("viewer@a.example"),
        a_nobody: token("nobody@a.example"),
        agent: token("agent@support.example"),
    }
}

/// A server with the people and customers of [`seed_world`].
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

impl World {
    /// A fresh server with the [`seed_world`] people.
    pub fn new() -> World {
        World::on(TestServer::start())
    }

    /// The same people and customers on a given server (e.g. [`TestServer::start_dev`]).
    pub fn on(server: TestServer) -> World {
        let people = seed_world(server.store());
        World {
            a: people.a,
            b: people.b,
            a_viewer: people.a_viewer,
            a_nobody: people.a_nobody,
            agent: people.agent,
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

/// A reqwest client for plain HTTP to a test server: reqwest is built without a TLS crypto
/// provider (see the workspace manifest), so ring is installed first, and no root store is
/// loaded.
pub fn http_client(builder: reqwest::ClientBuilder) -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    builder
        .tls_certs_only(Vec::new())
        .build()
        .expect("an HTTP client")
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

    /// The answer of a request sent some other way than through an [`Api`] (a media upload, a
    /// form).
    pub async fn read(response: reqwest::Response) -> Result<Answer, reqwest::Error> {
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

/// A small async JSON client of the API with one bearer token ("" sends none).
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
            client: http_client(reqwest::Client::builder()),
        }
    }

    /// Sends a request, panicking when the server cannot be reached.
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

/// jj's `runner.rs` check, for a crate's one integration-test binary in `tests/it/`: every
/// `.rs` file and folder there is declared as a module in `main.rs` (whose text is `main`), so
/// no test file is silently left out of the suite.
pub fn assert_every_test_file_is_a_module(manifest_dir: &str, main: &str) {
    let here = std::path::Path::new(manifest_dir).join("tests/it");
    let mut seen = 0;
    for entry in std::fs::read_dir(&here).expect("tests/it") {
        let path = entry.expect("a directory entry").path();
        let name = path
            .file_stem()
            .expect("a file name")
            .to_string_lossy()
            .into_owned();
        let is_module = path.extension().is_some_and(|e| e == "rs") || path.is_dir();
        if name == "main" || !is_module {
            continue;
        }
        seen += 1;
        assert!(
            main.contains(&format!("\nmod {name};")),
            "tests/it/{} is not declared in tests/it/main.rs: add `mod {name};`",
            path.file_name().expect("a file name").to_string_lossy()
        );
    }
    assert!(seen > 1, "no test module found in {}", here.display());
}

/// A fresh database on the PostgreSQL server named by `RSUPPORT_TEST_POSTGRES`, dropped (with
/// its connections) when this is dropped.
pub struct TestDatabase {
    /// The new database's URL.
    pub url: String,
    admin_url: String,
    name: String,
}

/// `url` with its database name replaced by `name`.
fn with_database(url: &str, name: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("postgres", url));
    let slash = rest.find('/');
    let query = rest.find('?');
    let (authority, tail) = match (slash, query) {
        (Some(s), Some(q)) if s < q => (&rest[..s], &rest[q..]),
        (Some(s), None) => (&rest[..s], ""),
        (_, Some(q)) => (&rest[..q], &rest[q..]),
        (None, None) => (rest, ""),
    };
    format!("{scheme}://{authority}/{name}{tail}")
}

/// Runs `sql` (one statement, no answer) on the PostgreSQL server at `url`, on a thread of its
/// own (tests call this from inside their runtime, where a client's own cannot run).
fn pg_execute(url: &str, sql: &str) -> anyhow::Result<()> {
    let (url, sql) = (url.to_string(), sql.to_string());
    std::thread::spawn(move || -> anyhow::Result<()> {
        let mut client = ::postgres::Client::connect(&url, ::postgres::NoTls)
            .with_context(|| format!("cannot connect to {url}"))?;
        client.batch_execute(&sql).with_context(|| sql.clone())?;
        Ok(())
    })
    .join()
    .map_err(|_| anyhow::anyhow!("the PostgreSQL test thread panicked"))?
}

impl TestDatabase {
    /// A fresh database when `RSUPPORT_TEST_POSTGRES` is set; `None` (SQLite) otherwise.
    pub fn from_env() -> Option<TestDatabase> {
        let admin_url = std::env::var("RSUPPORT_TEST_POSTGRES")
            .ok()
            .filter(|u| !u.is_empty())?;
        Some(TestDatabase::create(&admin_url).expect("create a test database"))
    }

    /// A fresh database on the server at `admin_url`.
    pub fn create(admin_url: &str) -> anyhow::Result<TestDatabase> {
        let name = format!("rsupport_test_{}", uuid::Uuid::new_v4().simple());
        pg_execute(admin_url, &format!("CREATE DATABASE {name}"))?;
        Ok(TestDatabase {
            url: with_database(admin_url, &name),
            admin_url: admin_url.to_string(),
            name,
        })
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Err(e) = pg_execute(
            &self.admin_url,
            &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
        ) {
            tracing::warn!(error = %e, "cannot drop a test database");
        }
    }
}
