# What `wortel` commands print: receipts, reports and refusals. Arguments named `count`,
# `records`, … are numbers (plural and notation follow the language); the rest is text.

file-named = { $file }
records-count = { $count ->
    [one] { $count } record
   *[other] { $count } records
}

## privacy

records-changed = { $records ->
    [one] { $records } record
   *[other] { $records } records
} changed

privacy-exported = { $file }: everything held about { $name }
privacy-consent-which = say what to record: --withdraw PURPOSE or --give PURPOSE (sales-contact or marketing)
privacy-no-such-purpose = `{ $purpose }` is not a consent purpose; use sales-contact or marketing
privacy-consent-given = { $name }: { $purpose } consent given
privacy-consent-withdrawn = { $name }: { $purpose } consent withdrawn (kept in the history)
privacy-nothing-due = nothing is past its retention period
privacy-purge-leads = { $rejected } rejected leads (after { $rejected_days } days) and { $disqualified } disqualified leads (after { $disqualified_days } days) lose their notes, signals and contact link
privacy-purge-contacts = { $contacts } contacts of ex-customers without activity for { $days } days are erased
privacy-purge-contacts-named = { $contacts } contacts of ex-customers without activity for { $days } days are erased: { $names }
privacy-purge-won = { $stripped } won orders of those ex-customers lose their title, notes and contact links (value and dates stay for bookkeeping); { $anonymised } won orders older than { $days } days are anonymised
privacy-dry-run = dry run: nothing changed
rewritten-when-view-closes = the full-screen view open on this store rewrites its files (and its backups) without the removed data when it closes
privacy-purged-beside-view = purged; { rewritten-when-view-closes }
privacy-purged = purged; the store's files were rewritten without the removed data; { $backups }
privacy-erase-confirm-beside-view = erasing { $name } cannot be undone, and the full-screen view open on this store cannot ask you; pass --yes to confirm
privacy-erase-confirm-on-terminal = erasing { $name } cannot be undone; confirm on a terminal, or pass --yes in a script
privacy-erase-question = Erase every personal detail of { $name }? This cannot be undone. [y/N]
privacy-nothing-erased = nothing erased
privacy-erased-beside-view = erased { $name }: { records-changed }; { rewritten-when-view-closes }; head office learns of it in the next feedback bundle
privacy-erased = erased { $name }: { records-changed }, the store's files rewritten without them; { $backups }; head office learns of it in the next feedback bundle
backups-rewritten = { $count ->
    [one] { $count } backup
   *[other] { $count } backups
} rewritten without { $whom ->
    [them] them
   *[erased] the erased people
}
backup-not-rewritten = { $file } could not be rewritten ({ $why }): delete it, it may still hold { $whom ->
    [them] them
   *[erased] the erased people
}

## import

import-placing-leads = placing leads
import-benchmark-again = { $file }: already imported (bundle { $bundle }); nothing changed
import-leads-again = { $file }: already imported (bundle { $bundle }, sequence { $sequence } from { $from }); nothing changed
import-benchmarks = imported { $file }: { $figures } network figures from { $from }; see them with `wortel benchmark`
import-rewritten-when-view-closes = {"  "}{ rewritten-when-view-closes }
import-rewritten = {"  "}the store's files were rewritten without the erased data; { $backups }
import-leads-bundle = imported { $file }: bundle { $bundle }, sequence { $sequence } from { $from }
new-leads = { $new ->
    [one] { $new } new lead
   *[other] { $new } new leads
} ({ $matched } for accounts already here, { $accounts ->
    [one] { $accounts } new account
   *[other] { $accounts } new accounts
}), { $updated } updated
import-leads-counts = {"  "}{ new-leads }, { $retracted } retracted
import-unknown-retractions = {"  "}{ $count ->
    [one] { $count } retraction was for a lead this store never had
   *[other] { $count } retractions were for leads this store never had
}
import-erasures = {"  "}{ $requests ->
    [one] { $requests } erasure request applied
   *[other] { $requests } erasure requests applied
} ({ $erased } contacts erased, { $missing } not found{ $before ->
    [0] {""}
   *[other] , { $before } done before
}{ $ambiguous ->
    [0] {""}
   *[other] , { $ambiguous } fitting several people and left for head office to make precise
}); head office learns it in the next feedback bundle
import-sheet = imported { $file }: { new-leads }
import-wrong-dialect = { $file } has `{ $found }` between its columns, not `{ $said }` as --dialect { $dialect } says; leave out --dialect or pass --dialect { $other }

## export

export-marketing-alone = --marketing filters the --csv and --vcf exports; give one of them with it
export-rows = { $file }: { $count ->
    [one] { $count } row
   *[other] { $count } rows
}{ $which ->
    [marketing] {" "}with marketing consent
   *[all] {""}
}
export-events = { $file }: { $count ->
    [one] { $count } event
   *[other] { $count } events
} (appointments and follow-ups)
export-contacts = { $file }: { $count ->
    [one] { $count } contact
   *[other] { $count } contacts
}{ $which ->
    [marketing] {" "}with marketing consent
   *[all] {""}
}

## bundle inspect

