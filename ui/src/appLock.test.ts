// The app lock (issue 14, part 2): the controller locks after the idle minutes (someone using
// the window starts them again), when the computer slept, and on demand; locked, reminders say
// only "Nabo: en påmindelse". In the window: a neutral lock screen over the screen as it was,
// Ctrl+L also with a form open, a wrong PIN refused, the wait counted down, the right one back
// to the same open form. And Settings turns it on and off.
import { render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import App from './App.svelte'
import { UserError, type LockView } from './lib/backend'
import { AppLock, SLEEP_JUMP_MS, TICK_MS, type LockClock } from './lib/appLock.svelte'
import { setLanguage } from './lib/i18n.svelte'
import { createReminders } from './lib/reminders'
import { isLockShortcut } from './lib/shortcuts'
import { activity, fakeBackend } from './test/fakeBackend'
import { violations } from './test/axe'

const MINUTE = 60_000
const ON: LockView = { enabled: true, idle_minutes: 5, locked: false }

/**
 * A wall clock and a monotonic clock the test moves, on vitest's fake timers: `pass` moves
 * both (time going by), `sleep` only the wall clock (the computer was asleep).
 */
function fakeClocks() {
  let wall = Date.parse('2026-12-02T09:00:00+01:00')
  let monotonic = 1_000
  const clock: LockClock = {
    now: () => wall,
    monotonic: () => monotonic,
    setInterval: (run, ms) => setInterval(run, ms),
    clearInterval: (handle) => clearInterval(handle),
  }
  return {
    clock,
    pass(ms: number) {
      // Step by step, as the timer would see it.
      for (let left = ms; left > 0; left -= 1_000) {
        const step = Math.min(1_000, left)
        wall += step
        monotonic += step
        vi.advanceTimersByTime(step)
      }
    },
    sleep(ms: number) {
      wall += ms
    },
    /** A timer the webview held back: both clocks move, the interval fires once late. */
    throttled(ms: number) {
      wall += ms
      monotonic += ms
      vi.advanceTimersByTime(TICK_MS)
    },
  }
}

function controller() {
  const backend = { lockApp: vi.fn(async () => ({ ...ON, locked: true })), unlockApp: vi.fn(async () => ON) }
  const page = { title: 'Nabo', activeElement: null }
  const time = fakeClocks()
  const lock = new AppLock(backend, time.clock, page)
  return { lock, backend, page, time }
}

describe('the lock controller', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    setLanguage('da')
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('locks after the idle minutes, and not before; off, it never locks', () => {
    const { lock, backend, page, time } = controller()
    time.pass(60 * MINUTE)
    expect(lock.locked).toBe(false)

    lock.apply(ON)
    time.pass(4 * MINUTE + 50_000)
    expect(lock.locked).toBe(false)
    time.pass(15_000)
    expect(lock.locked).toBe(true)
    expect(backend.lockApp).toHaveBeenCalledTimes(1)
    expect(page.title).toBe('Nabo')
  })

  it('starts the idle minutes again whenever someone uses the window', () => {
    const { lock, time } = controller()
    const window = new EventTarget()
    const stop = lock.watch(window)
    lock.apply({ ...ON, idle_minutes: 2 })
    for (const event of ['pointermove', 'keydown', 'wheel', 'touchstart', 'pointerdown']) {
      time.pass(90_000)
      window.dispatchEvent(new Event(event))
    }
    expect(lock.locked).toBe(false)
    time.pass(2 * MINUTE + TICK_MS)
    expect(lock.locked).toBe(true)
    stop()
  })

  it('locks when the computer slept, even for less than the idle minutes', () => {
    const { lock, time } = controller()
    lock.apply({ ...ON, idle_minutes: 240 })
    time.pass(TICK_MS)
    time.sleep(SLEEP_JUMP_MS + TICK_MS)
    time.pass(TICK_MS)
    expect(lock.locked).toBe(true)
  })

  it('does not take a timer the webview held back for a sleep', () => {
    const { lock, time } = controller()
    lock.apply({ ...ON, idle_minutes: 240 })
    time.throttled(5 * MINUTE)
    time.pass(TICK_MS)
    expect(lock.locked).toBe(false)
  })

  it('locks on demand only when a lock is set, and unlocks with what the backend says', async () => {
    const { lock, backend, page, time } = controller()
    lock.lock()
    expect(lock.locked).toBe(false)
    lock.apply(ON)
    page.title = 'Nabo'
    lock.lock()
    expect(lock.locked).toBe(true)

    backend.unlockApp.mockRejectedValueOnce(new UserError('lock_wrong', 'secret', { seconds: '0' }))
    await expect(lock.unlock('0000')).rejects.toMatchObject({ code: 'lock_wrong' })
    expect(lock.locked).toBe(true)
    await lock.unlock('2580')
    expect(backend.unlockApp).toHaveBeenLastCalledWith('2580')
    expect(lock.locked).toBe(false)
    // The idle minutes start again at the unlock.
    time.pass(4 * MINUTE)
    expect(lock.locked).toBe(false)
  })

  it('reminds with the time when open, and only "Nabo: en påmindelse" when locked', () => {
    const { lock } = controller()
    const sent: { title: string; body: string }[] = []
    const reminders = createReminders((a) => sent.push(lock.reminder(a.start.slice(11, 16))), {
      now: () => Date.parse('2026-12-02T09:00:00+01:00'),
      setTimeout: (run, ms) => setTimeout(run, ms),
      clearTimeout: (handle) => clearTimeout(handle),
    })
    const at = (id: number, time: string) =>
      activity({ id, start: `2026-12-02T${time}:00+01:00`, end: `2026-12-02T${time.replace(/^\d\d/, (h) => String(Number(h) + 1))}:00+01:00` })
    reminders.schedule([at(1, '10:00'), at(2, '11:00')], 30)
    vi.advanceTimersByTime(30 * MINUTE)
    lock.apply(ON)
    lock.lock()
    vi.advanceTimersByTime(60 * MINUTE)
    expect(sent).toEqual([
      { title: 'Nabo', body: 'Aftale kl. 10:00' },
      { title: 'Nabo: en påmindelse', body: '' },
    ])
    setLanguage('en')
    expect(lock.reminder('12:00')).toEqual({ title: 'Nabo: a reminder', body: '' })
  })

  it('hears Ctrl+L (and Cmd+L), not L alone or with Alt or Shift', () => {
    const key = (over: Partial<KeyboardEvent>) => ({ key: 'l', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...over })
    expect(isLockShortcut(key({ ctrlKey: true }))).toBe(true)
    expect(isLockShortcut(key({ metaKey: true, key: 'L' }))).toBe(true)
    expect(isLockShortcut(key({}))).toBe(false)
    expect(isLockShortcut(key({ ctrlKey: true, altKey: true }))).toBe(false)
    expect(isLockShortcut(key({ ctrlKey: true, shiftKey: true }))).toBe(false)
    expect(isLockShortcut(key({ ctrlKey: true, key: 'k' }))).toBe(false)
  })
})

