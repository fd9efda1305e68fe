// The UI shows core's rules (ui/src/lib/bindings/currentRules.ts, written by a Rust test)
// and no copy of its own: the form's fields and limits per kind, the series limit, the
// settings' ranges. Every expectation here is read from RULES, so a number or a field
// list restated by hand fails as soon as core changes it, or at once if it differs.
import { cleanup, render, screen, waitFor } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import App from './App.svelte'
import { UserError } from './lib/backend'
import { RULES } from './lib/bindings/currentRules'
import { roleChoices } from './lib/choices'
import { errorMessage, setLanguage } from './lib/i18n.svelte'
import { blankRequest, requestProblem } from './lib/kinds'
import { fakeBackend, type FakeBackend } from './test/fakeBackend'

type User = ReturnType<typeof userEvent.setup>

const TEXT_FIELDS = RULES.texts.map((rule) => rule.field)

async function open(backend: FakeBackend): Promise<User> {
  const user = userEvent.setup()
  render(App, { props: { backend } })
  await screen.findByTestId('today-screen')
  return user
}

const form = () => screen.getByTestId('plan-form')
const input = (name: string) => {
  const found = form().querySelector<HTMLInputElement>(`[name="${name}"]`)
  if (!found) throw new Error(`no field ${name}`)
  return found
}

async function fill(user: User, values: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    await user.clear(input(name))
    await user.click(input(name))
    await user.paste(value)
  }
}

afterEach(() => {
  cleanup()
  setLanguage('da')
})

describe("the plan form follows core's rules", () => {
  it("offers core's kinds, and for each its fields in order, the required ones, expected size and duration range", async () => {
    const user = await open(fakeBackend())
    await user.click(screen.getByTestId('plan-visit'))
    const select = (await screen.findByTestId('plan-form')).querySelector<HTMLSelectElement>('#form-kind')!
    expect([...select.options].map((o) => o.value)).toEqual(RULES.kinds.map((k) => k.kind))
    for (const rules of RULES.kinds) {
      await user.selectOptions(select, rules.kind)
      const shown = [...form().querySelectorAll<HTMLElement>('[name]')].map((el) => el.getAttribute('name') ?? '')
      expect(shown.filter((name) => (TEXT_FIELDS as string[]).includes(name)), rules.kind).toEqual(rules.fields)
      const required = rules.fields.filter((field) => form().querySelector(`label[for="form-${field}"] span[aria-hidden="true"]`))
      expect(required, rules.kind).toEqual(rules.required)
      expect(input('duration').min, rules.kind).toBe(String(rules.duration_minutes.min))
      expect(input('duration').max, rules.kind).toBe(String(rules.duration_minutes.max))
      const size = form().querySelector<HTMLInputElement>('[name="expected_size"]')
      expect(size !== null, rules.kind).toBe(rules.expected_size)
      if (size) expect([size.min, size.max]).toEqual([String(RULES.expected_size.min), String(RULES.expected_size.max)])
    }
  })

  it("refuses a visit one minute longer than core allows, in core's words, and plans the longest", async () => {
    const backend = fakeBackend()
    const user = await open(backend)
    await user.click(screen.getByTestId('plan-visit'))
    const { max } = RULES.kinds.find((k) => k.kind === 'home_visit')!.duration_minutes
    await fill(user, { date: '2026-12-03', time: '09:00', area: 'Gellerup', duration: String(max + 1) })
    await user.click(screen.getByTestId('plan-submit'))
    const words = errorMessage(new UserError('too_long', 'duration', { kind: 'home_visit', minutes: String(max + 1), max: String(max) }))
    expect(input('duration')).toHaveAccessibleDescription(words)
    expect(backend.planActivity).not.toHaveBeenCalled()
    await fill(user, { duration: String(max) })
    await user.click(screen.getByTestId('plan-submit'))
    await waitFor(() => expect(backend.planActivity).toHaveBeenCalledWith(expect.objectContaining({ duration_minutes: max })))
  })

  it("refuses a text longer than core's limit for it", async () => {
    const backend = fakeBackend()
    const user = await open(backend)
    await user.click(screen.getByTestId('plan-visit'))
    const limit = RULES.texts.find((rule) => rule.field === 'area')!.max_chars
    await fill(user, { date: '2026-12-03', time: '09:00', area: 'x'.repeat(limit + 1) })
    await user.click(screen.getByTestId('plan-submit'))
    expect(backend.planActivity).not.toHaveBeenCalled()
    const words = errorMessage(new UserError('text_too_long', 'area', { field: 'area', chars: String(limit + 1), max: String(limit) }))
    expect(form().querySelector('[data-field="area"]')).toHaveTextContent(words)
  })

  it("lets a series have as many meetings as core allows, and no more", async () => {
    const backend = fakeBackend()
    const user = await open(backend)
    await user.click(screen.getByTestId('plan-meeting'))
    await fill(user, { date: '2026-12-01', time: '17:00', venue: 'Beboerhuset', theme: 'Sundhed' })
    await user.selectOptions(screen.getByLabelText('Gentag'), 'weekly')
    const { min, max } = RULES.series_meetings
    expect([input('repeat-count').min, input('repeat-count').max]).toEqual([String(min), String(max)])
    await fill(user, { 'repeat-count': String(max + 1) })
    await user.click(screen.getByTestId('plan-submit'))
    expect(backend.planActivity).not.toHaveBeenCalled()
    expect(form().querySelector('[data-field="repeat"]')).toHaveTextContent(`fra ${min} til ${max}`)
    await fill(user, { 'repeat-count': String(max) })
    await user.click(screen.getByTestId('plan-submit'))
    await waitFor(() => expect(backend.planActivity).toHaveBeenCalledWith(expect.objectContaining({ rrule: `FREQ=WEEKLY;BYDAY=TU;COUNT=${max}` })))
  })
})

