# Nabo — screen texts (English). Short, calm, plain language.
# Same words for the same thing everywhere. Keys must match da/ui.ftl.

app-name = Nabo
app-loading = Nabo is starting …
app-load-failed = Nabo could not start.
retry = Try again
something-went-wrong = Something went wrong. Please try again.

## Header

header-plan-visit = Plan a visit
header-shortcuts = Shortcuts: N = plan a visit, ← → = change week, T = this week

## Week

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
day-empty = No appointments
when-range = { $day } at { $from }–{ $to }
when-start = { $day } at { $time }

## Activities

activity-conflict = Conflict
activity-conflict-hint = Overlaps or is too close to another appointment

kind-home_visit = Home visit
kind-group_meeting = Group meeting
kind-outreach = Outreach
kind-accompaniment = Accompaniment
kind-network_meeting = Network meeting

status-planned = Planned
status-done = Done
status-cancelled = Cancelled
status-no_show = No-show

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
field-language = Language

## Plan a visit

form-title = Plan a visit
form-intro = Fields marked * must be filled in.
form-date = Date
form-date-hint = YYYY-MM-DD, e.g. 2026-12-01
form-date-placeholder = YYYY-MM-DD
form-time = Time
form-time-hint = HH:MM, e.g. 10:00
form-time-placeholder = HH:MM
form-duration = Duration (minutes)
form-area = Area
form-area-hint = E.g. a district or housing area — not an address.
form-household = Household
form-household-hint = Only a code name like H-17 — never a name.
form-note = Note
form-note-hint = Only for you — never leaves this computer.
form-optional = (optional)
form-submit = Plan visit
form-saving = Saving …
form-cancel = Cancel
form-close = Close
form-error-date = Write the date as YYYY-MM-DD, e.g. 2026-12-01.
form-error-time = Write the time as HH:MM, e.g. 10:00.
form-error-duration = Write how many minutes the visit lasts, e.g. 60.
form-error-area = Write which area the visit is in.
form-discard-question = Close without saving?
form-discard-explain = What you have written will not be saved.
form-discard-yes = Close without saving
form-discard-no = Keep writing

## After planning

plan-saved = The visit is planned: { $when }.
conflict-overlap = Note: the visit overlaps another appointment on { $when }.
conflict-travel =
    Note: there { $gap ->
        [one] is only one minute
       *[other] are only { $gap } minutes
    } until another appointment on { $when }. You need { $needed } minutes to get there.
message-dismiss = Dismiss message
