// The one in-memory Backend: the browser preview (`lib/mockBackend.ts`, npm run dev)
// and the component tests (`test/fakeBackend.ts`, every method a spy of this one)
// both run on it, so what the stand-in does is written once. It keeps the
// activities, counts, settings and busy time it is given and changes them as the
// Rust side would, in the ways the screens can see: plans are stored with their
// clashes, statuses and counts stick, deletes can be undone, imports replace a
// calendar's busy time; a plan that breaks core's rules (RULES, see ./kinds.ts)
// is refused as the Rust side refuses it. What it cannot know (the contents of a
// calendar file, which examples to load) comes from the seed.
import type { BackupView } from './bindings/BackupView'
import type { NoticeView } from './bindings/NoticeView'
import {
  UserError,
  type ActivityView,
  type Backend,
  type BackupSettings,
  type BackupStatus,
  type BusySourceView,
  type BusyView,
  type Changed,
  type FileDrop,
  type ImportReport,
  type MonthStats,
  type PlanOutcome,
  type PlanRequest,
  type Settings,
} from './backend'
import { isUnknownBucket } from './counts'
import { addDays, copenhagenDate, minutesBetween } from './dates'
import { blankDetails, detailsOf, KIND_RULES, requestProblem } from './kinds'
import { SCHEME_V1 } from './mockScheme'

/** What a calendar file "holds": the report of reading it and, when imported, its busy time. */
export type MemoryCalendarFile = { report: ImportReport; busy?: BusyView[] }

/** The data and the answers an in-memory backend starts with. */
export type MemorySeed = {
  /** Today in Copenhagen (YYYY-MM-DD): overdue is before it, counts of later days are refused. */
  today: string
  /** The computer's language, used while the settings follow it. */
  language: string
  databasePath: string
  settings: Settings
  activities?: ActivityView[]
  /** Counts already recorded, by activity key (`8`, or `5@2026-11-25T17:00:00+01:00`). */
  counts?: Record<string, Record<string, number>>
  /** How many times the counts of an activity key were edited. */
  edits?: Record<string, number>
  /** What the counts form suggests for meetings of a series without counts. */
  prefill?: Record<string, number>
  busy?: BusyView[]
  sources?: BusySourceView[]
  /** What every change (`Changed`) reports, e.g. that the live calendar file could not be written; none if not given. */
  notices?: NoticeView[]
  /** When given, planning and editing answer this (the clashes a test wants shown) instead of the ones found. */
  outcome?: PlanOutcome
  /** The example activities "Indlæs eksempler" adds. */
  examples?: () => Omit<ActivityView, 'id' | 'key'>[]
  /** What reading the calendar file at `path` gives; the calendar is called `name`, or a name from the file. */
  readCalendar: (path: string, name: string | null, sources: readonly BusySourceView[]) => MemoryCalendarFile
  /**
   * The paths the file dialogs answer: an .ics file to save and to open, and for backups a
   * folder, a file to save one to and a file to restore (these three made up when not given).
   */
  files: { save: string; open: string; folder?: string; backupSave?: string; backupOpen?: string }
  /** How long each answer takes, in milliseconds (the preview feels like a real backend; tests wait for nothing). */
  delayMs?: number
  /** Where a notification goes (the preview logs it). */
  notify?: (title: string, body: string) => void
  /** An app lock already set (its secret, idle minutes, and whether the window starts locked); none if not given. */
  lock?: { secret: string; idleMinutes?: number; locked?: boolean }
  /** The database failed its quick check at start (the window's damaged banner). */
  /** What the start-up routine said (code names and notes erased), given once by `appInfo`. */
  startNotices?: NoticeView[]
  damaged?: boolean
  /** Automatic backups already made, in any order; none if not given. */
  backups?: BackupView[]
  /** The default folder of automatic backups; `backups` beside the database if not given. */
  backupFolder?: string
  /** What "Luk Nabo" does after "Slet alt" (the preview closes nothing). */
  close?: () => void
}

/** The in-memory backend, and the drag and drop of files a test can play. */
export type MemoryBackend = Backend & {
  /** What the window gets when files are dragged onto it. */
  dropFiles(drop: FileDrop): void
}

