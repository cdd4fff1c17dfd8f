# `--help` and the man page, by command path: help-leads-reject is `wortel leads reject`,
# help-leads-reject--reason its --reason. Written from the doc comments of src/cli/ (a test in
# src/cli/help.rs prints them); the first paragraph is the short help.

help-usage = Usage:
help-heading-commands = Commands
help-heading-arguments = Arguments
help-heading-options = Options
help-flag-help = Print help (see more with --help)
help-flag-version = Print version
help-help = Print this message or the help of the given subcommand(s)

help =
    wortel — a keyboard-driven terminal CRM for dealer sales staff.

    Triage head office's leads, work accounts, log visit outcomes in seconds, move deals over the funnel, and send weekly feedback back to head office. Data stays in a local store.
help--store =
    The store directory (default: the platform data directory, e.g. ~/.local/share/wortel/store)
help-demo =
    Build a realistic demo store for a Dutch truck dealer (dealer id DEMO), then open it
help-demo--leads =
    How many leads to generate (accounts: half as many)
help-demo--seed =
    The random seed; the same seed gives the same store
help-demo--no_tui =
    Only build the store; do not open it
help-demo--bundle =
    Also write a signed sample head-office leads bundle here (the demo store pins the demo head-office key), to try `wortel import FILE` at once
help-demo--bundle_leads =
    How many leads that sample bundle holds (a big one measures an import)
help-init =
    Set up a store for a dealer and salesperson
help-init--dealer =
    The dealer id head office knows this dealer by (letters, digits, - and _)
help-init--salesperson =
    The salesperson who uses this store
help-init--head_office_key =
    Head office's public key (a file of 64 hex characters): once pinned, bundles from head office must carry its signature
help-leads =
    List leads in inbox order (tier, overdue, score, age), or accept, reject or snooze them
help-leads--status =
    Only leads with these statuses (comma-separated; default: the open ones)
help-leads--all =
    Every status, closed ones included
help-leads--tier =
    Only these tiers (1 customers, 2 known prospects, 3 unknown prospects)
help-leads--channel =
    Only leads from this channel
help-leads--overdue =
    Only new leads past their respond-by deadline
help-leads--search =
    Fuzzy search over account, city, interest and lead id; best matches first
help-leads--limit =
    At most this many leads (default: 50 in a table, all with --json)
help-leads--json =
    One JSON array of lead objects, for scripts
help-leads-accept =
    Accept new (or snoozed) leads: you will contact them
help-leads-accept--ids =
    Lead ids (wortel's or head office's)
help-leads-reject =
    Reject leads, with a reason from the store's reject list
