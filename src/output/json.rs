//! JSON as the client prints it: serde_json's encoding, with `\uXXXX` escapes also for the
//! characters JSON lets through raw that can still drive a terminal or reorder text — DEL, the
//! C1 controls (U+0080–U+009F: U+009B is an 8-bit CSI) and the bidirectional overrides,
//! isolates and marks. Every JSON writer of `output` goes through here.

use std::io;

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

use crate::error::{CliError, CliResult};
use crate::terminal::is_bidi_control;

/// `value` as indented JSON (records, `--json` lists, messages).
pub(super) fn to_string_pretty<T: ?Sized + Serialize>(value: &T) -> CliResult<String> {
    write(value, TerminalSafe(PrettyFormatter::new()))
}

/// `value` as JSON on one line (JSON Lines of `case watch`, and tests; `--jq` writes JSON as
/// jq does, in `jq.rs`).
pub(super) fn to_string<T: ?Sized + Serialize>(value: &T) -> CliResult<String> {
    write(value, TerminalSafe(CompactFormatter))
}

fn write<T: ?Sized + Serialize, F: Formatter>(value: &T, formatter: F) -> CliResult<String> {
    let mut bytes = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(&mut bytes, formatter);
    value
        .serialize(&mut serializer)
        .map_err(|e| CliError::failure(format!("cannot encode JSON: {e}")))?;
    // serde_json writes UTF-8 only
    String::from_utf8(bytes).map_err(|e| CliError::failure(format!("cannot encode JSON: {e}")))
}

/// Whether a character that JSON allows raw in a string is escaped anyway. serde_json already
/// escapes `"`, `\` and U+0000–U+001F.
fn escaped(c: char) -> bool {
    matches!(c, '\u{7f}'..='\u{9f}') || is_bidi_control(c)
}

/// A formatter that writes what `F` writes, with the extra escapes in every string (keys too).
struct TerminalSafe<F>(F);

impl<F: Formatter> Formatter for TerminalSafe<F> {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (at, c) in fragment.char_indices() {
            if escaped(c) {
                self.0.write_string_fragment(writer, &fragment[start..at])?;
                // every escaped character is in the Basic Multilingual Plane: four hex digits
                write!(writer, "\\u{:04x}", u32::from(c))?;
                start = at + c.len_utf8();
            }
        }
        self.0.write_string_fragment(writer, &fragment[start..])
    }

    // The layout is `F`'s (the pretty formatter keeps the indentation state).
    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }

    fn end_object_key<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_key(writer)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    const HOSTILE: &str =
        "a\u{9b}2Jb\u{85}c\u{202e}d\u{2066}e\u{2069}f\u{200e}g\u{200f}h\u{7f}i\u{1b}[0m";

    #[test]
    fn c1_bidi_and_del_are_escaped_like_c0_controls() {
        let text = to_string(&json!(HOSTILE)).unwrap();
        assert_eq!(
            text,
            r#""a\u009b2Jb\u0085c\u202ed\u2066e\u2069f\u200eg\u200fh\u007fi\u001b[0m""#
        );
        assert!(text.is_ascii(), "{text}");
    }

    #[test]
    fn escaped_json_reads_back_as_the_same_strings_keys_included() {
        let value = json!({ HOSTILE: [HOSTILE, { "k": HOSTILE }], "n": 1.5, "b": true });
        for text in [
            to_string(&value).unwrap(),
            to_string_pretty(&value).unwrap(),
        ] {
            assert!(text.is_ascii(), "{text}");
            assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), value);
        }
    }

    #[test]
    fn other_text_and_the_layout_are_serde_json_s() {
        let value = json!({ "title": "Caffè — 東京 🚀 \u{2028}", "list": [1, "two"], "empty": {} });
        assert_eq!(
            to_string_pretty(&value).unwrap(),
            serde_json::to_string_pretty(&value).unwrap()
        );
        assert_eq!(
            to_string(&value).unwrap(),
            serde_json::to_string(&value).unwrap()
        );
    }
}
