// A Backend for component tests: the shared in-memory backend (lib/memoryBackend.ts),
// every method wrapped in a spy, so a test can both use it and check or replace
// what it was asked.
import { vi, type Mock } from 'vitest'
import type { ActivityView, Backend, BusySourceView, BusyView, FileDrop, ImportReport, PlanOutcome, Settings } from '../lib/backend'
import type { NoticeView } from '../lib/bindings/NoticeView'
import { createMemoryBackend, memoryActivity, type MemorySeed } from '../lib/memoryBackend'

export type FakeBackend = {
  [K in keyof Backend]: Mock<Backend[K]>
}

export function activity(partial: Partial<ActivityView> & Pick<ActivityView, 'id' | 'start' | 'end'>): ActivityView {
  return {
    key: partial.occurrence ? `${partial.id}@${partial.occurrence}` : String(partial.id),
    ...memoryActivity({ area: 'Gellerup' }),
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
    warnings: [],
    warnings_total: 0,
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
    erase_after_months: 12,
    onboarded: true,
    live_calendar_path: null,
    live_calendar_detail: 'discreet',
    name: null,
    group_areas: [],
    group_venues: [],
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
    /** An app lock already set: its secret, idle minutes, and whether the window starts locked. */
    lock?: MemorySeed['lock']
    /** The database failed its quick check at start. */
    damaged?: boolean
    /** What the start-up routine said (code names and notes erased). */
    startNotices?: NoticeView[]
    /** Automatic backups already made (in `/tmp/backups`, the default folder beside the database). */
    backups?: MemorySeed['backups']
  } = {},
): FakeBackend & { dropFiles: (drop: FileDrop) => void } {
  const memory = createMemoryBackend({
    today: options.today ?? '2026-12-02',
    language: options.language ?? 'da',
    databasePath: '/tmp/nabo-test.db',
    settings: settings(options.settings),
    activities: options.activities,
    counts: options.counts,
    edits: options.edits,
    prefill: options.prefill,
    busy: options.busy,
    sources: options.sources,
    notices: options.notices,
    lock: options.lock,
    damaged: options.damaged,
    startNotices: options.startNotices,
    backups: options.backups,
    // Planning answers without clashes unless the test chooses some.
    outcome: options.outcome ?? { id: 0, conflicts: [], notices: [] },
    // Every file read is the calendar "Arbejde" unless named: 12 new, 3 changed, 1 removed.
    readCalendar: (_path, name) => ({ report: importReport({ source: name ?? 'Arbejde' }) }),
    files: {
      save: '/home/amina/Sync/nabo.ics',
      open: '/home/amina/Hentet/arbejde.ics',
      folder: '/media/amina/USB/Nabo',
      backupSave: '/media/amina/USB/nabo-kopi.nabo',
      backupOpen: '/home/amina/Hentet/nabo-backup-20261120-080000.nabo',
    },
  })
  const spies = Object.fromEntries(
    Object.entries(memory).map(([name, method]) => [name, name === 'dropFiles' ? method : vi.fn(method as (...args: unknown[]) => unknown)]),
  ) as FakeBackend & { dropFiles: (drop: FileDrop) => void }
  // The welcome and settings tests speak of six example activities; the examples themselves are not shown.
  spies.loadExamples.mockImplementation(async () => 6)
  spies.removeExamples.mockImplementation(async () => 6)
  return spies
}
