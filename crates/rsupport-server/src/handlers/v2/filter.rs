//! The filter language of `cases.list` (`filter`) and `cases.search` (`query`), as the API
//! documents it: restrictions `state=OPEN|CLOSED`, `priority=P0…P4` (several joined with `OR`),
//! `update_time>"RFC 3339 time"`, and for search `organization=`/`project=` and free text (a
//! global restriction: words searched in title, description and comments), joined with `AND`
//! (or by juxtaposition); `OR` binds tighter than `AND`, parentheses group. `creator.email` is
//! part of Google's grammar but not served here: refused, naming it.

use jiff::{SignedDuration, Timestamp};

use super::V2Error;
use super::wire;
use crate::rules;
use rsupport_api::types::{Severity, StateFilter};

/// Which method's grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grammar {
    /// `cases.list`'s `filter`: state, priority, update time.
    List,
    /// `cases.search`'s `query`: also parents and free text.
    Search,
}

/// What a filter asks for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CaseQuery {
    pub state: Option<StateFilter>,
    pub priorities: Vec<Severity>,
    /// Lowercase words (see [`rules::keywords`]).
    pub keywords: Vec<String>,
    /// Cases updated strictly after this time.
    pub updated_after: Option<Timestamp>,
    /// `project=` or `organization=` (the name, e.g. `projects/acme`).
    pub parent: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Open,
    Close,
    Op(&'static str),
    Word(String),
    Quoted(String),
}

#[derive(Debug, Clone, PartialEq)]
enum Node {
    And(Vec<Node>),
    Or(Vec<Node>),
    Compare {
        field: String,
        op: &'static str,
        value: String,
    },
    Text(String),
}

fn invalid(parameter: &str, why: impl std::fmt::Display) -> V2Error {
    V2Error::invalid(format!("invalid {parameter}: {why}"))
}

fn tokenize(text: &str, parameter: &str) -> Result<Vec<Token>, V2Error> {
    let mut tokens = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        match c {
            c if c.is_whitespace() => {
                chars.next();
            }
            '(' => {
                chars.next();
                tokens.push(Token::Open);
            }
            ')' => {
                chars.next();
                tokens.push(Token::Close);
            }
            '=' => {
                chars.next();
                tokens.push(Token::Op("="));
            }
            '>' | '<' | '!' | ':' => {
                chars.next();
                let op = match (c, chars.peek()) {
                    ('>', Some(&'=')) | ('<', Some(&'=')) | ('!', Some(&'=')) => {
                        chars.next();
                        return Err(invalid(
                            parameter,
                            format!(
                                "the operator '{c}=' is not supported: use = (or > for update_time)"
                            ),
                        ));
                    }
                    ('>', _) => ">",
                    _ => {
                        return Err(invalid(
                            parameter,
                            format!(
                                "the operator '{c}' is not supported: use = (or > for update_time)"
                            ),
                        ));
                    }
                };
                tokens.push(Token::Op(op));
            }
            '"' => {
                chars.next();
                let mut value = String::new();
                let mut closed = false;
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            if let Some(next) = chars.next() {
                                value.push(next);
                            }
                        }
                        '"' => {
                            closed = true;
                            break;
                        }
                        c => value.push(c),
                    }
                }
                if !closed {
                    return Err(invalid(parameter, "a quoted string is not closed"));
                }
                tokens.push(Token::Quoted(value));
            }
            _ => {
                let mut word = String::new();
                while let Some(&c) = chars.peek() {
                    if c.is_whitespace() || "()=<>!:\"".contains(c) {
                        break;
                    }
                    word.push(c);
                    chars.next();
                }
                tokens.push(Token::Word(word));
            }
        }
    }
    Ok(tokens)
}

