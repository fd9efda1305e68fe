// Sentences about what planning or moving did, shared by every screen that plans.
import type { PlanOutcome } from './backend'
import type { ImportWarning } from './bindings/ImportWarning'
import { formatBusyWhen, formatWhen } from './format'
import { noticeMessage, skippedMessage, t, type Message } from './i18n.svelte'

/** One warning per clash, naming when the other activity is. */
export function conflictMessages(outcome: PlanOutcome): string[] {
  return outcome.conflicts.map((conflict) => {
    // Busy time from another calendar (then `with` is 0): name the calendar, never the
    // event's title (someone else's appointment; the calendar view shows it when allowed).
    if (conflict.busy) {
      const when = formatBusyWhen({ start: conflict.with_start, end: conflict.with_end, all_day: conflict.busy.all_day })
      return t('conflict-busy', { calendar: conflict.busy.source, when })
    }
    const when = formatWhen(conflict.with_start, conflict.with_end)
    return conflict.kind === 'too_little_travel_time'
      ? t('conflict-travel', { when, gap: conflict.gap_minutes ?? 0, needed: conflict.needed_minutes ?? 0 })
      : t('conflict-overlap', { when })
  })
}

/** How the backend read the request, when that needs saying. */
export function noticeMessages(outcome: PlanOutcome): string[] {
  return outcome.notices.flatMap((notice) => noticeMessage(notice) ?? [])
}

/** "12 nye, 3 ændrede, 1 fjernet": the three numbers of a calendar import, as message arguments. */
export function reportCounts(report: { added: number; changed: number; removed: number }): Record<string, Message> {
  return {
    added: { key: 'import-added', args: { count: report.added } },
    changed: { key: 'import-changed', args: { count: report.changed } },
    removed: { key: 'import-removed', args: { count: report.removed } },
  }
}

/** One thing an import left out, guessed or ignored (issue 15), in words. */
export function importWarningMessage(warning: ImportWarning): string {
  switch (warning.kind) {
    case 'skipped':
      return skippedMessage(warning.error)
    case 'floating_zone':
      return t('import-floating-zone', { tzid: warning.tzid, uid: warning.uid, line: warning.line })
    case 'ignored_line':
      return t('import-ignored-line', { line: warning.line })
  }
}
