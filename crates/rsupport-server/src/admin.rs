//! `rsupport-server admin …`: what an operator (or a demo script) does to the database
//! directly. Each command answers only what a script needs (a token, an id) or nothing.

use crate::store::Tx;
use anyhow::{Context as _, bail};
use clap::Subcommand;
use jiff::{SignedDuration, Timestamp};

use crate::auth::{Clock, hash_token, new_token};
use crate::rules;
use crate::store::{self, Store, StoreError};
use rsupport_api::types::{AuthorRole, CaseState, Contact, Customer, Privilege, Role, SupportPlan};

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Reseller domains.
    #[command(subcommand)]
    Domain(DomainCommand),
    /// Reseller users and their privileges.
    #[command(subcommand)]
    User(UserCommand),
    /// Bearer tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Customers of the reseller domains.
    #[command(subcommand)]
    Customer(CustomerCommand),
    /// Support agents (the provider's side).
    #[command(subcommand)]
    Agent(AgentCommand),
    /// Play the provider's support: reply to a case and move its state.
    #[command(subcommand)]
    Support(SupportCommand),
    /// The dev-mode clock (honoured only by `rsupport-server dev`).
    #[command(subcommand)]
    Clock(ClockCommand),
    /// Fill a reseller domain with synthetic cases for benchmarks; prints the count and the time.
    BenchData(crate::bench_data::BenchDataArgs),
    /// Copy the database, consistently even while a server writes, into one file that opens on
    /// its own (0600).
    Backup {
        /// The file to write.
        #[arg(long, value_name = "FILE")]
        to: std::path::PathBuf,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum DomainCommand {
    /// Add a reseller domain such as reseller.example.com.
    Add { domain: String },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a reseller user (or change its privileges). The domain is the email's unless given.
    Add {
        email: String,
        /// Comma-separated: support, customers.view, cases.access (may be empty).
        #[arg(long, default_value = "support,customers.view,cases.access", value_parser = parse_privileges)]
        privileges: PrivilegeList,
        #[arg(long)]
        domain: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Issue a token for a user or agent; prints the token alone (it is shown only once).
    Issue {
        email: String,
        /// Lifetime such as 90d, 12h or 30m; no expiry when omitted.
        #[arg(long, value_parser = parse_duration)]
        expires_in: Option<SignedDuration>,
    },
    /// Revoke every token of a user, or one read from stdin (--with-token) or a file.
    Revoke {
        email: String,
        /// Revoke only the token read from stdin (as `rsupport auth login --with-token`)
        #[arg(long, conflicts_with = "token_file")]
        with_token: bool,
        /// Revoke only the token in this file
        #[arg(long, value_name = "FILE")]
        token_file: Option<std::path::PathBuf>,
        /// Refused: a token on the command line shows in `ps` and the shell history
        #[arg(long, hide = true, value_name = "TOKEN")]
        token: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum CustomerCommand {
    /// Add a customer to a reseller domain.
    Add {
        id: String,
        #[arg(long)]
        name: String,
        /// The reseller domain that manages it.
        #[arg(long)]
        domain: String,
        #[arg(long)]
        plan: SupportPlan,
        #[arg(long, value_enum, default_value_t = Access::Granted)]
        access: Access,
        /// The customer's own domain [default: ID.example].
        #[arg(long)]
        primary_domain: Option<String>,
        #[arg(long)]
        contact_name: Option<String>,
        #[arg(long)]
        contact_email: Option<String>,
        #[arg(long)]
        contact_phone: Option<String>,
    },
    /// Record whether the customer granted its reseller access: granted or revoked.
    Access {
        id: String,
        #[arg(value_enum)]
        access: Access,
    },
    /// Move the customer to another reseller domain (its cases stay with the old one).
    Move {
        id: String,
        #[arg(long)]
        to: String,
    },
    /// Change the customer's support plan.
    Plan { id: String, plan: SupportPlan },
}

#[derive(Debug, Subcommand)]
pub enum AgentCommand {
    /// Add a support agent.
    Add { email: String },
}

#[derive(Debug, Subcommand)]
pub enum SupportCommand {
    /// Post a support message on a case, optionally moving its state; prints the message id.
    Reply {
        case: u64,
        #[arg(long)]
        body: String,
        #[arg(long)]
        state: Option<CaseState>,
        /// The agent who answers [default: the first agent, created if none].
        #[arg(long = "as")]
        agent: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ClockCommand {
    /// Move the dev clock forward, e.g. 31d, 12h, 90m; prints the new server time.
    Advance {
        #[arg(value_parser = parse_duration)]
        duration: SignedDuration,
    },
}

/// Parses `31d`, `12h`, `90m`, `45s` or `2w`.
pub fn parse_duration(s: &str) -> Result<SignedDuration, String> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (number, unit) = s.split_at(split);
    let n: i64 = number.parse().map_err(|_| {
        format!("invalid duration '{s}': expected a number and a unit, e.g. 31d, 12h, 90m")
    })?;
    let seconds = match unit {
        "w" => 7 * 86_400,
        "d" => 86_400,
        "h" => 3_600,
        "m" => 60,
        "s" => 1,
        _ => {
            return Err(format!(
                "invalid duration '{s}': the unit must be w, d, h, m or s"
            ));
        }
    };
    n.checked_mul(seconds)
        .map(SignedDuration::from_secs)
        .ok_or_else(|| format!("duration '{s}' is too large"))
}

/// A comma-separated privilege list, possibly empty.
#[derive(Debug, Clone)]
pub struct PrivilegeList(pub Vec<Privilege>);

fn parse_privileges(s: &str) -> Result<PrivilegeList, String> {
    s.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::parse)
        .collect::<Result<_, _>>()
        .map(PrivilegeList)
}

/// Whether a customer granted its reseller access to its account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Access {
    Granted,
    Revoked,
}

fn now(store: &Store) -> anyhow::Result<Timestamp> {
    let offset = store.read(|tx| tx.clock_offset_seconds())?;
    Ok(Clock {
        offset_seconds: offset,
    }
    .now())
}

fn require_domain(tx: &dyn Tx, domain: &str) -> anyhow::Result<()> {
    if !tx.domain_exists(domain)? {
        bail!(
            "unknown reseller domain '{domain}'; add it first with `rsupport-server admin domain add {domain}`"
        );
    }
    Ok(())
}

fn require_customer(tx: &dyn Tx, id: &str) -> anyhow::Result<Customer> {
    tx.find_customer(id)?
        .with_context(|| format!("unknown customer '{id}'; add it with `rsupport-server admin customer add {id} --name N --domain D --plan P`"))
}

fn require_user(tx: &dyn Tx, email: &str) -> anyhow::Result<store::UserRecord> {
    tx.find_user(email)?.with_context(|| {
        format!("unknown user '{email}'; add it with `rsupport-server admin user add {email}` (or `agent add`)")
    })
}

impl From<anyhow::Error> for AdminFailure {
    fn from(e: anyhow::Error) -> Self {
        AdminFailure(e)
    }
}

impl From<StoreError> for AdminFailure {
    fn from(e: StoreError) -> Self {
        AdminFailure(e.into())
    }
}

/// Lets admin closures use both store errors and rule failures inside one transaction.
#[derive(Debug)]
pub struct AdminFailure(anyhow::Error);

impl From<crate::error::Failure> for AdminFailure {
    fn from(f: crate::error::Failure) -> Self {
        AdminFailure(anyhow::anyhow!(f.0.error.message))
    }
}

/// The token `token revoke` is to revoke alone, read from stdin or a file (never from the
/// command line, where `ps` and the shell history would show it).
fn token_to_revoke(command: &AdminCommand) -> anyhow::Result<Option<String>> {
    let AdminCommand::Token(TokenCommand::Revoke {
        with_token,
        token_file,
        token,
        ..
    }) = command
    else {
        return Ok(None);
    };
    if token.is_some() {
        bail!(
            "--token would show the token in `ps` and the shell history; give it on stdin with --with-token, or in a file with --token-file FILE"
        );
    }
    let text = if *with_token {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
            .context("cannot read the token from stdin")?;
        text
    } else if let Some(file) = token_file {
        std::fs::read_to_string(file)
            .with_context(|| format!("cannot read the token file {}", file.display()))?
    } else {
        return Ok(None);
    };
    let token = text.trim();
    if token.is_empty() {
        bail!(
            "no token was given: pass the token on stdin (--with-token) or in the file (--token-file)"
        );
    }
    Ok(Some(token.to_string()))
}

/// Copies the database into `to` (see [`Store::copy_to`]): written beside it under a temporary
/// name, then renamed, so `to` is never a partial copy; an existing `to` is replaced only with
/// `force`.
fn backup(store: &Store, to: &std::path::Path, force: bool) -> anyhow::Result<String> {
    let exists = |p: &std::path::Path| std::fs::symlink_metadata(p).is_ok();
    let with_suffix = |suffix: &str| {
        let mut name = to.as_os_str().to_owned();
        name.push(suffix);
        std::path::PathBuf::from(name)
    };
    if !force && exists(to) {
        bail!("--to: {} exists; pass --force to replace it", to.display());
    }
    if let Some(db) = store.sqlite_path()
        && let (Ok(a), Ok(b)) = (std::fs::canonicalize(to), std::fs::canonicalize(db))
        && a == b
    {
        bail!("--to: {} is the database itself", to.display());
    }
    let dir = match to.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    // a NamedTempFile is created 0600
    let partial = tempfile::Builder::new()
        .prefix(".rsupport-backup-")
        .tempfile_in(&dir)
        .with_context(|| format!("--to: cannot create a file in {}", dir.display()))?;
    store.copy_to(partial.path())?;
    partial
        .as_file()
        .sync_all()
        .context("cannot flush the copy to disk")?;
    if force {
        // a log left by an older database of that name must not be replayed onto the copy
        for suffix in ["-wal", "-shm", "-journal"] {
            match std::fs::remove_file(with_suffix(suffix)) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(e).with_context(|| {
                        format!("cannot remove {}", with_suffix(suffix).display())
                    });
                }
                _ => {}
            }
        }
        partial
            .persist(to)
            .with_context(|| format!("cannot write {}", to.display()))?;
    } else {
        partial
            .persist_noclobber(to)
            .map_err(|e| anyhow::anyhow!("--to: cannot write {}: {}", to.display(), e.error))?;
    }
    Ok(String::new())
}

/// Runs one admin command; answers what to print.
pub fn run(store: &Store, command: AdminCommand) -> anyhow::Result<String> {
    let single_token = token_to_revoke(&command)?;
    let now = now(store)?;
    let command = match command {
        AdminCommand::BenchData(args) => {
            return Ok(crate::bench_data::run(store, args, now)?.summary());
        }
        AdminCommand::Backup { to, force } => return backup(store, &to, force),
        command => command,
    };
    let result: Result<String, AdminFailure> = store.write(|tx| {
        Ok(match command {
            AdminCommand::Domain(DomainCommand::Add { domain }) => {
                let domain = domain.trim().to_ascii_lowercase();
                if !rules::is_valid_email(&format!("x@{domain}")) {
                    return Err(anyhow::anyhow!("'{domain}' is not a domain name such as reseller.example.com").into());
                }
                tx.insert_domain(&domain, now)?;
                String::new()
            }
            AdminCommand::User(UserCommand::Add { email, privileges, domain }) => {
                let email = email.trim().to_ascii_lowercase();
                if !rules::is_valid_email(&email) {
                    return Err(anyhow::anyhow!("'{email}' is not a valid email address").into());
                }
                let domain = domain
                    .map(|d| d.trim().to_ascii_lowercase())
                    .unwrap_or_else(|| email.rsplit_once('@').map(|(_, d)| d.to_string()).unwrap_or_default());
                require_domain(tx, &domain)?;
                if tx.find_user(&email)?.is_some_and(|u| u.role == Role::Agent) {
                    return Err(anyhow::anyhow!("'{email}' is a support agent, not a reseller user").into());
                }
                let mut privileges = privileges.0;
                privileges.sort();
                privileges.dedup();
                tx.upsert_user(&email, Some(&domain), Role::Reseller, &privileges, now)?;
                String::new()
            }
            AdminCommand::Agent(AgentCommand::Add { email }) => {
                let email = email.trim().to_ascii_lowercase();
                if !rules::is_valid_email(&email) {
                    return Err(anyhow::anyhow!("'{email}' is not a valid email address").into());
                }
                if tx.find_user(&email)?.is_some_and(|u| u.role == Role::Reseller) {
                    return Err(anyhow::anyhow!(
                        "'{email}' is a reseller user; a support agent needs an email of its own"
                    )
                    .into());
                }
                tx.upsert_user(&email, None, Role::Agent, &[], now)?;
                String::new()
            }
            AdminCommand::Token(TokenCommand::Issue { email, expires_in }) => {
                let user = require_user(tx, email.trim())?;
                let token = new_token();
                let expire = match expires_in {
                    Some(d) => Some(now.checked_add(d).context("the expiry is out of range")?),
                    None => None,
                };
                tx.insert_token(user.id, &hash_token(&token), now, expire)?;
                token
            }
            AdminCommand::Token(TokenCommand::Revoke { email, .. }) => {
                let user = require_user(tx, email.trim())?;
                match &single_token {
                    Some(token) => {
                        if !tx.revoke_token(user.id, &hash_token(token), now)? {
                            return Err(anyhow::anyhow!("no live token of {email} matches the one given (already revoked, or another user's)").into());
                        }
                        "1".to_string()
                    }
                    None => tx.revoke_user_tokens(user.id, now)?.to_string(),
                }
            }
            AdminCommand::Customer(CustomerCommand::Add {
                id,
                name,
                domain,
                plan,
                access,
                primary_domain,
                contact_name,
                contact_email,
                contact_phone,
            }) => {
                let id = id.trim().to_ascii_lowercase();
                if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                    return Err(anyhow::anyhow!("'{id}' is not a customer id: use a short slug of letters, digits and '-' such as acme").into());
                }
                let domain = domain.trim().to_ascii_lowercase();
                require_domain(tx, &domain)?;
                let primary_domain = primary_domain.unwrap_or_else(|| format!("{id}.example"));
                let customer = Customer {
                    contact: Contact {
                        name: contact_name.unwrap_or_else(|| format!("{name} IT")),
                        email: contact_email.unwrap_or_else(|| format!("it@{primary_domain}")),
                        phone: contact_phone,
                    },
                    id,
                    display_name: name,
                    primary_domain,
                    reseller_domain: domain,
                    plan,
                    access_granted: access == Access::Granted,
                };
                tx.upsert_customer(&customer)?;
                String::new()
            }
            AdminCommand::Customer(CustomerCommand::Access { id, access }) => {
                let mut customer = require_customer(tx, &id)?;
                customer.access_granted = access == Access::Granted;
                tx.upsert_customer(&customer)?;
                String::new()
            }
            AdminCommand::Customer(CustomerCommand::Move { id, to }) => {
                let mut customer = require_customer(tx, &id)?;
                let to = to.trim().to_ascii_lowercase();
                require_domain(tx, &to)?;
                customer.reseller_domain = to;
                tx.upsert_customer(&customer)?;
                String::new()
            }
            AdminCommand::Customer(CustomerCommand::Plan { id, plan }) => {
                let mut customer = require_customer(tx, &id)?;
                customer.plan = plan;
                tx.upsert_customer(&customer)?;
                String::new()
            }
            AdminCommand::Support(SupportCommand::Reply { case, body, state, agent }) => {
                let found = tx.find_case(case)?
                    .with_context(|| format!("unknown case {case}"))?;
                let body = rules::validate_text("body", &body, rules::MAX_TEXT_CHARS)?;
                let agent = match agent {
                    Some(email) => {
                        let user = require_user(tx, email.trim())?;
                        if user.role != Role::Agent {
                            return Err(anyhow::anyhow!("'{email}' is not a support agent; add one with `rsupport-server admin agent add EMAIL`").into());
                        }
                        user.email
                    }
                    None => tx.first_agent()?.map(|u| u.email).unwrap_or_else(|| {
                        crate::demo::AGENT_EMAIL.to_string()
                    }),
                };
                if tx.find_user(&agent)?.is_none() {
                    tx.upsert_user(&agent, None, Role::Agent, &[], now)?;
                }
                let comment = tx.insert_comment(case, &body, &agent, AuthorRole::Support, now)?;
                if let Some(state) = state.filter(|s| *s != found.state) {
                    let close_time = (state == CaseState::Closed).then_some(now);
                    let via = rsupport_api::types::StateChangeVia::Support;
                    tx.set_case_state(case, state, close_time, now, &agent, via)?;
                    tx.note_support_activity(case)?;
                }
                comment.id.to_string()
            }
            AdminCommand::Clock(ClockCommand::Advance { duration }) => {
                let offset = tx.clock_offset_seconds()?;
                let moved = offset
                    .checked_add(duration.as_secs())
                    .context("the clock offset is out of range")?;
                tx.set_clock_offset_seconds(moved)?;
                Clock { offset_seconds: moved }.now().to_string()
            }
            AdminCommand::BenchData(_) | AdminCommand::Backup { .. } => {
                unreachable!("run without a transaction of their own above")
            }
        })
    });
    result.map_err(|e| e.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_accept_days_hours_minutes() {
        assert_eq!(
            parse_duration("31d").unwrap(),
            SignedDuration::from_hours(31 * 24)
        );
        assert_eq!(
            parse_duration("12h").unwrap(),
            SignedDuration::from_hours(12)
        );
        assert_eq!(
            parse_duration("90m").unwrap(),
            SignedDuration::from_mins(90)
        );
        assert!(parse_duration("soon").unwrap_err().contains("31d"));
        assert!(parse_duration("3y").is_err());
    }
}
