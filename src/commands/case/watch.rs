//! `rsupport case watch ID…`: prints the new events of cases as they happen, until a case
//! reaches a state (`--until`) or time runs out (`--timeout`, exit 7).
//!
//! Each case is followed with the server's long-poll (`after` = the last event seen,
//! `waitSeconds`): a request waits on the server until something happens, never a tight loop.
//! A dropped connection or a restarted server is retried with a growing pause, from the same
//! cursor, so no event is lost or shown twice.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use clap::Args;
use futures_util::StreamExt as _;
use futures_util::stream::FuturesUnordered;
use rsupport_api::types::{AuthorRole, CaseEvent, CaseEventKind, CaseEventList, CaseState};

use super::shared::{WatchedEvent, parse_case_id};
use crate::client::{Client, ClientError};
use crate::commands::shared::AllDomains;
use crate::context::Ctx;
use crate::error::{CliError, CliResult, ExitClass};
use crate::output::Outcome;

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  rsupport case watch 42
  rsupport case watch 42 --until reply --timeout 30m      # CI: wait for support's answer
  rsupport case watch 42 43 --until closed --json          # one JSON event per line
  rsupport case watch 42 77 --all-domains

Ends with exit 0 when --until is met, 7 when --timeout runs out first; Ctrl-C stops it.
A dropped connection or a restarted server is retried from where the watch was.")]
pub struct WatchArgs {
    /// The case ids
    #[arg(required = true, value_parser = parse_case_id, value_name = "ID", add = crate::complete::case_id(crate::complete::CaseScope::Any))]
    pub ids: Vec<u64>,
    /// Stop (exit 0) when a case reaches this state, or with `reply` when support posts a message
    #[arg(long, value_name = "STATE|reply", value_parser = parse_until)]
    pub until: Option<Until>,
    /// Stop after this long with exit code 7, e.g. 30s, 10m, 2h
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub timeout: Option<Duration>,
    /// Follow cases of every logged-in domain (each in the domain that sees it)
    #[arg(long)]
    pub all_domains: bool,
}

/// What `--until` waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Until {
    State(CaseState),
    /// A message from support.
    Reply,
}

impl Until {
    fn met_by(self, event: &CaseEvent) -> bool {
        match self {
            Until::State(state) => {
                event.kind == CaseEventKind::StateChanged
                    && event.to.as_deref() == Some(state.as_str())
            }
            Until::Reply => {
                event.kind == CaseEventKind::Message
                    && event.author_role == Some(AuthorRole::Support)
            }
        }
    }

    /// The end of "Watching case 42…".
    fn goal(self) -> String {
        match self {
            Until::State(state) => format!(" until one reaches {state}"),
            Until::Reply => " until support replies".into(),
        }
    }

    fn describe(self) -> String {
        match self {
            Until::State(state) => format!("reached {state}"),
            Until::Reply => "has a reply from support".into(),
        }
    }
}

fn parse_until(s: &str) -> Result<Until, String> {
    if s.trim().eq_ignore_ascii_case("reply") {
        return Ok(Until::Reply);
    }
    s.parse::<CaseState>().map(Until::State).map_err(|_| {
        let states: Vec<&str> = CaseState::ALL.iter().map(|s| s.as_str()).collect();
        format!(
            "'{s}' is not a state nor `reply`: expected reply or one of {}",
            states.join(", ")
        )
    })
}

/// `30s`, `10m`, `2h`, `1h30m` or a number of seconds.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let invalid = || {
        format!(
            "'{s}' is not a duration: write a number with a unit (s, m, h), e.g. 30s, 10m, 1h30m"
        )
    };
    let text = s.trim();
    if let Ok(seconds) = text.parse::<u64>() {
        return (seconds > 0)
            .then(|| Duration::from_secs(seconds))
            .ok_or_else(|| format!("'{s}' is not a duration: it must be longer than 0"));
    }
    let mut total = 0u64;
    let mut number = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let unit = match c {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            _ => return Err(invalid()),
        };
        let n: u64 = number.parse().map_err(|_| invalid())?;
        total = n
            .checked_mul(unit)
            .and_then(|v| total.checked_add(v))
            .ok_or_else(invalid)?;
        number.clear();
    }
    if !number.is_empty() || total == 0 {
        return Err(invalid());
    }
    Ok(Duration::from_secs(total))
}

