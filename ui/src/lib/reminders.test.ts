import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { activity } from '../test/fakeBackend'
import { createReminders } from './reminders'

// 09:00 in Copenhagen on Wednesday 2 December 2026.
const NOW = Date.parse('2026-12-02T09:00:00+01:00')

describe('reminders', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(NOW)
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  const at10 = activity({ id: 1, start: '2026-12-02T10:00:00+01:00', end: '2026-12-02T11:00:00+01:00' })
  const at14 = activity({ id: 2, start: '2026-12-02T14:00:00+01:00', end: '2026-12-02T15:00:00+01:00' })

  it('reminds the lead time before each planned activity, once', () => {
    const remind = vi.fn()
    const reminders = createReminders(remind)
    reminders.schedule([at10, at14], 15)
    vi.advanceTimersByTime(44 * 60_000)
    expect(remind).not.toHaveBeenCalled()
    vi.advanceTimersByTime(60_000)
    expect(remind).toHaveBeenCalledTimes(1)
    expect(remind).toHaveBeenLastCalledWith(at10)
    // Scheduling again (after any change) does not repeat a reminder that was shown.
    reminders.schedule([at10, at14], 15)
    vi.advanceTimersByTime(5 * 3600_000)
    expect(remind.mock.calls.map(([a]) => a.id)).toEqual([1, 2])
  })

  it('reminds at once when the lead time has begun, and never for what has started', () => {
    const remind = vi.fn()
    const started = activity({ id: 3, start: '2026-12-02T08:30:00+01:00', end: '2026-12-02T09:30:00+01:00' })
    createReminders(remind).schedule([started, at10], 90)
    vi.advanceTimersByTime(0)
    expect(remind.mock.calls.map(([a]) => a.id)).toEqual([1])
  })

  it('skips cancelled and done activities, and does nothing when turned off', () => {
    const remind = vi.fn()
    const reminders = createReminders(remind)
    reminders.schedule([{ ...at10, status: 'cancelled' }, { ...at14, status: 'done' }], 15)
    vi.advanceTimersByTime(24 * 3600_000)
    reminders.schedule([at10, at14], 0)
    vi.advanceTimersByTime(24 * 3600_000)
    expect(remind).not.toHaveBeenCalled()
  })

  it('forgets the old plan when the activities change', () => {
    const remind = vi.fn()
    const reminders = createReminders(remind)
    reminders.schedule([at10], 15)
    reminders.schedule([at14], 15)
    vi.advanceTimersByTime(24 * 3600_000)
    expect(remind.mock.calls.map(([a]) => a.id)).toEqual([2])
  })
})
