//! The completion cache: ids fetched from a server, kept [`FRESH_FOR`] in the user's cache dir
//! (e.g. `~/.cache/rsupport/completion/`, folders 0700, files 0600), one file per domain,
//! endpoint and kind of id, so each TAB within a minute needs neither the keyring nor the
//! network. No token is ever written here.

use std::io::Write as _;
use std::path::PathBuf;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::credentials::create_private_dir;

/// How long fetched ids are offered without asking the server again.
pub const FRESH_FOR: Duration = Duration::from_secs(60);

/// One id offered to the shell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    pub value: String,
    /// Shown next to the id by shells that show help (zsh, fish, …); sanitized, one line.
    pub help: String,
    /// For a case: whether it is open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open: Option<bool>,
}

/// What a cache file holds: the key it was written for (a file is used only for the same
/// key), when, and the ids.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct CacheFile {
    kind: String,
    domain: String,
    endpoint: String,
    fetched_at: u64,
    entries: Vec<Entry>,
}

/// The ids of one kind (`cases`, `customers`) from one server for one domain.
#[derive(Debug, Clone)]
pub struct Key {
    pub kind: &'static str,
    /// Empty when only `RSUPPORT_TOKEN` says who the user is.
    pub domain: String,
    pub endpoint: String,
}

impl Key {
    fn file_name(&self) -> String {
        let digest = Sha256::digest(format!("{}\n{}", self.domain, self.endpoint));
        format!("{}-{}.json", self.kind, &hex::encode(digest)[..16])
    }
}

fn root() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "rsupport").map(|dirs| dirs.cache_dir().to_path_buf())
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// The cached ids of `key`, if fetched less than [`FRESH_FOR`] ago.
pub fn read(key: &Key) -> Option<Vec<Entry>> {
    let path = root()?.join("completion").join(key.file_name());
    let file: CacheFile = serde_json::from_slice(&std::fs::read(path).ok()?).ok()?;
    let age = now().checked_sub(file.fetched_at)?;
    let same = file.kind == key.kind && file.domain == key.domain && file.endpoint == key.endpoint;
    (same && age < FRESH_FOR.as_secs()).then_some(file.entries)
}

/// Keeps the ids of `key` (best effort: a cache that cannot be written is no cache).
pub fn write(key: &Key, entries: &[Entry]) {
    let Some(root) = root() else {
        return;
    };
    let dir = root.join("completion");
    if create_private_dir(&dir).is_err() {
        return;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for folder in [&root, &dir] {
            let _ = std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700));
        }
    }
    let file = CacheFile {
        kind: key.kind.to_string(),
        domain: key.domain.clone(),
        endpoint: key.endpoint.clone(),
        fetched_at: now(),
        entries: entries.to_vec(),
    };
    let Ok(json) = serde_json::to_vec(&file) else {
        return;
    };
    // a temporary file (mode 0600) renamed into place: a reader never sees half a file
    let Ok(mut temp) = tempfile::NamedTempFile::new_in(&dir) else {
        return;
    };
    if temp.write_all(&json).is_ok() {
        let _ = temp.persist(dir.join(key.file_name()));
    }
}
