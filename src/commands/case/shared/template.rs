//! Case templates: the fields of `case create` kept in a file. `--from FILE` reads TOML, YAML
//! or JSON (by extension, else sniffed: `-` is stdin); `--template NAME` reads
//! `templates/NAME.toml` in the config dir. Unknown keys and wrong types are refused naming
//! the key; paths in a template are relative to its folder.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer, Serialize};

use crate::config::{TEMPLATES_DIR, template_names, validate_name};
use crate::error::{CliError, CliResult};
use rsupport_api::types::Severity;

/// The keys a template may hold, in the order `case create --help` shows its flags.
pub const TEMPLATE_KEYS: &[&str] = &[
    "on_behalf_of (or customer)",
    "title",
    "category",
    "severity",
    "description",
    "description_file",
    "attach",
    "language",
    "time_zone",
    "share",
    "allow_pii",
    "request_id",
];

/// A template's fields: every one optional; lists default to empty.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CaseTemplate {
    #[serde(default, alias = "customer", skip_serializing_if = "Option::is_none")]
    pub on_behalf_of: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// As `--severity` takes it (any case).
    #[serde(
        default,
        deserialize_with = "forgiving_severity",
        skip_serializing_if = "Option::is_none"
    )]
    pub severity: Option<Severity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Relative to the template's folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description_file: Option<PathBuf>,
    /// Relative to the template's folder.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attach: Vec<PathBuf>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub share: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_pii: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

fn forgiving_severity<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Severity>, D::Error> {
    let text = String::deserialize(d)?;
    text.parse().map(Some).map_err(serde::de::Error::custom)
}

/// A template read from somewhere, with the folder its paths are relative to.
#[derive(Debug, Clone)]
pub struct LoadedTemplate {
    pub template: CaseTemplate,
    /// The template file's folder (the current directory for stdin).
    pub base: PathBuf,
    /// How errors name it: `--from FILE`, `--from -`, `--template NAME`.
    pub origin: String,
}

impl LoadedTemplate {
    /// A path of the template, made relative to its folder (`-` is kept: stdin).
    pub fn resolve(&self, path: &Path) -> PathBuf {
        if path == Path::new("-") || path.is_absolute() {
            path.to_path_buf()
        } else {
            self.base.join(path)
        }
    }
}

/// The languages a template is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateFormat {
    Toml,
    Yaml,
    Json,
}

impl TemplateFormat {
    /// By the file's extension; `None` for another one (then the text is sniffed).
    pub fn of_path(path: &Path) -> Option<TemplateFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "toml" => Some(TemplateFormat::Toml),
            "yaml" | "yml" => Some(TemplateFormat::Yaml),
            "json" => Some(TemplateFormat::Json),
            _ => None,
        }
    }

    /// A guess from the text: `{` starts JSON; a first line `key = …` or `[table]` is TOML;
    /// anything else is YAML.
    pub fn sniff(text: &str) -> TemplateFormat {
        let first = text
            .lines()
            .map(str::trim)
            .find(|line| !line.is_empty() && !line.starts_with('#') && *line != "---")
            .unwrap_or_default();
        if first.starts_with('{') {
            return TemplateFormat::Json;
        }
        let before_colon = first.split(':').next().unwrap_or_default();
        if first.starts_with('[') || before_colon.contains('=') {
            TemplateFormat::Toml
        } else {
            TemplateFormat::Yaml
        }
    }

    fn name(self) -> &'static str {
        match self {
            TemplateFormat::Toml => "TOML",
            TemplateFormat::Yaml => "YAML",
            TemplateFormat::Json => "JSON",
        }
    }
}

/// Parses a template's text. Syntax errors come from the format's parser (with line and
/// column); a key that is unknown or of the wrong type is named.
pub fn parse_template(text: &str, format: TemplateFormat, origin: &str) -> CliResult<CaseTemplate> {
    let syntax = |e: String| {
        CliError::usage(format!(
            "{origin}: not valid {}: {}",
            format.name(),
            e.trim_end()
        ))
    };
    let value: serde_json::Value = match format {
        TemplateFormat::Toml => toml::from_str(text).map_err(|e| syntax(e.to_string()))?,
        TemplateFormat::Yaml => serde_saphyr::from_str(text).map_err(|e| syntax(e.to_string()))?,
        TemplateFormat::Json => serde_json::from_str(text).map_err(|e| syntax(e.to_string()))?,
    };
    let value = match value {
        // an empty YAML document
        serde_json::Value::Null => serde_json::Value::Object(Default::default()),
        serde_json::Value::Object(map) => serde_json::Value::Object(map),
        other => {
            return Err(CliError::usage(format!(
                "{origin}: expected a table of keys (e.g. `title = \"…\"`), found {}",
                json_kind(&other)
            ))
            .hint(valid_keys_hint()));
        }
    };
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner().to_string();
        let message = if inner.starts_with("unknown field") {
            let key = inner.split('`').nth(1).unwrap_or(&path);
            format!("{origin}: unknown key '{key}'")
        } else if path == "." {
            format!("{origin}: {inner}")
        } else {
            format!("{origin}: key '{path}': {inner}")
        };
        let error = CliError::usage(message);
        if inner.starts_with("unknown field") {
            error.hint(valid_keys_hint())
        } else {
            error
        }
    })
}

