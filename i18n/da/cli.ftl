# Tekster fra kommandolinjen `nabo`.

cli-initialised = Nabo-databasen er oprettet: { $path }
cli-cancelled = Aflyst: aftale { $id }
cli-conflict-overlap = Advarsel: overlapper med aftale { $id } ({ $start }–{ $end }).
cli-conflict-travel = Advarsel: kun { $gap ->
    [one] 1 minut
   *[other] { $gap } minutter
} mellem dette besøg og besøg { $id } ({ $start }–{ $end }). Rejsetiden er sat til { $needed } minutter.
cli-list-empty = Ingen aftaler fra { $from } til { $to }.
cli-check-ok = Databasen er i orden: { $activities ->
    [one] 1 aftale
   *[other] { $activities } aftaler
}, version { $version }.
cli-check-problem = Problem i databasen: { $problem }
cli-check-conflict = Konflikt mellem aftale { $id } ({ $start }) og aftale { $other } ({ $other_start }).
cli-check-damaged = Databasen er beskadiget. Lav en kopi af filen, før du gør andet.
cli-damaged-reading = Advarsel: databasen er beskadiget. Nabo viser det, der kan læses, men gemmer ikke noget. Kør "nabo check".
cli-exported = { $count ->
    [one] 1 aftale skrevet til { $path }
   *[other] { $count } aftaler skrevet til { $path }
}
cli-skipped = Mødet er taget ud af serien: { $id }
cli-setting-saved = Indstillingen er gemt: { $key }
cli-moved = Flyttet: aftale { $id }

cli-imported = Kalenderen "{ $source }": { $added } nye, { $changed } ændrede, { $unchanged } uændrede, { $removed } fjernet.
cli-import-dry-run = Prøvekørsel, intet er gemt. Kalenderen "{ $source }" ville få { $added } nye, { $changed } ændrede, { $unchanged } uændrede og { $removed } fjernede.
cli-import-outside = { $count ->
    [one] 1 aftale
   *[other] { $count } aftaler
} uden for det tidsrum, Nabo gemmer (et år tilbage og to år frem), er sprunget over.
cli-import-cancelled = { $count ->
    [one] 1 aflyst aftale er sprunget over.
   *[other] { $count } aflyste aftaler er sprunget over.
}
cli-import-capped = Serien { $uid } (linje { $line }) gentages for tit; kun { $kept } af dens gange er importeret.
cli-import-duplicate = Aftalen { $uid } (linje { $line }) findes to gange; kun den første er importeret.
cli-import-capped-more = { $count ->
    [one] … og 1 serie mere, der gentages for tit, er skåret af på samme måde.
   *[other] … og { $count } serier mere, der gentages for tit, er skåret af på samme måde.
}
cli-import-duplicate-more = { $count ->
    [one] … og 1 aftale mere med et UID, der allerede er set, er sprunget over.
   *[other] … og { $count } aftaler mere med et UID, der allerede er set, er sprunget over.
}
cli-busy-row = { $start }–{ $end }  optaget  { $title } ({ $source })
cli-busy-all-day = { $start }  hele dagen  optaget  { $title } ({ $source })
cli-calendars-empty = Ingen kalendere importeret endnu. Brug: nabo import-ics FIL
cli-calendars-row = { $name }: { $entries ->
    [one] 1 aftale
   *[other] { $entries } aftaler
}, importeret { $imported }
cli-calendar-removed = Kalenderen "{ $name }" og dens optagne tid er fjernet.
cli-calendar-unknown = Der er ingen importeret kalender ved navn "{ $name }".
cli-conflict-busy = Overlapper optaget tid i kalenderen "{ $source }" ({ $start }–{ $end }).

cli-recorded = Tal skrevet på aftale { $id }: { $reached } personer nået, { $new } nye. Aftalen er markeret som gennemført.
cli-recorded-edited = Tallene på aftale { $id } er rettet ({ $reached } personer nået, { $new } nye); rettelsen er noteret.
cli-counts-much-larger = Mødet havde { $reached } deltagere, meget flere end de { $usual }, det plejer at have. Er tallet rigtigt?
cli-scheme-title = Kategoriskema { $version }. Skriv tal som nøgle=antal, fx: nabo record 12 reached=3 new=1 gender.women=3
cli-scheme-total = hovedtal
cli-scheme-breakdown = fordeling, lægges sammen til reached (udeladt = alle ukendt)
cli-scheme-tally = optælling, hver højst reached
cli-stats-title = Din måned, { $period }
cli-stats-activities = Aftaler
cli-stats-none = Ingen aftaler i { $period }.
cli-stats-reached = Personer nået: { $reached } (heraf nye: { $new }) på { $recorded ->
    [one] 1 aftale
   *[other] { $recorded } aftaler
} med tal

