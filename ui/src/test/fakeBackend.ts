// A Backend for component tests: in-memory, every method a spy.
import { vi, type Mock } from 'vitest'
import type { ActivityView, AppInfo, Backend, PlanOutcome, PlanRequest } from '../lib/backend'

export type FakeBackend = {
  [K in keyof Backend]: Mock<Backend[K]>
}

export function activity(partial: Partial<ActivityView> & Pick<ActivityView, 'id' | 'start' | 'end'>): ActivityView {
  return {
    kind: 'home_visit',
    status: 'planned',
    title: null,
    area: 'Gellerup',
    household: null,
    venue: null,
    theme: null,
    note: null,
    programme: null,
    languages: [],
    conflicts: [],
    ...partial,
  }
}

export function fakeBackend(
  options: { today?: string; language?: string; activities?: ActivityView[]; outcome?: PlanOutcome } = {},
): FakeBackend {
  const info: AppInfo = {
    database_path: '/tmp/nabo-test.db',
    today: options.today ?? '2026-12-02',
    language: options.language ?? 'da',
  }
  const stored = options.activities ?? []
  return {
    appInfo: vi.fn<Backend['appInfo']>(async () => info),
    listActivities: vi.fn<Backend['listActivities']>(async (from: string, to: string) =>
      // Filtering by the date part is what the Rust side does for Copenhagen offsets.
      stored.filter((a) => a.start.slice(0, 10) >= from && a.start.slice(0, 10) <= to),
    ),
    planActivity: vi.fn<Backend['planActivity']>(
      async (_request: PlanRequest) => options.outcome ?? { id: 99, conflicts: [], notices: [] },
    ),
    cancelActivity: vi.fn<Backend['cancelActivity']>(async (id: number) => {
      const found = stored.find((a) => a.id === id)
      if (!found) throw new Error('not found')
      return { ...found, status: 'cancelled' }
    }),
    deleteActivity: vi.fn<Backend['deleteActivity']>(async () => undefined),
  }
}
