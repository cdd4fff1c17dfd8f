//! The theme parser on arbitrary text, with and without a user theme to inherit from.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wortel::tui::theme::Theme;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let parent = |name: &str| (name == "mine").then(|| Theme::builtin("light")).flatten();
    for parents in [&(|_: &str| None) as &dyn Fn(&str) -> Option<Theme>, &parent] {
        if let Err(e) = Theme::parse("themes/fuzz.toml", text, parents) {
            let message = e.to_string();
            assert!(
                !message.is_empty() && !message.chars().any(char::is_control),
                "{message:?}"
            );
        }
    }
});
