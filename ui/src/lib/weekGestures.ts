// What the pointer and the keyboard do in the week's time grid, without the DOM:
// given where the pointer is (in pixels from the top of a day column), the hours
// shown and the entry pressed, which free time is chosen, where a card is moved or
// how long it becomes, and what Alt+arrows do. `screens/WeekGrid.svelte` measures
// the page and wires the events; everything it decides is here, and tested here.
// Times are Copenhagen wall clock (`YYYY-MM-DDTHH:MM`), minutes after midnight.
import { addMinutesToWallClock } from './dates'
import { DAY_MINUTES, MIN_DRAWN_MINUTES, snap, wallAt } from './weekLayout'

/** Pixels per half hour. */
export const SLOT_PX = 40
export const PX_PER_MINUTE = SLOT_PX / 30
/** A click picks the half hour it is in; a drag moves or sizes in quarters of an hour. */
export const CLICK_STEP = 30
export const DRAG_STEP = 15
/** How far (px) the pointer must go before a press becomes a drag. */
export const DRAG_THRESHOLD = 4

/** The hours the grid shows, in minutes after midnight. */
export type Hours = { from: number; to: number }

/** What the pointer is doing: choosing a stretch of free time, or moving or sizing a card. */
export type Gesture =
  | { kind: 'select'; date: string; from: number; to: number }
  | { kind: 'move' | 'resize'; key: string; date: string; dayShift: number; minutes: number }

/** Free time chosen to plan in: a day, a start (null: none) and a length (null: the kind's default). */
export type Pick = { date: string; time: string | null; minutes: number | null }

/** A card's part in a day column, as laid out (`weekLayout.placeInDays`). */
export type PlacedCard = { key: string; date: string; top: number; bottom: number }

/** A new start and end for an activity, wall clock. */
export type Times = { start: string; end: string }

/** Near the top or bottom edge of a scrolling grid (px), a drag scrolls it, this far a frame. */
export const EDGE_PX = 40
export const EDGE_SCROLL_PX = 12

/** How far a drag at `y` scrolls a grid whose visible part runs from `top` to `bottom` (0: not at an edge). */
export function edgeScroll(y: number, top: number, bottom: number): number {
  return y < top + EDGE_PX ? -EDGE_SCROLL_PX : y > bottom - EDGE_PX ? EDGE_SCROLL_PX : 0
}

/** Whether a press that has gone `dx`, `dy` pixels is a drag rather than a click. */
export function isDrag(dx: number, dy: number): boolean {
  return Math.hypot(dx, dy) >= DRAG_THRESHOLD
}

/** Minutes after midnight at `offsetPx` below the top of a day column, within the hours shown. */
export function minutesAt(offsetPx: number, hours: Hours): number {
  const minutes = hours.from + offsetPx / PX_PER_MINUTE
  return Math.min(hours.to, Math.max(hours.from, minutes))
}

/** Pixels from the top of the hours shown to `minutes` after midnight. */
export function topPx(minutes: number, hours: Hours): number {
  return (minutes - hours.from) * PX_PER_MINUTE
}

/** The index of the column under `x`, or the nearest one when `x` is outside them all. */
export function nearestColumn(x: number, columns: readonly { left: number; right: number }[]): number {
  let best = 0
  let bestDistance = Infinity
  columns.forEach((column, i) => {
    const distance = x < column.left ? column.left - x : x > column.right ? x - column.right : 0
    if (distance < bestDistance) {
      best = i
      bestDistance = distance
    }
  })
  return best
}

/** Free time dragged from `anchor` to `here` (either way): whole quarters of an hour, at least one, not past midnight. */
export function selection(date: string, anchor: number, here: number): Gesture & { kind: 'select' } {
  const from = Math.floor(Math.min(anchor, here) / DRAG_STEP) * DRAG_STEP
  const to = Math.max(from + DRAG_STEP, Math.ceil(Math.max(anchor, here) / DRAG_STEP) * DRAG_STEP)
  return { kind: 'select', date, from, to: Math.min(to, DAY_MINUTES) }
}

