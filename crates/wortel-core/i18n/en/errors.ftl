# The store's refusals, as the CLI says them (src/cli/errors.rs maps each StoreError here).

store-in-use = the store at { $path } is open in another wortel process; close that one first
store-missing = there is no wortel store at { $path }; create one with `wortel init --dealer ID --salesperson NAME` or `wortel demo`
store-not-a-store = { $path } is not a wortel store (it holds other files); pick another --store path
store-not-a-directory = { $path } is a file, not a wortel store; pick a directory as --store path
store-too-new = the store at { $path } was written by a newer wortel (schema version { $found }, this wortel knows up to { $supported }); upgrade wortel to open it
store-no-identity = the store has no dealer id; run `wortel init --dealer ID --salesperson NAME` first
store-not-found = { $what ->
    [lead] lead
    [account] account
    [contact] contact
    [opportunity] opportunity
    [activity] activity
    [appointment] appointment
   *[record] record
} { $id } does not exist; check the id (list them with `wortel { $list }`)
store-corrupt = record { $id } in { $tree } is unreadable ({ $detail }); run `wortel check` and restore a backup if it persists
store-disk-full = the disk holding the store at { $path } is full; make room (delete or move files) and try again — what was saved before is kept, the change that failed was not saved
store-read-only = the store at { $path } is read-only (the disk is read-only); make it writable or give another --store — what was saved before is kept, the change that failed was not saved
store-not-allowed = the store at { $path } is read-only (you may not write to it); make it writable or give another --store — what was saved before is kept, the change that failed was not saved
store-io = the store at { $path } could not be read or written: { $detail }
store-damaged = the store at { $path } is damaged ({ $what }); { $advice }
store-bad-backup = { $file } is not a usable wortel backup ({ $why }); the store was not touched
