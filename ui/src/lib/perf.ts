// Named moments of the start-up, for benches/startup.mjs (read back with
// performance.getEntriesByType('mark'), names prefixed "nabo:"). Only the first
// time a name is marked counts, so marking in a path that runs again costs nothing.
const marked = new Set<string>()

export function mark(name: string): void {
  if (marked.has(name)) return
  marked.add(name)
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(`nabo:${name}`)
}