describe('the locked window', () => {
  afterEach(() => {
    setLanguage('da')
    document.title = 'Nabo'
  })

  const TODAY = '2026-12-02'
  const visit = activity({ id: 1, start: '2026-12-02T10:00:00+01:00', end: '2026-12-02T11:00:00+01:00', household: 'H-17', area: 'Gellerup' })

  it('starts locked when a lock is set, shows nothing but Nabo, and opens with the right PIN', async () => {
    const backend = fakeBackend({ today: TODAY, activities: [visit], lock: { secret: '2580', locked: true } })
    const user = userEvent.setup()
    render(App, { props: { backend } })
    const lockScreen = await screen.findByTestId('lock-screen')
    // The screen behind is there, hidden and inert; what is shown says nothing of it.
    await waitFor(() => expect(document.querySelector('[data-testid="today-screen"]')).not.toBeNull())
    const frame = document.querySelector<HTMLElement>('.frame')
    expect(frame).toHaveAttribute('hidden')
    // Svelte sets `inert` as the property where the element has one (jsdom has none).
    expect(frame?.hasAttribute('inert') || (frame as HTMLElement & { inert?: boolean }).inert).toBe(true)
    const behind = await screen.findAllByText(/H-17|Gellerup/)
    for (const element of behind) expect(element).not.toBeVisible()
    expect(lockScreen.textContent).not.toMatch(/\d/)
    expect(document.title).toBe('Nabo')
    expect(await violations()).toEqual([])

    await user.type(within(lockScreen).getByLabelText('Pinkode eller adgangsord'), '1111')
    await user.click(within(lockScreen).getByRole('button', { name: 'Lås op' }))
    expect(await screen.findByTestId('lock-failure')).toHaveTextContent('passer ikke')
    expect(screen.getByTestId('lock-screen')).toBeInTheDocument()

    await user.type(within(lockScreen).getByLabelText('Pinkode eller adgangsord'), '2580{Enter}')
    await waitFor(() => expect(screen.queryByTestId('lock-screen')).toBeNull())
    expect(document.querySelector('.frame')).not.toHaveAttribute('hidden')
    for (const element of behind) expect(element).toBeVisible()
  })

  it('counts down the wait the backend asks for, and lets no try through until it is over', async () => {
    const backend = fakeBackend({ today: TODAY, lock: { secret: '2580', locked: true } })
    backend.unlockApp.mockRejectedValueOnce(new UserError('lock_wrong', 'secret', { seconds: '2' }))
    const user = userEvent.setup()
    render(App, { props: { backend } })
    const field = await screen.findByLabelText('Pinkode eller adgangsord')
    await user.type(field, '1111{Enter}')
    expect(await screen.findByTestId('lock-wait')).toHaveTextContent('Prøv igen om 2 sekunder')
    await user.type(field, '2580')
    expect(screen.getByRole('button', { name: 'Lås op' })).toBeDisabled()
    await user.keyboard('{Enter}')
    expect(backend.unlockApp).toHaveBeenCalledTimes(1)
    await waitFor(() => expect(screen.queryByTestId('lock-wait')).toBeNull(), { timeout: 3_000 })
    await user.click(screen.getByRole('button', { name: 'Lås op' }))
    await waitFor(() => expect(screen.queryByTestId('lock-screen')).toBeNull())
  })

  it('locks with Ctrl+L over an open form, and unlocking returns to it as it was', async () => {
    const backend = fakeBackend({ today: TODAY, lock: { secret: '2580' } })
    const user = userEvent.setup()
    render(App, { props: { backend } })
    await screen.findByTestId('today-screen')
    expect(screen.getByTestId('lock-now')).toBeInTheDocument()
    await user.keyboard('n')
    const form = await screen.findByTestId('plan-form')
    const area = within(form).getByLabelText(/Område/)
    await user.type(area, 'Hasle')
    await user.keyboard('{Control>}l{/Control}')
    const lockScreen = await screen.findByTestId('lock-screen')
    expect(backend.lockApp).toHaveBeenCalled()
    expect(screen.queryByDisplayValue('Hasle')).not.toBeVisible()
    // The letters do nothing while locked: no second form, no other screen.
    await user.type(within(lockScreen).getByLabelText('Pinkode eller adgangsord'), '2580{Enter}')
    await waitFor(() => expect(screen.queryByTestId('lock-screen')).toBeNull())
    expect(screen.getByTestId('plan-form')).toBeVisible()
    expect(screen.getByDisplayValue('Hasle')).toBeVisible()
    expect(screen.getAllByTestId('plan-form')).toHaveLength(1)
  })

  it('has a lock button in the header only when a lock is set', async () => {
    const backend = fakeBackend({ today: TODAY })
    const user = userEvent.setup()
    render(App, { props: { backend } })
    await screen.findByTestId('today-screen')
    expect(screen.queryByTestId('lock-now')).toBeNull()
    await user.keyboard('{Control>}l{/Control}')
    expect(screen.queryByTestId('lock-screen')).toBeNull()
  })
})

