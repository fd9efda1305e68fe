import { render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import App from './App.svelte'
import { UserError } from './lib/backend'
import { setLanguage } from './lib/i18n.svelte'
import { activity, fakeBackend, type FakeBackend } from './test/fakeBackend'
import { fakeExchange } from './test/fakeExchange'

// Today is Wednesday 2 December 2026: week 49, Monday 30 November – Sunday 6 December.
const TODAY = '2026-12-02'

async function open(backend: FakeBackend) {
  const user = userEvent.setup()
  render(App, { props: { backend } })
  await screen.findByTestId('today-screen')
  return user
}

async function openCalendar(backend: FakeBackend) {
  const user = await open(backend)
  await user.click(screen.getByTestId('nav-calendar'))
  await waitFor(() => expect(screen.getByTestId('week-view')).toHaveAttribute('aria-busy', 'false'))
  return user
}

/** The first and last day the calendar's grid shows, once its lists are in. */
function shownPeriod(): (string | undefined)[] {
  if (screen.getByTestId('week-view').getAttribute('aria-busy') !== 'false') return []
  const days = screen.getAllByTestId('day').map((d) => d.dataset.date)
  return [days[0], days.at(-1)]
}

function card(id: number): HTMLElement {
  const found = screen.getAllByTestId('activity').find((el) => el.dataset.id === String(id))
  if (!found) throw new Error(`no activity ${id}`)
  return found
}

afterEach(() => {
  setLanguage('da')
})

describe('calendar', () => {
  it('shows the week of today, Monday first, today marked in words', async () => {
    const backend = fakeBackend({
      today: TODAY,
      activities: [
        activity({ id: 1, start: '2026-12-01T10:00:00+01:00', end: '2026-12-01T11:00:00+01:00', household: 'H-17' }),
        // 00:30 in Copenhagen is still 3 December in New York and in UTC.
        activity({ id: 2, start: '2026-12-04T00:30:00+01:00', end: '2026-12-04T01:30:00+01:00', area: 'Hasle' }),
        activity({ id: 3, kind: 'group_meeting', title: 'Kvindecafé', start: '2026-12-05T17:00:00+01:00', end: '2026-12-05T19:00:00+01:00' }),
      ],
    })
    await openCalendar(backend)

    expect(shownPeriod()).toEqual(['2026-11-30', '2026-12-06'])
    expect(screen.getByTestId('week-title')).toHaveTextContent('Uge 49')
    expect(screen.getByTestId('week-title')).toHaveTextContent('30. nov. – 6. dec. 2026')
    expect(screen.getAllByTestId('day').map((el) => el.dataset.date)).toEqual([
      '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06',
    ])
    const todayHead = screen.getAllByTestId('day').find((el) => el.dataset.date === TODAY)
    expect(within(todayHead!).getByTestId('today-label')).toHaveTextContent('I dag')
    expect(screen.getAllByTestId('today-label')).toHaveLength(1)

    expect(card(1)).toHaveTextContent('10:00–11:00')
    expect(card(1)).toHaveTextContent('Besøg')
    expect(card(1)).not.toHaveTextContent('H-17')
    expect(card(2).dataset.date).toBe('2026-12-04')
    expect(card(2)).toHaveTextContent('00:30–01:30')
    expect(card(3)).toHaveTextContent('Gruppemøde')
    expect(card(3)).toHaveTextContent('Kvindecafé')
    expect(screen.queryByTestId('empty-week')).not.toBeInTheDocument()
  })

  it('marks conflicts, status and example data with words, not only colour', async () => {
    const backend = fakeBackend({
      activities: [
        activity({ id: 1, start: '2026-12-01T10:00:00+01:00', end: '2026-12-01T11:00:00+01:00', conflicts: [2] }),
        activity({ id: 2, start: '2026-12-01T10:30:00+01:00', end: '2026-12-01T11:30:00+01:00', conflicts: [1], example: true }),
        activity({ id: 3, start: '2026-12-02T09:00:00+01:00', end: '2026-12-02T10:00:00+01:00', status: 'cancelled' }),
        activity({ id: 4, start: '2026-12-03T09:00:00+01:00', end: '2026-12-03T10:00:00+01:00', status: 'done' }),
      ],
    })
    await openCalendar(backend)
    expect(within(card(1)).getByTestId('conflict-badge')).toHaveTextContent('Konflikt')
    expect(within(card(2)).getByTestId('conflict-badge')).toBeInTheDocument()
    expect(within(card(2)).getByTestId('example-tag')).toHaveTextContent('Eksempeldata')
    expect(card(3)).toHaveTextContent('Aflyst')
    expect(within(card(3)).queryByTestId('conflict-badge')).not.toBeInTheDocument()
    expect(card(4)).toHaveTextContent('Gennemført')
  })

  it('says what to do when the week is empty', async () => {
    const backend = fakeBackend()
    const user = await openCalendar(backend)
    const empty = screen.getByTestId('empty-week')
    expect(empty).toHaveTextContent('Ingen aftaler i denne uge — plan et besøg')
    await user.click(within(empty).getByRole('button', { name: 'Plan et besøg' }))
    expect(screen.getByTestId('plan-form')).toBeInTheDocument()
  })

  it('moves to the previous, next and this week with buttons and keys', async () => {
    const backend = fakeBackend()
    const user = await openCalendar(backend)

    await user.click(screen.getByTestId('next-week'))
    await waitFor(() => expect(shownPeriod()).toEqual(['2026-12-07', '2026-12-13']))
    expect(screen.getByTestId('week-title')).toHaveTextContent('Uge 50')

    await user.click(screen.getByTestId('prev-week'))
    await user.click(screen.getByTestId('prev-week'))
    await waitFor(() => expect(shownPeriod()).toEqual(['2026-11-23', '2026-11-29']))

    await user.click(screen.getByTestId('this-week'))
    await waitFor(() => expect(shownPeriod()).toEqual(['2026-11-30', '2026-12-06']))

    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}')
    await waitFor(() => expect(shownPeriod()).toEqual(['2026-12-28', '2027-01-03']))
    expect(screen.getByTestId('week-title')).toHaveTextContent('Uge 53')
    expect(screen.getByTestId('week-title')).toHaveTextContent('28. dec. 2026 – 3. jan. 2027')

    await user.keyboard('{ArrowLeft}')
    await waitFor(() => expect(shownPeriod()).toEqual(['2026-12-21', '2026-12-27']))

    await user.keyboard('t')
    await waitFor(() => expect(shownPeriod()).toEqual(['2026-11-30', '2026-12-06']))
  })

  it('shows a month, Monday first, and moves by months', async () => {
    const backend = fakeBackend()
    const user = await openCalendar(backend)
    await user.click(screen.getByTestId('mode-month'))
    await waitFor(() => expect(shownPeriod()).toEqual(['2026-11-30', '2027-01-03']))
    expect(screen.getByTestId('mode-month')).toHaveAttribute('aria-pressed', 'true')
    expect(screen.getByTestId('week-title')).toHaveTextContent(/december 2026/i)
    expect(screen.getByTestId('prev-week')).toHaveTextContent('Forrige måned')
    // Whole weeks from Monday 30 November to Sunday 3 January, today named.
    const days = (await screen.findAllByTestId('day')).map((d) => d.dataset.date)
    expect(days).toHaveLength(35)
    expect(days[0]).toBe('2026-11-30')
    expect(days.at(-1)).toBe('2027-01-03')
    expect(screen.getByTestId('today-label').closest('[data-testid="day"]')).toHaveAttribute('data-date', '2026-12-02')
    await user.keyboard('{ArrowRight}')
    await waitFor(() => expect(shownPeriod()).toEqual(['2026-12-28', '2027-01-31']))
    expect(screen.getByTestId('week-title')).toHaveTextContent(/januar 2027/i)
    await waitFor(() => expect(screen.getAllByTestId('day')[0]).toHaveAttribute('data-date', '2026-12-28'))
    expect(screen.getAllByTestId('day').at(-1)).toHaveAttribute('data-date', '2027-01-31')
  })

  it('says in words when the week cannot be loaded, and loads it on "Prøv igen"', async () => {
    const visit = activity({ id: 11, start: '2026-12-03T10:00:00+01:00', end: '2026-12-03T11:00:00+01:00' })
    const backend = fakeBackend({ activities: [visit] })
    // The first ask (this week, ahead of time at start) fails.
    backend.listActivities.mockRejectedValueOnce(new UserError('storage', null, { detail: 'disk I/O error' }))
    const user = await open(backend)
    await waitFor(() => expect(backend.listActivities).toHaveBeenCalledTimes(1))
    await user.click(screen.getByTestId('nav-calendar'))
    const failed = await screen.findByTestId('week-error')
    expect(failed).toHaveAttribute('role', 'alert')
    expect(failed).toHaveTextContent('Aftalerne kunne ikke hentes.')
    await user.click(within(failed).getByRole('button', { name: 'Prøv igen' }))
    await waitFor(() => expect(screen.queryByTestId('week-error')).toBeNull())
    expect(card(11)).toHaveTextContent('10:00–11:00')
  })

  it('shows a moved card at its new time, asking for the week once', async () => {
    const backend = fakeBackend({ activities: [activity({ id: 10, start: '2026-12-03T10:00:00+01:00', end: '2026-12-03T11:00:00+01:00' })] })
    const user = await openCalendar(backend)
    const asked = backend.listActivities.mock.calls.length
    card(10).closest<HTMLElement>('[role="button"]')!.focus()
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}')
    await waitFor(() => expect(card(10)).toHaveTextContent('10:15–11:15'))
    expect(backend.listActivities.mock.calls.length).toBe(asked + 1)
  })

  it('moves a card by keyboard into the next week, shows that week and keeps the focus on the card', async () => {
    // Sunday 6 December, the last day of the week shown.
    const backend = fakeBackend({ activities: [activity({ id: 9, start: '2026-12-06T10:00:00+01:00', end: '2026-12-06T11:00:00+01:00' })] })
    const user = await openCalendar(backend)
    card(9).closest<HTMLElement>('[role="button"]')!.focus()
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}')
    await waitFor(() => expect(backend.moveActivity).toHaveBeenCalledWith(9, null, '2026-12-07T10:00', '2026-12-07T11:00'))
    await waitFor(() => expect(screen.getByTestId('week-title')).toHaveTextContent('Uge 50'))
    await waitFor(() => expect(card(9).closest('[role="button"]')).toHaveFocus())
    expect(card(9)).toHaveAttribute('data-date', '2026-12-07')
  })

  it('opens an activity for editing with Enter', async () => {
    const backend = fakeBackend({
      activities: [activity({ id: 5, start: '2026-12-01T10:00:00+01:00', end: '2026-12-01T11:30:00+01:00', household: 'H-5' })],
    })
    const user = await openCalendar(backend)
    const event = card(5).closest<HTMLElement>('[role="button"]')!
    event.focus()
    await user.keyboard('{Enter}')
    const form = await screen.findByTestId('plan-form')
    expect(form).toHaveAttribute('data-mode', 'edit')
    expect(screen.getByLabelText(/Dato/)).toHaveValue('2026-12-01')
    expect(screen.getByLabelText(/Klokken/)).toHaveValue('10:00')
    expect(screen.getByLabelText(/Varighed/)).toHaveValue(90)
    expect(screen.getByLabelText(/Husstand/)).toHaveValue('H-5')
    // The Enter that opened the form must not also submit it.
    expect(backend.updateActivity).not.toHaveBeenCalled()
  })

  it('speaks English when the app says so', async () => {
    const backend = fakeBackend({ language: 'en' })
    await openCalendar(backend)
    expect(screen.getByTestId('week-title')).toHaveTextContent('Week 49')
    expect(screen.getByTestId('plan-visit')).toHaveTextContent('Plan a visit')
    expect(screen.getByTestId('empty-week')).toHaveTextContent('No appointments this week — plan a visit')
    expect(document.documentElement.lang).toBe('en')
  })
})

