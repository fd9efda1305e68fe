// Where things go in the week's time grid: which day columns an entry falls in, its
// top and bottom in minutes after that day's midnight, and its place beside entries at
// the same time. Pure functions on Copenhagen wall clock strings (`YYYY-MM-DDTHH:MM`),
// so the grid never reads the machine's time zone and can be tested without a DOM.
import { addDays } from './dates'

/** Minutes in a day on the wall clock (the grid draws wall-clock days, as a paper calendar does). */
export const DAY_MINUTES = 24 * 60

/** The shortest height an entry is drawn with, in minutes (a zero-length entry is still a card). */
export const MIN_DRAWN_MINUTES = 15

/** An entry to lay out: a key and its wall clock start and end. */
export type Timed = { key: string; start: string; end: string }

/** One day's part of an entry, placed in that day's column. */
export type Placed<T extends Timed> = {
  item: T
  /** The day column, `YYYY-MM-DD`. */
  date: string
  /** Minutes after midnight, `0 ≤ top < bottom ≤ 1440`. */
  top: number
  bottom: number
  /** Its lane among the entries it overlaps, and how many lanes they need. */
  lane: number
  lanes: number
  /** It began on an earlier day / goes on into a later day. */
  continuedFromBefore: boolean
  continuesAfter: boolean
}

/** Minutes after midnight of a wall clock `YYYY-MM-DDTHH:MM`. */
export function minuteOfDay(wall: string): number {
  return Number(wall.slice(11, 13)) * 60 + Number(wall.slice(14, 16))
}

/** `YYYY-MM-DDTHH:MM` for a day and minutes after its midnight (1440 is the next midnight). */
export function wallAt(date: string, minutes: number): string {
  const day = addDays(date, Math.floor(minutes / DAY_MINUTES))
  const rest = ((minutes % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES
  const hh = String(Math.floor(rest / 60)).padStart(2, '0')
  const mm = String(rest % 60).padStart(2, '0')
  return `${day}T${hh}:${mm}`
}

/**
 * Each entry cut into its days among `days`, with lanes for entries at the same time:
 * entries that overlap (directly or through others) share the column's width, each in
 * the first lane that is free when it starts, longer ones first at equal starts.
 */
export function placeInDays<T extends Timed>(days: string[], items: T[]): Map<string, Placed<T>[]> {
  const byDay = new Map<string, Placed<T>[]>(days.map((d) => [d, []]))
  for (const item of items) {
    if (!(item.end >= item.start)) continue
    for (const date of days) {
      const dayStart = `${date}T00:00`
      const nextDay = `${addDays(date, 1)}T00:00`
      if (item.start >= nextDay || (item.end <= dayStart && item.start < dayStart)) continue
      const top = item.start < dayStart ? 0 : minuteOfDay(item.start)
      const bottom = item.end >= nextDay ? DAY_MINUTES : minuteOfDay(item.end)
      // Only a zero-length entry may have top == bottom; it belongs to the day it is on.
      if (bottom < top || (bottom === top && item.start !== item.end)) continue
      byDay.get(date)?.push({
        item,
        date,
        top,
        bottom,
        lane: 0,
        lanes: 1,
        continuedFromBefore: item.start < dayStart,
        continuesAfter: item.end > nextDay,
      })
    }
  }
  for (const placed of byDay.values()) assignLanes(placed)
  return byDay
}

function drawnBottom(p: { top: number; bottom: number }): number {
  return Math.max(p.bottom, p.top + MIN_DRAWN_MINUTES)
}

function assignLanes<T extends Timed>(placed: Placed<T>[]): void {
  placed.sort((a, b) => a.top - b.top || b.bottom - a.bottom || (a.item.key < b.item.key ? -1 : 1))
  let group: Placed<T>[] = []
  let laneEnds: number[] = []
  let groupEnd = -1
  const close = () => {
    for (const p of group) p.lanes = laneEnds.length
    group = []
    laneEnds = []
  }
  for (const p of placed) {
    if (p.top >= groupEnd) close()
    let lane = laneEnds.findIndex((end) => end <= p.top)
    if (lane < 0) {
      lane = laneEnds.length
      laneEnds.push(0)
    }
    laneEnds[lane] = drawnBottom(p)
    p.lane = lane
    group.push(p)
    groupEnd = Math.max(groupEnd, drawnBottom(p))
  }
  close()
}

/**
 * The hours the grid shows, in minutes after midnight: `from`–`to` by default, widened
 * to whole hours around every entry in `stretching` (the volunteer's own activities; busy
 * time from another calendar does not stretch the grid, or a night shift would make every
 * week 24 hours tall).
 */
export function visibleHours(
  stretching: Iterable<{ top: number; bottom: number }>,
  from = 7 * 60,
  to = 22 * 60,
): { from: number; to: number } {
  let first = from
  let last = to
  for (const p of stretching) {
    first = Math.min(first, Math.floor(p.top / 60) * 60)
    last = Math.max(last, Math.min(DAY_MINUTES, Math.ceil(drawnBottom(p) / 60) * 60))
  }
  return { from: first, to: last }
}

/** Rounds minutes to the nearest multiple of `step`. */
export function snap(minutes: number, step: number): number {
  return Math.round(minutes / step) * step
}
