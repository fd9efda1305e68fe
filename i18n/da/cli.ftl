# Tekster fra kommandolinjen `nabo`.

cli-initialised = Nabo-databasen er oprettet: { $path }
cli-cancelled = Aflyst: aftale { $id }
cli-conflict-overlap = Advarsel: overlapper med aftale { $id } ({ $start }–{ $end }).
cli-conflict-travel = Advarsel: kun { $gap } minutter mellem dette besøg og besøg { $id } ({ $start }–{ $end }). Rejsetiden er sat til { $needed } minutter.
cli-list-empty = Ingen aftaler fra { $from } til { $to }.
cli-check-ok = Databasen er i orden: { $activities } aftaler, version { $version }.
cli-check-problem = Problem i databasen: { $problem }
cli-check-conflict = Konflikt mellem aftale { $id } ({ $start }) og aftale { $other } ({ $other_start }).
cli-check-damaged = Databasen er beskadiget. Lav en kopi af filen, før du gør andet.
cli-exported = { $count ->
    [one] 1 aftale skrevet til { $path }
   *[other] { $count } aftaler skrevet til { $path }
}
cli-skipped = Mødet er taget ud af serien: { $id }
cli-moved = Flyttet: aftale { $id }
