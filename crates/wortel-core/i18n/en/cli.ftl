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
erasure-finished-now = an erasure was cut short before the backups beside the store were rewritten; finished now: { $backups }
erasure-not-finished = an erasure was cut short before the backups beside the store were rewritten, and they could not be rewritten now ({ $why }); they may still hold the erased people, and the next wortel command tries again
files-rewritten = the store's files were rewritten without { $what ->
    [them] them
    [erased] the erased data
   *[removed] the removed data
}
files-rewritten-when-view-closes = the store's files are rewritten without { $what ->
    [them] them
    [erased] the erased data
   *[removed] the removed data
} when the full-screen view open on this store closes
privacy-purged = purged; { $files }; { $backups }
privacy-erase-confirm-beside-view = erasing { $name } cannot be undone, and the full-screen view open on this store cannot ask you; pass --yes to confirm
privacy-erase-confirm-on-terminal = erasing { $name } cannot be undone; confirm on a terminal, or pass --yes in a script
privacy-erase-question = Erase every personal detail of { $name }? This cannot be undone. [y/N]
privacy-nothing-erased = nothing erased
privacy-erased = erased { $name }: { records-changed }, { $files }; { $backups }; head office learns of it in the next feedback bundle
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
import-rewritten = {"  "}{ $files }; { $backups }
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
agenda-replacements = { $count ->
    [one] { $count } replacement
   *[other] { $count } replacements
} due by { $date } without a lead: `wortel leads due-replacements --months { $months } --create` makes their leads
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

## demo and bare `wortel` off a terminal

demo-out-of-range = --{ $flag } { $given } is out of range; give 1 to { $max }
demo-bundle-written = wrote a signed head-office leads bundle to { $file }; try `wortel import { $file }`
demo-built = built demo store { $store } in { $ms } ms (seed { $seed })
demo-not-a-terminal = This is not a terminal, so the full-screen view stays closed; run `wortel{ $flag }` in one.
demo-from-scripts = From scripts:
demo-hint-leads = {"  "}wortel leads{ $flag }            the inbox, most valuable first
demo-hint-accounts = {"  "}wortel accounts{ $flag } --search NAME
demo-hint-funnel = {"  "}wortel funnel{ $flag }           the pipeline and forecast
demo-hint-log-visit = {"  "}wortel log-visit{ $flag } --lead ID --outcome 2
demo-who = dealer { $dealer }, salesperson { $salesperson }
demo-not-set-up = not set up (run `wortel init`)
demo-store = store { $store }: { $who }
demo-leads = {"  "}leads: { $all } in all, { $open } open, { $new } new, { $overdue } overdue
demo-records = {"  "}accounts: { $accounts }  contacts: { $contacts }  activities: { $activities }  appointments: { $appointments }
demo-funnel = {"  "}funnel: { $deals } open deals, weighted forecast { $forecast }
demo-real-store = { $path } holds the store of dealer { $dealer }; a demo never replaces real data, so pass --store PATH for the demo
demo-store-without-dealer = { $path } holds a store with data but no dealer id; a demo never replaces it, so pass --store PATH for the demo
demo-no-directory-name = { $path } has no directory name; give a --store path such as ./demo-store
demo-cannot-remove = could not remove the leftover { $path }
demo-cannot-create = could not create { $path }
demo-cannot-move-aside = could not move the previous demo at { $path } aside
demo-cannot-move-in = could not move the new demo to { $path }

## init

the-file = the file { $file }
init-bad-dealer = dealer id `{ $dealer }` is not valid; use 1–32 letters, digits, - or _ (e.g. NL-0421)
init-demo-dealer = dealer id { $dealer } is reserved for demo stores; use your own dealer id
init-bad-salesperson = salesperson name must be 1–100 characters; give your name as head office knows it
init-key-unreadable = the head-office key file { $file } cannot be read ({ $why }); check the path
init-already = store { $store } is already set up for dealer { $dealer }, salesperson { $salesperson }
init-other-dealer = the store at { $store } already belongs to dealer { $dealer } ({ $salesperson }); use another --store path for a new dealer
init-done = store { $store } set up for dealer { $dealer }, salesperson { $salesperson }
init-public-key = public key for head office (feedback bundles are signed with it): { $key }
init-key-pinned = head office's key { $key } is pinned: bundles from head office must be signed with it

## backup, restore

