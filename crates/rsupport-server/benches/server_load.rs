//! Load benchmark of rsupport-server (not a test).
//!
//! Run: `cargo bench -p rsupport-server --bench server_load` (options after `--`: `--cases N`,
//! `--clients N`, `--db DB` to seed and serve that database (a SQLite path or a PostgreSQL URL)
//! instead of a fresh SQLite file, `--filled DOMAIN` to seed nothing and serve a `--db` that
//! `rsupport-server admin bench-data --domain DOMAIN --cases N` filled with the built-in
//! vocabulary: its keywords are then that vocabulary's (top-5, rank ~100, the last ranks)).
//! Under `cargo test --all-targets` (no `--bench` argument) it runs as a quick smoke check:
//! 1,000 cases and a hundredth of the requests.
//!
//! Seeds a fresh SQLite file with 100,000 cases through the store (one bulk transaction), serves
//! it in-process on 127.0.0.1 (port 0), then drives each scenario with a bounded number of
//! requests from a loopback reqwest client with a few concurrent connections, and prints
//! requests per second with p50/p99 latency:
//!
//! - get: `GET /v1/cases/{id}` of random cases
//! - list: `GET /v1/cases?pageSize=50` (first page, default order)
//! - search: `GET /v1/cases?query=KEYWORDS&pageSize=50&state=all`, one scenario per keyword
//!   frequency: a common word (in ~half the cases), a mid-frequency word (~5%), a rare word
//!   (~0.25%), two common words (~a quarter), an absent word
//! - create: `POST /v1/cases`
//!
//! `--only WORD` runs just the scenarios whose name holds WORD (e.g. `--only list` under `perf`).
//! Besides req/s and latency it prints the CPU time of the whole process (server and clients)
//! per request, a figure that hardly moves when something else runs on the machine.
#![allow(clippy::print_stdout, reason = "a benchmark prints its figures")]

use std::sync::Arc;
use std::time::{Duration, Instant};

use jiff::{SignedDuration, Timestamp};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use rsupport_api::types::{CaseState, Contact, Customer, Privilege, Role, Severity, SupportPlan};
use rsupport_server::auth::{hash_token, new_token};
use rsupport_server::store::{DbSpec, NewCase, Store, StoreError};
use rsupport_server::{AppState, ServerConfig};

const DOMAIN: &str = "bench.example";
const CUSTOMERS: usize = 200;
const WORDS: &[&str] = &[
    "mail", "bounce", "calendar", "drive", "quota", "sync", "login", "sso", "vault", "export",
    "licence", "device", "meet", "audio", "spam", "routing", "alias", "dns", "gemini", "sheet",
];
/// Mid-frequency words: one of them in half the descriptions, so each in ~5% of cases.
const MID_WORDS: &[&str] = &[
    "firewall",
    "printer",
    "mobile",
    "archive",
    "webhook",
    "invoice",
    "tablet",
    "proxy",
    "retention",
    "migration",
];
const CATEGORIES: &[&str] = &[
    "gmail-delivery",
    "drive-sharing",
    "calendar-sync",
    "security-sso",
    "meet-quality",
    "billing-subscriptions",
    "directory-sync",
    "vault-export",
];

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Syllables of the rarer words: 20^3 = 8,000 pronounceable words, each in ~0.25% of cases.
const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ra", "tu", "ve", "so", "ni", "pe", "da", "gu", "zi", "fo", "be", "ch", "wy",
    "xe", "qu", "ho", "ja",
];

fn rare_word(n: usize) -> String {
    let s = SYLLABLES.len();
    format!(
        "{}{}{}",
        SYLLABLES[n % s],
        SYLLABLES[(n / s) % s],
        SYLLABLES[(n / s / s) % s]
    )
}

/// `common` words from a 20-word vocabulary (each in most cases) and `rare` ones from 8,000.
fn sentence(rng: &mut StdRng, common: usize, rare: usize) -> String {
    let mut words: Vec<String> = (0..common)
        .map(|_| WORDS[rng.random_range(0..WORDS.len())].to_string())
        .collect();
    words.extend((0..rare).map(|_| rare_word(rng.random_range(0..8_000))));
    words.join(" ")
}

