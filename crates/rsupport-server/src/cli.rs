//! The command line of `rsupport-server`: `serve`, `dev`, `admin …` and `openapi`.
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "the server's entry point prints its listen line, the dev logins and admin answers"
)]

use std::io::Write as _;
use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Args, Parser, Subcommand};

use crate::admin::AdminCommand;
use crate::demo::LoginUsage;
use crate::store::{DbSpec, Store};
use crate::{AppState, DEFAULT_MAX_ATTACHMENT_BYTES, ServerConfig};
use rsupport_api::DEFAULT_LISTEN;

/// rsupport-server: the reference support-case API for Google Workspace resellers.
#[derive(Debug, Parser)]
#[command(name = "rsupport-server", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the API from a SQLite file (created if missing).
    Serve(ServeArgs),
    /// Serve a seeded demo database on loopback and print the `rsupport auth login` commands.
    Dev(DevArgs),
    /// Manage domains, users, tokens, customers, support replies and the dev clock.
    Admin {
        /// The database: a SQLite file (PATH or sqlite://PATH) or a PostgreSQL URL
        /// (postgres://USER@/DB?host=/socket/dir, postgres://USER:PASSWORD@HOST/DB)
        /// [default: rsupport.sqlite in the platform data dir].
        #[arg(long, env = "RSUPPORT_SERVER_DB", global = true, value_name = "DB")]
        db: Option<DbSpec>,
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Print the OpenAPI 3 document; regenerate the committed copy with
    /// `cargo run -p rsupport-server -- openapi > docs/openapi.json`.
    Openapi,
}

/// Like [`ServeArgs`], but the database is never taken from `RSUPPORT_SERVER_DB`: the demo
/// must not be seeded into a real server's database by accident.
#[derive(Debug, Args)]
pub struct DevArgs {
    /// The demo database: a SQLite file (PATH or sqlite://PATH) or a PostgreSQL URL
    /// [default: demo.sqlite in the platform data dir].
    #[arg(long, value_name = "DB")]
    pub db: Option<DbSpec>,
    #[command(flatten)]
    pub server: ServerFlags,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The database: a SQLite file (PATH or sqlite://PATH) or a PostgreSQL URL
    /// (postgres://USER@/DB?host=/socket/dir, postgres://USER:PASSWORD@HOST/DB)
    /// [default: rsupport.sqlite in the platform data dir].
    #[arg(long, env = "RSUPPORT_SERVER_DB", value_name = "DB")]
    pub db: Option<DbSpec>,
    #[command(flatten)]
    pub server: ServerFlags,
}

/// How `serve` and `dev` listen, what they accept, and how long they wait.
#[derive(Debug, Args)]
pub struct ServerFlags {
    /// Address to listen on; port 0 picks a free port (the first line printed names it).
    #[arg(long, default_value = DEFAULT_LISTEN)]
    pub listen: SocketAddr,
    /// Largest attachment accepted, in bytes.
    #[arg(long, default_value_t = DEFAULT_MAX_ATTACHMENT_BYTES)]
    pub max_attachment_bytes: u64,
    /// Abandon a request (answering UNAVAILABLE) that takes longer than this, in seconds.
    #[arg(long, default_value_t = crate::DEFAULT_REQUEST_TIMEOUT.as_secs())]
    pub request_timeout_secs: u64,
    /// Close a connection that has not sent a request's line and headers this many seconds
    /// after the server starts waiting for them (slow clients, idle keep-alive connections).
    #[arg(long, default_value_t = crate::DEFAULT_HEADER_TIMEOUT.as_secs(), value_parser = clap::value_parser!(u64).range(1..))]
    pub header_timeout_secs: u64,
    /// Close a connection on which nothing is read or written for this many seconds (a
    /// stalled upload, a client that stopped reading).
    #[arg(long, default_value_t = crate::DEFAULT_IDLE_TIMEOUT.as_secs(), value_parser = clap::value_parser!(u64).range(1..))]
    pub idle_timeout_secs: u64,
    /// Serve at most this many connections at once (more wait in the kernel's queue); the
    /// limit of open files is raised to match where the system allows.
    #[arg(long, default_value_t = crate::DEFAULT_MAX_CONNECTIONS, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=1_000_000))]
    pub max_connections: usize,
    /// Receive at most this many uploads at once (more wait their turn).
    #[arg(long, default_value_t = crate::DEFAULT_MAX_CONCURRENT_UPLOADS, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=1024))]
    pub max_concurrent_uploads: usize,
    /// Write logs (stderr) as JSON lines instead of text; the level comes from RUST_LOG.
    #[arg(long)]
    pub log_json: bool,
}

impl ServerFlags {
    fn config(&self, dev_mode: bool) -> ServerConfig {
        use std::time::Duration;
        ServerConfig {
            dev_mode,
            max_attachment_bytes: self.max_attachment_bytes,
            request_timeout: Duration::from_secs(self.request_timeout_secs),
            header_timeout: Duration::from_secs(self.header_timeout_secs),
            idle_timeout: Duration::from_secs(self.idle_timeout_secs),
            max_connections: self.max_connections,
            max_concurrent_uploads: self.max_concurrent_uploads,
            ..ServerConfig::default()
        }
    }
}

/// Where the server keeps its databases by default.
pub fn default_db(file: &str) -> anyhow::Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "rsupport-server")
        .context("cannot find the platform data directory (no home directory?); pass --db PATH")?;
    Ok(dirs.data_dir().join(file))
}

