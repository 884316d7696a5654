//! `--format` and `--color`. The names users type are clap's, derived from the variants; the
//! config file, `Display` and `FromStr` use the same ones.

use std::fmt;
use std::str::FromStr;

use clap::ValueEnum;

/// An output format chosen with `--format` (or `--json`), or kept in the config.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned table fitted to the terminal (the default on a terminal).
    Table,
    /// JSON with the API's camelCase field names.
    Json,
    /// CSV with a header of the API's field names (a cell starting with = + - @ gets a leading
    /// ' so spreadsheets do not run it as a formula)
    Csv,
    /// Tab-separated rows without a header (the default when stdout is piped).
    Tsv,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.to_possible_value() {
            Some(value) => f.write_str(value.get_name()),
            None => Ok(()),
        }
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        <Format as ValueEnum>::from_str(s.trim(), true).map_err(|_| {
            let names: Vec<String> = Format::value_variants()
                .iter()
                .map(Format::to_string)
                .collect();
            format!("invalid format '{s}': expected one of {}", names.join(", "))
        })
    }
}

impl serde::Serialize for Format {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Format {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR is set.
    #[default]
    Auto,
    Always,
    Never,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_are_the_same_for_clap_display_parse_and_serde() {
        for format in Format::value_variants() {
            let name = format.to_string();
            assert_eq!(name.parse::<Format>(), Ok(*format));
            let json = serde_json::to_string(format).unwrap();
            assert_eq!(json, format!("\"{name}\""));
            assert_eq!(serde_json::from_str::<Format>(&json).unwrap(), *format);
        }
        assert_eq!(" CSV ".parse::<Format>(), Ok(Format::Csv));
        let err = "yaml".parse::<Format>().unwrap_err();
        assert_eq!(
            err,
            "invalid format 'yaml': expected one of table, json, csv, tsv"
        );
    }
}
