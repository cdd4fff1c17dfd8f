//! The by-account indexes, packed: one sled entry per account holds the index entries of all
//! its contacts, leads, deals, activities and NPS answers (see `trees`). Every other part of
//! the store still speaks of logical index entries (`Record::index_entries`); this module is
//! the one place that turns them into stored buckets and back.
//!
//! A bucket's value: a format byte, then its items sorted — a tag (which logical index), then
//! the rest of the logical key after the account id (16 bytes of id, or for the activity
//! timeline 8 bytes of time and 16 of id). Sorted by tag then rest, each logical index reads in
//! the order its own tree had.

use super::error::StoreError;
use super::record::IndexEntry;
use super::trees::TreeId;
use sled::transaction::{ConflictableTransactionError, TransactionalTree};
use std::collections::BTreeMap;

/// The first byte of a bucket: its format, so a later schema can migrate buckets one by one.
const FORMAT: u8 = 1;

/// One item of a bucket: tag, then the logical key after the account id.
pub(super) type Item = (u8, Vec<u8>);

type TxResult<T> = std::result::Result<T, ConflictableTransactionError<StoreError>>;

/// The tag of a packed logical index, or `None` for an index stored as it is.
pub(super) fn tag(index: TreeId) -> Option<u8> {
    TreeId::BY_ACCOUNT
        .iter()
        .position(|t| *t == index)
        .map(|p| p as u8)
}

/// The length of an item's key rest, by tag.
fn rest_len(tag: u8) -> Option<usize> {
    match TreeId::BY_ACCOUNT.get(usize::from(tag))? {
        TreeId::IdxActivityAccount => Some(24),
        _ => Some(16),
    }
}

/// A logical entry of a packed index as its account's bucket key and its item.
pub(super) fn split(index: TreeId, key: &[u8]) -> Option<([u8; 16], Item)> {
    let tag = tag(index)?;
    let account: [u8; 16] = key.get(..16)?.try_into().ok()?;
    Some((account, (tag, key[16..].to_vec())))
}

/// The stored bytes of a bucket holding `items` (sorted, without repeats).
pub(super) fn encode(items: &[Item]) -> Vec<u8> {
    let mut out = Vec::with_capacity(1 + items.iter().map(|(_, r)| 1 + r.len()).sum::<usize>());
    out.push(FORMAT);
    for (tag, rest) in items {
        out.push(*tag);
        out.extend_from_slice(rest);
    }
    out
}

/// Reads a bucket back into its items.
pub(super) fn decode(bytes: &[u8]) -> std::result::Result<Vec<Item>, String> {
    let Some((&FORMAT, mut rest)) = bytes.split_first() else {
        return Err("not a by-account index bucket of a known format".into());
    };
    let mut items = Vec::new();
    while let Some((&tag, after)) = rest.split_first() {
        let len = rest_len(tag).ok_or_else(|| format!("unknown index tag {tag}"))?;
        let key = after.get(..len).ok_or("a bucket cut short")?;
        items.push((tag, key.to_vec()));
        rest = &after[len..];
    }
    Ok(items)
}

/// The logical index entries one stored bucket holds.
pub(super) fn unpack(account: &[u8], bytes: &[u8]) -> std::result::Result<Vec<IndexEntry>, String> {
    Ok(decode(bytes)?
        .into_iter()
        .map(|(tag, rest)| {
            let index = TreeId::BY_ACCOUNT[usize::from(tag)];
            (index, [account, rest.as_slice()].concat(), Vec::new())
        })
        .collect())
}

/// The keys after the account id of one logical index's entries for `account`, in order.
pub(super) fn rests(bytes: &[u8], index: TreeId) -> std::result::Result<Vec<Vec<u8>>, String> {
    let want = tag(index);
    Ok(decode(bytes)?
        .into_iter()
        .filter(|(t, _)| Some(*t) == want)
        .map(|(_, rest)| rest)
        .collect())
}

fn corrupt(account: &[u8], detail: String) -> ConflictableTransactionError<StoreError> {
    ConflictableTransactionError::Abort(StoreError::Corrupt {
        tree: TreeId::IdxByAccount.name(),
        id: account.iter().map(|b| format!("{b:02x}")).collect(),
        detail,
    })
}

