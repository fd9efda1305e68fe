# Nabo — screen texts (English). Short, calm, plain language.
# Same words for the same thing everywhere. Keys must match da/ui.ftl.

app-name = Nabo
app-loading = Nabo is starting …
app-load-failed = Nabo could not start.
retry = Try again
something-went-wrong = Something went wrong. Please try again.

## Header and navigation

header-plan-visit = Plan a visit
header-plan-meeting = Plan a meeting
header-shortcuts = Shortcuts: N = plan a visit, M = plan a meeting, T = today in the calendar, ← → = change period, Alt + arrow = move the chosen appointment
nav-label = Main menu
nav-today = Today
nav-calendar = Calendar
nav-month = My month
nav-settings = Settings

## Today

today-title = Today
today-load-failed = The overview could not be loaded.
today-overdue-title = Not marked
today-overdue-explain = Appointments that are over but not marked as done or cancelled.
today-overdue-empty = Everything is marked. Well done.
today-overdue-show-all = Show all { $count }
today-upcoming-title = The next 7 days
today-upcoming-empty = No appointments in the next 7 days.
today-upcoming-show-all = Show all { $count }
today-show-fewer = Show only the first { $count }
today-open = Open { $kind }

## Calendar

calendar-modes = Show the calendar as
calendar-mode-week = Week
calendar-mode-month = Month
calendar-mode-agenda = List
week-label = Week { $week }
week-nav = Change week
week-prev = Previous week
week-next = Next week
week-this = This week
week-today = Today
week-loading = Getting appointments …
week-load-failed = The appointments could not be loaded.
week-empty = No appointments this week — plan a visit
week-empty-action = Plan a visit
month-nav = Change month
month-prev = Previous month
month-next = Next month
month-this = This month
month-empty = No appointments this month — plan a visit
month-more = + { $count } more
month-more-label = : show all { $count } appointments on { $day }
month-fewer = Show fewer
month-fewer-label = : { $day }
agenda-empty = No appointments
when-range = { $day } at { $from }–{ $to }
when-start = { $day } at { $time }

## Appointments

activity-conflict = Conflict
activity-conflict-hint = Overlaps or is too close to another appointment
activity-example = Example data

kind-home_visit = Home visit
kind-group_meeting = Group meeting
kind-outreach = Outreach
kind-accompaniment = Accompaniment
kind-network_meeting = Network meeting

status-planned = Planned
status-done = Done
status-cancelled = Cancelled
status-no_show = No-show
status-now = Status now:
status-set-planned = Planned again
status-set-done = Done
status-set-cancelled = Cancelled
status-set-no_show = No-show
status-changed = Marked: { $status }.

programme-bydelsmoedre = Bydelsmødre
programme-baba = Baba

role-volunteer = Volunteer
role-coordinator = Coordinator
role-both = Both

## Fields (also used in error messages)

field-start = Time
field-end = End time
field-duration = Duration
field-area = Area
field-household = Household
field-venue = Venue
field-theme = Theme
field-title = Title
field-note = Note
field-display_name = Name
field-language = Language
field-repeat = Repeat
field-calendar_name = Calendar name
field-public_address = Address of a public venue
field-from = From
field-to = To
field-period = Month
field-expected_size = Expected number of participants
field-travel_buffer_minutes = Travel time
field-reminder_minutes = Reminder
field-follow_up_days = Follow-up
field-erase_after_months = Erase after

## Plan and edit

