//! Case and customer ids from the server of the domain in use, for completion. The domain and
//! endpoint are the ones the command line being completed selects (`--domain`, `--endpoint`,
//! else `RSUPPORT_DOMAIN`, `RSUPPORT_ENDPOINT` and the config, as for a real run). Fresh ids
//! come from the [`cache`]; otherwise the token is read (keyring or file; a keyring that would
//! need unlocking is left alone, so a TAB never raises an unlock prompt) and one page is
//! fetched, all of it within [`TIME_LIMIT`]: a slow or dead server, a locked keyring, a
//! missing login complete nothing, silently.

use std::sync::mpsc;
use std::time::Duration;

use clap_complete::CompletionCandidate;
use rsupport_api::types::{CaseOrder, ListCasesQuery, ListCustomersQuery, MAX_PAGE_SIZE};

use super::cache::{self, Entry};
use crate::client::{Client, ClientOptions};
use crate::context::{Ctx, ENDPOINT_ENV, Options};
use crate::credentials::{Storage, keyring_needs_unlock};
use crate::output::{ColorChoice, OutputOptions};
use crate::terminal::one_line;

/// The longest a TAB waits for ids from the server, connection and keyring included.
pub const TIME_LIMIT: Duration = Duration::from_millis(1500);

/// The variable `--domain` is also read from (clap's `env`).
const DOMAIN_ENV: &str = "RSUPPORT_DOMAIN";

/// Which cases a command's id completes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseScope {
    Any,
    Open,
    Closed,
}

/// The words of the command line being completed (what follows `--` in a completion request;
/// nothing in a normal run).
pub(super) fn command_line() -> Vec<String> {
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    match args.iter().position(|a| a == "--") {
        Some(i) => args[i + 1..].to_vec(),
        None => Vec::new(),
    }
}

/// The last value of `flag` on the command line (`--flag VALUE` or `--flag=VALUE`).
fn option_value(words: &[String], flag: &str) -> Option<String> {
    let mut found = None;
    let mut iter = words.iter();
    while let Some(word) = iter.next() {
        if word == flag {
            found = iter.next().cloned();
        } else if let Some(value) = word.strip_prefix(flag).and_then(|r| r.strip_prefix('=')) {
            found = Some(value.to_string());
        }
    }
    found.filter(|v| !v.trim().is_empty())
}

#[derive(Debug, Clone, Copy)]
enum Kind {
    Cases,
    Customers,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Cases => "cases",
            Kind::Customers => "customers",
        }
    }

    async fn fetch(self, client: &Client) -> Option<Vec<Entry>> {
        match self {
            Kind::Cases => {
                let query = ListCasesQuery {
                    state: Some("all".to_string()),
                    order_by: Some(CaseOrder::Updated),
                    page_size: Some(MAX_PAGE_SIZE),
                    ..ListCasesQuery::default()
                };
                let list = client.list_cases(&query).await.ok()?;
                Some(
                    list.cases
                        .into_iter()
                        .map(|case| Entry {
                            value: case.id.to_string(),
                            help: format!(
                                "{} ({}, {})",
                                one_line(&case.display_name),
                                one_line(&case.customer),
                                case.state
                            ),
                            open: Some(case.state.is_open()),
                        })
                        .collect(),
                )
            }
            Kind::Customers => {
                let query = ListCustomersQuery {
                    page_size: Some(MAX_PAGE_SIZE),
                    ..ListCustomersQuery::default()
                };
                let list = client.list_customers(&query).await.ok()?;
                Some(
                    list.customers
                        .into_iter()
                        .map(|customer| {
                            let mut help = one_line(&customer.display_name);
                            if !customer.access_granted {
                                help.push_str(" (access not granted)");
                            }
                            Entry {
                                value: customer.id,
                                help,
                                open: None,
                            }
                        })
                        .collect(),
                )
            }
        }
    }
}