struct Parser<'a> {
    tokens: Vec<Token>,
    at: usize,
    parameter: &'a str,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn next(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.at).cloned();
        self.at += 1;
        token
    }

    fn is_keyword(&self, keyword: &str) -> bool {
        matches!(self.peek(), Some(Token::Word(w)) if w == keyword)
    }

    /// expression := term (["AND"] term)*
    fn expression(&mut self) -> Result<Node, V2Error> {
        let mut terms = vec![self.term()?];
        loop {
            match self.peek() {
                None | Some(Token::Close) => break,
                _ if self.is_keyword("AND") => {
                    self.next();
                    terms.push(self.term()?);
                }
                _ => terms.push(self.term()?),
            }
        }
        Ok(if terms.len() == 1 {
            terms.remove(0)
        } else {
            Node::And(terms)
        })
    }

    /// term := factor ("OR" factor)*
    fn term(&mut self) -> Result<Node, V2Error> {
        let mut factors = vec![self.factor()?];
        while self.is_keyword("OR") {
            self.next();
            factors.push(self.factor()?);
        }
        Ok(if factors.len() == 1 {
            factors.remove(0)
        } else {
            Node::Or(factors)
        })
    }

    /// factor := "(" expression ")" | NAME OP VALUE | TEXT
    fn factor(&mut self) -> Result<Node, V2Error> {
        match self.next() {
            Some(Token::Open) => {
                let inner = self.expression()?;
                match self.next() {
                    Some(Token::Close) => Ok(inner),
                    _ => Err(invalid(self.parameter, "a '(' is not closed")),
                }
            }
            Some(Token::Word(word)) if word == "AND" || word == "OR" => Err(invalid(
                self.parameter,
                format!("{word} needs a restriction on each side"),
            )),
            Some(Token::Word(word)) => match self.peek() {
                Some(Token::Op(op)) => {
                    let op = *op;
                    self.next();
                    let value = match self.next() {
                        Some(Token::Word(v)) | Some(Token::Quoted(v)) => v,
                        _ => {
                            return Err(invalid(
                                self.parameter,
                                format!("'{word}{op}' needs a value"),
                            ));
                        }
                    };
                    Ok(Node::Compare {
                        field: word,
                        op,
                        value,
                    })
                }
                _ => Ok(Node::Text(word)),
            },
            Some(Token::Quoted(text)) => Ok(Node::Text(text)),
            Some(Token::Close) => Err(invalid(self.parameter, "a ')' has no '('")),
            Some(Token::Op(op)) => Err(invalid(
                self.parameter,
                format!("'{op}' needs a field name before it"),
            )),
            None => Err(invalid(self.parameter, "the expression ends too early")),
        }
    }
}

fn flatten_and(node: Node, out: &mut Vec<Node>) {
    match node {
        Node::And(nodes) => nodes.into_iter().for_each(|n| flatten_and(n, out)),
        other => out.push(other),
    }
}

fn priority_value(parameter: &str, value: &str) -> Result<Severity, V2Error> {
    wire::severity_of(value).ok_or_else(|| {
        invalid(
            parameter,
            format!(
                "priority '{}' is not one of {}",
                value.escape_default(),
                wire::PRIORITIES.join(", ")
            ),
        )
    })
}

