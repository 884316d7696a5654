//! The server's one integration-test binary: HTTP, the portal's rules, scoping, lists, the
//! OpenAPI document, admin commands, and crash durability. Each file is a module here; a test
//! below fails when a file in this folder is not.

mod common;

mod admin;
mod attachments;
mod auth;
mod concurrency;
mod lists;
mod openapi;
mod rules;
mod scoping;
mod smoke;

/// jj's `runner.rs` check: every `.rs` file and folder here is a module of this binary, so no
/// test file is silently left out of the suite.
#[test]
fn every_test_file_is_a_module_of_this_binary() {
    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it");
    let main = include_str!("main.rs");
    for entry in std::fs::read_dir(&here).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let is_module = path.extension().is_some_and(|e| e == "rs") || path.is_dir();
        if name == "main" || !is_module {
            continue;
        }
        assert!(
            main.contains(&format!("\nmod {name};")),
            "tests/it/{} is not declared in tests/it/main.rs: add `mod {name};`",
            path.file_name().unwrap().to_string_lossy()
        );
    }
}
