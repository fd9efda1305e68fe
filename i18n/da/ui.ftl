# Nabo — skærmtekster (dansk). Kort, roligt, almindeligt sprog (B1).
# Samme ord for det samme overalt. Nøglerne skal findes i en/ui.ftl også.

app-name = Nabo
app-loading = Nabo starter …
app-load-failed = Nabo kunne ikke starte.
retry = Prøv igen
something-went-wrong = Noget gik galt. Prøv igen.

## Hoved og navigation

header-plan-visit = Plan et besøg
header-plan-meeting = Plan et møde
header-shortcuts = Genveje: N = plan et besøg, M = plan et møde, T = i dag i kalenderen, ← → = skift periode, Alt + pil = flyt den valgte aftale
nav-label = Hovedmenu
nav-today = I dag
nav-calendar = Kalender
nav-month = Min måned
nav-settings = Indstillinger

## I dag

today-title = I dag
today-load-failed = Oversigten kunne ikke hentes.
today-overdue-title = Ikke markeret
today-overdue-explain = Aftaler, der er forbi, men ikke markeret som gennemført eller aflyst.
today-overdue-empty = Alt er markeret. Godt gået.
today-overdue-show-all = Vis alle { $count }
today-upcoming-title = De næste 7 dage
today-upcoming-empty = Ingen aftaler de næste 7 dage.
today-upcoming-show-all = Vis alle { $count }
today-show-fewer = Vis kun de første { $count }
today-open = Åbn { $kind }

## Kalender

calendar-modes = Vis kalenderen som
calendar-mode-week = Uge
calendar-mode-month = Måned
calendar-mode-agenda = Liste
week-label = Uge { $week }
week-nav = Skift uge
week-prev = Forrige uge
week-next = Næste uge
week-this = Denne uge
week-today = I dag
week-loading = Henter aftaler …
week-load-failed = Aftalerne kunne ikke hentes.
week-empty = Ingen aftaler i denne uge — plan et besøg
week-empty-action = Plan et besøg
month-nav = Skift måned
month-prev = Forrige måned
month-next = Næste måned
month-this = Denne måned
month-empty = Ingen aftaler i denne måned — plan et besøg
month-more = + { $count } mere
month-more-label = : vis alle { $count } aftaler { $day }
month-fewer = Vis færre
month-fewer-label = : { $day }
agenda-empty = Ingen aftaler
when-range = { $day } kl. { $from }–{ $to }
when-start = { $day } kl. { $time }

## Aftaler

activity-conflict = Konflikt
activity-conflict-hint = Ligger oven i eller for tæt på en anden aftale
activity-example = Eksempeldata

kind-home_visit = Besøg
kind-group_meeting = Gruppemøde
kind-outreach = Opsøgende arbejde
kind-accompaniment = Følgeskab
kind-network_meeting = Netværksmøde

status-planned = Planlagt
status-done = Gennemført
status-cancelled = Aflyst
status-no_show = Udeblevet
status-now = Status nu:
status-set-planned = Planlagt igen
status-set-done = Gennemført
status-set-cancelled = Aflyst
status-set-no_show = Udeblevet
status-changed = Markeret: { $status }.

programme-bydelsmoedre = Bydelsmødre
programme-baba = Baba

role-volunteer = Frivillig
role-coordinator = Koordinator
role-both = Begge dele

## Felter (bruges også i fejlbeskeder)

field-start = Tidspunkt
field-end = Sluttidspunkt
field-duration = Varighed
field-area = Område
field-household = Husstand
field-venue = Sted
field-theme = Tema
field-title = Titel
field-note = Note
field-display_name = Navn
field-language = Sprog
field-repeat = Gentagelse
field-calendar_name = Kalenderens navn
field-public_address = Adresse på offentligt mødested
field-from = Fra
field-to = Til
field-period = Måned
field-expected_size = Forventet antal deltagere
field-travel_buffer_minutes = Tid til transport
field-reminder_minutes = Påmindelse
field-follow_up_days = Opfølgning
field-erase_after_months = Slet efter

## Plan og ret

