// Named moments of the start-up, for benches/startup.mjs (read back with
// performance.getEntriesByType('mark'), names prefixed "nabo:"). Only the first
// time a name is marked counts, so marking in a path that runs again costs nothing.
const marked = new Set<string>()

export function mark(name: string): void {
  if (marked.has(name)) return
  marked.add(name)
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(`nabo:${name}`)
}

/** Runs `run` once the page is idle (at the latest a second later), or soon where there is no idle callback. */
export function whenIdle(run: () => void): void {
  if (typeof window !== 'undefined' && 'requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 1000 })
  else setTimeout(run, 50)
}