describe("settings follow core's ranges", () => {
  it("gives every number in Settings core's range", async () => {
    const user = await open(fakeBackend())
    await user.click(screen.getByTestId('nav-settings'))
    const range = (id: string) => {
      const el = document.getElementById(`settings-${id}`) as HTMLInputElement
      return { min: Number(el.min), max: Number(el.max) }
    }
    for (const rules of RULES.kinds) {
      expect(range(rules.kind), rules.kind).toEqual(rules.default_duration)
      // A default the kind itself could not last is no default (a visit lasts at most 480).
      expect(rules.default_duration.max, rules.kind).toBeLessThanOrEqual(rules.duration_minutes.max)
    }
    for (const key of ['travel_buffer_minutes', 'reminder_minutes', 'follow_up_days', 'erase_after_months'] as const) {
      expect(range(key), key).toEqual(RULES.settings[key])
    }
  })
})

describe('requests and the in-memory backend', () => {
  it("start from core's blank details: every detail, nothing more", () => {
    const request = blankRequest('group_meeting', '2026-12-01', null)
    expect(Object.keys(request).sort()).toEqual(['kind', 'start', 'duration_minutes', 'rrule', ...Object.keys(RULES.blank_details)].sort())
  })

  it("refuse a missing required field and a field the kind does not have, as core does", async () => {
    for (const rules of RULES.kinds) {
      const blank = { ...blankRequest(rules.kind, '2026-12-01', null, '10:00'), duration_minutes: rules.duration_minutes.max }
      const [first] = rules.required
      expect(requestProblem(blank)?.field ?? null, rules.kind).toBe(first ?? null)
      const filled = Object.fromEntries(rules.required.map((field) => [field, 'Gellerup']))
      expect(requestProblem({ ...blank, ...filled }), rules.kind).toBeNull()
      const foreign = TEXT_FIELDS.find((field) => !rules.fields.includes(field))
      if (foreign) expect(requestProblem({ ...blank, ...filled, [foreign]: 'x' })?.code, rules.kind).toBe('not_for_kind')
    }
    const backend = fakeBackend()
    await expect(backend.planActivity(blankRequest('home_visit', '2026-12-01', null, '10:00'))).rejects.toMatchObject({ code: 'missing_field' })
  })
})

describe('roles', () => {
  it('offers every role the Rust side has, in both languages', () => {
    expect(roleChoices().map((c) => [c.value, c.label])).toEqual([
      ['volunteer', 'Frivillig'],
      ['coordinator', 'Koordinator'],
      ['both', 'Begge dele'],
    ])
    setLanguage('en')
    expect(roleChoices().map((c) => c.label)).toEqual(['Volunteer', 'Coordinator', 'Both'])
  })
})

describe("the in-memory backend and the blank form follow core's per-kind numbers", () => {
  it('starts a new activity with core\'s default length when none is set, and refuses counts above core\'s limit', async () => {
    for (const rules of RULES.kinds) {
      expect(blankRequest(rules.kind, '2026-12-01', null).duration_minutes, rules.kind).toBe(rules.default_minutes)
    }
    const backend = fakeBackend({ today: '2026-12-02' })
    const visit = RULES.kinds.find((k) => k.kind === 'home_visit')!
    const planned = await backend.planActivity({ ...blankRequest('home_visit', '2026-11-02', null, '10:00'), area: 'Gellerup' })
    await expect(backend.recordCounts(planned.id, null, { reached: visit.max_reached + 1 })).rejects.toMatchObject({ code: 'counts_implausible' })
    await expect(backend.recordCounts(planned.id, null, { reached: visit.max_reached })).resolves.toBeTruthy()
  })
})