form-title-home_visit = Plan et besøg
form-title-group_meeting = Plan et gruppemøde
form-title-outreach = Plan opsøgende arbejde
form-title-accompaniment = Plan et følgeskab
form-title-network_meeting = Plan et netværksmøde
form-title-edit = Ret aftalen
form-series-following = Mødet hører til en serie. Ændringer her gælder dette møde og alle de følgende.
form-intro = Felter med * skal udfyldes.
form-kind = Slags aftale
form-date = Dato
form-date-hint = ÅÅÅÅ-MM-DD, fx 2026-12-01
form-date-placeholder = ÅÅÅÅ-MM-DD
form-time = Klokken
form-time-hint = TT:MM, fx 10:00
form-time-placeholder = TT:MM
form-duration = Varighed (minutter)
form-label-title = Titel
form-label-area = Område
form-label-household = Husstand
form-label-venue = Sted
form-label-theme = Tema
form-label-note = Note
form-hint-area = Fx bydel eller boligområde — ikke en adresse.
form-hint-household = Kun et kodenavn som H-17 — aldrig et navn.
form-hint-venue = Fx beboerhuset eller biblioteket.
form-hint-theme = Fx sundhed, skole eller økonomi.
form-hint-note = Kun til dig — forlader aldrig computeren.
form-travel-buffer = Nabo sørger for { $minutes } minutter til transport mellem besøg. Det kan ændres under Indstillinger.
form-optional = (kan udelades)
form-submit = Plan besøg
form-submit-other = Plan aftalen
form-submit-edit = Gem ændringer
form-saving = Gemmer …
form-cancel = Annuller
form-close = Luk
form-delete = Slet
form-error-date = Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-12-01.
form-error-time = Skriv klokkeslættet som TT:MM, fx 10:00.
form-error-duration = Skriv hvor mange minutter aftalen varer, fx 60.
form-error-expected-size = Skriv et tal fra { $min } til { $max }, eller lad feltet være tomt.
form-error-area = Skriv hvilket område besøget er i.
form-error-venue = Skriv hvor mødet er.
form-error-theme = Skriv mødets tema.
form-discard-question = Vil du lukke uden at gemme?
form-discard-explain = Det, du har skrevet, bliver ikke gemt.
form-discard-yes = Luk uden at gemme
form-discard-no = Skriv videre
discreet-hidden = Skjult
discreet-reveal = Vis

## Efter planlægning

plan-saved = Besøget er planlagt: { $when }.
plan-saved-other = Aftalen er planlagt: { $when }.
edit-saved = Aftalen er gemt: { $when }.
conflict-overlap = Pas på: aftalen ligger oven i en anden aftale, { $when }.
conflict-travel =
    Pas på: der er kun { $gap ->
        [one] ét minut
       *[other] { $gap } minutter
    } til en anden aftale, { $when }. Du skal bruge { $needed } minutter til at nå frem.
message-dismiss = Luk beskeden
deleted = { $kind } er slettet.
restored = Aftalen er tilbage.
undo = Fortryd
follow-up-question = Besøget er gennemført. Plan opfølgning? (om { $days } dage)
follow-up-accept = Plan opfølgning
follow-up-decline = Nej tak
reminder-text = Aftale kl. { $time }
examples-loaded =
    { $count ->
        [one] Der er lagt én eksempelaftale ind.
       *[other] Der er lagt { $count } eksempelaftaler ind.
    } De er mærket "Eksempeldata" og kan fjernes under Indstillinger.

## Velkommen

welcome-title = Velkommen til Nabo
welcome-intro = Nabo er din kalender til besøg og møder. Alt bliver på denne computer. Vælg tre ting, så er du i gang.
welcome-role = Jeg er
welcome-examples = Vis eksempler
welcome-examples-hint = Nabo lægger nogle eksempelaftaler ind i denne og næste uge, så du kan prøve. De er mærket og kan fjernes med ét klik.
welcome-start = Kom i gang

## Indstillinger

settings-title = Indstillinger
settings-language = Sprog
settings-language-da = Dansk
settings-language-en = English
settings-language-os = Som computeren
settings-programme = Program
settings-durations = Hvor lang tid tager en aftale normalt?
settings-durations-hint = I minutter. Bruges, når du planlægger noget nyt.
settings-time = Tid
settings-travel-buffer = Tid til transport mellem besøg (minutter)
settings-travel-buffer-hint = Nabo advarer, hvis to besøg ligger tættere.
settings-reminder = Påmindelse før en aftale (minutter)
settings-reminder-hint = 0 = ingen påmindelse. Kun mens Nabo er åben.
settings-follow-up = Opfølgning efter et besøg (dage)
settings-follow-up-hint = Hvornår Nabo foreslår næste besøg.
settings-erase-after = Slet kodenavne og noter efter (måneder)
settings-erase-after-hint = Husstandens kodenavn og noter slettes { $months ->
        [one] 1 måned
       *[other] { $months } måneder
    } efter sidste besøg. Tallene bliver.
settings-discretion = Diskretion
settings-discreet = Skjul husstande og noter på skærmen
settings-discreet-hint = De vises som ••• til du klikker på "Vis".
settings-save = Gem indstillinger
settings-saved = Indstillingerne er gemt.
settings-error-range = Skriv et helt tal fra { $min } til { $max }.
settings-examples = Eksempeldata
settings-examples-hint = Fjern alle aftaler, der er mærket "Eksempeldata". Dine egne aftaler bliver.
settings-examples-remove = Fjern eksempeldata
settings-examples-removed =
    { $count ->
        [0] Der var ingen eksempeldata.
        [one] Én eksempelaftale er fjernet.
       *[other] { $count } eksempelaftaler er fjernet.
    }

## Gentagelse (serier)

activity-series = Serie
repeat-legend = Gentag
repeat-none = Ikke
repeat-weekly = Hver uge
repeat-biweekly = Hver anden uge
repeat-monthly = Hver måned ({ $nth ->
        [-1] sidste
       *[other] { $nth }.
    } { $day })