/// `90s` as `1m30s`, the way `--timeout` takes it.
fn short_duration(d: Duration) -> String {
    let all = d.as_secs();
    let (h, m, s) = (all / 3600, all / 60 % 60, all % 60);
    let mut text = String::new();
    if h > 0 {
        text.push_str(&format!("{h}h"));
    }
    if m > 0 {
        text.push_str(&format!("{m}m"));
    }
    if s > 0 || text.is_empty() {
        text.push_str(&format!("{s}s"));
    }
    text
}

/// The longest a long-poll asks the server to wait: under the client's request timeout.
const MAX_WAIT: Duration = Duration::from_secs(20);
/// Pauses before trying an unreachable server again: doubling up to the last.
const FIRST_PAUSE: Duration = Duration::from_millis(250);
const LONGEST_PAUSE: Duration = Duration::from_secs(5);

/// A followed case: where it is followed and the last event seen.
struct Watched {
    id: u64,
    client: usize,
    cursor: u64,
}

type Poll<'a> = Pin<Box<dyn Future<Output = (usize, Result<CaseEventList, ClientError>)> + 'a>>;

fn poll<'a>(client: &'a Client, index: usize, w: &Watched, pause: Duration) -> Poll<'a> {
    let (id, cursor) = (w.id, w.cursor);
    let wait = MAX_WAIT
        .min(client.timeout().mul_f32(0.6))
        .max(Duration::from_secs(1));
    Box::pin(async move {
        if !pause.is_zero() {
            tokio::time::sleep(pause).await;
        }
        (index, client.wait_events(id, cursor, wait).await)
    })
}

/// Whether a failed poll is worth trying again: the server is away (restarting, a dropped
/// connection), not a refusal.
fn transient(error: &ClientError) -> bool {
    ExitClass::of_client_error(error) == ExitClass::Unreachable
}

pub async fn run(ctx: &Ctx, args: WatchArgs) -> CliResult<Outcome> {
    let mut ids = args.ids.clone();
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(*id));
    let clients = clients_of(ctx, &ids, args.all_domains).await?;
    let deadline = args.timeout.map(|t| tokio::time::Instant::now() + t);
    let mut watched = Vec::new();
    for (&id, &client) in ids.iter().zip(&clients.of_case) {
        let c = &clients.clients[client];
        let case = c.get_case(id).await?;
        if let Some(until) = args.until
            && until == Until::State(case.state)
        {
            return Ok(Outcome::message(format!(
                "Case {id} {} already.",
                until.describe()
            )));
        }
        watched.push(Watched {
            id,
            client,
            cursor: latest_cursor(c, id).await?,
        });
    }
    let names: Vec<String> = ids.iter().map(u64::to_string).collect();
    ctx.out().message(&format!(
        "Watching case{} {}{}; Ctrl-C to stop.",
        if ids.len() > 1 { "s" } else { "" },
        names.join(", "),
        args.until.map(Until::goal).unwrap_or_default()
    ));
    let mut polls: FuturesUnordered<Poll> = FuturesUnordered::new();
    let mut pauses = vec![Duration::ZERO; watched.len()];
    for (index, w) in watched.iter().enumerate() {
        polls.push(poll(&clients.clients[w.client], index, w, Duration::ZERO));
    }
    let mut first = true;
    let timeout = async {
        match deadline {
            Some(deadline) => tokio::time::sleep_until(deadline).await,
            None => std::future::pending().await,
        }
    };
    tokio::pin!(timeout);
    loop {
        let (index, result) = tokio::select! {
            Some(done) = polls.next() => done,
            () = &mut timeout => {
                let waited = args.timeout.map(short_duration).unwrap_or_default();
                let what = match args.until {
                    Some(until) => format!(" before a case {}", until.describe()),
                    None => String::new(),
                };
                return Err(CliError::failure(format!("the watch timed out after {waited}{what}"))
                    .with_class(ExitClass::WatchTimeout));
            }
        };
        let w = &mut watched[index];
        match result {
            Ok(list) => {
                if !pauses[index].is_zero() {
                    ctx.out()
                        .message(&format!("Case {}: connected again.", w.id));
                }
                pauses[index] = Duration::ZERO;
                w.cursor = list.cursor.max(w.cursor);
                for event in list.events {
                    let met = args.until.is_some_and(|u| u.met_by(&event));
                    let id = event.case_id;
                    ctx.out().item_line(&WatchedEvent(event), first)?;
                    first = false;
                    if met {
                        let until = args.until.map(|u| u.describe()).unwrap_or_default();
                        return Ok(Outcome::message(format!("Case {id} {until}.")));
                    }
                }
            }
            Err(error) if transient(&error) => {
                let pause = if pauses[index].is_zero() {
                    ctx.out().warn(&format!(
                        "case {}: {error}; trying again from where the watch was",
                        w.id
                    ));
                    FIRST_PAUSE
                } else {
                    (pauses[index] * 2).min(LONGEST_PAUSE)
                };
                pauses[index] = pause;
            }
            Err(error) => return Err(error.into()),
        }
        let w = &watched[index];
        polls.push(poll(&clients.clients[w.client], index, w, pauses[index]));
    }
}