form-title-home_visit = Plan a visit
form-title-group_meeting = Plan a group meeting
form-title-outreach = Plan outreach
form-title-accompaniment = Plan an accompaniment
form-title-network_meeting = Plan a network meeting
form-title-edit = Edit the appointment
form-series-following = This meeting is part of a series. Changes here apply to this meeting and all that follow.
form-intro = Fields marked * must be filled in.
form-kind = Kind of appointment
form-date = Date
form-date-hint = YYYY-MM-DD, e.g. 2026-12-01
form-date-placeholder = YYYY-MM-DD
form-time = Time
form-time-hint = HH:MM, e.g. 10:00
form-time-placeholder = HH:MM
form-duration = Duration (minutes)
form-label-title = Title
form-label-area = Area
form-label-household = Household
form-label-venue = Venue
form-label-theme = Theme
form-label-note = Note
form-hint-area = E.g. a district or housing area — not an address.
form-hint-household = Only a code name like H-17 — never a name.
form-hint-venue = E.g. the community centre or the library.
form-hint-theme = E.g. health, school or money.
form-hint-note = Only for you — never leaves this computer.
form-travel-buffer = Nabo keeps { $minutes } minutes for travel between visits. You can change this in Settings.
form-optional = (optional)
form-submit = Plan visit
form-submit-other = Plan appointment
form-submit-edit = Save changes
form-saving = Saving …
form-cancel = Cancel
form-close = Close
form-delete = Delete
form-error-date = Write the date as YYYY-MM-DD, e.g. 2026-12-01.
form-error-time = Write the time as HH:MM, e.g. 10:00.
form-error-duration = Write how many minutes the appointment lasts, e.g. 60.
form-error-expected-size = Write a number from { $min } to { $max }, or leave it empty.
form-error-area = Write which area the visit is in.
form-error-venue = Write where the meeting is.
form-error-theme = Write the meeting's theme.
form-discard-question = Close without saving?
form-discard-explain = What you have written will not be saved.
form-discard-yes = Close without saving
form-discard-no = Keep writing
discreet-hidden = Hidden
discreet-reveal = Show

## After planning

plan-saved = The visit is planned: { $when }.
plan-saved-other = The appointment is planned: { $when }.
edit-saved = The appointment is saved: { $when }.
conflict-overlap = Note: the appointment overlaps another appointment on { $when }.
conflict-travel =
    Note: there { $gap ->
        [one] is only one minute
       *[other] are only { $gap } minutes
    } until another appointment on { $when }. You need { $needed } minutes to get there.
message-dismiss = Dismiss message
deleted = { $kind } deleted.
restored = The appointment is back.
undo = Undo
follow-up-question = The visit is done. Plan a follow-up? (in { $days } days)
follow-up-accept = Plan follow-up
follow-up-decline = No, thanks
reminder-text = Appointment at { $time }
examples-loaded =
    { $count ->
        [one] One example appointment was added.
       *[other] { $count } example appointments were added.
    } They are marked "Example data" and can be removed in Settings.

## Welcome

welcome-title = Welcome to Nabo
welcome-intro = Nabo is your calendar for visits and meetings. Everything stays on this computer. Choose three things and you are ready.
welcome-role = I am a
welcome-examples = Show examples
welcome-examples-hint = Nabo adds a few example appointments this week and next, so you can try things out. They are marked and can be removed in one click.
welcome-start = Get started

## Settings

settings-title = Settings
settings-language = Language
settings-language-da = Dansk
settings-language-en = English
settings-language-os = Same as the computer
settings-programme = Programme
settings-durations = How long does an appointment usually take?
settings-durations-hint = In minutes. Used when you plan something new.
settings-time = Time
settings-travel-buffer = Travel time between visits (minutes)
settings-travel-buffer-hint = Nabo warns you when two visits are closer than this.
settings-reminder = Reminder before an appointment (minutes)
settings-reminder-hint = 0 = no reminder. Only while Nabo is open.
settings-follow-up = Follow-up after a visit (days)
settings-follow-up-hint = When Nabo suggests the next visit.
settings-erase-after = Erase code names and notes after (months)
settings-erase-after-hint = A household's code name and notes are erased { $months ->
        [one] 1 month
       *[other] { $months } months
    } after its last visit. The counts stay.
settings-discretion = Discretion
settings-discreet = Hide households and notes on screen
settings-discreet-hint = They show as ••• until you click "Show".
settings-save = Save settings
settings-saved = The settings are saved.
settings-error-range = Write a whole number from { $min } to { $max }.
settings-examples = Example data
settings-examples-hint = Remove every appointment marked "Example data". Your own appointments stay.
settings-examples-remove = Remove example data
settings-examples-removed =
    { $count ->
        [0] There was no example data.
        [one] One example appointment was removed.
       *[other] { $count } example appointments were removed.
    }

## Repeat (series)

