//! `--jq`: an embedded jq (jaq with jq's standard library).

use std::fmt;

use serde_json::Value;

use crate::error::{CliError, CliResult};
use crate::terminal::sanitize;

type Data = jaq_core::data::JustLut<jaq_json::Val>;

/// A compiled `--jq` expression (jaq, with jq's standard library).
pub struct JqProgram {
    expr: String,
    filter: jaq_core::Filter<Data>,
}

impl fmt::Debug for JqProgram {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JqProgram")
            .field("expr", &self.expr)
            .finish()
    }
}

impl JqProgram {
    /// Compiles `expr`; a syntax error or an unknown filter is a usage error (exit 2).
    pub fn compile(expr: &str) -> CliResult<JqProgram> {
        use jaq_core::load::{Arena, File, Loader};
        let invalid = |why: String| {
            CliError::usage(format!("invalid --jq expression '{expr}': {why}"))
                .hint("--jq takes a jq filter such as '.[] | .id' or 'map(.displayName)'")
        };
        let loader = Loader::new(
            jaq_core::defs()
                .chain(jaq_std::defs())
                .chain(jaq_json::defs()),
        );
        let arena = Arena::default();
        let program = File {
            code: expr,
            path: (),
        };
        let modules = loader.load(&arena, program).map_err(|errors| {
            let mut why = Vec::new();
            for (_, error) in errors {
                match error {
                    jaq_core::load::Error::Io(items) => {
                        why.extend(items.into_iter().map(|(_, e)| e));
                    }
                    jaq_core::load::Error::Lex(items) => {
                        why.extend(items.into_iter().map(|(expected, at)| {
                            format!("expected {} at '{}'", expected.as_str(), snippet(at))
                        }))
                    }
                    jaq_core::load::Error::Parse(items) => {
                        why.extend(items.into_iter().map(|(expected, at)| {
                            format!("expected {} at '{}'", expected.as_str(), snippet(at))
                        }))
                    }
                }
            }
            invalid(why.join("; "))
        })?;
        let filter = jaq_core::Compiler::default()
            .with_funs(
                jaq_core::funs()
                    .chain(jaq_std::funs())
                    .chain(jaq_json::funs()),
            )
            .compile(modules)
            .map_err(|errors| {
                let why: Vec<String> = errors
                    .into_iter()
                    .flat_map(|(_, undefined)| undefined)
                    .map(|(name, kind)| format!("undefined {} '{name}'", kind.as_str()))
                    .collect();
                invalid(why.join("; "))
            })?;
        Ok(JqProgram {
            expr: expr.to_string(),
            filter,
        })
    }

    /// Runs on `input`; every output on its own line, strings raw (like `jq -r`), other values
    /// as compact JSON.
    pub fn run(&self, input: &Value) -> CliResult<String> {
        use jaq_core::{Ctx, Vars};
        use jaq_json::Val;
        let failed = |why: String| CliError::usage(format!("--jq '{}' failed: {why}", self.expr));
        let bytes = serde_json::to_vec(input)
            .map_err(|e| CliError::failure(format!("cannot encode JSON: {e}")))?;
        let input = jaq_json::read::parse_single(&bytes).map_err(|e| failed(e.to_string()))?;
        let ctx = Ctx::<Data>::new(&self.filter.lut, Vars::new([]));
        let mut text = String::new();
        for output in self.filter.id.run((ctx, input)) {
            match output {
                Ok(Val::TStr(s)) => {
                    text.push_str(&sanitize(&String::from_utf8_lossy(&s)));
                    text.push('\n');
                }
                Ok(value) => {
                    text.push_str(&json_text(&value)?);
                    text.push('\n');
                }
                Err(exception) => {
                    return Err(match exception.get_err() {
                        Ok(error) => failed(error.to_string()),
                        Err(_) => failed("the expression stopped with halt".into()),
                    });
                }
            }
        }
        Ok(text)
    }
}

/// A jq value that is not a string, as compact JSON written by the client's one JSON encoder
/// (jaq's own writer leaves C1 and bidi controls raw), in jq's key order.
fn json_text(value: &jaq_json::Val) -> CliResult<String> {
    super::json::to_string(&JqJson(value))
}

/// A jq value seen through serde, so [`super::json`] writes it.
struct JqJson<'a>(&'a jaq_json::Val);

impl serde::Serialize for JqJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use jaq_json::Val;
        match self.0 {
            Val::Null => serializer.serialize_unit(),
            Val::Bool(b) => serializer.serialize_bool(*b),
            // jq writes NaN as null; so does this
            Val::Num(n) => match n.to_string().parse::<serde_json::Number>() {
                Ok(number) => number.serialize(serializer),
                Err(_) => serializer.serialize_unit(),
            },
            Val::TStr(bytes) | Val::BStr(bytes) => {
                serializer.serialize_str(&String::from_utf8_lossy(bytes))
            }
            Val::Arr(items) => serializer.collect_seq(items.iter().map(JqJson)),
            Val::Obj(fields) => serializer.collect_map(fields.iter().map(|(key, value)| {
                let key = match key {
                    Val::TStr(bytes) | Val::BStr(bytes) => {
                        String::from_utf8_lossy(bytes).into_owned()
                    }
                    other => other.to_string(),
                };
                (key, JqJson(value))
            })),
        }
    }
}

fn snippet(at: &str) -> String {
    let s: String = at.chars().take(20).collect();
    if s.is_empty() {
        "end of input".into()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn jq_prints_strings_raw_and_other_values_compact() {
        let program = JqProgram::compile(".[] | .name, .n").unwrap();
        let out = program
            .run(&serde_json::json!([{"name": "acme", "n": {"a": 1}}]))
            .unwrap();
        assert_eq!(out, "acme\n{\"a\":1}\n");
    }
    #[test]
    fn jq_standard_library_is_available() {
        let program = JqProgram::compile("map(select(.n > 1)) | length").unwrap();
        let out = program
            .run(&serde_json::json!([{"n": 1}, {"n": 2}]))
            .unwrap();
        assert_eq!(out, "1\n");
    }
    #[test]
    fn jq_syntax_error_is_a_usage_error_naming_the_expression() {
        let err = JqProgram::compile(".[] |").unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().contains("'.[] |'"), "{err}");
    }
    #[test]
    fn jq_unknown_filter_is_named() {
        let err = JqProgram::compile("nosuchfilter").unwrap_err();
        assert!(err.to_string().contains("nosuchfilter"), "{err}");
    }
    #[test]
    fn jq_json_values_escape_c1_and_bidi_controls() {
        let program = JqProgram::compile("{t: .}").unwrap();
        let out = program
            .run(&serde_json::json!("a\u{9b}2Jb\u{202e}c"))
            .unwrap();
        assert_eq!(out, "{\"t\":\"a\\u009b2Jb\\u202ec\"}\n");
    }
    #[test]
    fn jq_objects_keep_jq_s_key_order() {
        let program = JqProgram::compile("{z: 1, a: [2.5, null, true]}").unwrap();
        assert_eq!(
            program.run(&serde_json::json!(null)).unwrap(),
            "{\"z\":1,\"a\":[2.5,null,true]}\n"
        );
    }
    #[test]
    fn jq_output_strings_are_sanitized() {
        let program = JqProgram::compile(".").unwrap();
        let out = program.run(&serde_json::json!("a\u{1b}[2Jb")).unwrap();
        assert_eq!(out, "ab\n");
    }
}
