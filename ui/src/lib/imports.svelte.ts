// Calendar files to import, one at a time: chosen in Settings or dropped on the
// window. `dialogs/ImportQueue.svelte` shows the first job's dialog and the
// drop hint; the window only asks whether anything is queued (it is then inert).
import type { Backend, FileDrop } from './backend'
import type { FocusReturn } from './focus'

/** One file to import; `name`: the name chosen for the calendar, null to ask. */
export type ImportJob = { path: string; name: string | null }

/** The queue of calendar files to import and the drag-and-drop that fills it. */
export class ImportQueue {
  /** Files still to import, the one shown first. */
  jobs = $state<ImportJob[]>([])
  /** How many files this round of imports has had, and how many are finished ("2 af 3"). */
  total = $state(0)
  done = $state(0)
  /** A file is being dragged over the window and would be taken. */
  dragging = $state(false)

  private stopListening: (() => void) | null = null
  private stopped = false

  /**
   * `canImport()`: whether a dropped file would be taken now (the app is set up
   * and no activity form is open).
   */
  constructor(
    private readonly focus: FocusReturn,
    private readonly canImport: () => boolean,
  ) {}

  /** Whether a file is being imported (its dialog is open). */
  get active(): boolean {
    return this.jobs.length > 0
  }

  /** Adds files to the queue; the first of a round remembers where focus goes back. */
  queue(jobs: ImportJob[]): void {
    if (this.jobs.length === 0) {
      this.focus.remember()
      this.total = 0
      this.done = 0
    }
    this.jobs = [...this.jobs, ...jobs]
    this.total += jobs.length
  }

  /** The shown file is finished (imported or cancelled): on to the next, focus back after the last. */
  next = async (): Promise<void> => {
    this.jobs = this.jobs.slice(1)
    this.done += 1
    if (this.jobs.length === 0) await this.focus.restore()
  }

  /** What the window does with a file dragged over it or dropped on it. */
  drop = (drop: FileDrop): void => {
    const canImport = this.canImport()
    if (drop.type === 'over') this.dragging = canImport
    else this.dragging = false
    if (drop.type === 'drop' && canImport && drop.paths.length > 0) this.queue(drop.paths.map((path) => ({ path, name: null })))
  }

  /** Starts taking dropped files (once); without drag and drop (a browser preview) the button in Settings still works. */
  async listen(backend: Backend): Promise<void> {
    if (this.stopListening) return
    try {
      const stop = await backend.onFileDrop(this.drop)
      if (this.stopped) stop()
      else this.stopListening = stop
    } catch {
      // No drag and drop here: nothing to undo.
    }
  }

  /** Stops taking dropped files (the window is gone). */
  stop(): void {
    this.stopped = true
    this.stopListening?.()
  }
}