backup-written = { $file }: a backup of { $store } ({ $kib } KiB); restore it with `wortel restore { $file }`
restore-done = restored { $store } from { $file }; the previous store was replaced only after the backup checked clean
restore-erased-again = {"  "}{ $count ->
    [one] { $count } person
   *[other] { $count } people
} erased since the backup was taken erased again; their tombstones kept
restore-old-store-unread = {"  "}the replaced store could not be read ({ $why }), so people erased after the backup was taken are back: erase them again with `wortel privacy erase`

## export (the weekly feedback bundle)

feedback-again = { $file }: the feedback bundle for { $week } again, as exported before
feedback-written = { $file }: feedback for { $week } (sequence { $sequence }), signed with this store's key

## benchmark

col-measure = MEASURE
col-network = NETWORK
col-yours = YOURS
benchmark-from = network figures from bundle { $bundle } ({ $created })
benchmark-none = no network figures yet: import a benchmark bundle from head office

## accounts --due

due-none = no account is due for a visit
col-every = EVERY
col-last-contact = LAST CONTACT
col-due = DUE
col-late = LATE
due-every = { $weeks } wk
due-never = never
due-late-days = { $days }d
due-count = { $count ->
    [one] { $count } account
   *[other] { $count } accounts
} due for a visit

## leads due-replacements

replacements-months = --months { $months } is outside 0 to 120; give a number of months such as 6
replacements-none = no replacements due within { $months ->
    [one] { $months } month
   *[other] { $months } months
}
col-replace-by = REPLACE BY
col-product = PRODUCT
col-lead = LEAD
replacements-new-lead = { $lead } (new)
replacements-made = { $count ->
    [one] { $count } lead
   *[other] { $count } leads
} made
replacements-open = { $count ->
    [one] { $count } replacement
   *[other] { $count } replacements
} without a lead; --create makes them

## log-visit --contact

contact-none-on-account = the account has no contacts, so --contact `{ $contact }` cannot be one; leave it out
contact-not-on-account = no contact of the account is called `{ $contact }`; its contacts are { $contacts }
contact-ambiguous = --contact `{ $contact }` fits several contacts ({ $contacts }); give more of the name

## the full-screen view, as the command line opens and closes it

view-needs-terminal = the full-screen view needs a terminal; from scripts use a subcommand such as `wortel leads`
view-backups-not-rewritten = the backups could not be rewritten after an erasure ({ $why }); they may still hold the erased people, and the next wortel command tries again
view-store-not-rewritten = the store's files could not be rewritten after an erasure ({ $why }); it is finished when the full-screen view next closes
view-not-served = commands in other terminals cannot reach this view ({ $why }); they find the store in use
view-finishing-backup = finishing today's backup …

## funnel, leads, and what every command needs

funnel-close-not-a-month = --close { $close } is not a month; write it as 2026-12
funnel-headline = forecast, { $headline }
leads-bad-tier = { $why }; pass --tier 1, 2 or 3
context-empty-store-path = the store path is empty (check --store or WORTEL_STORE); give a directory
context-bad-now = WORTEL_NOW `{ $now }` is not an RFC 3339 time such as 2026-11-23T09:00:00Z; fix or unset it
context-no-home = no home directory is known, so there is no default store location; pass --store PATH or set WORTEL_STORE

## commands typed beside the open full-screen view

view-holds-store = { $why ->
    [demo] a demo replaces the store, and the full-screen view (pid { $pid }) has this store open; quit the view (q) first, or pass --store PATH for a demo elsewhere
    [init] this store is set up already, and the full-screen view (pid { $pid }) has this store open; init a new store with --store PATH
    [restore] restoring replaces the store, and the full-screen view (pid { $pid }) has this store open; quit the view (q) first, then restore
    [debug] the full-screen view (pid { $pid }) has this store open; this debugging command needs the store to itself
   *[switch] the full-screen view (pid { $pid }) has this store open in another terminal; switch to it, or quit it (q) first
}
view-cannot-enter = the full-screen view cannot enter your directory { $dir }; run the command from another one
served-import = { $count ->
    [one] { $count } lead
   *[other] { $count } leads
} imported from another terminal
served-change = a change from another terminal
served-line = from another terminal: { $line }

## man

man-cannot-create = cannot create { $dir }; give a writable directory
man-cannot-write = cannot write { $file }; give a writable directory
man-cannot-write-into = cannot write a page into { $dir }
bundle-file-checked = { $records }  blake3 { $blake3 }…  ok
view-command-panicked = an internal error stopped this command in the full-screen view (a bug, not your data; every change it confirmed is saved): { $what }
