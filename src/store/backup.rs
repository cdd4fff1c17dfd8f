//! Backups: a consistent snapshot of every tree in one zip file (a manifest with each tree's
//! entry count and BLAKE3, then one file per tree of length-prefixed keys and values), and a
//! restore that verifies everything, rebuilds the store in a fresh directory, checks it, and
//! only then swaps it in — the previous store stays until the restore has succeeded.

use super::Store;
use super::error::{Result, StoreError};
use serde::{Deserialize, Serialize};
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};

pub use super::restore::RestoreSteps;

const FORMAT: &str = "wortel-backup";

/// How many bytes of a tree are hashed and compressed at a time.
const CHUNK: usize = 1 << 20;

#[derive(Serialize, Deserialize)]
struct TreeEntry {
    name: String,
    file: String,
    entries: u64,
    blake3: String,
}

#[derive(Serialize, Deserialize)]
pub(super) struct BackupManifest {
    format: String,
    version: u32,
    pub(super) created_at: jiff::Timestamp,
    schema_version: u32,
    trees: Vec<TreeEntry>,
}

pub(super) fn io(path: &Path, e: impl std::fmt::Display) -> StoreError {
    StoreError::Io {
        path: path.to_path_buf(),
        detail: e.to_string(),
    }
}

pub(super) fn bad(path: &Path, why: &str) -> StoreError {
    StoreError::BadBackup {
        file: path.to_path_buf(),
        why: why.to_string(),
    }
}

impl Store {
    /// The bytes of a backup of this store (see [`Store::backup_to`]).
    pub fn backup_bytes(&self, now: jiff::Timestamp) -> Result<Vec<u8>> {
        Ok(self.backup_to(Cursor::new(Vec::new()), now)?.into_inner())
    }

    /// Writes a backup of this store to `out`, taken after a flush so every confirmed change is
    /// in. Each tree is streamed into its zip entry while its checksum and count are taken, so
    /// a backup of a big store never holds a tree in memory.
    pub fn backup_to<W: Write + std::io::Seek>(&self, out: W, now: jiff::Timestamp) -> Result<W> {
        self.flush()?;
        let mut zip = zip::ZipWriter::new(out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default())
            .large_file(true);
        let mut trees = Vec::new();
        for (i, name) in self.db.tree_names().into_iter().enumerate() {
            let tree = self.db.open_tree(&name).map_err(|e| self.io(e))?;
            let file = format!("tree-{i:03}.bin");
            zip.start_file(&file, options).map_err(|e| self.io(e))?;
            let mut hash = blake3::Hasher::new();
            let mut entries = 0u64;
            let mut chunk = Vec::with_capacity(CHUNK);
            let meta = name.as_ref() == super::trees::TreeId::Meta.name().as_bytes();
            for kv in tree.iter() {
                let (k, v) = kv.map_err(|e| self.io(e))?;
                // A backup holds only live data: nothing in it waits for a compaction or for
                // backups to be rewritten.
                if meta
                    && (&*k == super::exchange::KEY_COMPACT_PENDING
                        || &*k == super::exchange::KEY_BACKUPS_PENDING)
                {
                    continue;
                }
                chunk.extend((k.len() as u32).to_be_bytes());
                chunk.extend_from_slice(&k);
                chunk.extend((v.len() as u32).to_be_bytes());
                chunk.extend_from_slice(&v);
                entries += 1;
                if chunk.len() >= CHUNK {
                    hash.update(&chunk);
                    zip.write_all(&chunk).map_err(|e| self.io(e))?;
                    chunk.clear();
                }
            }
            hash.update(&chunk);
            zip.write_all(&chunk).map_err(|e| self.io(e))?;
            trees.push(TreeEntry {
                name: String::from_utf8_lossy(&name).into_owned(),
                file,
                entries,
                blake3: hash.finalize().to_hex().to_string(),
            });
        }
        let manifest = BackupManifest {
            format: FORMAT.into(),
            version: 1,
            created_at: now,
            schema_version: self.schema_version()?,
            trees,
        };
        zip.start_file("manifest.json", options)
            .map_err(|e| self.io(e))?;
        zip.write_all(&serde_json::to_vec_pretty(&manifest).unwrap_or_default())
            .map_err(|e| self.io(e))?;
        zip.finish().map_err(|e| self.io(e))
    }

    /// Streams a backup into a new private temporary file beside `file` (created exclusively,
    /// under an unguessable name starting `.{prefix}.`), syncs it, and renames it to `file`;
    /// nothing is left under either name when that fails.
    pub(super) fn write_backup_file(
        &self,
        prefix: &str,
        file: &Path,
        now: jiff::Timestamp,
    ) -> Result<()> {
        let dir = match file.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let tmp = crate::interop::atomic::new_temporary(dir, prefix).map_err(|e| io(file, e))?;
        let (f, tmp_path) = tmp.into_parts();
        self.backup_to(std::io::BufWriter::new(f), now)
            .and_then(|w| {
                (|| -> std::io::Result<()> {
                    let f = w.into_inner().map_err(|e| e.into_error())?;
                    f.sync_all()?;
                    tmp_path.persist(file).map_err(|e| e.error)?;
                    std::fs::File::open(dir)?.sync_all()
                })()
                .map_err(|e| io(file, e))
            })
    }
}

/// The trees of a backup as (name, entry count, bytes).
pub(super) type BackupTrees = Vec<(String, u64, Vec<u8>)>;

