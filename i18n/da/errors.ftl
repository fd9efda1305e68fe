# Fejlbeskeder. Nøglen er error-<kode>, hvor koden er ErrorCode fra nabo-app.
# Variabler: $field_label og $kind_label er allerede oversat af den, der viser beskeden.

error-unreadable_time = { $field_label }: "{ $input }" kan ikke læses som dato og tid. Skriv fx 2026-12-01T10:00.
error-dst_gap = { $field_label }: Kl. { $time } findes ikke den { $date }. Uret springer fra { $gap_start } til { $gap_end } den nat, fordi det bliver sommertid. Vælg et andet tidspunkt.
error-end_not_after_start = Slut ({ $end }) skal være efter start ({ $start }).
error-too_long = { $kind_label } på { $minutes } minutter er for lang tid. Højst { $max } minutter.
error-missing_field = Udfyld "{ $field_label }". Det skal altid med for { $kind_label }.
error-not_for_kind = "{ $field_label }" hører ikke til { $kind_label }. Lad feltet være tomt.
error-text_too_long = "{ $field_label }" er for lang ({ $chars } tegn). Højst { $max } tegn.
error-control_character = "{ $field_label }" indeholder { $code_point }, { $char_kind ->
    [line_break] et linjeskift. Feltet må kun fylde én linje.
    [direction] et tegn, der ændrer skriveretningen. Fjern det; det er måske kommet med kopieret tekst.
    [only_invisible] et usynligt tegn og intet andet. Skriv med bogstaver.
   *[control] et styretegn. Fjern det; det er måske kommet med kopieret tekst.
} Intet er gemt.
error-not_a_pseudonym = Husstanden skal have et kodenavn som H-17, aldrig et navn. Brug tal, bindestreg og højst to bogstaver i træk, og mindst ét tal.
error-personal_data = "{ $field_label }" ser ud til at indeholde { $kind ->
    [cpr] et CPR-nummer
    [phone] et telefonnummer eller et andet langt nummer
    [email] en e-mailadresse
    [street_address] en adresse med husnummer
   *[other] personoplysninger
}. Skriv det om uden personoplysninger. Intet er gemt.
error-unreadable_duration = Varigheden "{ $input }" kan ikke læses. Skriv fx 45m, 1h30m eller 2h.
error-duration_not_positive = Varigheden skal være mere end 0 minutter, ikke "{ $input }".
error-unreadable_date = "{ $input }" er ikke en dato. Skriv den som ÅÅÅÅ-MM-DD, fx 2026-12-01.
error-date_out_of_range = { $field_label }: Nabo kan kun bruges til datoer i årene { $first } til { $last }. Vælg en dato i de år.
error-invalid_range = Perioden { $from } til { $to } kan ikke bruges. Den sidste dag må ikke ligge før den første, og perioden må højst være 5 år.
error-not_found = Der er ingen aftale med nummer { $id }.
error-not_an_occurrence = Aftale { $id } har intet møde { $occurrence }.
error-not_a_database = { $path } er ikke en Nabo-database. Filen er ikke ændret.
error-database_too_new = { $path } er lavet af en nyere Nabo (version { $found } af databasen; denne Nabo kender op til { $supported }). Opdatér Nabo. Filen er ikke ændret.
error-no_data_folder = Nabo ved ikke, hvor databasen skal ligge: der er ikke valgt en database, og brugeren har ingen hjemmemappe. Sæt { $env } eller brug --db STI.
error-no_identity = Nabo har ingen identitet endnu: vælg først, om du er frivillig eller koordinator (nabo init eller velkomstskærmen).
error-no_randomness = Styresystemet gav ingen tilfældighed til en ny nøgle: { $detail }
error-card_needs_name = Et identitetskort skal have dit navn: angiv det med nabo settings set name NAVN
error-not_a_coordinator = Kun en koordinator indlæser opsummeringer: sæt rollen til koordinator (eller begge) først.
error-no_coordinator = Der er ingen koordinator endnu: åbn hendes identitetskort (nabo coordinator set KORT eller under Indstillinger), eller skriv en fil, alle kan læse, med --plain.
error-receipt_refused = { $file }: { $reason ->
    [other_coordinator] kvitteringen er ikke fra din koordinator (den er underskrevet med en anden nøgle). Intet er ændret.
   *[other_volunteer] kvitteringen er til en anden frivillig (en anden nøgle end din). Intet er ændret.
}
error-unknown_volunteer = Ingen opsummering er kommet fra en frivillig ved navn «{ $name }».
error-no_offered_key = Der er ikke kommet en anden nøgle under navnet «{ $name }».
error-card_refused = { $file } kan ikke bruges: { $reason ->
    [too_large] filen er for stor til at være en Nabo-fil.
    [not_json] det er ikke en Nabo-fil.
    [wrong_format] det er en anden slags fil end ventet.
    [unknown_version] den er lavet af en nyere Nabo; opdater Nabo først.
    [signature] underskriften passer ikke: filen er ændret, efter den blev underskrevet.
    [text] en tekst i den overholder ikke reglerne ({ $detail }).
   *[malformed] indholdet passer ikke til formatet ({ $detail }).
}
error-no_database = Der er ingen Nabo-database i { $path }. Opret den først med: nabo init
error-database_exists = Der er allerede en Nabo-database i { $path }.
error-invalid_setting = { $field_label } skal være mellem { $min } og { $max }, ikke { $value }.
error-write_failed = Filen { $path } kunne ikke gemmes: { $detail }
error-invalid_live_calendar = { $reason ->
    [not_absolute] Vælg hele stien til filen, fx /home/navn/Kalender/nabo.ics.
    [not_ics] Filen skal ende på .ics.
    [database] { $path } er Nabos database eller en af dens filer. Vælg et andet filnavn.
    [folder] { $path } er en mappe. Skriv navnet på en fil i mappen.
    [symlink] { $path } er en genvej (symbolsk link). Vælg selve filen.
    [read_only] { $path } er skrivebeskyttet. Vælg en anden fil, eller fjern skrivebeskyttelsen.
    [not_a_file] { $path } er ikke en almindelig fil. Vælg en .ics-fil.
   *[other] Mappen til { $path } findes ikke.
}
error-storage = Databasen kunne ikke læses eller gemmes: { $detail }