repeat-monthly-plain = Hver måned
repeat-days = På disse dage
repeat-end = Slutter
repeat-end-choice-count = Efter et antal gange
repeat-end-choice-until = Til og med en dato
repeat-end-choice-never = Ingen slutdato
repeat-count = Antal gange
repeat-until = Til og med
repeat-summary-label = Serien:
repeat-summary = { $pattern } kl. { $from }–{ $to }{ $end }
repeat-pattern-weekly = Hver { $days }
repeat-pattern-biweekly = Hver anden { $days }
repeat-pattern-monthly = { $nth ->
        [-1] Sidste { $day } i hver måned
       *[other] { $nth }. { $day } i hver måned
    }
repeat-end-count = { $count ->
        [one] , én gang
       *[other] , { $count } gange
    }
repeat-end-until = , til og med { $date }
repeat-end-never = , uden slutdato
repeat-custom = Serien gentages på en måde, som formularen ikke kan vise. Den bliver, som den er, hvis du ikke vælger noget nyt her.
form-error-repeat-days = Vælg mindst én dag.
form-error-repeat-count = Skriv hvor mange gange, et tal fra { $min } til { $max }, fx 8.
form-error-repeat-until = Skriv den sidste dato som ÅÅÅÅ-MM-DD, fx 2027-03-01. Den må ikke ligge før første møde.

## Kalender-fil

calfile-title = Kalender-fil
calfile-intro = Gem dine aftaler i en fil, som kalenderen på din telefon eller computer kan læse.
calfile-detail = Hvad skal filen vise?
calfile-detail-discreet = Kun det nødvendige (anbefalet)
calfile-detail-full = Alle detaljer
calfile-discreet-explain = Filen viser kun tidspunkt, slags aftale, tema og område — aldrig husstande, titler eller noter.
calfile-full-explain = Filen viser også titel, sted og husstand. Noter kommer aldrig med.
calfile-reminder = Påmindelse i kalenderen
calfile-reminder-none = Ingen påmindelse
calfile-reminder-option = { $minutes ->
        [60] 1 time før
        [1440] 1 dag før
       *[other] { $minutes } minutter før
    }
calfile-export = Gem kalender-fil …
calfile-exporting = Gemmer …
calfile-exported = { $count ->
        [0] Der var ingen aftaler. Filen er gemt i { $path }.
        [one] Én aftale gemt i { $path }.
       *[other] { $count } aftaler gemt i { $path }.
    }
calfile-live-title = Kalender-fil, der holdes opdateret
calfile-live-intro = Nabo skriver filen igen, hver gang du ændrer noget. Læg den fx i en mappe, som din telefon synkroniserer.
calfile-live-none = Ingen fil valgt.
calfile-live-file = Filen:
calfile-live-choose = Vælg fil …
calfile-live-change = Vælg en anden fil …
calfile-live-stop = Stop
calfile-live-started = Nabo holder nu filen opdateret.
calfile-live-stopped = Nabo opdaterer ikke længere filen.
calfile-live-detail-saved = Filen viser nu: { $detail }

## Tal (efter en aftale)

counts-title = Registrér tal
counts-intro = Kun antal — aldrig navne. Det, du ikke ved, tæller som "Ved ikke".
counts-prefilled = Tallene fra sidste møde i serien er sat ind. Ret dem, så de passer til dette møde.
counts-recorded-before = Tallene er registreret. Du kan rette dem her.
counts-edits =
    { $count ->
        [one] Rettet én gang.
       *[other] Rettet { $count } gange.
    }
counts-loading = Henter tal …
counts-load-failed = Tallene kunne ikke hentes.
counts-fewer = Én færre: { $label }
counts-more = Én mere: { $label }
counts-tally-hint = En person kan tælle med i flere felter. Højst { $reached } i hvert.
counts-remainder = resten
counts-breakdown-over =
    { $over ->
        [one] Der er én for meget
       *[other] Der er { $over } for mange
    }: tallene giver { $sum }, men I nåede { $reached }.
counts-check-missing-reached = Skriv, hvor mange personer I nåede (0, hvis ingen kom).
counts-check-not-whole = Skriv et helt tal fra 0 til { $max }.
counts-check-new-above = Der kan ikke være flere nye kontakter ({ $new }) end personer nået ({ $reached }).
counts-check-tally-above = { $value } er flere end de { $reached } personer, I nåede.
counts-check-summary = Ret de felter, der er markeret med rødt.
counts-totals = I alt
counts-save = Gem tal
counts-later = Senere
counts-later-hint = "Senere" markerer aftalen som gennemført uden tal. Du kan skrive dem senere under "Tal" på aftalen.
counts-remove = Fjern tallene
counts-remove-question = Fjern tallene? Gør det kun, hvis aftalen ikke fandt sted.
counts-remove-no = Behold dem
counts-remove-yes = Fjern tallene
counts-removed = Tallene er fjernet. Aftalen står stadig som gennemført; markér den som aflyst, hvis den ikke fandt sted.
counts-saved = Markeret: Gennemført. Tallene er gemt.
counts-saved-plain = Tallene er gemt.
counts-saved-edited = Tallene er rettet.
counts-warning-larger = Mødet havde { $reached } deltagere. Det er mange flere end de { $usual }, der plejer at komme. Er tallet rigtigt? Ellers ret det under "Tal" på aftalen.
counts-open = Tal
counts-state-none = Ingen tal endnu.
counts-state-recorded = Tal er registreret.

