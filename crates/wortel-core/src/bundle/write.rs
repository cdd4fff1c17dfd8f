//! Writing a bundle: payload files, a manifest with their checksums and record counts, the
//! manifest's signature. Deterministic: the same content gives the same bytes.

use super::keys::SecretKey;
use super::manifest::{FileEntry, Manifest};
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;

/// Builds a bundle's bytes. `manifest.files` is filled in from `files` (name, bytes).
pub fn write_bundle(
    mut manifest: Manifest,
    files: &[(&str, Vec<u8>)],
    key: Option<&SecretKey>,
) -> std::io::Result<Vec<u8>> {
    manifest.files = files
        .iter()
        .map(|(name, bytes)| FileEntry {
            name: name.to_string(),
            records: bytes
                .split(|b| *b == b'\n')
                .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
                .count() as u64,
            blake3: blake3::hash(bytes).to_hex().to_string(),
        })
        .collect();
    let manifest_bytes = manifest.to_json();
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    let mut add = |name: &str, bytes: &[u8]| -> std::io::Result<()> {
        zip.start_file(name, options)
            .map_err(std::io::Error::other)?;
        zip.write_all(bytes)
    };
    add("manifest.json", &manifest_bytes)?;
    if let Some(key) = key {
        add(
            "manifest.sig",
            format!("{}\n", key.sign(&manifest_bytes)).as_bytes(),
        )?;
    }
    for (name, bytes) in files {
        add(name, bytes)?;
    }
    Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
}

/// NDJSON: one JSON object a line.
pub fn ndjson<T: serde::Serialize>(items: impl IntoIterator<Item = T>) -> Vec<u8> {
    let mut out = Vec::new();
    for item in items {
        if serde_json::to_writer(&mut out, &item).is_ok() {
            out.push(b'\n');
        }
    }
    out
}