# Oplysninger om, hvordan et tidspunkt blev læst.
notice-ambiguous_time_chose_first = Kl. { $time } findes to gange den { $date }, fordi uret stilles tilbage. Nabo har valgt den første (sommertid, UTC{ $offset }).

# En fejl, der ikke kom fra Nabos egen kontrol (fx hvis vinduet mistede forbindelsen).
error-internal = Noget gik galt. Prøv igen.

# Gentagelser (serier).
error-expected_size_out_of_range = Det forventede antal deltagere skal være mellem 1 og { $max }, ikke { $size }.
error-invalid_repeat = Gentagelsen kan ikke bruges: "{ $rule }". Vælg fx hver uge, hver anden uge eller hver måned.
error-repeat_too_many = En serie kan højst have { $max } møder, ikke { $count }.
error-repeat_too_long = En serie kan højst vare 10 år. Denne slutter { $until }.
error-repeat_empty = Gentagelsen giver ingen møder. Tjek slutdatoen.
error-repeat_invalid_interval = Gentagelsens interval (INTERVAL) skal være et helt tal fra 1 og op, ikke "{ $interval }": 1 er hver gang, 2 hver anden gang.
error-repeat_count_with_until = En gentagelse slutter efter et antal møder (COUNT) eller på en dato (UNTIL), ikke begge. Vælg én af dem.

