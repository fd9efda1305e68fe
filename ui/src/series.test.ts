// The series editor in the plan/edit form: what it sends (RRULE), the summary it shows,
// and errors next to it; the "Serie" marker on cards.
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import App from './App.svelte'
import { UserError } from './lib/backend'
import { RULES } from './lib/bindings/currentRules'
import { setLanguage } from './lib/i18n.svelte'
import { activity, fakeBackend, type FakeBackend } from './test/fakeBackend'

type User = ReturnType<typeof userEvent.setup>

async function open(backend: FakeBackend): Promise<User> {
  const user = userEvent.setup()
  render(App, { props: { backend } })
  await screen.findByTestId('today-screen')
  return user
}

async function fill(user: User, values: Record<string, string>): Promise<void> {
  const form = screen.getByTestId('plan-form')
  for (const [name, value] of Object.entries(values)) {
    const input = form.querySelector<HTMLInputElement>(`[name="${name}"]`)
    if (!input) throw new Error(`no field ${name}`)
    await user.clear(input)
    if (value !== '') await user.type(input, value)
  }
}

async function planMeeting(user: User, date = '2026-12-01'): Promise<void> {
  await user.keyboard('m')
  await fill(user, { date, time: '17:00', venue: 'Beboerhuset', theme: 'Sundhed' })
}

const repeatSelect = () => screen.getByLabelText('Gentag') as HTMLSelectElement
const summary = () => screen.getByTestId('repeat-summary')
const submit = (user: User) => user.click(screen.getByTestId('plan-submit'))

afterEach(() => setLanguage('da'))

