// The week grid by pointer and keyboard: what a volunteer does with a mouse (click free
// time, drag a stretch, drag a card to another time or day, drag its lower edge) and what
// comes out (the wall clock times handed to the screen). jsdom lays nothing out, so each
// day column is given the box it would have: 100 px wide, side by side, starting at y = 0.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import WeekGrid from './screens/WeekGrid.svelte'
import { setLanguage } from './lib/i18n.svelte'
import { activity, busy } from './test/fakeBackend'

const MONDAY = '2026-11-30'
const TODAY = '2026-12-02'
/** 40 px per half hour; the grid starts at 07:00. */
const PX_PER_MINUTE = 40 / 30
const yAt = (hh: number, mm = 0) => ((hh - 7) * 60 + mm) * PX_PER_MINUTE

const VISIT = activity({ id: 1, start: '2026-12-01T10:00:00+01:00', end: '2026-12-01T11:00:00+01:00' })
const DONE = activity({ id: 2, start: '2026-12-03T12:00:00+01:00', end: '2026-12-03T13:00:00+01:00', status: 'done' })

/** How far the week is scrolled down, in pixels (the columns move up by as much). */
let scrolled = 0

function layOut(): void {
  scrolled = 0
  document.querySelectorAll<HTMLElement>('.wk-day').forEach((column, i) => {
    column.getBoundingClientRect = () => new DOMRect(100 + i * 100, -scrolled, 100, yAt(22))
  })
}

function setup(props: Partial<Parameters<typeof render<typeof WeekGrid>>[1] & object> = {}) {
  const handlers = { onopen: vi.fn(), onbusy: vi.fn(), onpick: vi.fn(), onmove: vi.fn() }
  const { rerender } = render(WeekGrid, { props: { monday: MONDAY, today: TODAY, activities: [VISIT, DONE], busy: [], ...handlers, ...props } })
  layOut()
  return { ...handlers, rerender }
}

function entryOf(id: number): HTMLElement {
  const card = screen.getAllByTestId('activity').find((el) => el.dataset.id === String(id))
  const entry = card?.closest<HTMLElement>('.wk-entry')
  if (!entry) throw new Error(`no entry ${id}`)
  return entry
}

function column(date: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(`.wk-day[data-date="${date}"]`)
  if (!found) throw new Error(`no column ${date}`)
  return found
}

/** Press at (x, y), move in steps to (x2, y2), release: the way a hand drags. */
function drag(target: HTMLElement, from: [number, number], to: [number, number]): void {
  const at = ([clientX, clientY]: [number, number]) => ({ button: 0, pointerId: 1, clientX, clientY })
  fireEvent.pointerDown(target, at(from))
  fireEvent.pointerMove(target, at([from[0], from[1] + Math.sign(to[1] - from[1] || 1) * 6]))
  fireEvent.pointerMove(target, at([(from[0] + to[0]) / 2, (from[1] + to[1]) / 2]))
  fireEvent.pointerMove(target, at(to))
  fireEvent.pointerUp(target, at(to))
}

beforeEach(() => setLanguage('da'))