activity-series = Series
repeat-legend = Repeat
repeat-none = No
repeat-weekly = Every week
repeat-biweekly = Every other week
repeat-monthly = Every month ({ $nth ->
        [-1] last
        [1] 1st
        [2] 2nd
        [3] 3rd
       *[other] { $nth }th
    } { $day })
repeat-monthly-plain = Every month
repeat-days = On these days
repeat-end = Ends
repeat-end-choice-count = After a number of times
repeat-end-choice-until = On a date
repeat-end-choice-never = No end date
repeat-count = Number of times
repeat-until = Until (inclusive)
repeat-summary-label = The series:
repeat-summary = { $pattern }, { $from }–{ $to }{ $end }
repeat-pattern-weekly = Every { $days }
repeat-pattern-biweekly = Every other { $days }
repeat-pattern-monthly = { $nth ->
        [-1] Last { $day } of every month
        [1] 1st { $day } of every month
        [2] 2nd { $day } of every month
        [3] 3rd { $day } of every month
       *[other] { $nth }th { $day } of every month
    }
repeat-end-count = { $count ->
        [one] , once
       *[other] , { $count } times
    }
repeat-end-until = , until { $date }
repeat-end-never = , no end date
repeat-custom = The series repeats in a way this form cannot show. It stays as it is unless you choose something new here.
form-error-repeat-days = Choose at least one day.
form-error-repeat-count = Write how many times, a number from { $min } to { $max }, e.g. 8.
form-error-repeat-until = Write the last date as YYYY-MM-DD, e.g. 2027-03-01. It cannot be before the first meeting.

## Calendar file

calfile-title = Calendar file
calfile-intro = Save your appointments in a file that the calendar on your phone or computer can read.
calfile-detail = What should the file show?
calfile-detail-discreet = Only what is needed (recommended)
calfile-detail-full = All details
calfile-discreet-explain = The file shows only the time, kind of appointment, theme and area — never households, titles or notes.
calfile-full-explain = The file also shows the title, place and household. Notes are never included.
calfile-reminder = Reminder in the calendar
calfile-reminder-none = No reminder
calfile-reminder-option = { $minutes ->
        [60] 1 hour before
        [1440] 1 day before
       *[other] { $minutes } minutes before
    }
calfile-export = Save calendar file …
calfile-exporting = Saving …
calfile-exported = { $count ->
        [0] There were no appointments. The file is saved in { $path }.
        [one] One appointment saved in { $path }.
       *[other] { $count } appointments saved in { $path }.
    }
calfile-live-title = Calendar file kept up to date
calfile-live-intro = Nabo writes the file again every time you change something. Put it e.g. in a folder your phone syncs.
calfile-live-none = No file chosen.
calfile-live-file = The file:
calfile-live-choose = Choose file …
calfile-live-change = Choose another file …
calfile-live-stop = Stop
calfile-live-started = Nabo now keeps the file up to date.
calfile-live-stopped = Nabo no longer updates the file.
calfile-live-detail-saved = The file now shows: { $detail }

## Counts (after an appointment)

counts-title = Record counts
counts-intro = Numbers only — never names. What you do not know counts as "Unknown".
counts-prefilled = The numbers from the last meeting of the series are filled in. Change them to fit this meeting.
counts-recorded-before = The counts are recorded. You can correct them here.
counts-edits =
    { $count ->
        [one] Edited once.
       *[other] Edited { $count } times.
    }
counts-loading = Loading counts …
counts-load-failed = The counts could not be loaded.
counts-fewer = One fewer: { $label }
counts-more = One more: { $label }
counts-tally-hint = One person may count in several boxes. At most { $reached } in each.
counts-remainder = the rest
counts-breakdown-over =
    { $over ->
        [one] There is one too many
       *[other] There are { $over } too many
    }: the numbers add up to { $sum }, but you reached { $reached }.
