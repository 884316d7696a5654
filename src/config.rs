//! The client's non-secret settings: a TOML file (`config.toml`) in the platform config dir,
//! or in `RSUPPORT_CONFIG_DIR` when set (which also relocates the opt-in token files).
//!
//! ```toml
//! default_domain = "reseller.example.com"
//! format = "table"
//! language = "en-US"
//! time_zone = "Europe/Rome"
//!
//! [domains."reseller.example.com"]
//! endpoint = "http://127.0.0.1:8765"
//! storage = "keyring"
//!
//! [domains."cloud.example.com"]   # a Google Cloud Support API v2 account
//! provider = "google"
//! endpoint = "https://cloudsupport.googleapis.com"
//! credential = "service-account"
//! parents = ["organizations/123456789", "projects/my-project"]
//! # resource_manager_endpoint = "https://cloudresourcemanager.googleapis.com"  # the default
//!
//! [filters.urgent]          # saved by `case list --save urgent`
//! state = "all"
//! severity = ["P1", "P2"]
//! ```
//!
//! A domain is "logged in" when it has a `[domains."…"]` table. Writes are atomic (a temp file
//! renamed over the old one).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use rsupport_api::types::{CaseOrder, Severity, StateFilter};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use crate::client::Provider;
pub use crate::client::google::auth::CredentialKind;
use crate::credentials::{Storage, create_private_dir};
use crate::error::{CliError, CliResult, UsageError};
use crate::output::Format;

/// Relocates all of the client's state.
pub const CONFIG_DIR_ENV: &str = "RSUPPORT_CONFIG_DIR";
const FILE_NAME: &str = "config.toml";

/// One logged-in domain.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DomainConfig {
    /// The server this domain was logged in with, the only one its stored token is sent to.
    /// Login always writes it; absent (a config from before) means the default endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    /// Where its token is kept.
    #[serde(default)]
    pub storage: Storage,
    /// The user the token belonged to at login (shown by `auth status` when offline).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// Which API the domain speaks: an rsupport server (the default) or Google's Cloud
    /// Support API v2.
    #[serde(default, skip_serializing_if = "Provider::is_default")]
    pub provider: Provider,
    /// `google`: what kind of secret the keyring holds for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credential: Option<CredentialKind>,
    /// `google`: the parents cases are filed under and listed from (`organizations/N`,
    /// `projects/ID`), the "customers" of the domain.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parents: Vec<String>,
    /// `google`: where Cloud Resource Manager v3 is asked for the parents the account may
    /// use. Absent: Google's (`https://cloudresourcemanager.googleapis.com`) when the endpoint
    /// is Google's, else the endpoint itself (a server speaking both, as `rsupport-server dev`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_manager_endpoint: Option<String>,
}

impl DomainConfig {
    /// The server the stored token is for.
    pub fn bound_endpoint(&self) -> &str {
        self.endpoint
            .as_deref()
            .unwrap_or(self.provider.default_endpoint())
    }
}

/// Checks a Google parent resource name: `organizations/N` (digits) or `projects/ID`.
pub fn validate_parent(parent: &str) -> Result<String, UsageError> {
    crate::client::google::validate_parent(parent).map_err(UsageError)
}

/// The whole file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Set by `auth switch`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_domain: Option<String>,
    /// The output format when none is asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<Format>,
    /// The language of new cases (BCP 47), e.g. `en-US`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The time zone of new cases (IANA), e.g. `Europe/Rome`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub domains: BTreeMap<String, DomainConfig>,
    /// `case list` filters saved by `case list --save NAME`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub filters: BTreeMap<String, SavedFilter>,
}

/// The filter flags of one `case list --save NAME`: only those that were given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedFilter {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<String>,
    #[serde(default, with = "state_text", skip_serializing_if = "Option::is_none")]
    pub state: Option<StateFilter>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub severity: Vec<Severity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<CaseOrder>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub all: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub all_domains: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unread: bool,
}