## Min måned

mymonth-title = Min måned
mymonth-loading = Henter tal …
mymonth-load-failed = Tallene kunne ikke hentes.
mymonth-reached = Personer nået
mymonth-new = Nye kontakter
mymonth-recorded =
    { $count ->
        [0] Ingen aftaler med tal endnu.
        [one] Tal fra én aftale.
       *[other] Tal fra { $count } aftaler.
    }
mymonth-no-counts = Ingen tal i denne måned endnu. Markér en aftale som gennemført, og skriv tallene.
mymonth-activities = Aftaler
mymonth-activities-empty = Ingen aftaler i denne måned — plan et besøg.
mymonth-kind = Slags
mymonth-total = I alt
mymonth-count = Antal
mymonth-topics-empty = Ingen emner skrevet ned i denne måned.
mymonth-referrals-empty = Ingen henvisninger i denne måned.
mymonth-chart-label = { $title }: søjlediagram. Tallene står i tabellen under diagrammet.
mymonth-table = { $title } i tal
## Andre kalendere (optaget tid)

busy-label = Optaget
busy-free = Ledig
busy-free-hint = Markeret som ledig i den anden kalender. Den giver ingen konflikt.
busy-all-day = Hele dagen
busy-all-day-one = { $day }, hele dagen
busy-all-day-range = { $from } – { $to }, hele dagen
busy-untitled = Uden titel
busy-when = Hvornår
busy-calendar = Kalender
busy-title = Titel
busy-readonly = Fra en anden kalender. Det kan ikke ændres i Nabo. Importér kalenderen igen for at få ændringer med.
activity-busy-conflict-hint = Ligger oven i optaget tid fra en anden kalender
conflict-busy = Pas på: aftalen overlapper optaget tid i kalenderen «{ $calendar }», { $when }.
busycal-title = Andre kalendere
busycal-intro = Se din arbejds- eller familiekalender i Nabo, så du ikke planlægger et besøg, når du er optaget. Gem kalenderen som en .ics-fil (fx fra Google, Outlook eller Apple), og vælg filen her — eller træk den ind i Nabo-vinduet. Nabo ændrer aldrig den anden kalender.
busycal-import = Importér en kalender …
busycal-none = Ingen andre kalendere endnu.
busycal-list = Importerede kalendere
busycal-entries =
    { $count ->
        [0] Ingen aftaler
        [one] Én aftale
       *[other] { $count } aftaler
    }
busycal-imported = importeret { $when }
busycal-reimport = Importér igen …
busycal-remove = Fjern
busycal-remove-question = Fjern kalenderen «{ $name }» fra Nabo? Dens optagede tid forsvinder fra din kalender. Den anden kalender bliver, som den er.
busycal-remove-yes = Ja, fjern
busycal-remove-no = Nej, behold
busycal-removed = Kalenderen «{ $name }» er fjernet.
busycal-load-failed = Listen over kalendere kunne ikke hentes.
import-title = Importér en kalender
import-reading = Læser filen …
import-file = Fil
import-calendar = Kalender i Nabo
import-added =
    { $count ->
        [one] 1 ny
       *[other] { $count } nye
    }
import-changed =
    { $count ->
        [one] 1 ændret
       *[other] { $count } ændrede
    }
import-removed = { $count } fjernet
import-question = { $added }, { $changed }, { $removed } — importér?
import-nothing-changed = Intet er ændret siden sidste import. Importér alligevel?
import-unchanged =
    { $count ->
        [one] Én aftale er uændret.
       *[other] { $count } aftaler er uændrede.
    }
import-outside =
    { $count ->
        [one] Én aftale ligger mere end et år tilbage eller to år frem og kommer ikke med.
       *[other] { $count } aftaler ligger mere end et år tilbage eller to år frem og kommer ikke med.
    }
import-cancelled =
    { $count ->
        [one] Én aflyst aftale kommer ikke med.
       *[other] { $count } aflyste aftaler kommer ikke med.
    }
import-capped = Den gentagne aftale { $uid } (linje { $line }) kommer kun med { $kept } gange.
import-duplicate = Aftalen på linje { $line } har samme UID som en tidligere ({ $uid }) og kommer ikke med.
import-capped-more = … og { $count } gentagne aftaler mere kommer kun med et begrænset antal gange.
import-duplicate-more = … og { $count } aftaler mere med et UID, der allerede er set, kommer ikke med.
import-confirm = Importér
import-cancel = Annuller
import-importing = Importerer …
import-done = Kalenderen «{ $name }» er importeret: { $added }, { $changed }, { $removed }.
import-refused = Filen kan ikke importeres
import-close = Luk
import-queue = Fil { $n } af { $total }
import-drop-hint = Slip .ics-filen for at se den som optaget tid

