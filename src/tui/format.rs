//! Short text for times and numbers in narrow columns.

use jiff::Timestamp;
use jiff::tz::TimeZone;

/// "in 5h", "2d late", "now": how far `t` is from `now`, in the largest unit that fits.
pub fn relative(now: Timestamp, t: Timestamp) -> String {
    let secs = t.as_second() - now.as_second();
    let abs = secs.unsigned_abs();
    let amount = if abs < 60 {
        return "now".to_string();
    } else if abs < 3_600 {
        format!("{}m", abs / 60)
    } else if abs < 48 * 3_600 {
        format!("{}h", abs / 3_600)
    } else {
        format!("{}d", abs / 86_400)
    };
    if secs < 0 {
        format!("{amount} late")
    } else {
        format!("in {amount}")
    }
}

/// What a next-step date means today: "2026-11-30 (in 7d)", "2026-11-20 (3d overdue)",
/// "today"; the bool is true when it needs attention (overdue, or nothing planned).
pub fn next_step(date: Option<jiff::civil::Date>, today: jiff::civil::Date) -> (String, bool) {
    match date {
        None => ("no next step planned".to_string(), true),
        Some(d) => {
            let days = (d - today).get_days();
            match days {
                0 => (format!("next step today ({d})"), false),
                n if n < 0 => (format!("next step {d} ({}d overdue)", -n), true),
                n => (format!("next step {d} (in {n}d)"), false),
            }
        }
    }
}

/// "2026-11-23 14:05" in the local zone.
pub fn local_minute(t: Timestamp, tz: &TimeZone) -> String {
    t.to_zoned(tz.clone())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

/// 35245 → "35,245".
pub fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Cuts `text` to `width` characters, ending in "…" when cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut s: String = text.chars().take(width - 1).collect();
    s.push('…');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_times_read_naturally() {
        let now: Timestamp = "2026-11-23T09:00:00Z".parse().unwrap();
        let at = |s: &str| s.parse::<Timestamp>().unwrap();
        assert_eq!(relative(now, at("2026-11-23T14:00:00Z")), "in 5h");
        assert_eq!(relative(now, at("2026-11-21T09:00:00Z")), "2d late");
        assert_eq!(relative(now, at("2026-11-23T08:30:00Z")), "30m late");
        assert_eq!(relative(now, now), "now");
    }

    #[test]
    fn numbers_and_cuts() {
        assert_eq!(thousands(35245), "35,245");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(fit("Transport Jansen", 9), "Transpor…");
        assert_eq!(fit("abc", 9), "abc");
    }
}
