// The series editor's summary in the user's language:
// "Hver tirsdag kl. 17:00–19:00, 8 gange" / "Every Tuesday, 17:00–19:00, 8 times".
import { addDays, isIsoDate } from './dates'
import { formatDayMonthYear, formatList, formatWeekday } from './format'
import { t } from './i18n.svelte'
import { effectiveDays, nthInMonth, weekdayOf, WEEKDAYS, type RepeatState, type Weekday } from './repeat'

/** A Monday, to name weekdays through Intl in the current language. */
const A_MONDAY = '2026-11-30'

/** "tirsdag" / "Tuesday" */
export function weekdayName(day: Weekday): string {
  return formatWeekday(addDays(A_MONDAY, WEEKDAYS.indexOf(day)))
}

/** The readable summary; `null` for no repeat or when the start date is not known yet. */
export function repeatSummary(state: RepeatState, startDate: string, from: string, to: string): string | null {
  if (state.frequency === 'none') return null
  let pattern: string
  if (state.frequency === 'monthly') {
    pattern = t('repeat-pattern-monthly', { nth: nthInMonth(startDate), day: weekdayName(weekdayOf(startDate)) })
  } else {
    const days = effectiveDays(state, startDate)
    if (days.length === 0) return null
    pattern = t(`repeat-pattern-${state.frequency}`, { days: formatList(days.map(weekdayName)) })
  }
  const end =
    state.end === 'count' && state.count !== null && Number.isInteger(state.count) && state.count > 0
      ? t('repeat-end-count', { count: state.count })
      : state.end === 'until' && isIsoDate(state.until)
        ? t('repeat-end-until', { date: formatDayMonthYear(state.until) })
        : state.end === 'never'
          ? t('repeat-end-never')
          : ''
  return t('repeat-summary', { pattern, from, to, end })
}
