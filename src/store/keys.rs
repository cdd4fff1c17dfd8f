//! Byte encodings for keys, chosen so that sled's byte order is the order the screens want.

use jiff::Timestamp;

/// Microseconds since the epoch, sign bit flipped, big-endian: sorts like the timestamps.
pub fn time(t: Timestamp) -> [u8; 8] {
    let micros = t.as_microsecond();
    ((micros as u64) ^ (1 << 63)).to_be_bytes()
}

/// Reads back what `time` wrote.
#[cfg(test)]
pub fn read_time(bytes: &[u8]) -> Option<Timestamp> {
    let arr: [u8; 8] = bytes.get(..8)?.try_into().ok()?;
    let micros = (u64::from_be_bytes(arr) ^ (1 << 63)) as i64;
    Timestamp::from_microsecond(micros).ok()
}

/// Concatenates key parts.
pub fn join(parts: &[&[u8]]) -> Vec<u8> {
    let mut v = Vec::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        v.extend_from_slice(p);
    }
    v
}

/// The 16 id bytes at the end of an index key.
pub fn trailing_id(key: &[u8]) -> Option<[u8; 16]> {
    key.len()
        .checked_sub(16)
        .and_then(|start| key[start..].try_into().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_bytes_sort_like_time_and_round_trip() {
        let a: Timestamp = "1969-12-31T23:59:59Z".parse().unwrap();
        let b: Timestamp = "2026-11-20T10:00:00Z".parse().unwrap();
        let c: Timestamp = "2026-11-20T10:00:00.000001Z".parse().unwrap();
        assert!(time(a) < time(b) && time(b) < time(c));
        assert_eq!(read_time(&time(b)), Some(b));
        assert_eq!(read_time(&time(a)), Some(a));
    }
}