counts-check-missing-reached = Write how many people you reached (0 if nobody came).
counts-check-not-whole = Write a whole number from 0 to { $max }.
counts-check-new-above = There cannot be more new contacts ({ $new }) than people reached ({ $reached }).
counts-check-tally-above = { $value } is more than the { $reached } people you reached.
counts-check-summary = Correct the fields marked in red.
counts-totals = Total
counts-save = Save counts
counts-later = Later
counts-later-hint = "Later" marks the appointment done without counts. You can add them later under "Counts" on the appointment.
counts-remove = Remove the counts
counts-remove-question = Remove the counts? Only do this if the appointment did not take place.
counts-remove-no = Keep them
counts-remove-yes = Remove the counts
counts-removed = The counts were removed. The appointment is still marked done; mark it cancelled if it did not take place.
counts-saved = Marked: Done. The counts are saved.
counts-saved-plain = The counts are saved.
counts-saved-edited = The counts are corrected.
counts-warning-larger = The meeting had { $reached } people. That is many more than the { $usual } who usually come. Is the number right? If not, correct it under "Counts" on the appointment.
counts-open = Counts
counts-state-none = No counts yet.
counts-state-recorded = Counts are recorded.

## My month

mymonth-title = My month
mymonth-loading = Loading the numbers …
mymonth-load-failed = The numbers could not be loaded.
mymonth-reached = People reached
mymonth-new = New contacts
mymonth-recorded =
    { $count ->
        [0] No appointments with counts yet.
        [one] Counts from one appointment.
       *[other] Counts from { $count } appointments.
    }
mymonth-no-counts = No counts this month yet. Mark an appointment done and fill in the counts.
mymonth-activities = Appointments
mymonth-activities-empty = No appointments this month — plan a visit.
mymonth-kind = Kind
mymonth-total = Total
mymonth-count = Number
mymonth-topics-empty = No topics written down this month.
mymonth-referrals-empty = No referrals this month.
mymonth-chart-label = { $title }: bar chart. The numbers are in the table below the chart.
mymonth-table = { $title } in numbers
## Other calendars (busy time)

busy-label = Busy
busy-free = Free
busy-free-hint = Marked as free in the other calendar. It causes no conflict.
busy-all-day = All day
busy-all-day-one = { $day }, all day
busy-all-day-range = { $from } – { $to }, all day
busy-untitled = No title
busy-when = When
busy-calendar = Calendar
busy-title = Title
busy-readonly = From another calendar. It cannot be changed in Nabo. Import the calendar again to get its changes.
activity-busy-conflict-hint = Overlaps busy time from another calendar
conflict-busy = Careful: this overlaps busy time in the calendar “{ $calendar }”, { $when }.
busycal-title = Other calendars
busycal-intro = See your work or family calendar in Nabo, so that you do not plan a visit when you are busy. Save that calendar as an .ics file (for example from Google, Outlook or Apple) and choose the file here — or drag it onto the Nabo window. Nabo never changes the other calendar.
busycal-import = Import a calendar …
busycal-none = No other calendars yet.
busycal-list = Imported calendars
busycal-entries =
    { $count ->
        [0] No events
        [one] One event
       *[other] { $count } events
    }
busycal-imported = imported { $when }
busycal-reimport = Import again …
busycal-remove = Remove
busycal-remove-question = Remove the calendar “{ $name }” from Nabo? Its busy time disappears from your calendar. The other calendar stays as it is.
busycal-remove-yes = Yes, remove
busycal-remove-no = No, keep it
busycal-removed = The calendar “{ $name }” was removed.
busycal-load-failed = The list of calendars could not be loaded.
import-title = Import a calendar
import-reading = Reading the file …
import-file = File
import-calendar = Calendar in Nabo
import-added = { $count } new
import-changed = { $count } changed
import-removed = { $count } removed
import-question = { $added }, { $changed }, { $removed } — import?
import-nothing-changed = Nothing has changed since the last import. Import anyway?
import-unchanged =
    { $count ->
        [one] One event is unchanged.
       *[other] { $count } events are unchanged.
    }
import-outside =
    { $count ->
        [one] One event is more than a year back or two years ahead and is left out.
       *[other] { $count } events are more than a year back or two years ahead and are left out.
    }
import-cancelled =
    { $count ->
        [one] One cancelled event is left out.
       *[other] { $count } cancelled events are left out.
    }
