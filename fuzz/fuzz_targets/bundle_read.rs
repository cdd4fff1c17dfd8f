//! The bundle reader on arbitrary bytes, without a pinned key and with one (the demo head
//! office's key for seed 3, which signed `seeds/bundle_read/leads_signed.zip`): it must refuse
//! what is not a bundle with one sentence, never panic or run out of memory.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wortel::bundle::read_bundle;
use wortel::demo::bundle::head_office_key;

fuzz_target!(|data: &[u8]| {
    let key = head_office_key(3).public();
    for key in [None, Some(&key)] {
        if let Err(e) = read_bundle(data, key) {
            let message = e.to_string();
            assert!(!message.is_empty(), "an empty error");
            assert!(!message.chars().any(char::is_control), "{message:?}");
        }
    }
});
