//! Shell completion: the registration scripts `rsupport completion SHELL` prints, and the values
//! the shell gets at each TAB (clap_complete's dynamic completion, run only when the script
//! sets [`ENV_VAR`]): the fixed vocabularies of flags (severities, states, orders, reasons,
//! config keys, time zones), the domains and endpoints of the config file, and case and
//! customer ids from the server ([`remote`]: a time limit and a short cache). Nothing here
//! prints, prompts or fails: what cannot be known completes nothing.

mod cache;
mod remote;

use clap_complete::env::EnvCompleter;
use clap_complete::{ArgValueCandidates, ArgValueCompleter, CompletionCandidate, Shell};
use rsupport_api::types::{CaseOrder, CaseState, EscalationReason, Severity};

use crate::config::{ConfigFile, KEYS};
use crate::output::Format;

pub use remote::{CaseScope, TIME_LIMIT};

/// The variable that turns a run of `rsupport` into a completion request (set by the
/// registration scripts only for the call that asks for candidates).
pub const ENV_VAR: &str = "RSUPPORT_COMPLETE";

/// The binary the scripts complete, and call for candidates (found on the `PATH`).
const BIN: &str = "rsupport";

/// The registration script for `shell`: it hands the words of the command line to
/// `RSUPPORT_COMPLETE=SHELL rsupport -- WORDS…` and offers what that prints.
pub fn registration(shell: Shell) -> String {
    let adapter: &dyn EnvCompleter = match shell {
        Shell::Bash => &clap_complete::env::Bash,
        Shell::Zsh => &clap_complete::env::Zsh,
        Shell::Fish => &clap_complete::env::Fish,
        Shell::Elvish => &clap_complete::env::Elvish,
        _ => &clap_complete::env::Powershell,
    };
    let mut out = Vec::new();
    // writing to a Vec cannot fail
    let _ = adapter.write_registration(ENV_VAR, BIN, BIN, BIN, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

fn candidate(value: impl Into<String>, help: impl Into<String>) -> CompletionCandidate {
    let help: String = help.into();
    CompletionCandidate::new(value.into()).help((!help.is_empty()).then(|| help.into()))
}

fn severities() -> Vec<CompletionCandidate> {
    Severity::RESELLER
        .iter()
        .map(|s| candidate(s.as_str(), s.meaning()))
        .collect()
}

/// `--severity P1..P4`. P0 is left out: it is valid for Google Cloud domains only, and the
/// candidates do not depend on the domain.
pub fn severity() -> ArgValueCandidates {
    ArgValueCandidates::new(severities)
}

/// `--severity P1[,P2…]`: the severities not yet in the list, after what is typed (P0 left
/// out, as for `--severity`).
pub fn severity_list() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &std::ffi::OsStr| {
        let current = current.to_string_lossy();
        let (done, last) = match current.rsplit_once(',') {
            Some((done, last)) => (format!("{done},"), last.to_string()),
            None => (String::new(), current.to_string()),
        };
        let taken: Vec<String> = done.split(',').map(|s| s.trim().to_uppercase()).collect();
        Severity::RESELLER
            .iter()
            .filter(|s| !taken.iter().any(|t| t == s.as_str()))
            .filter(|s| s.as_str().starts_with(&last.to_uppercase()))
            .map(|s| candidate(format!("{done}{}", s.as_str()), s.meaning()))
            .collect()
    })
}

/// `--state`: open, closed, all and each state.
pub fn state() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        let mut out = vec![
            candidate("open", "every state but closed"),
            candidate("all", "every state"),
        ];
        out.extend(
            CaseState::ALL
                .iter()
                .map(|s| CompletionCandidate::new(s.as_str())),
        );
        out
    })
}

/// `--sort`: the orders of a case list.
pub fn case_order() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        CaseOrder::ALL
            .iter()
            .map(|o| {
                let help = match o {
                    CaseOrder::Updated => "last updated first",
                    CaseOrder::Created => "newest first",
                    CaseOrder::Severity => "most severe first",
                };
                candidate(o.as_str(), help)
            })
            .collect()
    })
}

/// `case escalate --reason`.
pub fn escalation_reason() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        EscalationReason::ALL
            .iter()
            .map(|r| CompletionCandidate::new(r.as_str()))
            .collect()
    })
}

fn time_zones() -> Vec<CompletionCandidate> {
    jiff::tz::db()
        .available()
        .map(|name| CompletionCandidate::new(name.as_str()))
        .collect()
}

/// `--time-zone`: the IANA names the system knows.
pub fn time_zone() -> ArgValueCandidates {
    ArgValueCandidates::new(time_zones)
}

