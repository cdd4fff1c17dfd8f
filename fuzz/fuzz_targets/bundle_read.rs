//! The bundle reader on arbitrary bytes, without a pinned key and with one: it must refuse
//! what is not a bundle with one sentence, never panic or run out of memory.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wortel::bundle::{SecretKey, read_bundle};

fuzz_target!(|data: &[u8]| {
    let key = SecretKey([7; 32]).public();
    for key in [None, Some(&key)] {
        if let Err(e) = read_bundle(data, key) {
            let message = e.to_string();
            assert!(!message.is_empty() && !message.contains('\n'), "{message:?}");
        }
    }
});