fn init_logs(json: bool) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(
            std::io::IsTerminal::is_terminal(&std::io::stderr())
                && std::env::var_os("NO_COLOR").is_none(),
        )
        .with_target(false);
    let _ = if json {
        logs.json().try_init()
    } else {
        logs.try_init()
    };
}

/// Runs the command; the binary maps an error to exit status 1.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve(args) => {
            init_logs(args.server.log_json);
            let db = match args.db.clone() {
                Some(db) => db,
                None => DbSpec::Sqlite(default_db("rsupport.sqlite")?),
            };
            let store = Store::open_to_serve(db)?;
            let config = args.server.config(false);
            run_server(args.server.listen, AppState::new(store, config), None)
        }
        Command::Dev(args) => {
            init_logs(args.server.log_json);
            let db = match args.db.clone() {
                Some(db) => db,
                None => DbSpec::Sqlite(default_db("demo.sqlite")?),
            };
            let store = Store::open_to_serve(db)?;
            let logins = crate::demo::prepare(&store)?;
            let config = args.server.config(true);
            run_server(
                args.server.listen,
                AppState::new(store, config),
                Some(logins),
            )
        }
        Command::Openapi => {
            print!("{}", crate::openapi::document_json());
            Ok(())
        }
        Command::Admin { db, command } => {
            let db = match db {
                Some(db) => db,
                None => DbSpec::Sqlite(default_db("rsupport.sqlite")?),
            };
            if let DbSpec::Sqlite(path) = &db
                && matches!(command, AdminCommand::Backup { .. })
                && !path.is_file()
            {
                anyhow::bail!("--db: there is no database at {}", path.display());
            }
            let store = Store::open(db)?;
            let result = crate::admin::run(&store, command);
            // leave no write only in the -wal file: the database file alone holds everything
            // (unless a running server keeps the log open, which then checkpoints it itself)
            let checkpointed = store.checkpoint();
            let out = result?;
            checkpointed.context("cannot move the write-ahead log into the database")?;
            if !out.is_empty() {
                println!("{out}");
            }
            Ok(())
        }
    }
}

