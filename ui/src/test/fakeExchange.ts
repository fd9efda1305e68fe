// An Exchange for component tests: a coordinator with no volunteers yet and a volunteer with
// no coordinator, every method a spy that a test can check or replace.
import { vi, type Mock } from 'vitest'
import type { Exchange, KeyView } from '../lib/exchange'

export type FakeExchange = {
  [K in keyof Exchange]: Mock<Exchange[K]>
}

const KEY: KeyView = {
  role: 'volunteer',
  name: 'Amina',
  public_key: 'A'.repeat(43) + '=',
  fingerprint: 'ABCD-EFGH-JKMN-PQRS-TVWX',
  encryption_recipient: null,
}

export function fakeExchange(overrides: Partial<Exchange> = {}): FakeExchange {
  const refused = (): Promise<never> => Promise.reject(new Error('not in this test'))
  const base: Exchange = {
    keyView: () => Promise.resolve(KEY),
    exportCard: () => Promise.resolve(KEY),
    readCoordinatorCard: refused,
    setCoordinator: refused,
    coordinator: () => Promise.resolve(null),
    exportSummary: refused,
    sentMonths: () => Promise.resolve([]),
    importSummaries: (_paths, dryRun) => Promise.resolve({ dry_run: dryRun, files: [] }),
    volunteers: () => Promise.resolve([]),
    acceptVolunteerKey: refused,
    writeReceipt: refused,
    checkReceipt: refused,
    overview: refused,
    volunteerGrid: () => Promise.resolve([]),
    setTarget: refused,
    removeTarget: refused,
    exportReport: refused,
    saveChart: refused,
    chooseSave: () => Promise.resolve(null),
    chooseOpen: () => Promise.resolve([]),
    ...overrides,
  }
  return Object.fromEntries(Object.entries(base).map(([k, f]) => [k, vi.fn(f)])) as unknown as FakeExchange
}