/// Adds a logical index entry inside a transaction.
pub(super) fn tx_insert(
    tx: &[TransactionalTree],
    (index, key, value): &IndexEntry,
) -> TxResult<()> {
    let tree = &tx[index.slot()];
    let Some((account, item)) = split(*index, key) else {
        tree.insert(key.as_slice(), value.as_slice())?;
        return Ok(());
    };
    let mut items = match tree.get(account)? {
        Some(b) => decode(&b).map_err(|d| corrupt(&account, d))?,
        None => Vec::new(),
    };
    if let Err(at) = items.binary_search(&item) {
        items.insert(at, item);
        tree.insert(&account, encode(&items))?;
    }
    Ok(())
}

/// Removes a logical index entry inside a transaction.
pub(super) fn tx_remove(tx: &[TransactionalTree], (index, key, _): &IndexEntry) -> TxResult<()> {
    let tree = &tx[index.slot()];
    let Some((account, item)) = split(*index, key) else {
        tree.remove(key.as_slice())?;
        return Ok(());
    };
    let Some(b) = tree.get(account)? else {
        return Ok(());
    };
    let mut items = decode(&b).map_err(|d| corrupt(&account, d))?;
    if let Ok(at) = items.binary_search(&item) {
        items.remove(at);
        match items.is_empty() {
            true => tree.remove(&account)?,
            false => tree.insert(&account, encode(&items))?,
        };
    }
    Ok(())
}

/// Packed entries gathered outside a transaction (a bulk load, a rebuild, a migration), merged
/// into their buckets by [`Packer::write`].
#[derive(Default)]
pub(super) struct Packer {
    buckets: BTreeMap<[u8; 16], Vec<Item>>,
}

impl Packer {
    /// Takes the entry if it belongs to a packed index; hands it back otherwise.
    pub(super) fn take(&mut self, entry: IndexEntry) -> Option<IndexEntry> {
        match split(entry.0, &entry.1) {
            Some((account, item)) => {
                self.buckets.entry(account).or_default().push(item);
                None
            }
            None => Some(entry),
        }
    }

    /// Merges every gathered item into its account's bucket in `tree`, in key order, and
    /// forgets them. A bucket that cannot be read is an error (nothing of it is lost).
    pub(super) fn write(&mut self, tree: &sled::Tree) -> std::result::Result<(), String> {
        for (account, mut items) in std::mem::take(&mut self.buckets) {
            if let Some(b) = tree.get(account).map_err(|e| e.to_string())? {
                items.extend(decode(&b)?);
            }
            items.sort_unstable();
            items.dedup();
            tree.insert(account, encode(&items))
                .map_err(|e| e.to_string())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bucket_round_trips_and_keeps_each_index_in_key_order() {
        let account = [7u8; 16];
        let entries: Vec<IndexEntry> = vec![
            (
                TreeId::IdxActivityAccount,
                [&account[..], &[2; 24]].concat(),
                vec![],
            ),
            (
                TreeId::IdxLeadAccount,
                [&account[..], &[9; 16]].concat(),
                vec![],
            ),
            (
                TreeId::IdxActivityAccount,
                [&account[..], &[1; 24]].concat(),
                vec![],
            ),
            (
                TreeId::IdxContactAccount,
                [&account[..], &[3; 16]].concat(),
                vec![],
            ),
        ];
        let mut items: Vec<Item> = entries
            .iter()
            .map(|(t, k, _)| split(*t, k).unwrap().1)
            .collect();
        items.sort();
        let bytes = encode(&items);
        let back = unpack(&account, &bytes).unwrap();
        assert_eq!(back.len(), 4);
        assert!(entries.iter().all(|e| back.contains(e)));
        assert_eq!(
            rests(&bytes, TreeId::IdxActivityAccount).unwrap(),
            vec![vec![1; 24], vec![2; 24]]
        );
        assert!(split(TreeId::IdxInbox, &[0; 40]).is_none());
    }

    #[test]
    fn a_damaged_bucket_is_an_error_not_a_guess() {
        let items = vec![(1u8, vec![5; 16])];
        let bytes = encode(&items);
        assert!(decode(&bytes[..bytes.len() - 1]).is_err());
        assert!(decode(&[FORMAT, 99]).is_err());
        assert!(decode(&[]).is_err());
        assert!(decode(&[2, 1]).is_err());
        assert_eq!(decode(&[FORMAT]).unwrap(), vec![]);
    }
}
