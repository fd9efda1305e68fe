// What happens to an activity once it is planned: a status change, the counts
// flow (mark done → counts dialog → "Senere" or saved → follow-up offer), delete
// with undo, and accepting the follow-up offer. The window routes the dialogs;
// this owns which activity the counts dialog is for and what each step says.
import { UserError, type ActivityStatus, type ActivityView, type Backend, type PlanRequest, type RecordOutcome } from './backend'
import { copenhagenDate } from './dates'
import type { FocusReturn } from './focus'
import { showNotices } from './changeNotices.svelte'
import type { Notices } from './notices.svelte'

/** What the flow needs from the window it runs in. */
export type FlowHost = {
  backend: Backend
  notices: Notices
  focus: FocusReturn
  /** Today in Copenhagen (YYYY-MM-DD). */
  today(): string
  /** Whether the activity form is open. */
  formOpen(): boolean
  /** Closes the activity form, focus back to what opened it. */
  closeForm(): Promise<void>
  /** Closes the activity form without moving focus (another dialog takes over). */
  dropForm(): void
  /** Opens the activity form on a new plan. */
  openForm(draft: PlanRequest): void
  /**
   * Something stored changed: screens reload, reminders are scheduled again. `deleted`: the
   * activity just deleted, which the screens leave out at once, before their lists come again.
   */
  changed(deleted?: number): void
}

/** The counts dialog: for which activity, and whether it was opened by marking it done. */
export type CountsState = { activity: ActivityView; marking: boolean }

/** Status, counts, delete and follow-up of planned activities. */
export class ActivityFlow {
  /** The counts dialog when open. */
  counts = $state<CountsState | null>(null)

  constructor(private readonly host: FlowHost) {}

  /** Counts can be recorded on an activity that has started and was not cancelled. */
  countable(activity: ActivityView): boolean {
    if (activity.status === 'cancelled') return false
    const today = this.host.today()
    const day = copenhagenDate(activity.start)
    return day < today || (day === today && Date.parse(activity.start) <= Date.now())
  }

  /** Marking done opens the counts dialog (when counts can be recorded yet). */
  changeStatus = async (activity: ActivityView, status: ActivityStatus): Promise<void> => {
    if (status === 'done' && this.countable(activity)) {
      this.openCounts(activity, true)
      return
    }
    await this.setStatus(activity, status)
  }

  /** Stores the status and says so; a home visit marked done gets the follow-up offer. */
  setStatus = async (activity: ActivityView, status: ActivityStatus): Promise<void> => {
    const { backend, notices } = this.host
    try {
      showNotices((await backend.setStatus(activity.id, activity.occurrence, status)).notices)
      notices.toast = { text: { key: 'status-changed', args: { status: { key: `status-${status}` } } } }
      notices.followUp = status === 'done' && activity.kind === 'home_visit' ? activity : null
      notices.countsWarnings = []
      this.host.changed()
      if (this.host.formOpen()) await this.host.closeForm()
    } catch (rejected) {
      notices.toast = { error: UserError.from(rejected) }
    }
  }

  /** The counts of `activity`; `marking`: opened by marking it done (offers "Senere"). */
  openCounts = (activity: ActivityView, marking: boolean): void => {
    if (this.counts) return
    // From the activity form, focus goes back to what opened the form.
    if (this.host.formOpen()) this.host.dropForm()
    else this.host.focus.remember()
    this.host.notices.result = null
    // A toast about something earlier would stand over the dialog's buttons.
    this.host.notices.toast = null
    this.counts = { activity, marking }
  }

  /** Closes the counts dialog, focus back to what opened it. */
  closeCounts = async (): Promise<void> => {
    this.counts = null
    await this.host.focus.restore()
  }

  /** "Senere": done now, counts another time. */
  countsLater = async (): Promise<void> => {
    const activity = this.counts?.activity
    if (!activity) return
    await this.closeCounts()
    await this.setStatus(activity, 'done')
  }

  /** Counts recorded (and, when marking, the activity done). */
  countsSaved = async (outcome: RecordOutcome): Promise<void> => {
    const { notices } = this.host
    const marking = this.counts?.marking ?? false
    notices.toast = { text: { key: marking ? 'counts-saved' : outcome.edited ? 'counts-saved-edited' : 'counts-saved-plain' } }
    notices.countsWarnings = outcome.warnings
      .filter((w) => w.code === 'much_larger_than_usual')
      .map((w) => ({ key: 'counts-warning-larger', args: { reached: w.reached, usual: w.usual } }))
    notices.followUp = marking && outcome.activity.kind === 'home_visit' ? outcome.activity : null
    this.host.changed()
    await this.closeCounts()
  }

  /** Counts removed from the activity. */
  countsRemoved = async (): Promise<void> => {
    this.host.notices.toast = { text: { key: 'counts-removed' } }
    this.host.changed()
    await this.closeCounts()
  }

  /** Deletes the activity, with "Fortryd" in the toast. */
  remove = async (activity: ActivityView): Promise<void> => {
    const { backend, notices } = this.host
    try {
      showNotices((await backend.deleteActivity(activity.id)).notices)
      // The screens leave the activity out and ask for their lists again at once, while the
      // form closes: after it (and after the focus goes back, which lays the page out), the
      // request waited for that, and the card stayed until its answer was drawn.
      this.host.changed(activity.id)
      const closed = this.host.closeForm()
      notices.toast = {
        text: { key: 'deleted', args: { kind: { key: `kind-${activity.kind}` } } },
        undo: async () => {
          showNotices((await backend.restoreActivity(activity.id)).notices)
          notices.toast = { text: { key: 'restored' } }
          this.host.changed()
        },
      }
      await closed
    } catch (rejected) {
      notices.toast = { error: UserError.from(rejected) }
    }
  }

  /** "Ja, planlæg": the form on a follow-up visit to the one just done. */
  acceptFollowUp = async (): Promise<void> => {
    const { backend, notices } = this.host
    if (!notices.followUp) return
    const done = notices.followUp
    try {
      const draft = await backend.followUpDraft(done.id)
      notices.followUp = null
      this.host.focus.remember()
      this.host.openForm(draft)
    } catch (rejected) {
      notices.toast = { error: UserError.from(rejected) }
    }
  }
}
