// Reminders while the app runs: `lead` minutes before each planned activity,
// one notification whose text is only the time ("Aftale kl. 10:00") — never
// a household label, an area or a topic. Time is passed in (the clock), so
// tests drive it with fake timers.
import type { ActivityView, Agenda } from './contract'

export type ReminderClock = {
  now(): number
  setTimeout(run: () => void, ms: number): ReturnType<typeof setTimeout>
  clearTimeout(handle: ReturnType<typeof setTimeout>): void
}

export const systemClock: ReminderClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle),
}

export type Reminders = {
  /** Replaces every pending reminder with ones for `activities`; `leadMinutes` 0 turns them off. */
  schedule(activities: readonly ActivityView[], leadMinutes: number): void
  stop(): void
}

/**
 * `remind(activity)` is called once per activity and start time, at
 * `start - lead`; an activity whose reminder time has passed but that has not
 * started yet is reminded at once.
 */
export function createReminders(remind: (activity: ActivityView) => void, clock: ReminderClock = systemClock): Reminders {
  const pending = new Map<string, ReturnType<typeof setTimeout>>()
  const sent = new Set<string>()

  function clear(): void {
    for (const handle of pending.values()) clock.clearTimeout(handle)
    pending.clear()
  }

  return {
    schedule(activities, leadMinutes) {
      clear()
      if (leadMinutes <= 0) return
      const now = clock.now()
      for (const activity of activities) {
        if (activity.status !== 'planned') continue
        const start = Date.parse(activity.start)
        const key = `${activity.id}@${start}`
        if (start <= now || sent.has(key)) continue
        const delay = Math.max(0, start - leadMinutes * 60_000 - now)
        pending.set(
          key,
          clock.setTimeout(() => {
            pending.delete(key)
            sent.add(key)
            remind(activity)
          }, delay),
        )
      }
    },
    stop: clear,
  }
}

/** Reminders fed from the backend's agenda, asked again after each change. */
export type AgendaReminders = {
  /** Schedules from `asked` (an agenda already on its way) or a fresh one; a failure waits for the next change. */
  refresh(asked?: Promise<Agenda>): Promise<void>
  stop(): void
}

/**
 * `lead()` is the reminder setting now, or null while the app is not set up
 * (then nothing is asked or scheduled).
 */
export function createAgendaReminders(
  source: { agenda(overdueLimit: number | null): Promise<Agenda> },
  remind: (activity: ActivityView) => void,
  lead: () => number | null,
  clock: ReminderClock = systemClock,
): AgendaReminders {
  const reminders = createReminders(remind, clock)
  return {
    async refresh(asked) {
      const minutes = lead()
      if (minutes === null) return
      try {
        // Reminders need only the coming days (any overdue limit gives all of them).
        const agenda = await (asked ?? source.agenda(0))
        reminders.schedule(agenda.upcoming, lead() ?? minutes)
      } catch {
        // The start screen shows the failure; reminders just wait for the next change.
      }
    },
    stop: reminders.stop,
  }
}
