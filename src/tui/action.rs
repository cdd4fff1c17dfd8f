//! The one vocabulary of things a user can do. Keymaps bind chords to these names, the palette
//! lists them, help describes them: adding a feature means adding an action here, binding it in
//! `keymaps/default.toml` and handling it — nothing can be bound, shown or documented apart.

use std::fmt;

/// Where a binding applies. Lookup goes from the most specific context to `global`; an open
/// overlay sees only its own `overlay` bindings, so typing text never triggers a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Global,
    List,
    Inbox,
    Accounts,
    Funnel,
    Overlay,
}

impl Context {
    pub const ALL: [Context; 6] = [
        Context::Global,
        Context::List,
        Context::Inbox,
        Context::Accounts,
        Context::Funnel,
        Context::Overlay,
    ];

    /// The table name in a keymap file.
    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::List => "list",
            Context::Inbox => "inbox",
            Context::Accounts => "accounts",
            Context::Funnel => "funnel",
            Context::Overlay => "overlay",
        }
    }

    pub fn from_name(name: &str) -> Option<Context> {
        Context::ALL.into_iter().find(|c| c.name() == name)
    }
}

macro_rules! actions {
    ($( $variant:ident = $name:literal, [$($ctx:ident),+], $doc:literal; )+) => {
        /// A named command. See the module doc.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action {
            $( #[doc = $doc] $variant, )+
        }

        impl Action {
            /// Every action, in the order help lists them.
            pub const ALL: &'static [Action] = &[$(Action::$variant,)+];

            /// The name used in keymap files and the palette.
            pub fn name(self) -> &'static str {
                match self { $(Action::$variant => $name,)+ }
            }

            /// One line for help and the palette.
            pub fn description(self) -> &'static str {
                match self { $(Action::$variant => $doc,)+ }
            }

            /// The contexts a binding of this action may live in.
            pub fn contexts(self) -> &'static [Context] {
                match self { $(Action::$variant => &[$(Context::$ctx),+],)+ }
            }
        }
    };
}