describe('the lock in Settings', () => {
  afterEach(() => {
    setLanguage('da')
  })

  it('turns on with the PIN typed twice, and changes or turns off only with the current one', async () => {
    setLanguage('en')
    const backend = fakeBackend({ today: '2026-12-02', language: 'en' })
    const user = userEvent.setup()
    render(App, { props: { backend } })
    await screen.findByTestId('today-screen')
    await user.click(screen.getByTestId('nav-settings'))
    const section = await screen.findByTestId('lock-settings')
    expect(within(section).getByTestId('lock-settings-state')).toHaveTextContent('The lock is off.')

    await user.type(within(section).getByLabelText('PIN or passphrase'), '258')
    await user.click(within(section).getByRole('button', { name: 'Turn the lock on' }))
    expect(within(section).getByTestId('lock-settings-error')).toHaveTextContent('at least 4')
    await user.type(within(section).getByLabelText('PIN or passphrase'), '0')
    await user.type(within(section).getByLabelText('Type it again'), '2581')
    await user.click(within(section).getByRole('button', { name: 'Turn the lock on' }))
    expect(within(section).getByTestId('lock-settings-error')).toHaveTextContent('not the same')
    expect(backend.setLock).not.toHaveBeenCalled()
    await user.clear(within(section).getByLabelText('Type it again'))
    await user.type(within(section).getByLabelText('Type it again'), '2580')
    const minutes = within(section).getByLabelText(/minutes without use/)
    await user.clear(minutes)
    await user.type(minutes, '10')
    await user.click(within(section).getByRole('button', { name: 'Turn the lock on' }))
    await waitFor(() => expect(within(section).getByTestId('lock-settings-state')).toHaveTextContent('after 10 minutes'))
    expect(backend.setLock).toHaveBeenLastCalledWith('2580', 10, null)
    // The header has its lock button now.
    expect(screen.getByTestId('lock-now')).toBeInTheDocument()

    // Off needs the current PIN: a wrong one is refused next to its field.
    await user.type(within(section).getByLabelText('Current PIN or passphrase'), '1111')
    await user.click(within(section).getByRole('button', { name: 'Turn the lock off' }))
    const refused = await within(section).findByTestId('lock-settings-error')
    expect(refused).toHaveTextContent('not right')
    expect(refused).toHaveAttribute('data-field', 'current')
    await user.type(within(section).getByLabelText('Current PIN or passphrase'), '2580')
    await user.click(within(section).getByRole('button', { name: 'Turn the lock off' }))
    await waitFor(() => expect(within(section).getByTestId('lock-settings-state')).toHaveTextContent('The lock is off.'))
    expect(screen.queryByTestId('lock-now')).toBeNull()
  })
})
