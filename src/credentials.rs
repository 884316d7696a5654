//! Where tokens are kept: `RSUPPORT_TOKEN`, one OS keyring entry per domain (service
//! `rsupport`, account = the domain), or — only for a domain logged in with
//! `--insecure-storage` — a 0600 file in the config dir. Every keyring call runs on its own
//! thread and is bounded by [`KEYRING_TIMEOUT`]: a keyring that does not answer is reported as
//! unreachable, never waited on for ever, and never replaced by the file silently.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use crate::client::{Token, TokenError};

/// The keyring service name of every entry.
pub const KEYRING_SERVICE: &str = "rsupport";
/// The environment variable whose token wins over any stored one (used as is, never stored).
pub const TOKEN_ENV: &str = "RSUPPORT_TOKEN";
/// How long one keyring call may take.
pub const KEYRING_TIMEOUT: Duration = Duration::from_secs(3);

rsupport_api::wire_enum! {
    /// Where a domain's token is stored (kept per domain in the config).
    pub enum Storage("storage"): Default {
        /// The OS keyring (Secret Service, Keychain, Credential Manager).
        #[default]
        Keyring = "keyring",
        /// A plain-text file in the config dir, chosen with `--insecure-storage`.
        File = "file",
    }
}

rsupport_api::wire_enum! {
    /// Where the token in use came from (shown by `auth status`).
    pub enum TokenSource("token source") {
        /// `RSUPPORT_TOKEN`.
        Env = "env",
        Keyring = "keyring",
        File = "file",
    }
}

impl TokenSource {
    /// A phrase for humans: "the OS keyring", "RSUPPORT_TOKEN"…
    pub fn describe(self) -> &'static str {
        match self {
            TokenSource::Env => "RSUPPORT_TOKEN",
            TokenSource::Keyring => "OS keyring",
            TokenSource::File => "plain-text file",
        }
    }
}

/// Why a credential could not be read, written or removed.
#[derive(Debug, thiserror::Error)]
pub enum CredentialError {
    /// No Secret Service / Keychain / Credential Manager answered.
    #[error("no OS keyring is reachable: {detail}")]
    NoKeyring { detail: String },
    /// The keyring answered, but it is locked and no unlock prompt was answered (dismissed, or
    /// no desktop session to show it in).
    #[error("the OS keyring is locked, and no unlock prompt was answered ({detail})")]
    Locked { detail: String },
    /// The keyring answered with an error.
    #[error("the OS keyring refused the request for {domain}: {detail}")]
    Keyring { domain: String, detail: String },
    /// What is stored is not a usable token (edited by hand, or written by another program).
    #[error("the token of {domain} in {store} is malformed: {error}")]
    Malformed {
        domain: String,
        /// "the OS keyring", "the token file PATH".
        store: String,
        error: TokenError,
    },
    #[error("cannot {action} the token file {path}: {source}")]
    File {
        action: &'static str,
        path: String,
        #[source]
        source: std::io::Error,
    },
}

impl CredentialError {
    /// How to unlock a locked keyring, and the way around it.
    pub fn locked_hints() -> Vec<String> {
        vec![
            "unlock it in your desktop session (log in to the desktop again, or unlock the \"Login\" keyring in Passwords and Keys), then run the command again".into(),
            "without a desktop (SSH, a container, CI) gnome-keyring is unlocked with its password on stdin: printf '%s' \"$KEYRING_PASSWORD\" | gnome-keyring-daemon --replace --unlock --components=secrets --daemonize".into(),
            format!(
                "or, for scripts, pass the token in the environment: {TOKEN_ENV}=… rsupport …"
            ),
        ]
    }

    /// The two ways out when no keyring is reachable.
    pub fn no_keyring_hints(domain: &str) -> Vec<String> {
        vec![
            format!(
                "for scripts and CI, pass the token in the environment: {TOKEN_ENV}=… rsupport …"
            ),
            format!(
                "or keep it in a plain-text file (mode 0600) in the config dir: rsupport auth login --domain {domain} --insecure-storage"
            ),
        ]
    }
}

/// Reads and writes tokens. The keyring and the file are per domain; nothing is shared.
#[derive(Debug, Clone)]
pub struct SecretStore {
    dir: PathBuf,
    timeout: Duration,
}

impl SecretStore {
    /// `config_dir` is where the opt-in token files live (under `insecure-tokens/`).
    pub fn new(config_dir: &Path) -> SecretStore {
        SecretStore {
            dir: config_dir.join("insecure-tokens"),
            timeout: KEYRING_TIMEOUT,
        }
    }

    /// The token to use for `domain`: `RSUPPORT_TOKEN` (given as `env_token`) first, then the
    /// keyring or the file, as the domain's `storage` says. `Ok(None)`: nothing stored.
    pub fn token(
        &self,
        env_token: Option<Token>,
        domain: &str,
        storage: Storage,
    ) -> Result<Option<(Token, TokenSource)>, CredentialError> {
        if let Some(token) = env_token {
            return Ok(Some((token, TokenSource::Env)));
        }
        match storage {
            Storage::Keyring => Ok(self.keyring_get(domain)?.map(|t| (t, TokenSource::Keyring))),
            Storage::File => Ok(self.file_get(domain)?.map(|t| (t, TokenSource::File))),
        }
    }