/** A new activity with every detail empty, as core has it; `rest` fills in what it is and when. */
export function memoryActivity<T extends Partial<ActivityView>>(rest: T): Omit<ActivityView, 'id' | 'key'> & T {
  return { kind: 'home_visit', start: '', end: '', occurrence: null, rrule: null, status: 'planned', conflicts: [], example: false, ...blankDetails(), ...rest }
}

/** Most a single activity can reach before the counts are refused as implausible (as the Rust side). */

/** Good enough in memory: Copenhagen is +01:00 in winter, +02:00 in summer. */
function offsetFor(date: string): string {
  const month = Number(date.slice(5, 7))
  return month >= 4 && month <= 10 ? '+02:00' : '+01:00'
}

/** The instant of a Copenhagen date and HH:MM. */
export function memoryInstant(date: string, time: string): string {
  return `${date}T${time}:00${offsetFor(date)}`
}

function addMinutes(date: string, time: string, minutes: number): { date: string; time: string } {
  const total = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) + minutes
  const days = Math.floor(total / 1440)
  const rest = total % 1440
  const hh = String(Math.floor(rest / 60)).padStart(2, '0')
  const mm = String(rest % 60).padStart(2, '0')
  return { date: addDays(date, days), time: `${hh}:${mm}` }
}

const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }) =>
  Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end)

/** Every key of the scheme, the unknown buckets of an untyped breakdown filled with the people reached (what the Rust side stores). */
export function completeCounts(given: Record<string, number>): Record<string, number> {
  const values: Record<string, number> = {}
  for (const group of SCHEME_V1.groups) {
    if (group.kind === 'total') values[group.key] = given[group.key] ?? 0
    const typed = group.buckets.some((b) => b.key in given)
    for (const bucket of group.buckets) {
      values[bucket.key] = group.kind === 'breakdown' && !typed && isUnknownBucket(bucket.key) ? (given.reached ?? 0) : (given[bucket.key] ?? 0)
    }
  }
  return values
}