impl SavedFilter {
    /// The flags it stands for, as a command line would give them.
    pub fn flags(&self) -> String {
        let mut flags: Vec<String> = Vec::new();
        let mut push = |flag: &str, value: Option<String>| {
            if let Some(value) = value {
                flags.push(flag.to_string());
                let plain = !value.is_empty()
                    && value
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "-_.,/@:+=".contains(c));
                flags.push(match shlex::try_quote(&value) {
                    Ok(quoted) if !plain => quoted.into_owned(),
                    _ => value,
                });
            }
        };
        push("--customer", self.customer.clone());
        push("--state", self.state.map(|s| s.to_string()));
        let severities: Vec<&str> = self.severity.iter().map(|s| s.as_str()).collect();
        push(
            "--severity",
            (!severities.is_empty()).then(|| severities.join(",")),
        );
        push("--search", self.search.clone());
        push("--sort", self.sort.map(|s| s.to_string()));
        push("--limit", self.limit.map(|n| n.to_string()));
        if self.all {
            flags.push("--all".into());
        }
        if self.all_domains {
            flags.push("--all-domains".into());
        }
        if self.unread {
            flags.push("--unread".into());
        }
        flags.join(" ")
    }
}

/// A state filter in the file as its text (`open`, `all`, `closed`, …).
mod state_text {
    use super::*;

    pub fn serialize<S: Serializer>(state: &Option<StateFilter>, s: S) -> Result<S::Ok, S::Error> {
        match state {
            Some(state) => s.serialize_str(&state.to_string()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<StateFilter>, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map(Some).map_err(serde::de::Error::custom)
    }
}

/// The keys `config get|set` know, with what each holds.
pub const KEYS: &[(&str, &str)] = &[
    (
        "default_domain",
        "the domain used when --domain and RSUPPORT_DOMAIN are not given",
    ),
    (
        "format",
        "output format when none is asked for: table, json, csv or tsv",
    ),
    (
        "language",
        "language of new cases, a BCP 47 tag such as en-US",
    ),
    (
        "time_zone",
        "time zone of new cases, an IANA name such as Europe/Rome",
    ),
    (
        "domains.<DOMAIN>.endpoint",
        "the server a domain was logged in with, the only one its token is sent to (read-only: set by auth login)",
    ),
    (
        "domains.<DOMAIN>.storage",
        "where the domain's token is kept (read-only: set by auth login)",
    ),
    (
        "filters.<NAME>",
        "a saved case list filter (set by case list --save NAME, used by --filter NAME)",
    ),
];

/// A key of the config file, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    DefaultDomain,
    Format,
    Language,
    TimeZone,
    Endpoint(String),
    Storage(String),
    Filter(String),
}

impl std::str::FromStr for Key {
    type Err = UsageError;
    fn from_str(s: &str) -> Result<Key, UsageError> {
        let key = match s.trim() {
            "default_domain" => Key::DefaultDomain,
            "format" => Key::Format,
            "language" => Key::Language,
            "time_zone" => Key::TimeZone,
            other => match other
                .strip_prefix("domains.")
                .and_then(|rest| rest.rsplit_once('.'))
            {
                Some((domain, "endpoint")) => Key::Endpoint(domain.to_string()),
                Some((domain, "storage")) => Key::Storage(domain.to_string()),
                _ if other.starts_with("filters.") => {
                    let name = &other["filters.".len()..];
                    Key::Filter(validate_name(name, "filter name")?)
                }
                _ => {
                    let valid: Vec<&str> = KEYS.iter().map(|(k, _)| *k).collect();
                    return Err(UsageError(format!(
                        "unknown config key '{other}': valid keys are {}",
                        valid.join(", ")
                    )));
                }
            },
        };
        Ok(key)
    }
}

/// The folder of named case templates (`templates/NAME.toml`) inside the config dir.
pub const TEMPLATES_DIR: &str = "templates";

/// Checks the name of a template or a saved filter (`what` is the flag, for the message):
/// letters, digits, `-`, `_` and `.` (not first), so it is a file name and a plain TOML key.
pub fn validate_name(name: &str, what: &str) -> Result<String, UsageError> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(name.to_string())
    } else {
        Err(UsageError(format!(
            "invalid {what} '{name}': use 1 to 64 letters, digits, '-', '_' or '.' (not first); no path separators"
        )))
    }
}

/// The names of the templates in `config_dir`, sorted (files `templates/NAME.toml`).
pub fn template_names(config_dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(config_dir.join(TEMPLATES_DIR)) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_file() && path.extension().is_some_and(|e| e == "toml"))
        .filter_map(|path| Some(path.file_stem()?.to_str()?.to_string()))
        .filter(|name| validate_name(name, "name").is_ok())
        .collect();
    names.sort();
    names
}