/// Seeds the database; answers a token of the bench domain's admin.
fn seed(store: &Store, cases: usize) -> String {
    let token = new_token();
    store
        .write(|tx| -> Result<(), StoreError> {
            let now = Timestamp::now();
            tx.insert_domain(DOMAIN, now)?;
            let user = tx.upsert_user(
                "admin@bench.example",
                Some(DOMAIN),
                Role::Reseller,
                Privilege::ALL,
                now,
            )?;
            tx.insert_token(user.id, &hash_token(&token), now, None)?;
            for c in 0..CUSTOMERS {
                tx.upsert_customer(&Customer {
                    id: format!("customer-{c}"),
                    display_name: format!("Customer {c}"),
                    primary_domain: format!("customer-{c}.example"),
                    reseller_domain: DOMAIN.to_string(),
                    plan: SupportPlan::Premium,
                    access_granted: true,
                    contact: Contact {
                        name: "IT".into(),
                        email: format!("it@customer-{c}.example"),
                        phone: None,
                    },
                })?;
            }
            let mut rng = StdRng::seed_from_u64(42);
            let start = now
                .checked_sub(SignedDuration::from_hours(24 * 365))
                .unwrap();
            for i in 0..cases {
                let created = start
                    .checked_add(SignedDuration::from_secs((i as i64) * 300))
                    .unwrap()
                    .min(now);
                let states = [
                    CaseState::New,
                    CaseState::InProgress,
                    CaseState::ActionRequired,
                    CaseState::SolutionProvided,
                    CaseState::Closed,
                ];
                tx.insert_case(&NewCase {
                    customer: format!("customer-{}", rng.random_range(0..CUSTOMERS)),
                    reseller_domain: DOMAIN.to_string(),
                    display_name: sentence(&mut rng, 3, 2),
                    description: {
                        let mut d = sentence(&mut rng, 10, 20);
                        if rng.random_bool(0.5) {
                            d.push(' ');
                            d.push_str(MID_WORDS[rng.random_range(0..MID_WORDS.len())]);
                        }
                        d
                    },
                    classification: CATEGORIES[i % CATEGORIES.len()].to_string(),
                    priority: Severity::RESELLER[rng.random_range(0..4)],
                    state: states[rng.random_range(0..states.len())],
                    language_code: "en-US".into(),
                    time_zone: "UTC".into(),
                    subscribers: vec![],
                    creator: "admin@bench.example".into(),
                    create_time: created,
                    request_id: format!("seed-{i}"),
                    request_fingerprint: format!("seed-{i}"),
                })?;
            }
            Ok(())
        })
        .expect("seed the bench database");
    token
}

/// For a database `admin bench-data --domain DOMAIN` filled: a reader's token, the domain's
/// customers, and the keywords of each frequency from the built-in vocabulary.
fn reader_of_filled(store: &Store, domain: &str) -> (String, Vec<String>) {
    let token = new_token();
    let customers = store
        .write(|tx| -> Result<Vec<String>, StoreError> {
            let now = Timestamp::now();
            let user = tx.upsert_user(
                &format!("bench-reader@{domain}"),
                Some(domain),
                Role::Reseller,
                Privilege::ALL,
                now,
            )?;
            tx.insert_token(user.id, &hash_token(&token), now, None)?;
            Ok(tx
                .list_customers(domain, None, None, CUSTOMERS as u32)?
                .into_iter()
                .map(|c| c.id)
                .collect())
        })
        .expect("a reader of the filled domain");
    assert!(
        !customers.is_empty(),
        "{domain} has no customers: fill it with admin bench-data"
    );
    (token, customers)
}

/// Keywords of each frequency: (common, mid, rare).
struct Keywords {
    common: Vec<String>,
    mid: Vec<String>,
    rare: Vec<String>,
}

impl Keywords {
    fn seeded() -> Keywords {
        Keywords {
            common: WORDS.iter().map(|w| w.to_string()).collect(),
            mid: MID_WORDS.iter().map(|w| w.to_string()).collect(),
            rare: (0..8_000).map(rare_word).collect(),
        }
    }

    fn built_in_vocabulary() -> Keywords {
        let words = rsupport_server::bench_data::built_in_vocabulary().0;
        let n = words.len();
        Keywords {
            common: words[..5].to_vec(),
            mid: words[n / 3..n / 3 + 10].to_vec(),
            rare: words[n - 10..].to_vec(),
        }
    }
}

struct Figures {
    name: &'static str,
    requests: usize,
    elapsed: Duration,
    latencies: Vec<Duration>,
    errors: usize,
    /// CPU time of the whole process (server and clients) over the scenario: unlike req/s, it
    /// hardly moves when something else runs on the machine.
    cpu: Duration,
}

/// User plus system CPU time of this process so far.
fn process_cpu() -> Duration {
    let usage = nix::sys::resource::getrusage(nix::sys::resource::UsageWho::RUSAGE_SELF)
        .expect("getrusage");
    let micros = |t: nix::sys::time::TimeVal| {
        Duration::from_secs(t.tv_sec() as u64) + Duration::from_micros(t.tv_usec() as u64)
    };
    micros(usage.user_time()) + micros(usage.system_time())
}

