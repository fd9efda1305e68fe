// The only way the UI talks to the Rust side. Components get a `Backend`
// from Svelte context (see `setBackend`/`getBackend`) and never call `invoke`.
import { invoke } from '@tauri-apps/api/core'
import { open, save } from '@tauri-apps/plugin-dialog'
import { isPermissionGranted, requestPermission, sendNotification } from '@tauri-apps/plugin-notification'
import { getContext, setContext } from 'svelte'
import type { ActivityKind } from './bindings/ActivityKind'
import type { ActivityStatus } from './bindings/ActivityStatus'
import type { AppInfo } from './bindings/AppInfo'
import type { BackupSettings } from './bindings/BackupSettings'
import type { BackupStatus } from './bindings/BackupStatus'
import type { BackupView } from './bindings/BackupView'
import type { BusySourceView } from './bindings/BusySourceView'
import type { BusyView } from './bindings/BusyView'
import type { Changed } from './bindings/Changed'
import type { ConflictView } from './bindings/ConflictView'
import type { CountsForm } from './bindings/CountsForm'
import type { Detail } from './bindings/Detail'
import type { EraseReport } from './bindings/EraseReport'
import type { ErrorCode } from './bindings/ErrorCode'
import type { MonthStats } from './bindings/MonthStats'
import type { ImportReport } from './bindings/ImportReport'
import type { LockView } from './bindings/LockView'
import type { PlanOutcome } from './bindings/PlanOutcome'
import type { PlanRequest } from './bindings/PlanRequest'
import type { Programme } from './bindings/Programme'
import type { RecordOutcome } from './bindings/RecordOutcome'
import type { SchemeView } from './bindings/SchemeView'
import type { UserError as UserErrorShape } from './bindings/UserError'
import type { ActivityView, Agenda, Settings, SuggestionField } from './contract'
import { copenhagenDate } from './dates'
import { mark } from './perf'

export type { ActivityKind, ActivityStatus, ActivityView, Agenda, AppInfo, BackupSettings, BackupStatus, BackupView, BusySourceView, BusyView, Changed, ConflictView, CountsForm, Detail, EraseReport, ErrorCode, ImportReport, LockView, MonthStats, PlanOutcome, PlanRequest, Programme, RecordOutcome, SchemeView, Settings, SuggestionField }

/** A file dragged over the window: over it (`over`), gone again (`leave`), or dropped (`drop`). */
export type FileDrop = { type: 'over' } | { type: 'leave' } | { type: 'drop'; paths: string[] }

/** The backend's codes, plus `internal` for a failure that never reached the app service. */
export type UiErrorCode = ErrorCode | 'internal'