## Summary files: identity, coordinator, sending, receipts, the coordinator's screen
nav-coordinator = Koordinator
identity-title = Dig i Nabo
identity-intro-volunteer = Dit navn står på de opsummeringer, du sender til din koordinator. Fingeraftrykket viser, at en fil kommer fra dig: læs det op for hende, når I taler sammen.
identity-intro-coordinator = Dit navn og dine områder og mødesteder står på dit identitetskort. Giv kortet til dine frivillige, så deres opsummeringer kun kan læses af dig.
identity-fingerprint = Fingeraftryk:
identity-name = Navn
identity-name-hint = Det navn, din koordinator eller din gruppe kender dig under. Intet telefonnummer eller adresse.
identity-areas = Gruppens områder
identity-areas-hint = Ét område pr. linje. De tilbydes i de frivilliges formularer.
identity-venues = Offentlige mødesteder
identity-venues-hint = Ét pr. linje som "Navn = adresse", fx Beboerhuset = Dortheavej 2. Kun disse adresser kan de frivillige skrive ved et møde.
identity-save = Gem
identity-saved = Gemt.
identity-export-card = Gem mit identitetskort
identity-card-saved = Dit identitetskort er gemt i { $path }.
coordinator-title = Din koordinator
coordinator-intro = Åbn det identitetskort, din koordinator har givet dig. Dine opsummeringer bliver så låst, så kun hun kan læse dem.
coordinator-name = Navn
coordinator-places = Mødesteder
coordinator-none = Du har ikke valgt en koordinator endnu.
coordinator-compare = Er det { $name }s fingeraftryk? Sammenlign med det, hendes Nabo viser, fx over telefonen:
coordinator-confirm = Ja, det passer
coordinator-cancel = Annuller
coordinator-change = Skift koordinator
coordinator-open = Åbn koordinatorens kort
coordinator-set = { $name } er nu din koordinator.
summary-title = Send til koordinator
summary-was-sent = Sendt som version { $revision } { $day }.
summary-changed-since = Tallene er ændret siden: send måneden igen.
summary-not-sent = Måneden er ikke sendt endnu.
summary-to = Filen låses, så kun { $name } kan læse den (fingeraftryk { $fingerprint }).
summary-send = Send til koordinator
summary-plain-warning = Filen bliver ikke låst: alle, der får den, kan læse tallene og dit navn. Vælg hellere din koordinator under Indstillinger.
summary-send-plain = Gem alligevel
summary-no-coordinator = Du har ikke valgt en koordinator endnu (under Indstillinger).
summary-plain = Gem som fil, alle kan læse
summary-sent = { $month } er gemt som version { $revision }, låst til { $name }: { $path }. Giv filen til hende.
summary-sent-plain = { $month } er gemt som version { $revision }, som alle kan læse: { $path }.
receipt-check = Tjek kvittering
receipt-caption = Kvittering fra { $name } ({ $fingerprint })
receipt-month = Måned
receipt-state = Status
receipt-reached = Nået ifølge koordinatoren
receipt-arrived = Kommet frem, som sendt
receipt-older_revision = Hun har version { $received }; du sendte version { $sent }: send igen
receipt-other_file = Hun har en anden fil med samme version: send igen
receipt-not_arrived = Ikke kommet frem: send igen
receipt-not_sent_from_here = Kommet frem, men ikke sendt fra denne computer
coordinator-screen-title = Koordinator
incoming-title = Opsummeringer fra de frivillige
incoming-intro = Åbn filerne (gerne mange ad gangen), eller træk dem ind i vinduet. Du ser først, hvad der vil ske med hver fil; intet gemmes, før du trykker Indlæs.
incoming-open = Åbn filer
incoming-dry-caption = { $count ->
    [one] Hvad der vil ske med filen
   *[other] Hvad der vil ske med de { $count } filer
}
incoming-done-caption = { $count ->
    [one] Filen er behandlet
   *[other] De { $count } filer er behandlet
}
incoming-file = Fil
incoming-volunteer = Frivillig
incoming-month = Måned
incoming-outcome = Hvad sker der
incoming-version = version { $revision }
incoming-import = { $count ->
    [one] Indlæs 1 fil
   *[other] Indlæs { $count } filer
}
incoming-some-refused = { $count ->
    [one] 1 fil blev afvist; de andre er indlæst.
   *[other] { $count } filer blev afvist; de andre er indlæst.
}
import-summary-new = Ny
import-summary-replaces = Erstatter version { $revision }
import-summary-already = Allerede indlæst
summary-refused-too_large = Afvist: filen er for stor til at være en opsummering.
summary-refused-not_a_file = Afvist: det er ikke en fil.
summary-refused-read_failed = Afvist: filen kunne ikke læses ({ $detail }).
summary-refused-not_for_you = Afvist: filen er låst til en anden koordinator.
summary-refused-damaged = Afvist: filen er beskadiget eller afkortet.
summary-refused-not_json = Afvist: det er ikke en Nabo-opsummering.
summary-refused-wrong_format = Afvist: det er en anden slags fil end en opsummering.
summary-refused-unknown_version = Afvist: en nyere Nabo har lavet den. Opdater Nabo.
summary-refused-malformed = Afvist: indholdet passer ikke ({ $detail }).
summary-refused-signature = Afvist: underskriften passer ikke; filen er ændret, efter den blev sendt.
summary-refused-text = Afvist: en tekst i filen bryder reglerne.
summary-refused-future_period = Afvist: måneden er ikke begyndt endnu.
summary-refused-key_changed = Afvist: den frivillige har en ny nøgle ({ $detail }). Sammenlign fingeraftrykket med hende, og godkend den nedenfor.
summary-refused-same_revision_other_content = Afvist: du har allerede samme version af måneden med andre tal.
summary-refused-older_revision = Afvist: du har allerede en nyere version af måneden.
volunteers-title = Frivillige
volunteers-load-failed = De frivillige kunne ikke vises.
volunteers-none = Ingen opsummeringer endnu.
volunteers-name = Navn og fingeraftryk
volunteers-months = Måneder modtaget
volunteers-missing = Mangler
volunteers-actions = Handlinger
volunteers-offered = Ny nøgle: { $fingerprint }
volunteers-month-totals = { $reached } nået, { $new } nye (version { $revision })
volunteers-accept = Godkend ny nøgle
volunteers-receipt = Gem kvittering
volunteers-key-accepted = { $name }s nye nøgle ({ $fingerprint }) er godkendt.
volunteers-receipt-saved = Kvitteringen til { $name } ({ $count ->
    [one] 1 måned
   *[other] { $count } måneder
}) er gemt i { $path }.