import-capped = The repeating event { $uid } (line { $line }) is imported only { $kept } times.
import-duplicate = The event on line { $line } has the same UID as an earlier one ({ $uid }) and is left out.
import-capped-more = … and { $count } more repeating events are imported only a limited number of times.
import-duplicate-more = … and { $count } more events with a UID already seen are left out.
import-confirm = Import
import-cancel = Cancel
import-importing = Importing …
import-done = The calendar “{ $name }” was imported: { $added }, { $changed }, { $removed }.
import-refused = The file cannot be imported
import-close = Close
import-queue = File { $n } of { $total }
import-drop-hint = Drop the .ics file to see it as busy time

## Summary files: identity, coordinator, sending, receipts, the coordinator's screen
nav-coordinator = Coordinator
identity-title = You in Nabo
identity-intro-volunteer = Your name is on the summaries you send to your coordinator. The fingerprint shows that a file comes from you: read it out to her when you talk.
identity-intro-coordinator = Your name, areas and meeting places are on your identity card. Give the card to your volunteers so that only you can read their summaries.
identity-fingerprint = Fingerprint:
identity-name = Name
identity-name-hint = The name your coordinator or your group knows you by. No phone number or address.
identity-areas = The group's areas
identity-areas-hint = One area per line. They are offered in the volunteers' forms.
identity-venues = Public meeting places
identity-venues-hint = One per line as "Name = address", e.g. Beboerhuset = Dortheavej 2. Only these addresses can volunteers write for a meeting.
identity-save = Save
identity-saved = Saved.
identity-export-card = Save my identity card
identity-card-saved = Your identity card was saved in { $path }.
coordinator-title = Your coordinator
coordinator-intro = Open the identity card your coordinator gave you. Your summaries are then locked so that only she can read them.
coordinator-name = Name
coordinator-places = Meeting places
coordinator-none = You have not chosen a coordinator yet.
coordinator-compare = Is this { $name }'s fingerprint? Compare it with the one her Nabo shows, e.g. over the phone:
coordinator-confirm = Yes, it matches
coordinator-cancel = Cancel
coordinator-change = Change coordinator
coordinator-open = Open the coordinator's card
coordinator-set = { $name } is now your coordinator.
summary-title = Send to coordinator
summary-was-sent = Sent as version { $revision } on { $day }.
summary-changed-since = The numbers changed since: send the month again.
summary-not-sent = The month has not been sent yet.
summary-to = The file is locked so that only { $name } can read it (fingerprint { $fingerprint }).
summary-send = Send to coordinator
summary-plain-warning = The file will not be locked: anyone who gets it can read the numbers and your name. Better choose your coordinator in Settings.
summary-send-plain = Save anyway
summary-no-coordinator = You have not chosen a coordinator yet (in Settings).
summary-plain = Save as a file anyone can read
summary-sent = { $month } was saved as version { $revision }, locked to { $name }: { $path }. Give her the file.
summary-sent-plain = { $month } was saved as version { $revision }, readable by anyone: { $path }.
receipt-check = Check a receipt
receipt-caption = Receipt from { $name } ({ $fingerprint })
receipt-month = Month
receipt-state = Status
receipt-reached = Reached, by the coordinator
receipt-arrived = Arrived as sent
receipt-older_revision = She has version { $received }; you sent version { $sent }: send again
receipt-other_file = She has another file of the same version: send again
receipt-not_arrived = Not arrived: send again
receipt-not_sent_from_here = Arrived, but not sent from this computer
coordinator-screen-title = Coordinator
incoming-title = Summaries from the volunteers
incoming-intro = Open the files (many at once is fine), or drag them into the window. You first see what will happen to each file; nothing is stored until you press Import.
incoming-open = Open files
incoming-dry-caption = { $count ->
    [one] What will happen to the file
   *[other] What will happen to the { $count } files
}
incoming-done-caption = { $count ->
    [one] The file was handled
   *[other] The { $count } files were handled
}
incoming-file = File
incoming-volunteer = Volunteer
incoming-month = Month
incoming-outcome = What happens
incoming-version = version { $revision }
incoming-import = { $count ->
    [one] Import 1 file
   *[other] Import { $count } files
}
incoming-some-refused = { $count ->
    [one] 1 file was refused; the others were imported.
   *[other] { $count } files were refused; the others were imported.
}
import-summary-new = New
import-summary-replaces = Replaces version { $revision }
import-summary-already = Already imported
summary-refused-too_large = Refused: the file is too large to be a summary.
summary-refused-not_a_file = Refused: it is not a file.
summary-refused-read_failed = Refused: the file could not be read ({ $detail }).
summary-refused-not_for_you = Refused: the file is locked to another coordinator.
summary-refused-damaged = Refused: the file is damaged or cut short.
summary-refused-not_json = Refused: it is not a Nabo summary.
summary-refused-wrong_format = Refused: it is another kind of file than a summary.
summary-refused-unknown_version = Refused: a newer Nabo made it. Update Nabo.
summary-refused-malformed = Refused: its contents do not fit ({ $detail }).
summary-refused-signature = Refused: the signature does not match; the file was changed after it was sent.
summary-refused-text = Refused: a text in the file breaks the rules.
summary-refused-future_period = Refused: the month has not begun yet.
summary-refused-key_changed = Refused: the volunteer has a new key ({ $detail }). Compare the fingerprint with her and accept it below.
summary-refused-same_revision_other_content = Refused: you already have the same version of the month with other numbers.
summary-refused-older_revision = Refused: you already have a newer version of the month.
volunteers-title = Volunteers
volunteers-load-failed = The volunteers could not be shown.
volunteers-none = No summaries yet.
volunteers-name = Name and fingerprint
volunteers-months = Months received
volunteers-missing = Missing
volunteers-actions = Actions
volunteers-offered = New key: { $fingerprint }
volunteers-month-totals = { $reached } reached, { $new } new (version { $revision })
volunteers-accept = Accept the new key
volunteers-receipt = Save a receipt
volunteers-key-accepted = { $name }'s new key ({ $fingerprint }) was accepted.
volunteers-receipt-saved = The receipt for { $name } ({ $count ->
    [one] 1 month
   *[other] { $count } months
}) was saved in { $path }.