export interface Backend {
  appInfo(): Promise<AppInfo>
  /** Activities from `from` to `to` (both inclusive, `YYYY-MM-DD`, Copenhagen dates), ordered by start. */
  listActivities(from: string, to: string): Promise<ActivityView[]>
  planActivity(request: PlanRequest): Promise<PlanOutcome>
  // A `Changed` carries the notices of a change that was made (e.g. the live calendar file
  // could not be rewritten): hand them to `showNotices` (lib/notices.svelte.ts).
  cancelActivity(id: number): Promise<Changed<ActivityView>>
  /** Soft delete: `restoreActivity` undoes it. */
  deleteActivity(id: number): Promise<Changed<null>>
  restoreActivity(id: number): Promise<Changed<ActivityView>>
  getActivity(id: number): Promise<ActivityView>
  updateActivity(id: number, request: PlanRequest): Promise<PlanOutcome>
  /** Changes one meeting of a series and all after it (the series is split there). */
  updateFollowing(id: number, occurrence: string, request: PlanRequest): Promise<PlanOutcome>
  /** Drag or resize in the calendar; `start`/`end` are Copenhagen wall clock `YYYY-MM-DDTHH:MM`. */
  /** Moves an activity, or with `occurrence` one meeting of a series. */
  moveActivity(id: number, occurrence: string | null, start: string, end: string): Promise<PlanOutcome>
  /** Marks an activity, or with `occurrence` one meeting of a series. */
  setStatus(id: number, occurrence: string | null, status: ActivityStatus): Promise<Changed<ActivityView>>
  /** Values typed before, most recent first, at most 10. */
  suggestions(field: SuggestionField, prefix: string): Promise<string[]>
  /** A home visit like the done one `id`, `follow_up_days` later. */
  followUpDraft(id: number): Promise<PlanRequest>
  /** Overdue (at most `overdueLimit`, newest first, with the total) and upcoming activities. */
  agenda(overdueLimit: number | null): Promise<Agenda>
  getSettings(): Promise<Settings>
  saveSettings(settings: Settings): Promise<Changed<Settings>>
  /** How many example activities were created. */
  loadExamples(): Promise<number>
  /** How many example activities were removed. */
  removeExamples(): Promise<number>
  /** Writes every activity to an iCalendar file; how many were written. */
  exportIcs(path: string, detail: Detail, alarmMinutes: number | null): Promise<number>
  /** Asks where to save an .ics file (the system's save dialog); `null` when cancelled. */
  chooseSaveFile(): Promise<string | null>
  /** Shows a desktop notification (asking for permission once); `false` when not allowed. */
  notify(title: string, body: string): Promise<boolean>
  /** The category scheme counts are recorded with (labels in both languages). */
  scheme(): Promise<SchemeView>
  /** What the counts form of an activity (or, with `occurrence`, one meeting of a series) starts from. */
  countsForm(id: number, occurrence: string | null): Promise<CountsForm>
  /** Records counts on an activity that has started and marks it done; a correction is logged. */
  recordCounts(id: number, occurrence: string | null, counts: Record<string, number>): Promise<Changed<RecordOutcome>>
  /** Removes the counts of an activity (or meeting) that did not take place after all; it stays done. */
  removeCounts(id: number, occurrence: string | null): Promise<Changed<boolean>>
  /** The volunteer's month (`YYYY-MM`): activities by kind and status, and the counts' totals. */
  monthStats(period: string): Promise<MonthStats>
  /** Busy time from imported calendars on the days `from` to `to` (both inclusive), by start. */
  listBusy(from: string, to: string): Promise<BusyView[]>
  /**
   * Reads another calendar's `.ics` file as busy time. With `dryRun` nothing is written and the
   * report says what an import would do. `name` keeps an imported calendar's name (re-import);
   * `null` takes the file's own name.
   */
  importIcs(path: string, name: string | null, dryRun: boolean): Promise<ImportReport>
  /** The imported calendars. */
  busySources(): Promise<BusySourceView[]>
  /** Removes an imported calendar and its busy time; `false` if none had that name. */
  removeBusySource(name: string): Promise<boolean>
  /** Asks which .ics file to open (the system's open dialog); `null` when cancelled. */
  chooseOpenFile(): Promise<string | null>
  /**
   * Calls `handler` when files are dragged over or dropped on the window (from the file
   * manager); the returned function stops listening.
   */
  onFileDrop(handler: (drop: FileDrop) => void): Promise<() => void>
  // The app lock (issue 14; lib/appLock.svelte.ts). Whether the window is locked and the wait
  // after wrong tries are the backend's, so that the page can neither skip nor forget them.
  /** The lock's settings, and whether the window is locked now (at start: when a lock is set). */
  lockSettings(): Promise<LockView>
  /**
   * Turns the lock on or changes it: a new `secret` (`null` keeps the one set) and the idle
   * minutes (1–240); once a lock is set, `current` must be its secret (`lock_wrong`, `lock_wait`).
   */
  setLock(secret: string | null, idleMinutes: number, current: string | null): Promise<LockView>
  /** Turns the lock off; `current` must be its secret. */
  removeLock(current: string | null): Promise<LockView>
  /** Locks the window, when a lock is set. */
  lockApp(): Promise<LockView>
  /** Unlocks the window: `lock_wrong` (with the next try's wait in `seconds`), or `lock_wait` while a wait runs. */
  unlockApp(secret: string): Promise<LockView>
  // Backups, restore and "Erase everything" (issue 14; settings/BackupSection, EraseSection).
  /** Where automatic backups go, how often, how many are kept, and the backups there (newest first). */
  backupStatus(): Promise<BackupStatus>
  /** Changes the backups' folder (`null`: the default beside the database), days between them (0 = none) and how many are kept. */
  setBackupSettings(settings: BackupSettings): Promise<BackupStatus>
  /** Makes a backup into the backup folder now. */
  backupNow(): Promise<BackupStatus>
  /** Writes a backup to the file `path`; the path written. */
  backupTo(path: string): Promise<string>
  /**
   * Replaces the database with the backup at `path` once it passed every check (the database as
   * it was is kept as a backup first); how many activities the restored database holds. The
   * window then starts again (lib/backups.svelte.ts, `restartWindow`).
   */
  restoreBackup(path: string): Promise<number>
  /** The backups beside the database, newest first: answers also when the database did not open. */
  startupBackups(): Promise<BackupView[]>
  /** Removes the database, its key, Nabo's backups and the live calendar file; what was removed. */
  eraseEverything(): Promise<EraseReport>
  /** Ends Nabo (after "Erase everything"). */
  closeApp(): Promise<void>
  /** Asks for a folder for the backups (the system's dialog); `null` when cancelled. */
  chooseBackupFolder(): Promise<string | null>
  /** Asks where to save a backup (a `.nabo` file); `null` when cancelled. */
  chooseBackupSaveFile(): Promise<string | null>
  /** Asks which backup file to restore; `null` when cancelled. */
  chooseBackupOpenFile(): Promise<string | null>
}

