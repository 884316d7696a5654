//! The server's one integration-test binary: HTTP, the portal's rules, scoping, lists, the
//! OpenAPI document, admin commands, and crash durability. Each file is a module here; a test
//! below fails when a file in this folder is not.

mod common;

mod admin;
mod attachments;
mod auth;

mod concurrency;
mod events;
mod hardening;
mod lists;
mod migration;
mod openapi;
mod rules;
mod scoping;
mod search;
mod several_servers;
mod smoke;
mod sqlite_bench_data;
mod unread;
mod v2_surface;
mod validate_only;

/// No test file here is left out of this binary (jj's `runner.rs` check).
#[test]
fn every_test_file_is_a_module_of_this_binary() {
    rsupport_server::testing::assert_every_test_file_is_a_module(
        env!("CARGO_MANIFEST_DIR"),
        include_str!("main.rs"),
    );
}