## Reports (issue 13): the words of exported tables and the overview.
report-no-area = Uden område
report-quarter = { $year } K{ $quarter }
report-total = I alt
report-sheet = Rapport
report-axis-area = Område
report-axis-kind = Aktivitet
report-axis-month = Måned
report-axis-quarter = Kvartal
report-axis-year = År
report-measure-held = Aktiviteter holdt
report-measure-held-kind = { $kind }: holdt
report-measure-cancelled = Aktiviteter aflyst
report-measure-cancelled-kind = { $kind }: aflyst
report-title = { $measure } efter { $rows } og { $cols }
report-period = Periode: { $from } til { $to }
report-scheme = Kategoriskema: { $version }
report-min-cell = Mindste viste tal: { $min }
report-rule = Tal fra 1 til { $below } vises som "<{ $min }". Felter med "x" er skjult, så de små tal ikke kan regnes ud af de andre tal og summerne. Nul vises som 0.
report-measure-reached = Personer nået
report-file-name = rapport
report-export-title = Rapport til udgiveren
report-export-intro = Tal under { $min } (men over 0) vises som "<{ $min }", og andre felter skjules som "x", så de små tal ikke kan regnes ud. Rapporten viser aldrig den enkelte frivillige.
report-rows = Rækker
report-cols = Kolonner
report-measure = Hvad der tælles
report-min-cell-label = Mindste viste tal
report-format = Filtype
report-export = Eksportér rapport
report-exported = Rapporten er gemt i { $path }: { $primary } små tal vist som "<{ $min }", { $secondary } felter skjult som "x".
overview-title = Overblik
overview-period = Periode
overview-span = Vis
overview-span-year = År
overview-span-quarter = Kvartal
overview-span-month = Måned
overview-quarter = { $quarter }. kvartal
overview-load-failed = Overblikket kunne ikke hentes.
overview-new = Heraf nye kontakter
overview-summaries = Opsummeringer
overview-chart-months = Personer nået pr. måned
overview-chart-areas = Personer nået pr. område
overview-chart-kinds = Aktiviteter holdt pr. type
overview-chart-empty = Ingen tal i perioden endnu.
chart-save-png = Gem som PNG
chart-save-svg = Gem som SVG
chart-saved = Diagrammet er gemt i { $path }.
targets-title = Mål
targets-none = Ingen mål endnu. Sæt et mål herunder, fx 400 personer nået i år.
target-met = Nået
target-behind = Bagud
target-on-pace = I takt
target-pace = Hvor langt målet burde være nu
target-count-text = { $actual } af { $goal } ({ $percent } %) · forventet nu { $expected }
target-share-text = { $share } % af { $of } · mål { $goal } %
target-remove = Fjern
target-measure = Mål for
target-period = Periode (ÅÅÅÅ, ÅÅÅÅ-Qn eller ÅÅÅÅ-MM)
target-kind = Slags mål
target-kind-count = Antal
target-kind-share = Andel
target-count = Antal
target-share = Andel i %
target-of = Andel af
target-add = Sæt mål
target-added = Målet for { $measure } i { $period } er sat.
target-removed = Målet for { $measure } i { $period } er fjernet.
grid-title = Frivillige og måneder
grid-volunteer = Frivillig
grid-show-all = Vis alle { $count } frivillige
grid-loading = Henter de frivilliges måneder …
grid-missing = mangler
grid-revision = v{ $revision }
drill-title = { $name }s måneder
drill-private = Kun til dig: den enkelte frivillige kommer aldrig med i en eksporteret rapport.
drill-none = Ingen opsummeringer i perioden.
drill-version = Version

