// The parts of the window fetched in chunks of their own, each at most once.
// The start screen does not need the calendar (the week grid; the month and the
// agenda list are a chunk of their own within it) or its CSS; the counts dialog is
// fetched with the calendar at idle time; "Min måned" (with its chart) when first
// opened. So the start screen's bundle stays small. Keep these imports dynamic.
import { whenIdle } from './perf'

type CalendarChunk = typeof import('../screens/CalendarScreen.svelte')
type CountsChunk = typeof import('../dialogs/CountsDialog.svelte')
type MonthChunk = typeof import('../screens/MonthScreen.svelte')
type CoordinatorChunk = typeof import('../screens/CoordinatorScreen.svelte')

let calendarModule: Promise<CalendarChunk> | null = null
let countsModule: Promise<CountsChunk> | null = null
let monthModule: Promise<MonthChunk> | null = null
let coordinatorModule: Promise<CoordinatorChunk> | null = null

/** The calendar screen (week grid, month and agenda list). */
export function loadCalendar(): Promise<CalendarChunk> {
  calendarModule ??= import('../screens/CalendarScreen.svelte')
  return calendarModule
}

/** The counts dialog. */
export function loadCounts(): Promise<CountsChunk> {
  countsModule ??= import('../dialogs/CountsDialog.svelte')
  return countsModule
}

/** "Min måned" (with its chart). */
export function loadMonth(): Promise<MonthChunk> {
  monthModule ??= import('../screens/MonthScreen.svelte')
  return monthModule
}

/**
 * When the start screen has been painted (idle time): the calendar, then the counts dialog;
 * for a coordinator, her screen first (with its charts), which she opens most.
 */
export function preloadCalendar(coordinator = false): void {
  requestAnimationFrame(() =>
    whenIdle(() => {
      // One after the other: the screen more likely to be opened first.
      if (coordinator) void loadCoordinator().then(loadCalendar, () => {}).then(loadCounts, () => {})
      else void loadCalendar().then(loadCounts, () => {})
    }),
  )
}

/** The coordinator's screen (summary files in, volunteers). */
export function loadCoordinator(): Promise<CoordinatorChunk> {
  coordinatorModule ??= import('../screens/CoordinatorScreen.svelte')
  return coordinatorModule
}
