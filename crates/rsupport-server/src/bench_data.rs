//! `rsupport-server admin bench-data`: fills a reseller domain with synthetic cases for
//! benchmarks. Titles, descriptions and messages are words of a vocabulary drawn Zipf-like (the
//! first words the most frequent), so keyword searches meet common, middling and rare words as
//! in real support text. The same `--seed` gives the same cases (their times follow the clock).

use std::time::Instant;

use anyhow::bail;
use clap::Args;
use jiff::{SignedDuration, Timestamp};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

use crate::catalogue;
use crate::rules;
use crate::store::{BULK_WARM_UP_CASES, BenchWrite, BulkLoad, NewCase, Store, StoreError};
use rsupport_api::types::{
    AuthorRole, CaseState, Contact, Customer, Privilege, Role, Severity, StateChangeVia,
    SupportPlan,
};

/// The vocabulary used without `--vocabulary`: a few hundred support words, most frequent first.
const BUILT_IN_VOCABULARY: &str = include_str!("bench_vocabulary.txt");

/// Cases written per transaction.
const BATCH: u64 = 10_000;

/// How far back the cases go (they end at the server's clock).
const SPAN: SignedDuration = SignedDuration::from_hours(365 * 24);

#[derive(Debug, Args)]
pub struct BenchDataArgs {
    /// The reseller domain to fill (created if missing).
    #[arg(long)]
    pub domain: String,
    /// How many cases to file (at least 1).
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..=100_000_000))]
    pub cases: u64,
    /// How many customers the cases are spread over (created if missing, access granted).
    #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u64).range(1..=100_000))]
    pub customers: u64,
    /// A word list, one word a line, the most frequent first [default: a built-in list of
    /// support words].
    #[arg(long, value_name = "FILE", value_parser = read_vocabulary)]
    pub vocabulary: Option<Vocabulary>,
    /// The seed of the random generator: the same seed files the same cases.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

/// A word list, most frequent first.
#[derive(Debug, Clone)]
pub struct Vocabulary(pub Vec<String>);

/// Parses a word list: one word a line; blank lines are skipped; a line with a control
/// character (a tab, an escape…) is refused with its number.
pub fn parse_vocabulary(text: &str) -> Result<Vocabulary, String> {
    let mut words = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let word = line.trim();
        if word.is_empty() {
            continue;
        }
        if let Some(c) = word.chars().find(|c| c.is_control()) {
            return Err(format!(
                "line {} has the control character {:?}; a vocabulary is one word a line of printable text",
                n + 1,
                c
            ));
        }
        words.push(word.to_string());
    }
    if words.is_empty() {
        return Err("it has no word; give one word a line, the most frequent first".into());
    }
    Ok(Vocabulary(words))
}

fn read_vocabulary(path: &str) -> Result<Vocabulary, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read it: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_string())?;
    parse_vocabulary(&text)
}

/// The built-in vocabulary.
pub fn built_in_vocabulary() -> Vocabulary {
    parse_vocabulary(BUILT_IN_VOCABULARY).unwrap_or_else(|_| Vocabulary(vec!["error".into()]))
}

/// A title and a description drawn from `vocabulary` as `bench-data` draws a case's (for a
/// load benchmark's new cases, so that they hold the words as the filled ones do).
pub fn case_text(vocabulary: &Vocabulary, seed: u64) -> (String, String) {
    let words = Words {
        words: &vocabulary.0,
        zipf: Zipf::new(vocabulary.0.len()),
    };
    let mut rng = StdRng::seed_from_u64(seed);
    (
        words.text(&mut rng, 3, 7, true),
        words.text(&mut rng, 12, 40, true),
    )
}

/// Draws word ranks with probability proportional to 1 / (rank + 1) (Zipf, s = 1).
struct Zipf {
    cumulative: Vec<f64>,
}

impl Zipf {
    fn new(n: usize) -> Zipf {
        let mut total = 0.0;
        let cumulative = (0..n)
            .map(|rank| {
                total += 1.0 / (rank as f64 + 1.0);
                total
            })
            .collect();
        Zipf { cumulative }
    }

    fn sample(&self, rng: &mut StdRng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = rng.random::<f64>() * total;
        self.cumulative
            .partition_point(|c| *c <= x)
            .min(self.cumulative.len() - 1)
    }
}

struct Words<'a> {
    words: &'a [String],
    zipf: Zipf,
}

impl Words<'_> {
    fn text(&self, rng: &mut StdRng, min: usize, max: usize, capital: bool) -> String {
        let count = rng.random_range(min..=max);
        let mut out = String::new();
        for i in 0..count {
            if i > 0 {
                out.push(' ');
            }
            let word = &self.words[self.zipf.sample(rng)];
            if i == 0 && capital {
                let mut chars = word.chars();
                if let Some(first) = chars.next() {
                    out.extend(first.to_uppercase());
                    out.push_str(chars.as_str());
                }
            } else {
                out.push_str(word);
            }
        }
        out
    }
}

