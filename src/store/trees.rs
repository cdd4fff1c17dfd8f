//! The sled trees of a store: one per entity, one per secondary index, the change log and meta.

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
}

impl TreeId {
    pub const ALL: [TreeId; 21] = [
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
        TreeId::IdxLeadAccount,
        TreeId::IdxAccountName,
        TreeId::IdxAccountKvk,
        TreeId::IdxContactAccount,
        TreeId::IdxOppStage,
        TreeId::IdxOppAccount,
        TreeId::IdxActivityAccount,
        TreeId::IdxAppointmentTime,
        TreeId::IdxNpsAccount,
    ];

    /// The secondary indexes, which `check` rebuilds and compares.
    pub const INDEXES: [TreeId; 12] = [
        TreeId::IdxInbox,
        TreeId::IdxDue,
        TreeId::IdxLeadExternal,
        TreeId::IdxLeadAccount,
        TreeId::IdxAccountName,
        TreeId::IdxAccountKvk,
        TreeId::IdxContactAccount,
        TreeId::IdxOppStage,
        TreeId::IdxOppAccount,
        TreeId::IdxActivityAccount,
        TreeId::IdxAppointmentTime,
        TreeId::IdxNpsAccount,
    ];

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
        }
    }

    /// Position in `ALL`, used to pick the tree out of a transaction's view.
    pub fn slot(self) -> usize {
        self as usize
    }
}