## Reports (issue 13): the words of exported tables and the overview.
report-no-area = No area
report-quarter = { $year } Q{ $quarter }
report-total = Total
report-sheet = Report
report-axis-area = Area
report-axis-kind = Activity
report-axis-month = Month
report-axis-quarter = Quarter
report-axis-year = Year
report-measure-held = Activities held
report-measure-held-kind = { $kind }: held
report-measure-cancelled = Activities cancelled
report-measure-cancelled-kind = { $kind }: cancelled
report-title = { $measure } by { $rows } and { $cols }
report-period = Period: { $from } to { $to }
report-scheme = Category scheme: { $version }
report-min-cell = Smallest count shown: { $min }
report-rule = Counts from 1 to { $below } are shown as "<{ $min }". Cells marked "x" are hidden so that the small counts cannot be worked out from the other cells and the totals. Zero is shown as 0.
report-measure-reached = People reached
report-file-name = report
report-export-title = Report for the funder
report-export-intro = Counts below { $min } (but above 0) are shown as "<{ $min }", and other cells are hidden as "x" so that the small counts cannot be worked out. A report never shows a single volunteer.
report-rows = Rows
report-cols = Columns
report-measure = What is counted
report-min-cell-label = Smallest count shown
report-format = File type
report-export = Export report
report-exported = The report is saved in { $path }: { $primary } small counts shown as "<{ $min }", { $secondary } cells hidden as "x".
overview-title = Overview
overview-period = Period
overview-span = Show
overview-span-year = Year
overview-span-quarter = Quarter
overview-span-month = Month
overview-quarter = Quarter { $quarter }
overview-load-failed = The overview could not be loaded.
overview-new = Of whom new contacts
overview-summaries = Summaries
overview-chart-months = People reached by month
overview-chart-areas = People reached by area
overview-chart-kinds = Activities held by kind
overview-chart-empty = No numbers in this period yet.
chart-save-png = Save as PNG
chart-save-svg = Save as SVG
chart-saved = The chart is saved in { $path }.
targets-title = Targets
targets-none = No targets yet. Set one below, e.g. 400 people reached this year.
target-met = Met
target-behind = Behind pace
target-on-pace = On pace
target-pace = Where the target should be by now
target-count-text = { $actual } of { $goal } ({ $percent } %) · expected by now { $expected }
target-share-text = { $share } % of { $of } · target { $goal } %
target-remove = Remove
target-measure = Target for
target-period = Period (YYYY, YYYY-Qn or YYYY-MM)
target-kind = Kind of target
target-kind-count = Count
target-kind-share = Share
target-count = Count
target-share = Share in %
target-of = Share of
target-add = Set target
target-added = The target for { $measure } in { $period } is set.
target-removed = The target for { $measure } in { $period } is removed.
grid-title = Volunteers and months
grid-volunteer = Volunteer
grid-show-all = Show all { $count } volunteers
grid-loading = Loading the volunteers' months …
grid-missing = missing
grid-revision = v{ $revision }
drill-title = { $name }'s months
drill-private = For you only: a single volunteer never appears in an exported report.
drill-none = No summaries in this period.
drill-version = Version

