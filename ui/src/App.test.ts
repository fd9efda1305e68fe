import { render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import App from './App.svelte'
import { UserError } from './lib/backend'
import { setLanguage } from './lib/i18n'
import { activity, fakeBackend, type FakeBackend } from './test/fakeBackend'

// Today is Wednesday 2 December 2026: week 49, Monday 30 November – Sunday 6 December.
const TODAY = '2026-12-02'

async function start(backend: FakeBackend) {
  const user = userEvent.setup()
  render(App, { props: { backend } })
  await screen.findByTestId('week-view')
  await waitFor(() => expect(screen.getByTestId('week-view')).toHaveAttribute('aria-busy', 'false'))
  return user
}

function day(date: string): HTMLElement {
  const found = screen.getAllByTestId('day').find((el) => el.dataset.date === date)
  if (!found) throw new Error(`no column for ${date}`)
  return found
}

afterEach(() => {
  setLanguage('da')
})

describe('week view', () => {
  it('shows the week of today with its activities in the right day columns', async () => {
    const backend = fakeBackend({
      today: TODAY,
      activities: [
        activity({ id: 1, start: '2026-12-01T10:00:00+01:00', end: '2026-12-01T11:00:00+01:00', household: 'H-17' }),
        // 00:30 in Copenhagen is still 3 December in New York and in UTC.
        activity({ id: 2, start: '2026-12-04T00:30:00+01:00', end: '2026-12-04T01:30:00+01:00', area: 'Hasle' }),
        activity({
          id: 3,
          kind: 'group_meeting',
          title: 'Kvindecafé',
          start: '2026-12-05T17:00:00+01:00',
          end: '2026-12-05T19:00:00+01:00',
        }),
      ],
    })
    await start(backend)

    expect(backend.listActivities).toHaveBeenCalledWith('2026-11-30', '2026-12-06')
    expect(screen.getByTestId('week-title')).toHaveTextContent('Uge 49')
    expect(screen.getByTestId('week-title')).toHaveTextContent('30. nov. – 6. dec. 2026')
    expect(screen.getAllByTestId('day').map((el) => el.dataset.date)).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ])
    expect(within(day(TODAY)).getByText('I dag')).toBeInTheDocument()
    expect(within(day('2026-12-01')).queryByText('I dag')).not.toBeInTheDocument()

    const visit = within(day('2026-12-01')).getByTestId('activity')
    expect(visit).toHaveAttribute('data-id', '1')
    expect(visit).toHaveTextContent('10:00–11:00')
    expect(visit).toHaveTextContent('Besøg')
    expect(visit).toHaveTextContent('Gellerup')
    // Discretion: the household label is never on the week card.
    expect(screen.queryByText(/H-17/)).not.toBeInTheDocument()

    const late = within(day('2026-12-04')).getByTestId('activity')
    expect(late).toHaveAttribute('data-id', '2')
    expect(late).toHaveTextContent('00:30–01:30')
    expect(within(day('2026-12-03')).queryByTestId('activity')).not.toBeInTheDocument()

    expect(within(day('2026-12-05')).getByTestId('activity')).toHaveTextContent('Kvindecafé')
    expect(screen.queryByTestId('empty-week')).not.toBeInTheDocument()
  })

  it('marks conflicts and cancelled activities with words, not only colour', async () => {
    const backend = fakeBackend({
      activities: [
        activity({ id: 1, start: '2026-12-01T10:00:00+01:00', end: '2026-12-01T11:00:00+01:00', conflicts: [2] }),
        activity({ id: 2, start: '2026-12-01T10:30:00+01:00', end: '2026-12-01T11:30:00+01:00', conflicts: [1] }),
        activity({ id: 3, start: '2026-12-02T09:00:00+01:00', end: '2026-12-02T10:00:00+01:00', status: 'cancelled' }),
      ],
    })
    await start(backend)
    expect(within(day('2026-12-01')).getAllByTestId('conflict-badge')).toHaveLength(2)
    expect(within(day('2026-12-01')).getAllByTestId('conflict-badge')[0]).toHaveTextContent('Konflikt')
    const cancelled = within(day('2026-12-02')).getByTestId('activity')
    expect(cancelled).toHaveTextContent('Aflyst')
    expect(within(cancelled).queryByTestId('conflict-badge')).not.toBeInTheDocument()
  })

  it('says what to do when the week is empty', async () => {
    const backend = fakeBackend()
    const user = await start(backend)
    const empty = screen.getByTestId('empty-week')
    expect(empty).toHaveTextContent('Ingen aftaler i denne uge — plan et besøg')
    await user.click(within(empty).getByRole('button', { name: 'Plan et besøg' }))
    expect(screen.getByTestId('plan-form')).toBeInTheDocument()
  })

  it('moves to the previous, next and this week with buttons and keys', async () => {
    const backend = fakeBackend()
    const user = await start(backend)

    await user.click(screen.getByTestId('next-week'))
    await waitFor(() => expect(backend.listActivities).toHaveBeenLastCalledWith('2026-12-07', '2026-12-13'))
    expect(screen.getByTestId('week-title')).toHaveTextContent('Uge 50')

    await user.click(screen.getByTestId('prev-week'))
    await user.click(screen.getByTestId('prev-week'))
    await waitFor(() => expect(backend.listActivities).toHaveBeenLastCalledWith('2026-11-23', '2026-11-29'))
    expect(screen.getByTestId('week-title')).toHaveTextContent('Uge 48')

    await user.click(screen.getByTestId('this-week'))
    await waitFor(() => expect(backend.listActivities).toHaveBeenLastCalledWith('2026-11-30', '2026-12-06'))

    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}')
    await waitFor(() => expect(backend.listActivities).toHaveBeenLastCalledWith('2026-12-28', '2027-01-03'))
    expect(screen.getByTestId('week-title')).toHaveTextContent('Uge 53')
    expect(screen.getByTestId('week-title')).toHaveTextContent('28. dec. 2026 – 3. jan. 2027')

    await user.keyboard('{ArrowLeft}')
    await waitFor(() => expect(backend.listActivities).toHaveBeenLastCalledWith('2026-12-21', '2026-12-27'))

    await user.keyboard('t')
    await waitFor(() => expect(backend.listActivities).toHaveBeenLastCalledWith('2026-11-30', '2026-12-06'))
  })

  it('speaks English when the app says so', async () => {
    const backend = fakeBackend({ language: 'en' })
    await start(backend)
    expect(screen.getByTestId('week-title')).toHaveTextContent('Week 49')
    expect(screen.getByTestId('plan-visit')).toHaveTextContent('Plan a visit')
    expect(screen.getByTestId('empty-week')).toHaveTextContent('No appointments this week — plan a visit')
    expect(document.documentElement.lang).toBe('en')
  })
})