/// The logged-in domains of the config file, the default one first.
fn configured_domains() -> Vec<CompletionCandidate> {
    let Ok(dir) = ConfigFile::default_dir() else {
        return Vec::new();
    };
    let Ok(file) = ConfigFile::load(&dir) else {
        return Vec::new();
    };
    let default = file.config.default_domain.clone();
    let mut out: Vec<CompletionCandidate> = file
        .config
        .domains
        .iter()
        .map(|(name, settings)| {
            let mut help = settings
                .endpoint
                .clone()
                .unwrap_or_else(|| rsupport_api::DEFAULT_ENDPOINT.to_string());
            if default.as_deref() == Some(name.as_str()) {
                help.push_str(" (default)");
            }
            candidate(name.as_str(), help)
        })
        .collect();
    out.sort_by_key(|c| default.as_deref() != Some(&*c.get_value().to_string_lossy()));
    out
}

/// `--domain`, `auth switch DOMAIN`: the domains of the config file.
pub fn domain() -> ArgValueCandidates {
    ArgValueCandidates::new(configured_domains)
}

/// `--endpoint`: the servers the config file names.
pub fn endpoint() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        let Ok(file) = ConfigFile::default_dir().and_then(|dir| ConfigFile::load(&dir)) else {
            return Vec::new();
        };
        let mut endpoints: Vec<(String, String)> = Vec::new();
        for (name, settings) in &file.config.domains {
            if let Some(endpoint) = &settings.endpoint {
                match endpoints.iter_mut().find(|(e, _)| e == endpoint) {
                    Some((_, help)) => help.push_str(&format!(", {name}")),
                    None => endpoints.push((endpoint.clone(), name.clone())),
                }
            }
        }
        endpoints
            .into_iter()
            .map(|(endpoint, help)| candidate(endpoint, help))
            .collect()
    })
}

/// `config get KEY` (every key, with each logged-in domain's) or `config set KEY` (the keys
/// that can be set).
pub fn config_key(settable_only: bool) -> ArgValueCandidates {
    ArgValueCandidates::new(move || {
        let mut out = Vec::new();
        for (key, help) in KEYS {
            if *key == "filters.<NAME>" {
                if !settable_only {
                    for filter in saved_filters() {
                        let name = filter.get_value().to_string_lossy().into_owned();
                        out.push(candidate(format!("filters.{name}"), *help));
                    }
                }
                continue;
            }
            match key.strip_prefix("domains.<DOMAIN>.") {
                None => out.push(candidate(*key, *help)),
                Some(_) if settable_only => {}
                Some(field) => {
                    for domain in configured_domains() {
                        let domain = domain.get_value().to_string_lossy().into_owned();
                        out.push(candidate(format!("domains.{domain}.{field}"), *help));
                    }
                }
            }
        }
        out
    })
}

/// `config set KEY VALUE`: the values of the key already on the command line.
pub fn config_value() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        let words = remote::command_line();
        let key = words
            .iter()
            .position(|w| w == "set")
            .and_then(|i| words[i + 1..].iter().find(|w| !w.starts_with('-')));
        match key.map(String::as_str) {
            Some("format") => [Format::Table, Format::Json, Format::Csv, Format::Tsv]
                .iter()
                .map(|f| CompletionCandidate::new(f.to_string()))
                .collect(),
            Some("default_domain") => configured_domains(),
            Some("time_zone") => time_zones(),
            _ => Vec::new(),
        }
    })
}

/// `case create --template`, `case template show`: the templates in the config dir.
pub fn template_name() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        let Ok(dir) = ConfigFile::default_dir() else {
            return Vec::new();
        };
        crate::config::template_names(&dir)
            .into_iter()
            .map(CompletionCandidate::new)
            .collect()
    })
}

/// The filters saved by `case list --save NAME`, with their flags.
fn saved_filters() -> Vec<CompletionCandidate> {
    let Ok(file) = ConfigFile::default_dir().and_then(|dir| ConfigFile::load(&dir)) else {
        return Vec::new();
    };
    file.config
        .filters
        .iter()
        .map(|(name, filter)| candidate(name.as_str(), filter.flags()))
        .collect()
}

/// `case list --filter`: the saved filters.
pub fn filter_name() -> ArgValueCandidates {
    ArgValueCandidates::new(saved_filters)
}

/// Customer ids of the domain in use, with each customer's name.
pub fn customer_id() -> ArgValueCandidates {
    ArgValueCandidates::new(remote::customers)
}

/// Case ids of the domain in use, with each case's title; `scope` keeps those the command
/// acts on (`reopen` closed ones, `close` open ones).
pub fn case_id(scope: CaseScope) -> ArgValueCandidates {
    ArgValueCandidates::new(move || remote::cases(scope))
}
