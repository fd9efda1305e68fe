// The window's keyboard shortcuts (shown in the header): N plans a visit, M a group
// meeting, T shows today in the calendar, ← and → step the calendar a week or a month.
// Not while typing, not with Ctrl, Cmd or Alt (Alt+arrows move a card in the week).
// Ctrl+L locks the window (isLockShortcut).

/** What a key asks of the window. */
export type Shortcut = 'plan-visit' | 'plan-meeting' | 'today' | 'previous' | 'next'

/** Whether the key was pressed in a field that takes text. */
export function isTyping(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/**
 * Whether `event` is Ctrl+L (Cmd+L on a Mac), which locks the window when an app lock is set
 * (lib/appLock.svelte.ts) — also while typing or with a form open, unlike the letters above.
 */
export function isLockShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'l'
}

/** The shortcut `event` stands for, or null; `inCalendar`: the calendar is shown (the arrows step it). */
export function shortcutOf(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>,
  inCalendar: boolean,
): Shortcut | null {
  if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return null
  const key = event.key.toLowerCase()
  if (key === 'n') return 'plan-visit'
  if (key === 'm') return 'plan-meeting'
  if (key === 't') return 'today'
  if (inCalendar && event.key === 'ArrowLeft') return 'previous'
  if (inCalendar && event.key === 'ArrowRight') return 'next'
  return null
}