cli-check-personal-data = Aftale { $id }: "{ $field_label }" ser ud til at indeholde { $kind ->
    [cpr] et CPR-nummer
    [phone] et telefonnummer eller et andet langt nummer
    [email] en e-mailadresse
    [street_address] en adresse med husnummer
    [name] et navn i stedet for et kodenavn som H-17
   *[other] personoplysninger
}. Ret aftalen, så den ikke indeholder personoplysninger.
cli-counts-removed = Tallene på aftale { $id } er fjernet (det er logget). Aftalen står stadig som gennemført; fandt den ikke sted, så aflys den: nabo cancel { $id }
cli-counts-none-to-remove = Aftale { $id } har ingen registrerede tal.

# Siges af `nabo` selv, uden for en bestemt handling.
cli-output-failed = Nabo kunne ikke skrive sit resultat: { $reason }
cli-bad-now = { $env } skal være et tidspunkt efter RFC 3339, fx 2026-06-01T12:00:00Z.
cli-see-help = { $problem } (se nabo --help)
cli-usage-error = Kommandoen kunne ikke læses.
cli-bad-target-id = id'et skal være et helt tal, fx 12 eller 12@2026-12-01
cli-bad-target-date = dagen efter @ skal være en dato skrevet ÅÅÅÅ-MM-DD, fx 12@2026-12-01