/// Reads and verifies a backup file: manifest, format, schema and every tree's checksum.
pub(super) fn read_backup(file: &Path) -> Result<(BackupManifest, BackupTrees)> {
    {
        let bytes = std::fs::read(file).map_err(|e| io(file, e))?;
        let mut zip =
            zip::ZipArchive::new(Cursor::new(&bytes)).map_err(|_| bad(file, "not a zip file"))?;
        let mut read = |name: &str| -> Result<Vec<u8>> {
            let mut out = Vec::new();
            zip.by_name(name)
                .map_err(|_| bad(file, &format!("{name} is missing")))?
                .read_to_end(&mut out)
                .map_err(|_| bad(file, &format!("{name} is damaged")))?;
            Ok(out)
        };
        let manifest: BackupManifest = serde_json::from_slice(&read("manifest.json")?)
            .map_err(|_| bad(file, "its manifest is damaged"))?;
        if manifest.format != FORMAT || manifest.version != 1 {
            return Err(bad(file, "it is not a version 1 wortel backup"));
        }
        if manifest.schema_version > super::SCHEMA_VERSION {
            return Err(bad(
                file,
                "it was written by a newer wortel; upgrade wortel first",
            ));
        }
        let mut trees = Vec::new();
        for t in &manifest.trees {
            let data = read(&t.file)?;
            if blake3::hash(&data).to_hex().to_string() != t.blake3 {
                return Err(bad(
                    file,
                    &format!("{} does not match its checksum", t.file),
                ));
            }
            trees.push((t.name.clone(), t.entries, data));
        }
        Ok((manifest, trees))
    }
}

/// When the backup in `file` was taken (it is read and verified whole).
pub fn backup_date(file: &Path) -> Result<jiff::Timestamp> {
    read_backup(file).map(|(m, _)| m.created_at)
}

/// The newest backup beside the store at `store` (daily or manual) that reads back whole,
/// with the time it was taken: what a damaged store's sentence points to.
pub fn newest_intact_backup(store: &Path) -> Option<(PathBuf, jiff::Timestamp)> {
    let dir = backups_dir(store);
    let mut found: Vec<(jiff::Timestamp, PathBuf)> = std::fs::read_dir(&dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "zip"))
        .filter_map(|p| read_backup(&p).ok().map(|(m, _)| (m.created_at, p)))
        .collect();
    found.sort();
    found.pop().map(|(t, p)| (p, t))
}

/// How many daily backups are kept.
pub const DAILY_KEPT: usize = 7;

impl Store {
    /// Today's automatic backup in `dir` (`backup-YYYY-MM-DD.zip`), unless it exists; then only
    /// the newest [`DAILY_KEPT`] are kept. Returns the file written, if any.
    pub fn daily_backup(
        &self,
        dir: &Path,
        today: jiff::civil::Date,
        now: jiff::Timestamp,
    ) -> Result<Option<PathBuf>> {
        let file = daily_backup_path(dir, today);
        if file.exists() {
            return Ok(None);
        }
        super::open::create_private_dir_pub(dir)?;
        // A backup cut short by quitting wortel left only a temporary file: clear it.
        for e in std::fs::read_dir(dir).map_err(|e| io(dir, e))?.flatten() {
            let n = e.file_name().to_string_lossy().into_owned();
            if n.starts_with(".backup-") && n.ends_with(".tmp") {
                let _ = std::fs::remove_file(e.path());
            }
        }
        self.write_backup_file(&format!("backup-{today}"), &file, now)?;
        let mut kept: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| io(dir, e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("backup-") && n.ends_with(".zip"))
            })
            .collect();
        kept.sort();
        while kept.len() > DAILY_KEPT {
            let old = kept.remove(0);
            std::fs::remove_file(&old).map_err(|e| io(&old, e))?;
        }
        Ok(Some(file))
    }
}

impl Store {
    /// A backup taken on request (`backup-now` in the full-screen view), written to
    /// `dir/manual-YYYY-MM-DDTHHMMSS.zip` through a temporary file, so the name only ever holds
    /// a whole backup. Not counted among the daily backups, so never rotated away.
    pub fn backup_now(&self, dir: &Path, now: jiff::Timestamp) -> Result<PathBuf> {
        super::open::create_private_dir_pub(dir)?;
        let stamp = now.strftime("%Y-%m-%dT%H%M%S").to_string();
        let mut file = dir.join(format!("manual-{stamp}.zip"));
        let mut n = 1;
        while file.exists() {
            n += 1;
            file = dir.join(format!("manual-{stamp}-{n}.zip"));
        }
        self.write_backup_file(&format!("manual-{stamp}"), &file, now)?;
        Ok(file)
    }
}

/// Where a store's daily backups go: a private directory beside it.
pub fn backups_dir(store: &Path) -> PathBuf {
    let (parent, name) = super::compact::parent_and_name(store);
    parent.join(format!("{name}-backups"))
}

/// Where the automatic backup of `day` goes in the backups directory.
pub fn daily_backup_path(dir: &Path, day: jiff::civil::Date) -> PathBuf {
    dir.join(format!("backup-{day}.zip"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_backup_a_day_and_only_the_last_seven_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_or_create(&dir.path().join("store")).unwrap();
        let backups = backups_dir(&dir.path().join("store"));
        let now: jiff::Timestamp = "2026-11-23T09:00:00Z".parse().unwrap();
        let day = |d: i8| jiff::civil::date(2026, 11, d);
        assert!(store.daily_backup(&backups, day(1), now).unwrap().is_some());
        assert!(
            store.daily_backup(&backups, day(1), now).unwrap().is_none(),
            "once a day"
        );
        for d in 2..=10 {
            store.daily_backup(&backups, day(d), now).unwrap();
        }
        let mut names: Vec<String> = std::fs::read_dir(&backups)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names.len(), 7);
        assert_eq!(names[0], "backup-2026-11-04.zip");
        assert_eq!(names[6], "backup-2026-11-10.zip");
    }
}
