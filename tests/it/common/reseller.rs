//! Set-up shared by the `case_*` end-to-end tests: a real server with two reseller domains
//! ([`World`]), an isolated client environment logged in to them, and helpers to run the real
//! `rsupport` binary and read its result.

use std::future::Future;
use std::process::Output;

use serde_json::Value;

use crate::common::env::TestEnv;
use crate::common::{Api, DOMAIN_A, DOMAIN_B, TestServer, World};

/// A reseller at a terminal-less shell: a server with two domains, and a client logged in to
/// both (`a.example` is the default).
pub struct Reseller {
    pub world: World,
    pub env: TestEnv,
}

impl Reseller {
    pub fn new() -> Reseller {
        Reseller::on(TestServer::start())
    }

    pub fn on(server: TestServer) -> Reseller {
        let world = World::on(server);
        let env = TestEnv::new();
        env.login_insecure(&world.server.url, DOMAIN_A, &world.a);
        env.login_insecure(&world.server.url, DOMAIN_B, &world.b);
        env.rsupport()
            .args(["auth", "switch", DOMAIN_A])
            .assert()
            .success();
        Reseller { world, env }
    }

    /// Runs `rsupport ARGS` (stdin not a terminal, so never prompting).
    pub fn run(&self, args: &[&str]) -> Run {
        Run::from(
            self.env
                .rsupport()
                .args(args)
                .output()
                .expect("run rsupport"),
        )
    }

    /// Runs `rsupport ARGS` with `stdin` as its input.
    pub fn run_with_stdin(&self, args: &[&str], stdin: &str) -> Run {
        Run::from(
            self.env
                .rsupport()
                .args(args)
                .write_stdin(stdin.to_string())
                .output()
                .expect("run rsupport"),
        )
    }

    /// The API as the admin of `a.example`.
    pub fn api_a(&self) -> Api {
        self.world.api_a()
    }

    /// Files a case for `customer` through the API (as `a.example`) and answers its id.
    pub fn seed_case(&self, customer: &str, title: &str) -> u64 {
        block_on(self.api_a().create_case(customer, title))
    }

    /// Files a case, then gives it `title` straight in the store, as a server that does not
    /// check text (an older one, another implementation) would serve it: what the client must
    /// still show safely.
    pub fn seed_case_with_raw_title(&self, customer: &str, title: &str) -> u64 {
        let id = self.seed_case(customer, "placeholder");
        let title = title.to_string();
        self.world
            .server
            .with_sqlite(|conn| {
                conn.execute(
                    "UPDATE cases SET display_name = ?1 WHERE id = ?2",
                    rusqlite_params(&title, id),
                )
            })
            .expect("set the raw title");
        id
    }

    /// A case as the server has it (read as `a.example`).
    pub fn case(&self, id: u64) -> Value {
        let answer = block_on(self.api_a().get(&format!("/v1/cases/{id}")));
        assert_eq!(answer.status, 200, "{:?}", answer.body);
        answer.body
    }

    /// Every case `a.example` sees, in every state.
    pub fn cases_of_a(&self) -> Vec<Value> {
        let answer = block_on(self.api_a().get("/v1/cases?state=all&pageSize=500"));
        assert_eq!(answer.status, 200, "{:?}", answer.body);
        answer.body["cases"].as_array().cloned().unwrap_or_default()
    }

    /// `rsupport-server admin ARGS`.
    pub fn admin(&self, args: &[&str]) -> String {
        self.world.server.admin(args)
    }
}

/// What a finished `rsupport` run answered.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(output: Output) -> Run {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

impl Run {
    /// Asserts exit 0 and answers itself.
    pub fn ok(self) -> Run {
        assert_eq!(self.code, 0, "expected success:\n{self:#?}");
        self
    }

    /// Asserts the exit code and answers itself.
    pub fn code(self, code: i32) -> Run {
        assert_eq!(self.code, code, "expected exit {code}:\n{self:#?}");
        self
    }

    /// stdout as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

/// Runs a future to completion on a fresh current-thread runtime.
pub fn block_on<F: Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(future)
}

/// The ids of a JSON array of cases.
pub fn ids(cases: &Value) -> Vec<u64> {
    cases
        .as_array()
        .expect("a JSON array")
        .iter()
        .map(|c| c["id"].as_u64().expect("id"))
        .collect()
}

/// `(title, id)` as SQL parameters (the client's tests do not depend on rusqlite).
fn rusqlite_params(title: &str, id: u64) -> (String, i64) {
    (title.to_string(), id as i64)
}
