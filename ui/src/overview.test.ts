// The coordinator's overview against a fake Exchange: key figures, a target behind pace with
// its numbers, a target set from the form, the volunteers × months grid with a missing month
// and one volunteer's months on a click, a chart saved as SVG, and a report exported with the
// period's months. Both languages, checked with axe.
import { render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import App from './App.svelte'
import type { GridVolunteer, OverviewView, TargetView } from './lib/exchange'
import { setLanguage } from './lib/i18n.svelte'
import { violations } from './test/axe'
import { fakeBackend } from './test/fakeBackend'
import { fakeExchange } from './test/fakeExchange'

vi.mock('./lib/barChart', () => ({
  drawBarChart: () => ({ update: () => {}, destroy: () => {} }),
  barsToSvg: (title: string) => `<svg><title>${title}</title></svg>`,
}))

const BEHIND: TargetView = {
  id: 1,
  measure: 'reached',
  period: '2026',
  count: 400,
  share: null,
  of: null,
  progress: { actual: 350, of: null, share: null, done: 0.875, due: 334 / 365, expected: 366.03, behind: true, met: false },
}

function overview(period: string, targets: TargetView[]): OverviewView {
  const months = ['2026-10', '2026-11', '2026-12'].map((p, i) => ({
    period: p,
    due: p < '2026-12',
    summaries: i === 2 ? 0 : 2,
    reached: [120, 95, 0][i],
    new: [30, 21, 0][i],
    held: [40, 33, 0][i],
  }))
  return {
    period,
    totals: { reached: 215, new: 51, 'gender.women': 150, 'gender.unknown': 65 },
    held: 73,
    cancelled: 4,
    months,
    areas: [
      { area: 'Gellerup', reached: 180, new: 40 },
      { area: null, reached: 35, new: 11 },
    ],
    kinds: [{ kind: 'home_visit', held: 60, cancelled: 3, reached: 150 }],
    targets,
  }
}

function grid(): GridVolunteer[] {
  return [
      {
        name: 'Amina',
        months: [
          { period: '2026-10', revision: 1, reached: 70, new: 20 },
          { period: '2026-11', revision: 2, reached: 50, new: 9 },
        ],
        missing: [],
      },
      {
        name: 'Sara',
        months: [{ period: '2026-10', revision: 1, reached: 50, new: 10 }],
        missing: ['2026-11'],
      },
  ]
}

afterEach(() => setLanguage('da'))

describe.each(['da', 'en'])('the coordinator overview in %s', (language) => {
  it('shows the figures, a target behind pace, the grid, and exports a report and a chart', async () => {
    const da = language === 'da'
    const backend = fakeBackend({ language, today: '2026-12-04', settings: { role: 'coordinator' } })
    let targets: TargetView[] = [BEHIND]
    const exchange = fakeExchange({
      overview: (period) => Promise.resolve(overview(period, targets)),
      volunteerGrid: () => Promise.resolve(grid()),
      setTarget: (measure, period) => {
        const set = { ...BEHIND, id: targets.length + 1, measure, period, count: 12 }
        targets = [...targets, set]
        return Promise.resolve(set)
      },
      removeTarget: (id) => {
        targets = targets.filter((t) => t.id !== id)
        return Promise.resolve()
      },
      chooseSave: (kind) => Promise.resolve(`/out/file.${kind}`),
      exportReport: () => Promise.resolve({ path: '/out/file.xlsx', rows: 2, cols: 3, primary: 2, secondary: 2 }),
      saveChart: () => Promise.resolve(),
    })
    const user = userEvent.setup()
    render(App, { props: { backend, exchange } })
    await screen.findByTestId('today-screen')
    await user.click(screen.getByTestId('nav-coordinator'))

    expect(await screen.findByTestId('figure-reached')).toHaveTextContent('215')
    expect(exchange.overview).toHaveBeenCalledWith('2026')
    // Asked for once, and its grid once (the scheme coming in asked for both again).
    await screen.findAllByTestId('grid-row')
    expect(exchange.overview).toHaveBeenCalledTimes(1)
    expect(exchange.volunteerGrid).toHaveBeenCalledTimes(1)
    const target = (await screen.findAllByTestId('target'))[0]
    expect(target.dataset.behind).toBe('true')
    expect(within(target).getByTestId('target-state')).toHaveTextContent(da ? 'Bagud' : 'Behind pace')
    expect(within(target).getByTestId('target-text')).toHaveTextContent(
      da ? '350 af 400 (87,5 %) · forventet nu 366' : '350 of 400 (87.5 %) · expected by now 366',
    )

    // A quarter: the overview is asked for again.
    await user.selectOptions(screen.getByTestId('overview-span'), 'quarter')
    expect(exchange.overview).toHaveBeenLastCalledWith('2026-Q4')

    // A target from the form.
    await user.selectOptions(screen.getByTestId('target-measure'), 'held.group_meeting')
    await user.clear(screen.getByTestId('target-count'))
    await user.type(screen.getByTestId('target-count'), '12')
    await user.click(screen.getByTestId('target-add'))
    expect(exchange.setTarget).toHaveBeenCalledWith('held.group_meeting', '2026-Q4', { count: 12 })
    // Put in the list from the answer, in the backend's order (by period: 2026-Q4 after 2026),
    // without the overview or its grid asked for again.
    const asked = [vi.mocked(exchange.overview).mock.calls.length, vi.mocked(exchange.volunteerGrid).mock.calls.length]
    await waitFor(() => expect(screen.getAllByTestId('target')).toHaveLength(2))
    const targetNames = () => screen.getAllByTestId('target').map((el) => el.querySelector('strong')?.textContent)
    expect(targetNames()).toEqual(da ? ['Personer nået · 2026', 'Gruppemøde: holdt · 2026 K4'] : ['People reached · 2026', 'Group meeting: held · 2026 Q4'])
    // One for an earlier year goes first.
    await user.type(screen.getByTestId('target-period'), '2025')
    await user.click(screen.getByTestId('target-add'))
    await waitFor(() => expect(screen.getAllByTestId('target')).toHaveLength(3))
    expect(targetNames()[0]).toBe(da ? 'Gruppemøde: holdt · 2025' : 'Group meeting: held · 2025')
    // Removed: gone from the list, nothing asked for again either.
    await user.click(within(screen.getAllByTestId('target')[1]).getByTestId('target-remove'))
    expect(exchange.removeTarget).toHaveBeenCalledWith(1)
    await waitFor(() => expect(screen.getAllByTestId('target')).toHaveLength(2))
    expect(targetNames()).toEqual(da ? ['Gruppemøde: holdt · 2025', 'Gruppemøde: holdt · 2026 K4'] : ['Group meeting: held · 2025', 'Group meeting: held · 2026 Q4'])
    expect([vi.mocked(exchange.overview).mock.calls.length, vi.mocked(exchange.volunteerGrid).mock.calls.length]).toEqual(asked)

    // The grid: Sara's November is missing; Amina's months on a click.
    const table = screen.getByTestId('volunteer-grid')
    const rows = await within(table).findAllByTestId('grid-row')
    // A volunteer with a missing month comes first.
    expect(rows.map((r) => r.dataset.name)).toEqual(['Sara', 'Amina'])
    const sara = rows[0]
    expect(within(sara).getByTestId('grid-missing')).toHaveTextContent(da ? 'mangler' : 'missing')
    await user.click(within(rows[1]).getByTestId('grid-volunteer'))
    const drill = await screen.findByTestId('volunteer-drill')
    expect(drill).toHaveTextContent(da ? 'Aminas måneder' : "Amina's months")
    expect(within(drill).getAllByRole('row')).toHaveLength(3)

    // A chart as SVG, and the report.
    await user.click(screen.getByTestId('overview-chart-months-svg'))
    expect(exchange.saveChart).toHaveBeenCalledWith('/out/file.svg', 'svg', expect.stringContaining('<svg>'))
    await user.selectOptions(screen.getByTestId('report-rows'), 'area')
    await user.selectOptions(screen.getByTestId('report-cols'), 'gender')
    await user.click(screen.getByTestId('report-export'))
    expect(exchange.exportReport).toHaveBeenCalledWith(
      { from: '2026-10', to: '2026-12', rows: 'area', cols: 'gender', measure: 'reached', min_cell: 5 },
      'xlsx',
      '/out/file.xlsx',
    )
    expect(await screen.findByTestId('overview-status')).toHaveTextContent('/out/file.xlsx')
    expect(await violations()).toEqual([])
  })
})

describe('the volunteers × months grid of a national year', () => {
  it('shows 40 first; shown all, it draws only the rows in view of its own scrolling box, and the rest as they scroll in', async () => {
    const backend = fakeBackend({ language: 'da', today: '2026-12-04', settings: { role: 'coordinator' } })
    const many: GridVolunteer[] = Array.from({ length: 300 }, (_, i) => ({
      name: `Frivillig ${String(i + 1).padStart(3, '0')}`,
      months: [{ period: '2026-10', revision: 1, reached: i, new: 1 }],
      missing: i === 299 ? ['2026-11'] : [],
    }))
    const exchange = fakeExchange({
      overview: (period) => Promise.resolve(overview(period, [])),
      volunteerGrid: () => Promise.resolve(many),
    })
    const user = userEvent.setup()
    render(App, { props: { backend, exchange } })
    await screen.findByTestId('today-screen')
    await user.click(screen.getByTestId('nav-coordinator'))
    const table = await screen.findByTestId('volunteer-grid')
    const names = () => within(table).getAllByTestId('grid-row').map((r) => r.dataset.name)
    await within(table).findAllByTestId('grid-row')
    // The one with a missing month first, then by name; 40 until "Vis alle 300".
    expect(names()).toHaveLength(40)
    expect(names()[0]).toBe('Frivillig 300')
    expect(names()[1]).toBe('Frivillig 001')
    await user.click(within(table).getByTestId('grid-all'))

    const box = within(table).getByTestId('grid-box')
    expect(box.querySelector('table')).toHaveAttribute('aria-rowcount', '301')
    const drawn = names().length
    expect(drawn).toBeGreaterThan(0)
    expect(drawn).toBeLessThan(100)
    expect(within(table).queryByTestId('grid-all')).toBeNull()
    // Scrolled to the end (34 px a row here, where nothing is laid out): the last rows are drawn, the first are not.
    box.scrollTop = 300 * 34
    box.dispatchEvent(new Event('scroll'))
    await vi.waitFor(() => expect(names()).toContain('Frivillig 299'))
    expect(names()).not.toContain('Frivillig 001')
    const last = within(table).getAllByTestId('grid-row').at(-1)
    expect(last).toHaveAttribute('aria-rowindex', '301')
    expect(names().length).toBeLessThan(100)
    expect(await violations()).toEqual([])
  })
})
