# Text from the `nabo` command line.

cli-initialised = Created the Nabo database: { $path }
cli-cancelled = Cancelled: appointment { $id }
cli-conflict-overlap = Warning: overlaps appointment { $id } ({ $start }–{ $end }).
cli-conflict-travel = Warning: only { $gap ->
    [one] 1 minute
   *[other] { $gap } minutes
} between this visit and visit { $id } ({ $start }–{ $end }). Travel time is set to { $needed } minutes.
cli-list-empty = No appointments from { $from } to { $to }.
cli-check-ok = The database is fine: { $activities ->
    [one] 1 appointment
   *[other] { $activities } appointments
}, version { $version }.
cli-check-problem = Problem in the database: { $problem }
cli-check-conflict = Conflict between appointment { $id } ({ $start }) and appointment { $other } ({ $other_start }).
cli-check-damaged = The database is damaged. Make a copy of the file before you do anything else.
cli-damaged-reading = Warning: the database is damaged. Nabo shows what it can read but saves nothing. Run "nabo check".
cli-exported = { $count ->
    [one] 1 appointment written to { $path }
   *[other] { $count } appointments written to { $path }
}
cli-skipped = The meeting was taken out of the series: { $id }
cli-setting-saved = Setting saved: { $key }
cli-moved = Moved: appointment { $id }

cli-imported = Calendar "{ $source }": { $added } new, { $changed } changed, { $unchanged } unchanged, { $removed } removed.
cli-import-dry-run = Dry run, nothing was saved. Calendar "{ $source }" would get { $added } new, { $changed } changed, { $unchanged } unchanged and { $removed } removed.
cli-import-outside = { $count ->
    [one] 1 event outside the time Nabo keeps (a year back and two years ahead) was skipped.
   *[other] { $count } events outside the time Nabo keeps (a year back and two years ahead) were skipped.
}
cli-import-cancelled = { $count ->
    [one] 1 cancelled event was skipped.
   *[other] { $count } cancelled events were skipped.
}
cli-import-capped = The series { $uid } (line { $line }) repeats too often; only { $kept } of its occurrences were imported.
cli-import-duplicate = The event { $uid } (line { $line }) appears twice; only the first was imported.
cli-import-capped-more = { $count ->
    [one] … and 1 more series that repeats too often was cut short the same way.
   *[other] … and { $count } more series that repeat too often were cut short the same way.
}
cli-import-duplicate-more = { $count ->
    [one] … and 1 more event with a UID already seen was skipped.
   *[other] … and { $count } more events with a UID already seen were skipped.
}
cli-busy-row = { $start }–{ $end }  busy  { $title } ({ $source })
cli-busy-all-day = { $start }  all day  busy  { $title } ({ $source })
cli-calendars-empty = No calendars imported yet. Use: nabo import-ics FILE
cli-calendars-row = { $name }: { $entries ->
    [one] 1 event
   *[other] { $entries } events
}, imported { $imported }
cli-calendar-removed = The calendar "{ $name }" and its busy time were removed.
cli-calendar-unknown = There is no imported calendar named "{ $name }".
cli-conflict-busy = Overlaps busy time in the calendar "{ $source }" ({ $start }–{ $end }).

cli-recorded = Counts recorded on appointment { $id }: { $reached } people reached, { $new } new. The appointment is marked done.
cli-recorded-edited = The counts on appointment { $id } were corrected ({ $reached } people reached, { $new } new); the correction is logged.
cli-counts-much-larger = The meeting had { $reached } people, many more than its usual { $usual }. Is the number right?
cli-scheme-title = Category scheme { $version }. Write counts as key=number, e.g.: nabo record 12 reached=3 new=1 gender.women=3
cli-scheme-total = total
cli-scheme-breakdown = breakdown, adds up to reached (left out = all unknown)
cli-scheme-tally = tally, each at most reached
cli-stats-title = Your month, { $period }
cli-stats-activities = Appointments
cli-stats-none = No appointments in { $period }.
cli-stats-reached = People reached: { $reached } (of whom new: { $new }) in { $recorded ->
    [one] 1 appointment
   *[other] { $recorded } appointments
} with counts

cli-check-personal-data = Appointment { $id }: "{ $field_label }" seems to contain { $kind ->
    [cpr] a CPR number
    [phone] a phone number or another long number
    [email] an e-mail address
    [street_address] a street address with a house number
    [name] a name instead of a code name like H-17
   *[other] personal data
}. Edit the appointment to remove the personal data.
cli-counts-removed = The counts on appointment { $id } were removed (this is logged). It is still marked done; if it did not take place, cancel it: nabo cancel { $id }
cli-counts-none-to-remove = Appointment { $id } has no counts recorded.

# Said by `nabo` itself, outside any use-case.
cli-output-failed = Nabo could not write its output: { $reason }
cli-bad-now = { $env } must be an RFC 3339 time such as 2026-06-01T12:00:00Z.
cli-see-help = { $problem } (see nabo --help)
cli-usage-error = The command could not be read.
cli-bad-target-id = the id must be a whole number, e.g. 12 or 12@2026-12-01
cli-bad-target-date = the day after @ must be a date written YYYY-MM-DD, e.g. 12@2026-12-01

