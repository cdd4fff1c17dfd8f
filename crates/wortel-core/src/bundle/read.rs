//! Reading a bundle safely: the zip is read from memory, entry names are checked before any
//! entry is read (no `..`, no absolute paths, no links, no duplicates — counted in the zip's
//! own directory, since the zip library keeps only the last of two equal names — nothing
//! unlisted), and the bytes actually decompressed are counted while reading: an entry stops at
//! what it declared, at [`MAX_RATIO`] times its packed size and at the caps, whatever its header
//! says. Then every checksum, record count and the signature are verified. Nothing is extracted
//! to disk.

use super::caps::*;
use super::keys::PublicKey;
use super::manifest::Manifest;
use super::{BundleError, printable};
use std::collections::BTreeMap;
use std::io::{Cursor, Read};

/// What became of the signature.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signature {
    /// Signed, and the pinned key verified it.
    Verified,
    /// Signed, but no key is pinned to check it against.
    Unchecked,
    /// Not signed (allowed only when no key is pinned).
    Unsigned,
}

/// A bundle whose structure, checksums, counts and signature have been verified.
#[derive(Debug)]
pub struct Bundle {
    pub manifest: Manifest,
    pub signature: Signature,
    /// Payload files by name, their exact bytes.
    pub files: BTreeMap<String, Vec<u8>>,
}

impl Bundle {
    /// A payload file's non-empty lines, numbered from 1.
    pub fn lines<'a>(&'a self, name: &str) -> impl Iterator<Item = (usize, &'a [u8])> + 'a {
        self.files
            .get(name)
            .map(|b| b.as_slice())
            .unwrap_or_default()
            .split(|b| *b == b'\n')
            .enumerate()
            .map(|(i, l)| (i + 1, l.strip_suffix(b"\r").unwrap_or(l)))
            .filter(|(_, l)| !l.iter().all(u8::is_ascii_whitespace))
    }
}

/// Reads and verifies a bundle. With `key`, the bundle must carry a signature that key made.
pub fn read_bundle(bytes: &[u8], key: Option<&PublicKey>) -> Result<Bundle, BundleError> {
    let mut zip = open_zip(bytes)?;
    // Names first: nothing is decompressed before every name is known to be safe.
    let index = entry_index(&mut zip, bytes)?;
    let mut reader = EntryReader {
        zip,
        index,
        total: 0,
    };
    if !reader.index.contains_key("manifest.json") {
        return Err(BundleError::new(
            "the bundle has no manifest.json; it is not a wortel bundle",
        ));
    }
    let manifest_bytes = reader.read("manifest.json", MAX_MANIFEST_BYTES)?;
    let manifest = Manifest::parse(&manifest_bytes)?;
    refuse_unlisted(&reader.index, &manifest)?;
    let signature = check_signature(&mut reader, &manifest_bytes, key)?;
    let mut files = BTreeMap::new();
    for f in &manifest.files {
        let bytes = read_payload(&mut reader, f)?;
        files.insert(f.name.clone(), bytes);
    }
    Ok(Bundle {
        manifest,
        signature,
        files,
    })
}

fn open_zip(bytes: &[u8]) -> Result<zip::ZipArchive<Cursor<&[u8]>>, BundleError> {
    if bytes.is_empty() {
        return Err(BundleError::new("the file is empty; it is not a bundle"));
    }
    if bytes.len() as u64 > MAX_BUNDLE_BYTES {
        return Err(BundleError::new(format!(
            "the file is larger than {} MiB, more than any bundle may be; split it or ask head office",
            MAX_BUNDLE_BYTES / 1024 / 1024
        )));
    }
    let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| {
        BundleError::new("the file is not a readable zip archive; it is not a bundle, or it is damaged: ask for it again")
    })?;
    if zip.len() > MAX_ENTRIES {
        return Err(BundleError::new(format!(
            "the bundle holds {} entries, more than the {MAX_ENTRIES} a bundle may; it is not a wortel bundle",
            zip.len()
        )));
    }
    Ok(zip)
}