describe('plan and edit', () => {
  async function fill(user: ReturnType<typeof userEvent.setup>, values: Record<string, string>) {
    const form = screen.getByTestId('plan-form')
    for (const [name, value] of Object.entries(values)) {
      const input = form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`)
      if (!input) throw new Error(`no field ${name}`)
      await user.clear(input)
      await user.type(input, value)
    }
  }

  it('opens with N for a visit and M for a meeting, with the default durations', async () => {
    const backend = fakeBackend({ settings: { durations: { home_visit: 45, group_meeting: 150, outreach: 90, accompaniment: 120, network_meeting: 60 } } })
    const user = await open(backend)
    await user.keyboard('n')
    expect(screen.getByRole('dialog', { name: 'Plan et besøg' })).toBeInTheDocument()
    expect(screen.getByLabelText(/Dato/)).toHaveFocus()
    expect(screen.getByLabelText(/Dato/)).toHaveValue(TODAY)
    expect(screen.getByLabelText(/Varighed/)).toHaveValue(45)
    await user.keyboard('{Escape}')
    await user.keyboard('m')
    expect(screen.getByRole('dialog', { name: 'Plan et gruppemøde' })).toBeInTheDocument()
    expect(screen.getByLabelText(/Varighed/)).toHaveValue(150)
    expect(screen.getByLabelText(/Sted/)).toBeInTheDocument()
    expect(screen.getByLabelText(/Tema/)).toBeInTheDocument()
    expect(screen.queryByLabelText(/Husstand/)).not.toBeInTheDocument()
  })

  it('sends the right request for a visit and shows it', async () => {
    const backend = fakeBackend()
    const user = await open(backend)
    await user.click(screen.getByTestId('plan-visit'))
    await fill(user, { date: '2026-12-08', time: '9.30', duration: '45', area: 'Gellerup', household: 'H-17', note: 'Tag kaffe med' })
    await user.click(screen.getByRole('button', { name: 'Plan besøg' }))

    expect(backend.planActivity).toHaveBeenCalledWith({
      kind: 'home_visit',
      start: '2026-12-08T09:30',
      duration_minutes: 45,
      area: 'Gellerup',
      household: 'H-17',
      venue: null,
      theme: null,
      title: null,
      note: 'Tag kaffe med',
      programme: 'bydelsmoedre',
      languages: [],
      rrule: null,
      expected_size: null,
    })
    await waitFor(() => expect(screen.queryByTestId('plan-form')).not.toBeInTheDocument())
    expect(screen.getByTestId('plan-saved')).toHaveTextContent('Besøget er planlagt: tirsdag den 8. december 2026 kl. 09:30.')
    expect(screen.getByTestId('plan-visit')).toHaveFocus()
  })

  it('plans a group meeting with venue and theme, and checks them first', async () => {
    const backend = fakeBackend()
    const user = await open(backend)
    await user.keyboard('m')
    await fill(user, { time: '17:00' })
    await user.click(screen.getByRole('button', { name: 'Plan aftalen' }))
    expect(backend.planActivity).not.toHaveBeenCalled()
    expect(screen.getAllByTestId('field-error').map((e) => e.dataset.field)).toEqual(['venue', 'theme'])
    await fill(user, { venue: 'Beboerhuset', theme: 'Sundhed', title: 'Kvindecafé' })
    await user.click(screen.getByRole('button', { name: 'Plan aftalen' }))
    expect(backend.planActivity).toHaveBeenCalledWith(
      expect.objectContaining({ kind: 'group_meeting', venue: 'Beboerhuset', theme: 'Sundhed', title: 'Kvindecafé', household: null, duration_minutes: 120 }),
    )
  })

  it('says "Gemmer …" only when a save is slow, and a second press meanwhile plans nothing more', async () => {
    const backend = fakeBackend()
    const quick = backend.planActivity.getMockImplementation()!
    let release: () => void = () => {}
    backend.planActivity.mockImplementationOnce((request) => new Promise((resolve) => (release = () => resolve(quick(request)))))
    const user = await open(backend)
    await user.keyboard('m')
    await fill(user, { time: '17:00', venue: 'Beboerhuset', theme: 'Sundhed' })
    const submit = screen.getByTestId('plan-submit')
    await user.click(submit)
    // A fast save would be over here: the button is drawn as it was.
    expect(submit).toHaveTextContent('Plan aftalen')
    expect(submit).toBeEnabled()
    await user.click(submit)
    expect(backend.planActivity).toHaveBeenCalledTimes(1)
    await waitFor(() => expect(submit).toHaveTextContent('Gemmer …'), { timeout: 2000 })
    expect(submit).toBeDisabled()
    release()
    await waitFor(() => expect(screen.queryByTestId('plan-form')).toBeNull())
    expect(backend.planActivity).toHaveBeenCalledTimes(1)
  })

  it('sends the expected size of a group meeting and refuses an impossible one next to the field', async () => {
    const backend = fakeBackend()
    const user = await open(backend)
    await user.keyboard('m')
    await fill(user, { time: '17:00', venue: 'Beboerhuset', theme: 'Sundhed' })
    const size = screen.getByLabelText(/Forventet antal deltagere/)
    await user.type(size, '900')
    await user.click(screen.getByRole('button', { name: 'Plan aftalen' }))
    expect(backend.planActivity).not.toHaveBeenCalled()
    expect(screen.getAllByTestId('field-error').map((e) => e.dataset.field)).toEqual(['expected_size'])
    expect(size).toHaveFocus()
    await user.clear(size)
    await user.type(size, '12')
    await user.click(screen.getByRole('button', { name: 'Plan aftalen' }))
    expect(backend.planActivity).toHaveBeenCalledWith(expect.objectContaining({ kind: 'group_meeting', expected_size: 12 }))
  })

  it('offers what was typed before', async () => {
    const backend = fakeBackend()
    backend.suggestions.mockImplementation(async (field, prefix) =>
      field === 'area' ? ['Gellerup', 'Gjellerup Nord'].filter((v) => v.toLowerCase().startsWith(prefix.toLowerCase())) : [],
    )
    const user = await open(backend)
    await user.keyboard('n')
    await user.type(screen.getByLabelText(/Område/), 'G')
    await waitFor(() => expect(backend.suggestions).toHaveBeenLastCalledWith('area', 'G'))
    const list = screen.getByTestId('suggestions-area')
    await waitFor(() => expect(list.querySelectorAll('option')).toHaveLength(2))
    expect(screen.getByLabelText(/Område/)).toHaveAttribute('list', list.id)
  })

  it('checks the fields before sending and says what to write', async () => {
    const backend = fakeBackend()
    const user = await open(backend)
    await user.click(screen.getByTestId('plan-visit'))
    await fill(user, { time: '25:00' })
    await user.click(screen.getByRole('button', { name: 'Plan besøg' }))

    expect(backend.planActivity).not.toHaveBeenCalled()
    expect(screen.getAllByTestId('field-error').map((e) => e.textContent?.trim())).toEqual([
      'Skriv klokkeslættet som TT:MM, fx 10:00.',
      'Skriv hvilket område besøget er i.',
    ])
    const time = screen.getByLabelText(/Klokken/)
    expect(time).toHaveAttribute('aria-invalid', 'true')
    expect(time).toHaveAccessibleDescription(/Skriv klokkeslættet som TT:MM/)
    expect(time).toHaveFocus()
    await user.type(screen.getByLabelText(/Område/), 'Hasle')
    expect(screen.getByLabelText(/Område/)).toHaveAttribute('aria-invalid', 'false')
    expect(screen.getAllByTestId('field-error')).toHaveLength(1)
  })

  it('shows a refusal next to the date and time and keeps what was typed', async () => {
    const backend = fakeBackend()
    backend.planActivity.mockRejectedValue({
      code: 'dst_gap',
      field: 'start',
      args: { field: 'start', date: '2027-03-28', time: '02:30', gap_start: '02:00', gap_end: '03:00' },
    })
    const user = await open(backend)
    await user.click(screen.getByTestId('plan-visit'))
    await fill(user, { date: '2027-03-28', time: '02:30', area: 'Gellerup', household: 'H-4', note: 'Husk tolk' })
    await user.click(screen.getByRole('button', { name: 'Plan besøg' }))

    const error = await screen.findByTestId('field-error')
    expect(error).toHaveTextContent('Kl. 02:30 findes ikke')
    expect(screen.getByLabelText(/Dato/)).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByLabelText(/Dato/)).toHaveFocus()
    expect(screen.getByLabelText(/Område/)).toHaveValue('Gellerup')
    expect(screen.getByLabelText(/Husstand/)).toHaveValue('H-4')
    expect(screen.getByLabelText(/Note/)).toHaveValue('Husk tolk')
  })

  it('shows a refusal of the household label next to that field', async () => {
    const backend = fakeBackend()
    backend.planActivity.mockRejectedValue(new UserError('not_a_pseudonym', 'household', { field: 'household' }))
    const user = await open(backend)
    await user.click(screen.getByTestId('plan-visit'))
    await fill(user, { time: '10:00', area: 'Gellerup', household: 'Fatima' })
    await user.click(screen.getByRole('button', { name: 'Plan besøg' }))
    const error = await screen.findByTestId('field-error')
    expect(error).toHaveTextContent('aldrig et navn')
    expect(screen.getByLabelText(/Husstand/)).toHaveAccessibleDescription(expect.stringContaining('aldrig et navn'))
  })

  it('says which kind of personal data a note holds, next to the note, keeping what was typed', async () => {
    const backend = fakeBackend()
    backend.planActivity.mockRejectedValue(new UserError('personal_data', 'note', { field: 'note', kind: 'phone' }))
    const user = await open(backend)
    await user.click(screen.getByTestId('plan-visit'))
    await fill(user, { time: '10:00', area: 'Gellerup', household: 'H-4', note: 'ring til Fatima på 22 33 44 55' })
    await user.click(screen.getByRole('button', { name: 'Plan besøg' }))
    const error = await screen.findByTestId('field-error')
    expect(error).toHaveTextContent('telefonnummer')
    expect(error).not.toHaveTextContent('22 33')
    expect(screen.getByLabelText(/Note/)).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByLabelText(/Note/)).toHaveValue('ring til Fatima på 22 33 44 55')
  })

  it('warns about a conflict, naming the time of the other activity', async () => {
    const backend = fakeBackend({
      outcome: {
        id: 7,
        conflicts: [
          { with: 3, kind: 'overlap', with_start: '2026-12-03T10:30:00+01:00', with_end: '2026-12-03T11:30:00+01:00', gap_minutes: null, needed_minutes: null },
          { with: 4, kind: 'too_little_travel_time', with_start: '2026-12-03T11:40:00+01:00', with_end: '2026-12-03T12:00:00+01:00', gap_minutes: 10, needed_minutes: 30 },
        ],
        notices: [],
      },
    })
    const user = await open(backend)
    await user.click(screen.getByTestId('plan-visit'))
    await fill(user, { date: '2026-12-03', time: '10:00', area: 'Gellerup' })
    await user.click(screen.getByRole('button', { name: 'Plan besøg' }))
    const warning = await screen.findByTestId('conflict-warning')
    expect(warning).toHaveTextContent('ligger oven i en anden aftale, torsdag den 3. december 2026 kl. 10:30–11:30')
    expect(warning).toHaveTextContent('kun 10 minutter til en anden aftale, torsdag den 3. december 2026 kl. 11:40–12:00')
  })

  it('asks before Esc throws away what was typed', async () => {
    const backend = fakeBackend()
    const user = await open(backend)
    await user.keyboard('n')
    await user.keyboard('{Escape}')
    expect(screen.queryByTestId('plan-form')).not.toBeInTheDocument()
    await user.keyboard('n')
    await user.type(screen.getByLabelText(/Område/), 'Hasle')
    await user.keyboard('{Escape}')
    expect(screen.getByTestId('discard-confirm')).toHaveTextContent('Vil du lukke uden at gemme?')
    expect(screen.getByTestId('discard-no')).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.getByLabelText(/Område/)).toHaveValue('Hasle')
    await user.keyboard('{Escape}')
    await user.click(screen.getByTestId('discard-yes'))
    expect(screen.queryByTestId('plan-form')).not.toBeInTheDocument()
    expect(backend.planActivity).not.toHaveBeenCalled()
  })

  it('hides household and note in discreet mode until revealed', async () => {
    const backend = fakeBackend({
      settings: { discreet_mode: true },
      activities: [activity({ id: 5, start: '2026-12-02T10:00:00+01:00', end: '2026-12-02T11:00:00+01:00', household: 'H-5', note: 'Husk tolk' })],
    })
    const user = await open(backend)
    await user.click(await screen.findByRole('button', { name: /Besøg/ }))
    expect(screen.getByTestId('masked-household')).toHaveTextContent('•••')
    expect(screen.getByTestId('plan-form')).not.toHaveTextContent('H-5')
    expect(screen.getByTestId('plan-form')).not.toHaveTextContent('Husk tolk')
    await user.click(screen.getAllByTestId('reveal')[0])
    expect(screen.getByLabelText(/Husstand/)).toHaveValue('H-5')
    expect(screen.getByLabelText(/Note/)).toHaveValue('Husk tolk')
  })
})

describe('series', () => {
  it('edits a meeting of a series together with the meetings after it', async () => {
    const occurrence = '2026-12-08T17:00:00+01:00'
    const meeting = activity({
      id: 40,
      kind: 'group_meeting',
      occurrence,
      rrule: 'FREQ=WEEKLY;COUNT=8',
      start: occurrence,
      end: '2026-12-08T19:00:00+01:00',
      area: null,
      venue: 'Beboerhuset',
      theme: 'Sundhed',
    })
    const backend = fakeBackend({ today: '2026-12-08', activities: [meeting] })
    const user = await openCalendar(backend)
    // Enter, not a click: a press starts the calendar component's drag, which jsdom cannot follow.
    ;(await screen.findByRole('button', { name: /Gruppemøde/ })).focus()
    await user.keyboard('{Enter}')
    expect(screen.getByTestId('series-note')).toHaveTextContent('dette møde og alle de følgende')
    const theme = screen.getByLabelText(/Tema/)
    await user.clear(theme)
    await user.type(theme, 'Skole')
    await user.click(screen.getByRole('button', { name: 'Gem ændringer' }))
    await waitFor(() =>
      expect(backend.updateFollowing).toHaveBeenCalledWith(40, occurrence, expect.objectContaining({ theme: 'Skole' })),
    )
    expect(backend.updateActivity).not.toHaveBeenCalled()
  })
})

describe('start screen', () => {
  it('says once what the start erased (code names and notes past their time)', async () => {
    const backend = fakeBackend({
      today: TODAY,
      startNotices: [{ code: 'texts_erased', args: { months: '12', households: '2', notes: '3' } }],
    })
    await open(backend)
    expect(await screen.findByTestId('plan-saved')).toHaveTextContent('Da Nabo startede:')
    expect(screen.getByTestId('notice')).toHaveTextContent(/Slettet 12 måneder efter det sidste besøg: kodenavne for 2/)
    expect(await backend.appInfo()).toMatchObject({ notices: [] })
  })

  it('shows the 10 newest overdue appointments and the rest on request', async () => {
    const many = Array.from({ length: 25 }, (_, i) => {
      const day = String(i + 1).padStart(2, '0')
      return activity({ id: 100 + i, start: `2026-11-${day}T10:00:00+01:00`, end: `2026-11-${day}T11:00:00+01:00` })
    })
    const backend = fakeBackend({ activities: many })
    const user = await open(backend)
    const overdue = await screen.findByTestId('overdue-list')
    expect(within(overdue).getAllByTestId('agenda-item')).toHaveLength(10)
    expect(within(overdue).getAllByTestId('agenda-item')[0].dataset.id).toBe('124')
    await user.click(within(overdue).getByRole('button', { name: 'Vis alle 25' }))
    await waitFor(() => expect(within(overdue).getAllByTestId('agenda-item')).toHaveLength(25))
    expect(within(overdue).queryByTestId('overdue-show-all')).toBeNull()
    await user.click(within(overdue).getByRole('button', { name: 'Vis kun de første 10' }))
    await waitFor(() => expect(within(overdue).getAllByTestId('agenda-item')).toHaveLength(10))
    expect(within(overdue).getByTestId('overdue-show-all')).toBeInTheDocument()
  })

  it('shows hundreds of overdue appointments a batch at a time: the first at once, all soon after, each once', async () => {
    const many = Array.from({ length: 300 }, (_, i) => {
      const at = new Date(Date.UTC(2026, 10, 30, 9) - i * 3_600_000).toISOString().replace('.000Z', '+00:00')
      const end = new Date(Date.UTC(2026, 10, 30, 9, 30) - i * 3_600_000).toISOString().replace('.000Z', '+00:00')
      return activity({ id: 1000 + i, start: at, end })
    })
    const backend = fakeBackend({ activities: many })
    const user = await open(backend)
    const overdue = await screen.findByTestId('overdue-list')
    const ids = () => within(overdue).getAllByTestId('agenda-item').map((el) => el.dataset.id)
    await user.click(within(overdue).getByRole('button', { name: 'Vis alle 300' }))
    await waitFor(() => expect(ids().length).toBeGreaterThan(10))
    expect(ids().length).toBeLessThan(300)
    // Three batches two frames apart, each drawn by jsdom: not within waitFor's default second
    // on a shared machine (this failed there while a build ran beside it). Soon, not timed.
    await waitFor(() => expect(ids()).toHaveLength(300), { timeout: 15_000 })
    expect(new Set(ids()).size).toBe(300)
    // Newest first, as before.
    expect(ids()[0]).toBe('1000')
    expect(ids().at(-1)).toBe('1299')
  })

  it('steps to the next week and the month from what it asked for ahead, with no empty grid between', async () => {
    const visit = activity({ id: 300, start: '2026-12-03T10:00:00+01:00', end: '2026-12-03T11:00:00+01:00' })
    const next = activity({ id: 400, start: '2026-12-08T10:00:00+01:00', end: '2026-12-08T11:00:00+01:00' })
    const backend = fakeBackend({ activities: [visit, next] })
    await openCalendar(backend)
    const week = screen.getByTestId('week-view')
    const shown = () => within(week).queryAllByTestId('activity').map((el) => el.dataset.id)
    const asked = (from: string, to: string) => backend.listActivities.mock.calls.filter(([f, t]) => f === from && t === to).length
    // Once the week is drawn and the page idle: the week after, the week before, and the month.
    await waitFor(() => expect(asked('2026-12-07', '2026-12-13')).toBe(1))
    expect(asked('2026-11-23', '2026-11-29')).toBe(1)
    await waitFor(() => expect(asked('2026-11-30', '2027-01-03')).toBe(1))
    // From now on the backend answers nothing: what is drawn next was asked for ahead.
    const listed = backend.listActivities.getMockImplementation()!
    backend.listActivities.mockImplementation(() => new Promise(() => {}))
    // No moment without a card: the last week stays until the next is drawn in its place.
    const seen: (string | undefined)[][] = []
    const watch = new MutationObserver(() => seen.push(shown()))
    watch.observe(week, { subtree: true, childList: true })
    await userEvent.setup().click(screen.getByTestId('next-week'))
    await waitFor(() => expect(shown()).toEqual(['400']))
    expect(week).toHaveAttribute('aria-busy', 'false')
    expect(seen.filter((ids) => ids.length === 0)).toEqual([])
    watch.disconnect()
    backend.listActivities.mockImplementation(listed)
  })

  it('a step to a week not asked for yet keeps the last week drawn until it is here, title first', async () => {
    const visit = activity({ id: 300, start: '2026-12-03T10:00:00+01:00', end: '2026-12-03T11:00:00+01:00' })
    const next = activity({ id: 400, start: '2026-12-08T10:00:00+01:00', end: '2026-12-08T11:00:00+01:00' })
    const later = activity({ id: 500, start: '2026-12-15T10:00:00+01:00', end: '2026-12-15T11:00:00+01:00' })
    const backend = fakeBackend({ activities: [visit, next, later] })
    const user = await openCalendar(backend)
    const week = screen.getByTestId('week-view')
    const shown = () => within(week).queryAllByTestId('activity').map((el) => el.dataset.id)
    let answer: () => void = () => {}
    const listed = backend.listActivities.getMockImplementation()!
    backend.listActivities.mockImplementation((from: string, to: string) =>
      from === '2026-12-14' ? new Promise((resolve) => (answer = () => void listed(from, to).then(resolve))) : listed(from, to),
    )
    await user.click(screen.getByTestId('next-week'))
    await waitFor(() => expect(shown()).toEqual(['400']))
    await user.click(screen.getByTestId('next-week'))
    // The title says week 51 at once; the grid still shows week 50, marked as busy.
    await waitFor(() => expect(screen.getByTestId('week-title')).toHaveTextContent('51'))
    expect(week).toHaveAttribute('aria-busy', 'true')
    expect(shown()).toEqual(['400'])
    answer()
    await waitFor(() => expect(shown()).toEqual(['500']))
    expect(week).toHaveAttribute('aria-busy', 'false')
  })

  it('asks for this week ahead, opens the calendar with it, and shows what changed meanwhile', async () => {
    const visit = activity({ id: 300, start: '2026-12-03T10:00:00+01:00', end: '2026-12-03T11:00:00+01:00' })
    const backend = fakeBackend({ activities: [visit] })
    const user = await open(backend)
    // Asked for once the start screen is drawn: Monday to Sunday of today's week.
    await waitFor(() => expect(backend.listActivities).toHaveBeenCalledWith('2026-11-30', '2026-12-06'))
    expect(backend.listActivities).toHaveBeenCalledTimes(1)
    // Another program plans a second visit in the database meanwhile.
    const other = activity({ id: 301, start: '2026-12-04T12:00:00+01:00', end: '2026-12-04T13:00:00+01:00' })
    let answer: () => void = () => {}
    const thisWeek = (from: string, to: string) => from === '2026-11-30' && to === '2026-12-06'
    const listed = backend.listActivities.getMockImplementation()!
    backend.listActivities.mockImplementation((from: string, to: string) =>
      thisWeek(from, to) ? new Promise((resolve) => (answer = () => resolve([visit, other]))) : listed(from, to),
    )
    await user.click(screen.getByTestId('nav-calendar'))
    const week = await screen.findByTestId('week-view')
    const shown = () => within(week).queryAllByTestId('activity').map((el) => el.dataset.id)
    // The week is there at once (what was asked for ahead), while it is asked for again…
    await waitFor(() => expect(shown()).toEqual(['300']))
    expect(week).toHaveAttribute('aria-busy', 'false')
    // …and then as it is now.
    await waitFor(() => expect(backend.listActivities.mock.calls.filter(([from, to]) => thisWeek(from, to))).toHaveLength(2))
    answer()
    await waitFor(() => expect(shown()).toEqual(['300', '301']))
  })

  it('shows the first 15 of the next seven days and the rest on request, in day order', async () => {
    // Today is 2026-12-02 in the fake backend: 18 visits from today, three a day.
    const many = Array.from({ length: 18 }, (_, i) => {
      const date = `2026-12-0${2 + Math.floor(i / 3)}`
      const hour = String(9 + (i % 3)).padStart(2, '0')
      return activity({ id: 200 + i, start: `${date}T${hour}:00:00+01:00`, end: `${date}T${hour}:30:00+01:00` })
    })
    const backend = fakeBackend({ activities: many })
    const user = await open(backend)
    const upcoming = await screen.findByTestId('upcoming-list')
    const shown = () => within(upcoming).getAllByTestId('agenda-item').map((el) => Number(el.dataset.id))
    expect(shown()).toEqual(Array.from({ length: 15 }, (_, i) => 200 + i))
    await user.click(within(upcoming).getByRole('button', { name: 'Vis alle 18' }))
    expect(shown()).toEqual(Array.from({ length: 18 }, (_, i) => 200 + i))
    expect(within(upcoming).queryByTestId('upcoming-show-all')).toBeNull()
    await user.click(within(upcoming).getByRole('button', { name: 'Vis kun de første 15' }))
    expect(shown()).toEqual(Array.from({ length: 15 }, (_, i) => 200 + i))
  })
})

describe('status, delete and follow-up', () => {
  const visit = activity({ id: 8, start: '2026-12-01T10:00:00+01:00', end: '2026-12-01T11:00:00+01:00', household: 'H-8' })

  it('marks an overdue visit done from the start screen (counts later) and offers a follow-up', async () => {
    const backend = fakeBackend({ activities: [visit] })
    const user = await open(backend)
    const overdue = await screen.findByTestId('overdue-list')
    await user.click(within(overdue).getByTestId('quick-done'))
    // Marking done opens the counts; "Senere" marks it done without them.
    await user.click(await screen.findByTestId('counts-later'))
    expect(backend.recordCounts).not.toHaveBeenCalled()
    expect(backend.setStatus).toHaveBeenCalledWith(8, null, 'done')
    const offer = await screen.findByTestId('follow-up-offer')
    expect(offer).toHaveTextContent('Plan opfølgning? (om 14 dage)')
    await user.click(within(offer).getByTestId('follow-up-accept'))
    expect(backend.followUpDraft).toHaveBeenCalledWith(8)
    const form = await screen.findByTestId('plan-form')
    expect(form).toHaveAttribute('data-mode', 'plan')
    // 14 days after the visit on 1 December, at the same time (as the Rust side drafts it).
    expect(screen.getByLabelText(/Dato/)).toHaveValue('2026-12-15')
    expect(screen.getByLabelText(/Klokken/)).toHaveValue('10:00')
    expect(screen.getByLabelText(/Husstand/)).toHaveValue('H-8')
  })

  it('changes status in the edit form, and deletes with undo', async () => {
    const backend = fakeBackend({ activities: [visit] })
    const user = await open(backend)
    await user.click(await screen.findByRole('button', { name: /Besøg/ }))
    expect(screen.getByTestId('current-status')).toHaveTextContent('Planlagt')
    await user.click(screen.getByTestId('status-no_show'))
    expect(backend.setStatus).toHaveBeenCalledWith(8, null, 'no_show')
    expect(await screen.findByTestId('toast')).toHaveTextContent('Markeret: Udeblevet.')
    expect(screen.queryByTestId('follow-up-offer')).not.toBeInTheDocument()
    // No longer planned, so no longer overdue: it leaves the start screen and is found in the week.
    await waitFor(() => expect(screen.queryByRole('button', { name: /Besøg/ })).not.toBeInTheDocument())
    await user.click(screen.getByTestId('nav-calendar'))

    await user.click(await screen.findByRole('button', { name: /Besøg/ }))
    await user.click(screen.getByTestId('delete'))
    expect(backend.deleteActivity).toHaveBeenCalledWith(8)
    const toast = await screen.findByTestId('toast')
    expect(toast).toHaveTextContent('Besøg er slettet.')
    await user.click(within(toast).getByRole('button', { name: 'Fortryd' }))
    expect(backend.restoreActivity).toHaveBeenCalledWith(8)
    expect(await screen.findByTestId('toast')).toHaveTextContent('Aftalen er tilbage.')
  })

  it('takes a deleted card down with its form, before the week is asked for again, and undo brings it back', async () => {
    const other = activity({ id: 9, key: '9', start: '2026-12-02T13:00:00+01:00', end: '2026-12-02T14:00:00+01:00', household: 'H-9' })
    const backend = fakeBackend({ activities: [visit, other] })
    const user = await open(backend)
    await user.click(screen.getByTestId('nav-calendar'))
    const week = await screen.findByTestId('week-view')
    const shown = () => within(week).queryAllByTestId('activity').map((el) => el.dataset.id)
    await waitFor(() => expect(shown()).toEqual(['8', '9']))
    // From the delete on, the week's lists are not answered (a slow round trip).
    const listed = backend.listActivities.getMockImplementation()!
    let answer: () => void = () => {}
    backend.listActivities.mockImplementation((from: string, to: string) => new Promise((resolve) => (answer = () => resolve(listed(from, to)))))
    await user.click(within(week).getAllByTestId('activity').find((el) => el.dataset.id === '8')!)
    await user.click(screen.getByTestId('delete'))
    await waitFor(() => expect(screen.queryByTestId('plan-form')).not.toBeInTheDocument())
    expect(shown()).toEqual(['9'])
    answer()
    await waitFor(() => expect(week).toHaveAttribute('aria-busy', 'false'))
    expect(shown()).toEqual(['9'])

    // Undone, it is drawn again once the lists say it is back.
    backend.listActivities.mockImplementation(listed)
    await user.click(within(await screen.findByTestId('toast')).getByRole('button', { name: 'Fortryd' }))
    await waitFor(() => expect(shown()).toEqual(['8', '9']))
  })

  it('says so when the live calendar file could not be updated after a status change', async () => {
    const path = '/home/amina/Sync/nabo.ics'
    const notices = [{ code: 'live_calendar_failed', args: { path, detail: 'Mappen findes ikke.' } }]
    // Two visits on the start screen: one marked now, the other after the file is fine again.
    const second = activity({ ...visit, id: 12, key: '12', start: visit.start.replace('T10:00', 'T13:00'), end: visit.end.replace('T11:00', 'T14:00') })
    const backend = fakeBackend({ activities: [visit, second], notices })
    const user = await open(backend)
    await user.click((await screen.findAllByRole('button', { name: /Besøg/ }))[0])
    await user.click(screen.getByTestId('status-no_show'))
    // The change was made (the toast says so), and the notice names the file that was not updated.
    expect(await screen.findByTestId('toast')).toHaveTextContent('Markeret: Udeblevet.')
    const notice = await screen.findByTestId('change-notice')
    expect(notice).toHaveTextContent(`Ændringen er gemt, men kalenderfilen ${path} kunne ikke opdateres: Mappen findes ikke.`)
    setLanguage('en')
    await waitFor(() => expect(screen.getByTestId('change-notice')).toHaveTextContent(`the calendar file ${path} could not be updated`))

    // A later change that wrote the file clears it.
    backend.setStatus.mockImplementation(async (id, _occurrence, status) => ({ value: { ...second, id, status }, notices: [] }))
    await user.click(await screen.findByRole('button', { name: /Home visit/ }))
    await user.click(screen.getByTestId('status-no_show'))
    await waitFor(() => expect(screen.queryByTestId('change-notice')).not.toBeInTheDocument())
  })

  it('a toast still on screen follows a change of language', async () => {
    const backend = fakeBackend({ activities: [visit] })
    const user = await open(backend)
    await user.click(await screen.findByRole('button', { name: /Besøg/ }))
    await user.click(screen.getByTestId('delete'))
    expect(await screen.findByTestId('toast')).toHaveTextContent('Besøg er slettet.')

    await user.click(screen.getByTestId('nav-settings'))
    await user.click(screen.getByLabelText('English'))
    await user.click(screen.getByTestId('settings-save'))
    await waitFor(() => expect(screen.getByTestId('nav-calendar')).toHaveTextContent('Calendar'))
    const toast = screen.getByTestId('toast')
    expect(toast).toHaveTextContent('Home visit deleted.')
    expect(within(toast).getByRole('button', { name: 'Undo' })).toBeInTheDocument()
  })

  it('a refusal in a toast follows a change of language too', async () => {
    const backend = fakeBackend({ activities: [visit] })
    backend.setStatus.mockRejectedValue(new UserError('not_found', null, { id: '8' }))
    const user = await open(backend)
    const overdue = await screen.findByTestId('overdue-list')
    await user.click(within(overdue).getByTestId('quick-done'))
    await user.click(await screen.findByTestId('counts-later'))
    expect(await screen.findByTestId('toast')).toHaveTextContent('Der er ingen aftale med nummer 8.')
    setLanguage('en')
    await waitFor(() => expect(screen.getByTestId('toast')).toHaveTextContent('There is no appointment number 8.'))
  })
})

describe('first start and settings', () => {
  it('welcomes, saves the choices and loads marked example data', async () => {
    const backend = fakeBackend({ settings: { onboarded: false, role: null, programme: null } })
    const exchange = fakeExchange()
    const user = userEvent.setup()
    render(App, { props: { backend, exchange } })
    const welcome = await screen.findByTestId('welcome')
    expect(welcome).toHaveTextContent('Velkommen til Nabo')
    await user.click(screen.getByLabelText('English'))
    expect(welcome).toHaveTextContent('Welcome to Nabo')
    await user.click(screen.getByLabelText('Coordinator'))
    await user.click(screen.getByLabelText('Baba'))
    await user.click(screen.getByTestId('welcome-examples'))
    await user.click(screen.getByTestId('welcome-start'))
    expect(backend.saveSettings).toHaveBeenCalledWith(
      expect.objectContaining({ language: 'en', role: 'coordinator', programme: 'baba', onboarded: true }),
    )
    expect(backend.loadExamples).toHaveBeenCalled()
    // A coordinator starts on her own screen (issue 12), with its tab in the navigation.
    await screen.findByTestId('coordinator-screen')
    expect(await screen.findByTestId('volunteers-empty')).toHaveTextContent('No summaries yet.')
    expect(screen.getByTestId('nav-coordinator')).toHaveAttribute('aria-current', 'page')
    expect(screen.getByTestId('toast')).toHaveTextContent('6 example appointments were added.')
  })

  it('switches the whole window to English when saved', async () => {
    const backend = fakeBackend()
    const user = await open(backend)
    await user.click(screen.getByTestId('nav-settings'))
    await user.click(screen.getByLabelText('English'))
    await user.click(screen.getByTestId('settings-save'))
    await waitFor(() => expect(screen.getByTestId('nav-calendar')).toHaveTextContent('Calendar'))
    expect(screen.getByTestId('plan-visit')).toHaveTextContent('Plan a visit')
    expect(screen.getByRole('heading', { name: 'Settings' })).toBeInTheDocument()
    expect(screen.getByTestId('settings-status')).toHaveTextContent('The settings are saved.')
    expect(backend.saveSettings).toHaveBeenCalledWith(expect.objectContaining({ language: 'en' }))
  })

  it('refuses settings out of range next to the field', async () => {
    const backend = fakeBackend()
    const user = await open(backend)
    await user.click(screen.getByTestId('nav-settings'))
    const buffer = screen.getByLabelText(/Tid til transport/)
    await user.clear(buffer)
    await user.type(buffer, '500')
    await user.click(screen.getByTestId('settings-save'))
    expect(backend.saveSettings).not.toHaveBeenCalled()
    expect(buffer).toHaveAttribute('aria-invalid', 'true')
    expect(buffer).toHaveAccessibleDescription(/fra 0 til 240/)
  })

  it('removes example data in one click', async () => {
    const backend = fakeBackend()
    const user = await open(backend)
    await user.click(screen.getByTestId('nav-settings'))
    await user.click(screen.getByTestId('remove-examples'))
    expect(backend.removeExamples).toHaveBeenCalled()
    expect(await screen.findByTestId('settings-status')).toHaveTextContent('6 eksempelaftaler er fjernet.')
  })
})
