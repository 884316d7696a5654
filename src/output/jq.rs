//! `--jq`: an embedded jq (jaq with jq's standard library).

use std::fmt;

use serde_json::Value;

use crate::error::{CliError, CliResult};
use crate::terminal::{is_bidi_control, sanitize};

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
        let filter = compile_code(expr).map_err(|why| {
            CliError::usage(format!("invalid --jq expression '{expr}': {why}"))
                .hint("--jq takes a jq filter such as '.[] | .id' or 'map(.displayName)'")
        })?;
        // jaq writes an interpolated value its own way ("\(4 / 2)" is "2.0"); as a format
        // string (`@text "…"`) it goes through `@text`, which writes it as jq does
        let rewritten = interpolate_with_text(expr);
        let filter = match rewritten.as_deref().map(compile_code) {
            Some(Ok(filter)) => filter,
            _ => filter,
        };
        Ok(JqProgram {
            expr: expr.to_string(),
            filter,
        })
    }
    /// Runs on `input` as `jq -r` does: every output on its own line, strings raw (sanitized),
    /// other values as jq 1.7 prints them (indented by two spaces, numbers as jq writes them).
    /// Answers what was printed before the first error too, with the error (exit 2), as jq
    /// prints the outputs before an error and then stops (its own exit 5).
    pub fn run(&self, input: &Value) -> (String, CliResult<()>) {
        use jaq_core::{Ctx, Vars};
        use jaq_json::Val;
        let failed = |why: String| {
            CliError::usage(format!("--jq '{}' failed: {why}", self.expr))
                .hint("jq stops on the first error; 'try EXPR' or 'EXPR?' skip what fails")
        };
        let bytes = match serde_json::to_vec(input) {
            Ok(bytes) => bytes,
            Err(e) => {
                let error = CliError::failure(format!("cannot encode JSON: {e}"));
                return (String::new(), Err(error));
            }
        };
        let input = match jaq_json::read::parse_single(&bytes) {
            Ok(input) => input,
            Err(e) => return (String::new(), Err(failed(e.to_string()))),
        };
        let ctx = Ctx::<Data>::new(&self.filter.lut, Vars::new([env_object()]));
        let mut text = String::new();
        for output in self.filter.id.run((ctx, input)) {
            match output {
                Ok(Val::TStr(s)) => {
                    text.push_str(&sanitize(&String::from_utf8_lossy(&s)));
                    text.push('\n');
                }
                Ok(value) => {
                    if let Err(why) = write_value(&mut text, &value, Some(0)) {
                        return (text, Err(failed(why)));
                    }
                    text.push('\n');
                }
                Err(exception) => {
                    let why = match exception.get_err() {
                        Ok(error) => error_text(&error),
                        Err(_) => "the expression stopped with halt".into(),
                    };
                    return (text, Err(failed(why)));
                }
            }
        }
        (text, Ok(()))
    }
}

/// An error as jq words it: `error("text")` is the text itself, any other value its JSON.
fn error_text(error: &jaq_core::Error<jaq_json::Val>) -> String {
    let text = error.to_string();
    sanitize(&text)
}

/// jaq's standard library, made to behave as jq 1.7's where they differ (`jq_compat.jq`).
fn compile_code(code: &str) -> Result<jaq_core::Filter<Data>, String> {
    use jaq_core::load::{Arena, File, Loader};
    let compat = jaq_core::load::parse(include_str!("jq_compat.jq"), |p| p.defs())
        .expect("jq_compat.jq parses");
    let loader = Loader::new(
        jaq_core::defs()
            .chain(jaq_std::defs())
            .chain(jaq_json::defs())
            .chain(compat),
    );
    let arena = Arena::default();
    let program = File { code, path: () };
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
        why.join("; ")
    })?;
    jaq_core::Compiler::default()
        .with_funs(
            jaq_core::funs()
                .chain(jaq_std::funs())
                .chain(jaq_json::funs())
                .chain(compat_funs()),
        )
        .with_global_vars(["$ENV"])
        .compile(modules)
        .map_err(|errors| {
            let why: Vec<String> = errors
                .into_iter()
                .flat_map(|(_, undefined)| undefined)
                .map(|(name, kind)| format!("undefined {} '{name}'", kind.as_str()))
                .collect();
            why.join("; ")
        })
}

