// The summary files in the window, against a fake Exchange: the coordinator's screen (dry
// run per file, one click to import, refusals in words, volunteers with their months and a
// new key to accept), "Send til koordinator" on Min måned, and the coordinator's card in
// Settings (compare the fingerprint, then confirm). Both languages, checked with axe.
import { render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import App from './App.svelte'
import type { CoordinatorView, SummaryImportReport, VolunteerRow } from './lib/exchange'
import { setLanguage } from './lib/i18n.svelte'
import { violations } from './test/axe'
import { fakeBackend } from './test/fakeBackend'
import { fakeExchange } from './test/fakeExchange'

vi.mock('./lib/barChart', () => ({ drawBarChart: () => ({ update: () => {}, destroy: () => {} }) }))

const FILES = ['/inbox/amina-2026-11.nabo-summary', '/inbox/sara-2026-11.nabo-summary', '/inbox/cut.nabo-summary']

function report(dryRun: boolean): SummaryImportReport {
  const file = (path: string, outcome: 'new' | 'replaces' | 'refused', extra = {}) => ({
    file: path,
    outcome,
    volunteer: null,
    period: null,
    revision: null,
    replaced: null,
    reason: null,
    detail: null,
    sha256: null,
    ...extra,
  })
  return {
    dry_run: dryRun,
    files: [
      file(FILES[0], 'new', { volunteer: 'Amina', period: '2026-11', revision: 1 }),
      file(FILES[1], 'replaces', { volunteer: 'Sara', period: '2026-11', revision: 2, replaced: 1 }),
      file(FILES[2], 'refused', { reason: 'damaged' }),
    ],
  }
}

const VOLUNTEERS: VolunteerRow[] = [
  {
    name: 'Amina',
    fingerprint: 'AAAA-BBBB-CCCC-DDDD-EEEE',
    offered_fingerprint: null,
    months: [{ period: '2026-11', revision: 1, reached: 9, new: 3 }],
    missing: ['2026-10'],
  },
  {
    name: 'Sara',
    fingerprint: 'FFFF-GGGG-HHHH-JJJJ-KKKK',
    offered_fingerprint: 'MMMM-NNNN-PPPP-QQQQ-RRRR',
    months: [],
    missing: [],
  },
]

const HANNE: CoordinatorView = {
  name: 'Hanne',
  fingerprint: 'HHHH-AAAA-NNNN-EEEE-1111',
  programme: null,
  areas: ['Gellerup'],
  venues: [{ name: 'Beboerhuset', address: 'Dortheavej 2' }],
  places: ['Beboerhuset, Dortheavej 2'],
  set: null,
}

afterEach(() => setLanguage('da'))

describe.each(['da', 'en'])('summary files in %s', (language) => {
  it('the coordinator sees a dry run per file, imports with one click, and sees her volunteers', async () => {
    const backend = fakeBackend({ language, settings: { role: 'both' } })
    let volunteers: VolunteerRow[] = []
    const exchange = fakeExchange({
      chooseOpen: () => Promise.resolve(FILES),
      importSummaries: (_paths, dryRun) => Promise.resolve(report(dryRun)),
      volunteers: () => Promise.resolve(volunteers),
    })
    const user = userEvent.setup()
    render(App, { props: { backend, exchange } })
    await screen.findByTestId('today-screen')
    await user.click(screen.getByTestId('nav-coordinator'))
    await screen.findByTestId('volunteers-empty')
    await user.click(screen.getByTestId('summaries-open'))

    const dry = await screen.findByTestId('summaries-dry-run')
    expect(exchange.importSummaries).toHaveBeenLastCalledWith(FILES, true)
    const rows = within(dry).getAllByTestId('summary-file')
    expect(rows.map((r) => r.dataset.outcome)).toEqual(['new', 'replaces', 'refused'])
    const da = language === 'da'
    expect(rows[0]).toHaveTextContent(da ? 'amina-2026-11.nabo-summary' : 'amina-2026-11.nabo-summary')
    expect(rows[0]).toHaveTextContent(da ? 'Ny' : 'New')
    expect(rows[1]).toHaveTextContent(da ? 'Erstatter version 1' : 'Replaces version 1')
    expect(rows[2]).toHaveTextContent(da ? 'filen er beskadiget eller afkortet' : 'the file is damaged or cut short')
    expect(await violations()).toEqual([])

    volunteers = VOLUNTEERS
    const button = screen.getByTestId('summaries-import')
    expect(button).toHaveTextContent(da ? 'Indlæs 2 filer' : 'Import 2 files')
    await user.click(button)
    expect(exchange.importSummaries).toHaveBeenLastCalledWith(FILES, false)
    await screen.findByTestId('summaries-result')
    expect(screen.getByTestId('summaries-refused')).toHaveTextContent(da ? '1 fil blev afvist' : '1 file was refused')

    const table = await screen.findByTestId('volunteers-table')
    const amina = within(table).getAllByTestId('volunteer-row')[0]
    expect(amina).toHaveTextContent('AAAA-BBBB-CCCC-DDDD-EEEE')
    expect(amina).toHaveTextContent(da ? '9 nået, 3 nye (version 1)' : '9 reached, 3 new (version 1)')
    expect(amina).toHaveTextContent(da ? 'oktober 2026' : 'October 2026')
    const sara = within(table).getAllByTestId('volunteer-row')[1]
    expect(within(sara).getByTestId('volunteer-offered')).toHaveTextContent('MMMM-NNNN-PPPP-QQQQ-RRRR')
    exchange.acceptVolunteerKey.mockResolvedValue('MMMM-NNNN-PPPP-QQQQ-RRRR')
    await user.click(within(sara).getByTestId('volunteer-accept'))
    expect(exchange.acceptVolunteerKey).toHaveBeenCalledWith('Sara')
    expect(await screen.findByTestId('volunteers-status')).toHaveTextContent('MMMM-NNNN-PPPP-QQQQ-RRRR')
    expect(await violations()).toEqual([])
  })

  it('a volunteer compares the coordinator\'s fingerprint before she is set, then sends a month to her', async () => {
    const backend = fakeBackend({ language, today: '2026-12-02' })
    let coordinator: CoordinatorView | null = null
    const exchange = fakeExchange({
      coordinator: () => Promise.resolve(coordinator),
      chooseOpen: () => Promise.resolve(['/mail/hanne.nabo-card']),
      readCoordinatorCard: () => Promise.resolve(HANNE),
      setCoordinator: () => Promise.resolve((coordinator = { ...HANNE, set: '2026-12-02T09:00:00Z' })),
      chooseSave: () => Promise.resolve('/out/amina-2026-12.nabo-summary'),
      exportSummary: () =>
        Promise.resolve({ period: '2026-12', revision: 1, sha256: 'cd'.repeat(32), encrypted_to: { name: 'Hanne', fingerprint: HANNE.fingerprint }, reached: 0 }),
    })
    const user = userEvent.setup()
    render(App, { props: { backend, exchange } })
    await screen.findByTestId('today-screen')
    await user.click(screen.getByTestId('nav-settings'))
    expect(await screen.findByTestId('identity-fingerprint')).toHaveTextContent('ABCD-EFGH-JKMN-PQRS-TVWX')
    await screen.findByTestId('coordinator-none')
    await user.click(screen.getByTestId('coordinator-open'))
    const compare = await screen.findByTestId('coordinator-compare')
    expect(compare).toHaveTextContent('HHHH-AAAA-NNNN-EEEE-1111')
    expect(exchange.setCoordinator).not.toHaveBeenCalled()
    expect(await violations()).toEqual([])
    await user.click(within(compare).getByTestId('coordinator-confirm'))
    expect(exchange.setCoordinator).toHaveBeenCalledWith('/mail/hanne.nabo-card')
    expect(await screen.findByTestId('coordinator-current')).toHaveTextContent('Beboerhuset, Dortheavej 2')

    await user.click(screen.getByTestId('nav-month'))
    const send = await screen.findByTestId('summary-send')
    expect(screen.getByTestId('summary-state')).toHaveTextContent(language === 'da' ? 'ikke sendt endnu' : 'not been sent yet')
    await user.click(send)
    expect(exchange.exportSummary).toHaveBeenCalledWith('2026-12', '/out/amina-2026-12.nabo-summary', false)
    await waitFor(() => expect(screen.getByTestId('summary-status')).toHaveTextContent('Hanne'))
    expect(await violations()).toEqual([])
  })

  it('summary files dropped on the coordinator\'s screen get a dry run there, not the calendar import', async () => {
    const backend = fakeBackend({ language, settings: { role: 'coordinator' } })
    const exchange = fakeExchange({ importSummaries: (_paths, dryRun) => Promise.resolve(report(dryRun)) })
    const user = userEvent.setup()
    render(App, { props: { backend, exchange } })
    await screen.findByTestId('today-screen')
    await user.click(screen.getByTestId('nav-coordinator'))
    await screen.findByTestId('volunteers-empty')
    await waitFor(() => expect(backend.onFileDrop).toHaveBeenCalledTimes(2))
    backend.dropFiles({ type: 'over' })
    backend.dropFiles({ type: 'drop', paths: FILES })
    await screen.findByTestId('summaries-dry-run')
    expect(exchange.importSummaries).toHaveBeenCalledWith(FILES, true)
    expect(screen.queryByTestId('import-dialog')).toBeNull()
    expect(backend.importIcs).not.toHaveBeenCalled()
  })

  it('without a coordinator a readable file is written only after a warning', async () => {
    const backend = fakeBackend({ language, today: '2026-12-02' })
    const exchange = fakeExchange({
      chooseSave: () => Promise.resolve('/out/x.nabo-summary'),
      exportSummary: () => Promise.resolve({ period: '2026-12', revision: 1, sha256: 'cd'.repeat(32), encrypted_to: null, reached: 0 }),
    })
    const user = userEvent.setup()
    render(App, { props: { backend, exchange } })
    await screen.findByTestId('today-screen')
    await user.click(screen.getByTestId('nav-month'))
    await user.click(await screen.findByTestId('summary-plain'))
    expect(exchange.exportSummary).not.toHaveBeenCalled()
    await user.click(screen.getByTestId('summary-send-plain'))
    expect(exchange.exportSummary).toHaveBeenCalledWith('2026-12', '/out/x.nabo-summary', true)
    expect(await screen.findByTestId('summary-status')).toHaveTextContent(language === 'da' ? 'som alle kan læse' : 'readable by anyone')
  })
})
