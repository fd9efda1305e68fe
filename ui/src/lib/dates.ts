// Calendar arithmetic on plain dates (`YYYY-MM-DD`) and Copenhagen wall
// clock times. Nothing here depends on the machine's time zone: plain dates
// are handled as UTC midnights, instants are read in Europe/Copenhagen.

export const COPENHAGEN = 'Europe/Copenhagen'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000

/** Parses `YYYY-MM-DD`; `null` when it is not a real calendar date. */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(value)
  if (!match) return null
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  const utc = new Date(Date.UTC(year, month - 1, day))
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) return null
  return { year, month, day }
}

export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null
}

function toUtcMs(date: string): number {
  const parsed = parseIsoDate(date)
  if (!parsed) throw new RangeError(`Not a date: ${date}`)
  return Date.UTC(parsed.year, parsed.month - 1, parsed.day)
}

function fromUtcMs(ms: number): string {
  const d = new Date(ms)
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** A `Date` at noon UTC of a plain date, for formatting with `timeZone: 'UTC'`. */
export function plainDateToUtcNoon(date: string): Date {
  return new Date(toUtcMs(date) + DAY_MS / 2)
}

export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS)
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS)
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(toUtcMs(date)).getUTCDay()
  return day === 0 ? 7 : day
}

/** The Monday of the week (Monday–Sunday) that contains `date`. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date))
}

/** The seven dates Monday…Sunday of the week starting at `monday`. */
export function weekDates(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i))
}

/** ISO 8601 week number (the one used in Danish calendars). */
export function isoWeekNumber(date: string): number {
  const thursday = addDays(date, 4 - isoWeekday(date))
  const year = thursday.slice(0, 4)
  const firstThursdayOrdinal = Math.floor((toUtcMs(thursday) - toUtcMs(`${year}-01-01`)) / DAY_MS)
  return Math.floor(firstThursdayOrdinal / 7) + 1
}

const copenhagenParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: COPENHAGEN,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

// The same instants are read again and again (a card's date and times, on every
// render): remember the last few thousand.
const partsCache = new Map<string, Record<string, string>>()

function partsOf(instant: string): Record<string, string> {
  const known = partsCache.get(instant)
  if (known) return known
  const ms = Date.parse(instant)
  if (Number.isNaN(ms)) throw new RangeError(`Not an RFC 3339 time: ${instant}`)
  const parts: Record<string, string> = {}
  for (const part of copenhagenParts.formatToParts(ms)) parts[part.type] = part.value
  if (partsCache.size >= 4096) partsCache.clear()
  partsCache.set(instant, parts)
  return parts
}

/** The Copenhagen calendar date (`YYYY-MM-DD`) of an RFC 3339 instant. */
export function copenhagenDate(instant: string): string {
  const p = partsOf(instant)
  return `${p.year}-${p.month}-${p.day}`
}

/** The Copenhagen wall clock time (`HH:MM`, 24-hour) of an RFC 3339 instant. */
export function copenhagenTime(instant: string): string {
  const p = partsOf(instant)
  return `${p.hour}:${p.minute}`
}

/**
 * Reads a date as people type it: `2026-12-01`, or the Danish `1.12.2026`,
 * `1/12/2026`, `1-12-2026`. Returns `YYYY-MM-DD` or `null`.
 */
export function normaliseDateInput(value: string): string | null {
  const text = value.trim()
  if (isIsoDate(text)) return text
  const match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text)
  if (!match) return null
  const iso = `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}`
  return isIsoDate(iso) ? iso : null
}

/** Reads `10:00`, `9:05`, `10.00` or `1000` as `HH:MM`; `null` when it is not a time of day. */
export function normaliseTimeInput(value: string): string | null {
  const match = /^(\d{1,2})[:.]?(\d{2})$/.exec(value.trim())
  if (!match) return null
  const hour = Number(match[1])
  const minute = Number(match[2])
  if (hour > 23 || minute > 59) return null
  return `${String(hour).padStart(2, '0')}:${match[2]}`
}

/** The Copenhagen wall clock of an instant as `YYYY-MM-DDTHH:MM` (what the backend takes). */
export function wallClock(instant: string): string {
  return `${copenhagenDate(instant)}T${copenhagenTime(instant)}`
}

/** Adds minutes to a wall clock time `YYYY-MM-DDTHH:MM` as a calendar would, ignoring DST. */
export function addMinutesToWallClock(wall: string, minutes: number): string {
  const ms = toUtcMs(wall.slice(0, 10)) + (Number(wall.slice(11, 13)) * 60 + Number(wall.slice(14, 16)) + minutes) * 60_000
  const d = new Date(ms)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${fromUtcMs(ms)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** Whole minutes from one instant to another. */
export function minutesBetween(start: string, end: string): number {
  return Math.round((Date.parse(end) - Date.parse(start)) / 60_000)
}

/** The first day of the month of `date`. */
export function firstOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`
}

/** The same day-of-month `months` later (clamped to the month's last day). */
export function addMonths(date: string, months: number): string {
  const parsed = parseIsoDate(date)
  if (!parsed) throw new RangeError(`Not a date: ${date}`)
  const index = parsed.year * 12 + parsed.month - 1 + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(parsed.day, last))}`
}

/** The whole weeks a month grid shows: from the Monday on or before the 1st to the Sunday on or after its last day. */
export function monthGridRange(date: string): { from: string; to: string } {
  const first = firstOfMonth(date)
  const last = addDays(firstOfMonth(addMonths(first, 1)), -1)
  return { from: mondayOf(first), to: addDays(mondayOf(last), 6) }
}

/** The calendar's anchor one `unit` before (-1) or after (1) `date`. */
export function stepDate(date: string, unit: 'week' | 'month', direction: -1 | 1): string {
  return unit === 'month' ? addMonths(date, direction) : addDays(date, 7 * direction)
}

/**
 * A date handed out by the calendar component, which gives wall-clock values
 * as local `Date`s, back as `YYYY-MM-DD`.
 */
export function isoDateOfLocal(date: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}
