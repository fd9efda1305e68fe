// The one place that turns dates and times into text for the screen (and for
// notifications). Instants are read on the Europe/Copenhagen wall clock; plain
// dates are formatted at UTC noon with timeZone UTC. Both languages use the
// 24-hour clock and Monday-first weeks.
import { addDays, copenhagenDate, copenhagenTime, COPENHAGEN, plainDateToUtcNoon } from './dates'
import { locale, t } from './i18n.svelte'

// Making an Intl formatter costs far more than using one, and a screen of cards
// formats dozens of dates: one formatter per locale and set of options.
const formatters = new Map<string, Intl.DateTimeFormat>()

function plainDate(date: string, options: Intl.DateTimeFormatOptions): string {
  const key = `${locale()} ${JSON.stringify(options)}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale(), { ...options, timeZone: 'UTC' })
    formatters.set(key, formatter)
  }
  return formatter.format(plainDateToUtcNoon(date))
}

/** "mandag" / "Monday" */
export function formatWeekday(date: string): string {
  return plainDate(date, { weekday: 'long' })
}

/** "30. nov." / "30 Nov" */
export function formatShortDate(date: string): string {
  return plainDate(date, { day: 'numeric', month: 'short' })
}

/** "tirsdag 1. december 2026" / "Tuesday 1 December 2026" */
export function formatLongDate(date: string): string {
  return plainDate(date, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
}

/** "30. nov. – 6. dec. 2026" */
export function formatWeekRange(monday: string, sunday: string): string {
  const first = monday.slice(0, 4) === sunday.slice(0, 4)
    ? formatShortDate(monday)
    : plainDate(monday, { day: 'numeric', month: 'short', year: 'numeric' })
  const last = plainDate(sunday, { day: 'numeric', month: 'short', year: 'numeric' })
  return `${first} – ${last}`
}

/** "10:00–11:00", read on the Copenhagen wall clock. */
export function formatTimeRange(start: string, end: string): string {
  return `${copenhagenTime(start)}–${copenhagenTime(end)}`
}

/** "tirsdag 1. december 2026 kl. 10:00–11:00" */
export function formatWhen(start: string, end: string): string {
  return t('when-range', {
    day: formatLongDate(copenhagenDate(start)),
    from: copenhagenTime(start),
    to: copenhagenTime(end),
  })
}

/** "10:00" — the Copenhagen wall clock time of an instant. */
export function formatTime(instant: string): string {
  return copenhagenTime(instant)
}

/** "december 2026" / "December 2026" */
export function formatMonth(date: string): string {
  return plainDate(date, { month: 'long', year: 'numeric' })
}

/** "man." / "Mon" — a short weekday for month grids and week columns. */
export function formatShortWeekday(date: string): string {
  return plainDate(date, { weekday: 'short' })
}

/** "1" — the day of the month. */
export function formatDayOfMonth(date: string): string {
  return plainDate(date, { day: 'numeric' })
}

/** "tirsdag 1. december" / "Tuesday 1 December" */
export function formatDayAndMonth(date: string): string {
  return plainDate(date, { weekday: 'long', day: 'numeric', month: 'long' })
}

/** Whole numbers with the locale's digit grouping ("5.000" / "5,000"). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale()).format(value)
}

/** An hour of the day for the calendar's time axis: "08:00". */
export function formatHour(hour: number, minute = 0): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`
}

/** The zone every time in Nabo is shown in. */
export const DISPLAY_ZONE = COPENHAGEN

/** "1. marts 2027" / "1 March 2027" */
export function formatDayMonthYear(date: string): string {
  return plainDate(date, { day: 'numeric', month: 'long', year: 'numeric' })
}

/** "mandag og torsdag" / "Monday and Thursday" */
export function formatList(items: string[]): string {
  return new Intl.ListFormat(locale(), { style: 'long', type: 'conjunction' }).format(items)
}

/**
 * When busy time from another calendar is: like `formatWhen`, or for an all-day event its
 * day(s) and "hele dagen" / "all day" (its end is the midnight after its last day).
 */
export function formatBusyWhen(busy: { start: string; end: string; all_day: boolean }): string {
  if (!busy.all_day) return formatWhen(busy.start, busy.end)
  const first = copenhagenDate(busy.start)
  const last = addDays(copenhagenDate(busy.end), -1)
  if (last <= first) return t('busy-all-day-one', { day: formatLongDate(first) })
  return t('busy-all-day-range', { from: formatLongDate(first), to: formatLongDate(last) })
}
