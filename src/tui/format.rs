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

/// "1 lead", "8,540 leads": the count grouped as the inbox header groups it.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
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

/// Breaks `text` into lines of at most `width` characters at spaces; a word longer than a line
/// is split. Always at least one line, so an empty text still takes its row.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in text.split(' ') {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > width {
            if len > 0 {
                lines.push(std::mem::take(&mut line));
                len = 0;
            }
            lines.push(word.drain(..width).collect());
        }
        let need = if len == 0 {
            word.len()
        } else {
            len + 1 + word.len()
        };
        if need > width {
            lines.push(std::mem::take(&mut line));
            len = 0;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        line.extend(word.iter());
        len += word.len();
    }
    if len > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// A name cut to `width` that keeps what tells it apart: when `name` does not fit, its start
/// and the `place` (the city) are shown, "Wassink Distr… Deventer", so two branches of one
/// company stay two rows a user can tell apart. Without a place, or with no room for one, it
/// is [`fit`].
pub fn fit_name(name: &str, place: &str, width: usize) -> String {
    let n = name.chars().count();
    let p = place.chars().count();
    if n <= width || p == 0 || p + 1 + 6 > width {
        return fit(name, width);
    }
    // The name may already end in the place ("Bos Transport Zwolle"): keep that tail.
    let head = name
        .strip_suffix(place)
        .map(str::trim_end)
        .filter(|h| !h.is_empty())
        .unwrap_or(name);
    format!("{} {place}", fit(head, width - p - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_and_take_the_noun_they_need() {
        assert_eq!(counted(1, "lead", "leads"), "1 lead");
        assert_eq!(counted(8540, "lead", "leads"), "8,540 leads");
        assert_eq!(counted(0, "replacement", "replacements"), "0 replacements");
    }

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

    #[test]
    fn wrapping_breaks_at_spaces_and_splits_long_words() {
        assert_eq!(
            wrap("order won at € 95.000", 10),
            vec!["order won", "at €", "95.000"]
        );
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 5), vec![""]);
        let long = "accepted HQ-2026-000210 (Transport Hoekstra B.V.) · u undoes";
        for w in [1, 7, 20, 80] {
            let lines = wrap(long, w);
            assert!(
                lines.iter().all(|l| l.chars().count() <= w),
                "{w}: {lines:?}"
            );
            let rejoined: String = lines.concat().chars().filter(|c| *c != ' ').collect();
            let original: String = long.chars().filter(|c| *c != ' ').collect();
            assert_eq!(rejoined, original, "nothing lost at width {w}");
        }
        assert_eq!(wrap(long, 80).join(" "), long);
    }

    #[test]
    fn a_cut_name_keeps_its_city() {
        let a = fit_name("Wassink Distributie B.V.", "Deventer", 20);
        let b = fit_name("Wassink Distributie B.V.", "Zwolle", 20);
        assert_eq!(a, "Wassink Di… Deventer");
        assert_eq!(b, "Wassink Dist… Zwolle");
        assert!(a.chars().count() <= 20 && b.chars().count() <= 20);
        assert_eq!(fit_name("Bos B.V.", "Zwolle", 20), "Bos B.V.");
        assert_eq!(
            fit_name("Transport Zwolle Noord Zwolle", "Zwolle", 16),
            "Transpor… Zwolle"
        );
        assert_eq!(fit_name("Wassink Distributie B.V.", "", 10), "Wassink D…");
        assert_eq!(
            fit_name("Wassink Distributie B.V.", "'s-Hertogenbosch", 16),
            "Wassink Distrib…"
        );
    }
}