## Adgangsord til databasen (når computeren ingen nøglering har)

unlock-title = Lås Nabo op
unlock-title-new = Vælg et adgangsord
unlock-intro = Dine aftaler er krypteret. Skriv adgangsordet, du valgte, da Nabo blev sat op på denne computer.
unlock-intro-new = Nabo krypterer dine aftaler. Denne computer har ingen nøglering til nøglen, så vælg et adgangsord. Kun du kender det: uden det kan ingen åbne dine aftaler — heller ikke du.
unlock-key-missing = Nøgleringen på denne computer har ingen nøgle til databasen. Den blev måske lavet med et adgangsord.
unlock-passphrase = Adgangsord
unlock-choose = Nyt adgangsord
unlock-again = Skriv det igen
unlock-hint-new = Mindst 8 tegn. En sætning, du kan huske, er bedre end et kort ord. Skriv det ned et sikkert sted.
unlock-open = Lås op
unlock-create = Opret og lås op
unlock-wrong = Adgangsordet passer ikke. Prøv igen.
unlock-mismatch = De to adgangsord er ikke ens.
unlock-too-short = Adgangsordet skal have mindst { $min } tegn.

## Appens lås (en pinkode eller et adgangsord; låseskærmen viser intet andet)

lock-title = Nabo er låst
lock-secret = Pinkode eller adgangsord
lock-unlock = Lås op
lock-wrong = Pinkoden eller adgangsordet passer ikke.
lock-wait = For mange forkerte forsøg. Prøv igen om { $seconds ->
    [one] 1 sekund
   *[other] { $seconds } sekunder
}.
lock-now = Lås
lock-now-label = Lås Nabo nu (Ctrl+L)
reminder-locked = Nabo: en påmindelse
field-lock_idle_minutes = Minutter før Nabo låser
lock-settings-title = Lås
lock-settings-intro = Lås Nabo med en pinkode eller et adgangsord, så andre ikke kan se dine aftaler, når du går fra computeren. Nabo låser, når du ikke har brugt den i et stykke tid, når computeren går i dvale, og når Nabo starter. Du kan også låse med knappen "Lås" eller Ctrl+L.
lock-settings-off = Låsen er slået fra.
lock-settings-on = Låsen er slået til. Nabo låser efter { $minutes ->
    [one] 1 minut
   *[other] { $minutes } minutter
} uden brug.
lock-settings-current = Nuværende pinkode eller adgangsord
lock-settings-new = Pinkode eller adgangsord
lock-settings-new-optional = Ny pinkode eller adgangsord (tom: behold den nuværende)
lock-settings-again = Skriv den igen
lock-settings-hint = Mindst { $min } tegn, fx 4 tal. Skriv den ned et sikkert sted: uden den kan Nabo ikke låses op.
lock-settings-minutes = Lås efter så mange minutter uden brug
lock-settings-turn-on = Slå låsen til
lock-settings-save = Gem ændringer
lock-settings-turn-off = Slå låsen fra
lock-settings-turned-on = Låsen er slået til.
lock-settings-changed = Låsen er ændret.
lock-settings-turned-off = Låsen er slået fra.
lock-settings-too-short = Pinkoden eller adgangsordet skal have mindst { $min } tegn.
lock-settings-mismatch = De to er ikke ens. Skriv den samme to gange.

## Sikkerhedskopier, gå tilbage til en sikkerhedskopi, og "Slet alt" (issue 14)

