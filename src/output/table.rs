//! Aligned tables on a terminal (comfy-table, fitted to the width, `-` for empty cells).

use super::{Cell, Column, Output};
use crate::terminal::one_line;

impl Output {
    pub(super) fn table(&self, columns: &[Column], rows: &[Vec<Cell>]) -> String {
        use comfy_table::{Attribute, Cell as TableCell, ContentArrangement, Table, presets};
        let style = self.time_style();
        let mut table = Table::new();
        table
            .load_style(presets::NOTHING)
            .set_content_arrangement(ContentArrangement::Dynamic);
        if let Some(width) = self.width {
            table.set_width(width);
        } else if !self.stdout_terminal {
            table.set_width(120);
        }
        if self.color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        table.set_header(columns.iter().map(|c| {
            let cell = TableCell::new(c.heading);
            if self.color {
                cell.add_attribute(Attribute::Bold)
            } else {
                cell
            }
        }));
        for row in rows {
            table.add_row(row.iter().map(|cell| match cell {
                Cell::Empty => "-".to_string(),
                cell => one_line(&cell.render(style)),
            }));
        }
        let mut text = table.to_string();
        // comfy-table pads the last column; keep lines tidy
        text = text
            .lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n");
        text.push('\n');
        text
    }
}
