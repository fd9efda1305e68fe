// Notices from a change that was made: e.g. the live calendar file could not be rewritten
// (Rust `Changed<T>`, issue 11). Whatever screen made the change hands its notices here;
// Messages.svelte shows them until dismissed or the next change. Plan and move notices stay with the
// plan's own result message (PlanOutcome), as before.
import type { NoticeView } from './bindings/NoticeView'

/** The last change's notices; empty when it left none. */
export const changeNotices = $state<{ list: NoticeView[] }>({ list: [] })

/**
 * The notices of the change just made. A change without notices clears the old ones: the
 * file was written this time, and a stale warning would send the user looking for a problem.
 */
export function showNotices(notices: readonly NoticeView[]): void {
  changeNotices.list = [...notices]
}

/** Hides the notice at `index` (its close button). */
export function dismissNotice(index: number): void {
  changeNotices.list = changeNotices.list.filter((_, i) => i !== index)
}
