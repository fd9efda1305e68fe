// The series editor's model: what the user chose ("Gentag"), the RFC 5545 RRULE
// value it stands for, and back again for editing. Pure: no Svelte, no i18n.
// The summary text is made in ./repeatSummary.ts.
import { RULES } from './bindings/currentRules'
import { copenhagenDate, isIsoDate, isoWeekday } from './dates'

export type Frequency = 'none' | 'weekly' | 'biweekly' | 'monthly'
export type RepeatEnd = 'count' | 'until' | 'never'
/** RFC 5545 weekday codes, Monday first. */
export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU'
export const WEEKDAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']

export interface RepeatState {
  frequency: Frequency
  /** Weekly: the chosen days; empty means "the start date's weekday". */
  days: Weekday[]
  end: RepeatEnd
  count: number | null
  /** Last day (inclusive), `YYYY-MM-DD`. */
  until: string
}

export const DEFAULT_COUNT = 8

export function noRepeat(): RepeatState {
  return { frequency: 'none', days: [], end: 'count', count: DEFAULT_COUNT, until: '' }
}

/** The weekday code of a plain date. */
export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[isoWeekday(date) - 1]
}

/** Which of its weekday in the month a date is: 1–4, or -1 for the 5th (= the last). */
export function nthInMonth(date: string): number {
  const n = Math.ceil(Number(date.slice(8, 10)) / 7)
  return n >= 5 ? -1 : n
}

/** The weekly days in effect: the chosen ones in week order, or the start date's weekday. */
export function effectiveDays(state: RepeatState, startDate: string): Weekday[] {
  if (state.days.length > 0) return WEEKDAYS.filter((d) => state.days.includes(d))
  return isIsoDate(startDate) ? [weekdayOf(startDate)] : []
}

export type RepeatProblem = 'days' | 'count' | 'until'

/** What the user must fix before the rule can be built; `null` when nothing. */
export function repeatProblem(state: RepeatState, startDate: string): RepeatProblem | null {
  if (state.frequency === 'none') return null
  if ((state.frequency === 'weekly' || state.frequency === 'biweekly') && effectiveDays(state, startDate).length === 0) {
    return 'days'
  }
  if (state.end === 'count') {
    const count = state.count ?? Number.NaN
    const { min, max } = RULES.series_meetings
    if (!Number.isInteger(count) || count < min || count > max) return 'count'
  }
  if (state.end === 'until') {
    if (!isIsoDate(state.until)) return 'until'
    if (isIsoDate(startDate) && state.until < startDate) return 'until'
  }
  return null
}

/**
 * The RRULE value for the state, e.g. `FREQ=WEEKLY;BYDAY=TU;COUNT=8`; `null` for no repeat.
 * Call `repeatProblem` first: an invalid state still gives a rule (the backend refuses it).
 */
export function buildRrule(state: RepeatState, startDate: string): string | null {
  const parts: string[] = []
  switch (state.frequency) {
    case 'none':
      return null
    case 'weekly':
    case 'biweekly':
      parts.push('FREQ=WEEKLY')
      if (state.frequency === 'biweekly') parts.push('INTERVAL=2')
      parts.push(`BYDAY=${effectiveDays(state, startDate).join(',')}`)
      break
    case 'monthly':
      parts.push('FREQ=MONTHLY', `BYDAY=${nthInMonth(startDate)}${weekdayOf(startDate)}`)
      break
  }
  if (state.end === 'count') parts.push(`COUNT=${state.count}`)
  if (state.end === 'until') parts.push(`UNTIL=${state.until.replaceAll('-', '')}`)
  return parts.join(';')
}

/**
 * Reads a rule back into the editor. Understands what `buildRrule` writes and the
 * backend's canonical form (UNTIL in UTC, read as a Copenhagen date). `null` when the
 * rule says something the editor cannot show (daily, yearly, other intervals, …).
 */
export function parseRrule(rule: string | null, startDate: string): RepeatState | null {
  if (rule === null || rule.trim() === '') return noRepeat()
  const fields = new Map<string, string>()
  for (const part of rule.trim().replace(/^RRULE:/i, '').split(';')) {
    if (part === '') continue
    const [key, value] = part.split('=')
    if (value === undefined) return null
    fields.set(key.toUpperCase(), value.toUpperCase())
  }
  const known = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'COUNT', 'UNTIL', 'WKST'])
  if ([...fields.keys()].some((k) => !known.has(k))) return null
  if (fields.has('WKST') && fields.get('WKST') !== 'MO') return null
  const interval = Number(fields.get('INTERVAL') ?? '1')
  const byday = (fields.get('BYDAY') ?? '').split(',').filter(Boolean)
  const state = noRepeat()

  const freq = fields.get('FREQ')
  if (freq === 'WEEKLY') {
    if (interval !== 1 && interval !== 2) return null
    state.frequency = interval === 2 ? 'biweekly' : 'weekly'
    if (!byday.every((d) => (WEEKDAYS as readonly string[]).includes(d))) return null
    state.days = WEEKDAYS.filter((d) => byday.includes(d))
  } else if (freq === 'MONTHLY') {
    if (interval !== 1) return null
    // Only "the nth weekday of the start date": anything else cannot be shown.
    if (isIsoDate(startDate)) {
      if (byday.length !== 1 || byday[0] !== `${nthInMonth(startDate)}${weekdayOf(startDate)}`) return null
    } else if (byday.length !== 1 || !/^(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$/.test(byday[0])) {
      return null
    }
    state.frequency = 'monthly'
  } else {
    return null
  }

  const count = fields.get('COUNT')
  const until = fields.get('UNTIL')
  if (count !== undefined && until !== undefined) return null
  if (count !== undefined) {
    if (!/^\d+$/.test(count)) return null
    state.end = 'count'
    state.count = Number(count)
  } else if (until !== undefined) {
    const date = untilDate(until)
    if (!date) return null
    state.end = 'until'
    state.until = date
  } else {
    state.end = 'never'
  }
  return state
}

/** `20270301` → `2027-03-01`; `20270301T225959Z` → the Copenhagen date of that instant. */
function untilDate(value: string): string | null {
  const date = /^(\d{4})(\d{2})(\d{2})$/.exec(value)
  if (date) {
    const iso = `${date[1]}-${date[2]}-${date[3]}`
    return isIsoDate(iso) ? iso : null
  }
  const utc = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value)
  if (utc) {
    const instant = `${utc[1]}-${utc[2]}-${utc[3]}T${utc[4]}:${utc[5]}:${utc[6]}Z`
    if (Number.isNaN(Date.parse(instant))) return null
    return copenhagenDate(instant)
  }
  const local = /^(\d{4})(\d{2})(\d{2})T\d{6}$/.exec(value)
  if (local) {
    const iso = `${local[1]}-${local[2]}-${local[3]}`
    return isIsoDate(iso) ? iso : null
  }
  return null
}

/** True when two states build the same rule from the same start date. */
export function sameRepeat(a: RepeatState, b: RepeatState, startDate: string): boolean {
  return buildRrule(a, startDate) === buildRrule(b, startDate)
}