## The database's passphrase (where the computer has no key store)

unlock-title = Unlock Nabo
unlock-title-new = Choose a passphrase
unlock-intro = Your appointments are encrypted. Type the passphrase you chose when Nabo was set up on this computer.
unlock-intro-new = Nabo encrypts your appointments. This computer has no key store for the key, so choose a passphrase. Only you know it: without it nobody can open your appointments — not even you.
unlock-key-missing = The key store on this computer holds no key for the database. It may have been made with a passphrase.
unlock-passphrase = Passphrase
unlock-choose = New passphrase
unlock-again = Type it again
unlock-hint-new = At least 8 characters. A sentence you can remember is better than a short word. Write it down somewhere safe.
unlock-open = Unlock
unlock-create = Create and unlock
unlock-wrong = That passphrase does not fit. Try again.
unlock-mismatch = The two passphrases are not the same.
unlock-too-short = The passphrase needs at least { $min } characters.

## The app lock (a PIN or passphrase; the lock screen shows nothing else)

lock-title = Nabo is locked
lock-secret = PIN or passphrase
lock-unlock = Unlock
lock-wrong = That PIN or passphrase is not right.
lock-wait = Too many wrong tries. Try again in { $seconds ->
    [one] 1 second
   *[other] { $seconds } seconds
}.
lock-now = Lock
lock-now-label = Lock Nabo now (Ctrl+L)
reminder-locked = Nabo: a reminder
field-lock_idle_minutes = Minutes before Nabo locks
lock-settings-title = Lock
lock-settings-intro = Lock Nabo with a PIN or passphrase, so that others cannot see your appointments when you leave the computer. Nabo locks when you have not used it for a while, when the computer goes to sleep, and when Nabo starts. You can also lock it with the "Lock" button or Ctrl+L.
lock-settings-off = The lock is off.
lock-settings-on = The lock is on. Nabo locks after { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
} without use.
lock-settings-current = Current PIN or passphrase
lock-settings-new = PIN or passphrase
lock-settings-new-optional = New PIN or passphrase (empty: keep the current one)
lock-settings-again = Type it again
lock-settings-hint = At least { $min } characters, e.g. 4 digits. Write it down somewhere safe: without it, Nabo cannot be unlocked.
lock-settings-minutes = Lock after this many minutes without use
lock-settings-turn-on = Turn the lock on
lock-settings-save = Save changes
lock-settings-turn-off = Turn the lock off
lock-settings-turned-on = The lock is on.
lock-settings-changed = The lock was changed.
lock-settings-turned-off = The lock is off.
lock-settings-too-short = The PIN or passphrase needs at least { $min } characters.
lock-settings-mismatch = The two are not the same. Type the same one twice.

## Backups, going back to a backup, and "Erase everything" (issue 14)

