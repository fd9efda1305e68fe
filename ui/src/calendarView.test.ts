// The month grid and the agenda list (CalendarView): which days they show, where each
// entry is (its Copenhagen day, whatever the machine's zone: the tests run in New York),
// and what a click, a key or a drag hands to the screen. jsdom lays nothing out: the day
// under the pointer is found with document.elementFromPoint, given here by each test.
import { fireEvent, render, screen, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import CalendarView from './screens/CalendarView.svelte'
import type { ActivityView, BusyView } from './lib/backend'
import { setLanguage } from './lib/i18n.svelte'
import { activity, busy } from './test/fakeBackend'

const TODAY = '2026-12-02'

const VISIT = activity({ id: 1, start: '2026-12-01T10:00:00+01:00', end: '2026-12-01T11:30:00+01:00' })
const DONE = activity({ id: 2, start: '2026-12-03T12:00:00+01:00', end: '2026-12-03T13:00:00+01:00', status: 'done' })
const SHIFT = busy({ uid: 'vagt', start: '2026-12-03T08:00:00+01:00', end: '2026-12-03T09:00:00+01:00' })

type Props = {
  mode?: 'month' | 'agenda'
  anchor?: string
  activities?: ActivityView[]
  busy?: BusyView[]
}

function setup(props: Props = {}) {
  const handlers = { onopen: vi.fn(), onbusy: vi.fn(), onpick: vi.fn(), onmove: vi.fn() }
  const result = render(CalendarView, {
    props: { mode: 'month', anchor: TODAY, today: TODAY, activities: [VISIT, DONE], busy: [SHIFT], ...handlers, ...props },
  })
  return { ...handlers, ...result }
}

/** The day cell of a date in the month. */
function day(date: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(`.mo-day[data-date="${date}"]`)
  if (!found) throw new Error(`no day ${date}`)
  return found
}

/** The button around an activity's card. */
function entryOf(id: number): HTMLElement {
  const card = screen.getAllByTestId('activity').find((el) => el.dataset.id === String(id))
  const entry = card?.closest<HTMLElement>('.cal-entry')
  if (!entry) throw new Error(`no entry ${id}`)
  return entry
}

function dayOfEntry(el: HTMLElement): string | undefined {
  return el.closest<HTMLElement>('.mo-day')?.dataset.date
}

/** The pointer is over `date`'s cell wherever it is (jsdom has no layout). */
function pointerOver(date: string | null): void {
  document.elementFromPoint = () => (date ? day(date) : document.body)
}

/** Press on `target`, move well past the drag threshold (over `to`), release. */
function drag(target: HTMLElement, to: string | null, { release = true } = {}): void {
  const at = (clientX: number, clientY: number) => ({ button: 0, pointerId: 1, clientX, clientY })
  fireEvent.pointerDown(target, at(100, 100))
  pointerOver(to)
  fireEvent.pointerMove(target, at(110, 130))
  fireEvent.pointerMove(target, at(200, 180))
  if (release) fireEvent.pointerUp(target, at(200, 180))
}

beforeEach(() => setLanguage('da'))
afterEach(() => {
  // @ts-expect-error jsdom has none; each test gives its own.
  delete document.elementFromPoint
})

describe('the month', () => {
  it('shows whole weeks from Monday, covering the month, with the other months set back', () => {
    // February 2026 begins on a Sunday and ends on a Saturday.
    setup({ anchor: '2026-02-15', activities: [], busy: [] })
    const days = screen.getAllByTestId('day').map((d) => d.dataset.date)
    expect(days).toHaveLength(35)
    expect(days[0]).toBe('2026-01-26')
    expect(days[6]).toBe('2026-02-01')
    expect(days.at(-1)).toBe('2026-03-01')
    expect(document.querySelectorAll('.mo-week')).toHaveLength(5)
    expect([...document.querySelectorAll('.mo-weekday')].map((h) => h.textContent)).toEqual([
      'man.',
      'tirs.',
      'ons.',
      'tors.',
      'fre.',
      'lør.',
      'søn.',
    ])
    expect(day('2026-01-31')).toHaveClass('is-other')
    expect(day('2026-02-01')).not.toHaveClass('is-other')
    expect(day('2026-03-01')).toHaveClass('is-other')
    expect(screen.getByRole('group', { name: 'søndag 1. februar' })).toBe(day('2026-02-01'))
  })

  it('shows six weeks when the month needs them, and names today', () => {
    // August 2026 begins on a Saturday and ends on a Monday.
    setup({ anchor: '2026-08-10', activities: [], busy: [] })
    const days = screen.getAllByTestId('day').map((d) => d.dataset.date)
    expect(days).toHaveLength(42)
    expect(days[0]).toBe('2026-07-27')
    expect(days.at(-1)).toBe('2026-09-06')
    expect(screen.queryByTestId('today-label')).toBeNull()
  })

  it('names today and highlights its day', () => {
    setup()
    expect(screen.getAllByTestId('today-label')).toHaveLength(1)
    expect(screen.getByTestId('today-label').closest('[data-testid="day"]')).toHaveAttribute('data-date', TODAY)
    expect(day(TODAY)).toHaveClass('is-today')
  })

  it('shows an activity on its Copenhagen day, whatever the machine\'s zone', () => {
    // 00:30 in Copenhagen on Wednesday 2 December is still Tuesday in New York.
    const late = activity({ id: 7, start: '2026-12-01T23:30:00Z', end: '2026-12-02T00:30:00Z' })
    setup({ activities: [late], busy: [] })
    expect(dayOfEntry(entryOf(7))).toBe('2026-12-02')
    expect(entryOf(7)).toHaveTextContent('00:30')
  })

  it('lists a day\'s entries in time order, all-day busy time first and on each day it covers', () => {
    const course = busy({ uid: 'kursus', start: '2026-12-02T00:00:00+01:00', end: '2026-12-04T00:00:00+01:00', all_day: true })
    const early = activity({ id: 3, start: '2026-12-03T07:00:00+01:00', end: '2026-12-03T07:30:00+01:00' })
    setup({ activities: [DONE, early], busy: [SHIFT, course] })
    const keys = (date: string) => [...day(date).querySelectorAll<HTMLElement>('.cal-entry')].map((e) => e.dataset.key)
    expect(keys('2026-12-02')).toEqual([course.key])
    expect(keys('2026-12-03')).toEqual([course.key, '3', SHIFT.key, '2'])
    expect(keys('2026-12-04')).toEqual([])
    // Busy time is a hatched line, not one of the kinds' colours.
    const shift = day('2026-12-03').querySelector(`.cal-entry[data-key="${SHIFT.key}"]`)
    expect(shift).toHaveClass('nabo-busy')
    expect(shift?.className).not.toMatch(/kind-/)
  })

  it('plans on a day when its free part is clicked, and opens what was clicked on', async () => {
    const { onpick, onopen, onbusy } = setup()
    const user = userEvent.setup()
    await user.click(day('2026-12-10'))
    expect(onpick).toHaveBeenCalledWith({ date: '2026-12-10', time: null, minutes: null })
    await user.click(within(day('2026-11-30')).getByTestId('day'))
    expect(onpick).toHaveBeenLastCalledWith({ date: '2026-11-30', time: null, minutes: null })

    await user.click(entryOf(1))
    expect(onopen).toHaveBeenCalledWith(VISIT)
    const shift = screen.getByTestId('busy').closest<HTMLElement>('.cal-entry')!
    await user.click(shift)
    expect(onbusy).toHaveBeenCalledWith(SHIFT, shift)
    expect(onpick).toHaveBeenCalledTimes(2)
  })

  it('opens an entry with Enter (which goes no further) or Space', async () => {
    const { onopen, onpick } = setup()
    const user = userEvent.setup()
    const prevented = vi.fn()
    const listen = (e: KeyboardEvent) => prevented(e.defaultPrevented)
    document.addEventListener('keydown', listen)
    entryOf(1).focus()
    await user.keyboard('{Enter}')
    document.removeEventListener('keydown', listen)
    expect(prevented).toHaveBeenCalledWith(true)
    entryOf(2).focus()
    await user.keyboard(' ')
    expect(onopen.mock.calls.map((c) => c[0].id)).toEqual([1, 2])
    expect(onpick).not.toHaveBeenCalled()
  })

  it('moves a planned activity dragged onto another day, at the same time of day', () => {
    const { onmove, onopen, onpick } = setup()
    const visit = entryOf(1)
    expect(visit).toHaveClass('is-editable')
    drag(visit, '2026-12-17', { release: false })
    // The day it would land on is shown while it is dragged.
    expect(day('2026-12-17')).toHaveClass('is-drop')
    expect(day('2026-12-01')).not.toHaveClass('is-drop')
    expect(visit).toHaveClass('is-dragged')
    fireEvent.pointerUp(visit, { button: 0, pointerId: 1, clientX: 200, clientY: 180 })
    expect(day('2026-12-17')).not.toHaveClass('is-drop')
    // The click that ends a drag neither opens the card nor plans on the day.
    fireEvent.click(visit)
    expect(onmove).toHaveBeenCalledTimes(1)
    expect(onmove.mock.calls[0]?.[0]).toMatchObject({ activity: VISIT, start: '2026-12-17T10:00', end: '2026-12-17T11:30' })
    expect(onopen).not.toHaveBeenCalled()
    expect(onpick).not.toHaveBeenCalled()
  })

  it('keeps the wall clock time when a drag crosses the change to summer time', () => {
    const march = activity({ id: 8, start: '2027-03-26T09:00:00+01:00', end: '2027-03-26T10:00:00+01:00' })
    const { onmove } = setup({ anchor: '2027-03-01', activities: [march], busy: [] })
    drag(entryOf(8), '2027-03-29')
    expect(onmove.mock.calls[0]?.[0]).toMatchObject({ start: '2027-03-29T09:00', end: '2027-03-29T10:00' })
  })

  it('moves nothing dropped on its own day or outside the month, or when Escape is pressed', async () => {
    const { onmove } = setup()
    drag(entryOf(1), '2026-12-01')
    drag(entryOf(1), null)
    drag(entryOf(1), '2026-12-08', { release: false })
    await userEvent.setup().keyboard('{Escape}')
    expect(day('2026-12-08')).not.toHaveClass('is-drop')
    fireEvent.pointerUp(entryOf(1), { button: 0, pointerId: 1 })
    expect(onmove).not.toHaveBeenCalled()
  })

  it('never drags a done activity or busy time', () => {
    const { onmove } = setup()
    const done = entryOf(2)
    const shift = screen.getByTestId('busy').closest<HTMLElement>('.cal-entry')!
    for (const entry of [done, shift]) {
      expect(entry).not.toHaveClass('is-editable')
      expect(entry).not.toHaveAttribute('aria-keyshortcuts')
      drag(entry, '2026-12-10', { release: false })
      expect(day('2026-12-10')).not.toHaveClass('is-drop')
      fireEvent.pointerUp(entry, { button: 0, pointerId: 1 })
    }
    expect(onmove).not.toHaveBeenCalled()
  })

  it('moves a planned activity by keyboard: Alt+←/→ a day, Alt+↑/↓ a week', async () => {
    const { onmove } = setup()
    const user = userEvent.setup()
    expect(entryOf(1)).toHaveAttribute('aria-keyshortcuts', 'Alt+ArrowLeft Alt+ArrowRight Alt+ArrowUp Alt+ArrowDown')
    entryOf(1).focus()
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}')
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}')
    expect(onmove.mock.calls.map((c) => [c[0].start, c[0].end, c[0].follow])).toEqual([
      ['2026-12-02T10:00', '2026-12-02T11:30', true],
      ['2026-11-24T10:00', '2026-11-24T11:30', true],
    ])
    entryOf(2).focus()
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}')
    expect(onmove).toHaveBeenCalledTimes(2)
  })

  it('gives the focus back to an activity moved by keyboard once the month is drawn anew', async () => {
    const { onmove, rerender } = setup()
    const user = userEvent.setup()
    entryOf(1).focus()
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}')
    const { start, end } = onmove.mock.calls[0]?.[0] as { start: string; end: string }
    expect(start).toBe('2026-12-02T10:00')
    const moved = { ...VISIT, start: `${start}:00+01:00`, end: `${end}:00+01:00` }
    await rerender({ activities: [moved, DONE] })
    expect(dayOfEntry(entryOf(1))).toBe('2026-12-02')
    expect(entryOf(1)).toHaveFocus()
  })

  /** `count` planned visits on `date`, an hour apart from 08:00, ids from `first`. */
  function visitsOn(date: string, count: number, first: number): ActivityView[] {
    return Array.from({ length: count }, (_, i) => {
      const hour = String(8 + i).padStart(2, '0')
      return activity({ id: first + i, start: `${date}T${hour}:00:00+01:00`, end: `${date}T${hour}:45:00+01:00` })
    })
  }
  const keysOn = (date: string) => [...day(date).querySelectorAll<HTMLElement>('.cal-entry')].map((e) => e.dataset.key)

  it('shows a busy day\'s first three entries and "+ 4 mere", which shows them all and then fewer', async () => {
    const busyDay = visitsOn('2026-12-09', 7, 100)
    const four = visitsOn('2026-12-10', 4, 200)
    setup({ activities: [...busyDay, ...four], busy: [] })
    const user = userEvent.setup()
    expect(keysOn('2026-12-09')).toEqual(['100', '101', '102'])
    // One more than three: that one is shown instead of a button.
    expect(keysOn('2026-12-10')).toEqual(['200', '201', '202', '203'])
    expect(within(day('2026-12-10')).queryByTestId('day-more')).toBeNull()
    const more = within(day('2026-12-09')).getByTestId('day-more')
    expect(more).toHaveAccessibleName('+ 4 mere: vis alle 7 aftaler onsdag 9. december')
    expect(more).toHaveAttribute('aria-expanded', 'false')
    await user.click(more)
    expect(keysOn('2026-12-09')).toEqual(['100', '101', '102', '103', '104', '105', '106'])
    const fewer = within(day('2026-12-09')).getByTestId('day-fewer')
    expect(fewer).toHaveAccessibleName('Vis færre: onsdag 9. december')
    await user.click(fewer)
    expect(keysOn('2026-12-09')).toEqual(['100', '101', '102'])
  })

  it('plans nothing when "+ mere" is clicked, and shows the days in brief again in another month', async () => {
    const { onpick, rerender } = setup({ activities: visitsOn('2026-12-09', 6, 100), busy: [] })
    const user = userEvent.setup()
    await user.click(within(day('2026-12-09')).getByTestId('day-more'))
    expect(onpick).not.toHaveBeenCalled()
    expect(keysOn('2026-12-09')).toHaveLength(6)
    await rerender({ anchor: '2027-01-10', activities: visitsOn('2027-01-06', 6, 300) })
    expect(keysOn('2027-01-06')).toEqual(['300', '301', '302'])
  })

  it('draws the next month into the cells and cards already there, and they open and move what they show now', async () => {
    // The month's cells and entries are kept by position (the 9th of December and the 6th of
    // January are both the second week's Wednesday), not rebuilt at each step
    // (benches/latency: a step took 20-30 ms less); what they show must follow the data.
    const { onopen, onmove, rerender } = setup({ activities: visitsOn('2026-12-09', 2, 100), busy: [] })
    const user = userEvent.setup()
    const firstCell = document.querySelector('.mo-day')
    const entry = entryOf(100)
    const later = visitsOn('2027-01-06', 2, 300)
    await rerender({ anchor: '2027-01-10', activities: later })
    expect(document.querySelector('.mo-day')).toBe(firstCell)
    expect(day('2026-12-28')).toBe(firstCell)
    expect(keysOn('2027-01-06')).toEqual(later.map((a) => a.key))
    expect([...document.querySelectorAll<HTMLElement>('.cal-entry')].map((e) => e.dataset.key)).toEqual(later.map((a) => a.key))
    const reused = entryOf(300)
    expect(reused).toBe(entry)
    expect(dayOfEntry(reused)).toBe('2027-01-06')
    await user.click(reused)
    expect(onopen).toHaveBeenLastCalledWith(later[0])
    drag(reused, '2027-01-15')
    expect(onmove).toHaveBeenCalledWith(expect.objectContaining({ activity: later[0], start: '2027-01-15T08:00', end: '2027-01-15T08:45' }))
  })

  it('shows in full the day an activity is dragged or moved by keyboard to, so it can be seen there', async () => {
    const crowded = visitsOn('2026-12-09', 6, 100)
    const { onmove, rerender } = setup({ activities: [VISIT, ...crowded], busy: [] })
    drag(entryOf(1), '2026-12-09')
    expect(onmove.mock.calls[0]?.[0]).toMatchObject({ start: '2026-12-09T10:00' })
    expect(keysOn('2026-12-09')).toHaveLength(6)
    // Back to brief, then moved by keyboard from the 8th: the 9th opens again, the focus follows.
    await userEvent.setup().click(within(day('2026-12-09')).getByTestId('day-fewer'))
    const eighth = { ...VISIT, start: '2026-12-08T23:00:00+01:00', end: '2026-12-08T23:30:00+01:00' }
    await rerender({ activities: [eighth, ...crowded] })
    entryOf(1).focus()
    await userEvent.setup().keyboard('{Alt>}{ArrowRight}{/Alt}')
    const { start, end } = onmove.mock.calls[1]?.[0] as { start: string; end: string }
    expect(start).toBe('2026-12-09T23:00')
    await rerender({ activities: [{ ...eighth, start: `${start}:00+01:00`, end: `${end}:00+01:00` }, ...crowded] })
    // Last of seven in time order: only there because the day is shown in full.
    expect(keysOn('2026-12-09').at(-1)).toBe('1')
    expect(entryOf(1)).toHaveFocus()
  })
})

