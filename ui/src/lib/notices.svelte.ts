// What the window tells the volunteer above the screen and in the toast: what a
// save did (with its clashes and notices), what recording counts found worth a
// second look, the offer to plan a follow-up visit, and the short toast. Owned
// by one instance per window; `components/Messages.svelte` and `Toast` show it.
import type { ToastMessage } from '../components/Toast.svelte'
import type { ActivityView, ImportReport, PlanOutcome, PlanRequest } from './backend'
import type { NoticeView } from './bindings/NoticeView'
import { formatLongDate } from './format'
import { noticeMessage, t, type Message } from './i18n.svelte'
import { conflictMessages, noticeMessages, reportCounts } from './messages'

/** What saving a plan or an edit did: the sentence, then one line per clash and notice. */
export type SaveResult = { saved: string; conflicts: string[]; notices: string[] }

/** The messages of the window. */
export class Notices {
  /** What the last save did, until dismissed or the next action. */
  result = $state<SaveResult | null>(null)
  /** The short message at the bottom ("Slettet — Fortryd"). */
  toast = $state<ToastMessage | null>(null)
  /** A home visit just marked done: offer to plan the next one. */
  followUp = $state<ActivityView | null>(null)
  /** What recording counts found worth a second look (a meeting much larger than usual). */
  countsWarnings = $state<Message[]>([])

  /** A plan or an edit was saved: when it is, then its clashes and notices; no follow-up offer any more. */
  planSaved(outcome: PlanOutcome, request: PlanRequest, edited: boolean): void {
    const date = request.start.slice(0, 10)
    const when = t('when-start', { day: formatLongDate(date), time: request.start.slice(11, 16) })
    const key = edited ? 'edit-saved' : request.kind === 'home_visit' ? 'plan-saved' : 'plan-saved-other'
    this.result = { saved: t(key, { when }), conflicts: conflictMessages(outcome), notices: noticeMessages(outcome) }
    this.followUp = null
  }

  /** What the start-up routine did that the user should know (code names and notes erased). */
  started(notices: NoticeView[]): void {
    const messages = notices.flatMap((notice) => noticeMessage(notice) ?? [])
    if (messages.length > 0) this.result = { saved: t('start-notices'), conflicts: [], notices: messages }
  }

  /** A calendar file was imported: its name and the three numbers, in the toast. */
  imported(report: ImportReport): void {
    this.toast = { text: { key: 'import-done', args: { name: report.source, ...reportCounts(report) } } }
  }
}