/// Checks a reseller domain name: lowercase letters, digits, hyphens and dots, with a dot.
pub fn validate_domain(domain: &str) -> Result<String, UsageError> {
    let domain = domain.trim().trim_end_matches('.').to_ascii_lowercase();
    let labels_ok = domain.split('.').all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    });
    if domain.contains('.') && labels_ok && domain.len() <= 253 {
        Ok(domain)
    } else {
        Err(UsageError(format!(
            "invalid domain '{domain}': expected a DNS name such as reseller.example.com"
        )))
    }
}

/// Checks a BCP 47 language tag (shape only), e.g. `en-US`, `it`, `zh-Hant-TW`.
pub fn validate_language(tag: &str) -> Result<String, UsageError> {
    let tag = tag.trim();
    let mut parts = tag.split('-');
    let primary_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    let rest_ok =
        parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if primary_ok && rest_ok {
        Ok(tag.to_string())
    } else {
        Err(UsageError(format!(
            "invalid language '{tag}': expected a BCP 47 tag such as en-US or it"
        )))
    }
}

/// Checks an IANA time zone name against the system's time zone database.
pub fn validate_time_zone(name: &str) -> Result<String, UsageError> {
    let name = name.trim();
    match jiff::tz::TimeZone::get(name) {
        Ok(_) => Ok(name.to_string()),
        Err(_) => Err(UsageError(format!(
            "invalid time zone '{name}': expected an IANA name such as Europe/Rome or UTC"
        ))),
    }
}

impl Config {
    /// The value of a key as text (`None` when unset).
    pub fn get(&self, key: &Key) -> CliResult<Option<String>> {
        Ok(match key {
            Key::DefaultDomain => self.default_domain.clone(),
            Key::Format => self.format.map(|f| f.to_string()),
            Key::Language => self.language.clone(),
            Key::TimeZone => self.time_zone.clone(),
            Key::Endpoint(domain) => self.domain(domain)?.endpoint.clone(),
            Key::Storage(domain) => Some(self.domain(domain)?.storage.to_string()),
            Key::Filter(name) => Some(self.filter(name)?.flags()),
        })
    }

    /// The saved filter `name`; an unknown one is exit 2 naming the saved ones.
    pub fn filter(&self, name: &str) -> CliResult<&SavedFilter> {
        self.filters.get(name).ok_or_else(|| {
            let saved = if self.filters.is_empty() {
                "no filter is saved".to_string()
            } else {
                format!(
                    "saved filters: {}",
                    self.filters.keys().cloned().collect::<Vec<_>>().join(", ")
                )
            };
            CliError::usage(format!("no saved filter '{name}': {saved}")).hint(format!(
                "save one with `rsupport case list [FLAGS…] --save {name}`"
            ))
        })
    }

    /// Removes a key's value (`config unset`); the domains' keys are kept by `auth logout`.
    pub fn unset(&mut self, key: &Key) -> CliResult<()> {
        match key {
            Key::DefaultDomain => self.default_domain = None,
            Key::Format => self.format = None,
            Key::Language => self.language = None,
            Key::TimeZone => self.time_zone = None,
            Key::Endpoint(domain) | Key::Storage(domain) => {
                self.domain(domain)?;
                return Err(CliError::usage(format!(
                    "the keys of domains.{domain} are removed with the domain's login"
                ))
                .hint(format!("rsupport auth logout --domain {domain}")));
            }
            Key::Filter(name) => {
                self.filter(name)?;
                self.filters.remove(name);
            }
        }
        Ok(())
    }

    /// Sets a key after checking the value.
    pub fn set(&mut self, key: &Key, value: &str) -> CliResult<()> {
        match key {
            Key::DefaultDomain => {
                let domain = validate_domain(value)?;
                if !self.domains.contains_key(&domain) {
                    return Err(
                        CliError::not_found(format!("domain '{domain}' is not logged in")).hint(
                            format!("log in first: rsupport auth login --domain {domain}"),
                        ),
                    );
                }
                self.default_domain = Some(domain);
            }
            Key::Format => {
                self.format = Some(value.parse::<Format>().map_err(UsageError)?);
            }
            Key::Language => self.language = Some(validate_language(value)?),
            Key::TimeZone => self.time_zone = Some(validate_time_zone(value)?),
            Key::Endpoint(domain) => {
                self.domain(domain)?;
                crate::client::parse_endpoint(value)?;
                let endpoint = value.trim().trim_end_matches('/');
                // the token was checked with the server it is bound to; another one checks it again
                return Err(CliError::usage(format!(
                    "domains.{domain}.endpoint cannot be set: the token of {domain} is sent only to the server it was logged in with"
                ))
                .hint(format!(
                    "log in to the new server (it checks the token there): rsupport auth login --domain {domain} --endpoint {endpoint}"
                )));
            }
            Key::Storage(domain) => {
                self.domain(domain)?;
                return Err(CliError::usage(format!(
                    "domains.{domain}.storage cannot be set: it says where the token was stored at login"
                ))
                .hint(format!(
                    "log in again to move the token: rsupport auth login --domain {domain} [--insecure-storage]"
                )));
            }
            Key::Filter(name) => {
                return Err(CliError::usage(format!(
                    "filters.{name} cannot be set here: it holds the flags of a case list"
                ))
                .hint(format!(
                    "save them with `rsupport case list [FLAGS…] --save {name}`"
                )));
            }
        }
        Ok(())
    }