describe('plan a visit', () => {
  async function fill(user: ReturnType<typeof userEvent.setup>, values: Record<string, string>) {
    const form = screen.getByTestId('plan-form')
    for (const [name, value] of Object.entries(values)) {
      const input = form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`)
      if (!input) throw new Error(`no field ${name}`)
      await user.clear(input)
      await user.type(input, value)
    }
  }

  it('opens with N and starts in the date field', async () => {
    const backend = fakeBackend()
    const user = await start(backend)
    await user.keyboard('n')
    const form = screen.getByTestId('plan-form')
    expect(form).toBeInTheDocument()
    expect(screen.getByLabelText(/Dato/)).toHaveFocus()
    expect(screen.getByLabelText(/Dato/)).toHaveValue(TODAY)
    await user.type(screen.getByLabelText(/Område/), 'Nord')
    expect(screen.getByLabelText(/Område/)).toHaveValue('Nord')
    expect(screen.getAllByTestId('plan-form')).toHaveLength(1)
  })

  it('sends the right request and shows the planned visit', async () => {
    const backend = fakeBackend()
    const user = await start(backend)
    await user.click(screen.getByTestId('plan-visit'))
    await fill(user, { date: '2026-12-08', time: '9.30', duration: '45', area: 'Gellerup', household: 'H-17', note: 'Tag kaffe med' })
    backend.listActivities.mockResolvedValue([
      activity({ id: 99, start: '2026-12-08T09:30:00+01:00', end: '2026-12-08T10:15:00+01:00' }),
    ])
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
      programme: null,
      languages: [],
    })
    await waitFor(() => expect(screen.queryByTestId('plan-form')).not.toBeInTheDocument())
    await waitFor(() => expect(backend.listActivities).toHaveBeenLastCalledWith('2026-12-07', '2026-12-13'))
    expect(await within(day('2026-12-08')).findByTestId('activity')).toHaveTextContent('09:30–10:15')
    expect(screen.getByTestId('plan-saved')).toHaveTextContent('Besøget er planlagt: tirsdag den 8. december 2026 kl. 09:30.')
    expect(screen.queryByTestId('conflict-warning')).not.toBeInTheDocument()
    expect(screen.getByTestId('plan-visit')).toHaveFocus()
  })

  it('leaves out empty optional fields', async () => {
    const backend = fakeBackend()
    const user = await start(backend)
    await user.click(screen.getByTestId('plan-visit'))
    await fill(user, { time: '10:00', area: '  Hasle ' })
    await user.click(screen.getByRole('button', { name: 'Plan besøg' }))
    expect(backend.planActivity).toHaveBeenCalledWith(
      expect.objectContaining({ start: `${TODAY}T10:00`, duration_minutes: 60, area: 'Hasle', household: null, note: null }),
    )
  })

  it('checks the fields before sending and says what to write', async () => {
    const backend = fakeBackend()
    const user = await start(backend)
    await user.click(screen.getByTestId('plan-visit'))
    await fill(user, { time: '25:00' })
    await user.click(screen.getByRole('button', { name: 'Plan besøg' }))

    expect(backend.planActivity).not.toHaveBeenCalled()
    const errors = screen.getAllByTestId('field-error')
    expect(errors.map((e) => e.textContent?.trim())).toEqual([
      'Skriv klokkeslættet som TT:MM, fx 10:00.',
      'Skriv hvilket område besøget er i.',
    ])
    const time = screen.getByLabelText(/Klokken/)
    expect(time).toHaveAttribute('aria-invalid', 'true')
    expect(time).toHaveAccessibleDescription(/Skriv klokkeslættet som TT:MM/)
    expect(time).toHaveFocus()
    expect(screen.getByLabelText(/Dato/)).toHaveAttribute('aria-invalid', 'false')
    expect(screen.getByLabelText(/Område/)).toHaveAttribute('aria-invalid', 'true')

    // The message goes away as soon as the field is corrected; the other one stays.
    await user.type(screen.getByLabelText(/Område/), 'Hasle')
    expect(screen.getByLabelText(/Område/)).toHaveAttribute('aria-invalid', 'false')
    expect(screen.getAllByTestId('field-error')).toHaveLength(1)
    expect(time).toHaveValue('25:00')
  })

  it('shows a refusal next to the date and time and keeps what was typed', async () => {
    const backend = fakeBackend()
    backend.planActivity.mockRejectedValue({
      code: 'dst_gap',
      field: 'start',
      args: { field: 'start', date: '2027-03-28', time: '02:30', gap_start: '02:00', gap_end: '03:00' },
    })
    const user = await start(backend)
    await user.click(screen.getByTestId('plan-visit'))
    await fill(user, { date: '2027-03-28', time: '02:30', area: 'Gellerup', household: 'H-4', note: 'Husk tolk' })
    await user.click(screen.getByRole('button', { name: 'Plan besøg' }))

    const error = await screen.findByTestId('field-error')
    expect(error).toHaveTextContent('Kl. 02:30 findes ikke')
    expect(error).toHaveTextContent('02:00')
    expect(error).toHaveTextContent('03:00')
    const date = screen.getByLabelText(/Dato/)
    const time = screen.getByLabelText(/Klokken/)
    expect(date).toHaveAttribute('aria-invalid', 'true')
    expect(time).toHaveAttribute('aria-invalid', 'true')
    expect(date.getAttribute('aria-describedby')).toContain(error.id)
    expect(time.getAttribute('aria-describedby')).toContain(error.id)
    expect(date).toHaveFocus()

    expect(screen.getByTestId('plan-form')).toBeInTheDocument()
    expect(date).toHaveValue('2027-03-28')
    expect(time).toHaveValue('02:30')
    expect(screen.getByLabelText(/Område/)).toHaveValue('Gellerup')
    expect(screen.getByLabelText(/Husstand/)).toHaveValue('H-4')
    expect(screen.getByLabelText(/Note/)).toHaveValue('Husk tolk')
  })

  it('shows a refusal of the household label next to that field', async () => {
    const backend = fakeBackend()
    backend.planActivity.mockRejectedValue(new UserError('not_a_pseudonym', 'household', { field: 'household' }))
    const user = await start(backend)
    await user.click(screen.getByTestId('plan-visit'))
    await fill(user, { time: '10:00', area: 'Gellerup', household: 'Fatima' })
    await user.click(screen.getByRole('button', { name: 'Plan besøg' }))
    const error = await screen.findByTestId('field-error')
    expect(error).toHaveTextContent('aldrig et navn')
    const household = screen.getByLabelText(/Husstand/)
    expect(household).toHaveAttribute('aria-invalid', 'true')
    expect(household).toHaveAccessibleDescription(expect.stringContaining('aldrig et navn'))
    expect(household).toHaveValue('Fatima')
  })

  it('warns about a conflict, naming the time of the other activity', async () => {
    const backend = fakeBackend({
      outcome: {
        id: 7,
        conflicts: [
          {
            with: 3,
            kind: 'overlap',
            with_start: '2026-12-03T10:30:00+01:00',
            with_end: '2026-12-03T11:30:00+01:00',
            gap_minutes: null,
            needed_minutes: null,
          },
          {
            with: 4,
            kind: 'too_little_travel_time',
            with_start: '2026-12-03T11:40:00+01:00',
            with_end: '2026-12-03T12:00:00+01:00',
            gap_minutes: 10,
            needed_minutes: 30,
          },
        ],
        notices: [],
      },
    })
    const user = await start(backend)
    await user.click(screen.getByTestId('plan-visit'))
    await fill(user, { date: '2026-12-03', time: '10:00', area: 'Gellerup' })
    await user.click(screen.getByRole('button', { name: 'Plan besøg' }))

    const warning = await screen.findByTestId('conflict-warning')
    expect(warning).toHaveAttribute('role', 'status')
    expect(warning).toHaveTextContent('ligger oven i en anden aftale, torsdag den 3. december 2026 kl. 10:30–11:30')
    expect(warning).toHaveTextContent('kun 10 minutter til en anden aftale, torsdag den 3. december 2026 kl. 11:40–12:00')
    expect(warning).toHaveTextContent('30 minutter')
    expect(screen.queryByTestId('plan-form')).not.toBeInTheDocument()
  })

  it('asks before Esc throws away what was typed', async () => {
    const backend = fakeBackend()
    const user = await start(backend)
    await user.keyboard('n')
    await user.keyboard('{Escape}')
    expect(screen.queryByTestId('plan-form')).not.toBeInTheDocument()

    await user.keyboard('n')
    await user.type(screen.getByLabelText(/Område/), 'Hasle')
    await user.keyboard('{Escape}')
    const confirm = screen.getByTestId('discard-confirm')
    expect(confirm).toHaveTextContent('Vil du lukke uden at gemme?')
    expect(screen.getByTestId('discard-no')).toHaveFocus()

    await user.keyboard('{Escape}')
    expect(screen.queryByTestId('discard-confirm')).not.toBeInTheDocument()
    expect(screen.getByLabelText(/Område/)).toHaveValue('Hasle')

    await user.keyboard('{Escape}')
    await user.click(screen.getByTestId('discard-yes'))
    expect(screen.queryByTestId('plan-form')).not.toBeInTheDocument()
    expect(backend.planActivity).not.toHaveBeenCalled()
  })
})