fn valid_keys_hint() -> String {
    format!("valid keys: {}", TEMPLATE_KEYS.join(", "))
}

fn json_kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "nothing",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "a list",
        serde_json::Value::Object(_) => "a table",
    }
}

/// Reads `--from FILE` (`-`: stdin).
pub fn read_from(path: &Path) -> CliResult<LoadedTemplate> {
    if path == Path::new("-") {
        let origin = "--from -".to_string();
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| CliError::usage(format!("cannot read {origin} (stdin) as UTF-8: {e}")))?;
        let template = parse_template(&text, TemplateFormat::sniff(&text), &origin)?;
        return Ok(LoadedTemplate {
            template,
            base: PathBuf::new(),
            origin,
        });
    }
    let origin = format!("--from {}", path.display());
    let text = std::fs::read_to_string(path).map_err(|e| {
        CliError::usage(format!("cannot read {origin}: {e}"))
            .hint("pass a TOML, YAML or JSON file, or - to read stdin")
    })?;
    let format = TemplateFormat::of_path(path).unwrap_or_else(|| TemplateFormat::sniff(&text));
    let template = parse_template(&text, format, &origin)?;
    Ok(LoadedTemplate {
        template,
        base: path.parent().map(Path::to_path_buf).unwrap_or_default(),
        origin,
    })
}

/// Reads `--template NAME`: `templates/NAME.toml` in the config dir; a missing one is exit
/// 2 naming the templates there.
pub fn read_named(config_dir: &Path, name: &str) -> CliResult<LoadedTemplate> {
    let name = validate_name(name, "--template")?;
    let dir = config_dir.join(TEMPLATES_DIR);
    let path = dir.join(format!("{name}.toml"));
    let origin = format!("template '{name}' ({})", path.display());
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let names = template_names(config_dir);
            let available = if names.is_empty() {
                format!("there are no templates in {}", dir.display())
            } else {
                format!("available: {}", names.join(", "))
            };
            return Err(
                CliError::usage(format!("no template '{name}': {available}")).hint(format!(
                    "a template is a TOML file of `case create` fields, e.g. {}",
                    path.display()
                )),
            );
        }
        Err(e) => return Err(CliError::usage(format!("cannot read {origin}: {e}"))),
    };
    let template = parse_template(&text, TemplateFormat::Toml, &origin)?;
    Ok(LoadedTemplate {
        template,
        base: dir,
        origin,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_formats_give_the_same_template() {
        let toml = "customer = \"acme\"\nseverity = \"p2\"\nshare = [\"it@acme.example\"]\n";
        let yaml = "customer: acme\nseverity: p2\nshare:\n  - it@acme.example\n";
        let json = r#"{"on_behalf_of": "acme", "severity": "P2", "share": ["it@acme.example"]}"#;
        let expected = CaseTemplate {
            on_behalf_of: Some("acme".into()),
            severity: Some(Severity::P2),
            share: vec!["it@acme.example".into()],
            ..CaseTemplate::default()
        };
        for (text, format) in [
            (toml, TemplateFormat::Toml),
            (yaml, TemplateFormat::Yaml),
            (json, TemplateFormat::Json),
        ] {
            assert_eq!(TemplateFormat::sniff(text), format, "{text}");
            assert_eq!(parse_template(text, format, "t").unwrap(), expected);
        }
    }

    #[test]
    fn an_unknown_key_is_named_with_the_valid_ones() {
        let err = parse_template("titel = \"x\"\n", TemplateFormat::Toml, "t").unwrap_err();
        assert!(err.to_string().contains("unknown key 'titel'"), "{err}");
        assert!(err.hints().iter().any(|h| h.contains("title, category")));
        assert_eq!(err.exit_code(), 2);
    }

    #[test]
    fn a_value_of_the_wrong_type_names_its_key() {
        let err =
            parse_template("share: it@acme.example\n", TemplateFormat::Yaml, "t").unwrap_err();
        assert!(err.to_string().contains("key 'share'"), "{err}");
        let err = parse_template(r#"{"severity": "P9"}"#, TemplateFormat::Json, "t").unwrap_err();
        assert!(err.to_string().contains("key 'severity'"), "{err}");
        assert!(err.to_string().contains("P1, P2, P3, P4"), "{err}");
    }
}