impl Figures {
    fn percentile(&self, p: f64) -> Duration {
        let mut sorted = self.latencies.clone();
        sorted.sort();
        let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
        sorted.get(index).copied().unwrap_or_default()
    }
}

/// Runs `total` requests from `clients` concurrent connections; `make` builds request `i`.
async fn scenario<F>(name: &'static str, total: usize, clients: usize, make: F) -> Figures
where
    F: Fn(&reqwest::Client, usize) -> reqwest::RequestBuilder + Send + Sync + 'static,
{
    let make = Arc::new(make);
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let start = Instant::now();
    let cpu_start = process_cpu();
    let tasks: Vec<_> = (0..clients)
        .map(|_| {
            let make = make.clone();
            let next = next.clone();
            tokio::spawn(async move {
                let client = rsupport_server::testing::http_client(
                    reqwest::Client::builder().pool_max_idle_per_host(1),
                );
                let mut latencies = Vec::new();
                let mut errors = 0;
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if i >= total {
                        break;
                    }
                    let t = Instant::now();
                    match make(&client, i).send().await {
                        Ok(response) => {
                            let ok = response.status().is_success();
                            let _ = response.bytes().await;
                            if !ok {
                                errors += 1;
                            }
                        }
                        Err(_) => errors += 1,
                    }
                    latencies.push(t.elapsed());
                }
                (latencies, errors)
            })
        })
        .collect();
    let mut latencies = Vec::with_capacity(total);
    let mut errors = 0;
    for task in tasks {
        let (l, e) = task.await.unwrap();
        latencies.extend(l);
        errors += e;
    }
    Figures {
        name,
        requests: total,
        elapsed: start.elapsed(),
        latencies,
        errors,
        cpu: process_cpu() - cpu_start,
    }
}