/** The plan a finished drag over free time asks for: its start and its length. */
export function selectionPick(chosen: Gesture & { kind: 'select' }): Pick {
  return { date: chosen.date, time: wallAt(chosen.date, chosen.from).slice(11), minutes: chosen.to - chosen.from }
}

/** The plan a click on free time asks for: the half hour it is in (the last one starts 23:30), the kind's own length. */
export function clickPick(date: string, minutes: number): Pick {
  const at = Math.floor(minutes / CLICK_STEP) * CLICK_STEP
  return { date, time: wallAt(date, Math.min(at, DAY_MINUTES - CLICK_STEP)).slice(11), minutes: null }
}

/**
 * A card dragged `deltaPx` down (negative: up) and `dayShift` days across: moved by
 * quarters of an hour within the hours shown, or (from its lower edge) made longer or
 * shorter, never shorter than a quarter of an hour. `length` is the entry's length in
 * minutes (a card is drawn at least `MIN_DRAWN_MINUTES` tall).
 */
export function drag(kind: 'move' | 'resize', card: PlacedCard, length: number, deltaPx: number, dayShift: number, hours: Hours): Gesture {
  const minutes = snap(deltaPx / PX_PER_MINUTE, DRAG_STEP)
  // Within the hours shown (a card dragged below them would also stretch the grid,
  // which scrolls on at the edge, without end).
  const latest = hours.to - Math.max(card.bottom, card.top + MIN_DRAWN_MINUTES)
  if (kind === 'resize') {
    const resized = Math.min(Math.max(minutes, DRAG_STEP - length), latest)
    return { kind, key: card.key, date: card.date, dayShift: 0, minutes: resized }
  }
  const moved = Math.min(Math.max(minutes, hours.from - card.top), latest)
  return { kind, key: card.key, date: card.date, dayShift, minutes: moved }
}

/** What a dropped drag asks for the activity from `start` to `end`: new times, or null when it did not move. */
export function dropped(done: Gesture | null, start: string, end: string): Times | null {
  if (!done || done.kind === 'select' || (done.minutes === 0 && done.dayShift === 0)) return null
  const shift = done.dayShift * DAY_MINUTES + done.minutes
  return { start: done.kind === 'resize' ? start : addMinutesToWallClock(start, shift), end: addMinutesToWallClock(end, shift) }
}

/** The keys that move a planned card (what a drag does with the mouse), for `aria-keyshortcuts`. */
export const MOVE_KEYS = 'Alt+ArrowUp Alt+ArrowDown Alt+ArrowLeft Alt+ArrowRight Alt+Shift+ArrowUp Alt+Shift+ArrowDown'

const KEY_STEPS: Record<string, { days: number; minutes: number }> = {
  ArrowUp: { days: 0, minutes: -DRAG_STEP },
  ArrowDown: { days: 0, minutes: DRAG_STEP },
  ArrowLeft: { days: -1, minutes: 0 },
  ArrowRight: { days: 1, minutes: 0 },
}

/** Whether `key` (with Alt) is one of the moving keys. */
export function isMoveKey(key: string): boolean {
  return key in KEY_STEPS
}

/**
 * Alt+↑/↓: a quarter of an hour earlier or later; Alt+←/→: a day (mirrored when the page
 * reads right to left); Alt+Shift+↑/↓: a quarter of an hour shorter or longer, never
 * shorter than a quarter. The new times, with `follow` when the week shown should follow
 * the card; null when the key does nothing (Alt+Shift+←/→, or too short).
 */
export function keyMove(key: string, shift: boolean, rtl: boolean, start: string, end: string): (Times & { follow: boolean }) | null {
  const step = KEY_STEPS[key]
  if (!step) return null
  if (shift) {
    if (step.days !== 0) return null
    const longer = addMinutesToWallClock(end, step.minutes)
    if (longer <= addMinutesToWallClock(start, DRAG_STEP - 1)) return null
    return { start, end: longer, follow: false }
  }
  const minutes = (rtl ? -step.days : step.days) * DAY_MINUTES + step.minutes
  return { start: addMinutesToWallClock(start, minutes), end: addMinutesToWallClock(end, minutes), follow: true }
}