    /// Every key that has a value, in file order.
    pub fn entries(&self) -> Vec<(String, String)> {
        let mut entries = Vec::new();
        let mut push = |k: &str, v: Option<String>| {
            if let Some(v) = v {
                entries.push((k.to_string(), v));
            }
        };
        push("default_domain", self.default_domain.clone());
        push("format", self.format.map(|f| f.to_string()));
        push("language", self.language.clone());
        push("time_zone", self.time_zone.clone());
        for (domain, settings) in &self.domains {
            push(
                &format!("domains.{domain}.endpoint"),
                settings.endpoint.clone(),
            );
            push(
                &format!("domains.{domain}.storage"),
                Some(settings.storage.to_string()),
            );
        }
        for (name, filter) in &self.filters {
            push(&format!("filters.{name}"), Some(filter.flags()));
        }
        entries
    }

    fn domain(&self, domain: &str) -> CliResult<&DomainConfig> {
        self.domains
            .get(domain)
            .ok_or_else(|| not_logged_in(domain))
    }

    /// The logged-in domains, sorted.
    pub fn domain_names(&self) -> Vec<String> {
        self.domains.keys().cloned().collect()
    }
}

fn not_logged_in(domain: &str) -> CliError {
    CliError::not_found(format!("domain '{domain}' is not logged in"))
        .hint(format!("rsupport auth login --domain {domain}"))
}

/// The config file on disk.
#[derive(Debug, Clone)]
pub struct ConfigFile {
    dir: PathBuf,
    pub config: Config,
}

impl ConfigFile {
    /// The config dir: `RSUPPORT_CONFIG_DIR`, else the platform's (e.g. `~/.config/rsupport`).
    pub fn default_dir() -> CliResult<PathBuf> {
        if let Some(dir) = std::env::var_os(CONFIG_DIR_ENV).filter(|d| !d.is_empty()) {
            return Ok(PathBuf::from(dir));
        }
        directories::ProjectDirs::from("", "", "rsupport")
            .map(|dirs| dirs.config_dir().to_path_buf())
            .ok_or_else(|| {
                CliError::failure("cannot find a home directory for the config file")
                    .hint(format!("set {CONFIG_DIR_ENV} to a folder of your choice"))
            })
    }

