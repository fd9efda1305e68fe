# Tekster i den kalenderfil, Nabo eksporterer (.ics).

ics-calendar-name = Nabo
ics-title-visit = Besøg
ics-title-meeting = Møde
ics-title-meeting-theme = Møde: { $theme }
ics-alarm = Aftale
ics-label-household = Husstand
ics-label-theme = Tema
ics-label-venue = Sted
ics-label-languages = Sprog
