// Named moments of the start-up, for benches/startup.mjs (read back with
// performance.getEntriesByType('mark'), names prefixed "nabo:"). Only the first
// time a name is marked counts, so marking in a path that runs again costs nothing.
const marked = new Set<string>()

export function mark(name: string): void {
  if (marked.has(name)) return
  marked.add(name)
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(`nabo:${name}`)
}

/**
 * Runs `run` once the page is idle: by the idle callback where there is one (at the latest a
 * second later). WebKitGTK has none: there it runs once the frame after next has begun, so
 * after the change that asked for it is painted (at the latest a second later, as in a hidden
 * window, which draws no frames). A fixed 50 ms timer did the work in the middle of that
 * paint (a frame of the month takes 40-60 ms in software), and the person waited for both.
 */
export function whenIdle(run: () => void): void {
  if (typeof window !== 'undefined' && 'requestIdleCallback' in window) {
    window.requestIdleCallback(run, { timeout: 1000 })
    return
  }
  if (typeof requestAnimationFrame !== 'function') {
    setTimeout(run, 50)
    return
  }
  let done = false
  const once = (): void => {
    if (done) return
    done = true
    run()
  }
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(once, 0)))
  setTimeout(once, 1000)
}
