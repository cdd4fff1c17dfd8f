//! Erasure that reaches backups: after a person is erased (by `privacy erase`, head office's
//! request through `import`, or `privacy purge`), every backup beside the store that still holds
//! them is rewritten without them; and a restore of an older backup applies again every erasure
//! made since, keeping the tombstones, so a restore never brings an erased person back.

use super::privacy::{ERASED_ACCOUNT, erasure_writes};
use crate::domain::{AccountId, AccountKind, Contact, ContactId};
use crate::store::{EntityKind, Store, StoreError, WriteSet};
use jiff::Timestamp;
use std::path::{Path, PathBuf};

/// One erasure tombstone as the store keeps it: its meta key and value.
pub type Tombstone = (Vec<u8>, Vec<u8>);

/// Every erasure tombstone in `store`, and every mark of an erased owner-driver's account.
pub fn tombstones(store: &Store) -> Result<Vec<Tombstone>, StoreError> {
    let mut all = store.meta_with_prefix(b"tombstone:")?;
    all.extend(store.meta_with_prefix(ERASED_ACCOUNT)?);
    Ok(all)
}

/// Applies to `older` (the store in a backup) every erasure of `tombstones` it lacks: the
/// person erased as `privacy erase` does it, the tombstone kept as it was written. Returns how
/// many people were erased; tombstones of people `older` never held are added all the same.
pub fn reapply_erasures(
    older: &Store,
    tombstones: &[Tombstone],
    now: Timestamp,
) -> Result<usize, StoreError> {
    let mut ws = WriteSet::new();
    let mut erased = 0;
    for (key, value) in tombstones {
        if older.meta_value(key)?.is_some() {
            continue;
        }
        if let Some(contact) = tombstone_contact(key) {
            if let Some(c) = older.contact(contact)? {
                erasure_writes(older, &c, now, None, &mut ws)?;
                erased += 1;
            }
        } else if let Some(account) = erased_account(key) {
            erased += erase_owner_driver(older, account, now, &mut ws)?;
        }
        // Written after the erasure's own: the tombstone stays exactly as head office gets it.
        ws.put_meta(key.clone(), value.clone());
    }
    if ws.is_empty() {
        return Ok(0);
    }
    // The erasures applied again set the pending-erasure mark; the backups it speaks of are the
    // store's own, which its erasure rewrote (or whose mark the store still holds).
    ws.delete_meta(crate::store::exchange::KEY_BACKUPS_PENDING.to_vec());
    older.commit(&ws, now)?;
    Ok(erased)
}

/// The contact a tombstone's key names.
fn tombstone_contact(key: &[u8]) -> Option<ContactId> {
    let id = std::str::from_utf8(key.strip_prefix(b"tombstone:")?).ok()?;
    let u = ulid::Ulid::from_string(id).ok()?;
    Some(ContactId::from_bytes(u.to_bytes()))
}

/// The account an [`ERASED_ACCOUNT`] key names.
fn erased_account(key: &[u8]) -> Option<AccountId> {
    let id = std::str::from_utf8(key.strip_prefix(ERASED_ACCOUNT)?).ok()?;
    let u = ulid::Ulid::from_string(id).ok()?;
    Some(AccountId::from_bytes(u.to_bytes()))
}

/// Erases, in `older`, an owner-driver head office knew only as a person-kind account (no
/// contact record): as the erasure did, through a stand-in contact made from the account.
/// Returns 1 if `older` still held them (and nothing else erased the account in `ws`).
fn erase_owner_driver(
    older: &Store,
    account: AccountId,
    now: Timestamp,
    ws: &mut WriteSet,
) -> Result<usize, StoreError> {
    let Some(a) = older.account(account)? else {
        return Ok(0);
    };
    if a.kind != AccountKind::Person || ws.pending(EntityKind::Account, a.id.to_bytes()).is_some() {
        return Ok(0);
    }
    let stand_in = Contact::standing_in_for(&a, ContactId::generate(now));
    erasure_writes(older, &stand_in, now, None, ws)?;
    // The stand-in's own tombstone would be a second one for the same person: the original,
    // copied by the caller, is the one kept.
    ws.delete_meta(super::privacy::tombstone_key(&stand_in.id.to_string()));
    Ok(1)
}

/// What erasing in the backups did.
#[derive(Debug, Default)]
pub struct BackupErasure {
    /// Backups rewritten without the erased people.
    pub rewritten: Vec<PathBuf>,
    /// Backups that could not be read to be rewritten, with why: they may still hold them.
    pub unreadable: Vec<(PathBuf, String)>,
}

impl BackupErasure {
    /// The sentence the erasing commands print about backups, e.g. "2 backups rewritten without
    /// them".
    pub fn sentence(&self, whom: &str) -> String {
        let n = self.rewritten.len();
        let mut s = format!(
            "{n} backup{} rewritten without {whom}",
            if n == 1 { "" } else { "s" }
        );
        for (file, why) in &self.unreadable {
            s.push_str(&format!(
                "; {} could not be rewritten ({why}): delete it, it may still hold {whom}",
                file.display()
            ));
        }
        s
    }
}

/// Rewrites every backup in the store's backups folder that holds a person the store at
/// `store_path` has erased (each through a private temporary file, keeping its date), then
/// removes the pending-erasure mark. The store must not be open.
pub fn erase_in_backups(store_path: &Path, now: Timestamp) -> Result<BackupErasure, StoreError> {
    // Held open throughout: its lock keeps a second erasure from rewriting the same backups.
    let store = Store::open(store_path)?;
    let done = rewrite_backups(&store, now)?;
    store.clear_backups_pending()?;
    Ok(done)
}

/// Finishes an erasure whose backups were not all rewritten (the erasing process was killed, or
/// the full-screen view that ran it closed since): when `store` holds the pending-erasure mark,
/// every backup is rewritten and the mark removed. `None` when there was no mark.
pub fn finish_pending_erasure(
    store: &Store,
    now: Timestamp,
) -> Result<Option<BackupErasure>, StoreError> {
    if !store.backups_pending()? {
        return Ok(None);
    }
    let done = rewrite_backups(store, now)?;
    store.clear_backups_pending()?;
    Ok(Some(done))
}

/// Rewrites every backup beside the open `store` that holds a person it has erased; the
/// pending-erasure mark is left for the caller (the full-screen view keeps it until it closes:
/// its daily backup may be on its way meanwhile).
pub fn rewrite_backups(store: &Store, now: Timestamp) -> Result<BackupErasure, StoreError> {
    let tombs = tombstones(store)?;
    let mut done = BackupErasure::default();
    let dir = crate::store::backup::backups_dir(store.path());
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(done);
    };
    let entries: Vec<_> = entries.flatten().collect();
    // A rewrite killed half-way left its working copy, which may hold the person: it goes.
    for e in &entries {
        if e.file_name().to_string_lossy().starts_with(".rewrite-") {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
    let mut files: Vec<PathBuf> = entries
        .iter()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "zip"))
        .collect();
    files.sort();
    if tombs.is_empty() {
        return Ok(done);
    }
    for file in files {
        match Store::rewrite_backup(&file, |older| Ok(reapply_erasures(older, &tombs, now)? > 0)) {
            Ok(true) => done.rewritten.push(file),
            Ok(false) => {}
            Err(e) => done.unreadable.push((file, e.to_string())),
        }
    }
    Ok(done)
}