error-import_not_calendar = { $path } er ikke en kalenderfil (iCalendar, .ics). Intet er importeret.
error-import_truncated = { $path } slutter midt i en aftale ({ $component } fra linje { $line }, UID { $uid }); filen er måske ikke hentet helt. Intet er importeret.
error-import_malformed = { $path }, linje { $line }: { $reason }. Intet er importeret.
error-import_too_large = { $path } fylder { $megabytes } MB; Nabo læser kalenderfiler på højst { $max_megabytes } MB. Intet er importeret.
error-import_end_before_start = { $path }: aftalen { $uid } (linje { $line }) slutter før den begynder. Intet er importeret.
error-import_unknown_zone = { $path }: aftalen { $uid } (linje { $line }) bruger en ukendt tidszone, { $tzid }. Intet er importeret.
error-import_bad_value = { $path }: aftalen { $uid } (linje { $line }) har en ulæselig { $property }: "{ $value }". Intet er importeret.
error-import_bad_rule = { $path }: gentagelsen i aftalen { $uid } (linje { $line }) kan ikke læses: { $reason }. Intet er importeret.
error-import_too_many_occurrences = { $path } har mere end { $max } aftaler og gentagelser; så mange gemmer Nabo ikke fra én fil. Nabo stoppede ved aftalen { $uid } (linje { $line }). Intet er importeret.
error-import_too_much_work = { $path }: gentagelserne i filen kræver for meget arbejde (mere end { $max } skridt). Nabo stoppede ved aftalen { $uid } (linje { $line }). Intet er importeret.
error-import_not_a_file = { $path } er ikke en almindelig fil, men { $kind ->
    [directory] en mappe
    [fifo] en navngivet pipe
    [device] en enhed
    [socket] en socket
    [stdin] standard-input
   *[other] noget andet
 }. Gem kalenderen som en .ics-fil og vælg den. Intet er importeret.
error-read_failed = Filen { $path } kunne ikke læses: { $detail }

error-counts_unknown_key = { $key } findes ikke i kategoriskemaet { $scheme }. Se nøglerne med: nabo scheme
error-counts_bad_value = { $key }={ $value }: et antal er et helt tal fra 0 til { $max }.
error-counts_not_assignment = Tal nummer { $position } skal skrives som nøgle=antal, fx reached=3.
error-counts_duplicate = { $key } står to gange.
error-counts_missing_reached = Skriv, hvor mange personer I nåede: reached=ANTAL.
error-counts_new_above_reached = new={ $new } er flere end reached={ $reached }: der kan ikke være flere nye kontakter end personer nået.
error-counts_breakdown_sum = { $key } giver { $sum } i alt, men reached={ $reached }. Læg dem, du ikke ved, i { $key }.unknown.
error-counts_tally_above_reached = { $key }={ $value } er flere end reached={ $reached }.
error-counts_implausible = reached={ $reached } er for mange til typen { $kind_label } (højst { $max }). Er det en tastefejl?
error-counts_future = Aftale { $id } er ikke begyndt endnu; tal kan først skrives, når den har fundet sted.
error-counts_cancelled = Aftale { $id } er aflyst; der kan ikke skrives tal på en aflyst aftale.
error-occurrence_required = Aftale { $id } er en serie: skriv hvilket møde, som { $id }@ÅÅÅÅ-MM-DD.
error-has_counts = { $reason ->
    [future] Aftale { $id } har registrerede tal, så den kan kun flyttes til et tidspunkt, der er begyndt. Fandt den ikke sted, så fjern tallene først under "Tal" på aftalen (eller: nabo record { $id } --remove).
    [cancelled] Aftale { $id } har registrerede tal og kan ikke aflyses. Fandt den ikke sted, så fjern tallene først under "Tal" på aftalen (eller: nabo record { $id } --remove).
    [skipped] Mødet { $id } har registrerede tal og kan ikke tages ud af serien. Fandt det ikke sted, så fjern tallene først under "Tal" på aftalen (eller: nabo record { $id } --remove).
   *[not_done] Aftale { $id } har registrerede tal og skal stå som gennemført. Fandt den ikke sted, så fjern tallene først under "Tal" på aftalen (eller: nabo record { $id } --remove).
}
error-series_drops_counts = Serie { $id } har registrerede tal på mødet { $date }, og ændringen ville fjerne det møde. Ret kun de følgende møder, eller fjern tallene først.
error-ambiguous_occurrence = Serie { $id } har flere flyttede møder { $date }. Skriv mødet med den dag, det oprindeligt lå: { $originals }.
error-unreadable_period = "{ $input }" er ikke en måned. Skriv den som ÅÅÅÅ-MM, fx 2026-11.
error-scheme_invalid = Kategoriskemaet kan ikke bruges: { $detail }