    /// Reads `config.toml` in `dir`; a missing file is an empty config.
    pub fn load(dir: &Path) -> CliResult<ConfigFile> {
        let path = dir.join(FILE_NAME);
        let config = match std::fs::read_to_string(&path) {
            Ok(text) => toml::from_str(&text).map_err(|e| {
                CliError::failure(format!("cannot read the config file {}: {e}", path.display()))
                    .hint("fix the file by hand, or remove it to start over (you will need to log in again)")
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Config::default(),
            Err(e) => {
                return Err(CliError::failure(format!(
                    "cannot read the config file {}: {e}",
                    path.display()
                )));
            }
        };
        Ok(ConfigFile {
            dir: dir.to_path_buf(),
            config,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join(FILE_NAME)
    }

    /// Writes the file atomically: a temp file in the same folder, renamed over the old one.
    pub fn save(&self) -> CliResult<()> {
        let path = self.path();
        let fail = |e: std::io::Error| {
            CliError::failure(format!(
                "cannot write the config file {}: {e}",
                path.display()
            ))
        };
        create_private_dir(&self.dir).map_err(fail)?;
        let text = toml::to_string_pretty(&self.config)
            .map_err(|e| CliError::failure(format!("cannot encode the config: {e}")))?;
        let tmp = self
            .dir
            .join(format!(".{FILE_NAME}.{}.tmp", std::process::id()));
        let mut file = std::fs::File::create(&tmp).map_err(fail)?;
        file.write_all(text.as_bytes())
            .and_then(|_| file.sync_all())
            .map_err(fail)?;
        std::fs::rename(&tmp, &path).map_err(fail)?;
        Ok(())
    }

    /// Re-reads the file, applies `change` and writes it back, so two processes that change
    /// different domains do not undo each other's change.
    pub fn update(&mut self, change: impl FnOnce(&mut Config) -> CliResult<()>) -> CliResult<()> {
        let mut fresh = ConfigFile::load(&self.dir)?;
        change(&mut fresh.config)?;
        fresh.save()?;
        self.config = fresh.config;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_lists_the_valid_ones() {
        let err = "colour".parse::<Key>().unwrap_err();
        assert!(
            err.0
                .contains("default_domain, format, language, time_zone"),
            "{}",
            err.0
        );
    }

    #[test]
    fn domain_keys_parse_with_dots_in_the_domain() {
        assert_eq!(
            "domains.a.example.com.endpoint".parse::<Key>().unwrap(),
            Key::Endpoint("a.example.com".into())
        );
    }

    #[test]
    fn a_saved_filter_round_trips_and_reads_as_its_flags() {
        let text = "[filters.urgent]\nstate = \"all\"\nseverity = [\"P1\", \"P2\"]\nsearch = \"mail down\"\n";
        let config: Config = toml::from_str(text).unwrap();
        let filter = &config.filters["urgent"];
        assert_eq!(filter.state, Some(StateFilter::All));
        assert_eq!(
            filter.flags(),
            "--state all --severity P1,P2 --search 'mail down'"
        );
        let back: Config = toml::from_str(&toml::to_string_pretty(&config).unwrap()).unwrap();
        assert_eq!(back, config);
        assert_eq!(
            config.get(&"filters.urgent".parse().unwrap()).unwrap(),
            Some(filter.flags())
        );
    }

    #[test]
    fn a_saved_filter_is_not_set_by_hand_and_an_unknown_one_is_named() {
        let mut config = Config::default();
        let key: Key = "filters.urgent".parse().unwrap();
        assert_eq!(config.set(&key, "--state all").unwrap_err().exit_code(), 2);
        let err = config.unset(&key).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().contains("no filter is saved"), "{err}");
        assert!("filters.../x".parse::<Key>().is_err());
    }

    #[test]
    fn template_and_filter_names_have_no_path_separators() {
        for bad in ["../x", "a/b", "a\\b", ".hidden", ""] {
            assert!(validate_name(bad, "--template").is_err(), "{bad}");
        }
        assert!(validate_name("gmail-bounce_2.v1", "--template").is_ok());
    }

    #[test]
    fn domain_names_are_lowercased_and_checked() {
        assert_eq!(
            validate_domain("Reseller.Example.COM").unwrap(),
            "reseller.example.com"
        );
        assert!(validate_domain("no_dots").is_err());
        assert!(validate_domain("../etc/passwd").is_err());
    }

    #[test]
    fn language_and_time_zone_are_validated() {
        assert!(validate_language("en-US").is_ok());
        assert!(validate_language("english!").is_err());
        assert!(validate_time_zone("Europe/Rome").is_ok());
        assert!(validate_time_zone("Mars/Olympus").is_err());
    }

    #[test]
    fn format_value_is_validated() {
        let mut config = Config::default();
        assert!(config.set(&Key::Format, "yaml").is_err());
        config.set(&Key::Format, "csv").unwrap();
        assert_eq!(config.format, Some(Format::Csv));
    }

    #[test]
    fn default_domain_must_be_logged_in() {
        let mut config = Config::default();
        let err = config.set(&Key::DefaultDomain, "a.example").unwrap_err();
        assert_eq!(err.exit_code(), 3);
    }

    #[test]
    fn config_round_trips_through_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut file = ConfigFile::load(dir.path()).unwrap();
        file.config.domains.insert(
            "a.example".into(),
            DomainConfig {
                endpoint: Some("http://127.0.0.1:1".into()),
                storage: Storage::File,
                user: None,
                ..DomainConfig::default()
            },
        );
        file.config.default_domain = Some("a.example".into());
        file.save().unwrap();
        let back = ConfigFile::load(dir.path()).unwrap();
        assert_eq!(back.config, file.config);
    }

    #[test]
    fn a_broken_config_file_is_named_in_the_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "format = [").unwrap();
        let err = ConfigFile::load(dir.path()).unwrap_err();
        assert!(err.to_string().contains("config.toml"), "{err}");
    }
}
