// What the calendar shows for a period: the volunteer's activities and busy time from
// other calendars, asked for together. Shared by the calendar screen and the start, which
// asks for this week ahead of time (the calendar is the screen most often opened next).
import type { ActivityView, Backend, BusyView } from './backend'

/** A period's activities and busy time. */
export type PeriodLists = { activities: ActivityView[]; busy: BusyView[] }

/** The period's lists, asked for in one go, tagged with what they were asked for. */
export type PeriodRequest = { from: string; to: string; reloadKey: number; lists: Promise<PeriodLists> }

/**
 * Asks for a period's activities and its busy time at the same time. Busy time is extra:
 * if it cannot be read, the volunteer's own activities are still shown.
 */
export function fetchPeriod(backend: Backend, from: string, to: string, reloadKey: number): PeriodRequest {
  const lists = Promise.all([backend.listActivities(from, to), backend.listBusy(from, to).catch((): BusyView[] => [])]).then(
    ([activities, busy]) => ({ activities, busy }),
  )
  // Settled here so that a failure asked for ahead of time is not unhandled when unused.
  lists.catch(() => {})
  return { from, to, reloadKey, lists }
}