describe('series editor', () => {
  it('plans a one-off meeting by default, with no rule', async () => {
    const backend = fakeBackend()
    const user = await open(backend)
    await planMeeting(user)
    expect(repeatSelect().value).toBe('none')
    expect(screen.queryByTestId('repeat-summary')).not.toBeInTheDocument()
    await submit(user)
    expect(backend.planActivity).toHaveBeenCalledWith(expect.objectContaining({ rrule: null }))
  })

  it('every week on the start weekday, 8 times, with a summary that follows the form', async () => {
    const backend = fakeBackend()
    const user = await open(backend)
    await planMeeting(user)
    await user.selectOptions(repeatSelect(), 'weekly')
    const days = within(screen.getByRole('group', { name: 'På disse dage' }))
    expect(days.getByRole('checkbox', { name: 'tirsdag' })).toBeChecked()
    expect(days.getAllByRole('checkbox').filter((c) => (c as HTMLInputElement).checked)).toHaveLength(1)
    expect(screen.getByRole('radio', { name: 'Efter et antal gange' })).toBeChecked()
    expect(summary()).toHaveTextContent('Hver tirsdag kl. 17:00–19:00, 8 gange')
    // The summary follows the time and duration.
    await fill(user, { time: '10:00', duration: '90' })
    expect(summary()).toHaveTextContent('Hver tirsdag kl. 10:00–11:30, 8 gange')
    await submit(user)
    expect(backend.planActivity).toHaveBeenCalledWith(
      expect.objectContaining({ kind: 'group_meeting', start: '2026-12-01T10:00', rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=8' }),
    )
  })

  it('every other week on Monday and Thursday until a date', async () => {
    const backend = fakeBackend()
    const user = await open(backend)
    await planMeeting(user, '2026-11-30')
    await fill(user, { time: '10:00', duration: '60' })
    await user.selectOptions(repeatSelect(), 'biweekly')
    await user.click(screen.getByRole('checkbox', { name: 'torsdag' }))
    await user.click(screen.getByRole('radio', { name: 'Til og med en dato' }))
    await user.type(screen.getByLabelText('Til og med'), '2027-03-01')
    expect(summary()).toHaveTextContent('Hver anden mandag og torsdag kl. 10:00–11:00, til og med 1. marts 2027')
    await submit(user)
    expect(backend.planActivity).toHaveBeenCalledWith(
      expect.objectContaining({ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;UNTIL=20270301' }),
    )
  })

  it('every month on the same weekday ("2. tirsdag"), 6 times', async () => {
    const backend = fakeBackend()
    const user = await open(backend)
    await planMeeting(user, '2026-12-08')
    expect(within(repeatSelect()).getByRole('option', { name: 'Hver måned (2. tirsdag)' })).toBeInTheDocument()
    await user.selectOptions(repeatSelect(), 'monthly')
    expect(screen.queryByRole('group', { name: 'På disse dage' })).not.toBeInTheDocument()
    await fill(user, { 'repeat-count': '6' })
    expect(summary()).toHaveTextContent('2. tirsdag i hver måned kl. 17:00–19:00, 6 gange')
    await submit(user)
    expect(backend.planActivity).toHaveBeenCalledWith(expect.objectContaining({ rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=6' }))
  })

  it('a series without end', async () => {
    const backend = fakeBackend()
    const user = await open(backend)
    await planMeeting(user)
    await user.selectOptions(repeatSelect(), 'weekly')
    await user.click(screen.getByRole('radio', { name: 'Ingen slutdato' }))
    expect(summary()).toHaveTextContent('Hver tirsdag kl. 17:00–19:00, uden slutdato')
    await submit(user)
    expect(backend.planActivity).toHaveBeenCalledWith(expect.objectContaining({ rrule: 'FREQ=WEEKLY;BYDAY=TU' }))
  })

  it('checks the number of times and the last date before sending, next to the editor', async () => {
    const backend = fakeBackend()
    const user = await open(backend)
    await planMeeting(user)
    await user.selectOptions(repeatSelect(), 'weekly')
    await fill(user, { 'repeat-count': '' })
    await submit(user)
    expect(backend.planActivity).not.toHaveBeenCalled()
    expect(screen.getAllByTestId('field-error').map((e) => e.dataset.field)).toEqual(['repeat'])
    expect(screen.getByTestId('field-error')).toHaveTextContent('Skriv hvor mange gange')
    expect(repeatSelect()).toHaveFocus()
    expect(repeatSelect()).toHaveAccessibleDescription(/Skriv hvor mange gange/)

    await user.click(screen.getByRole('radio', { name: 'Til og med en dato' }))
    expect(screen.queryByTestId('field-error')).not.toBeInTheDocument()
    await user.type(screen.getByLabelText('Til og med'), '2026-11-01')
    await submit(user)
    expect(backend.planActivity).not.toHaveBeenCalled()
    expect(screen.getByTestId('field-error')).toHaveTextContent('Den må ikke ligge før første møde')
  })

  it('shows a refusal of the rule next to the editor and keeps what was typed', async () => {
    const backend = fakeBackend()
    // As many meetings as a series may have, but monthly: longer than core allows.
    const count = RULES.series_meetings.max
    backend.planActivity.mockRejectedValueOnce(new UserError('repeat_too_long', 'repeat', { until: '2070-03-03T16:00:00+00:00' }))
    const user = await open(backend)
    await planMeeting(user)
    await user.selectOptions(repeatSelect(), 'monthly')
    await fill(user, { 'repeat-count': String(count) })
    await submit(user)
    const error = await screen.findByTestId('field-error')
    expect(error.dataset.field).toBe('repeat')
    expect(error).toHaveTextContent('En serie kan højst vare 10 år.')
    expect(within(screen.getByTestId('repeat-editor')).getByTestId('field-error')).toBe(error)
    expect(screen.getByLabelText('Antal gange')).toHaveValue(count)
    expect(repeatSelect().value).toBe('monthly')
  })

  it('speaks English', async () => {
    const backend = fakeBackend({ language: 'en' })
    const user = await open(backend)
    await planMeeting(user, '2026-12-08')
    await user.selectOptions(screen.getByLabelText('Repeat'), 'monthly')
    expect(summary()).toHaveTextContent('2nd Tuesday of every month, 17:00–19:00, 8 times')
    await user.selectOptions(screen.getByLabelText('Repeat'), 'weekly')
    expect(summary()).toHaveTextContent('Every Tuesday, 17:00–19:00, 8 times')
  })

  it('is not offered for a home visit', async () => {
    const user = await open(fakeBackend())
    await user.keyboard('n')
    expect(screen.queryByTestId('repeat-editor')).not.toBeInTheDocument()
  })
})

describe('editing a series', () => {
  const occurrence = '2026-12-08T17:00:00+01:00'
  const meeting = activity({
    id: 40,
    kind: 'group_meeting',
    occurrence,
    rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270126T225959Z',
    start: occurrence,
    end: '2026-12-08T19:00:00+01:00',
    venue: 'Beboerhuset',
    theme: 'Sundhed',
  })

  async function openMeeting(backend: FakeBackend): Promise<User> {
    const user = await open(backend)
    await user.click(screen.getByTestId('nav-calendar'))
    await waitFor(() => expect(screen.getByTestId('week-view')).toHaveAttribute('aria-busy', 'false'))
    // Enter, not a click: a press starts the calendar component's drag, which jsdom cannot follow.
    const event = await screen.findByRole('button', { name: /Gruppemøde/ })
    event.focus()
    await user.keyboard('{Enter}')
    await screen.findByTestId('plan-form')
    return user
  }

  it('marks meetings of a series with a word and an icon', async () => {
    const backend = fakeBackend({ today: '2026-12-08', activities: [meeting] })
    const user = await open(backend)
    expect(await screen.findByTestId('series-tag')).toHaveTextContent('Serie')
    await user.click(screen.getByTestId('nav-calendar'))
    await waitFor(() => expect(screen.getAllByTestId('series-tag').length).toBeGreaterThan(0))
  })

  it('shows the rule of the series and keeps it when it is not changed', async () => {
    const backend = fakeBackend({ today: '2026-12-08', activities: [meeting] })
    const user = await openMeeting(backend)
    expect(repeatSelect().value).toBe('weekly')
    expect(summary()).toHaveTextContent('Hver tirsdag kl. 17:00–19:00, til og med 26. januar 2027')
    await fill(user, { theme: 'Skole' })
    await submit(user)
    await waitFor(() =>
      expect(backend.updateFollowing).toHaveBeenCalledWith(
        40,
        occurrence,
        expect.objectContaining({ theme: 'Skole', rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270126T225959Z' }),
      ),
    )
  })

  it('sends the series rule with its COUNT back unchanged, and a changed rule as chosen', async () => {
    const counted = { ...meeting, rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=8' }
    const backend = fakeBackend({ today: '2026-12-08', activities: [counted] })
    let user = await openMeeting(backend)
    await fill(user, { theme: 'Skole' })
    await submit(user)
    await waitFor(() =>
      expect(backend.updateFollowing).toHaveBeenCalledWith(40, occurrence, expect.objectContaining({ rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=8' })),
    )
    cleanup()

    const again = fakeBackend({ today: '2026-12-08', activities: [counted] })
    user = await openMeeting(again)
    await user.selectOptions(repeatSelect(), 'biweekly')
    await fill(user, { 'repeat-count': '4' })
    await submit(user)
    await waitFor(() =>
      expect(again.updateFollowing).toHaveBeenCalledWith(40, occurrence, expect.objectContaining({ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=4' })),
    )
  })

  it('keeps a rule the editor cannot show, and says so', async () => {
    const daily = { ...meeting, rrule: 'FREQ=DAILY;COUNT=3', occurrence: null, key: '40' }
    const backend = fakeBackend({ today: '2026-12-08', activities: [daily] })
    const user = await openMeeting(backend)
    expect(screen.getByTestId('repeat-editor')).toHaveTextContent('som formularen ikke kan vise')
    await submit(user)
    await waitFor(() => expect(backend.updateActivity).toHaveBeenCalledWith(40, expect.objectContaining({ rrule: 'FREQ=DAILY;COUNT=3' })))
  })
})