/// The native filters `jq_compat.jq` builds on.
fn compat_funs() -> impl Iterator<Item = jaq_core::native::Fun<Data>> {
    use jaq_core::native::{Filter, bome, run, v};
    let tojson: Filter<jaq_core::RunPtr<Data>> = ("_rsupport_tojson", v(0), |cv| {
        let mut text = String::new();
        bome(
            write_value(&mut text, &cv.1, None)
                .map(|()| jaq_json::Val::utf8_str(text))
                .map_err(|why| jaq_core::Error::new(jaq_json::Val::utf8_str(why))),
        )
    });
    let delpaths: Filter<jaq_core::RunPtr<Data>> = ("_rsupport_delpaths", v(1), |cv| {
        jaq_core::native::unary(cv, |value, paths| {
            delete_paths(value, &paths)
                .map_err(|why| jaq_core::Error::new(jaq_json::Val::utf8_str(why)))
        })
    });
    [run::<Data>(tojson), run::<Data>(delpaths)].into_iter()
}

/// `delpaths(PATHS)` as jq does it: the paths sorted, the last deleted first, and an object
/// keeping the order of the keys left (jaq's own moves the last key into the gap).
fn delete_paths(value: jaq_json::Val, paths: &jaq_json::Val) -> Result<jaq_json::Val, String> {
    use jaq_json::Val;
    let Val::Arr(paths) = paths else {
        return Err("Paths must be specified as an array".into());
    };
    let mut sorted: Vec<&Val> = paths.iter().collect();
    sorted.sort();
    let mut value = value;
    for path in sorted.into_iter().rev() {
        let Val::Arr(path) = path else {
            return Err("Path must be specified as an array".into());
        };
        value = delete_path(value, path)?;
    }
    Ok(value)
}

fn delete_path(value: jaq_json::Val, path: &[jaq_json::Val]) -> Result<jaq_json::Val, String> {
    use jaq_json::Val;
    let Some((first, rest)) = path.split_first() else {
        return Ok(Val::Null);
    };
    match (value, first) {
        (Val::Null, _) => Ok(Val::Null),
        (Val::Obj(mut fields), key @ Val::TStr(_)) => {
            let map = std::rc::Rc::make_mut(&mut fields);
            if rest.is_empty() {
                map.shift_remove(key);
            } else if let Some(child) = map.get_mut(key) {
                *child = delete_path(std::mem::take(child), rest)?;
            }
            Ok(Val::Obj(fields))
        }
        (Val::Arr(mut items), Val::Num(n)) => {
            let len = items.len() as isize;
            let Some(i) = n.as_isize() else {
                return Err("Cannot delete a non-integer array index".into());
            };
            let i = if i < 0 { i + len } else { i };
            if (0..len).contains(&i) {
                let list = std::rc::Rc::make_mut(&mut items);
                if rest.is_empty() {
                    list.remove(i as usize);
                } else {
                    let child = &mut list[i as usize];
                    *child = delete_path(std::mem::take(child), rest)?;
                }
            }
            Ok(Val::Arr(items))
        }
        (value, key) => Err(format!(
            "Cannot delete field at {} index of {}",
            type_name(key),
            type_name(&value)
        )),
    }
}

fn type_name(value: &jaq_json::Val) -> &'static str {
    use jaq_json::Val;
    match value {
        Val::Null => "null",
        Val::Bool(_) => "boolean",
        Val::Num(_) => "number",
        Val::TStr(_) | Val::BStr(_) => "string",
        Val::Arr(_) => "array",
        Val::Obj(_) => "object",
    }
}

/// `$ENV`: the environment as an object, as jq has it.
fn env_object() -> jaq_json::Val {
    let map: jaq_json::Map = std::env::vars_os()
        .map(|(k, v)| {
            (
                jaq_json::Val::utf8_str(k.to_string_lossy().into_owned()),
                jaq_json::Val::utf8_str(v.to_string_lossy().into_owned()),
            )
        })
        .collect();
    jaq_json::Val::obj(map)
}

