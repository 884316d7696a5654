//! `customer list` and `customer view`: the customers of the domain, their plan and whether
//! they granted access.

use clap::{Args, Subcommand};
use futures_util::future::join_all;

use crate::commands::AllDomains;
use crate::context::Ctx;
use crate::error::{CliError, CliResult};
use crate::output::{Cell, Column, Listing, Outcome, Tabular};
use rsupport_api::types::{Customer, ListCustomersQuery};

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  rsupport customer list --search acme\n  rsupport customer view acme"
)]
pub struct CustomerArgs {
    #[command(subcommand)]
    pub command: CustomerCommand,
}

#[derive(Debug, Subcommand)]
pub enum CustomerCommand {
    /// List the customers of the domain (plan, access granted or not)
    #[command(after_help = "\
Examples:
  rsupport customer list
  rsupport customer list --search acme --json
  rsupport customer list --all-domains

With --all-domains every logged-in domain is asked at once and a DOMAIN column (JSON field
`domain`) is added. A domain that fails is reported on stderr and the others are still shown;
the exit code is non-zero only when every domain fails.")]
    List(ListArgs),
    /// Show one customer with its contact details
    #[command(
        after_help = "Examples:\n  rsupport customer view acme\n  rsupport customer view acme --json"
    )]
    View(ViewArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Keyword matched against id, name and primary domain
    #[arg(long, value_name = "KEYWORD")]
    pub search: Option<String>,
    /// List the customers of every logged-in domain
    #[arg(long)]
    pub all_domains: bool,
}

#[derive(Debug, Args)]
pub struct ViewArgs {
    /// The customer's id (e.g. `acme`)
    pub id: String,
}

impl Tabular for Customer {
    fn columns() -> &'static [Column] {
        const COLUMNS: &[Column] = &[
            Column::new("ID", "id"),
            Column::new("NAME", "displayName"),
            Column::new("PRIMARY DOMAIN", "primaryDomain"),
            Column::new("PLAN", "plan"),
            Column::new("ACCESS", "accessGranted"),
        ];
        COLUMNS
    }

    fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::text(&self.id),
            Cell::text(&self.display_name),
            Cell::text(&self.primary_domain),
            Cell::text(self.plan.as_str()),
            Cell::text(if self.access_granted {
                "granted"
            } else {
                "not granted"
            }),
        ]
    }

    fn fields(&self) -> Vec<(&'static str, Cell)> {
        vec![
            ("ID", Cell::text(&self.id)),
            ("Name", Cell::text(&self.display_name)),
            ("Primary domain", Cell::text(&self.primary_domain)),
            ("Reseller domain", Cell::text(&self.reseller_domain)),
            ("Plan", Cell::text(self.plan.as_str())),
            (
                "Access",
                Cell::text(if self.access_granted {
                    "granted"
                } else {
                    "not granted: no case can be filed or managed until the customer grants it"
                }),
            ),
            ("Contact", Cell::text(&self.contact.name)),
            ("Contact email", Cell::text(&self.contact.email)),
            ("Contact phone", Cell::opt_text(self.contact.phone.clone())),
        ]
    }

    fn csv_fields() -> Vec<&'static str> {
        vec![
            "id",
            "displayName",
            "primaryDomain",
            "resellerDomain",
            "plan",
            "accessGranted",
            "contact.name",
            "contact.email",
            "contact.phone",
        ]
    }
}

pub async fn run(ctx: &Ctx, args: CustomerArgs) -> CliResult<Outcome> {
    match args.command {
        CustomerCommand::List(args) => list(ctx, args).await,
        CustomerCommand::View(args) => view(ctx, args).await,
    }
}

fn query(search: &Option<String>) -> ListCustomersQuery {
    ListCustomersQuery {
        query: search.clone().filter(|s| !s.trim().is_empty()),
        page_size: Some(rsupport_api::types::MAX_PAGE_SIZE),
        page_token: None,
    }
}

fn empty_message(search: &Option<String>) -> String {
    match search {
        Some(search) => format!("No customer matches '{search}'."),
        None => "No customers.".to_string(),
    }
}

async fn list(ctx: &Ctx, args: ListArgs) -> CliResult<Outcome> {
    if args.all_domains {
        return list_all_domains(ctx, args).await;
    }
    let client = ctx.client()?;
    let customers = client
        .customer_pages(query(&args.search))
        .collect_all()
        .await?;
    Ok(Outcome::List(
        Listing::of(&customers).empty_message(empty_message(&args.search)),
    ))
}

async fn list_all_domains(ctx: &Ctx, args: ListArgs) -> CliResult<Outcome> {
    let mut all = AllDomains::logged_in(ctx)?;
    let search = &args.search;
    let lookups = all.domains.iter().map(|domain| async move {
        let client = ctx.client_for_async(domain).await?;
        let customers = client.customer_pages(query(search)).collect_all().await?;
        Ok::<_, CliError>(customers)
    });
    let results = join_all(lookups).await;
    let mut listing =
        Listing::tagged::<Customer>("DOMAIN", "domain").empty_message(empty_message(&args.search));
    for (domain, result) in all.domains.clone().iter().zip(results) {
        match result {
            Ok(customers) => {
                for customer in &customers {
                    listing.push_tagged(domain, customer);
                }
            }
            Err(error) => all.failed(ctx, domain, error),
        }
    }
    all.finish()?;
    Ok(Outcome::List(listing))
}

async fn view(ctx: &Ctx, args: ViewArgs) -> CliResult<Outcome> {
    let customer = ctx.client()?.get_customer(args.id.trim()).await?;
    Ok(Outcome::record(&customer))
}
