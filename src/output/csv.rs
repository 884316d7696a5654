//! CSV: quoting, defused spreadsheet formulas, dotted paths into the JSON form.

use serde_json::Value;

use crate::terminal::sanitize;

fn csv_field(value: &str) -> String {
    let value = sanitize(value);
    // a leading =, +, - or @ would make a spreadsheet run a formula
    let value = match value.chars().next() {
        Some('=' | '+' | '-' | '@') if value.parse::<f64>().is_err() => format!("'{value}"),
        _ => value,
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

pub(super) fn csv_line<'a>(fields: impl Iterator<Item = &'a str>) -> String {
    let mut line = fields.map(csv_field).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

/// The value at a dotted path, as CSV text: strings as they are, arrays of scalars joined with
/// `;`, objects as JSON, null or missing as empty.
pub(super) fn csv_row(json: &Value, fields: &[String]) -> Vec<String> {
    fields
        .iter()
        .map(|path| {
            let mut value = json;
            for part in path.split('.') {
                value = value.get(part).unwrap_or(&Value::Null);
            }
            csv_text(value)
        })
        .collect()
}

fn csv_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) if items.iter().all(|v| !v.is_object() && !v.is_array()) => {
            items.iter().map(csv_text).collect::<Vec<_>>().join(";")
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn csv_quotes_commas_quotes_and_newlines() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }
    #[test]
    fn csv_defuses_spreadsheet_formulas_but_not_negative_numbers() {
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("-3"), "-3");
    }
    #[test]
    fn csv_row_follows_dotted_paths_and_joins_arrays() {
        let json = serde_json::json!({"id": 7, "c": {"n": "x"}, "subs": ["a@x", "b@x"]});
        let row = csv_row(
            &json,
            &["id".into(), "c.n".into(), "subs".into(), "none".into()],
        );
        assert_eq!(row, vec!["7", "x", "a@x;b@x", ""]);
    }
}