/// Every entry's name, checked to be a plain file name, with its index in the zip.
fn entry_index(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    bytes: &[u8],
) -> Result<BTreeMap<String, usize>, BundleError> {
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|_| {
            BundleError::new(format!(
                "entry {} of the zip cannot be read; the bundle is damaged, ask for it again",
                i + 1
            ))
        })?;
        let name = std::str::from_utf8(entry.name_raw())
            .map_err(|_| BundleError::new("an entry name is not UTF-8; the bundle is damaged or crafted, ask for it again"))?
            .to_string();
        check_entry_name(&name, entry.is_dir(), entry.unix_mode())?;
        if index.insert(name.clone(), i).is_some() {
            return Err(twice(&name));
        }
    }
    // The zip library keeps one entry per name; the directory itself says how many there are.
    let listed = directory_names(bytes);
    if listed.len() != index.len() {
        let mut seen = std::collections::BTreeSet::new();
        let name = listed
            .iter()
            .find(|n| !seen.insert(n.as_str()))
            .cloned()
            .unwrap_or_default();
        return Err(twice(&name));
    }
    Ok(index)
}

fn twice(name: &str) -> BundleError {
    BundleError::new(format!(
        "the bundle holds \"{}\" twice; it is refused, ask head office for a clean bundle",
        printable(name)
    ))
}

fn check_entry_name(name: &str, is_dir: bool, mode: Option<u32>) -> Result<(), BundleError> {
    let shown = printable(name);
    if name.contains("..")
        || name.starts_with('/')
        || name.starts_with('\\')
        || name.contains('\\')
        || name.contains(':')
    {
        return Err(BundleError::new(format!(
            "the bundle holds an entry named \"{shown}\", a path outside the bundle; it is refused, ask head office for a clean bundle"
        )));
    }
    if name.chars().any(char::is_control) || name.contains('/') {
        return Err(BundleError::new(format!(
            "the bundle holds an entry named \"{shown}\", which is not a plain file name; it is refused, ask head office for a clean bundle"
        )));
    }
    if is_dir || mode.is_some_and(|m| m & 0o170000 == 0o120000) {
        return Err(BundleError::new(format!(
            "the bundle entry \"{shown}\" is a directory or a link, not a file; it is refused"
        )));
    }
    Ok(())
}

/// The entry names in the zip's central directory, every one (equal names included), read
/// from the raw bytes. The end record is searched from the end, as zip readers do; a directory
/// that cannot be walked gives no names, and the zip library's own count stands.
fn directory_names(bytes: &[u8]) -> Vec<String> {
    const END: [u8; 4] = [0x50, 0x4b, 0x05, 0x06];
    const ENTRY: [u8; 4] = [0x50, 0x4b, 0x01, 0x02];
    let u16_at = |at: usize| -> Option<usize> {
        Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?) as usize)
    };
    let u32_at = |at: usize| -> Option<usize> {
        Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?) as usize)
    };
    let earliest = bytes.len().saturating_sub(22 + 65_535);
    let Some(end) = (earliest..bytes.len().saturating_sub(21))
        .rev()
        .find(|&at| bytes[at..].starts_with(&END))
    else {
        return Vec::new();
    };
    let (Some(count), Some(mut at)) = (u16_at(end + 10), u32_at(end + 16)) else {
        return Vec::new();
    };
    let mut names = Vec::new();
    for _ in 0..count.min(MAX_ENTRIES + 1) {
        if !bytes.get(at..).is_some_and(|b| b.starts_with(&ENTRY)) {
            return Vec::new();
        }
        let (Some(n), Some(extra), Some(comment)) =
            (u16_at(at + 28), u16_at(at + 30), u16_at(at + 32))
        else {
            return Vec::new();
        };
        let Some(name) = bytes.get(at + 46..at + 46 + n) else {
            return Vec::new();
        };
        names.push(String::from_utf8_lossy(name).into_owned());
        at += 46 + n + extra + comment;
    }
    names
}

fn refuse_unlisted(
    index: &BTreeMap<String, usize>,
    manifest: &Manifest,
) -> Result<(), BundleError> {
    for name in index.keys() {
        if name != "manifest.json"
            && name != "manifest.sig"
            && !manifest.files.iter().any(|f| &f.name == name)
        {
            return Err(BundleError::new(format!(
                "the bundle holds \"{}\", which its manifest does not list; it is refused, ask head office for a clean bundle",
                printable(name)
            )));
        }
    }
    Ok(())
}