/// `expr` with `@text ` before every string literal that interpolates (`"a\(.b)"`) and has no
/// format of its own, or `None` when there is none (or the expression is not understood).
fn interpolate_with_text(expr: &str) -> Option<String> {
    #[derive(Clone, Copy, PartialEq)]
    enum In {
        Code,
        Str,
    }
    let chars: Vec<char> = expr.chars().collect();
    let mut out = String::with_capacity(expr.len() + 16);
    // what is open: strings, and the code of interpolations (with their paren depth)
    let mut stack: Vec<(In, usize)> = vec![(In::Code, 0)];
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let (state, depth) = *stack.last()?;
        match state {
            In::Code => match c {
                '#' => {
                    while i < chars.len() && chars[i] != '\n' {
                        out.push(chars[i]);
                        i += 1;
                    }
                    continue;
                }
                '"' => {
                    let interpolates = string_interpolates(&chars[i..]);
                    let before = out.trim_end();
                    let formatted = before
                        .rsplit(|c: char| !(c.is_alphanumeric() || c == '_' || c == '@'))
                        .next()
                        .is_some_and(|word| word.starts_with('@'));
                    let after_dot = before.ends_with('.') || before.ends_with("..");
                    if interpolates && !formatted && !after_dot {
                        out.push_str("@text ");
                        changed = true;
                    }
                    stack.push((In::Str, 0));
                }
                '(' => stack.last_mut()?.1 += 1,
                ')' if depth == 0 && stack.len() > 1 => {
                    stack.pop();
                }
                ')' => stack.last_mut()?.1 = depth.checked_sub(1)?,
                _ => {}
            },
            In::Str => match c {
                '\\' if chars.get(i + 1) == Some(&'(') => {
                    out.push_str("\\(");
                    i += 2;
                    stack.push((In::Code, 0));
                    continue;
                }
                '\\' => {
                    out.push(c);
                    out.push(*chars.get(i + 1)?);
                    i += 2;
                    continue;
                }
                '"' => {
                    stack.pop();
                }
                _ => {}
            },
        }
        out.push(c);
        i += 1;
    }
    (changed && stack.len() == 1).then_some(out)
}

/// Whether the string literal at the start of `chars` (at its opening quote) has an
/// interpolation of its own.
fn string_interpolates(chars: &[char]) -> bool {
    let mut i = 1;
    while i < chars.len() {
        match chars[i] {
            '\\' if chars.get(i + 1) == Some(&'(') => return true,
            '\\' => i += 2,
            '"' => return false,
            _ => i += 1,
        }
    }
    false
}

/// `value` as jq 1.7 prints it: with `Some(depth)` as `jq` does (two spaces of indentation,
/// `[]` and `{}` for empty ones, `"key": value`), with `None` on one line as `jq -c` and
/// `tojson` do; keys in the object's order. An object key that is not a string (jaq allows
/// them, jq does not) is an error, as jq's.
fn write_value(
    out: &mut String,
    value: &jaq_json::Val,
    depth: Option<usize>,
) -> Result<(), String> {
    use jaq_json::Val;
    let newline = |out: &mut String, depth: Option<usize>| {
        if let Some(depth) = depth {
            out.push('\n');
            for _ in 0..depth {
                out.push_str("  ");
            }
        }
    };
    let inner = depth.map(|d| d + 1);
    match value {
        Val::Null => out.push_str("null"),
        Val::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Val::Num(n) => out.push_str(&number_text(n)),
        Val::TStr(bytes) | Val::BStr(bytes) => write_string(out, &String::from_utf8_lossy(bytes)),
        Val::Arr(items) if items.is_empty() => out.push_str("[]"),
        Val::Arr(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, inner);
                write_value(out, item, inner)?;
            }
            newline(out, depth);
            out.push(']');
        }
        Val::Obj(fields) if fields.is_empty() => out.push_str("{}"),
        Val::Obj(fields) => {
            out.push('{');
            for (i, (key, item)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, inner);
                match key {
                    Val::TStr(bytes) | Val::BStr(bytes) => {
                        write_string(out, &String::from_utf8_lossy(bytes))
                    }
                    _ => return Err("Object keys must be strings".into()),
                }
                out.push(':');
                if depth.is_some() {
                    out.push(' ');
                }
                write_value(out, item, inner)?;
            }
            newline(out, depth);
            out.push('}');
        }
    }
    Ok(())
}