/// The ids of `kind`, or nothing once [`TIME_LIMIT`] has passed. The work runs on a thread of
/// its own so that a hung keyring or connection cannot hold the shell: the process exits
/// after answering, whatever that thread is doing.
fn entries(kind: Kind) -> Vec<Entry> {
    let words = command_line();
    let (tx, rx) = mpsc::channel();
    let spawned = std::thread::Builder::new().spawn(move || {
        let _ = tx.send(fetch(kind, &words));
    });
    if spawned.is_err() {
        return Vec::new();
    }
    rx.recv_timeout(TIME_LIMIT)
        .ok()
        .flatten()
        .unwrap_or_default()
}

fn fetch(kind: Kind, words: &[String]) -> Option<Vec<Entry>> {
    let from_env = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    let domain = match option_value(words, "--domain").or_else(|| from_env(DOMAIN_ENV)) {
        Some(domain) => Some(crate::config::validate_domain(&domain).ok()?),
        None => None,
    };
    let endpoint = option_value(words, "--endpoint")
        .or_else(|| from_env(ENDPOINT_ENV))
        .map(|e| e.trim().trim_end_matches('/').to_string());
    let ctx = Ctx::new(Options {
        domain,
        endpoint,
        no_input: true,
        output: OutputOptions {
            quiet: true,
            color: ColorChoice::Never,
            ..OutputOptions::default()
        },
    })
    .ok()?;
    let domain = ctx.selected_domain().ok()?;
    let endpoint = ctx.endpoint_for(domain.as_deref()).ok()?;
    let key = cache::Key {
        kind: kind.name(),
        domain: domain.clone().unwrap_or_default(),
        endpoint: endpoint.clone(),
    };
    if let Some(entries) = cache::read(&key) {
        return Some(entries);
    }
    let token = match &domain {
        Some(domain) => {
            // never an unlock prompt for a TAB: a locked keyring completes nothing
            let in_keyring = ctx.env_token().ok()?.is_none()
                && ctx.domain_config(domain).ok()??.storage == Storage::Keyring;
            if in_keyring && keyring_needs_unlock(domain) {
                return None;
            }
            ctx.credentials_for(domain).ok()?.token
        }
        None => ctx.env_token().ok()??,
    };
    let mut options = ClientOptions::new(endpoint);
    options.token = Some(token);
    options.domain = domain;
    options.timeout = TIME_LIMIT;
    options.connect_timeout = TIME_LIMIT;
    options.max_attempts = 1;
    let client = Client::new(options).ok()?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .ok()?;
    let entries = runtime.block_on(async {
        tokio::time::timeout(TIME_LIMIT, kind.fetch(&client))
            .await
            .ok()
            .flatten()
    })?;
    // an id the shell could not take as one word is not offered
    let entries: Vec<Entry> = entries
        .into_iter()
        .filter(|e| {
            !e.value.is_empty()
                && e.value == one_line(&e.value)
                && !e.value.chars().any(char::is_whitespace)
        })
        .collect();
    cache::write(&key, &entries);
    Some(entries)
}

fn to_candidates(entries: Vec<Entry>) -> Vec<CompletionCandidate> {
    entries
        .into_iter()
        .map(|e| super::candidate(e.value, e.help))
        .collect()
}

/// Customer ids, with their names.
pub(super) fn customers() -> Vec<CompletionCandidate> {
    to_candidates(entries(Kind::Customers))
}

/// Case ids in `scope`, with their titles.
pub(super) fn cases(scope: CaseScope) -> Vec<CompletionCandidate> {
    let entries = entries(Kind::Cases)
        .into_iter()
        .filter(|e| match scope {
            CaseScope::Any => true,
            CaseScope::Open => e.open != Some(false),
            CaseScope::Closed => e.open != Some(true),
        })
        .collect();
    to_candidates(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<String> {
        line.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn the_last_domain_on_the_command_line_wins_in_either_spelling() {
        let line = words("rsupport --domain a.example case view --domain=b.example ");
        assert_eq!(
            option_value(&line, "--domain").as_deref(),
            Some("b.example")
        );
        assert_eq!(
            option_value(&words("rsupport case view --domain"), "--domain"),
            None
        );
        assert_eq!(
            option_value(&words("rsupport case view 4"), "--endpoint"),
            None
        );
    }
}
