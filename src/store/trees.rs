//! The sled trees of a store: one per entity, the secondary indexes, the change log and meta.
//!
//! Schema 2 keeps the five "records of an account" indexes (contacts, leads, deals, activities,
//! NPS answers) in one tree, one entry per account (`packed_index`): a leaf of sled 0.34 holds
//! at most 16 entries whatever their size, so ~290,000 tiny entries cost ~30,000 pages that
//! every open rebuilds. They stay separate *logical* indexes (their entries, names in `check`'s
//! messages), stored physically in [`TreeId::IdxByAccount`].

/// Every tree, in the fixed order used to address them inside a transaction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TreeId {
    Meta,
    Changes,
    Accounts,
    Contacts,
    Leads,
    Opportunities,
    Activities,
    Appointments,
    Nps,
    /// Leads by status, tier, score (descending) and age: the inbox order.
    IdxInbox,
    /// `new` leads with a deadline by tier and respond-by: finds the overdue ones without a scan.
    IdxDue,
    /// Head office's lead id → lead id.
    IdxLeadExternal,
    IdxLeadAccount,
    /// Normalised account name → account id: listing and matching by name.
    IdxAccountName,
    IdxAccountKvk,
    IdxContactAccount,
    /// Opportunities by stage: the funnel columns.
    IdxOppStage,
    IdxOppAccount,
    /// Activities by account and time: the account timeline.
    IdxActivityAccount,
    IdxAppointmentTime,
    IdxNpsAccount,
    /// Where the five by-account indexes are stored: account id → its records' index entries.
    IdxByAccount,
}

impl TreeId {
    /// Every tree on disk, in the fixed order used to address them inside a transaction.
    pub const ALL: [TreeId; 17] = [
        TreeId::Meta,
        TreeId::Changes,
        TreeId::Accounts,
        TreeId::Contacts,
        TreeId::Leads,
        TreeId::Opportunities,
        TreeId::Activities,
        TreeId::Appointments,
        TreeId::Nps,
        TreeId::IdxInbox,
        TreeId::IdxDue,
        TreeId::IdxLeadExternal,
        TreeId::IdxAccountName,
        TreeId::IdxAccountKvk,
        TreeId::IdxOppStage,
        TreeId::IdxAppointmentTime,
        TreeId::IdxByAccount,
    ];

    /// The secondary-index trees on disk, which `check` rebuilds and compares.
    pub const INDEXES: [TreeId; 8] = [
        TreeId::IdxInbox,
        TreeId::IdxDue,
        TreeId::IdxLeadExternal,
        TreeId::IdxAccountName,
        TreeId::IdxAccountKvk,
        TreeId::IdxOppStage,
        TreeId::IdxAppointmentTime,
        TreeId::IdxByAccount,
    ];

    /// The by-account indexes stored in [`TreeId::IdxByAccount`], in the order of their tags.
    pub const BY_ACCOUNT: [TreeId; 5] = [
        TreeId::IdxContactAccount,
        TreeId::IdxLeadAccount,
        TreeId::IdxOppAccount,
        TreeId::IdxActivityAccount,
        TreeId::IdxNpsAccount,
    ];

    /// The tree an index entry of this (logical) index is stored in.
    pub fn stored_in(self) -> TreeId {
        match self {
            t if TreeId::BY_ACCOUNT.contains(&t) => TreeId::IdxByAccount,
            t => t,
        }
    }

    /// The tree's name on disk (never rename without a migration: stores depend on it).
    pub fn name(self) -> &'static str {
        match self {
            TreeId::Meta => "meta",
            // Schema 2: runs of changes per entry (schema 1's `changes` held one each).
            TreeId::Changes => "log",
            TreeId::Accounts => "accounts",
            TreeId::Contacts => "contacts",
            TreeId::Leads => "leads",
            TreeId::Opportunities => "opportunities",
            TreeId::Activities => "activities",
            TreeId::Appointments => "appointments",
            TreeId::Nps => "nps",
            TreeId::IdxInbox => "idx:inbox",
            TreeId::IdxDue => "idx:due",
            TreeId::IdxLeadExternal => "idx:lead-external",
            TreeId::IdxLeadAccount => "idx:lead-account",
            TreeId::IdxAccountName => "idx:account-name",
            TreeId::IdxAccountKvk => "idx:account-kvk",
            TreeId::IdxContactAccount => "idx:contact-account",
            TreeId::IdxOppStage => "idx:opportunity-stage",
            TreeId::IdxOppAccount => "idx:opportunity-account",
            TreeId::IdxActivityAccount => "idx:activity-account",
            TreeId::IdxAppointmentTime => "idx:appointment-time",
            TreeId::IdxNpsAccount => "idx:nps-account",
            TreeId::IdxByAccount => "idx:by-account",
        }
    }

    /// Position in `ALL` of the tree this one is stored in, used to pick it out of a
    /// transaction's view.
    pub fn slot(self) -> usize {
        let stored = self.stored_in();
        TreeId::ALL.iter().position(|t| *t == stored).unwrap_or(0)
    }
}