describe('the week grid', () => {
  it('shows the seven days with today named, and the hours from 07 to 22', () => {
    setup()
    const heads = screen.getAllByTestId('day')
    expect(heads.map((h) => h.dataset.date)).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ])
    expect(heads[2]).toHaveTextContent('I dag')
    expect(screen.getAllByTestId('today-label')).toHaveLength(1)
    const hours = [...document.querySelectorAll('.wk-hour')].map((h) => h.textContent)
    expect(hours[0]).toBe('07:00')
    expect(hours.at(-1)).toBe('21:00')
    // Each day is a group named by its date, holding its activities as buttons.
    const tuesday = screen.getByRole('group', { name: /1\. december/ })
    expect(within(tuesday).getByRole('button')).toHaveTextContent('10:00–11:00')
  })

  it('widens the hours for an early activity, but not for early busy time', () => {
    const early = activity({ id: 3, start: '2026-12-04T06:15:00+01:00', end: '2026-12-04T06:45:00+01:00' })
    const night = busy({ uid: 'nat', start: '2026-12-05T02:00:00+01:00', end: '2026-12-05T05:00:00+01:00' })
    setup({ activities: [early], busy: [night] })
    const hours = [...document.querySelectorAll('.wk-hour')].map((h) => h.textContent)
    expect(hours[0]).toBe('06:00')
    expect(hours.at(-1)).toBe('21:00')
  })

  it('plans at the half hour clicked', () => {
    const { onpick } = setup()
    const wednesday = column('2026-12-02')
    fireEvent.pointerDown(wednesday, { button: 0, pointerId: 1, clientX: 350, clientY: yAt(14, 40) })
    fireEvent.pointerUp(wednesday, { button: 0, pointerId: 1, clientX: 350, clientY: yAt(14, 40) })
    expect(onpick).toHaveBeenCalledWith({ date: '2026-12-02', time: '14:30', minutes: null })
  })

  it('plans a stretch dragged down free time, in quarters of an hour', () => {
    const { onpick } = setup()
    const friday = column('2026-12-04')
    drag(friday, [550, yAt(9, 5)], [550, yAt(10, 40)])
    expect(onpick).toHaveBeenCalledWith({ date: '2026-12-04', time: '09:00', minutes: 105 })
    expect(screen.queryByTestId('slot-selection')).toBeNull()
  })

  it('moves a planned visit an hour later by dragging it two half hours down', () => {
    const { onmove, onopen } = setup()
    const entry = entryOf(1)
    drag(entry, [250, yAt(10, 10)], [250, yAt(11, 10)])
    // The click that ends a drag does not open the card.
    fireEvent.click(entry)
    expect(onopen).not.toHaveBeenCalled()
    expect(onmove).toHaveBeenCalledTimes(1)
    expect(onmove.mock.calls[0]?.[0]).toMatchObject({ activity: VISIT, start: '2026-12-01T11:00', end: '2026-12-01T12:00' })
  })

  it('moves a visit to another day (and time) by dragging it across', () => {
    const { onmove } = setup()
    drag(entryOf(1), [250, yAt(10, 10)], [450, yAt(9, 40)])
    expect(onmove.mock.calls[0]?.[0]).toMatchObject({ start: '2026-12-03T09:30', end: '2026-12-03T10:30' })
  })

  it('keeps a dropped card where it was dropped until the answer, and puts it back on a refusal', () => {
    const { onmove } = setup()
    const entry = entryOf(1)
    drag(entry, [250, yAt(10, 10)], [250, yAt(11, 10)])
    expect(entry.style.transform).toBe(`translate(0px, ${60 * PX_PER_MINUTE}px)`)
    const { revert } = onmove.mock.calls[0]?.[0] as { revert: () => void }
    revert()
    return Promise.resolve().then(() => expect(entry.style.transform).toBe(''))
  })

  it('opens a week scrolled to its first activity, and does not scroll away after a move', async () => {
    const evening = activity({ id: 6, start: '2026-12-03T17:00:00+01:00', end: '2026-12-03T18:00:00+01:00' })
    const { rerender } = setup({ activities: [evening] })
    const grid = screen.getByTestId('week-grid')
    // Half an hour above 17:00: ten hours and a half below 07:00.
    await waitFor(() => expect(grid.scrollTop).toBe(yAt(16, 30)))
    grid.scrollTop = 0
    const moved = { ...evening, start: '2026-12-03T18:00:00+01:00', end: '2026-12-03T19:00:00+01:00' }
    await rerender({ activities: [moved] })
    expect(grid.scrollTop).toBe(0)
    // Another week: scrolled to its own first activity.
    const next = activity({ id: 7, start: '2026-12-08T09:00:00+01:00', end: '2026-12-08T10:00:00+01:00' })
    await rerender({ monday: '2026-12-07', activities: [next] })
    await waitFor(() => expect(grid.scrollTop).toBe(yAt(8, 30)))
    // A week with nothing in it opens at the top, not where the week before was scrolled.
    await rerender({ monday: '2026-12-14', activities: [] })
    await waitFor(() => expect(grid.scrollTop).toBe(0))
  })

  it('keeps a dragged card within the hours shown', () => {
    const { onmove } = setup()
    drag(entryOf(1), [250, yAt(10, 10)], [250, yAt(23, 40)])
    drag(entryOf(1), [250, yAt(10, 10)], [250, yAt(3, 0)])
    expect(onmove.mock.calls.map((c) => [c[0].start, c[0].end])).toEqual([
      ['2026-12-01T21:00', '2026-12-01T22:00'],
      ['2026-12-01T07:00', '2026-12-01T08:00'],
    ])
  })

  it('follows the hours under the pointer when the week scrolls during a drag', () => {
    const { onmove } = setup()
    const entry = entryOf(1)
    const at = (clientY: number) => ({ button: 0, pointerId: 1, clientX: 250, clientY })
    fireEvent.pointerDown(entry, at(yAt(10, 10)))
    fireEvent.pointerMove(entry, at(yAt(10, 16)))
    // The wheel scrolls the week two hours down; the pointer stays where it was.
    scrolled = 120 * PX_PER_MINUTE
    fireEvent.scroll(screen.getByTestId('week-grid'))
    expect(entry.style.transform).toBe(`translate(0px, ${120 * PX_PER_MINUTE}px)`)
    fireEvent.pointerUp(entry, at(yAt(10, 16)))
    expect(onmove.mock.calls[0]?.[0]).toMatchObject({ start: '2026-12-01T12:00', end: '2026-12-01T13:00' })
  })

  it('makes a visit longer by dragging its lower edge, never shorter than a quarter of an hour', () => {
    const { onmove } = setup()
    const resizer = entryOf(1).querySelector<HTMLElement>('.wk-resizer')
    expect(resizer).not.toBeNull()
    drag(resizer as HTMLElement, [250, yAt(10, 58)], [250, yAt(11, 28)])
    expect(onmove.mock.calls[0]?.[0]).toMatchObject({ start: '2026-12-01T10:00', end: '2026-12-01T11:30' })
    drag(resizer as HTMLElement, [250, yAt(10, 58)], [250, yAt(8, 0)])
    expect(onmove.mock.calls[1]?.[0]).toMatchObject({ start: '2026-12-01T10:00', end: '2026-12-01T10:15' })
  })

  it('opens a card on a click, and does not drag one that is done', async () => {
    const { onmove, onopen } = setup()
    const done = entryOf(2)
    expect(done).not.toHaveClass('is-editable')
    expect(done.querySelector('.wk-resizer')).toBeNull()
    drag(done, [450, yAt(12, 10)], [450, yAt(14, 10)])
    expect(onmove).not.toHaveBeenCalled()
    await userEvent.setup().click(entryOf(1))
    expect(onopen).toHaveBeenCalledWith(VISIT)
  })

  it('opens a card with Enter or Space from the keyboard', async () => {
    const { onopen } = setup()
    const user = userEvent.setup()
    entryOf(1).focus()
    await user.keyboard('{Enter}')
    entryOf(2).focus()
    await user.keyboard(' ')
    expect(onopen.mock.calls.map((c) => c[0].id)).toEqual([1, 2])
  })

  it('moves a planned visit by keyboard: Alt+arrows by a quarter of an hour or a day, Alt+Shift to resize', async () => {
    const { onmove } = setup()
    const user = userEvent.setup()
    entryOf(1).focus()
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}')
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}')
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}')
    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}')
    await user.keyboard('{Alt>}{Shift>}{ArrowDown}{/Shift}{/Alt}')
    await user.keyboard('{Alt>}{Shift>}{ArrowUp}{/Shift}{/Alt}')
    expect(onmove.mock.calls.map((c) => [c[0].start, c[0].end])).toEqual([
      ['2026-12-01T10:15', '2026-12-01T11:15'],
      ['2026-12-01T09:45', '2026-12-01T10:45'],
      ['2026-12-02T10:00', '2026-12-02T11:00'],
      ['2026-11-30T10:00', '2026-11-30T11:00'],
      ['2026-12-01T10:00', '2026-12-01T11:15'],
      ['2026-12-01T10:00', '2026-12-01T10:45'],
    ])
    // Plain arrows are the week's (the window's shortcuts); a card that is done does not move.
    await user.keyboard('{ArrowDown}')
    entryOf(2).focus()
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}')
    expect(onmove).toHaveBeenCalledTimes(6)
    expect(entryOf(1)).toHaveAttribute('aria-keyshortcuts', expect.stringContaining('Alt+ArrowUp'))
    expect(entryOf(2)).not.toHaveAttribute('aria-keyshortcuts')
  })

  it('never makes a visit shorter than a quarter of an hour by keyboard, and gives the focus back after a move', async () => {
    const short = activity({ id: 8, start: '2026-12-01T14:00:00+01:00', end: '2026-12-01T14:15:00+01:00' })
    const { onmove, rerender } = setup({ activities: [short] })
    const user = userEvent.setup()
    entryOf(8).focus()
    await user.keyboard('{Alt>}{Shift>}{ArrowUp}{/Shift}{/Alt}')
    expect(onmove).not.toHaveBeenCalled()
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}')
    expect(onmove).toHaveBeenCalledTimes(1)
    // The screen saves it and draws the week anew: the card is now in Wednesday's column.
    const moved = { ...short, start: '2026-12-02T14:00:00+01:00', end: '2026-12-02T14:15:00+01:00' }
    await rerender({ activities: [moved] })
    await waitFor(() => expect(entryOf(8)).toHaveFocus())
    expect(entryOf(8).closest('.wk-day')).toHaveAttribute('data-date', '2026-12-02')
  })

  it('lets Escape put a dragged card back without moving it', () => {
    const { onmove } = setup()
    const entry = entryOf(1)
    const at = (clientY: number) => ({ button: 0, pointerId: 1, clientX: 250, clientY })
    fireEvent.pointerDown(entry, at(yAt(10, 10)))
    fireEvent.pointerMove(entry, at(yAt(11, 10)))
    fireEvent.keyDown(window, { key: 'Escape' })
    fireEvent.pointerUp(entry, at(yAt(11, 10)))
    expect(onmove).not.toHaveBeenCalled()
  })

  it('puts activities at the same time side by side', () => {
    const other = activity({ id: 4, start: '2026-12-01T10:30:00+01:00', end: '2026-12-01T11:30:00+01:00' })
    setup({ activities: [VISIT, other] })
    const box = (id: number) => [entryOf(id).style.getPropertyValue('inset-inline-start'), entryOf(id).style.getPropertyValue('inline-size')]
    // Each half the column's width (less the gap), the second one after the first.
    expect(box(1)).toEqual(['calc(0 * (100% - 0.25rem))', 'calc(0.5 * (100% - 0.25rem))'])
    expect(box(4)).toEqual(['calc(0.5 * (100% - 0.25rem))', 'calc(0.5 * (100% - 0.25rem))'])
  })

  it('opens busy time in its card, and never drags it', () => {
    const shift = busy({ uid: 'vagt', start: '2026-12-02T13:00:00+01:00', end: '2026-12-02T16:00:00+01:00' })
    const { onbusy, onmove, onpick } = setup({ busy: [shift] })
    const entry = screen.getByTestId('busy').closest<HTMLElement>('.wk-entry')
    if (!entry) throw new Error('no busy entry')
    drag(entry, [350, yAt(13, 10)], [350, yAt(15, 10)])
    expect(onmove).not.toHaveBeenCalled()
    expect(onpick).not.toHaveBeenCalled()
    fireEvent.click(entry)
    expect(onbusy).toHaveBeenCalledWith(shift, entry)
  })

  it('draws something over midnight in both days', () => {
    const late = activity({ id: 5, start: '2026-12-01T23:00:00+01:00', end: '2026-12-02T00:30:00+01:00' })
    setup({ activities: [late] })
    const parts = screen.getAllByTestId('activity').map((card) => card.closest('.wk-day')?.getAttribute('data-date'))
    expect(parts).toEqual(['2026-12-01', '2026-12-02'])
    expect(document.querySelectorAll('.wk-hour')[0]?.textContent).toBe('00:00')
    expect(document.querySelectorAll('.wk-hour')[23]?.textContent).toBe('23:00')
  })
})