/** A backend that keeps everything in memory, starting from `seed`. */
export function createMemoryBackend(seed: MemorySeed): MemoryBackend {
  const { today } = seed
  // Copies: the seed's activities stay as it wrote them when one is marked done.
  const activities = (seed.activities ?? []).map((a) => ({ ...a }))
  const deleted = new Map<number, ActivityView>()
  let nextId = Math.max(0, ...activities.map((a) => a.id)) + 1
  const counts = new Map(Object.entries(seed.counts ?? {}))
  const edits = new Map(Object.entries(seed.edits ?? {}))
  const busy = [...(seed.busy ?? [])]
  const sources = [...(seed.sources ?? [])]
  let settings = seed.settings
  // The app lock. The wait after wrong tries is the desktop's (src-tauri/src/lock.rs, tested in
  // Rust and end to end): here a wrong secret is only refused; a test plays a wait itself.
  const lock = { secret: seed.lock?.secret ?? null, idle: seed.lock?.idleMinutes ?? 5, locked: seed.lock?.locked ?? false }
  const lockView = () => ({ enabled: lock.secret !== null, idle_minutes: lock.idle, locked: lock.secret !== null && lock.locked })
  const lockRefused = (field: 'secret' | 'current') => new UserError('lock_wrong', field, { seconds: '0' })
  // Backups (src-tauri/src/backups.rs): the files are only made up, a restore changes nothing
  // but keeps a backup of "the database as it was" first, and "Erase everything" empties all.
  const defaultFolder = seed.backupFolder ?? `${seed.databasePath.replace(/[\\/][^\\/]*$/, '')}/backups`
  let backupSettings: BackupSettings = { folder: null, every_days: 7, keep: 8 }
  const backups = [...(seed.backups ?? [])]
  let lastBackup: string | null = backups.reduce<string | null>((last, b) => (last === null || b.made > last ? b.made : last), null)
  const backupFolder = () => backupSettings.folder ?? defaultFolder
  const newestFirst = (list: BackupView[]) => [...list].sort((x, y) => Date.parse(y.made) - Date.parse(x.made))
  const backupStatus = (): BackupStatus => ({
    settings: { ...backupSettings },
    folder: backupFolder(),
    last: lastBackup,
    backups: newestFirst(backups.filter((b) => b.path.startsWith(`${backupFolder()}/`))),
  })
  function makeBackup(): BackupView {
    // Today's date (the seed's) at the clock's time, in UTC as the Rust side writes it.
    const made = `${today}T${new Date().toISOString().slice(11, 19)}+00:00`
    const stamp = made.slice(0, 19).replace(/[-:]/g, '').replace('T', '-')
    const taken = backups.filter((b) => b.path.includes(stamp)).length
    const path = `${backupFolder()}/nabo-backup-${stamp}${taken > 0 ? `-${taken + 1}` : ''}.nabo`
    const backup: BackupView = { path, made, bytes: 98_304 + 1_024 * activities.length }
    backups.push(backup)
    lastBackup = made
    // The oldest beyond the number kept go.
    for (const old of newestFirst(backups.filter((b) => b.path.startsWith(`${backupFolder()}/`))).slice(backupSettings.keep)) {
      backups.splice(backups.indexOf(old), 1)
    }
    return backup
  }
  // Every listener hears a drop, as with Tauri's (the import queue and the coordinator's screen).
  const dropHandlers = new Set<(drop: FileDrop) => void>()

  const delay = <T>(value: T): Promise<T> =>
    seed.delayMs ? new Promise((resolve) => setTimeout(() => resolve(value), seed.delayMs)) : Promise.resolve(value)
  const notFound = (id: number) => new UserError('not_found', null, { id: String(id) })
  const find = (id: number): ActivityView => {
    const found = activities.find((a) => a.id === id)
    if (!found) throw notFound(id)
    return found
  }
  const keyOf = (id: number, occurrence: string | null) => (occurrence ? `${id}@${occurrence}` : String(id))

  function add(partial: Omit<ActivityView, 'id' | 'key'>): ActivityView {
    const id = nextId++
    const activity: ActivityView = { ...partial, id, key: String(id) }
    activities.push(activity)
    return activity
  }

  /** The busy time an activity overlaps (not free), as the Rust side reports it, unless the seed says. */
  function withBusy(activity: ActivityView): ActivityView {
    if (activity.busy_conflicts !== undefined) return activity
    const keys = busy.filter((b) => !b.free && overlaps(b, activity)).map((b) => b.key)
    return keys.length > 0 ? { ...activity, busy_conflicts: keys } : activity
  }

  function place(target: ActivityView, request: PlanRequest): void {
    const [date, time] = request.start.split('T')
    const endAt = addMinutes(date, time, request.duration_minutes)
    Object.assign(target, {
      ...detailsOf(request),
      kind: request.kind,
      rrule: request.rrule,
      start: memoryInstant(date, time),
      end: memoryInstant(endAt.date, endAt.time),
    })
  }

  /** The clashes of `target` with the other activities and with busy time (overlap only). */
  function clashes(target: ActivityView): PlanOutcome {
    const others = activities.filter((x) => x.id !== target.id && x.status !== 'cancelled' && overlaps(x, target))
    target.conflicts = others.map((x) => x.id)
    for (const x of others) if (!x.conflicts.includes(target.id)) x.conflicts = [...x.conflicts, target.id]
    const plain = { kind: 'overlap' as const, gap_minutes: null, needed_minutes: null }
    return {
      id: target.id,
      conflicts: [
        ...others.map((x) => ({ ...plain, with: x.id, with_start: x.start, with_end: x.end })),
        ...busy
          .filter((b) => !b.free && overlaps(b, target))
          .map((b) => ({ ...plain, with: 0, with_start: b.start, with_end: b.end, busy: { source: b.source, title: b.title, all_day: b.all_day } })),
      ],
      notices: [],
    }
  }

  // Changes report the seed's notices (none unless a test wants the live calendar file to fail).
  const startNotices = [...(seed.startNotices ?? [])]
  const changed = <T>(value: T): Changed<T> => ({ value, notices: [...(seed.notices ?? [])] })
  const answer = (target: ActivityView): PlanOutcome => (seed.outcome ? { ...seed.outcome, id: target.id } : clashes(target))

  return {
    dropFiles: (drop) => dropHandlers.forEach((handler) => handler(drop)),
    appInfo: () =>
      delay({
        database_path: seed.databasePath,
        today,
        language: settings.language ?? seed.language,
        new_database: false,
        damaged: seed.damaged ?? false,
        // Said once, as the desktop does.
        notices: startNotices.splice(0),
      }),
    listActivities: (from, to) =>
      delay(
        activities
          .filter((a) => {
            const day = copenhagenDate(a.start)
            return day >= from && day <= to
          })
          .sort((x, y) => Date.parse(x.start) - Date.parse(y.start))
          .map(withBusy),
      ),
    async planActivity(request) {
      const problem = requestProblem(request)
      if (problem) throw problem
      const created = add(memoryActivity({ kind: request.kind }))
      place(created, request)
      return delay(answer(created))
    },
    async cancelActivity(id) {
      const found = find(id)
      found.status = 'cancelled'
      return delay(changed({ ...found }))
    },
    async deleteActivity(id) {
      const index = activities.findIndex((a) => a.id === id)
      if (index < 0) throw notFound(id)
      deleted.set(id, activities.splice(index, 1)[0])
      return delay(changed(null))
    },
    async restoreActivity(id) {
      const found = deleted.get(id)
      if (!found) throw notFound(id)
      activities.push(found)
      deleted.delete(id)
      return delay(changed({ ...found }))
    },
    getActivity: async (id) => delay({ ...find(id) }),
    async updateActivity(id, request) {
      const problem = requestProblem(request)
      if (problem) throw problem
      const found = find(id)
      place(found, request)
      return delay(answer(found))
    },
    async updateFollowing(id, _occurrence, request) {
      // The following meetings become a series of their own (a new id), as on the Rust side.
      const problem = requestProblem(request)
      if (problem) throw problem
      const found = find(id)
      const following = add({ ...found, start: '', end: '', conflicts: [] })
      place(following, request)
      return delay(answer(following))
    },
    async moveActivity(id, _occurrence, start, end) {
      const found = find(id)
      found.start = memoryInstant(start.slice(0, 10), start.slice(11, 16))
      found.end = memoryInstant(end.slice(0, 10), end.slice(11, 16))
      return delay(answer(found))
    },
    async setStatus(id, occurrence, status) {
      const found = activities.find((a) => a.id === id && a.occurrence === occurrence) ?? find(id)
      found.status = status
      return delay(changed({ ...found }))
    },
    async suggestions(field, prefix) {
      const values = activities.flatMap((a) => a[field] ?? [])
      const unique = [...new Set(values)].filter((v) => v.toLowerCase().startsWith(prefix.toLowerCase()))
      return delay(unique.slice(0, 10))
    },
    async followUpDraft(id) {
      // As the Rust side: the same weekday and time `follow_up_days` after the visit, as long.
      const done = find(id)
      const date = addDays(copenhagenDate(done.start), settings.follow_up_days)
      return delay({
        kind: 'home_visit' as const,
        start: `${date}T${done.start.slice(11, 16)}`,
        duration_minutes: minutesBetween(done.start, done.end),
        rrule: null,
        ...blankDetails(),
        area: done.area,
        household: done.household,
        programme: done.programme,
      })
    },
    async agenda(overdueLimit) {
      // By Copenhagen day, not by the clock, so that tests do not depend on the time they run:
      // overdue ended before today, upcoming starts today or in the seven days after it.
      const weekEnd = addDays(today, 8)
      const planned = activities.filter((a) => a.status === 'planned')
      const overdue = planned.filter((a) => copenhagenDate(a.end) < today).sort((x, y) => Date.parse(y.start) - Date.parse(x.start))
      return delay({
        overdue: overdue.slice(0, overdueLimit ?? overdue.length),
        overdue_total: overdue.length,
        upcoming: planned.filter((a) => copenhagenDate(a.start) >= today && copenhagenDate(a.start) < weekEnd).sort((x, y) => Date.parse(x.start) - Date.parse(y.start)),
      })
    },
    getSettings: () => delay(settings),
    async saveSettings(next) {
      settings = next
      return delay(changed(settings))
    },
    async loadExamples() {
      const made = (seed.examples?.() ?? []).map((partial) => add({ ...partial, example: true }))
      return delay(made.length)
    },
    async removeExamples() {
      const before = activities.length
      for (let i = activities.length - 1; i >= 0; i--) if (activities[i].example) activities.splice(i, 1)
      return delay(before - activities.length)
    },
    exportIcs: async () => delay(activities.length),
    chooseSaveFile: () => delay(seed.files.save),
    async notify(title, body) {
      seed.notify?.(title, body)
      return true
    },
    scheme: () => delay(SCHEME_V1),
    async countsForm(id, occurrence) {
      const key = keyOf(id, occurrence)
      const recorded = counts.get(key) ?? null
      return delay({ recorded, prefill: recorded || !occurrence ? null : (seed.prefill ?? null), edits: edits.get(key) ?? 0 })
    },
    async recordCounts(id, occurrence, given) {
      const found = activities.find((a) => a.id === id && a.occurrence === occurrence) ?? find(id)
      if (found.status === 'cancelled') throw new UserError('counts_cancelled', null, { id: String(id) })
      if (copenhagenDate(found.start) > today) throw new UserError('counts_future', null, { id: String(id) })
      const reached = given.reached ?? 0
      const max = KIND_RULES[found.kind].max_reached
      if (reached > max) throw new UserError('counts_implausible', null, { key: 'reached', kind: found.kind, reached: String(reached), max: String(max) })
      const key = keyOf(id, occurrence)
      const edited = counts.has(key)
      if (edited) edits.set(key, (edits.get(key) ?? 0) + 1)
      const values = completeCounts(given)
      counts.set(key, values)
      found.status = 'done'
      const usual = found.expected_size
      const warnings = found.kind === 'group_meeting' && usual && reached >= usual * 5 ? [{ code: 'much_larger_than_usual', reached, usual }] : []
      return delay(changed({ activity: { ...found }, edited, values, warnings }))
    },
    async removeCounts(id, occurrence) {
      const key = keyOf(id, occurrence)
      const had = counts.delete(key)
      if (had) edits.set(key, (edits.get(key) ?? 0) + 1)
      return delay(changed(had))
    },
    async monthStats(period) {
      if (!/^\d{4}-\d{2}$/.test(period)) throw new UserError('unreadable_period', null, { input: period })
      const inMonth = activities.filter((a) => copenhagenDate(a.start).slice(0, 7) === period)
      const by = new Map<string, number>()
      for (const a of inMonth) by.set(`${a.kind}|${a.status}`, (by.get(`${a.kind}|${a.status}`) ?? 0) + 1)
      const totals = completeCounts({})
      for (const k of Object.keys(totals)) totals[k] = 0
      let recorded = 0
      for (const a of inMonth) {
        const values = counts.get(a.key)
        if (!values) continue
        recorded += 1
        for (const [k, v] of Object.entries(values)) totals[k] = (totals[k] ?? 0) + v
      }
      const list = [...by].map(([k, count]) => {
        const [kind, status] = k.split('|')
        return { kind, status, count }
      })
      return delay({ period, activities: list, recorded, totals } satisfies MonthStats)
    },
    listBusy: (from, to) =>
      delay(
        busy
          .filter((b) => copenhagenDate(b.start) <= to && copenhagenDate(b.end) >= from)
          .sort((x, y) => Date.parse(x.start) - Date.parse(y.start)),
      ),
    async importIcs(path, name, dryRun) {
      const file = seed.readCalendar(path, name, sources)
      const { report } = file
      if (!dryRun) {
        for (let i = busy.length - 1; i >= 0; i--) if (busy[i].source === report.source) busy.splice(i, 1)
        busy.push(...(file.busy ?? []))
        const row = {
          name: report.source,
          imported: memoryInstant(today, '09:00'),
          entries: file.busy ? file.busy.length : report.added + report.changed,
        }
        const index = sources.findIndex((s) => s.name === report.source)
        if (index < 0) sources.push(row)
        else sources[index] = row
      }
      return delay({ ...report, dry_run: dryRun })
    },
    busySources: () => delay([...sources]),
    async removeBusySource(name) {
      const index = sources.findIndex((s) => s.name === name)
      if (index < 0) return delay(false)
      sources.splice(index, 1)
      for (let i = busy.length - 1; i >= 0; i--) if (busy[i].source === name) busy.splice(i, 1)
      return delay(true)
    },
    chooseOpenFile: () => delay(seed.files.open),
    lockSettings: () => delay(lockView()),
    async setLock(secret, idleMinutes, current) {
      if (!Number.isInteger(idleMinutes) || idleMinutes < 1 || idleMinutes > 240) {
        throw new UserError('invalid_setting', 'lock_idle_minutes', { value: String(idleMinutes), min: '1', max: '240' })
      }
      // As the Rust side counts: characters, not UTF-16 units; not only spaces.
      if (secret !== null && (secret.trim() === '' || [...secret].length < 4 || [...secret].length > 128)) {
        throw new UserError('lock_secret_invalid', 'secret', { reason: [...secret].length > 128 ? 'too_long' : 'too_short', min: '4', max: '128' })
      }
      if (lock.secret !== null && current !== lock.secret) throw lockRefused('current')
      if (secret === null && lock.secret === null) throw new UserError('lock_secret_invalid', 'secret', { reason: 'missing', min: '4', max: '128' })
      if (secret !== null) lock.secret = secret
      lock.idle = idleMinutes
      return delay(lockView())
    },
    async removeLock(current) {
      if (lock.secret !== null && current !== lock.secret) throw lockRefused('current')
      lock.secret = null
      lock.locked = false
      return delay(lockView())
    },
    async lockApp() {
      lock.locked = lock.secret !== null
      return delay(lockView())
    },
    async unlockApp(secret) {
      if (lock.secret !== null && secret !== lock.secret) throw lockRefused('secret')
      lock.locked = false
      return delay(lockView())
    },
    backupStatus: () => delay(backupStatus()),
    async setBackupSettings(next) {
      const range = (field: string, value: number, min: number, max: number) => {
        if (!Number.isInteger(value) || value < min || value > max) {
          throw new UserError('invalid_setting', field, { field, key: field, value: String(value), min: String(min), max: String(max) })
        }
      }
      range('backup_every_days', next.every_days, 0, 90)
      range('backup_keep', next.keep, 1, 100)
      const folder = next.folder?.trim() || null
      if (folder !== null && !/^(\/|[A-Za-z]:[\\/])/.test(folder)) throw new UserError('unusable_target', null, { path: folder, reason: 'no_folder' })
      backupSettings = { ...next, folder }
      return delay(backupStatus())
    },
    async backupNow() {
      makeBackup()
      return delay(backupStatus())
    },
    backupTo: (path) => delay(path),
    async restoreBackup(path) {
      if (!path.endsWith('.nabo')) throw new UserError('not_a_backup', null, { path })
      // The database as it was is kept as a backup first (the restored data itself is not known here).
      makeBackup()
      return delay(activities.length)
    },
    startupBackups: () => delay(newestFirst(backups.filter((b) => b.path.startsWith(`${defaultFolder}/`)))),
    async eraseEverything() {
      const files = [seed.databasePath, ...newestFirst(backups).map((b) => b.path)]
      if (settings.live_calendar_path) files.push(settings.live_calendar_path)
      activities.splice(0)
      backups.splice(0)
      return delay({ files, key_store_entry: true, failed: [] })
    },
    async closeApp() {
      seed.close?.()
    },
    chooseBackupFolder: () => delay(seed.files.folder ?? '/media/usb/Nabo'),
    chooseBackupSaveFile: () => delay(seed.files.backupSave ?? `${defaultFolder.replace(/\/backups$/, '')}/nabo-kopi.nabo`),
    chooseBackupOpenFile: () => delay(seed.files.backupOpen ?? `${defaultFolder.replace(/\/backups$/, '')}/nabo-kopi.nabo`),
    async onFileDrop(handler) {
      dropHandlers.add(handler)
      return () => {
        dropHandlers.delete(handler)
      }
    },
  }
}
