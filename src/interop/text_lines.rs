//! The line rules iCalendar and vCard share: text escaped (`\\`, `;`, `,`, newlines), lines
//! folded at 75 octets without splitting a UTF-8 character, CRLF line ends.

/// Escapes a text value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded at 75 octets (continuations start with a space) and a CRLF.
pub fn push_folded(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_and_folding_follow_the_rfcs() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let mut out = String::new();
        push_folded(&mut out, &format!("NOTE:{}", "é".repeat(60)));
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        assert!(out.ends_with("\r\n"));
        assert_eq!(
            out.replace("\r\n ", "").trim_end(),
            format!("NOTE:{}", "é".repeat(60))
        );
    }
}