/// Parses `text` (the `filter` or `query` parameter, named `parameter` in errors).
pub fn parse(text: &str, parameter: &str, grammar: Grammar) -> Result<CaseQuery, V2Error> {
    let mut query = CaseQuery::default();
    let tokens = tokenize(text, parameter)?;
    if tokens.is_empty() {
        return Ok(query);
    }
    let mut parser = Parser {
        tokens,
        at: 0,
        parameter,
    };
    let root = parser.expression()?;
    if parser.peek().is_some() {
        return Err(invalid(parameter, "a ')' has no '('"));
    }
    let mut conjuncts = Vec::new();
    flatten_and(root, &mut conjuncts);
    let mut priorities_given = false;
    for node in conjuncts {
        match node {
            Node::Or(alternatives) => {
                if priorities_given {
                    return Err(invalid(
                        parameter,
                        "priority is restricted twice: join its values with OR in one group",
                    ));
                }
                priorities_given = true;
                for alternative in alternatives {
                    match alternative {
                        Node::Compare {
                            field,
                            op: "=",
                            value,
                        } if field == "priority" => {
                            let severity = priority_value(parameter, &value)?;
                            if !query.priorities.contains(&severity) {
                                query.priorities.push(severity);
                            }
                        }
                        _ => {
                            return Err(invalid(
                                parameter,
                                "OR joins only priority restrictions, e.g. (priority=P1 OR priority=P2)",
                            ));
                        }
                    }
                }
            }
            Node::Compare { field, op, value } => match (field.as_str(), op) {
                ("state", "=") => {
                    if query.state.is_some() {
                        return Err(invalid(parameter, "state is restricted twice"));
                    }
                    query.state = Some(match value.as_str() {
                        "OPEN" => StateFilter::Open,
                        "CLOSED" => StateFilter::Only(rsupport_api::types::CaseState::Closed),
                        other => {
                            return Err(invalid(
                                parameter,
                                format!(
                                    "state '{}' is not OPEN or CLOSED (the values this filter takes)",
                                    other.escape_default()
                                ),
                            ));
                        }
                    });
                }
                ("priority", "=") => {
                    if priorities_given {
                        return Err(invalid(
                            parameter,
                            "priority is restricted twice: join its values with OR in one group",
                        ));
                    }
                    priorities_given = true;
                    query.priorities.push(priority_value(parameter, &value)?);
                }
                ("update_time" | "updateTime", ">") => {
                    let time: Timestamp = value.parse().map_err(|_| {
                        invalid(
                            parameter,
                            format!(
                                "update_time '{}' is not an RFC 3339 time such as 2026-01-01T00:00:00-05:00",
                                value.escape_default()
                            ),
                        )
                    })?;
                    // strictly after: our list filter is "at or after"
                    query.updated_after = Some(
                        time.checked_add(SignedDuration::from_micros(1))
                            .unwrap_or(time),
                    );
                }
                ("update_time" | "updateTime", _) => {
                    return Err(invalid(parameter, "update_time takes only >"));
                }
                ("organization" | "project", "=") if grammar == Grammar::Search => {
                    let prefix = if field == "project" {
                        "projects/"
                    } else {
                        "organizations/"
                    };
                    if !value.starts_with(prefix) {
                        return Err(invalid(
                            parameter,
                            format!(
                                "{field} must be a name such as {prefix}…, not '{}'",
                                value.escape_default()
                            ),
                        ));
                    }
                    if query.parent.replace(value).is_some() {
                        return Err(invalid(
                            parameter,
                            "give one organization or project, not several",
                        ));
                    }
                }
                ("creator.email", _) => {
                    return Err(invalid(
                        parameter,
                        "creator.email is not supported by this server: filter on state, priority and update_time",
                    ));
                }
                _ => {
                    let known = match grammar {
                        Grammar::List => "state, priority and update_time",
                        Grammar::Search => {
                            "organization, project, state, priority, update_time and free text"
                        }
                    };
                    return Err(invalid(
                        parameter,
                        format!("'{field}{op}' is not a restriction it takes: it takes {known}"),
                    ));
                }
            },
            Node::Text(text) => {
                if grammar == Grammar::List {
                    return Err(invalid(
                        parameter,
                        format!(
                            "'{}' is free text, which only cases:search takes (as its query): a filter takes state, priority and update_time restrictions",
                            text.escape_default()
                        ),
                    ));
                }
                let words = rules::keywords(&text);
                if words.is_empty() {
                    return Err(invalid(
                        parameter,
                        format!(
                            "'{}' has no letter or digit to search for",
                            text.escape_default()
                        ),
                    ));
                }
                query.keywords.extend(words);
            }
            Node::And(_) => unreachable!("flattened above"),
        }
    }
    query.priorities.sort();
    query.keywords.dedup();
    Ok(query)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rsupport_api::types::CaseState;

    fn search(text: &str) -> CaseQuery {
        parse(text, "query", Grammar::Search).unwrap()
    }

    #[test]
    fn the_documented_examples_parse() {
        let q = search(r#"project="projects/acme" AND state=CLOSED"#);
        assert_eq!(q.parent.as_deref(), Some("projects/acme"));
        assert_eq!(q.state, Some(StateFilter::Only(CaseState::Closed)));
        let q = search(r#"organization="organizations/1" AND (priority=P0 OR priority=P1)"#);
        assert_eq!(q.priorities, vec![Severity::P0, Severity::P1]);
        let q = search("state=OPEN AND priority=P2 OR priority=P3");
        assert_eq!(q.state, Some(StateFilter::Open));
        assert_eq!(q.priorities, vec![Severity::P2, Severity::P3]);
        let q = search(r#"update_time>"2020-01-01T00:00:00-05:00""#);
        assert_eq!(
            q.updated_after,
            Some("2020-01-01T05:00:00.000001Z".parse().unwrap())
        );
    }

    #[test]
    fn free_text_is_a_keyword_search_in_search_only() {
        let q = search(r#"project=projects/acme "mail bounces" relay"#);
        assert_eq!(q.keywords, vec!["mail", "bounces", "relay"]);
        let err = parse("mail", "filter", Grammar::List).unwrap_err();
        assert!(err.message.contains("cases:search"), "{}", err.message);
    }

    #[test]
    fn what_is_not_served_is_refused_naming_it() {
        for (text, says) in [
            (r#"creator.email="a@b.example""#, "creator.email"),
            ("state=NEW", "OPEN or CLOSED"),
            ("priority=P9", "P0, P1, P2, P3, P4"),
            ("state=OPEN OR priority=P1", "OR joins only priority"),
            ("(state=OPEN", "not closed"),
            ("displayName=x", "not a restriction"),
            ("update_time>=\"2020-01-01T00:00:00Z\"", "'>='"),
        ] {
            let err = parse(text, "query", Grammar::Search).unwrap_err();
            assert!(err.message.contains(says), "{text}: {}", err.message);
            assert!(err.message.contains("query"), "{text}: {}", err.message);
        }
    }

    #[test]
    fn an_empty_filter_is_no_filter() {
        assert_eq!(
            parse("  ", "filter", Grammar::List).unwrap(),
            CaseQuery::default()
        );
    }
}
