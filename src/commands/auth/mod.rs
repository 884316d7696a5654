//! `auth`: log in and out of reseller domains, list them, pick the default, print a token.

use clap::{Args, Subcommand};

use crate::context::Ctx;
use crate::error::CliResult;
use crate::output::Outcome;

pub mod login;
pub mod logout;
pub mod status;
pub mod switch;
pub mod token;

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  rsupport auth login --domain reseller.example.com
  rsupport auth status
  rsupport auth switch other.example.com")]
pub struct AuthArgs {
    #[command(subcommand)]
    pub command: AuthCommand,
}

#[derive(Debug, Subcommand)]
pub enum AuthCommand {
    /// Check a token with the server, then store it for the domain in the OS keyring
    Login(login::LoginArgs),
    /// Forget the token of a domain (or of every domain)
    Logout(logout::LogoutArgs),
    /// Show every logged-in domain: server, user, privileges, where the token is, whether it works
    Status(status::StatusArgs),
    /// Set the default domain (a picker on a terminal when none is given)
    Switch(switch::SwitchArgs),
    /// Print the token of the domain, for scripts
    Token(token::TokenArgs),
}

pub async fn run(ctx: &Ctx, args: AuthArgs) -> CliResult<Outcome> {
    match args.command {
        AuthCommand::Login(args) => login::run(ctx, args).await,
        AuthCommand::Logout(args) => logout::run(ctx, args).await,
        AuthCommand::Status(args) => status::run(ctx, args).await,
        AuthCommand::Switch(args) => switch::run(ctx, args).await,
        AuthCommand::Token(args) => token::run(ctx, args).await,
    }
}
