// A Backend for component tests: in-memory, every method a spy.
import { vi, type Mock } from 'vitest'
import type { ActivityView, AppInfo, Backend, PlanOutcome, PlanRequest, Settings } from '../lib/backend'

export type FakeBackend = {
  [K in keyof Backend]: Mock<Backend[K]>
}

export function activity(partial: Partial<ActivityView> & Pick<ActivityView, 'id' | 'start' | 'end'>): ActivityView {
  return {
    key: partial.occurrence ? `${partial.id}@${partial.occurrence}` : String(partial.id),
    occurrence: null,
    rrule: null,
    expected_size: null,
    kind: 'home_visit',
    status: 'planned',
    title: null,
    area: 'Gellerup',
    household: null,
    venue: null,
    theme: null,
    note: null,
    programme: null,
    languages: [],
    conflicts: [],
    example: false,
    ...partial,
  }
}

export function settings(partial: Partial<Settings> = {}): Settings {
  return {
    language: null,
    role: 'volunteer',
    programme: 'bydelsmoedre',
    durations: { home_visit: 60, group_meeting: 120, outreach: 90, accompaniment: 120, network_meeting: 90 },
    travel_buffer_minutes: 30,
    reminder_minutes: 15,
    discreet_mode: false,
    follow_up_days: 14,
    onboarded: true,
    live_calendar_path: null,
    live_calendar_detail: 'discreet',
    ...partial,
  }
}

export function fakeBackend(
  options: {
    today?: string
    language?: string
    activities?: ActivityView[]
    outcome?: PlanOutcome
    settings?: Partial<Settings>
  } = {},
): FakeBackend {
  const info: AppInfo = {
    database_path: '/tmp/nabo-test.db',
    today: options.today ?? '2026-12-02',
    language: options.language ?? 'da',
  }
  const stored = options.activities ?? []
  let saved = settings(options.settings)
  const find = (id: number) => {
    const found = stored.find((a) => a.id === id)
    if (!found) throw { code: 'not_found', field: null, args: { id: String(id) } }
    return found
  }
  const outcome = () => options.outcome ?? { id: 99, conflicts: [], notices: [] }
  return {
    appInfo: vi.fn<Backend['appInfo']>(async () => ({ ...info, language: saved.language ?? info.language })),
    listActivities: vi.fn<Backend['listActivities']>(async (from: string, to: string) =>
      // Filtering by the date part is what the Rust side does for Copenhagen offsets.
      stored.filter((a) => a.start.slice(0, 10) >= from && a.start.slice(0, 10) <= to),
    ),
    planActivity: vi.fn<Backend['planActivity']>(async (_request: PlanRequest) => outcome()),
    cancelActivity: vi.fn<Backend['cancelActivity']>(async (id: number) => ({ ...find(id), status: 'cancelled' })),
    deleteActivity: vi.fn<Backend['deleteActivity']>(async () => undefined),
    restoreActivity: vi.fn<Backend['restoreActivity']>(async (id: number) => find(id)),
    getActivity: vi.fn<Backend['getActivity']>(async (id: number) => find(id)),
    updateActivity: vi.fn<Backend['updateActivity']>(async (id: number) => ({ ...outcome(), id })),
    updateFollowing: vi.fn<Backend['updateFollowing']>(async (id: number) => ({ ...outcome(), id: id + 1000 })),
    moveActivity: vi.fn<Backend['moveActivity']>(async (id: number) => ({ ...outcome(), id })),
    setStatus: vi.fn<Backend['setStatus']>(async (id, _occurrence, status) => ({ ...find(id), status })),
    suggestions: vi.fn<Backend['suggestions']>(async () => []),
    followUpDraft: vi.fn<Backend['followUpDraft']>(async (id: number) => {
      const done = find(id)
      return {
        kind: 'home_visit',
        start: '2026-12-16T10:00',
        duration_minutes: 60,
        area: done.area,
        household: done.household,
        venue: null,
        theme: null,
        title: null,
        note: null,
        programme: done.programme,
        languages: [],
        rrule: null,
        expected_size: null,
      }
    }),
    agenda: vi.fn<Backend['agenda']>(async (overdueLimit) => {
      const overdue = stored.filter((a) => a.status === 'planned' && a.end < `${info.today}T00:00`).reverse()
      return {
      overdue: overdue.slice(0, overdueLimit ?? overdue.length),
      overdue_total: overdue.length,
      upcoming: stored.filter((a) => a.status === 'planned' && a.start >= `${info.today}T00:00`),
      }
    }),
    getSettings: vi.fn<Backend['getSettings']>(async () => saved),
    saveSettings: vi.fn<Backend['saveSettings']>(async (next: Settings) => {
      saved = next
      return next
    }),
    loadExamples: vi.fn<Backend['loadExamples']>(async () => 6),
    removeExamples: vi.fn<Backend['removeExamples']>(async () => 6),
    exportIcs: vi.fn<Backend['exportIcs']>(async () => stored.length),
    chooseSaveFile: vi.fn<Backend['chooseSaveFile']>(async () => '/home/amina/Sync/nabo.ics'),
    notify: vi.fn<Backend['notify']>(async () => true),
  }
}
