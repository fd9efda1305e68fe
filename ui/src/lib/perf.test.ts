import { afterEach, describe, expect, it, vi } from 'vitest'
import { whenIdle } from './perf'

// WebKitGTK has no requestIdleCallback, and neither has jsdom: the fallback is what the window runs.
describe('whenIdle without an idle callback', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('runs once the frame after next has begun (the change painted), and only once', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] })
    expect('requestIdleCallback' in window).toBe(false)
    const run = vi.fn()
    whenIdle(run)
    vi.advanceTimersByTime(20)
    expect(run).not.toHaveBeenCalled()
    // The second frame began at 32 ms: run then, not on a timer of its own (which was 50 ms).
    vi.advanceTimersByTime(20)
    expect(run).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(2000)
    expect(run).toHaveBeenCalledTimes(1)
  })

  it('runs a second later in a window that draws no frames (hidden)', () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    vi.stubGlobal('requestAnimationFrame', () => 0)
    const run = vi.fn()
    whenIdle(run)
    vi.advanceTimersByTime(999)
    expect(run).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(run).toHaveBeenCalledTimes(1)
  })
})
