//! The words of the keyword index as FTS5 itself sees them, and the table of the words each
//! tenant's text holds (`search_words`).
//!
//! The index keeps prefix indexes of one and two characters only (each prefix length costs
//! about as much to write as the words themselves). A longer keyword is matched as the words
//! it begins, read from `search_words` (a b-tree range), so its match is an OR of a few whole
//! words that FTS5 walks lazily in key order: a page of hits costs a page, whatever the
//! keyword's length. The words are split and folded by FTS5's own `unicode61` tokenizer with
//! the index's arguments, so a word of the table is exactly a term of the index.

use std::collections::HashSet;
use std::ffi::{CString, c_char, c_int, c_void};
use std::sync::{Mutex, OnceLock};

use rusqlite::{Connection, ffi};

use super::StoreError;

/// The tokenizer of `case_search` (its `tokenize` option, see schema version 8).
pub const TOKENIZER: &str = "unicode61";
pub const TOKENIZER_ARGS: [&str; 2] = ["remove_diacritics", "2"];

/// The prefix lengths `case_search` indexes (its `prefix` option): a keyword this short is
/// matched through them; a longer one through `search_words`.
pub const INDEXED_PREFIX_CHARS: usize = 2;

/// A keyword that begins more words than this is matched by FTS5's own prefix query, which
/// reads every hit of those words; fewer are one OR, a page of which costs a page (each word
/// costs a seek in every segment of the index, so the OR is kept short).
pub const MAX_EXPANSION: usize = 32;

/// An instance of FTS5's `unicode61` tokenizer with the index's arguments, and the in-memory
/// connection whose FTS5 module provided it (kept open as long as the instance lives).
struct Tokenizer {
    methods: ffi::fts5_tokenizer,
    instance: *mut ffi::Fts5Tokenizer,
    _conn: Connection,
}

// The instance is plain memory of SQLite's allocator; it is used under a mutex only.
unsafe impl Send for Tokenizer {}

impl Drop for Tokenizer {
    fn drop(&mut self) {
        if let Some(delete) = self.methods.xDelete {
            // SAFETY: `instance` came from this tokenizer's xCreate and is deleted once.
            unsafe { delete(self.instance) };
        }
    }
}

/// The `fts5_api` of a connection (SQLite's documented way: `SELECT fts5(?1)` with a pointer
/// parameter of type "fts5_api_ptr").
fn fts5_api(conn: &Connection) -> Result<*mut ffi::fts5_api, String> {
    let mut api: *mut ffi::fts5_api = std::ptr::null_mut();
    // SAFETY: the statement is prepared, bound, stepped and finalized on this connection's
    // handle; the pointer parameter outlives the step that writes it.
    unsafe {
        let db = conn.handle();
        let mut stmt: *mut ffi::sqlite3_stmt = std::ptr::null_mut();
        let rc = ffi::sqlite3_prepare_v2(
            db,
            c"SELECT fts5(?1)".as_ptr(),
            -1,
            &mut stmt,
            std::ptr::null_mut(),
        );
        if rc != ffi::SQLITE_OK {
            return Err(format!("cannot prepare SELECT fts5(?1): code {rc}"));
        }
        ffi::sqlite3_bind_pointer(
            stmt,
            1,
            (&mut api as *mut *mut ffi::fts5_api).cast(),
            c"fts5_api_ptr".as_ptr(),
            None,
        );
        ffi::sqlite3_step(stmt);
        ffi::sqlite3_finalize(stmt);
    }
    if api.is_null() {
        return Err("this SQLite has no FTS5".into());
    }
    Ok(api)
}

impl Tokenizer {
    fn new() -> Result<Tokenizer, String> {
        let conn = Connection::open_in_memory().map_err(|e| e.to_string())?;
        let api = fts5_api(&conn)?;
        let name = CString::new(TOKENIZER).map_err(|e| e.to_string())?;
        let args: Vec<CString> = TOKENIZER_ARGS
            .iter()
            .map(|a| CString::new(*a))
            .collect::<Result<_, _>>()
            .map_err(|e| e.to_string())?;
        let mut arg_ptrs: Vec<*const c_char> = args.iter().map(|a| a.as_ptr()).collect();
        // SAFETY: `api` is the live connection's FTS5 API; the tokenizer struct is filled by
        // xFindTokenizer and its xCreate is called with argument strings that outlive it.
        unsafe {
            let find = (*api)
                .xFindTokenizer
                .ok_or("FTS5 cannot look up tokenizers")?;
            let mut user_data: *mut c_void = std::ptr::null_mut();
            let mut methods: ffi::fts5_tokenizer = std::mem::zeroed();
            let rc = find(api, name.as_ptr(), &mut user_data, &mut methods);
            if rc != ffi::SQLITE_OK {
                return Err(format!("FTS5 has no {TOKENIZER} tokenizer (code {rc})"));
            }
            let create = methods.xCreate.ok_or("the tokenizer cannot be created")?;
            let mut instance: *mut ffi::Fts5Tokenizer = std::ptr::null_mut();
            let rc = create(
                user_data,
                arg_ptrs.as_mut_ptr(),
                arg_ptrs.len() as c_int,
                &mut instance,
            );
            if rc != ffi::SQLITE_OK || instance.is_null() {
                return Err(format!(
                    "cannot create the {TOKENIZER} tokenizer (code {rc})"
                ));
            }
            Ok(Tokenizer {
                methods,
                instance,
                _conn: conn,
            })
        }
    }