actions! {
    Help = "help", [Global], "show the keys of the active keymap";
    Palette = "palette", [Global], "open the command palette: commands, accounts, leads";
    Filter = "filter", [Global], "fuzzy-filter the current list";
    PaneInbox = "pane-inbox", [Global], "go to the lead inbox";
    PaneAccounts = "pane-accounts", [Global], "go to the accounts";
    PaneFunnel = "pane-funnel", [Global], "go to the funnel board";
    NextPane = "next-pane", [Global], "go to the next pane; after a back, forward again";
    Benchmark = "benchmark", [Global], "the network's figures from head office beside yours";
    Import = "import", [Global], "import a bundle from head office (give the file's path)";
    BackupNow = "backup-now", [Global], "write a backup of the store now";
    Due = "due", [Global], "the agenda: appointments, follow-ups and visits due";
    Undo = "undo", [Global], "undo the last change (again for the one before)";
    Redo = "redo", [Global], "do the last undone change again";
    Back = "back", [Global, Accounts], "back to where you came from (same row, same filters)";
    Messages = "messages", [Global], "the message log: the last 100 messages with their time";
    Suspend = "suspend", [Global], "suspend to the shell (fg comes back)";
    Shell = "shell", [Global], "open a shell on this store ($SHELL; exit comes back)";
    Quit = "quit", [Global], "quit wortel";
    Down = "down", [List, Overlay], "move down";
    Up = "up", [List, Overlay], "move up";
    Top = "top", [List, Overlay], "go to the first row";
    Bottom = "bottom", [List, Overlay], "go to the last row";
    PageDown = "page-down", [List, Overlay], "move a page down";
    PageUp = "page-up", [List, Overlay], "move a page up";
    Open = "open", [List], "open the selected row";
    Mark = "mark", [List], "mark or unmark the selected row for a bulk action";
    ClearMarks = "clear-marks", [List], "unmark every row";
    Accept = "accept", [Inbox], "accept the lead (or all marked leads)";
    Reject = "reject", [Inbox], "reject the lead with a reason (or all marked leads)";
    Snooze = "snooze", [Inbox], "snooze the lead until a date (or all marked leads)";
    Convert = "convert", [Inbox], "convert the lead to an opportunity (or all marked leads)";
    LogVisit = "log-visit", [Inbox, Accounts, Funnel], "log a visit, call or note and its outcome";
    FilterStatus = "filter-status", [Inbox], "show leads of one status";
    FilterTier = "filter-tier", [Inbox], "show leads of one priority tier";
    FilterChannel = "filter-channel", [Inbox], "show leads from one source channel";
    ToggleOverdue = "toggle-overdue", [Inbox], "show only overdue leads, or all again";
    ClearFilters = "clear-filters", [Inbox, Funnel], "drop every filter";
    ColumnLeft = "column-left", [Funnel], "go to the stage on the left";
    ColumnRight = "column-right", [Funnel], "go to the stage on the right";
    MoveBack = "move-back", [Funnel], "move the deal a stage back";
    MoveOn = "move-on", [Funnel], "move the deal a stage on";
    Won = "won", [Funnel], "mark the deal won, with its final value";
    Lost = "lost", [Funnel], "mark the deal lost, with a reason";
    PeriodPrevious = "period-previous", [Funnel], "show the previous period";
    PeriodNext = "period-next", [Funnel], "show the next period";
    PeriodKind = "period-kind", [Funnel], "switch the period: month, quarter, year, all";
    FilterOwner = "filter-owner", [Funnel], "show the deals of one owner";
    FilterSource = "filter-source", [Funnel], "show deals from head-office leads or the dealer's own";
    FilterCloseMonth = "filter-close-month", [Funnel], "show open deals expected to close in one month";
    Edit = "edit", [Accounts, Funnel], "edit the account's details (on the board: the deal's)";
    Note = "note", [Accounts], "add a note to the account (or the selected lead or deal)";
    EditDeal = "edit-deal", [Accounts], "edit the selected deal: value, product, dates, note";
    Nps = "nps", [Accounts], "record an NPS answer (0–10)";
    Contacts = "contacts", [Accounts], "add a contact, or change one and their consent";
    FollowUpLead = "follow-up-lead", [Accounts], "make a lead of an installed product due for replacement";
    Merge = "merge", [Accounts], "merge a likely duplicate into this account";
    DueVisitsOnly = "due-visits-only", [Accounts], "show only accounts due for a visit, most overdue first (again: all)";
    DuplicatesOnly = "duplicates-only", [Accounts], "show only likely duplicates (again: all)";
    Copy = "copy", [Accounts], "copy a phone number or e-mail address to the clipboard";
    Close = "close", [Overlay], "close the overlay without doing anything";
    Confirm = "confirm", [Overlay], "confirm the overlay's choice";
    DeleteBack = "delete-back", [Overlay], "delete the character before the cursor";
    ClearInput = "clear-input", [Overlay], "clear the text typed so far";
    CursorLeft = "cursor-left", [Overlay], "move the cursor a character left";
    CursorRight = "cursor-right", [Overlay], "move the cursor a character right";
    LineStart = "line-start", [Overlay], "move the cursor to the start of the text";
    LineEnd = "line-end", [Overlay], "move the cursor to the end of the text";
}

impl Action {
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.iter().copied().find(|a| a.name() == name)
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for a in Action::ALL {
            assert!(seen.insert(a.name()), "{} twice", a.name());
            assert_eq!(Action::from_name(a.name()), Some(*a));
        }
        assert_eq!(Action::from_name("frobnicate"), None);
    }

    #[test]
    fn contexts_round_trip() {
        for c in Context::ALL {
            assert_eq!(Context::from_name(c.name()), Some(c));
        }
    }
}