/// What `bench-data` reports.
pub struct Filled {
    pub cases: u64,
    pub seconds: f64,
}

impl Filled {
    /// `filed 100,000 cases in 3.2 s (31,000 cases/s)`.
    pub fn summary(&self) -> String {
        let rate = if self.seconds > 0.0 {
            (self.cases as f64 / self.seconds).round() as u64
        } else {
            self.cases
        };
        format!(
            "filed {} cases in {:.1} s ({} cases/s)",
            thousands(self.cases),
            self.seconds,
            thousands(rate)
        )
    }
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn customer_prefix(domain: &str) -> String {
    domain
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

/// Fills the domain; `now` is the server's clock.
pub fn run(store: &Store, args: BenchDataArgs, now: Timestamp) -> anyhow::Result<Filled> {
    let started = Instant::now();
    let domain = args.domain.trim().to_ascii_lowercase();
    if !rules::is_valid_email(&format!("x@{domain}")) {
        bail!("--domain: '{domain}' is not a domain name such as reseller.example.com");
    }
    let vocabulary = args.vocabulary.unwrap_or_else(built_in_vocabulary);
    let words = Words {
        zipf: Zipf::new(vocabulary.0.len()),
        words: &vocabulary.0,
    };
    let mut rng = StdRng::seed_from_u64(args.seed);

    // The domain, its customers, the users who file and the agent who answers.
    let prefix = customer_prefix(&domain);
    let (customers, creators, agent, latest) = store.write(|tx| -> anyhow::Result<_> {
        tx.insert_domain(&domain, now)?;
        let mut customers = Vec::new();
        for n in 1..=args.customers {
            let id = format!("{prefix}-c{n:05}");
            if let Some(existing) = tx.find_customer(&id)?
                && existing.reseller_domain != domain
            {
                bail!(
                    "customer '{id}' belongs to {}, not {domain}; pick another --domain",
                    existing.reseller_domain
                );
            }
            let name = format!(
                "{} {}",
                words.text(&mut rng, 1, 1, true),
                ["Ltd", "GmbH", "Inc", "S.r.l.", "Group", "Partners"][rng.random_range(0..6)]
            );
            let plan = [
                SupportPlan::Standard,
                SupportPlan::Enhanced,
                SupportPlan::Premium,
            ][rng.random_range(0..3)];
            let primary_domain = format!("{id}.example");
            tx.upsert_customer(&Customer {
                contact: Contact {
                    name: format!("{name} IT"),
                    email: format!("it@{primary_domain}"),
                    phone: None,
                },
                id: id.clone(),
                display_name: name,
                primary_domain: primary_domain.clone(),
                reseller_domain: domain.clone(),
                plan,
                access_granted: true,
            })?;
            customers.push((id, format!("it@{primary_domain}")));
        }
        let privileges = [
            Privilege::Support,
            Privilege::CustomersView,
            Privilege::CasesAccess,
        ];
        let mut creators = Vec::new();
        for n in 1..=args.customers.clamp(1, 10) {
            let email = format!("bench-user{n}@{domain}");
            if tx.find_user(&email)?.is_none() {
                tx.upsert_user(&email, Some(&domain), Role::Reseller, &privileges, now)?;
            }
            creators.push(email);
        }
        let agent = match tx.first_agent()? {
            Some(agent) => agent.email,
            None => {
                let email = crate::demo::AGENT_EMAIL.to_string();
                tx.upsert_user(&email, None, Role::Agent, &[], now)?;
                email
            }
        };
        let latest = tx.latest_update_time()?;
        Ok((customers, creators, agent, latest))
    })?;

    // The cases span the year before now, after any write already stored, each case's writes
    // before the next case is filed: update times follow the order of the writes.
    let year_ago = now.checked_sub(SPAN).unwrap_or(now);
    let start = match latest {
        Some(t) => year_ago.max((t + SignedDuration::from_micros(1)).min(now)),
        None => year_ago,
    };
    let span_us = now.as_microsecond() - start.as_microsecond();
    let step_us = (span_us / args.cases as i64).max(0);
    let run_tag = now.as_microsecond();

    let plan = Plan {
        words: &words,
        categories: catalogue::all(),
        customers: &customers,
        creators: &creators,
        agent: &agent,
        domain: &domain,
        start,
        step_us,
        run_tag,
    };
    let mut filed = 0u64;
    store.write(|tx| tx.bulk_load(BulkLoad::Start))?;
    let result = fill(store, args.cases, rng, &plan, &mut filed);
    store.write(|tx| tx.bulk_load(BulkLoad::Finish))?;
    result?;
    store.settle_after_bulk_load()?;
    Ok(Filled {
        cases: filed,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// What every case of a run is drawn from.
struct Plan<'a> {
    words: &'a Words<'a>,
    categories: &'a [rsupport_api::types::Category],
    customers: &'a [(String, String)],
    creators: &'a [String],
    agent: &'a str,
    domain: &'a str,
    start: Timestamp,
    step_us: i64,
    run_tag: i64,
}

/// Cases planned per message from the planning thread to the writing one.
const CHUNK: u64 = 500;

/// Plans the cases on one thread (the random generator's sequence, so the seed decides them)
/// while this one writes them, `BATCH` cases a transaction, and a third copies SQLite's log
/// into the database file after each commit (while the next transaction is being built).
fn fill(
    store: &Store,
    cases: u64,
    rng: StdRng,
    plan: &Plan,
    filed: &mut u64,
) -> Result<(), StoreError> {
    let copier = store.log_copier()?;
    std::thread::scope(|scope| {
        let (ask, asked) = std::sync::mpsc::sync_channel::<LogCopy>(1);
        let copying = copier.map(|copier| {
            scope.spawn(move || -> Result<(), StoreError> {
                for copy in asked {
                    copier.copy()?;
                    if let LogCopy::AndAnswer(answer) = copy {
                        let _ = answer.send(());
                    }
                }
                Ok(())
            })
        });
        let log = copying.is_some().then_some(&ask);
        let written = write_planned(store, cases, rng, plan, filed, scope, log);
        drop(ask);
        let copied = copying.map_or(Ok(()), |copying| {
            copying
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        });
        written.and(copied)
    })
}

/// What the writer asks of the thread that copies the log.
enum LogCopy {
    /// Copy what the log holds (a request already waiting is as good).
    Now,
    /// Copy it and say when done.
    AndAnswer(std::sync::mpsc::SyncSender<()>),
}

/// Transactions after which the writer waits for the log to be copied before it starts the
/// next: SQLite starts the log over only in a transaction that began with the log all copied,
/// which, with the copying always a commit behind, would otherwise never happen (a fill of
/// 1,000,000 cases grew the log to 2.8 GB). At this many batches it stays under 0.62 GB (at 4,
/// the same: the copying mostly keeps up; the wait cost 2.5 s of a 50 s fill, at 8 1.2 s).
const BATCHES_A_LOG: u64 = 8;

/// The planning thread and the writing loop of [`fill`]; `log` asks for a copy of the log
/// after each commit when a thread copies it.
fn write_planned<'scope>(
    store: &Store,
    cases: u64,
    mut rng: StdRng,
    plan: &'scope Plan<'scope>,
    filed: &mut u64,
    scope: &'scope std::thread::Scope<'scope, '_>,
    log: Option<&std::sync::mpsc::SyncSender<LogCopy>>,
) -> Result<(), StoreError> {
    let (send, planned) = std::sync::mpsc::sync_channel::<Vec<(NewCase, Vec<BenchWrite>)>>(8);
    scope.spawn(move || {
        let mut next = 0;
        while next < cases {
            let n = (cases - next).min(CHUNK);
            let chunk = (next..next + n)
                .map(|index| plan_case(&mut rng, plan, index))
                .collect();
            if send.send(chunk).is_err() {
                return; // the writer stopped on an error
            }
            next += n;
        }
    });
    let mut planned = planned.iter().peekable();
    let mut batches = 0u64;
    while planned.peek().is_some() {
        // one call a transaction: the keyword index takes its rows in one statement
        let mut batch = Vec::with_capacity(BATCH as usize);
        while (batch.len() as u64) < BATCH {
            let Some(chunk) = planned.next() else { break };
            batch.extend(chunk);
        }
        store.write(|tx| tx.insert_bench_cases(&batch))?;
        batches += 1;
        if let Some(log) = log {
            if batches.is_multiple_of(BATCHES_A_LOG) {
                let (answer, answered) = std::sync::mpsc::sync_channel(1);
                // an error ends the copying thread, which `fill` reports
                if log.send(LogCopy::AndAnswer(answer)).is_ok() {
                    let _ = answered.recv();
                }
            } else {
                let _ = log.try_send(LogCopy::Now);
            }
        }
        let before = *filed;
        *filed += batch.len() as u64;
        if before < BULK_WARM_UP_CASES && *filed >= BULK_WARM_UP_CASES {
            store.write(|tx| tx.bulk_load(BulkLoad::Fast))?;
        }
    }
    Ok(())
}

fn at(t: Timestamp, micros: i64) -> Timestamp {
    t.checked_add(SignedDuration::from_micros(micros))
        .unwrap_or(t)
}

/// One case and what happens to it: support answers (the first answer takes it in
/// progress, the last may ask for action or propose a solution), the reseller replies, and
/// some cases are closed by the reseller.
fn plan_case(rng: &mut StdRng, plan: &Plan, index: u64) -> (NewCase, Vec<BenchWrite>) {
    let Plan {
        words,
        categories,
        customers,
        creators,
        agent,
        ..
    } = *plan;
    let create_time = at(plan.start, index as i64 * plan.step_us);
    let step_us = plan.step_us;
    let (customer, contact) = &customers[rng.random_range(0..customers.len())];
    let creator = &creators[rng.random_range(0..creators.len())];
    let priority = match rng.random_range(0..100) {
        0..5 => Severity::P1,
        5..25 => Severity::P2,
        25..75 => Severity::P3,
        _ => Severity::P4,
    };
    let classification = categories[rng.random_range(0..categories.len())].id.clone();
    let new = NewCase {
        customer: customer.clone(),
        reseller_domain: plan.domain.to_string(),
        display_name: words.text(rng, 3, 7, true),
        description: words.text(rng, 12, 40, true),
        classification,
        priority,
        state: CaseState::New,
        language_code: "en-US".to_string(),
        time_zone: ["Europe/Rome", "America/New_York", "Asia/Tokyo", "UTC"][rng.random_range(0..4)]
            .to_string(),
        subscribers: if rng.random_bool(0.5) {
            vec![contact.clone()]
        } else {
            Vec::new()
        },
        creator: creator.clone(),
        create_time,
        // zero-padded: in index order, so the request id index only ever grows at its end
        request_id: format!("bench-{}-{index:010}", plan.run_tag),
        request_fingerprint: "bench-data".to_string(),
    };
    let messages: usize = match rng.random_range(0..100) {
        0..30 => 0,
        30..60 => 1,
        60..80 => 2,
        80..92 => 3,
        _ => 4,
    };
    let closed = rng.random_bool(if messages == 0 { 0.1 } else { 0.4 });
    let writes_count = messages * 2 + 2;
    let time = |n: usize| at(create_time, step_us * n as i64 / writes_count as i64);
    let mut writes = Vec::new();
    let mut n = 0;
    let mut tick = || {
        n += 1;
        time(n)
    };
    for m in 0..messages {
        let support = m.is_multiple_of(2);
        let body = words.text(rng, 6, 25, true);
        let t = tick();
        if support {
            writes.push(BenchWrite::Message {
                body,
                author: agent.to_string(),
                role: AuthorRole::Support,
                time: t,
            });
            let to = if m + 1 == messages {
                [
                    CaseState::InProgress,
                    CaseState::ActionRequired,
                    CaseState::SolutionProvided,
                ][rng.random_range(0..3)]
            } else {
                CaseState::InProgress
            };
            if m == 0 || to != CaseState::InProgress {
                writes.push(BenchWrite::State {
                    to,
                    actor: agent.to_string(),
                    via: StateChangeVia::Support,
                    time: tick(),
                });
            }
        } else {
            writes.push(BenchWrite::Message {
                body,
                author: creator.clone(),
                role: AuthorRole::Reseller,
                time: t,
            });
        }
    }
    if closed {
        writes.push(BenchWrite::State {
            to: CaseState::Closed,
            actor: creator.clone(),
            via: StateChangeVia::Close,
            time: tick(),
        });
    }
    (new, writes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_vocabulary_has_a_few_hundred_distinct_words() {
        let words = parse_vocabulary(BUILT_IN_VOCABULARY).unwrap().0;
        assert!(words.len() >= 200, "{}", words.len());
        let distinct: std::collections::HashSet<_> = words.iter().collect();
        assert_eq!(distinct.len(), words.len(), "a word is listed twice");
    }

    #[test]
    fn vocabularies_refuse_control_characters_and_emptiness() {
        assert!(
            parse_vocabulary("mail\nbad\u{1b}[31m\n")
                .unwrap_err()
                .contains("line 2")
        );
        assert!(parse_vocabulary("\n  \n").unwrap_err().contains("no word"));
        assert_eq!(
            parse_vocabulary("mail\n\ndrive\n").unwrap().0,
            ["mail", "drive"]
        );
    }

    #[test]
    fn the_first_words_are_drawn_most_often() {
        let zipf = Zipf::new(100);
        let mut rng = StdRng::seed_from_u64(7);
        let mut counts = [0usize; 100];
        for _ in 0..20_000 {
            counts[zipf.sample(&mut rng)] += 1;
        }
        assert!(
            counts[0] > counts[9] && counts[9] > counts[99],
            "{counts:?}"
        );
    }

    #[test]
    fn rates_have_thousands_separators() {
        let filled = Filled {
            cases: 100_000,
            seconds: 3.2,
        };
        assert_eq!(
            filled.summary(),
            "filed 100,000 cases in 3.2 s (31,250 cases/s)"
        );
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
    }
}