notice-live_calendar_failed = Ændringen er gemt, men kalenderfilen { $path } kunne ikke opdateres: { $detail }
notice-texts_erased = Slettet { $months ->
        [one] 1 måned
       *[other] { $months } måneder
    } efter det sidste besøg: { $households ->
        [one] kodenavnet for 1 husstand
       *[other] kodenavne for { $households } husstande
    } og { $notes ->
        [one] 1 note
       *[other] { $notes } noter
    }. Tallene bliver.

# Filer, som Nabo skriver, og databasens tilstand (issue 10).
error-protected_target = { $path } er Nabos database eller en af dens filer. Vælg et andet filnavn. Intet er skrevet.
error-unusable_target = { $reason ->
    [folder] { $path } er en mappe. Skriv navnet på en fil i mappen.
    [symlink] { $path } er en genvej (symbolsk link) til en anden fil. Nabo skriver ikke gennem genveje. Vælg selve filen.
    [read_only] { $path } er skrivebeskyttet, så Nabo erstatter den ikke. Vælg en anden fil, eller fjern skrivebeskyttelsen.
    [no_folder] Mappen til { $path } findes ikke.
   *[not_a_file] { $path } er ikke en almindelig fil (men fx en enhed eller en pipe). Vælg en almindelig fil.
} Intet er skrevet.
error-database_damaged = Databasen er beskadiget. Nabo gemmer ikke noget i den, så skaden ikke bliver større. Kør "nabo check" for at se skaden, og hent en sikkerhedskopi af databasen.
error-database_busy = Et andet Nabo gemmer i databasen lige nu (vinduet eller en anden nabo-kommando, fx en stor import). Nabo har ventet, men det er ikke færdigt. Prøv igen om lidt. Intet er gemt.

