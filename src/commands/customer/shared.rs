//! How customers look as rows and records (both `list` and `view` show them).

use rsupport_api::types::Customer;

use crate::output::{Cell, Column, Tabular};

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