## Opsummeringer
cli-key-who = { $role }: { $name }
cli-key-no-name = (intet navn endnu: nabo settings set name NAVN)
cli-key-fingerprint = Fingeraftryk: { $fingerprint }  (læs det op for den anden, så I kan sammenligne)
cli-key-public = Offentlig nøgle: { $key }
cli-key-recipient = Opsummeringer låses til: { $recipient }
cli-card-written = Dit identitetskort er skrevet til { $path }. Fingeraftryk: { $fingerprint }
cli-coordinator-set = Din koordinator er nu { $name }. Fingeraftryk: { $fingerprint } — sammenlign med det, hendes Nabo viser (nabo key show).
cli-coordinator-is = Din koordinator: { $name }. Fingeraftryk: { $fingerprint }
cli-coordinator-none = Der er ingen koordinator. Vælg hende med: nabo coordinator set KORT
cli-coordinator-areas = Områder: { $areas }
cli-coordinator-places = Offentlige mødesteder: { $places }
cli-summary-written = { $period } er skrevet til { $path } som version { $revision }, låst til { $name } ({ $fingerprint }).
cli-summary-written-plain = { $period } er skrevet til { $path } som version { $revision }, ikke låst.
cli-summary-plain-warning = Advarsel: filen er ikke låst: alle, der får den, kan læse tallene og dit navn.
cli-sha256 = SHA-256: { $sha256 }
cli-summary-new = { $file }: ny — { $volunteer }, { $period }, version { $revision }
cli-summary-replaces = { $file }: erstatter version { $replaced } — { $volunteer }, { $period }, version { $revision }
cli-summary-already = { $file }: allerede indlæst — { $volunteer }, { $period }, version { $revision }
cli-summary-refused = { $file }: { $why }
cli-summaries-done = { $new } nye, { $replaced } erstattet, { $already } allerede indlæst, { $refused } afvist.
cli-summaries-dry-run = Prøvekørsel, intet er gemt: { $new } nye, { $replaced } ville erstatte, { $already } allerede indlæst, { $refused } afvist.
cli-key-accepted = { $name }s nye nøgle ({ $fingerprint }) er godkendt; hendes måneder indtil nu hører til den.
cli-volunteers-none = Ingen opsummeringer indlæst endnu. Brug: nabo import-summary FIL…
cli-volunteer = { $name }  { $fingerprint }
cli-volunteer-offered = { "  " }En ny nøgle kom under dette navn: { $fingerprint }. Sammenlign med hende, og derefter: nabo volunteers accept-key "{ $name }"
cli-volunteer-month = { "  " }{ $period }  version { $revision }  { $reached } nået, { $new } nye  (SHA-256 { $sha256 }…)
cli-volunteer-missing = { "  " }mangler: { $months }
cli-receipt-written = Kvittering til { $name } skrevet til { $path } ({ $count ->
    [one] 1 måned
   *[other] { $count } måneder
}).
cli-receipt-from = Kvittering fra { $name } ({ $fingerprint }), lavet { $created }:
cli-receipt-month = { "  " }{ $period }: { $state } ({ $reached } nået)
cli-receipt-month-missing = { "  " }{ $period }: { $state }
cli-report-written = Rapporten er skrevet til { $path }: { $rows } rækker × { $cols } kolonner; { $primary ->
    [one] 1 lille tal vist
   *[other] { $primary } små tal vist
} som "<{ $min }", { $secondary ->
    [one] 1 felt skjult
   *[other] { $secondary } felter skjult
} som "x" for at beskytte dem.
cli-target-set = Mål { $id } er sat: { $measure } i { $period }.
cli-target-none = Der er ingen mål endnu. Sæt et med: nabo target set --measure reached --period 2026 --count 400
cli-target-count = #{ $id } { $measure } { $period }: { $actual } af { $goal } ({ $percent } %), forventet nu { $expected } — { $state }
cli-target-share = #{ $id } { $measure } { $period }: { $share } % af { $of } ({ $actual } af { $of_total }), mål { $goal } % — { $state }
cli-target-met = nået
cli-target-behind = bagud
cli-target-on-pace = i takt
cli-target-removed = Mål { $id } er fjernet.
cli-rollup-carried =   med { $new } nye måneder, { $replaced } nyere versioner og { $same } allerede indlæst.
cli-rollup-newer-here =   { $volunteer }, { $period }: version { $used } er allerede her og bruges (opgørelsen har version { $in_rollup }).
cli-rollup-written = Opgørelsen for { $period } er skrevet til { $path } som version { $revision }: { $summaries } opsummeringer fra { $volunteers } frivillige, { $reached } personer nået. Krypteret til { $name } ({ $fingerprint }).
cli-rollup-written-plain = Opgørelsen for { $period } er skrevet til { $path } som version { $revision }: { $summaries } opsummeringer fra { $volunteers } frivillige, { $reached } personer nået. Ikke krypteret.
cli-rollup-plain-warning = Advarsel: filen er ikke krypteret: alle, der får den, kan læse tallene og de frivilliges navne.
cli-encrypted-now = Databasen var lavet af en tidligere Nabo og var ikke krypteret: nu er den krypteret, og den ukrypterede fil er fjernet. (En sikkerhedskopi eller kopi, du har lavet af den før, er stadig ukrypteret: slet den.)
cli-backup-written = Sikkerhedskopien er skrevet til { $path } (krypteret med databasens nøgle).
cli-backups-settings = Mappe til sikkerhedskopier: { $folder }. { $every ->
    [0] Ingen automatiske sikkerhedskopier.
    [one] En sikkerhedskopi hver dag, når vinduet er åbent; de { $keep } nyeste gemmes.
   *[other] En sikkerhedskopi hver { $every }. dag, når vinduet er åbent; de { $keep } nyeste gemmes.
}
cli-backups-none = Der er ingen sikkerhedskopier i mappen endnu.
cli-backups-one =   { $made }  { $path }  ({ $kib } KiB)
cli-restored = Databasen er hentet tilbage fra { $file }: den bestod alle kontroller og har { $activities } aftaler.
cli-restore-kept = Databasen, som den var før, er gemt som sikkerhedskopi: { $path }
cli-erased-file = Fjernede { $path }
cli-erased-key = Fjernede databasens nøgle fra nøgleringen.
cli-erase-failed = Kunne ikke fjerne { $path }: { $reason }
cli-erased = Alt, hvad Nabo gemte på denne computer, er slettet.
cli-erased-nothing = Der var intet at slette.
cli-check-restore = Den nyeste sikkerhedskopi er { $path } ({ $made }). Sådan går du tilbage til den: nabo restore "{ $path }"
cli-lock-removed = Vinduets lås er slået fra. Vælg en ny pinkode under Indstillinger, hvis du vil have den igen.
cli-lock-none = Vinduet har ingen lås.
