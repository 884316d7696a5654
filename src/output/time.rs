//! Times on a terminal: "3h ago".

use jiff::Timestamp;

/// How a time cell is written: relative on a terminal table, RFC 3339 elsewhere.
#[derive(Debug, Clone, Copy)]
pub(super) enum TimeStyle {
    Relative(Timestamp),
    Rfc3339,
}

/// "just now", "5m ago", "3h ago", "2d ago", or the date for anything older than 30 days;
/// "in 5m" for the future.
pub fn relative_time(ts: Timestamp, now: Timestamp) -> String {
    let seconds = now.as_second() - ts.as_second();
    let (future, seconds) = (seconds < 0, seconds.unsigned_abs());
    let amount = match seconds {
        0..45 => return "just now".into(),
        45..3600 => format!("{}m", (seconds + 30) / 60),
        3600..86_400 => format!("{}h", seconds / 3600),
        86_400..2_592_000 => format!("{}d", seconds / 86_400),
        _ => return ts.strftime("%Y-%m-%d").to_string(),
    };
    if future {
        format!("in {amount}")
    } else {
        format!("{amount} ago")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn relative_time_rounds_to_the_largest_unit() {
        let now: Timestamp = "2026-01-31T12:00:00Z".parse().unwrap();
        let at = |s: &str| relative_time(s.parse().unwrap(), now);
        assert_eq!(at("2026-01-31T11:59:50Z"), "just now");
        assert_eq!(at("2026-01-31T11:55:00Z"), "5m ago");
        assert_eq!(at("2026-01-31T09:00:00Z"), "3h ago");
        assert_eq!(at("2026-01-29T12:00:00Z"), "2d ago");
        assert_eq!(at("2025-11-01T12:00:00Z"), "2025-11-01");
        assert_eq!(at("2026-01-31T12:10:00Z"), "in 10m");
    }
}