/// A JSON string as jq writes it (`\"`, `\\`, `\b \f \n \r \t`, `\u00XX` for the other C0
/// controls and DEL, everything else raw), except that the C1 controls and the bidirectional
/// overrides, isolates and marks are escaped too, as in every JSON the client prints.
fn write_string(out: &mut String, text: &str) {
    use std::fmt::Write as _;
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || ('\u{7f}'..='\u{9f}').contains(&c) || is_bidi_control(c) => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A number as jq 1.7 prints it: a number read from the input or written in the expression
/// keeps its literal (canonical as decNumber writes it: `1.0`, `1E+3`, `100000000000000000001`);
/// a computed one is a double written with the fewest digits that read back the same, in
/// exponent form (`1e+17`, `1e-05`) when very large or small; NaN is `null` and the infinities
/// the largest doubles.
fn number_text(n: &jaq_json::Num) -> String {
    use jaq_json::Num;
    match n {
        Num::Int(i) => i.to_string(),
        Num::BigInt(i) => i.to_string(),
        Num::Float(f) => double_text(*f),
        Num::Dec(literal) => literal_text(literal).unwrap_or_else(|| match literal.parse() {
            Ok(f) => double_text(f),
            Err(_) => "null".into(),
        }),
    }
}

/// A double as jq's `jvp_dtoa_fmt` writes it.
fn double_text(f: f64) -> String {
    if f.is_nan() {
        return "null".into();
    }
    let f = f.clamp(f64::MIN, f64::MAX);
    if f == 0.0 {
        return if f.is_sign_negative() { "-0" } else { "0" }.into();
    }
    // Rust's `{:e}` is the shortest representation that reads back the same, as dtoa's mode 0
    let sci = format!("{:e}", f.abs());
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((&sci, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let decpt = exponent.parse::<i32>().unwrap_or(0) + 1;
    let n = digits.len() as i32;
    let mut out = String::new();
    if f < 0.0 {
        out.push('-');
    }
    if decpt <= -4 || decpt > n + 15 {
        out.push_str(&digits[..1]);
        if n > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let e = decpt - 1;
        out.push('e');
        out.push(if e < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", e.abs()));
    } else if decpt <= 0 {
        out.push_str("0.");
        out.push_str(&"0".repeat((-decpt) as usize));
        out.push_str(&digits);
    } else if decpt >= n {
        out.push_str(&digits);
        out.push_str(&"0".repeat((decpt - n) as usize));
    } else {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    }
    out
}

/// A number literal as decNumber's to-scientific-string writes it (what jq 1.7 prints for a
/// literal it kept), or `None` when it is not a plain decimal literal.
fn literal_text(literal: &str) -> Option<String> {
    let (negative, rest) = match literal.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, literal.strip_prefix('+').unwrap_or(literal)),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(at) => (&rest[..at], rest[at + 1..].parse::<i64>().ok()?),
        None => (rest, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if int.is_empty() && frac.is_empty()
        || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let all = format!("{int}{frac}");
    let digits = all.trim_start_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    let exponent = exponent - frac.len() as i64;
    let n = digits.len() as i64;
    let adjusted = exponent + n - 1;
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    if exponent <= 0 && adjusted >= -6 {
        if exponent == 0 {
            out.push_str(digits);
        } else if n + exponent > 0 {
            let point = (n + exponent) as usize;
            out.push_str(&digits[..point]);
            out.push('.');
            out.push_str(&digits[point..]);
        } else {
            out.push_str("0.");
            out.push_str(&"0".repeat((-(n + exponent)) as usize));
            out.push_str(digits);
        }
    } else {
        out.push_str(&digits[..1]);
        if n > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('E');
        out.push(if adjusted < 0 { '-' } else { '+' });
        out.push_str(&adjusted.abs().to_string());
    }
    Some(out)
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

    fn run(program: &JqProgram, input: serde_json::Value) -> String {
        let (text, result) = program.run(&input);
        result.unwrap();
        text
    }
    #[test]
    fn jq_prints_strings_raw_and_other_values_compact() {
        let program = JqProgram::compile(".[] | .name, .n").unwrap();
        let out = run(
            &program,
            serde_json::json!([{"name": "acme", "n": {"a": 1}}]),
        );
        assert_eq!(out, "acme\n{\n  \"a\": 1\n}\n");
    }
    #[test]
    fn jq_standard_library_is_available() {
        let program = JqProgram::compile("map(select(.n > 1)) | length").unwrap();
        let out = run(&program, serde_json::json!([{"n": 1}, {"n": 2}]));
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
        let program = JqProgram::compile("[.]").unwrap();
        let out = run(&program, serde_json::json!("a\u{9b}2Jb\u{202e}c"));
        assert_eq!(out, "[\n  \"a\\u009b2Jb\\u202ec\"\n]\n");
    }
    #[test]
    fn jq_objects_keep_jq_s_key_order() {
        let program = JqProgram::compile("{z: 1, a: [2.5, null, true]}").unwrap();
        assert_eq!(
            run(&program, serde_json::json!(null)),
            "{\n  \"z\": 1,\n  \"a\": [\n    2.5,\n    null,\n    true\n  ]\n}\n"
        );
    }
    #[test]
    fn jq_output_strings_are_sanitized() {
        let program = JqProgram::compile(".").unwrap();
        let out = run(&program, serde_json::json!("a\u{1b}[2Jb"));
        assert_eq!(out, "ab\n");
    }
    #[test]
    fn numbers_print_as_jq_1_7_prints_them() {
        for (double, text) in [
            (1e-5, "1e-05"),
            (1e17, "1e+17"),
            (1.5e17, "1.5e+17"),
            (1e16, "1e+16"),
            (123456789012345678.0, "123456789012345680"),
            (0.0001, "0.0001"),
            (1.0 / 3.0, "0.3333333333333333"),
            (f64::INFINITY, "1.7976931348623157e+308"),
            (f64::NEG_INFINITY, "-1.7976931348623157e+308"),
            (2.0, "2"),
            (-0.0, "-0"),
            (0.1 + 0.2, "0.30000000000000004"),
            (12345678901234567890.0, "12345678901234567000"),
            (f64::NAN, "null"),
        ] {
            assert_eq!(double_text(double), text, "{double:e}");
        }
        for (literal, text) in [
            ("1.50", "1.50"),
            ("0.0001", "0.0001"),
            ("1e-7", "1E-7"),
            ("0e3", "0E+3"),
            ("0.0", "0.0"),
            ("1E3", "1E+3"),
            ("12.5e1", "125"),
            ("1.5e300", "1.5E+300"),
            ("-0.0", "-0.0"),
            ("100000000000000000001", "100000000000000000001"),
            ("1e-6", "0.000001"),
            ("1.0e-6", "0.0000010"),
            ("123.456e-10", "1.23456E-8"),
        ] {
            assert_eq!(literal_text(literal).as_deref(), Some(text), "{literal}");
        }
    }

    #[test]
    fn a_runtime_error_answers_what_came_before_it() {
        let program = JqProgram::compile(".[] | if . == 2 then error(\"two\") else . end").unwrap();
        let (text, result) = program.run(&serde_json::json!([1, 2, 3]));
        assert_eq!(text, "1\n");
        let err = result.unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().contains("two"), "{err}");
    }

    #[test]
    fn interpolating_strings_get_the_text_format() {
        let cases = [
            (r#""a\(.b)c""#, Some(r#"@text "a\(.b)c""#)),
            (r#"@base64 "a\(.b)""#, None),
            (r#""plain" | ."key\(1)""#, None),
            (
                r#"{"k\(1)": "x\("in\(2)")"} # "\(3)""#,
                Some(r#"{@text "k\(1)": @text "x\(@text "in\(2)")"} # "\(3)""#),
            ),
            (
                r#""esc\"aped \\ \(.x)""#,
                Some(r#"@text "esc\"aped \\ \(.x)""#),
            ),
            (r#""no interpolation""#, None),
        ];
        for (expr, want) in cases {
            assert_eq!(interpolate_with_text(expr).as_deref(), want, "{expr}");
        }
    }

    #[test]
    fn interpolation_and_tostring_write_numbers_as_jq() {
        let program =
            JqProgram::compile(r#""\(4 / 2) \(1e3) \([1.0, {}])", (4 / 2 | tostring)"#).unwrap();
        assert_eq!(
            run(&program, serde_json::json!(null)),
            "2 1E+3 [1.0,{}]\n2\n"
        );
    }

    #[test]
    fn del_keeps_the_order_of_the_other_keys() {
        let program = JqProgram::compile("del(.a) | keys_unsorted | join(\",\")").unwrap();
        let input = serde_json::json!({"a": 1, "b": 2, "c": 3});
        assert_eq!(run(&program, input), "b,c\n");
    }
}
