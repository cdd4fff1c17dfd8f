//! Text rules shared by every record: required fields, length caps, and the normalised form used
//! to match names (so "Transport Jansen B.V." and "transport jansen bv" are the same account).

use super::error::{DomainError, invalid_field};

/// Longest free-text field the store accepts (notes); longer input is refused, not truncated.
pub const MAX_NOTE_LEN: usize = 10_000;
/// Longest name-like field (names, cities, titles).
pub const MAX_FIELD_LEN: usize = 200;

/// Checks a required one-line field: present, not blank, not too long.
pub fn required(field: &str, value: &str) -> Result<(), DomainError> {
    if value.trim().is_empty() {
        return Err(invalid_field(
            field,
            format!("{field} is required; give a non-empty {field}"),
        ));
    }
    max_len(field, value, MAX_FIELD_LEN)
}

/// Checks an optional field's length.
pub fn max_len(field: &str, value: &str, max: usize) -> Result<(), DomainError> {
    let n = value.chars().count();
    if n > max {
        return Err(invalid_field(
            field,
            format!("{field} is {n} characters long; shorten it to at most {max}"),
        ));
    }
    Ok(())
}

/// Lower-case, accents folded, punctuation dropped, single spaces, and common Dutch legal-form
/// suffixes (B.V., N.V., V.O.F., C.V.) removed: the key under which accounts are matched.
pub fn normalise_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut last_space = true;
    for ch in name.chars() {
        let folded = fold_accent(ch);
        for c in folded.to_lowercase() {
            if c.is_alphanumeric() {
                out.push(c);
                last_space = false;
            } else if (c.is_whitespace() || c == '-' || c == '&' || c == '/') && !last_space {
                out.push(' ');
                last_space = true;
            }
            // other punctuation (dots in "B.V.") is dropped without a space
        }
    }
    let mut words: Vec<&str> = out.split_whitespace().collect();
    while let Some(last) = words.last() {
        if matches!(*last, "bv" | "nv" | "vof" | "cv" | "bva") && words.len() > 1 {
            words.pop();
        } else {
            break;
        }
    }
    words.join(" ")
}

fn fold_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'ä' | 'â' | 'ã' | 'å' => 'a',
        'Á' | 'À' | 'Ä' | 'Â' | 'Ã' | 'Å' => 'A',
        'é' | 'è' | 'ë' | 'ê' => 'e',
        'É' | 'È' | 'Ë' | 'Ê' => 'E',
        'í' | 'ì' | 'ï' | 'î' => 'i',
        'Í' | 'Ì' | 'Ï' | 'Î' => 'I',
        'ó' | 'ò' | 'ö' | 'ô' | 'õ' => 'o',
        'Ó' | 'Ò' | 'Ö' | 'Ô' | 'Õ' => 'O',
        'ú' | 'ù' | 'ü' | 'û' => 'u',
        'Ú' | 'Ù' | 'Ü' | 'Û' => 'U',
        'ç' => 'c',
        'Ç' => 'C',
        'ñ' => 'n',
        'Ñ' => 'N',
        'ÿ' => 'y',
        _ => c,
    }
}

/// A postcode as accounts are matched on it: spaces dropped, upper case ("3542 ad" = "3542AD").
pub fn postcode_key(postcode: &str) -> String {
    postcode
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// A KvK (chamber of commerce) number is exactly eight digits; spaces are tolerated on input.
pub fn normalise_kvk(kvk: &str) -> Result<String, DomainError> {
    let digits: String = kvk.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() == 8 && digits.chars().all(|c| c.is_ascii_digit()) {
        Ok(digits)
    } else {
        Err(invalid_field(
            "kvk",
            format!(
                "KvK number `{kvk}` is not eight digits; give the 8-digit chamber of commerce number"
            ),
        ))
    }
}

/// Text on its way to a terminal, whatever its source: the last line of defence after the store
/// boundary has cleaned what came in. Control characters and escape sequences cannot reach the
/// terminal (line breaks and tabs become spaces, other controls are dropped), and characters that
/// would reorder or hide text (bidi overrides such as U+202E, zero-width characters) are shown as
/// a visible `<U+202E>` instead of being obeyed. Plain text is returned as it is, without a copy.
pub fn displayable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text
        .chars()
        .any(|c| c.is_control() || is_invisible_format(c))
    {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(c, '\n' | '\r' | '\t') {
            out.push(' ');
        } else if is_invisible_format(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else if !c.is_control() {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Bidirectional controls and zero-width characters: invisible, yet they change what is shown.
pub fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// Text as the dealer's store and head office keep it, whatever it came from: escape sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL/ST`,
/// and their one-character C1 forms) removed whole, line ends made `\n` (a note may have
/// several lines), a tab a space, every other control character dropped.
pub fn stored_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\t' => out.push(' '),
            '\u{1b}' => match chars.next() {
                Some('[') => skip_csi(&mut chars),
                Some(']') | Some('P') | Some('_') | Some('^') => skip_string(&mut chars),
                _ => {}
            },
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{9f}' | '\u{9e}' => skip_string(&mut chars),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Skips a control sequence's parameters up to and including its final byte.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            break;
        }
    }
}

/// Skips an operating-system command (or other string sequence) up to its BEL or ST.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' => {
                chars.next_if_eq(&'\\');
                break;
            }
            _ => {}
        }
    }
}

/// [`stored_text`] on one line (line ends become spaces): names, interests, reasons, and all of
/// a lead head office takes in.
pub fn one_line_text(text: &str) -> String {
    stored_text(text).replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_go_whole_and_one_line_text_has_no_line_ends() {
        assert_eq!(
            one_line_text("Evil\u{1b}[2J\u{1b}]0;pwned\u{7} B.V.\r\nline\ttwo\u{9b}31m!"),
            "Evil B.V. line two!"
        );
        assert_eq!(stored_text("a\r\nb"), "a\nb");
    }

    #[test]
    fn names_match_across_legal_forms_case_and_accents() {
        assert_eq!(normalise_name("Transport Jansen B.V."), "transport jansen");
        assert_eq!(
            normalise_name("  transport   JANSEN bv"),
            "transport jansen"
        );
        assert_eq!(normalise_name("Café Ré & Zn."), "cafe re zn");
        assert_eq!(normalise_name("B.V."), "bv");
    }

    #[test]
    fn required_fields_say_which_field() {
        assert_eq!(
            required("account name", "  ").unwrap_err().to_string(),
            "account name is required; give a non-empty account name"
        );
        assert!(required("city", &"x".repeat(201)).is_err());
    }

    #[test]
    fn kvk_is_eight_digits() {
        assert_eq!(normalise_kvk("1234 5678").unwrap(), "12345678");
        assert!(normalise_kvk("1234567").is_err());
        assert!(normalise_kvk("1234567a").is_err());
    }

    #[test]
    fn displayable_text_cannot_steer_the_terminal_and_shows_hidden_characters() {
        assert!(matches!(
            displayable("Jansen B.V."),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(displayable("x\u{1b}]0;pwned\u{7}\u{1b}[2J"), "x]0;pwned[2J");
        assert_eq!(displayable("a\nb\tc"), "a b c");
        assert_eq!(
            displayable("abc\u{202E}def\u{200B}"),
            "abc<U+202E>def<U+200B>"
        );
        assert_eq!(displayable("\u{9b}31m"), "31m");
    }
}