bundle-key-unreadable = the key file { $file } cannot be read ({ $why }); check the path
bundle-valid = { $file }: a valid { $kind } bundle
bundle-id = id
bundle-from = from
bundle-to = to
bundle-sequence = sequence
bundle-created = created
bundle-period = period
bundle-span = { $from } to { $to }
bundle-signature = signature
bundle-signature-verified = verified with the pinned key
bundle-signature-store-busy = present, not checked (the store is open in another wortel process; pass --key FILE)
bundle-signature-no-key = present, not checked (no key known; pass --key FILE)
bundle-signature-none = none

## check

index-entries = { $entries ->
    [one] { $entries } index entry
   *[other] { $entries } index entries
}
check-problems = { $problems ->
    [one] { $problems } problem
   *[other] { $problems } problems
}
check-repaired = repaired: rebuilt { index-entries } from the records ({ check-problems } found, { $left } left)
check-records = { $kind ->
    [account] { $count ->
        [one] { $count } account
       *[other] { $count } accounts
    }
    [contact] { $count ->
        [one] { $count } contact
       *[other] { $count } contacts
    }
    [lead] { $count ->
        [one] { $count } lead
       *[other] { $count } leads
    }
    [opportunity] { $count ->
        [one] { $count } opportunity
       *[other] { $count } opportunities
    }
    [activity] { $count ->
        [one] { $count } activity
       *[other] { $count } activities
    }
    [appointment] { $count ->
        [one] { $count } appointment
       *[other] { $count } appointments
    }
    [nps] { $count ->
        [one] { $count } nps response
       *[other] { $count } nps responses
    }
   *[other] { $count } { $kind }
}
check-consistent = store { $store } is consistent: { $records }; { index-entries }; { $changes ->
    [one] { $changes } change
   *[other] { $changes } changes
} logged
check-problem = problem: { $problem }
check-more = … and { $count } more
check-repairable = the store at { $store } has { check-problems }, listed above, which `wortel check --repair` mends
check-not-repairable = the store at { $store } has { check-problems }, listed above, that a repair cannot mend; keep a copy of the directory and restore your latest backup

## leads accept|reject|snooze|convert

triage-step = { $step ->
    [accepted] accepted
    [rejected] rejected
    [snoozed] snoozed
    [woke] woke
   *[converted] converted
}
triage-done = { triage-step } { $count ->
    [one] { $count } lead
   *[other] { $count } leads
}
triage-no-such-lead = { $lead } (no such lead)
triage-refused = { $refused } of { $count ->
    [one] { $count } lead
   *[other] { $count } leads
} not { triage-step }: { $leads }; { $others ->
    [none] nothing was changed
   *[some] the others were
}
triage-unknown-lead = there is no lead { $lead } in this store; see `wortel leads --all` for the ids
triage-converted = lead { $lead } is now { $status }
triage-deal-created = {"  "}deal { $deal } created: "{ $title }"
triage-until-not-after-today = --until { $until } is not after today; give a later day, e.g. +3d

## agenda

agenda-empty = nothing on the agenda: no appointments, follow-ups or visits due
agenda-count = { $count ->
    [one] { $count } item
   *[other] { $count } items
} on the agenda
agenda-late = { $days }d late
agenda-due = due
agenda-appointment = appointment { $minutes } min
agenda-follow-up = follow-up { $date }
agenda-last-contact = last { $date }
agenda-never-contacted = never contacted
agenda-visit-due = visit: tier { $tier } every { $weeks } wk, { $last }
agenda-appointments = Appointments today, { $day }
agenda-follow-ups = Follow-ups: overdue and today
agenda-overdue = Overdue follow-ups
agenda-today = { $day } (today)
agenda-day = { $day }
agenda-visits-due = Due for a visit (cadence per tier)

## deal show|edit

deal-no-value = no value
deal-value = value
deal-quantity = quantity
deal-product = product
deal-expected-close = expected close
deal-next-step = next step
deal-quote = quote
deal-quote-valid-until = { $quote } (valid until { $until })
deal-note = note
deal-changed = deal "{ $title }" changed:
deal-flag-empty = --{ $flag } is empty; give a { $flag }, or use --{ $clear } to clear it

## log-visit

visit-time-not-hhmm = time `{ $time }` is not HH:MM; give e.g. 14:30
visit-time-not-rfc3339 = time `{ $time }` is not RFC 3339; give e.g. 2026-11-23T14:30:00+01:00
visit-logged = logged { $kind } with { $account }
visit-logged-outcome = logged { $kind } ({ $outcome }) with { $account }
visit-next-step = {"  "}next step: { $date }
visit-about-what = say what the activity is about: --lead, --account or --opportunity

## account show

account-no-such-id = no account has id { $id }; `wortel accounts` lists them
account-no-such-name = no account is named `{ $name }`; `wortel accounts --search { $quoted }` finds similar names
account-ambiguous = `{ $name }` names { $count } accounts: { $listed }{ $more ->
    [0] {""}
   *[other] {" "}and { $more } more
}; give one's id or more of its name
account-address = address
account-kvk = kvk
account-phone = phone
account-email = email
account-owner = owner
account-id = id
account-contacts = contacts ({ $count })
account-leads = leads ({ $count })
account-deals = deals ({ $count })
account-activities = latest activities ({ $count })