fn run_server(
    listen: SocketAddr,
    state: AppState,
    logins: Option<Vec<crate::demo::Login>>,
) -> anyhow::Result<()> {
    // every connection served at once needs a file descriptor, and the store some more
    let wanted = state.config.max_connections as u64 + 256;
    let limit = crate::raise_open_file_limit(wanted);
    if limit < wanted {
        tracing::warn!(
            limit,
            max_connections = state.config.max_connections,
            "the limit of open files is below --max-connections: connections beyond it wait or are refused by the system"
        );
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .with_context(|| format!("cannot listen on {listen}; is another server using it? pick another with --listen"))?;
        let addr = listener.local_addr()?;
        let url = format!("http://{addr}");
        let mut stdout = std::io::stdout().lock();
        writeln!(stdout, "rsupport-server listening on {url}")?;
        if let Some(logins) = logins {
            writeln!(stdout, "database: {}", state.store.spec().display())?;
            writeln!(stdout, "Log in with (tokens are new at every start):")?;
            for login in logins {
                writeln!(stdout, "  # {}", login.who)?;
                let token = &login.token;
                match (login.usage, &login.domain) {
                    (LoginUsage::Keyring, Some(domain)) => writeln!(
                        stdout,
                        "  rsupport auth login --domain {domain} --endpoint {url} --with-token <<< {token}"
                    )?,
                    (LoginUsage::EnvToken, Some(domain)) => writeln!(
                        stdout,
                        "  RSUPPORT_TOKEN={token} rsupport case list --domain {domain} --endpoint {url}"
                    )?,
                    _ => writeln!(
                        stdout,
                        "  curl -H 'Authorization: Bearer {token}' {url}/v1/cases"
                    )?,
                }
            }
            let db = shell_word(&state.store.spec().display());
            writeln!(stdout, "Play support:   rsupport-server admin --db {db} support reply CASE --body TEXT --state action-required")?;
            writeln!(stdout, "Move the clock: rsupport-server admin --db {db} clock advance 31d")?;
            stdout.flush()?;
            // after the logins: making a key may take a moment
            let (key_file, user_file) = install_dev_credentials(&state, &url)?;
            writeln!(
                stdout,
                "Cloud Support API v2 at {url}/v2 (parents: projects/CUSTOMER, e.g. projects/{}); service-account key (acts as {}): {}",
                crate::demo::CUSTOMER_PREMIUM,
                crate::demo::ADMIN_EMAIL,
                key_file.display()
            )?;
            writeln!(
                stdout,
                "User credentials (Application Default Credentials, acts as {}): GOOGLE_APPLICATION_CREDENTIALS={}",
                crate::demo::ADMIN_EMAIL,
                shell_word(&user_file.display().to_string())
            )?;
        }
        stdout.flush()?;
        drop(stdout);
        tracing::info!(%addr, "serving");
        crate::serve(listener, state, crate::shutdown_signal())
            .await
            .context("the server stopped with an error")
    })
}

/// Writes (or refreshes, keeping their secrets) the demo's service-account key file and user
/// credential file (Application Default Credentials) beside the database, with `token_uri` at
/// this server, and lets the dev token endpoint accept their grants. Answers the files' paths.
fn install_dev_credentials(state: &AppState, url: &str) -> anyhow::Result<(PathBuf, PathBuf)> {
    let beside_db = |name: &str| -> anyhow::Result<PathBuf> {
        let beside = state
            .store
            .sqlite_path()
            .and_then(std::path::Path::parent)
            .filter(|dir| !dir.as_os_str().is_empty())
            .map(|dir| dir.join(name));
        Ok(match beside {
            Some(path) => path,
            // PostgreSQL: the platform data dir, where a SQLite demo would be
            None => {
                let path = default_db(name)?;
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir)
                        .with_context(|| format!("cannot create {}", dir.display()))?;
                }
                path
            }
        })
    };
    let path = beside_db(crate::dev_oauth::KEY_FILE_NAME)?;
    let token_uri = format!("{url}{}", crate::dev_oauth::TOKEN_PATH);
    let account = crate::dev_oauth::prepare_account(
        &path,
        &token_uri,
        crate::demo::CUSTOMER_PREMIUM,
        crate::demo::ADMIN_EMAIL,
        crate::dev_oauth::KeyPair::generate,
    )?;
    state.dev_accounts.add(account);
    let user_path = beside_db(crate::dev_oauth::USER_FILE_NAME)?;
    let user = crate::dev_oauth::prepare_user(&user_path, &token_uri, crate::demo::ADMIN_EMAIL)?;
    state.dev_accounts.add_user(user);
    Ok((path, user_path))
}

/// `text` as one shell word: as is when it is only safe characters, single-quoted otherwise.
fn shell_word(text: &str) -> String {
    if !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:@%+=,".contains(c))
    {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}