/** A refusal from the backend, in the shape of the Rust `UserError`. */
export class UserError extends Error {
  readonly code: UiErrorCode
  readonly field: string | null
  readonly args: Readonly<Record<string, string>>

  constructor(code: UiErrorCode, field: string | null = null, args: Record<string, string> = {}) {
    super(`${code}${field ? ` (${field})` : ''}`)
    this.name = 'UserError'
    this.code = code
    this.field = field
    this.args = args
  }

  /** Builds a `UserError` from whatever a rejected command gave us. */
  static from(rejected: unknown): UserError {
    if (rejected instanceof UserError) return rejected
    if (isUserErrorShape(rejected)) {
      const args: Record<string, string> = {}
      for (const [key, value] of Object.entries(rejected.args ?? {})) {
        if (typeof value === 'string') args[key] = value
      }
      return new UserError(rejected.code, rejected.field ?? null, args)
    }
    const message =
      rejected instanceof Error ? rejected.message : typeof rejected === 'string' ? rejected : String(rejected)
    return new UserError('internal', null, { message })
  }
}

function isUserErrorShape(value: unknown): value is UserErrorShape {
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as Record<string, unknown>
  return (
    typeof candidate.code === 'string' &&
    (candidate.field === undefined || candidate.field === null || typeof candidate.field === 'string') &&
    (candidate.args === undefined || (typeof candidate.args === 'object' && candidate.args !== null))
  )
}

/** Calls one of the app's commands; a refusal becomes a `UserError`. */
export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  mark(`ipc-${command}`)
  const began = traceIpc() ? performance.now() : null
  try {
    return await invoke<T>(command, args)
  } catch (rejected) {
    throw UserError.from(rejected)
  } finally {
    mark(`ipc-${command}-done`)
    if (began !== null) performance.measure(`nabo:ipc:${command}`, { start: began })
  }
}

/**
 * Whether every command's round trip is recorded as a `nabo:ipc:<command>` measure: only
 * when benches/latency.mjs asks (`window.__naboTraceIpc`), since measures pile up in the page.
 */
