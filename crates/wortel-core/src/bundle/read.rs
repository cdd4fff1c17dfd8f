//! Reading a bundle safely: the zip is read from memory, entry names are checked before any
//! entry is read (no `..`, no absolute paths, no links, no duplicates, nothing unlisted), sizes
//! are capped before decompressing, then every checksum, record count and the signature are
//! verified. Nothing is extracted to disk.

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
    if bytes.is_empty() {
        return Err(BundleError::new("the file is empty; it is not a bundle"));
    }
    if bytes.len() as u64 > MAX_BUNDLE_BYTES {
        return Err(BundleError::new(format!(
            "the file is larger than {} MiB, more than any bundle may be; split it or ask head office",
            MAX_BUNDLE_BYTES / 1024 / 1024
        )));
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| {
        BundleError::new("the file is not a readable zip archive; it is not a bundle, or it is damaged: ask for it again")
    })?;
    if zip.len() > MAX_ENTRIES {
        return Err(BundleError::new(format!(
            "the bundle holds {} entries, more than the {MAX_ENTRIES} a bundle may; it is not a wortel bundle",
            zip.len()
        )));
    }
    // Names first: nothing is decompressed before every name is known to be safe.
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
        let shown = printable(&name);
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
        if entry.is_dir() || entry.unix_mode().is_some_and(|m| m & 0o170000 == 0o120000) {
            return Err(BundleError::new(format!(
                "the bundle entry \"{shown}\" is a directory or a link, not a file; it is refused"
            )));
        }
        if index.insert(name, i).is_some() {
            return Err(BundleError::new(format!(
                "the bundle holds \"{shown}\" twice; it is refused, ask head office for a clean bundle"
            )));
        }
    }
    let mut total = 0u64;
    let mut read_entry = |zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
                          name: &str,
                          cap: u64|
     -> Result<Vec<u8>, BundleError> {
        let i = index[name];
        let entry = zip.by_index(i).map_err(|_| {
            BundleError::new(format!(
                "\"{name}\" cannot be read from the zip; the bundle is damaged, ask for it again"
            ))
        })?;
        let declared = entry.size();
        let packed = entry.compressed_size().max(1);
        if declared > cap || declared / packed > MAX_RATIO {
            return Err(BundleError::new(format!(
                "\"{name}\" would unpack to {declared} bytes from {packed}, beyond what a bundle may hold; it is refused"
            )));
        }
        let mut out = Vec::with_capacity(declared as usize);
        entry.take(cap + 1).read_to_end(&mut out).map_err(|_| {
            BundleError::new(format!(
                "\"{name}\" cannot be unpacked; the bundle is damaged, ask for it again"
            ))
        })?;
        if out.len() as u64 > cap {
            return Err(BundleError::new(format!(
                "\"{name}\" unpacks to more than it declared; the bundle is refused"
            )));
        }
        total += out.len() as u64;
        if total > MAX_TOTAL_BYTES {
            return Err(BundleError::new(
                "the bundle unpacks to more than a bundle may hold; it is refused",
            ));
        }
        Ok(out)
    };

    if !index.contains_key("manifest.json") {
        return Err(BundleError::new(
            "the bundle has no manifest.json; it is not a wortel bundle",
        ));
    }
    let manifest_bytes = read_entry(&mut zip, "manifest.json", MAX_MANIFEST_BYTES)?;
    let manifest = Manifest::parse(&manifest_bytes)?;
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

    let signature = match (index.contains_key("manifest.sig"), key) {
        (true, Some(key)) => {
            let sig = read_entry(&mut zip, "manifest.sig", 1024)?;
            let sig = String::from_utf8_lossy(&sig).trim().to_string();
            if !key.verifies(&manifest_bytes, &sig) {
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
    };

    let mut files = BTreeMap::new();
    for f in &manifest.files {
        if !index.contains_key(&f.name) {
            return Err(BundleError::new(format!(
                "the manifest lists \"{}\", but the bundle does not hold it; the bundle is incomplete, ask for it again",
                f.name
            )));
        }
        let bytes = read_entry(&mut zip, &f.name, MAX_ENTRY_BYTES)?;
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
        files.insert(f.name.clone(), bytes);
    }
    Ok(Bundle {
        manifest,
        signature,
        files,
    })
}