backups-title = Backups
backups-intro = Nabo keeps a copy of your appointments and counts, so that you can go back to it if something goes wrong. The copies are locked with the database's key: only you can open them, on this computer or with your passphrase. It is a good idea to keep them on a USB stick.
backups-load-failed = The backups could not be shown.
backups-folder = Folder
backups-folder-default = the default folder beside the database
backups-last = Last backup
backups-last-none = None yet
backups-choose-folder = Choose folder…
backups-default-folder = Use the default folder
backups-every = How often
backups-every-hint = Only while Nabo is open.
backups-every-0 = Never (only when you make one)
backups-every-1 = Every day
backups-every-7 = Every week
backups-every-14 = Every 2 weeks
backups-every-30 = Every month
backups-every-other = Every { $days } days
backups-keep = How many are kept
backups-keep-hint = When there are more, the oldest are removed. From { $min } to { $max }.
backups-now = Back up now
backups-save-to = Save a backup to…
backups-list = Backups in the folder
backups-none = There are no backups in the folder yet. Make one now.
backups-restore = Go back to this one…
backups-restore-file = Go back to a backup from a file…
backups-saved-every = { $days ->
    [0] Nabo no longer makes backups by itself.
    [1] Nabo now makes a backup every day while it is open.
    [7] Nabo now makes a backup every week while it is open.
    [14] Nabo now makes a backup every 2 weeks while it is open.
    [30] Nabo now makes a backup every month while it is open.
   *[other] Nabo now makes a backup every { $days } days while it is open.
}
backups-saved-keep = { $keep ->
    [one] Nabo now keeps only the newest backup.
   *[other] Nabo now keeps the newest { $keep } backups.
}
backups-saved-folder = Backups now go to { $folder }.
backups-saved-default-folder = Backups now go to the default folder.
backups-made = The backup { $file } was made.
backups-made-plain = The backup was made.
backups-saved-to = The backup was saved to { $path }.
field-backup_every_days = Days between backups
field-backup_keep = Number of backups

restore-title = Go back to a backup?
restore-explain = Your data now is replaced by the backup from { $when }. What you changed since then is not in it.
restore-explain-file = Your data now is replaced by the backup in the file { $file }.
restore-copy-kept = First Nabo keeps a copy of your data as it is now, as a backup. So you can undo it.
restore-damaged-copy = Nabo cannot keep a copy of the damaged database. If you want to keep it, copy the file { $path } first.
restore-damaged-copy-no-path = Nabo cannot keep a copy of the damaged database. If you want to keep it, copy the database file first.
restore-then = Nabo checks the backup before anything is replaced. Then Nabo starts again.
restore-file = File:
restore-no = Cancel
restore-yes = Go back to the backup
restore-busy = Going back…
restore-done = { $count ->
    [one] Done: 1 activity. Nabo starts again…
   *[other] Done: { $count } activities. Nabo starts again…
}

damaged-opened = The database is damaged. Nabo shows what it can, but saves nothing.
damaged-restore-newest = Go back to the newest backup from { $when }.
damaged-restore = Restore…
damaged-no-backup = There is no backup to go back to. Make a copy of the database file { $path } (e.g. on a USB stick), and contact your coordinator.
damaged-no-backup-no-path = There is no backup to go back to. Make a copy of the database file (e.g. on a USB stick), and contact your coordinator.

erase-title = Erase everything
erase-intro = Removes everything Nabo keeps on this computer: your appointments and counts, the key and the backups. It cannot be undone.
erase-open = Erase everything…
erase-dialog-title = Erase everything?
erase-dialog-intro = Nabo removes:
erase-what-database = The database with all your plans, appointments and counts
erase-what-key = The database's key in the key store
erase-what-backups = The backups Nabo made – also those you saved elsewhere with Nabo
erase-what-live = The live calendar file
erase-what-live-none = The live calendar file (you have none now)
erase-cannot-undo = It cannot be undone.
erase-stays = Files you saved yourself (calendar files, summaries, identity cards) stay. Delete them yourself if they must go.
erase-word = ERASE
erase-type = Type { $word } to confirm
erase-no = Cancel
erase-yes = Erase everything
erase-busy = Erasing…
erased-title = Everything is erased
erased-nothing = There was nothing to erase.
erased-files = Removed
erased-key = The database's key was removed from the key store.
erased-failed = Could not be removed
erased-failed-hint = Delete these files yourself, e.g. in the file manager.
erased-hint = Nabo has no more data on this computer.
erased-close = Close Nabo
start-notices = When Nabo started:
import-warnings-title = What Nabo noticed in the file:
