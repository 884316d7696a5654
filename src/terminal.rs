//! Terminal-safe text: what is left of a string from elsewhere (the server, a file) once every
//! sequence that could move the cursor, recolour, retitle or reorder the terminal is gone. A
//! leaf: it imports nothing of the crate; `output` and `error` use it.

/// Removes terminal control sequences from text that came from elsewhere: ESC sequences (CSI,
/// OSC, DCS and two-byte ones), C0 controls except newline and tab, DEL, C1 controls (and the
/// strings an 8-bit CSI/OSC/DCS opens), and the Unicode bidirectional overrides that can make
/// text read differently from what it is.
pub fn sanitize(text: &str) -> String {
    #[derive(PartialEq)]
    enum State {
        Text,
        Esc,
        Csi,
        /// OSC, DCS, SOS, PM, APC: until BEL or ST.
        Str,
        StrEsc,
    }
    let mut out = String::with_capacity(text.len());
    let mut state = State::Text;
    for c in text.chars() {
        state = match state {
            State::Text => match c {
                '\u{1b}' => State::Esc,
                '\u{9b}' => State::Csi,
                '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => State::Str,
                '\n' | '\t' => {
                    out.push(c);
                    State::Text
                }
                c if c.is_control() || is_bidi_control(c) => State::Text,
                c => {
                    out.push(c);
                    State::Text
                }
            },
            State::Esc => match c {
                '[' => State::Csi,
                ']' | 'P' | 'X' | '^' | '_' => State::Str,
                // intermediate bytes of a longer escape: keep skipping
                '\u{20}'..='\u{2f}' => State::Esc,
                _ => State::Text,
            },
            State::Csi => match c {
                '\u{40}'..='\u{7e}' => State::Text,
                '\u{20}'..='\u{3f}' => State::Csi,
                // anything else ends a malformed sequence; drop it too
                _ => State::Text,
            },
            State::Str => match c {
                '\u{7}' | '\u{9c}' => State::Text,
                '\u{1b}' => State::StrEsc,
                _ => State::Str,
            },
            State::StrEsc => match c {
                '\\' => State::Text,
                _ => State::Str,
            },
        };
    }
    out
}

pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

/// Sanitized text on one line: newlines and tabs become spaces (for TSV and table cells).
pub fn one_line(text: &str) -> String {
    sanitize(text)
        .chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn sanitize_removes_csi_colour_and_cursor_sequences() {
        assert_eq!(sanitize("a\u{1b}[31mred\u{1b}[0m\u{1b}[2J b"), "ared b");
    }
    #[test]
    fn sanitize_removes_osc_title_and_hyperlink_sequences() {
        assert_eq!(sanitize("x\u{1b}]0;pwned\u{7}y"), "xy");
        assert_eq!(
            sanitize("\u{1b}]8;;http://evil\u{1b}\\link\u{1b}]8;;\u{1b}\\"),
            "link"
        );
    }
    #[test]
    fn sanitize_keeps_newline_and_tab_and_drops_other_controls() {
        assert_eq!(sanitize("a\tb\nc\rd\u{7}e\u{8}f\u{7f}"), "a\tb\ncdef");
    }
    #[test]
    fn sanitize_drops_c1_controls_and_eight_bit_csi() {
        assert_eq!(sanitize("a\u{9b}31mb\u{85}c"), "abc");
    }
    #[test]
    fn sanitize_drops_bidi_overrides() {
        assert_eq!(sanitize("abc\u{202e}fed"), "abcfed");
    }
    #[test]
    fn sanitize_keeps_non_ascii_text() {
        assert_eq!(sanitize("Caffè — 東京 🚀"), "Caffè — 東京 🚀");
    }
}