    /// Calls `each` with every token of `text`, in order (`flags`: FTS5_TOKENIZE_*).
    fn tokenize(&self, text: &str, flags: c_int, each: &mut dyn FnMut(&str)) -> Result<(), String> {
        unsafe extern "C" fn token(
            ctx: *mut c_void,
            _flags: c_int,
            bytes: *const c_char,
            len: c_int,
            _start: c_int,
            _end: c_int,
        ) -> c_int {
            // SAFETY: ctx is the `&mut dyn FnMut` passed below, alive for the whole call; the
            // token's bytes are valid for `len` bytes during this callback.
            unsafe {
                let each = &mut *(ctx as *mut &mut dyn FnMut(&str));
                let bytes = std::slice::from_raw_parts(bytes.cast::<u8>(), len.max(0) as usize);
                match std::str::from_utf8(bytes) {
                    Ok(word) => each(word),
                    Err(_) => each(&String::from_utf8_lossy(bytes)),
                }
            }
            ffi::SQLITE_OK
        }
        let Ok(len) = c_int::try_from(text.len()) else {
            return Err("text too long to tokenize".into());
        };
        let tokenize = self
            .methods
            .xTokenize
            .ok_or("the tokenizer cannot tokenize")?;
        let mut each = each;
        // SAFETY: the instance is live; the text pointer and length describe `text`.
        let rc = unsafe {
            tokenize(
                self.instance,
                (&mut each as *mut &mut dyn FnMut(&str)).cast(),
                flags,
                text.as_ptr().cast(),
                len,
                Some(token),
            )
        };
        if rc == ffi::SQLITE_OK {
            Ok(())
        } else {
            Err(format!("the tokenizer failed (code {rc})"))
        }
    }
}

fn tokenizer() -> Result<&'static Mutex<Tokenizer>, StoreError> {
    static TOKENIZER: OnceLock<Result<Mutex<Tokenizer>, String>> = OnceLock::new();
    TOKENIZER
        .get_or_init(|| Tokenizer::new().map(Mutex::new))
        .as_ref()
        .map_err(|e| StoreError::Corrupt(format!("keyword tokenizer: {e}")))
}

fn tokenize(text: &str, flags: c_int, each: &mut dyn FnMut(&str)) -> Result<(), StoreError> {
    let tokenizer = tokenizer()?
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    tokenizer
        .tokenize(text, flags, each)
        .map_err(|e| StoreError::Corrupt(format!("keyword tokenizer: {e}")))
}

/// The words of `text` as the index stores them (split and folded), in order, repeats kept.
pub fn index_words(text: &str, each: &mut dyn FnMut(&str)) -> Result<(), StoreError> {
    tokenize(text, ffi::FTS5_TOKENIZE_DOCUMENT as c_int, each)
}

/// A keyword as the index would match it: its words, folded (usually one).
pub fn keyword_words(keyword: &str) -> Result<Vec<String>, StoreError> {
    let mut words = Vec::new();
    tokenize(
        keyword,
        (ffi::FTS5_TOKENIZE_QUERY | ffi::FTS5_TOKENIZE_PREFIX) as c_int,
        &mut |w| words.push(w.to_string()),
    )?;
    Ok(words)
}

/// Whether `search_words` keeps a word: only words longer than the indexed prefixes are ever
/// looked up there.
fn listed(word: &str) -> bool {
    word.chars().nth(INDEXED_PREFIX_CHARS).is_some()
}

/// The distinct words of `texts` that `search_words` lists.
pub fn listed_words<'t>(
    texts: impl IntoIterator<Item = &'t str>,
) -> Result<HashSet<String>, StoreError> {
    let mut words = HashSet::new();
    for text in texts {
        index_words(text, &mut |w| {
            if listed(w) && !words.contains(w) {
                words.insert(w.to_string());
            }
        })?;
    }
    Ok(words)
}

/// Adds the words of `texts` to the tenant's words (those it already has stay).
pub fn add_words<'t>(
    conn: &Connection,
    tenant: &str,
    texts: impl IntoIterator<Item = &'t str>,
) -> Result<(), StoreError> {
    insert_words(conn, tenant, &listed_words(texts)?)
}

/// Adds `words` (from [`listed_words`]) to the tenant's words (those it already has stay).
pub fn insert_words(
    conn: &Connection,
    tenant: &str,
    words: &HashSet<String>,
) -> Result<(), StoreError> {
    if words.is_empty() {
        return Ok(());
    }
    let mut insert =
        conn.prepare_cached("INSERT OR IGNORE INTO search_words(tenant, word) VALUES (?1, ?2)")?;
    for word in words {
        insert.execute([tenant, word.as_str()])?;
    }
    Ok(())
}