# nabo settings set (issue 11).
error-unknown_setting = Nabo har ingen indstilling, der hedder "{ $key }". Se listen med: nabo settings set --help
error-unreadable_setting = "{ $key }" skal være { $expected ->
    [number] et helt tal.
    [switch] on eller off.
    [language] da, en eller auto (som computeren).
    [role] volunteer, coordinator eller both.
    [areas] områder adskilt af semikolon, højst 200 (fx Gellerup; Hasle).
    [venues] steder som navn = adresse adskilt af semikolon, højst 200 (fx Beboerhuset = Dortheavej 2; Foreningshuset = Gudrunsvej 10).
    [programme] bydelsmoedre, baba eller none.
    [detail] discreet eller full.
   *[other] noget andet.
}
error-coordinator_only = Rapporter og mål hører til koordinatoren: sæt rollen til koordinator (eller begge) først.
error-report_refused = Rapporten kan ikke laves: { $reason ->
    [unknown_axis] "{ $name }" er hverken area, kind, month, quarter, year eller en gruppe i kategoriskemaet (gender, age, topic, referral, source, next_step, language).
    [unknown_measure] "{ $name }" er hverken en nøgle i kategoriskemaet (fx reached, new, gender.women), held eller cancelled.
    [same_axis] rækker og kolonner er begge { $name }.
    [area_by_kind] perioden har opsummeringer fra en ældre Nabo ({ $count }), som tæller pr. område og pr. aktivitet, men ikke begge dele på én gang. Bed de frivillige om at opdatere Nabo og sende måneden igen, eller vælg område eller aktivitet alene.
    [group_as_rows] en gruppes kategorier ({ $name }) kan kun være kolonner.
    [not_by_area] { $name } tælles ikke pr. område i opsummeringerne.
    [min_cell_too_low] mindste celle { $given } er under { $floor }, det mindste der beskytter en person.
    [backwards] { $from } ligger efter { $to }.
   *[other] { $reason }.
}
error-unreadable_report_period = "{ $input }" er ikke en periode. Skriv ÅÅÅÅ-MM, ÅÅÅÅ-Qn for et kvartal (fx 2026-Q1) eller ÅÅÅÅ.
error-unknown_target = Der er intet mål med nummer { $id }.
error-target_refused = Målet kan ikke sættes: { $reason ->
    [zero] et mål på 0 er altid nået.
    [share_range] en andel skal være over 0 og højst 100 %.
    [share_of_itself] en andel af sig selv er altid 100 %.
   *[other] { $reason }.
}
error-rollup_unsigned = { $count ->
    [one] 1 opsummering ({ $first }) blev indlæst, før Nabo gemte underskriften
   *[other] { $count } opsummeringer (den første: { $first }) blev indlæst, før Nabo gemte underskrifterne
}, så de kan ikke komme med i en samlet opgørelse. Indlæs filerne igen.
error-nothing_to_roll_up = Der er ingen opsummeringer indlæst for { $period }.
error-wrong_key = { $path } kan ikke åbnes med denne nøgle: adgangsordet er forkert, eller nøgleringen har en anden nøgle til den (eller filen er beskadiget eller ikke en Nabo-database).
error-no_key_store = Der er ingen nøglering på denne computer, som databasens nøgle kan gemmes i. Vælg et adgangsord: sæt NABO_PASSPHRASE, eller kør kommandoen i en terminal, så bliver du spurgt.
error-key_missing = Nøgleringen har ingen nøgle til { $path }. Den er lavet på en anden computer eller af en anden bruger, eller med et adgangsord (sæt NABO_PASSPHRASE).
error-key_store = Nøgleringen svigtede: { $reason }
error-lock_secret_invalid = { $reason ->
    [too_long] En pinkode eller et adgangsord må højst have { $max } tegn.
    [missing] Vælg en pinkode eller et adgangsord for at slå låsen til.
   *[other] En pinkode eller et adgangsord skal have mindst { $min } tegn, fx 4 tal.
}
error-lock_wrong = Pinkoden eller adgangsordet passer ikke. { $seconds ->
    [0] Prøv igen.
    [one] Vent 1 sekund, før du prøver igen.
   *[other] Vent { $seconds } sekunder, før du prøver igen.
}
error-lock_wait = For mange forkerte forsøg. Vent { $seconds ->
    [one] 1 sekund
   *[other] { $seconds } sekunder
}, før du prøver igen.
error-not_a_backup = { $path } er ikke en sikkerhedskopi fra Nabo. Intet er ændret.
error-backup_damaged = Sikkerhedskopien { $path } er beskadiget ({ $problems }). Intet er ændret; prøv en ældre sikkerhedskopi.

# What an import left out, guessed or ignored (issue 15): one line each, the file read.
skipped-import_end_before_start = Udeladt: begivenheden { $uid } (linje { $line }) slutter, før den begynder.
skipped-import_unknown_zone = Udeladt: begivenheden { $uid } (linje { $line }) bruger en ukendt tidszone, { $tzid }.
skipped-import_bad_value = Udeladt: begivenheden { $uid } (linje { $line }) har en ulæselig { $property }: "{ $value }".
skipped-import_bad_rule = Udeladt: gentagelsesreglen for begivenheden { $uid } (linje { $line }) kan ikke læses: { $reason }.
import-floating-zone = Begivenheden { $uid } (linje { $line }) bruger tidszonen "{ $tzid }", som Nabo ikke kender, og som filen ikke beskriver: tiderne er læst som dansk tid.
import-ignored-line = Linje { $line } hører ikke til kalenderen og blev sprunget over.
import-warnings-more = { $count ->
    [one] … og 1 mere af samme slags.
   *[other] … og { $count } mere af samme slags.
}
