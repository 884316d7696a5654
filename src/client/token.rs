//! A bearer token that never shows itself, and the shape every token must have.

use std::fmt;

/// A bearer token. Its `Debug` and `Display` never show it; [`Token::expose`] does.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

/// Why text is not a usable token. It never holds the token, so it can be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    /// Nothing but whitespace.
    #[error("the token is empty")]
    Empty,
    /// A character no bearer token has: it would break the Authorization header, or stand for
    /// a paste that went wrong (two lines, a terminal escape).
    #[error(
        "character {position} of the token is {what}; a token is visible ASCII only (no spaces or control characters)"
    )]
    Malformed {
        /// 1-based, counted in characters of the trimmed token.
        position: usize,
        what: &'static str,
    },
}

impl Token {
    /// A token from text, trimmed of surrounding whitespace. Only visible ASCII (0x21–0x7E) is
    /// left: anything else is refused here, where the token enters, rather than sent.
    pub fn new(text: &str) -> Result<Token, TokenError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(TokenError::Empty);
        }
        if let Some((index, c)) = text
            .chars()
            .enumerate()
            .find(|(_, c)| !c.is_ascii_graphic())
        {
            return Err(TokenError::Malformed {
                position: index + 1,
                what: describe(c),
            });
        }
        Ok(Token(text.to_string()))
    }

    /// The token itself, for the Authorization header and `auth token`.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// What kind of character it is, without saying which (it is part of a secret).
fn describe(c: char) -> &'static str {
    match c {
        '\n' | '\r' => "a line break",
        '\u{1b}' => "an escape character",
        c if c.is_control() => "a control character",
        c if c.is_whitespace() => "a space",
        _ => "a non-ASCII character",
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surrounding_whitespace_is_trimmed() {
        assert_eq!(
            Token::new(" \tabc-123_=.~+/\r\n").unwrap().expose(),
            "abc-123_=.~+/"
        );
    }

    #[test]
    fn blank_text_is_empty() {
        assert_eq!(Token::new(" \n "), Err(TokenError::Empty));
    }

    #[test]
    fn a_character_outside_visible_ascii_is_named_by_kind_and_position() {
        let cases = [
            ("ab\ncd", 3, "a line break"),
            ("ab\u{1b}[2Jcd", 3, "an escape character"),
            ("a\u{7}b", 2, "a control character"),
            ("a\u{7f}b", 2, "a control character"),
            ("ab cd", 3, "a space"),
            ("abé", 3, "a non-ASCII character"),
            ("a\u{9b}b", 2, "a control character"),
        ];
        for (text, position, what) in cases {
            assert_eq!(
                Token::new(text),
                Err(TokenError::Malformed { position, what }),
                "{text:?}"
            );
        }
    }

    #[test]
    fn the_error_never_holds_the_token() {
        let err = Token::new("secret\nvalue").unwrap_err().to_string();
        assert!(!err.contains("secret") && !err.contains("value"), "{err}");
    }
}
