# Text in the calendar file Nabo exports (.ics).

ics-calendar-name = Nabo
ics-title-visit = Visit
ics-title-meeting = Meeting
ics-title-meeting-theme = Meeting: { $theme }
ics-alarm = Appointment
ics-label-household = Household
ics-label-theme = Theme
ics-label-venue = Place
ics-label-languages = Languages