fn main() {
    rsupport_server::store::sqlite::no_memory_statistics();
    let smoke = !std::env::args().any(|a| a == "--bench");
    let scale = if smoke { 100 } else { 1 };
    let cases = arg("--cases", if smoke { 1_000 } else { 100_000 });
    let clients = arg("--clients", 4);
    let dir = tempfile::tempdir().expect("temp dir");
    let given = std::env::args()
        .skip_while(|a| a != "--db")
        .nth(1)
        .map(|spec| DbSpec::parse(&spec));
    let db = given.unwrap_or_else(|| DbSpec::Sqlite(dir.path().join("bench.sqlite")));
    let store = Store::open(db.clone()).expect("open the bench database");
    let filled = std::env::args().skip_while(|a| a != "--filled").nth(1);
    let (token, customers, keywords) = match &filled {
        Some(domain) => {
            let (token, customers) = reader_of_filled(&store, domain);
            println!("serving {} as filled for {domain}", db.display());
            (token, customers, Keywords::built_in_vocabulary())
        }
        None => {
            let t = Instant::now();
            let token = seed(&store, cases);
            let seeded = t.elapsed();
            println!(
                "seeded {cases} cases in {:.1}s ({:.0} cases/s) into {}",
                seeded.as_secs_f64(),
                cases as f64 / seeded.as_secs_f64(),
                db.display()
            );
            let customers = (0..CUSTOMERS).map(|c| format!("customer-{c}")).collect();
            (token, customers, Keywords::seeded())
        }
    };
    let customers = Arc::new(customers);
    let keywords = Arc::new(keywords);
    let size = match (&db, &store) {
        (DbSpec::Sqlite(path), _) => {
            let wal = std::fs::metadata(path.with_extension("sqlite-wal")).map_or(0, |m| m.len());
            std::fs::metadata(path).map(|m| (m.len() + wal) as i64).ok()
        }
        (_, Store::Postgres(pg)) => pg.size_bytes().ok(),
        _ => None,
    };
    if let Some(bytes) = size {
        println!("store size on disk: {:.1} MB", bytes as f64 / 1e6);
    }

    let state = AppState::new(store, ServerConfig::default());
    let server_rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let listener = server_rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let server = server_rt.spawn(rsupport_server::serve(listener, state, async move {
        let _ = stop_rx.await;
    }));

    let client_rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    // `--only WORD`: run just the scenarios whose name holds WORD (e.g. under a profiler).
    let only = std::env::args().skip_while(|a| a != "--only").nth(1);
    let wanted = move |name: &str| only.as_deref().is_none_or(|w| name.contains(w));
    let results = client_rt.block_on(async {
        let auth = format!("Bearer {token}");
        let mut results = Vec::new();
        let (b, a) = (base.clone(), auth.clone());
        // Warm-up: connections, page cache, prepared statements.
        scenario("warm-up", 500 / scale, clients, move |c, i| {
            c.get(format!("{b}/v1/cases/{}", 1 + (i * 7919) % cases))
                .header("authorization", &a)
        })
        .await;
        let (b, a) = (base.clone(), auth.clone());
        if wanted("get") {
            results.push(
                scenario("get", 20_000 / scale, clients, move |c, i| {
                    c.get(format!("{b}/v1/cases/{}", 1 + (i * 7919) % cases))
                        .header("authorization", &a)
                })
                .await,
            );
        }
        let (b, a, cu) = (base.clone(), auth.clone(), customers.clone());
        if wanted("list") {
            results.push(
                scenario("list (page of 50)", 5_000 / scale, clients, move |c, i| {
                    let customer = if i % 2 == 0 {
                        String::new()
                    } else {
                        format!("&customer={}", cu[i % cu.len()])
                    };
                    c.get(format!("{b}/v1/cases?pageSize=50{customer}"))
                        .header("authorization", &a)
                })
                .await,
            );
        }
        type Pick = fn(&Keywords, usize) -> String;
        let searches: [(&'static str, Pick); 5] = [
            ("search: common word", |k, i| {
                k.common[i % k.common.len()].clone()
            }),
            ("search: mid word", |k, i| k.mid[i % k.mid.len()].clone()),
            ("search: rare word", |k, i| {
                k.rare[(i * 37) % k.rare.len()].clone()
            }),
            ("search: 2 common", |k, i| {
                format!(
                    "{} {}",
                    k.common[i % k.common.len()],
                    k.common[(i * 3 + 1) % k.common.len()]
                )
            }),
            ("search: absent word", |_, i| format!("absent{i}")),
        ];
        for (name, pick) in searches.into_iter().filter(|(name, _)| wanted(name)) {
            let (b, a, k) = (base.clone(), auth.clone(), keywords.clone());
            results.push(
                scenario(name, 2_000 / scale, clients, move |c, i| {
                    c.get(format!("{b}/v1/cases?pageSize=50&state=all"))
                        .query(&[("query", pick(&k, i))])
                        .header("authorization", &a)
                })
                .await,
            );
        }
        let (b, a, cu) = (base.clone(), auth.clone(), customers.clone());
        // New cases hold the vocabulary's words as often as the filled ones do, so that the
        // searches of a later run over the same database meet them as they meet the others.
        let vocabulary = rsupport_server::bench_data::built_in_vocabulary();
        let texts: Arc<Vec<(String, String)>> = Arc::new(
            (0..2_000 / scale)
                .map(|i| rsupport_server::bench_data::case_text(&vocabulary, i as u64))
                .collect(),
        );
        let run = uuid::Uuid::new_v4().simple().to_string();
        if wanted("create") {
            results.push(
                scenario("create", 2_000 / scale, clients, move |c, i| {
                    c.post(format!("{b}/v1/cases"))
                        .header("authorization", &a)
                        .json(&serde_json::json!({
                            "requestId": format!("bench-{run}-{i}"),
                            "customer": cu[i % cu.len()],
                            "displayName": texts[i % texts.len()].0,
                            "description": texts[i % texts.len()].1,
                            "classification": "gmail-delivery",
                            "priority": "P3",
                        }))
                })
                .await,
            );
        }
        results
    });
    let _ = stop_tx.send(());
    let _ = server_rt.block_on(server);

    println!();
    println!(
        "{} cases, {clients} concurrent loopback clients, 2 server worker threads",
        cases
    );
    println!(
        "| scenario            | requests |   req/s |  p50 ms |  p99 ms | CPU µs/req | errors |"
    );
    println!(
        "|---------------------|---------:|--------:|--------:|--------:|-----------:|-------:|"
    );
    for f in &results {
        println!(
            "| {:<19} | {:>8} | {:>7.0} | {:>7.2} | {:>7.2} | {:>10.0} | {:>6} |",
            f.name,
            f.requests,
            f.requests as f64 / f.elapsed.as_secs_f64(),
            f.percentile(0.50).as_secs_f64() * 1000.0,
            f.percentile(0.99).as_secs_f64() * 1000.0,
            f.cpu.as_secs_f64() * 1e6 / f.requests as f64,
            f.errors
        );
    }
    for f in &results {
        assert_eq!(f.errors, 0, "{} had errors", f.name);
    }
}