help-leads-reject--reason =
    Why (one of the store's reject reasons, e.g. "no budget")
help-leads-snooze =
    Snooze leads until a date (e.g. 2026-12-01, 4-12, 4 dec, +3d, mon/ma, morgen)
help-leads-snooze--until =
    The day they come back to the inbox
help-leads-due-replacements =
    Products of the installed base due for replacement; --create makes their leads
help-leads-due-replacements--months =
    Replacement dates up to this many months ahead (overdue ones too)
help-leads-due-replacements--create =
    Make a lead for each replacement no lead covers yet
help-leads-due-replacements--json =
    One JSON array, for scripts
help-leads-convert =
    Turn a lead into a deal, optionally with an estimated value in euros
help-leads-convert--value =
    The deal's estimated value (95000, 95.000 or 95.000,50); without it the deal has none
help-account =
    Show one account (by id or name) with its contacts, leads, deals and activities
help-account-show =
    One account with its contacts, leads, deals and latest activities
help-account-show--account =
    The account's id, or its name (or the start of each word of it, e.g. "brouwer til")
help-account-show--json =
    One JSON object, for scripts
help-accounts =
    List accounts by name
help-accounts--search =
    Search over account names, ranked as fzf ranks: whole words, then word starts, then the rest (loose matches only when no name has every word)
help-accounts--lifecycle =
    Only accounts in this lifecycle (prospect, customer, ex-customer)
help-accounts--limit =
    At most this many accounts (default: 50 in a table, all with --json)
help-accounts--due_visit =
    Only accounts due or overdue for a visit by their tier's cadence (`[cadence]` in config.toml), most overdue first within each tier
help-accounts--json =
    One JSON array of account objects, for scripts
help-agenda =
    The agenda: today's appointments, follow-ups due or overdue, visits due by cadence
help-agenda--week =
    The whole week, Monday to Sunday, per day (default: today)
help-agenda--json =
    One JSON array of agenda rows, for scripts
help-funnel =
    Show the funnel: per-stage counts, values, weighted values and the forecast
help-funnel--stage =
    Only these stages (comma-separated) in the --json listing
help-funnel--period =
    The period the deals are counted for: open deals expected to close in it (undated ones count in the current period), won and lost ones closed in it: 2026-11, 2026-Q4, 2026 or all. Default: the current quarter, as the board
help-funnel--owner =
    Only deals of this owner
help-funnel--source =
    Only deals from head-office leads (head-office) or the dealer's own (own)
help-funnel--close =
    Only open deals expected to close in this month (2026-12); the period is that month unless --period says otherwise
help-funnel--totals =
    With --json: print the totals object instead of the list of opportunities
help-funnel--json =
    One JSON array of opportunities (or, with --totals, one totals object), for scripts
help-log-visit =
    Log a visit, call, email, meeting or note and apply its outcome
help-log-visit--lead =
    The lead: wortel's id or head office's id (e.g. HQ-2026-000123)
help-log-visit--account =
    The account id
help-log-visit--opportunity =
    The opportunity id
help-log-visit--kind =
    visit, call, email, meeting or note
help-log-visit--outcome =
    appointment-made, quote-sent, order-won, order-lost, follow-up, no-contact, not-interested (or 1–7)
help-log-visit--note =
    A note on what happened
help-log-visit--next =
    The next step's date (2026-12-01, 4-12, 4 dec, +3d, +2w, +1m, fri/vr, tomorrow/morgen); for appointment-made the appointment's date
help-log-visit--time =
    The appointment's time of day, HH:MM (default 10:00)
help-log-visit--reason =
    The lost reason, for order-lost (from the store's list, e.g. price)
help-log-visit--value =
    In euros (95000, 95.000 or 95.000,50): the final value for order-won (required when the deal has none), the quoted value for quote-sent, the estimate for appointment-made
help-log-visit--valid_until =
    Until when the quote holds, for quote-sent (2026-12-31, +30d, …)
help-log-visit--contact =
    Who was visited or called: a contact of the account, by name (or part of it) or id (default: the lead's contact)
help-log-visit--at =
    When it happened (RFC 3339; default: now)
help-log-visit--json =
    Print the result as JSON
help-deal =
    One deal: show it, or edit its title, value, quantity, product and dates
help-deal-show =
    Print one deal: stage, value, quantity, product, dates, quote and note
help-deal-show--id =
    The deal's id (as `wortel funnel --json` lists it)
help-deal-show--json =
    Print it as one JSON object
help-deal-edit =
    Change an open deal's fields; only those given change (--clear-value, --clear-close and --clear-next clear one)
help-deal-edit--id =
    The deal's id
help-deal-edit--value =
    The deal's value in euros (95000, 95.000 or 95.000,50)
help-deal-edit--clear_value =
    Clear the deal's value: it has no value yet (the forecast counts it apart)
help-deal-edit--quantity =
    How many of the product (at least 1)
help-deal-edit--close =
    The expected close date (2026-12-15, +30d, fri)
help-deal-edit--clear_close =
    Clear the expected close date (the board then counts the deal as closing now)
help-deal-edit--next =
    The deal's next step (2026-12-01, 4-12, 4 dec, +3d, fri/vr, tomorrow/morgen)
help-deal-edit--clear_next =
    Clear the deal's next step
help-deal-edit--product =
    What is sold, e.g. "R 450 tractor unit"
help-deal-edit--note =
    A note on the deal
help-import =
    Import a bundle from head office (leads): verified first, then all or nothing
help-import--file =
    The bundle (.zip) head office sent, or with --csv a spreadsheet of leads
help-import--csv =
    The file is a CSV of leads (columns in the README), not a bundle
help-import--dialect =
    With --csv: the sheet's dialect, standard (`,`) or excel-nl (`;`, as Dutch Excel saves it). Without it the header row decides; with it a sheet in the other one is refused
help-benchmark =
    The network's figures from head office beside yours (rates in %, response in hours)
help-backup =
    Write a consistent, checksummed backup of the store
help-backup--file =
    Where to write the backup (a .zip)
help-restore =
    Replace the store with a backup, after verifying it (the old store stays until it worked)
help-restore--file =
    The backup to restore (a .zip)
help-restore--repair =
    When the backup's only faults are indexes out of step with its records, rebuild them while restoring
help-privacy =
    The rights of the people in the store: export (access) and erase
help-privacy-export =
    Everything the store holds about a person, as one JSON document
help-privacy-export--person =
    A contact id or the person's name
help-privacy-export--out =
    Write the document here instead of to standard output
help-privacy-consent =
    Record consent given or withdrawn for a person (withdrawal keeps the history)
help-privacy-consent--person =
    A contact id or the person's name
help-privacy-consent--withdraw =
    Withdraw consent for this purpose: sales-contact or marketing
help-privacy-consent--give =
    Record consent given for this purpose: sales-contact or marketing
help-privacy-consent--source =
    Where the consent came from (with --give), e.g. "phone call"
help-privacy-purge =
    Remove personal data past its retention period ([retention] in config.toml)
help-privacy-purge--dry_run =
    Only list what is due
help-privacy-erase =
    Remove a person's personal data everywhere, then rewrite the store's files
help-privacy-erase--person =
    A contact id or the person's name
help-privacy-erase--yes =
    Do not ask (for scripts)
help-bundle =
    Look into a bundle without touching the store
help-bundle-inspect =
    Print the manifest, verify checksums and (when a key is known) the signature, count records
help-bundle-inspect--file =
    The bundle (.zip)
help-bundle-inspect--key =
    The sender's public key file (default: head office's key pinned in the store, if any)
help-export =
    Export for other programs: CSV for spreadsheets, iCalendar, vCard
help-export--week =
    The ISO week of the feedback bundle, e.g. 2026-W47 (default: this week). Exporting a week again gives the same file
help-export--out =
    Where to write the feedback bundle (default: feedback-<dealer>-<week>.zip here)
help-export--csv =
    Write accounts.csv, leads.csv, opportunities.csv and activities.csv into this directory
help-export--dialect =
    With --csv: standard (UTF-8, `,`, 95000.00; the default) or excel-nl (UTF-8 with BOM, `;`, 95000,00), which Excel with Dutch settings opens into the right columns
help-export--ics =
    Write appointments and follow-ups as an iCalendar file (RFC 5545)
help-export--vcf =
    Write contacts as a vCard 4.0 file (RFC 6350)
help-export--marketing =
    With --vcf or --csv: only contacts whose marketing consent holds today, and only the accounts (with their leads, opportunities and activities) that have such a contact
help-check =
    Verify the store: records, indexes and the change log agree
help-check--repair =
    Mend what can be mended: indexes rebuilt from the records, a head-office id two leads carry kept on the first
help-completions =
    Print shell completions (bash, zsh, fish, elvish, powershell)
help-completions--shell =
    The shell to generate completions for
help-man =
    Print the manual page (roff), or write every page with --all DIR
help-man--all =
    Write wortel.1 and one page per subcommand into this directory instead
help-export--headers =
    With --csv: the header row's names, machine (stable snake_case names, the default) or nl (Dutch column titles for a person reading the sheet)