    /// Stores `token` where `storage` says.
    pub fn store(
        &self,
        domain: &str,
        storage: Storage,
        token: &Token,
    ) -> Result<(), CredentialError> {
        match storage {
            Storage::Keyring => self.keyring_set(domain, token),
            Storage::File => self.file_set(domain, token),
        }
    }

    /// Removes the domain's token from where it is kept (and any leftover token file);
    /// answers whether anything was removed.
    pub fn remove(&self, domain: &str, storage: Storage) -> Result<bool, CredentialError> {
        let from_file = self.file_delete(domain)?;
        let from_keyring = match storage {
            Storage::Keyring => self.keyring_delete(domain)?,
            Storage::File => false,
        };
        Ok(from_file || from_keyring)
    }

    // ---- keyring --------------------------------------------------------------------------

    /// Runs one keyring operation on a thread of its own, bounded by the timeout.
    fn with_keyring<T: Send + 'static>(
        &self,
        domain: &str,
        op: impl FnOnce(&keyring::Entry) -> keyring::Result<T> + Send + 'static,
    ) -> Result<T, CredentialError> {
        let (tx, rx) = mpsc::channel();
        let account = domain.to_string();
        std::thread::Builder::new()
            .name("keyring".into())
            .spawn(move || {
                let result = keyring::Entry::new(KEYRING_SERVICE, &account).and_then(|e| op(&e));
                let _ = tx.send(result);
            })
            .map_err(|e| CredentialError::NoKeyring {
                detail: format!("cannot start the keyring thread: {e}"),
            })?;
        match rx.recv_timeout(self.timeout) {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(error)) => Err(keyring_error(domain, error)),
            Err(_) => Err(CredentialError::NoKeyring {
                detail: format!("it did not answer within {} s", self.timeout.as_secs()),
            }),
        }
    }

    pub fn keyring_get(&self, domain: &str) -> Result<Option<Token>, CredentialError> {
        let found = self.with_keyring(domain, |entry| match entry.get_password() {
            Ok(secret) => Ok(Some(secret)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(e),
        })?;
        match found {
            Some(secret) => stored_token(&secret, domain, || "the OS keyring".into()),
            None => Ok(None),
        }
    }

    pub fn keyring_set(&self, domain: &str, token: &Token) -> Result<(), CredentialError> {
        let secret = token.expose().to_string();
        self.with_keyring(domain, move |entry| entry.set_password(&secret))
    }

    pub fn keyring_delete(&self, domain: &str) -> Result<bool, CredentialError> {
        self.with_keyring(domain, |entry| match entry.delete_credential() {
            Ok(()) => Ok(true),
            Err(keyring::Error::NoEntry) => Ok(false),
            Err(e) => Err(e),
        })
    }

    // ---- the opt-in file ------------------------------------------------------------------

    /// The plain-text token file of a domain.
    pub fn file_path(&self, domain: &str) -> PathBuf {
        self.dir.join(format!("{domain}.token"))
    }

    pub fn file_get(&self, domain: &str) -> Result<Option<Token>, CredentialError> {
        let path = self.file_path(domain);
        match std::fs::read_to_string(&path) {
            Ok(text) => stored_token(&text, domain, || {
                format!("the token file {}", path.display())
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(CredentialError::File {
                action: "read",
                path: path.display().to_string(),
                source,
            }),
        }
    }

    /// Writes the token file with mode 0600 (its folder 0700), atomically.
    pub fn file_set(&self, domain: &str, token: &Token) -> Result<(), CredentialError> {
        let path = self.file_path(domain);
        let error = |action, source| CredentialError::File {
            action,
            path: path.display().to_string(),
            source,
        };
        create_private_dir(&self.dir).map_err(|e| error("create the folder of", e))?;
        let tmp = self
            .dir
            .join(format!(".{domain}.token.{}", std::process::id()));
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let _ = std::fs::remove_file(&tmp);
        let mut file = options.open(&tmp).map_err(|e| error("write", e))?;
        file.write_all(token.expose().as_bytes())
            .and_then(|_| file.write_all(b"\n"))
            .and_then(|_| file.sync_all())
            .map_err(|e| error("write", e))?;
        std::fs::rename(&tmp, &path).map_err(|e| error("write", e))?;
        Ok(())
    }

    pub fn file_delete(&self, domain: &str) -> Result<bool, CredentialError> {
        let path = self.file_path(domain);
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(source) => Err(CredentialError::File {
                action: "remove",
                path: path.display().to_string(),
                source,
            }),
        }
    }
}

/// A token read from a store; a blank one counts as none, as it always has.
fn stored_token(
    text: &str,
    domain: &str,
    store: impl FnOnce() -> String,
) -> Result<Option<Token>, CredentialError> {
    match Token::new(text) {
        Ok(token) => Ok(Some(token)),
        Err(TokenError::Empty) => Ok(None),
        Err(error) => Err(CredentialError::Malformed {
            domain: domain.to_string(),
            store: store(),
            error,
        }),
    }
}

fn keyring_error(domain: &str, error: keyring::Error) -> CredentialError {
    match error {
        keyring::Error::NoStorageAccess(e) | keyring::Error::PlatformFailure(e)
            if is_locked(&*e) =>
        {
            CredentialError::Locked {
                detail: e.to_string(),
            }
        }
        keyring::Error::NoStorageAccess(e) => CredentialError::NoKeyring {
            detail: e.to_string(),
        },
        keyring::Error::PlatformFailure(e) => CredentialError::NoKeyring {
            detail: e.to_string(),
        },
        keyring::Error::NoDefaultStore => CredentialError::NoKeyring {
            detail: match keyring::Entry::store_status() {
                Err(e) => e.to_string(),
                Ok(()) => "no credential store is available on this system".into(),
            },
        },
        other => CredentialError::Keyring {
            domain: domain.to_string(),
            detail: other.to_string(),
        },
    }
}

/// Whether the Secret Service said the keyring is locked: a locked collection or item, or an
/// unlock prompt dismissed (gnome-keyring dismisses it itself when there is no display to show
/// it on) or cut off.
#[cfg(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
))]
fn is_locked(error: &(dyn std::error::Error + Send + Sync + 'static)) -> bool {
    use secret_service::Error;
    matches!(
        error.downcast_ref::<Error>(),
        Some(Error::Locked | Error::Prompt | Error::PromptDisconnected)
    )
}

/// Other platforms' stores do not say "locked" apart from other failures.
#[cfg(not(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
)))]
fn is_locked(_error: &(dyn std::error::Error + Send + Sync + 'static)) -> bool {
    false
}

/// Whether reading the keyring token of `domain` would first have to unlock the keyring (on a
/// desktop: an unlock prompt). Shell completion reads the keyring only when it would not. The
/// Secret Service is asked without unlocking anything; `false` where it cannot be asked (the
/// read then fails, or succeeds, on its own).
#[cfg(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
))]
pub fn keyring_needs_unlock(domain: &str) -> bool {
    use secret_service::EncryptionType;
    use secret_service::blocking::SecretService;
    let Ok(service) = SecretService::connect(EncryptionType::Plain) else {
        return false;
    };
    let attributes =
        std::collections::HashMap::from([("service", KEYRING_SERVICE), ("username", domain)]);
    service
        .search_items(attributes)
        .is_ok_and(|found| !found.locked.is_empty())
}