/// The id of a case's latest event: a watch shows what happens from now on.
async fn latest_cursor(client: &Client, id: u64) -> CliResult<u64> {
    let mut cursor = 0;
    loop {
        let list = client.wait_events(id, cursor, Duration::ZERO).await?;
        if list.events.is_empty() {
            return Ok(cursor);
        }
        cursor = list.cursor;
    }
}

/// The clients a watch talks to, and which one each case is followed with.
struct Clients {
    clients: Vec<Client>,
    of_case: Vec<usize>,
}

/// One client (the selected domain's), or with `--all-domains` every logged-in domain's, each
/// case followed in the domain that sees it.
async fn clients_of(ctx: &Ctx, ids: &[u64], all_domains: bool) -> CliResult<Clients> {
    if !all_domains {
        return Ok(Clients {
            clients: vec![ctx.client()?.clone()],
            of_case: vec![0; ids.len()],
        });
    }
    let mut all = AllDomains::logged_in(ctx)?;
    let mut clients = Vec::new();
    for domain in all.domains.clone() {
        match ctx.client_for_async(&domain).await {
            Ok(client) => clients.push(client),
            Err(error) => all.failed(ctx, &domain, error),
        }
    }
    all.finish()?;
    let mut of_case = Vec::new();
    for &id in ids {
        let mut found = None;
        for (index, client) in clients.iter().enumerate() {
            match client.get_case(id).await {
                Ok(_) => {
                    found = Some(index);
                    break;
                }
                Err(error)
                    if error.reason() == Some(rsupport_api::error::ErrorReason::CaseNotFound) => {}
                Err(error) => return Err(error.into()),
            }
        }
        let index = found.ok_or_else(|| {
            CliError::not_found(format!("case {id} was not found in any logged-in domain"))
        })?;
        of_case.push(index);
    }
    Ok(Clients { clients, of_case })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_take_units_and_print_back_the_same_way() {
        for (text, seconds) in [("30s", 30), ("10m", 600), ("1h30m", 5400), ("45", 45)] {
            assert_eq!(
                parse_duration(text),
                Ok(Duration::from_secs(seconds)),
                "{text}"
            );
        }
        for bad in ["", "0", "0s", "5x", "m", "10m5"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
        assert_eq!(short_duration(Duration::from_secs(5400)), "1h30m");
        assert_eq!(short_duration(Duration::from_secs(1)), "1s");
    }

    #[test]
    fn until_takes_a_state_or_reply() {
        assert_eq!(parse_until("reply"), Ok(Until::Reply));
        assert_eq!(parse_until("Closed"), Ok(Until::State(CaseState::Closed)));
        assert!(parse_until("done").unwrap_err().contains("reply"));
    }
}
