import '@testing-library/jest-dom/vitest'

// jsdom has no ResizeObserver (chart.js watches its canvas with one).
class NoopObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
  takeRecords(): [] {
    return []
  }
}
globalThis.ResizeObserver ??= NoopObserver as unknown as typeof ResizeObserver
// Everything is in view in jsdom (it has no layout): an observed element is reported visible
// at once, so that what is drawn on coming into view (the bar charts) is drawn.
class VisibleObserver {
  constructor(private readonly seen: IntersectionObserverCallback) {}
  observe(target: Element): void {
    queueMicrotask(() =>
      this.seen([{ isIntersecting: true, target } as IntersectionObserverEntry], this as unknown as IntersectionObserver),
    )
  }
  unobserve(): void {}
  disconnect(): void {}
  takeRecords(): [] {
    return []
  }
}
globalThis.IntersectionObserver ??= VisibleObserver as unknown as typeof IntersectionObserver
