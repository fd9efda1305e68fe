// The app lock in the window (issue 14, part 2). When a PIN or passphrase is set (Settings),
// the window locks after the idle minutes, on demand (Ctrl+L, the header's button), when the
// computer slept, and at start (the backend says so). Locked, App.svelte hides the screen —
// still mounted, so that unlocking returns to exactly where the user was — and shows the
// neutral LockScreen; the window title says only "Nabo", and reminders only "Nabo: en
// påmindelse". Whether the window is locked and the wait after wrong tries are the backend's
// (src-tauri/src/lock.rs): this controller only asks, and shows.
//
// Sleep: Tauri has no suspend event. Every TICK_MS the controller compares the wall clock
// (Date.now, which runs on while the computer sleeps) with the monotonic one (performance.now,
// which stands still then on Linux and macOS): when the wall clock got more than SLEEP_JUMP_MS
// ahead since the last tick, the computer slept, and the window locks. A timer that the
// webview slows down in the background moves both clocks alike, so it locks nothing. Where
// the monotonic clock runs on through sleep, a sleep longer than the idle minutes still locks
// at the next tick, by the idle rule (idle time is wall-clock time).
import { getContext, setContext, tick } from 'svelte'
import type { Backend, LockView } from './backend'
import { t } from './i18n.svelte'

/** What the lock asks of the backend. */
export type LockBackend = Pick<Backend, 'lockApp' | 'unlockApp'>

/** The clocks and the timer the lock runs on; tests pass fake ones. */
export type LockClock = {
  /** The wall clock in ms (runs on while the computer sleeps). */
  now(): number
  /** A monotonic clock in ms (stands still while the computer sleeps on Linux and macOS). */
  monotonic(): number
  setInterval(run: () => void, ms: number): ReturnType<typeof setInterval>
  clearInterval(handle: ReturnType<typeof setInterval>): void
}

export const systemLockClock: LockClock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
  setInterval: (run, ms) => setInterval(run, ms),
  clearInterval: (handle) => clearInterval(handle),
}

/** How often idle time and sleep are looked for. */
export const TICK_MS = 5_000
/** The wall clock got this much further than the monotonic clock between two ticks: the computer slept. */
export const SLEEP_JUMP_MS = 30_000
/** The window's events that count as someone using it. */
export const ACTIVITY_EVENTS = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'touchstart'] as const

/** The page whose title the lock sets to "Nabo", and whose focus it gives back on unlock. */
export type LockPage = { title: string; readonly activeElement: Element | null }

/** A reminder's words: the title and the text of a notification. */
export type ReminderWords = { title: string; body: string }

export class AppLock {
  /** A PIN or passphrase is set. */
  enabled = $state(false)
  /** Idle minutes before the window locks. */
  idleMinutes = $state(5)
  /** The window is locked: the lock screen is shown, nothing else. */
  locked = $state(false)

  #lastActivity: number
  #lastWall: number
  #lastMonotonic: number
  #timer: ReturnType<typeof setInterval> | null = null
  #title = ''
  #focus: Element | null = null

  constructor(
    private readonly backend: LockBackend,
    private readonly clock: LockClock = systemLockClock,
    private readonly page: LockPage = document,
  ) {
    this.#lastActivity = this.#lastWall = clock.now()
    this.#lastMonotonic = clock.monotonic()
  }

  /** Takes the backend's view of the lock: at start, after Settings changed it, after unlocking. */
  apply(view: LockView): void {
    this.enabled = view.enabled
    this.idleMinutes = view.idle_minutes
    if (view.locked && !this.locked) this.#cover()
    else if (!view.locked && this.locked) this.#uncover()
    if (view.enabled) this.#startTicking()
    else this.#stopTicking()
  }

  /** Someone used the window: the idle time starts again. */
  activity(): void {
    this.#lastActivity = this.clock.now()
  }

  /** Locks the window now (shortcut, button, idle, sleep), when a lock is set. */
  lock(): void {
    if (!this.enabled || this.locked) return
    this.#cover()
    // The backend keeps it locked across a reload of the page; the page is covered already.
    this.backend.lockApp().catch(() => {})
  }

  /** Tries `secret`: resolves once unlocked; rejects with the backend's refusal (`lock_wrong`, `lock_wait`). */
  async unlock(secret: string): Promise<void> {
    this.apply(await this.backend.unlockApp(secret))
  }

  /** A reminder of an activity at `time`: while locked only "Nabo: en påmindelse", nothing of when. */
  reminder(time: string): ReminderWords {
    return this.locked ? { title: t('reminder-locked'), body: '' } : { title: t('app-name'), body: t('reminder-text', { time }) }
  }

  /** Listens on `target` for someone using the window; returns the function that stops listening. */
  watch(target: EventTarget): () => void {
    const seen = () => this.activity()
    for (const name of ACTIVITY_EVENTS) target.addEventListener(name, seen, { capture: true, passive: true })
    return () => {
      for (const name of ACTIVITY_EVENTS) target.removeEventListener(name, seen, { capture: true })
    }
  }

  /** Stops the timer (the window closes). */
  stop(): void {
    this.#stopTicking()
  }

  #cover(): void {
    this.#focus = this.page.activeElement
    this.#title = this.page.title
    this.page.title = t('app-name')
    this.locked = true
  }

  #uncover(): void {
    this.locked = false
    this.page.title = this.#title || t('app-name')
    this.#lastActivity = this.clock.now()
    // Back where the user was: the field that had the focus, once the screen is shown again.
    const focus = this.#focus
    this.#focus = null
    void tick().then(() => {
      if (focus instanceof HTMLElement && focus.isConnected) focus.focus()
    })
  }

  #startTicking(): void {
    if (this.#timer !== null) return
    this.#lastActivity = this.#lastWall = this.clock.now()
    this.#lastMonotonic = this.clock.monotonic()
    this.#timer = this.clock.setInterval(() => this.#tick(), TICK_MS)
  }

  #stopTicking(): void {
    if (this.#timer !== null) this.clock.clearInterval(this.#timer)
    this.#timer = null
  }

  #tick(): void {
    const wall = this.clock.now()
    const monotonic = this.clock.monotonic()
    const slept = wall - this.#lastWall - (monotonic - this.#lastMonotonic) > SLEEP_JUMP_MS
    this.#lastWall = wall
    this.#lastMonotonic = monotonic
    if (slept || wall - this.#lastActivity >= this.idleMinutes * 60_000) this.lock()
  }
}

const APP_LOCK = Symbol('nabo.appLock')

/** Makes the window's lock known to the components below (Settings' lock section). */
export function setAppLock(lock: AppLock): void {
  setContext(APP_LOCK, lock)
}

/** The window's lock; `null` outside the window (a section tested on its own). */
export function getAppLock(): AppLock | null {
  return getContext<AppLock | undefined>(APP_LOCK) ?? null
}
