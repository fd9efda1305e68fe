// A Backend for component tests: in-memory, every method a spy.
import { vi, type Mock } from 'vitest'
import { inputKeys } from '../lib/counts'
import { SCHEME_V1 } from '../lib/mockScheme'
import type {
  ActivityView,
  AppInfo,
  Backend,
  BusySourceView,
  BusyView,
  Changed,
  FileDrop,
  ImportReport,
  MonthStats,
  PlanOutcome,
  PlanRequest,
  Settings,
} from '../lib/backend'
import type { NoticeView } from '../lib/bindings/NoticeView'

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

export function busy(partial: Partial<BusyView> & Pick<BusyView, 'uid' | 'start' | 'end'>): BusyView {
  const source = partial.source ?? 'Arbejde'
  return {
    key: `busy:${source}:${partial.uid}@${partial.start}`,
    kind: 'busy',
    source,
    title: '',
    all_day: false,
    free: false,
    ...partial,
  }
}

export function importReport(partial: Partial<ImportReport> = {}): ImportReport {
  return {
    source: 'Arbejde',
    dry_run: true,
    added: 12,
    changed: 3,
    unchanged: 0,
    removed: 1,
    outside_window: 0,
    cancelled: 0,
    capped: [],
    capped_total: 0,
    duplicates: [],
    duplicates_total: 0,
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
    /** Counts already recorded, by activity key (`8`, or `5@2026-11-25T17:00:00+01:00`). */
    counts?: Record<string, Record<string, number>>
    /** How many times the counts of an activity key were edited. */
    edits?: Record<string, number>
    /** What `counts_form` suggests for meetings of a series without counts. */
    prefill?: Record<string, number>
    busy?: BusyView[]
    sources?: BusySourceView[]
    /** What every change (`Changed`) reports, e.g. the live calendar file that could not be written. */
    notices?: NoticeView[]
  } = {},
): FakeBackend & { dropFiles: (drop: FileDrop) => void } {
  const info: AppInfo = {
    database_path: '/tmp/nabo-test.db',
    today: options.today ?? '2026-12-02',
    language: options.language ?? 'da',
  }
  // Copies: a test's activities stay as it wrote them when the fake marks one done.
  const stored = (options.activities ?? []).map((a) => ({ ...a }))
  let saved = settings(options.settings)
  const find = (id: number) => {
    const found = stored.find((a) => a.id === id)
    if (!found) throw { code: 'not_found', field: null, args: { id: String(id) } }
    return found
  }
  const outcome = () => options.outcome ?? { id: 99, conflicts: [], notices: [] }
  const changed = <T>(value: T): Changed<T> => ({ value, notices: options.notices ?? [] })
  const counts = new Map(Object.entries(options.counts ?? {}))
  const edits = new Map(Object.entries(options.edits ?? {}))
  const keyOf = (id: number, occurrence: string | null) => (occurrence ? `${id}@${occurrence}` : String(id))
  // Every key of the scheme, the unknown buckets filled in (what the Rust side stores).
  const complete = (given: Record<string, number>): Record<string, number> => {
    const values: Record<string, number> = {}
    for (const group of SCHEME_V1.groups) {
      if (group.kind === 'total') values[group.key] = given[group.key] ?? 0
      for (const bucket of group.buckets) values[bucket.key] = given[bucket.key] ?? 0
      if (group.kind === 'breakdown' && !group.buckets.some((b) => b.key in given)) values[`${group.key}.unknown`] = given.reached ?? 0
    }
    return values
  }
  const busyTimes = options.busy ?? []
  let sources = options.sources ?? []
  let dropHandler: ((drop: FileDrop) => void) | null = null
  return {
    /** What the window does when files are dragged onto it. */
    dropFiles: (drop: FileDrop) => dropHandler?.(drop),
    appInfo: vi.fn<Backend['appInfo']>(async () => ({ ...info, language: saved.language ?? info.language })),
    listActivities: vi.fn<Backend['listActivities']>(async (from: string, to: string) =>
      // Filtering by the date part is what the Rust side does for Copenhagen offsets.
      stored.filter((a) => a.start.slice(0, 10) >= from && a.start.slice(0, 10) <= to),
    ),
    planActivity: vi.fn<Backend['planActivity']>(async (_request: PlanRequest) => outcome()),
    cancelActivity: vi.fn<Backend['cancelActivity']>(async (id: number) => changed({ ...find(id), status: 'cancelled' })),
    deleteActivity: vi.fn<Backend['deleteActivity']>(async () => changed(null)),
    restoreActivity: vi.fn<Backend['restoreActivity']>(async (id: number) => changed(find(id))),
    getActivity: vi.fn<Backend['getActivity']>(async (id: number) => find(id)),
    updateActivity: vi.fn<Backend['updateActivity']>(async (id: number) => ({ ...outcome(), id })),
    updateFollowing: vi.fn<Backend['updateFollowing']>(async (id: number) => ({ ...outcome(), id: id + 1000 })),
    moveActivity: vi.fn<Backend['moveActivity']>(async (id: number, _occurrence, start: string, end: string) => {
      // The fake's activities are in winter time (+01:00), as its weeks are.
      const moved = find(id)
      moved.start = `${start}:00+01:00`
      moved.end = `${end}:00+01:00`
      return { ...outcome(), id }
    }),
    setStatus: vi.fn<Backend['setStatus']>(async (id, _occurrence, status) => changed({ ...find(id), status })),
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
      return changed(next)
    }),
    loadExamples: vi.fn<Backend['loadExamples']>(async () => 6),
    removeExamples: vi.fn<Backend['removeExamples']>(async () => 6),
    exportIcs: vi.fn<Backend['exportIcs']>(async () => stored.length),
    chooseSaveFile: vi.fn<Backend['chooseSaveFile']>(async () => '/home/amina/Sync/nabo.ics'),
    notify: vi.fn<Backend['notify']>(async () => true),
    scheme: vi.fn<Backend['scheme']>(async () => SCHEME_V1),
    countsForm: vi.fn<Backend['countsForm']>(async (id, occurrence) => {
      const key = keyOf(id, occurrence)
      const recorded = counts.get(key) ?? null
      return { recorded, prefill: recorded || !occurrence ? null : (options.prefill ?? null), edits: edits.get(key) ?? 0 }
    }),
    recordCounts: vi.fn<Backend['recordCounts']>(async (id, occurrence, given) => {
      const found = stored.find((a) => a.id === id && a.occurrence === occurrence) ?? find(id)
      const key = keyOf(id, occurrence)
      const edited = counts.has(key)
      if (edited) edits.set(key, (edits.get(key) ?? 0) + 1)
      const values = complete(given)
      counts.set(key, values)
      found.status = 'done'
      const usual = found.expected_size
      const warnings =
        found.kind === 'group_meeting' && usual && values.reached >= usual * 5
          ? [{ code: 'much_larger_than_usual', reached: values.reached, usual }]
          : []
      return changed({ activity: { ...found }, edited, values, warnings })
    }),
    removeCounts: vi.fn<Backend['removeCounts']>(async (id, occurrence) => {
      const key = keyOf(id, occurrence)
      const had = counts.delete(key)
      if (had) edits.set(key, (edits.get(key) ?? 0) + 1)
      return changed(had)
    }),
    monthStats: vi.fn<Backend['monthStats']>(async (period) => {
      const inMonth = stored.filter((a) => a.start.slice(0, 7) === period)
      const by = new Map<string, number>()
      for (const a of inMonth) by.set(`${a.kind}|${a.status}`, (by.get(`${a.kind}|${a.status}`) ?? 0) + 1)
      const totals: Record<string, number> = {}
      for (const key of inputKeys(SCHEME_V1)) totals[key] = 0
      for (const group of SCHEME_V1.groups) for (const bucket of group.buckets) totals[bucket.key] = 0
      let recorded = 0
      for (const a of inMonth) {
        const values = counts.get(a.key)
        if (!values) continue
        recorded += 1
        for (const [k, v] of Object.entries(values)) totals[k] = (totals[k] ?? 0) + v
      }
      const activities = [...by].map(([k, count]) => {
        const [kind, status] = k.split('|')
        return { kind, status, count }
      })
      return { period, activities, recorded, totals } satisfies MonthStats
    }),
    listBusy: vi.fn<Backend['listBusy']>(async (from: string, to: string) =>
      busyTimes.filter((b) => b.end.slice(0, 10) >= from && b.start.slice(0, 10) <= to),
    ),
    importIcs: vi.fn<Backend['importIcs']>(async (_path, name, dryRun) => {
      const report = importReport({ source: name ?? 'Arbejde', dry_run: dryRun })
      if (!dryRun) {
        sources = [
          ...sources.filter((s) => s.name !== report.source),
          { name: report.source, imported: '2026-12-02T09:00:00+01:00', entries: report.added + report.changed },
        ]
      }
      return report
    }),
    busySources: vi.fn<Backend['busySources']>(async () => sources),
    removeBusySource: vi.fn<Backend['removeBusySource']>(async (name: string) => {
      const before = sources.length
      sources = sources.filter((s) => s.name !== name)
      return sources.length < before
    }),
    chooseOpenFile: vi.fn<Backend['chooseOpenFile']>(async () => '/home/amina/Hentet/arbejde.ics'),
    onFileDrop: vi.fn<Backend['onFileDrop']>(async (handler) => {
      dropHandler = handler
      return () => {
        dropHandler = null
      }
    }),
  }
}