backups-title = Sikkerhedskopier
backups-intro = Nabo gemmer en kopi af dine aftaler og tal, så du kan gå tilbage til den, hvis noget går galt. Kopierne er låst med databasens nøgle: kun du kan åbne dem, på denne computer eller med dit adgangsord. Gem dem gerne på en USB-nøgle.
backups-load-failed = Sikkerhedskopierne kunne ikke vises.
backups-folder = Mappe
backups-folder-default = standardmappen ved siden af databasen
backups-last = Seneste sikkerhedskopi
backups-last-none = Ingen endnu
backups-choose-folder = Vælg mappe…
backups-default-folder = Brug standardmappen
backups-every = Hvor tit
backups-every-hint = Kun mens Nabo er åben.
backups-every-0 = Aldrig (kun når du selv tager en)
backups-every-1 = Hver dag
backups-every-7 = Hver uge
backups-every-14 = Hver anden uge
backups-every-30 = Hver måned
backups-every-other = Hver { $days }. dag
backups-keep = Hvor mange der gemmes
backups-keep-hint = Når der er flere, slettes de ældste. Fra { $min } til { $max }.
backups-now = Tag en sikkerhedskopi nu
backups-save-to = Gem en sikkerhedskopi som…
backups-list = Sikkerhedskopier i mappen
backups-none = Der er ingen sikkerhedskopier i mappen endnu. Tag en nu.
backups-restore = Gå tilbage til denne…
backups-restore-file = Gå tilbage til en sikkerhedskopi fra en fil…
backups-saved-every = { $days ->
    [0] Nabo tager ikke længere sikkerhedskopier af sig selv.
    [1] Nabo tager nu en sikkerhedskopi hver dag, når Nabo er åben.
    [7] Nabo tager nu en sikkerhedskopi hver uge, når Nabo er åben.
    [14] Nabo tager nu en sikkerhedskopi hver anden uge, når Nabo er åben.
    [30] Nabo tager nu en sikkerhedskopi hver måned, når Nabo er åben.
   *[other] Nabo tager nu en sikkerhedskopi hver { $days }. dag, når Nabo er åben.
}
backups-saved-keep = { $keep ->
    [one] Nabo gemmer nu kun den nyeste sikkerhedskopi.
   *[other] Nabo gemmer nu de { $keep } nyeste sikkerhedskopier.
}
backups-saved-folder = Sikkerhedskopierne gemmes nu i { $folder }.
backups-saved-default-folder = Sikkerhedskopierne gemmes nu i standardmappen.
backups-made = Sikkerhedskopien { $file } er lavet.
backups-made-plain = Sikkerhedskopien er lavet.
backups-saved-to = Sikkerhedskopien er gemt i { $path }.
field-backup_every_days = Dage mellem sikkerhedskopier
field-backup_keep = Antal sikkerhedskopier

restore-title = Gå tilbage til en sikkerhedskopi?
restore-explain = Dine data nu bliver erstattet af sikkerhedskopien fra { $when }. Det, du har ændret siden da, er ikke med.
restore-explain-file = Dine data nu bliver erstattet af sikkerhedskopien i filen { $file }.
restore-copy-kept = Først gemmer Nabo en kopi af dine data, som de er nu, som sikkerhedskopi. Så kan du fortryde.
restore-damaged-copy = Nabo kan ikke gemme en kopi af den beskadigede database. Vil du beholde den, så kopiér filen { $path } først.
restore-damaged-copy-no-path = Nabo kan ikke gemme en kopi af den beskadigede database. Vil du beholde den, så kopiér databasefilen først.
restore-then = Nabo kontrollerer sikkerhedskopien, før noget bliver erstattet. Bagefter starter Nabo forfra.
restore-file = Fil:
restore-no = Annuller
restore-yes = Gå tilbage til sikkerhedskopien
restore-busy = Går tilbage…
restore-done = { $count ->
    [one] Færdig: 1 aftale. Nabo starter forfra…
   *[other] Færdig: { $count } aftaler. Nabo starter forfra…
}

damaged-opened = Databasen er beskadiget. Nabo viser det, den kan, men gemmer ikke noget.
damaged-restore-newest = Gå tilbage til den nyeste sikkerhedskopi fra { $when }.
damaged-restore = Gå tilbage…
damaged-no-backup = Der er ingen sikkerhedskopi at gå tilbage til. Lav en kopi af databasefilen { $path } (fx på en USB-nøgle), og kontakt din koordinator.
damaged-no-backup-no-path = Der er ingen sikkerhedskopi at gå tilbage til. Lav en kopi af databasefilen (fx på en USB-nøgle), og kontakt din koordinator.

erase-title = Slet alt
erase-intro = Fjerner alt, hvad Nabo har gemt på denne computer: dine aftaler og tal, nøglen og sikkerhedskopierne. Det kan ikke fortrydes.
erase-open = Slet alt…
erase-dialog-title = Slet alt?
erase-dialog-intro = Nabo fjerner:
erase-what-database = Databasen med alle dine planer, aftaler og tal
erase-what-key = Databasens nøgle i nøgleringen
erase-what-backups = Sikkerhedskopierne, Nabo har lavet – også dem, du har gemt andre steder med Nabo
erase-what-live = Den levende kalenderfil
erase-what-live-none = Den levende kalenderfil (du har ingen nu)
erase-cannot-undo = Det kan ikke fortrydes.
erase-stays = Filer, du selv har gemt (kalenderfiler, opsummeringer, identitetskort), bliver. Slet dem selv, hvis de skal væk.
erase-word = SLET
erase-type = Skriv { $word } for at bekræfte
erase-no = Annuller
erase-yes = Slet alt
erase-busy = Sletter…
erased-title = Alt er slettet
erased-nothing = Der var intet at slette.
erased-files = Fjernet
erased-key = Databasens nøgle er fjernet fra nøgleringen.
erased-failed = Kunne ikke fjernes
erased-failed-hint = Slet disse filer selv, fx i filhåndteringen.
erased-hint = Nabo har ikke flere data på denne computer.
erased-close = Luk Nabo
start-notices = Da Nabo startede:
import-warnings-title = Det bemærkede Nabo i filen:
