# Nabo — skærmtekster (dansk). Kort, roligt, almindeligt sprog (B1).
# Samme ord for det samme overalt. Nøglerne skal findes i en/ui.ftl også.

app-name = Nabo
app-loading = Nabo starter …
app-load-failed = Nabo kunne ikke starte.
retry = Prøv igen
something-went-wrong = Noget gik galt. Prøv igen.

## Hoved

header-plan-visit = Plan et besøg
header-shortcuts = Genveje: N = plan et besøg, ← → = skift uge, T = denne uge

## Uge

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
day-empty = Ingen aftaler
when-range = { $day } kl. { $from }–{ $to }
when-start = { $day } kl. { $time }

## Aftaler

activity-conflict = Konflikt
activity-conflict-hint = Ligger oven i eller for tæt på en anden aftale

kind-home_visit = Besøg
kind-group_meeting = Gruppemøde
kind-outreach = Opsøgende arbejde
kind-accompaniment = Følgeskab
kind-network_meeting = Netværksmøde

status-planned = Planlagt
status-done = Gennemført
status-cancelled = Aflyst
status-no_show = Udeblevet

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
field-language = Sprog

## Plan et besøg

form-title = Plan et besøg
form-intro = Felter med * skal udfyldes.
form-date = Dato
form-date-hint = ÅÅÅÅ-MM-DD, fx 2026-12-01
form-date-placeholder = ÅÅÅÅ-MM-DD
form-time = Klokken
form-time-hint = TT:MM, fx 10:00
form-time-placeholder = TT:MM
form-duration = Varighed (minutter)
form-area = Område
form-area-hint = Fx bydel eller boligområde — ikke en adresse.
form-household = Husstand
form-household-hint = Kun et kodenavn som H-17 — aldrig et navn.
form-note = Note
form-note-hint = Kun til dig — forlader aldrig computeren.
form-optional = (kan udelades)
form-submit = Plan besøg
form-saving = Gemmer …
form-cancel = Annuller
form-close = Luk
form-error-date = Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-12-01.
form-error-time = Skriv klokkeslættet som TT:MM, fx 10:00.
form-error-duration = Skriv hvor mange minutter besøget varer, fx 60.
form-error-area = Skriv hvilket område besøget er i.
form-discard-question = Vil du lukke uden at gemme?
form-discard-explain = Det, du har skrevet, bliver ikke gemt.
form-discard-yes = Luk uden at gemme
form-discard-no = Skriv videre

## Efter planlægning

plan-saved = Besøget er planlagt: { $when }.
conflict-overlap = Pas på: besøget ligger oven i en anden aftale, { $when }.
conflict-travel =
    Pas på: der er kun { $gap ->
        [one] ét minut
       *[other] { $gap } minutter
    } til en anden aftale, { $when }. Du skal bruge { $needed } minutter til at nå frem.
message-dismiss = Luk beskeden