/// Lists the words of every stored case (title, description, messages) under its domain:
/// the second step of the migration that made `search_words`.
pub fn list_stored_words(conn: &Connection) -> Result<(), StoreError> {
    let mut words: std::collections::HashMap<String, HashSet<String>> = Default::default();
    let mut add = |tenant: String, text: &str| -> Result<(), StoreError> {
        let set = words.entry(tenant).or_default();
        index_words(text, &mut |w| {
            if listed(w) && !set.contains(w) {
                set.insert(w.to_string());
            }
        })
    };
    let mut cases = conn.prepare("SELECT reseller_domain, display_name, description FROM cases")?;
    let mut rows = cases.query([])?;
    while let Some(row) = rows.next()? {
        let tenant: String = row.get(0)?;
        let title: String = row.get(1)?;
        add(tenant.clone(), &title)?;
        add(tenant, row.get_ref(2)?.as_str().unwrap_or_default())?;
    }
    let mut messages = conn.prepare(
        "SELECT c.reseller_domain, m.body FROM comments m JOIN cases c ON c.id = m.case_id",
    )?;
    let mut rows = messages.query([])?;
    while let Some(row) = rows.next()? {
        add(row.get(0)?, row.get_ref(1)?.as_str().unwrap_or_default())?;
    }
    let mut insert =
        conn.prepare("INSERT OR IGNORE INTO search_words(tenant, word) VALUES (?1, ?2)")?;
    for (tenant, set) in &words {
        for word in set {
            insert.execute([tenant.as_str(), word.as_str()])?;
        }
    }
    Ok(())
}

/// The words a keyword's word may be in the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expansion {
    /// Matched through a prefix index (it is that short).
    Prefix,
    /// Exactly these words (none: the keyword begins no word of the text searched).
    Words(Vec<String>),
    /// More than [`MAX_EXPANSION`] words: matched by FTS5's own prefix query.
    TooMany,
}

/// The words of the tenant's text (every tenant's, for `None`) that `word` begins.
pub fn expand(
    conn: &Connection,
    tenant: Option<&str>,
    word: &str,
) -> Result<Expansion, StoreError> {
    if !listed(word) {
        return Ok(Expansion::Prefix);
    }
    // U+10FFFF sorts after every character a word can continue with
    let end = format!("{word}\u{10FFFF}");
    let limit = MAX_EXPANSION + 1;
    let words: Vec<String> = match tenant {
        Some(tenant) => conn
            .prepare_cached(&format!(
                "SELECT word FROM search_words WHERE tenant = ?1 AND word >= ?2 AND word < ?3
                 ORDER BY word LIMIT {limit}"
            ))?
            .query_map([tenant, word, end.as_str()], |r| r.get(0))?
            .collect::<Result<_, _>>()?,
        None => conn
            .prepare_cached(&format!(
                "SELECT DISTINCT word FROM search_words WHERE word >= ?1 AND word < ?2
                 ORDER BY word LIMIT {limit}"
            ))?
            .query_map([word, end.as_str()], |r| r.get(0))?
            .collect::<Result<_, _>>()?,
    };
    Ok(if words.len() > MAX_EXPANSION {
        Expansion::TooMany
    } else {
        Expansion::Words(words)
    })
}

/// `word` as an FTS5 string (a token never holds a quote; doubled if one ever did).
pub fn quoted(word: &str) -> String {
    format!("\"{}\"", word.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        index_words(text, &mut |w| out.push(w.to_string())).unwrap();
        out
    }

    #[test]
    fn text_is_split_and_folded_as_the_index_does() {
        assert_eq!(
            words("Héllo, WÖRLD! naïve-café x2"),
            ["hello", "world", "naive", "cafe", "x2"]
        );
        assert!(words(" -- ").is_empty());
    }

    #[test]
    fn the_words_match_the_index_terms_of_the_declared_tokenizer() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(&format!(
            "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = '{TOKENIZER} {}', detail = none);
             CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row');",
            TOKENIZER_ARGS.join(" ")
        ))
        .unwrap();
        let text = "Ärger über Ǆemal ﬁle Ø straße İstanbul 123abc αβγ 東京 x_y";
        conn.execute("INSERT INTO t(x) VALUES (?1)", [text])
            .unwrap();
        let terms: Vec<String> = conn
            .prepare("SELECT term FROM v ORDER BY term")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let mut ours = words(text);
        ours.sort();
        ours.dedup();
        assert_eq!(ours, terms);
    }

    #[test]
    fn a_keyword_is_folded_like_the_text() {
        assert_eq!(keyword_words("Wörld").unwrap(), ["world"]);
    }

    #[test]
    fn only_words_longer_than_the_prefix_indexes_are_listed() {
        let listed = listed_words(["a an and Ändern"]).unwrap();
        let mut listed: Vec<_> = listed.into_iter().collect();
        listed.sort();
        assert_eq!(listed, ["and", "andern"]);
    }
}