fn check_signature(
    reader: &mut EntryReader,
    manifest_bytes: &[u8],
    key: Option<&PublicKey>,
) -> Result<Signature, BundleError> {
    Ok(match (reader.index.contains_key("manifest.sig"), key) {
        (true, Some(key)) => {
            let sig = reader.read("manifest.sig", 1024)?;
            let sig = String::from_utf8_lossy(&sig).trim().to_string();
            if !key.verifies(manifest_bytes, &sig) {
                return Err(BundleError::new(
                    "the bundle's signature does not match the head-office key pinned in this store; it may have been altered, ask head office to send it again",
                ));
            }
            Signature::Verified
        }
        (false, Some(_)) => {
            return Err(BundleError::new(
                "the bundle is not signed, and this store only accepts bundles signed with the pinned head-office key; ask head office for a signed bundle",
            ));
        }
        (true, None) => Signature::Unchecked,
        (false, None) => Signature::Unsigned,
    })
}

/// A payload file the manifest lists, read and checked against its checksum and count.
fn read_payload(reader: &mut EntryReader, f: &super::FileEntry) -> Result<Vec<u8>, BundleError> {
    if !reader.index.contains_key(&f.name) {
        return Err(BundleError::new(format!(
            "the manifest lists \"{}\", but the bundle does not hold it; the bundle is incomplete, ask for it again",
            f.name
        )));
    }
    let bytes = reader.read(&f.name, MAX_ENTRY_BYTES)?;
    let sum = blake3::hash(&bytes).to_hex().to_string();
    if sum != f.blake3.to_ascii_lowercase() {
        return Err(BundleError::new(format!(
            "\"{}\" does not match its checksum in the manifest; the bundle was damaged or altered, ask for it again",
            f.name
        )));
    }
    let records = bytes
        .split(|b| *b == b'\n')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .count();
    if records as u64 != f.records {
        return Err(BundleError::new(format!(
            "\"{}\" holds {records} records, but the manifest says {}; ask head office for a corrected bundle",
            f.name, f.records
        )));
    }
    if records > MAX_RECORDS {
        return Err(BundleError::new(format!(
            "\"{}\" holds {records} records, more than the {MAX_RECORDS} a bundle may; ask head office to split it",
            f.name
        )));
    }
    Ok(bytes)
}

/// Reads entries by name, counting the bytes really decompressed, per entry and in all.
struct EntryReader<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    index: BTreeMap<String, usize>,
    total: u64,
}

/// Memory reserved up front for an entry; beyond it the buffer grows with the bytes that
/// really arrive, so a header that lies cannot make the reader reserve gigabytes.
const RESERVE_AT_MOST: u64 = 16 * 1024 * 1024;

impl EntryReader<'_> {
    /// The entry's bytes. Reading stops one byte past the least of: what the header declares,
    /// [`MAX_RATIO`] times the packed size, `cap`, and what is left of [`MAX_TOTAL_BYTES`];
    /// reaching that byte refuses the bundle.
    fn read(&mut self, name: &str, cap: u64) -> Result<Vec<u8>, BundleError> {
        let i = self.index[name];
        let entry = self.zip.by_index(i).map_err(|_| {
            BundleError::new(format!(
                "\"{name}\" cannot be read from the zip; the bundle is damaged, ask for it again"
            ))
        })?;
        let declared = entry.size();
        let packed = entry.compressed_size().max(1);
        let by_ratio = packed.saturating_mul(MAX_RATIO);
        if declared > cap || declared > by_ratio {
            return Err(BundleError::new(format!(
                "\"{name}\" would unpack to {declared} bytes from {packed}, beyond what a bundle may hold; it is refused"
            )));
        }
        let left = MAX_TOTAL_BYTES.saturating_sub(self.total);
        let limit = declared.min(left);
        let mut out = Vec::with_capacity(limit.min(RESERVE_AT_MOST) as usize);
        entry.take(limit + 1).read_to_end(&mut out).map_err(|_| {
            BundleError::new(format!(
                "\"{name}\" cannot be unpacked; the bundle is damaged, ask for it again"
            ))
        })?;
        let got = out.len() as u64;
        if got > declared {
            return Err(BundleError::new(format!(
                "\"{name}\" unpacks to more than the {declared} bytes it declares; the bundle is refused, ask head office for a clean bundle"
            )));
        }
        if got > left {
            return Err(BundleError::new(
                "the bundle unpacks to more than a bundle may hold; it is refused",
            ));
        }
        self.total += got;
        Ok(out)
    }
}
