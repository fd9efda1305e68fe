// What each kind of activity asks for. The backend decides in the end; this
// only chooses which fields the form shows and which it checks before sending.
import type { ActivityKind, ActivityView, PlanRequest, Settings } from './backend'
import { minutesBetween, wallClock } from './dates'

export type TextField = 'title' | 'area' | 'household' | 'venue' | 'theme' | 'note'

export const KINDS: readonly ActivityKind[] = [
  'home_visit',
  'group_meeting',
  'outreach',
  'accompaniment',
  'network_meeting',
]

/** Fields with a hint line under them (`form-hint-<field>`). */
export const FIELD_HINTS: ReadonlySet<TextField> = new Set(['area', 'household', 'note', 'venue', 'theme'])

type KindForm = { fields: readonly TextField[]; required: readonly TextField[] }

export const KIND_FORM: Record<ActivityKind, KindForm> = {
  home_visit: { fields: ['area', 'household', 'note'], required: ['area'] },
  group_meeting: { fields: ['title', 'venue', 'theme', 'area', 'note'], required: ['venue', 'theme'] },
  outreach: { fields: ['title', 'area', 'note'], required: [] },
  accompaniment: { fields: ['title', 'area', 'note'], required: [] },
  network_meeting: { fields: ['title', 'venue', 'theme', 'area', 'note'], required: [] },
}

/** An empty request of `kind` starting on `date` (no time yet), lasting the default for the kind. */
export function blankRequest(kind: ActivityKind, date: string, settings: Settings | null, time = ''): PlanRequest {
  return {
    kind,
    start: `${date}T${time}`,
    duration_minutes: settings?.durations[kind] ?? (kind === 'home_visit' ? 60 : 120),
    area: null,
    household: null,
    venue: null,
    theme: null,
    title: null,
    note: null,
    programme: settings?.programme ?? null,
    languages: [],
    rrule: null,
    expected_size: null,
  }
}

/** The form's request for editing `activity`: its fields as they are stored, the start as wall-clock time. */
export function editRequest(activity: ActivityView): PlanRequest {
  const { kind, area, household, venue, theme, title, note, programme, languages, rrule, expected_size } = activity
  const start = wallClock(activity.start)
  const duration_minutes = minutesBetween(activity.start, activity.end)
  return { kind, start, duration_minutes, area, household, venue, theme, title, note, programme, languages, rrule, expected_size }
}
