//! `y` copies a phone number or an e-mail address: to the terminal's clipboard with an OSC 52
//! sequence that wortel writes itself (only the text the user chose, control characters taken
//! out, base64-encoded so nothing in it can reach the terminal as a command), and to tmux's
//! paste buffer when running inside tmux, where OSC 52 may be switched off.

use base64::Engine;
use std::io::Write;

/// The text as it may go to a clipboard: one line, no control characters.
pub fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim()
        .to_string()
}

/// The OSC 52 sequence that puts `text` on the clipboard ("c").
pub fn osc52(text: &str) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(clean(text));
    format!("\x1b]52;c;{encoded}\x07")
}

/// Writes the sequence to the terminal and, inside tmux, sets tmux's buffer too. Failures are
/// the terminal's business: a terminal without OSC 52 simply ignores it.
pub fn copy(out: &mut impl Write, text: &str) -> std::io::Result<()> {
    out.write_all(osc52(text).as_bytes())?;
    out.flush()?;
    if std::env::var_os("TMUX").is_some_and(|v| !v.is_empty()) {
        let _ = std::process::Command::new("tmux")
            .args(["set-buffer", "--", &clean(text)])
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sequence_carries_only_the_chosen_text_base64_encoded() {
        // "+31 6 12345678" in base64.
        assert_eq!(
            osc52("+31 6 12345678"),
            "\x1b]52;c;KzMxIDYgMTIzNDU2Nzg=\x07"
        );
        // An escape sequence hidden in a stored phone number never reaches the clipboard.
        assert_eq!(clean("+31\x1b]0;evil\x07 6\n1"), "+31]0;evil 6 1");
        let seq = osc52("a\x1bb");
        assert_eq!(seq.matches('\x1b').count(), 1, "only our own ESC: {seq:?}");
        let mut out = Vec::new();
        copy(&mut out, "ton@jansen.nl").unwrap();
        assert_eq!(out, osc52("ton@jansen.nl").into_bytes());
    }
}
