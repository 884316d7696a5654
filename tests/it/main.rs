//! The client's one integration-test binary: the real `rsupport` binary over real HTTP
//! against a real `rsupport-server` started in-process on a free port, the keyring through a
//! real Secret Service, prompts through a real PTY, and a mock HTTP server only for what a
//! real server cannot be made to do. Each file is a module here; a test below fails when a
//! file in this folder is not.

mod common;

mod api_client;
mod auth_endpoint_binding;
mod auth_login;
mod auth_malformed_token;
mod auth_precedence;
mod case_bulk;
mod case_create;
mod case_create_once;
mod case_dry_run;
mod case_interactive;
mod case_list;
mod case_list_hidden;
mod case_list_saved;
mod case_templates;
mod case_timeline;
mod case_unread;
mod case_workflow;
mod cli_completions;
mod cli_config;
mod cli_customers;
mod cli_help;
mod cli_http_mock;
mod cli_jq;
mod cli_json_escapes;
mod completion_values;
mod google_provider;
mod keyring;
mod layout;
mod messages;

/// No test file here is left out of this binary (jj's `runner.rs` check).
#[test]
fn every_test_file_is_a_module_of_this_binary() {
    rsupport_server::testing::assert_every_test_file_is_a_module(
        env!("CARGO_MANIFEST_DIR"),
        include_str!("main.rs"),
    );
}
