//! The keymap parser on arbitrary text, alone and laid over the shipped default keymap.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;
use wortel::tui::keymap::Keymap;

/// Parsed once: parsing it on every input would leave little time for the input itself.
static DEFAULT: LazyLock<Keymap> =
    LazyLock::new(|| Keymap::builtin("default").expect("the default keymap loads"));

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(e) = Keymap::parse("keymap.toml", text) {
        let message = e.to_string();
        assert!(
            !message.is_empty() && !message.chars().any(char::is_control),
            "{message:?}"
        );
    }
    let mut base = DEFAULT.clone();
    if let Err(e) = base.lay_over("keymap.toml", text) {
        assert!(!e.to_string().chars().any(char::is_control), "{e}");
    }
});