describe('the agenda', () => {
  it('lists the days of the week that have entries, in order, today named', () => {
    const sunday = activity({ id: 4, start: '2026-12-06T18:00:00+01:00', end: '2026-12-06T19:00:00+01:00' })
    const nextWeek = activity({ id: 5, start: '2026-12-08T10:00:00+01:00', end: '2026-12-08T11:00:00+01:00' })
    const course = busy({ uid: 'kursus', start: '2026-12-02T00:00:00+01:00', end: '2026-12-04T00:00:00+01:00', all_day: true })
    setup({ mode: 'agenda', anchor: '2026-12-04', activities: [sunday, DONE, VISIT, nextWeek], busy: [SHIFT, course] })
    const heads = screen.getAllByTestId('day')
    expect(heads.map((h) => h.dataset.date)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-06'])
    expect(heads.map((h) => h.textContent?.trim())).toEqual([
      'tirsdag 1. december',
      'onsdag 2. december I dag',
      'torsdag 3. december',
      'søndag 6. december',
    ])
    expect(screen.getByRole('heading', { name: /torsdag 3\. december/ })).toBeInTheDocument()
    // Each day's entries, all-day first, then by time.
    const thursday = screen.getByRole('group', { name: 'torsdag 3. december' })
    expect(within(thursday).getAllByRole('button').map((b) => b.dataset.key)).toEqual([course.key, SHIFT.key, '2'])
    expect(within(thursday).getAllByTestId('busy')[0]).toHaveTextContent('Hele dagen')
    expect(screen.queryByTestId('agenda-empty')).toBeNull()
    expect(document.querySelector('.is-editable')).toBeNull()
  })

  it('opens an entry on a click, and says so when the week has nothing', async () => {
    const { onopen, unmount } = setup({ mode: 'agenda' })
    await userEvent.setup().click(entryOf(1))
    expect(onopen).toHaveBeenCalledWith(VISIT)
    unmount()
    setup({ mode: 'agenda', anchor: '2026-12-14' })
    expect(screen.queryAllByTestId('day')).toHaveLength(0)
    expect(screen.getByTestId('agenda-empty')).toHaveTextContent('Ingen aftaler')
  })
})
