// Sentences about what planning or moving did, shared by every screen that plans.
import type { PlanOutcome } from './backend'
import { formatWhen } from './format'
import { noticeMessage, t } from './i18n.svelte'

/** One warning per clash, naming when the other activity is. */
export function conflictMessages(outcome: PlanOutcome): string[] {
  return outcome.conflicts.map((conflict) => {
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
