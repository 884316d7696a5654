//! The one-way flow of the client, checked on its source: no module imports one that imports
//! it back, and no command imports another command (they meet in a `shared` module).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// A file's code without comments and without its `#[cfg(test)] mod tests`.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => &text,
    };
    text.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The module path of a file under `src/`: `src/commands/case/list.rs` → `commands::case::list`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The modules named after `crate::` in `code`, as paths of identifiers.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let mut path = Vec::new();
        for part in rest.split("::") {
            let ident: String = part
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if ident.is_empty() {
                break;
            }
            let whole = ident.len() == part.len();
            path.push(ident);
            if !whole {
                break;
            }
        }
        if !path.is_empty() {
            paths.push(path);
        }
    }
    paths
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn no_top_level_module_imports_one_that_imports_it_back() {
    let src = src();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in rust_files(&src) {
        let module = module_of(&src, &file);
        let Some(top) = module.first().filter(|m| *m != "lib" && *m != "main") else {
            continue;
        };
        for path in crate_paths(&code(&file)) {
            if &path[0] != top {
                edges
                    .entry(top.clone())
                    .or_default()
                    .insert(path[0].clone());
            }
        }
    }
    assert!(
        edges.get("client").is_none_or(|e| e.is_empty()),
        "the HTTP client must not import the CLI: {:?}",
        edges.get("client")
    );
    assert!(
        edges.get("terminal").is_none_or(|e| e.is_empty()),
        "terminal is a leaf: {:?}",
        edges.get("terminal")
    );
    for start in edges.keys() {
        let mut seen = BTreeSet::new();
        let mut todo = vec![start.clone()];
        while let Some(module) = todo.pop() {
            for next in edges.get(&module).into_iter().flatten() {
                assert!(
                    next != start,
                    "`{start}` imports `{module}`, which leads back to `{start}` (edges: {edges:?})"
                );
                if seen.insert(next.clone()) {
                    todo.push(next.clone());
                }
            }
        }
    }
}

#[test]
fn no_command_imports_another_command() {
    let src = src();
    let commands = src.join("commands");
    for file in rust_files(&commands) {
        let module = module_of(&src, &file);
        // commands::GROUP::COMMAND (shared modules and group roots may import anything below)
        if module.len() != 3 || module[2] == "shared" {
            continue;
        }
        let group = &module[1];
        let siblings: BTreeSet<String> = rust_files(&commands.join(group))
            .iter()
            .map(|f| module_of(&src, f))
            .filter(|m| m.len() == 3 && m[2] != "shared")
            .map(|m| m[2].clone())
            .collect();
        let code = code(&file);
        for path in crate_paths(&code) {
            if path.len() >= 3 && path[0] == "commands" && &path[1] == group {
                assert!(
                    !siblings.contains(&path[2]) || path[2] == module[2],
                    "{} imports the command `{}`: move what they share to `{group}/shared`",
                    file.display(),
                    path[2]
                );
            }
        }
        for sibling in &siblings {
            if sibling != &module[2] {
                assert!(
                    !code.contains(&format!("super::{sibling}::"))
                        && !code.contains(&format!("super::{sibling};")),
                    "{} imports the command `{sibling}`: move what they share to `{group}/shared`",
                    file.display()
                );
            }
        }
    }
}

#[test]
fn the_checks_above_see_the_imports_they_check() {
    // A check that finds no import at all would pass for the wrong reason.
    let context = code(&src().join("context.rs"));
    let paths = crate_paths(&context);
    assert!(paths.iter().any(|p| p[0] == "client"), "{paths:?}");
    assert!(paths.iter().any(|p| p[0] == "output"), "{paths:?}");
    let list = code(&src().join("commands/case/list.rs"));
    assert!(list.contains("super::shared::"), "{list}");
}
