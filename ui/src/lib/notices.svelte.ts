// What the window tells the volunteer above the screen and in the toast: what a
// save did (with its clashes and notices), what recording counts found worth a
// second look, the offer to plan a follow-up visit, and the short toast. Owned
// by one instance per window; `components/Messages.svelte` and `Toast` show it.
import type { ToastMessage } from '../components/Toast.svelte'
import type { ActivityView } from './backend'
import type { Message } from './i18n.svelte'

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
}
