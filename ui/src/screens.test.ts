// Every screen in both languages: no serious or critical axe-core violations,
// and no raw translation key ever reaches the screen.
import { render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import App from './App.svelte'
import { setLanguage } from './lib/i18n.svelte'
import { violations } from './test/axe'
import { activity, busy, fakeBackend, type FakeBackend } from './test/fakeBackend'

// jsdom has no canvas; the chart's text alternative is what is checked here.
vi.mock('./lib/barChart', () => ({ drawBarChart: () => ({ update: () => {}, destroy: () => {} }) }))

const ACTIVITIES = [
  activity({ id: 1, start: '2026-12-01T10:00:00+01:00', end: '2026-12-01T11:00:00+01:00', household: 'H-1', conflicts: [2] }),
  activity({ id: 2, kind: 'group_meeting', title: 'Kvindecafé', venue: 'Beboerhuset', theme: 'Sundhed', start: '2026-12-01T10:30:00+01:00', end: '2026-12-01T12:00:00+01:00', conflicts: [1] }),
  activity({ id: 3, kind: 'outreach', start: '2026-12-03T13:00:00+01:00', end: '2026-12-03T15:00:00+01:00', status: 'cancelled', example: true }),
  activity({ id: 5, kind: 'group_meeting', occurrence: '2026-12-02T17:00:00+01:00', rrule: 'FREQ=WEEKLY;BYDAY=WE;COUNT=8', start: '2026-12-02T17:00:00+01:00', end: '2026-12-02T19:00:00+01:00', venue: 'Huset', theme: 'Skole' }),
  activity({ id: 4, kind: 'network_meeting', start: '2026-12-04T09:00:00+01:00', end: '2026-12-04T10:00:00+01:00', status: 'done', busy_conflicts: ['busy:Arbejde:vagt@2026-12-04T08:30:00+01:00'] }),
]

// Busy time from other calendars: timed (over activity 4), all-day, and free.
const BUSY = [
  busy({ uid: 'vagt', title: 'Vagt', start: '2026-12-04T08:30:00+01:00', end: '2026-12-04T12:00:00+01:00' }),
  busy({ uid: 'kursus', source: 'Familie', title: 'Kursus', start: '2026-12-02T00:00:00+01:00', end: '2026-12-03T00:00:00+01:00', all_day: true }),
  busy({ uid: 'fest', source: 'Familie', title: 'Fest', start: '2026-12-05T00:00:00+01:00', end: '2026-12-06T00:00:00+01:00', all_day: true, free: true }),
]
const SOURCES = [{ name: 'Arbejde', imported: '2026-11-28T20:15:00+01:00', entries: 40 }]

type Screen = { name: string; show: (user: ReturnType<typeof userEvent.setup>, backend: FakeBackend) => Promise<void> }

const SCREENS: Screen[] = [
  { name: 'start screen', show: async () => void (await screen.findByTestId('overdue-list')) },
  {
    name: 'week',
    show: async (user) => {
      await user.click(screen.getByTestId('nav-calendar'))
      await waitFor(() => expect(screen.getAllByTestId('activity').length).toBeGreaterThan(0))
    },
  },
  {
    name: 'month',
    show: async (user) => {
      await user.click(screen.getByTestId('nav-calendar'))
      await user.click(await screen.findByTestId('mode-month'))
      // The month and the list come in a chunk of their own, transformed on first use here.
      await waitFor(() => expect(screen.getAllByTestId('activity').length).toBeGreaterThan(0), { timeout: 10_000 })
    },
  },
  {
    name: 'agenda list',
    show: async (user) => {
      await user.click(screen.getByTestId('nav-calendar'))
      await user.click(await screen.findByTestId('mode-agenda'))
      await waitFor(() => expect(screen.getAllByTestId('activity').length).toBeGreaterThan(0), { timeout: 10_000 })
    },
  },
  { name: 'plan form', show: async (user) => void (await user.keyboard('m')) },
  {
    name: 'plan form with a series',
    show: async (user) => {
      await user.keyboard('m')
      await user.selectOptions(screen.getByRole('combobox', { name: /Gentag|Repeat/ }), 'weekly')
      await waitFor(() => expect(screen.getByTestId('repeat-editor').dataset.frequency).toBe('weekly'))
    },
  },
  {
    name: 'edit form',
    show: async (user) => {
      const [first] = await screen.findAllByRole('button', { name: /10:00–11:00/ })
      await user.click(first)
      await screen.findByTestId('current-status')
    },
  },
  {
    name: 'counts form',
    show: async (user) => {
      await user.click(within(await screen.findByTestId('overdue-list')).getAllByTestId('quick-done')[0])
      await screen.findByTestId('counts-form')
    },
  },
  {
    name: 'counts form with errors',
    show: async (user) => {
      await user.click(within(await screen.findByTestId('overdue-list')).getAllByTestId('quick-done')[0])
      await screen.findByTestId('counts-form')
      await user.type(screen.getByRole('spinbutton', { name: /Personer nået|People reached/ }), '1')
      await user.type(screen.getByRole('spinbutton', { name: /Kvinder|Women/ }), '3')
      await user.click(screen.getByTestId('counts-save'))
      await screen.findByTestId('counts-check-summary')
    },
  },
  {
    name: 'my month',
    show: async (user) => {
      await user.click(screen.getByTestId('nav-month'))
      await screen.findByTestId('mymonth-topic-chart')
    },
  },
  {
    name: 'settings',
    show: async (user) => {
      await user.click(screen.getByTestId('nav-settings'))
      await screen.findByTestId('busy-source')
    },
  },
  {
    name: 'busy time opened in the week',
    show: async (user) => {
      await user.click(screen.getByTestId('nav-calendar'))
      const [first] = await screen.findAllByTestId('busy')
      first.closest<HTMLElement>('.wk-entry')!.focus()
      await user.keyboard('{Enter}')
      await screen.findByTestId('busy-popover')
    },
  },
  {
    name: 'import dialog',
    show: async (user) => {
      await user.click(screen.getByTestId('nav-settings'))
      await user.click(await screen.findByTestId('busy-import'))
      await screen.findByTestId('import-summary')
    },
  },
  {
    name: 'a refused calendar file',
    show: async (user, backend) => {
      backend.importIcs.mockRejectedValueOnce({ code: 'import_malformed', field: null, args: { path: '/tmp/x.ics', line: '3', reason: 'x' } })
      await user.click(screen.getByTestId('nav-settings'))
      await user.click(await screen.findByTestId('busy-import'))
      await screen.findByTestId('import-error')
    },
  },
  {
    name: 'removing an imported calendar',
    show: async (user) => {
      await user.click(screen.getByTestId('nav-settings'))
      await user.click(await screen.findByTestId('busy-remove'))
      await screen.findByTestId('busy-remove-yes')
    },
  },
]

const COUNTS = { '4': { reached: 6, new: 2, 'topic.health': 4, 'topic.other': 1, 'referral.red': 1 } }

// A key shaped like ours (kind-home_visit, form-label-area, …) left untranslated.
const RAW_KEY = /\b(?:app|header|nav|today|calendar|week|month|agenda|activity|kind|status|programme|role|field|form|discreet|plan|edit|conflict|message|follow-up|reminder|examples?|welcome|settings|error|notice|repeat|calfile|counts|mymonth|busy|busycal|import)-[a-z_-]+\b/

function rawKeys(): string[] {
  const text = document.body.innerText ?? document.body.textContent ?? ''
  const labels = [...document.querySelectorAll('[aria-label]')].map((el) => el.getAttribute('aria-label') ?? '')
  return [text, ...labels].flatMap((t) => t.match(RAW_KEY) ?? [])
}

afterEach(() => {
  setLanguage('da')
})

describe.each(['da', 'en'])('every screen in %s', (language) => {
  it.each(SCREENS)('$name is accessible and fully translated', async ({ show }) => {
    const backend = fakeBackend({ language, activities: ACTIVITIES, busy: BUSY, sources: SOURCES, today: '2026-12-02', counts: COUNTS })
    const user = userEvent.setup()
    render(App, { props: { backend } })
    await screen.findByTestId('today-screen')
    await show(user, backend)
    expect(await violations()).toEqual([])
    expect(rawKeys()).toEqual([])
  })

  it('the welcome is accessible and fully translated', async () => {
    const backend = fakeBackend({ language, settings: { onboarded: false } })
    render(App, { props: { backend } })
    await screen.findByTestId('welcome')
    expect(await violations()).toEqual([])
    expect(rawKeys()).toEqual([])
  })
})