## Summary files
cli-key-who = { $role }: { $name }
cli-key-no-name = (no name yet: nabo settings set name NAME)
cli-key-fingerprint = Fingerprint: { $fingerprint }  (read it to the other person to compare)
cli-key-public = Public key: { $key }
cli-key-recipient = Summaries are encrypted to: { $recipient }
cli-card-written = Your identity card was written to { $path }. Fingerprint: { $fingerprint }
cli-coordinator-set = Your coordinator is now { $name }. Fingerprint: { $fingerprint } — compare it with the one her Nabo shows (nabo key show).
cli-coordinator-is = Your coordinator: { $name }. Fingerprint: { $fingerprint }
cli-coordinator-none = No coordinator is set. Set her with: nabo coordinator set CARD
cli-coordinator-areas = Areas: { $areas }
cli-coordinator-places = Public meeting places: { $places }
cli-summary-written = { $period } was written to { $path } as version { $revision }, encrypted to { $name } ({ $fingerprint }).
cli-summary-written-plain = { $period } was written to { $path } as version { $revision }, not encrypted.
cli-summary-plain-warning = Warning: the file is not encrypted: anyone who gets it can read the numbers and your name.
cli-sha256 = SHA-256: { $sha256 }
cli-summary-new = { $file }: new — { $volunteer }, { $period }, version { $revision }
cli-summary-replaces = { $file }: replaces version { $replaced } — { $volunteer }, { $period }, version { $revision }
cli-summary-already = { $file }: already imported — { $volunteer }, { $period }, version { $revision }
cli-summary-refused = { $file }: { $why }
cli-summaries-done = { $new } new, { $replaced } replaced, { $already } already imported, { $refused } refused.
cli-summaries-dry-run = Dry run, nothing was saved: { $new } new, { $replaced } would replace, { $already } already imported, { $refused } refused.
cli-key-accepted = The new key of { $name } ({ $fingerprint }) is accepted; her months so far count under it.
cli-volunteers-none = No summaries imported yet. Use: nabo import-summary FILE…
cli-volunteer = { $name }  { $fingerprint }
cli-volunteer-offered = { "  " }A new key was offered under this name: { $fingerprint }. Compare it with her, then: nabo volunteers accept-key "{ $name }"
cli-volunteer-month = { "  " }{ $period }  version { $revision }  { $reached } reached, { $new } new  (SHA-256 { $sha256 }…)
cli-volunteer-missing = { "  " }missing: { $months }
cli-receipt-written = Receipt for { $name } written to { $path } ({ $count ->
    [one] 1 month
   *[other] { $count } months
}).
cli-receipt-from = Receipt from { $name } ({ $fingerprint }), made { $created }:
cli-receipt-month = { "  " }{ $period }: { $state } ({ $reached } reached)
cli-receipt-month-missing = { "  " }{ $period }: { $state }
cli-report-written = The report is written to { $path }: { $rows } rows × { $cols } columns; { $primary ->
    [one] 1 small count
   *[other] { $primary } small counts
} shown as "<{ $min }", { $secondary ->
    [one] 1 cell
   *[other] { $secondary } cells
} hidden as "x" to protect them.
cli-target-set = Target { $id } is set: { $measure } in { $period }.
cli-target-none = No targets yet. Set one with: nabo target set --measure reached --period 2026 --count 400
cli-target-count = #{ $id } { $measure } { $period }: { $actual } of { $goal } ({ $percent } %), expected by now { $expected } — { $state }
cli-target-share = #{ $id } { $measure } { $period }: { $share } % of { $of } ({ $actual } of { $of_total }), target { $goal } % — { $state }
cli-target-met = met
cli-target-behind = behind pace
cli-target-on-pace = on pace
cli-target-removed = Target { $id } is removed.
cli-rollup-carried =   carrying { $new } new months, { $replaced } newer versions and { $same } already imported.
cli-rollup-newer-here =   { $volunteer }, { $period }: version { $used } is already here and is used (the roll-up holds version { $in_rollup }).
cli-rollup-written = The roll-up for { $period } was written to { $path } as version { $revision }: { $summaries } summaries from { $volunteers } volunteers, { $reached } people reached. Encrypted to { $name } ({ $fingerprint }).
cli-rollup-written-plain = The roll-up for { $period } was written to { $path } as version { $revision }: { $summaries } summaries from { $volunteers } volunteers, { $reached } people reached. Not encrypted.
cli-rollup-plain-warning = Warning: the file is not encrypted: anyone who gets it can read the numbers and the volunteers' names.
cli-encrypted-now = The database was made by an earlier Nabo and was not encrypted: it is encrypted now, and its unencrypted file is removed. (A backup or copy you made of it before is still unencrypted: delete it.)
cli-backup-written = Backup written to { $path } (encrypted with the database's key).
cli-backups-settings = Backup folder: { $folder }. { $every ->
    [0] No automatic backups.
    [one] A backup every day when the window is open; the newest { $keep } are kept.
   *[other] A backup every { $every } days when the window is open; the newest { $keep } are kept.
}
cli-backups-none = No backups in the folder yet.
cli-backups-one =   { $made }  { $path }  ({ $kib } KiB)
cli-restored = The database was restored from { $file }: it passed every check and holds { $activities } activities.
cli-restore-kept = The database as it was before is kept as a backup: { $path }
cli-erased-file = Removed { $path }
cli-erased-key = Removed the database's key from the key store.
cli-erase-failed = Could not remove { $path }: { $reason }
cli-erased = Everything Nabo kept on this computer is erased.
cli-erased-nothing = There was nothing to erase.
cli-check-restore = The newest backup is { $path } ({ $made }). To go back to it: nabo restore "{ $path }"
cli-lock-removed = The window's app lock is off. Set a new PIN in Settings if you want it back.
cli-lock-none = The window has no app lock.
