// The classes that give activities and busy time their look in both calendar grids
// (WeekGrid and CalendarView; the styles are in components/entries.css).
import type { ActivityView, BusyView } from './backend'

/** Shown as clashing: with another activity or with busy time from another calendar, unless cancelled. */
export function isConflicted(activity: ActivityView): boolean {
  const clashes = activity.conflicts.length > 0 || (activity.busy_conflicts?.length ?? 0) > 0
  return clashes && activity.status !== 'cancelled'
}

/** An activity's entry: its kind's colours, its status, and the conflict and example-data markers. */
export function activityClasses(activity: ActivityView): string[] {
  return [
    'nabo-event',
    `kind-${activity.kind}`,
    `status-${activity.status}`,
    ...(isConflicted(activity) ? ['has-conflict'] : []),
    ...(activity.example ? ['is-example'] : []),
  ]
}

/** Busy time's entry: grey and hatched, lighter when it is free time. */
export function busyClasses(busy: BusyView): string[] {
  return ['nabo-busy', ...(busy.free ? ['is-free'] : [])]
}