/// Other platforms' stores are not asked.
#[cfg(not(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
)))]
pub fn keyring_needs_unlock(_domain: &str) -> bool {
    false
}

/// Creates `dir` (and parents) with mode 0700 where it is new.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_debug_and_display_never_show_the_secret() {
        let token = Token::new(" s3cret \n").unwrap();
        assert_eq!(token.expose(), "s3cret");
        assert!(!format!("{token:?} {token}").contains("s3cret"));
    }

    #[test]
    fn a_blank_token_file_is_no_token_and_a_malformed_one_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = SecretStore::new(dir.path());
        std::fs::create_dir_all(store.file_path("a.example").parent().unwrap()).unwrap();
        std::fs::write(store.file_path("a.example"), "  \n").unwrap();
        assert!(store.file_get("a.example").unwrap().is_none());
        std::fs::write(store.file_path("a.example"), "abc\u{1b}def\n").unwrap();
        let err = store.file_get("a.example").unwrap_err().to_string();
        assert!(
            err.contains("a.example.token") && err.contains("malformed") && !err.contains("abc"),
            "{err}"
        );
    }

    #[test]
    fn env_token_wins_over_any_stored_one() {
        let dir = tempfile::tempdir().unwrap();
        let store = SecretStore::new(dir.path());
        store
            .file_set("a.example", &Token::new("stored").unwrap())
            .unwrap();
        let (token, source) = store
            .token(Token::new("from-env").ok(), "a.example", Storage::File)
            .unwrap()
            .unwrap();
        assert_eq!((token.expose(), source), ("from-env", TokenSource::Env));
    }

    #[cfg(unix)]
    #[test]
    fn token_file_is_written_with_mode_0600_and_read_back() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let store = SecretStore::new(dir.path());
        store
            .file_set("a.example", &Token::new("tok").unwrap())
            .unwrap();
        let mode = std::fs::metadata(store.file_path("a.example"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        let (token, source) = store
            .token(None, "a.example", Storage::File)
            .unwrap()
            .unwrap();
        assert_eq!((token.expose(), source), ("tok", TokenSource::File));
    }

    #[test]
    fn removing_a_file_domain_deletes_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = SecretStore::new(dir.path());
        store
            .file_set("a.example", &Token::new("tok").unwrap())
            .unwrap();
        assert!(store.file_delete("a.example").unwrap());
        assert!(store.file_get("a.example").unwrap().is_none());
    }
}
