# Text from the `nabo` command line.

cli-initialised = Created the Nabo database: { $path }
cli-cancelled = Cancelled: appointment { $id }
cli-conflict-overlap = Warning: overlaps appointment { $id } ({ $start }–{ $end }).
cli-conflict-travel = Warning: only { $gap } minutes between this visit and visit { $id } ({ $start }–{ $end }). Travel time is set to { $needed } minutes.
cli-list-empty = No appointments from { $from } to { $to }.
cli-check-ok = The database is fine: { $activities } appointments, version { $version }.
cli-check-problem = Problem in the database: { $problem }
cli-check-conflict = Conflict between appointment { $id } ({ $start }) and appointment { $other } ({ $other_start }).
cli-check-damaged = The database is damaged. Make a copy of the file before you do anything else.
cli-exported = { $count ->
    [one] 1 appointment written to { $path }
   *[other] { $count } appointments written to { $path }
}
cli-skipped = The meeting was taken out of the series: { $id }
cli-moved = Moved: appointment { $id }
