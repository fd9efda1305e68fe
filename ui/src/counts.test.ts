// The counts dialog (after marking done, and later from the activity) and "Min måned",
// through the whole App with the fake backend, by keyboard where a person would.
import { render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import App from './App.svelte'
import { UserError } from './lib/backend'
import { setLanguage } from './lib/i18n.svelte'
import { activity, fakeBackend, type FakeBackend } from './test/fakeBackend'

// jsdom has no canvas: the chart module is replaced by one that remembers what it was given.
const drawn = vi.hoisted(() => [] as { labels: string[]; values: number[] }[])
vi.mock('./lib/barChart', () => ({
  drawBarChart: (_canvas: HTMLCanvasElement, bars: { label: string; value: number }[]) => {
    drawn.push({ labels: bars.map((b) => b.label), values: bars.map((b) => b.value) })
    return { update: () => {}, destroy: () => {} }
  },
}))

const TODAY = '2026-12-02'
const visit = activity({ id: 8, start: '2026-12-01T10:00:00+01:00', end: '2026-12-01T11:00:00+01:00', household: 'H-8' })

async function open(backend: FakeBackend) {
  const user = userEvent.setup()
  render(App, { props: { backend } })
  await screen.findByTestId('today-screen')
  return user
}

async function markDoneFromStart(user: ReturnType<typeof userEvent.setup>) {
  const overdue = await screen.findByTestId('overdue-list')
  await user.click(within(overdue).getByTestId('quick-done'))
  return screen.findByTestId('counts-form')
}

/** Opens activity `id`'s dialog from the week, by keyboard. */
async function openFromCalendar(user: ReturnType<typeof userEvent.setup>, id: number) {
  await user.click(screen.getByTestId('nav-calendar'))
  await waitFor(() => expect(screen.getByTestId('week-view')).toHaveAttribute('aria-busy', 'false'))
  const card = screen.getAllByTestId('activity').find((el) => el.dataset.id === String(id))!
  card.closest<HTMLElement>('[role="button"]')!.focus()
  await user.keyboard('{Enter}')
}

const remainderOf = (key: string) =>
  screen.getAllByTestId('counts-remainder').find((el) => el.dataset.key === key)!.querySelector('output')!

afterEach(() => {
  setLanguage('da')
  drawn.length = 0
})

describe('counts after marking done', () => {
  it('opens when a past visit is marked done, is filled by keyboard, and records and marks done in one step', async () => {
    const backend = fakeBackend({ today: TODAY, activities: [visit] })
    const user = await open(backend)
    const form = await markDoneFromStart(user)
    // Discretion: the kind and the time, never the household label.
    expect(screen.getByTestId('counts-about')).toHaveTextContent('Besøg')
    expect(screen.getByTestId('counts-about')).not.toHaveTextContent('H-8')

    const reached = screen.getByLabelText('Personer nået')
    await waitFor(() => expect(reached).toHaveFocus())
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}{ArrowUp}')
    expect(reached).toHaveValue(4)
    await user.keyboard('{ArrowDown}')
    expect(reached).toHaveValue(3)
    await user.click(screen.getByRole('button', { name: 'Én mere: Personer nået' }))
    expect(reached).toHaveValue(4)

    // From the "more" button on: the "fewer" button of new contacts is disabled at 0.
    await user.tab()
    expect(screen.getByLabelText('Heraf nye kontakter')).toHaveFocus()
    await user.keyboard('{ArrowUp}')

    // The unknown bucket is the live remainder.
    const gender = within(form).getAllByTestId('counts-group').find((el) => el.dataset.key === 'gender')!
    expect(remainderOf('gender.unknown')).toHaveTextContent('4')
    await user.type(within(gender).getByLabelText('Kvinder'), '3')
    expect(remainderOf('gender.unknown')).toHaveTextContent('1')
    expect(remainderOf('age.unknown')).toHaveTextContent('4')
    await user.type(screen.getByLabelText('Sundhed'), '2')
    await user.type(screen.getByLabelText('Sabaah'), '1')

    // Live totals.
    const totals = screen.getByTestId('counts-totals')
    expect(within(totals).getByText('4')).toBeInTheDocument()
    expect(totals).toHaveTextContent('Emner talt om2')
    expect(totals).toHaveTextContent('Henvist til1')

    await user.click(screen.getByTestId('counts-save'))
    expect(backend.recordCounts).toHaveBeenCalledTimes(1)
    const [id, occurrence, sent] = backend.recordCounts.mock.calls[0]
    expect([id, occurrence]).toEqual([8, null])
    expect(sent).toMatchObject({ reached: 4, new: 1, 'gender.women': 3, 'gender.unknown': 1, 'topic.health': 2, 'referral.sabaah': 1 })
    expect(Object.keys(sent).some((k) => k.startsWith('age.'))).toBe(false)
    expect(backend.setStatus).not.toHaveBeenCalled()

    await waitFor(() => expect(screen.queryByTestId('counts-form')).toBeNull())
    expect(screen.getByTestId('toast')).toHaveTextContent('Markeret: Gennemført. Tallene er gemt.')
    // Then the follow-up offer, as before.
    expect(await screen.findByTestId('follow-up-offer')).toHaveTextContent('Plan opfølgning?')
  })

  it('shows a breakdown that adds up to too many in red with the numbers, and sends nothing', async () => {
    const backend = fakeBackend({ today: TODAY, activities: [visit] })
    const user = await open(backend)
    const form = await markDoneFromStart(user)
    const reached = screen.getByLabelText('Personer nået')
    await user.type(reached, '2')
    const gender = within(form).getAllByTestId('counts-group').find((el) => el.dataset.key === 'gender')!
    const women = within(gender).getByLabelText('Kvinder')
    await user.type(women, '2')
    await user.type(within(gender).getByLabelText('Mænd'), '1')
    expect(remainderOf('gender.unknown')).toHaveTextContent('-1')
    expect(within(gender).getByTestId('counts-error')).toHaveTextContent('Der er én for meget: tallene giver 3, men I nåede 2.')
    expect(women).toHaveAttribute('aria-invalid', 'true')
    expect(women).toHaveAccessibleDescription(/tallene giver 3/)

    // New contacts above people reached, and a tally above it, are caught too.
    await user.type(screen.getByLabelText('Heraf nye kontakter'), '5')
    expect(screen.getAllByTestId('counts-error').find((el) => el.dataset.key === 'new')).toHaveTextContent(
      'Der kan ikke være flere nye kontakter (5) end personer nået (2).',
    )
    await user.type(screen.getByLabelText('Sundhed'), '3')
    expect(screen.getAllByTestId('counts-error').find((el) => el.dataset.key === 'topic.health')).toHaveTextContent(
      'Sundhed: 3 er flere end de 2 personer, I nåede.',
    )

    await user.click(screen.getByTestId('counts-save'))
    expect(backend.recordCounts).not.toHaveBeenCalled()
    expect(screen.getByTestId('counts-check-summary')).toBeInTheDocument()
    expect(document.activeElement).toHaveAttribute('aria-invalid', 'true')
  })

  it('asks for the people reached before saving', async () => {
    const backend = fakeBackend({ today: TODAY, activities: [visit] })
    const user = await open(backend)
    await markDoneFromStart(user)
    await user.click(screen.getByTestId('counts-save'))
    expect(backend.recordCounts).not.toHaveBeenCalled()
    const reached = screen.getByLabelText('Personer nået')
    expect(reached).toHaveFocus()
    expect(reached).toHaveAccessibleDescription('Skriv, hvor mange personer I nåede (0, hvis ingen kom).')
  })

  it("shows the server's refusal next to the field it names, and keeps what was typed", async () => {
    const backend = fakeBackend({ today: TODAY, activities: [visit] })
    backend.recordCounts.mockRejectedValueOnce(
      new UserError('counts_implausible', null, { key: 'reached', kind: 'home_visit', reached: '400', max: '30' }),
    )
    const user = await open(backend)
    await markDoneFromStart(user)
    const reached = screen.getByLabelText('Personer nået')
    await user.type(reached, '400')
    await user.click(screen.getByTestId('counts-save'))
    const error = await screen.findAllByTestId('counts-error')
    expect(error.find((el) => el.dataset.key === 'reached')).toHaveTextContent('reached=400 er for mange til typen Besøg (højst 30)')
    expect(reached).toHaveValue(400)
    expect(reached).toHaveAttribute('aria-invalid', 'true')
    expect(reached).toHaveFocus()
    // Correcting the number takes the message away; the dialog is still open.
    await user.clear(reached)
    await user.type(reached, '4')
    expect(screen.queryAllByTestId('counts-error')).toEqual([])
    await user.click(screen.getByTestId('counts-save'))
    await waitFor(() => expect(screen.queryByTestId('counts-form')).toBeNull())
  })

  it('a refusal without a field stands above the buttons', async () => {
    const backend = fakeBackend({ today: TODAY, activities: [visit] })
    backend.recordCounts.mockRejectedValueOnce(new UserError('counts_cancelled', null, { id: '8' }))
    const user = await open(backend)
    await markDoneFromStart(user)
    await user.type(screen.getByLabelText('Personer nået'), '1')
    await user.click(screen.getByTestId('counts-save'))
    expect(await screen.findByTestId('counts-form-error')).toHaveTextContent('Aftale 8 er aflyst')
  })

  it('Esc asks before throwing typed counts away; nothing is marked', async () => {
    const backend = fakeBackend({ today: TODAY, activities: [visit] })
    const user = await open(backend)
    await markDoneFromStart(user)
    await user.type(screen.getByLabelText('Personer nået'), '3')
    await user.keyboard('{Escape}')
    expect(await screen.findByTestId('counts-discard-confirm')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Skriv videre' }))
    expect(screen.getByLabelText('Personer nået')).toHaveValue(3)
    await user.keyboard('{Escape}')
    await user.click(await screen.findByTestId('counts-discard-yes'))
    await waitFor(() => expect(screen.queryByTestId('counts-form')).toBeNull())
    expect(backend.setStatus).not.toHaveBeenCalled()
    expect(backend.recordCounts).not.toHaveBeenCalled()
    // Focus is back on the button that opened it.
    expect(document.activeElement).toHaveAttribute('data-testid', 'quick-done')
  })

  it('starts a meeting of a series from the last meeting, and warns about a meeting much larger than usual', async () => {
    const meeting = activity({
      id: 5,
      kind: 'group_meeting',
      occurrence: '2026-11-25T17:00:00+01:00',
      rrule: 'FREQ=WEEKLY;COUNT=8',
      expected_size: 4,
      start: '2026-11-25T17:00:00+01:00',
      end: '2026-11-25T19:00:00+01:00',
    })
    const backend = fakeBackend({
      today: TODAY,
      activities: [meeting],
      prefill: { reached: 6, new: 1, 'gender.women': 6, 'gender.unknown': 0, 'topic.health': 2 },
    })
    const user = await open(backend)
    const form = await markDoneFromStart(user)
    expect(backend.countsForm).toHaveBeenCalledWith(5, '2026-11-25T17:00:00+01:00')
    expect(form).toHaveAttribute('data-source', 'prefill')
    expect(screen.getByTestId('counts-source')).toHaveTextContent('Tallene fra sidste møde i serien er sat ind.')
    expect(screen.getByLabelText('Personer nået')).toHaveValue(6)
    expect(screen.getByLabelText('Sundhed')).toHaveValue(2)

    const reached = screen.getByLabelText('Personer nået')
    await user.clear(reached)
    await user.type(reached, '20')
    // Women 6 of 20: the rest is unknown.
    expect(remainderOf('gender.unknown')).toHaveTextContent('14')
    await user.click(screen.getByTestId('counts-save'))
    expect(backend.recordCounts).toHaveBeenCalledWith(5, '2026-11-25T17:00:00+01:00', expect.objectContaining({ reached: 20 }))
    expect(await screen.findByTestId('counts-warning')).toHaveTextContent(
      'Mødet havde 20 deltagere. Det er mange flere end de 4, der plejer at komme.',
    )
    // A meeting is not a visit: no follow-up offer.
    expect(screen.queryByTestId('follow-up-offer')).toBeNull()
  })

  it('marks a visit that has not started done at once (counts come after it took place)', async () => {
    const later = activity({ id: 9, start: '2026-12-09T10:00:00+01:00', end: '2026-12-09T11:00:00+01:00' })
    const backend = fakeBackend({ today: TODAY, activities: [later] })
    const user = await open(backend)
    const upcoming = await screen.findByRole('button', { name: /Besøg/ })
    await user.click(upcoming)
    await user.click(await screen.findByTestId('status-done'))
    expect(backend.setStatus).toHaveBeenCalledWith(9, null, 'done')
    expect(screen.queryByTestId('counts-form')).toBeNull()
  })
})

describe('counts later, from the activity', () => {
  it('opens the recorded counts of a done visit from its dialog, says how often they were corrected, and corrects them', async () => {
    const done = activity({ ...visit, status: 'done' })
    const backend = fakeBackend({
      today: TODAY,
      activities: [done],
      counts: { '8': { reached: 3, new: 1, 'gender.women': 3, 'gender.unknown': 0, 'age.unknown': 3, 'topic.health': 1 } },
      edits: { '8': 2 },
    })
    const user = await open(backend)
    await openFromCalendar(user, 8)
    await screen.findByTestId('plan-form')
    expect(await screen.findByText(/Tal er registreret\. Rettet 2 gange\./)).toBeInTheDocument()
    await user.click(screen.getByTestId('open-counts'))

    const form = await screen.findByTestId('counts-form')
    expect(screen.queryByTestId('plan-form')).toBeNull()
    expect(form).toHaveAttribute('data-source', 'recorded')
    expect(screen.getByTestId('counts-edits')).toHaveTextContent('Rettet 2 gange.')
    expect(screen.queryByTestId('counts-later')).toBeNull()
    const reached = screen.getByLabelText('Personer nået')
    await waitFor(() => expect(reached).toHaveValue(3))
    await user.keyboard('{ArrowUp}')
    expect(remainderOf('gender.unknown')).toHaveTextContent('1')
    await user.click(screen.getByTestId('counts-save'))
    expect(backend.recordCounts).toHaveBeenCalledWith(8, null, expect.objectContaining({ reached: 4, 'gender.women': 3, 'gender.unknown': 1 }))
    expect(await screen.findByTestId('toast')).toHaveTextContent('Tallene er rettet.')
    expect(screen.queryByTestId('follow-up-offer')).toBeNull()
  })

  it('removes recorded counts only after asking, for a visit that did not take place after all', async () => {
    const done = activity({ ...visit, status: 'done' })
    const backend = fakeBackend({ today: TODAY, activities: [done], counts: { '8': { reached: 3, new: 1 } } })
    const user = await open(backend)
    await openFromCalendar(user, 8)
    await user.click(await screen.findByTestId('open-counts'))
    await screen.findByTestId('counts-form')
    await user.click(screen.getByTestId('counts-remove'))
    // Asked first, with the safe answer under the focus.
    expect(screen.getByTestId('counts-remove-confirm')).toHaveTextContent('Fjern tallene? Gør det kun, hvis aftalen ikke fandt sted.')
    await waitFor(() => expect(screen.getByTestId('counts-remove-no')).toHaveFocus())
    await user.keyboard('{Enter}')
    expect(screen.queryByTestId('counts-remove-confirm')).toBeNull()
    expect(backend.removeCounts).not.toHaveBeenCalled()
    await user.click(screen.getByTestId('counts-remove'))
    await user.click(screen.getByTestId('counts-remove-yes'))
    expect(backend.removeCounts).toHaveBeenCalledWith(8, null)
    expect(await screen.findByTestId('toast')).toHaveTextContent('Tallene er fjernet.')
    expect(screen.queryByTestId('counts-form')).toBeNull()
  })

  it('offers no removal where nothing is recorded yet', async () => {
    const backend = fakeBackend({ today: TODAY, activities: [visit] })
    const user = await open(backend)
    await markDoneFromStart(user)
    expect(screen.queryByTestId('counts-remove')).toBeNull()
  })

  it('speaks English, labels from the scheme included', async () => {
    const backend = fakeBackend({ today: TODAY, language: 'en', activities: [visit] })
    const user = await open(backend)
    await markDoneFromStart(user)
    expect(screen.getByRole('heading', { name: 'Record counts' })).toBeInTheDocument()
    expect(screen.getByLabelText('People reached')).toBeInTheDocument()
    expect(screen.getByLabelText('Women')).toBeInTheDocument()
    expect(screen.getByTestId('counts-later')).toHaveTextContent('Later')
  })
})

describe('Min måned', () => {
  it('shows the month: activities by kind and status, big numbers, and charts of topics and referrals', async () => {
    const done = activity({ ...visit, status: 'done' })
    const meeting = activity({ id: 6, kind: 'group_meeting', start: '2026-12-01T17:00:00+01:00', end: '2026-12-01T19:00:00+01:00', status: 'cancelled' })
    const november = activity({ id: 7, start: '2026-11-20T10:00:00+01:00', end: '2026-11-20T11:00:00+01:00', status: 'done' })
    const backend = fakeBackend({
      today: TODAY,
      activities: [done, meeting, november],
      counts: {
        '8': { reached: 5, new: 2, 'topic.health': 3, 'topic.economy_housing': 1, 'referral.sabaah': 1 },
        '7': { reached: 2, new: 0 },
      },
    })
    const user = await open(backend)
    await user.click(screen.getByTestId('nav-month'))
    const month = await screen.findByTestId('month-screen')
    await waitFor(() => expect(month).toHaveAttribute('aria-busy', 'false'))
    expect(backend.monthStats).toHaveBeenLastCalledWith('2026-12')
    expect(screen.getByTestId('nav-month')).toHaveAttribute('aria-current', 'page')
    expect(screen.getByTestId('mymonth-period')).toHaveTextContent('december 2026')
    expect(screen.getByTestId('mymonth-reached')).toHaveTextContent('5 Personer nået')
    expect(screen.getByTestId('mymonth-new')).toHaveTextContent('2 Nye kontakter')
    expect(screen.getByTestId('mymonth-recorded')).toHaveTextContent('Tal fra én aftale.')

    const table = screen.getByTestId('mymonth-activities')
    const visits = within(table).getAllByRole('row').find((r) => r.dataset.kind === 'home_visit')!
    expect(within(visits).getByRole('rowheader')).toHaveTextContent('Besøg')
    expect(visits.querySelector('[data-status="done"]')).toHaveTextContent('1')
    const meetings = within(table).getAllByRole('row').find((r) => r.dataset.kind === 'group_meeting')!
    expect(meetings.querySelector('[data-status="cancelled"]')).toHaveTextContent('1')

    // Charts, largest first, with their numbers in a table too.
    expect(drawn).toContainEqual({ labels: ['Sundhed', 'Økonomi og bolig'], values: [3, 1] })
    expect(drawn).toContainEqual({ labels: ['Sabaah'], values: [1] })
    expect(screen.getByTestId('mymonth-topic-chart')).toHaveAccessibleName(/Emner talt om: søjlediagram/)
    const topicTable = screen.getByTestId('mymonth-topic-chart-table')
    expect(within(topicTable).getByRole('row', { name: 'Sundhed 3' })).toBeInTheDocument()

    // The previous month, by keyboard.
    screen.getByTestId('mymonth-prev').focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.getByTestId('mymonth-period')).toHaveTextContent('november 2026'))
    expect(backend.monthStats).toHaveBeenLastCalledWith('2026-11')
    await waitFor(() => expect(screen.getByTestId('mymonth-reached')).toHaveTextContent('2 Personer nået'))
    expect(screen.getByTestId('mymonth-topic-empty')).toHaveTextContent('Ingen emner skrevet ned i denne måned.')
    await user.click(screen.getByTestId('mymonth-this'))
    await waitFor(() => expect(screen.getByTestId('mymonth-period')).toHaveTextContent('december 2026'))
  })

  it('says what to do in a month without anything', async () => {
    const backend = fakeBackend({ today: TODAY, language: 'en' })
    const user = await open(backend)
    await user.click(screen.getByTestId('nav-month'))
    expect(await screen.findByText('No appointments this month — plan a visit.')).toBeInTheDocument()
    expect(screen.getByTestId('mymonth-recorded')).toHaveTextContent('No counts this month yet.')
    expect(screen.getByTestId('mymonth-reached')).toHaveTextContent('0 People reached')
  })
})