function traceIpc(): boolean {
  return typeof window !== 'undefined' && (window as { __naboTraceIpc?: boolean }).__naboTraceIpc === true
}

/**
 * Opens the database with a passphrase where there is no key store to keep its key (the
 * unlock screen): a new database is made with it. Outside `Backend` on purpose: it exists
 * only before the app has a database, and only in the real window.
 */
export const unlockDatabase = (passphrase: string): Promise<void> => call<void>('unlock', { passphrase })

/** What the end-to-end tests answer the next file dialog with, when they set one. */
export type DialogAnswers = { open?: string[][]; save?: string[] }

/**
 * The end-to-end tests and benches/latency.mjs answer the file dialogs here: WebDriver cannot drive GTK's, and
 * Tauri's `invoke` cannot be replaced from the page. Code running in the page could call the
 * commands with any path anyway, so this gives it nothing new; without answers set, the
 * system's dialog opens as always.
 */
export function answered<K extends keyof DialogAnswers>(kind: K): NonNullable<DialogAnswers[K]>[number] | undefined {
  const answers = (window as { __naboE2eDialogs?: DialogAnswers }).__naboE2eDialogs
  return answers?.[kind]?.shift()
}

export const tauriBackend: Backend = {
  appInfo: () => call<AppInfo>('app_info'),
  listActivities: (from, to) => call<ActivityView[]>('list_activities', { from, to }),
  planActivity: (request) => call<PlanOutcome>('plan_activity', { request }),
  cancelActivity: (id) => call<Changed<ActivityView>>('cancel_activity', { id }),
  deleteActivity: (id) => call<Changed<null>>('delete_activity', { id }),
  restoreActivity: (id) => call<Changed<ActivityView>>('restore_activity', { id }),
  getActivity: (id) => call<ActivityView>('get_activity', { id }),
  updateActivity: (id, request) => call<PlanOutcome>('update_activity', { id, request }),
  updateFollowing: (id, occurrence, request) => call<PlanOutcome>('update_following', { id, occurrence, request }),
  moveActivity: (id, occurrence, start, end) => call<PlanOutcome>('move_activity', { id, occurrence, start, end }),
  setStatus: (id, occurrence, status) => call<Changed<ActivityView>>('set_status', { id, occurrence, status }),
  suggestions: (field, prefix) => call<string[]>('suggestions', { field, prefix }),
  followUpDraft: (id) => call<PlanRequest>('follow_up_draft', { id }),
  agenda: (overdueLimit) => call<Agenda>('agenda', { overdueLimit }),
  getSettings: () => call<Settings>('get_settings', {}),
  saveSettings: (settings) => call<Changed<Settings>>('save_settings', { settings }),
  loadExamples: () => call<number>('load_examples', {}),
  removeExamples: () => call<number>('remove_examples', {}),
  exportIcs: (path, detail, alarmMinutes) => call<number>('export_ics', { path, detail, alarmMinutes }),
  scheme: () => call<SchemeView>('get_scheme', {}),
  countsForm: (id, occurrence) => call<CountsForm>('counts_form', { id, occurrence }),
  recordCounts: (id, occurrence, counts) => call<Changed<RecordOutcome>>('record_counts', { id, occurrence, counts }),
  removeCounts: (id, occurrence) => call<Changed<boolean>>('remove_counts', { id, occurrence }),
  monthStats: (period) => call<MonthStats>('month_stats', { period }),
  lockSettings: () => call<LockView>('lock_settings', {}),
  setLock: (secret, idleMinutes, current) => call<LockView>('set_lock', { secret, idleMinutes, current }),
  removeLock: (current) => call<LockView>('remove_lock', { current }),
  lockApp: () => call<LockView>('lock_app', {}),
  unlockApp: (secret) => call<LockView>('unlock_app', { secret }),
  backupStatus: () => call<BackupStatus>('backup_status', {}),
  setBackupSettings: (settings) => call<BackupStatus>('set_backup_settings', { settings }),
  backupNow: () => call<BackupStatus>('backup_now', {}),
  backupTo: (path) => call<string>('backup_to', { path }),
  restoreBackup: (path) => call<number>('restore_backup', { path }),
  startupBackups: () => call<BackupView[]>('startup_backups', {}),
  eraseEverything: () => call<EraseReport>('erase_everything', {}),
  closeApp: () => call<void>('close_app', {}),
  async chooseBackupFolder() {
    try {
      const chosen = await open({ multiple: false, directory: true })
      return typeof chosen === 'string' ? chosen : null
    } catch (rejected) {
      throw UserError.from(rejected)
    }
  },
  async chooseBackupSaveFile() {
    try {
      return await save({ defaultPath: `nabo-backup-${copenhagenDate(new Date().toISOString())}.nabo`, filters: [{ name: 'Nabo', extensions: ['nabo'] }] })
    } catch (rejected) {
      throw UserError.from(rejected)
    }
  },
  async chooseBackupOpenFile() {
    try {
      // A backup renamed on the way (a stick drops the ending) must still open: every file second.
      const chosen = await open({
        multiple: false,
        directory: false,
        filters: [
          { name: 'Nabo', extensions: ['nabo'] },
          { name: '*', extensions: ['*'] },
        ],
      })
      return typeof chosen === 'string' ? chosen : null
    } catch (rejected) {
      throw UserError.from(rejected)
    }
  },
  async chooseSaveFile() {
    try {
      return await save({ defaultPath: 'nabo.ics', filters: [{ name: 'iCalendar', extensions: ['ics'] }] })
    } catch (rejected) {
      throw UserError.from(rejected)
    }
  },
  listBusy: (from, to) => call<BusyView[]>('list_busy', { from, to }),
  importIcs: (path, name, dryRun) => call<ImportReport>('import_ics', { path, name, dryRun }),
  busySources: () => call<BusySourceView[]>('busy_sources', {}),
  removeBusySource: (name) => call<boolean>('remove_busy_source', { name }),
  async chooseOpenFile() {
    const given = answered('open')
    if (given !== undefined) return given[0] ?? null
    try {
      const chosen = await open({ multiple: false, directory: false, filters: [{ name: 'iCalendar', extensions: ['ics', 'ICS'] }] })
      return typeof chosen === 'string' ? chosen : null
    } catch (rejected) {
      throw UserError.from(rejected)
    }
  },
  async onFileDrop(handler) {
    // Files dropped from the file manager arrive as Tauri's webview drag-drop events (with
    // their paths), not as HTML5 drop events: `dragDropEnabled` is left on in tauri.conf.json.
    // The calendar's own drag (moving a card) uses pointer events and is not affected.
    const { getCurrentWebview } = await import('@tauri-apps/api/webview')
    return getCurrentWebview().onDragDropEvent((event) => {
      const payload = event.payload
      if (payload.type === 'drop') handler({ type: 'drop', paths: payload.paths })
      else if (payload.type === 'leave') handler({ type: 'leave' })
      else handler({ type: 'over' })
    })
  },
  async notify(title, body) {
    try {
      let granted = await isPermissionGranted()
      if (!granted) granted = (await requestPermission()) === 'granted'
      // An empty body is left out: a notification of its title alone (the app lock's reminder).
      if (granted) sendNotification(body ? { title, body } : { title })
      return granted
    } catch {
      // No notification service on this desktop: reminders stay silent.
      return false
    }
  },
}

const BACKEND = Symbol('nabo.backend')

export function setBackend(backend: Backend): void {
  setContext(BACKEND, backend)
}

export function getBackend(): Backend {
  const backend = getContext<Backend | undefined>(BACKEND)
  if (!backend) throw new Error('No Backend in context: wrap the component in App or call setBackend().')
  return backend
}
