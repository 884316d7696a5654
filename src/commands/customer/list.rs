//! `customer list`: the customers of the domain, or of every logged-in domain.

use clap::Args;
use futures_util::future::join_all;
use rsupport_api::types::{Customer, ListCustomersQuery, MAX_PAGE_SIZE};

use crate::commands::shared::AllDomains;
use crate::context::Ctx;
use crate::error::{CliError, CliResult};
use crate::output::{Listing, Outcome};

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Keyword matched against id, name and primary domain
    #[arg(long, value_name = "KEYWORD")]
    pub search: Option<String>,
    /// List the customers of every logged-in domain
    #[arg(long)]
    pub all_domains: bool,
}

fn query(search: &Option<String>) -> ListCustomersQuery {
    ListCustomersQuery {
        query: search.clone().filter(|s| !s.trim().is_empty()),
        page_size: Some(MAX_PAGE_SIZE),
        page_token: None,
    }
}

fn empty_message(search: &Option<String>) -> String {
    match search {
        Some(search) => format!("No customer matches '{search}'."),
        None => "No customers.".to_string(),
    }
}

pub async fn run(ctx: &Ctx, args: ListArgs) -> CliResult<Outcome> {
    if args.all_domains {
        return list_all_domains(ctx, args).await;
    }
    let client = ctx.client()?;
    let customers = client
        .customer_pages(query(&args.search))
        .collect_all()
        .await?;
    Ok(Outcome::List(
        Listing::of(&customers)
            .empty_message(empty_message(&args.search))
            .footer(client.customer_note()),
    ))
}

async fn list_all_domains(ctx: &Ctx, args: ListArgs) -> CliResult<Outcome> {
    let mut all = AllDomains::logged_in(ctx)?;
    let search = &args.search;
    let lookups = all.domains.iter().map(|domain| async move {
        let client = ctx.client_for_async(domain).await?;
        let customers = client.customer_pages(query(search)).collect_all().await?;
        let note = client.customer_note().map(|n| format!("{domain}: {n}"));
        Ok::<_, CliError>((customers, note))
    });
    let results = join_all(lookups).await;
    let mut listing =
        Listing::tagged::<Customer>("DOMAIN", "domain").empty_message(empty_message(&args.search));
    let mut notes = Vec::new();
    for (domain, result) in all.domains.clone().iter().zip(results) {
        match result {
            Ok((customers, note)) => {
                for customer in &customers {
                    listing.push_tagged(domain, customer);
                }
                notes.extend(note);
            }
            Err(error) => all.failed(ctx, domain, error),
        }
    }
    all.finish()?;
    Ok(Outcome::List(
        listing.footer((!notes.is_empty()).then(|| notes.join("\n"))),
    ))
}
