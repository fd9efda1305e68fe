// The week grid's gestures without a page: what a press, a drag or Alt+arrows decide.
import { describe, expect, it } from 'vitest'
import {
  clickPick,
  drag,
  dropped,
  edgeScroll,
  isDrag,
  keyMove,
  minutesAt,
  nearestColumn,
  PX_PER_MINUTE,
  selection,
  selectionPick,
  topPx,
} from './weekGestures'

const HOURS = { from: 7 * 60, to: 22 * 60 }
/** Pixels for `minutes` of the grid. */
const px = (minutes: number) => minutes * PX_PER_MINUTE

describe('a press', () => {
  it('is a click until the pointer has gone 4 px, in any direction', () => {
    expect(isDrag(0, 3)).toBe(false)
    expect(isDrag(2, 2)).toBe(false)
    expect(isDrag(0, 4)).toBe(true)
    expect(isDrag(-3, -3)).toBe(true)
  })

  it('reads the time at its height, within the hours shown', () => {
    expect(minutesAt(px(90), HOURS)).toBe(8 * 60 + 30)
    expect(minutesAt(-50, HOURS)).toBe(HOURS.from)
    expect(minutesAt(px(24 * 60), HOURS)).toBe(HOURS.to)
    expect(topPx(8 * 60, HOURS)).toBe(px(60))
  })

  it('finds the day column under the pointer, or the nearest one beside the grid', () => {
    const columns = [0, 1, 2].map((i) => ({ left: 100 + i * 50, right: 150 + i * 50 }))
    expect(nearestColumn(175, columns)).toBe(1)
    expect(nearestColumn(20, columns)).toBe(0)
    expect(nearestColumn(900, columns)).toBe(2)
  })
})

describe('choosing free time', () => {
  it('a click plans at the start of the half hour it is in, the kind’s own length', () => {
    expect(clickPick('2026-12-02', 10 * 60 + 29)).toEqual({ date: '2026-12-02', time: '10:00', minutes: null })
    expect(clickPick('2026-12-02', 10 * 60 + 30)).toEqual({ date: '2026-12-02', time: '10:30', minutes: null })
  })

  it('a click at midnight plans at 23:30, not on the next day', () => {
    expect(clickPick('2026-12-02', 24 * 60)).toEqual({ date: '2026-12-02', time: '23:30', minutes: null })
  })

  it('a drag chooses whole quarters of an hour, down or up, and plans that long', () => {
    const down = selection('2026-12-02', 10 * 60 + 5, 11 * 60 + 20)
    expect(down).toEqual({ kind: 'select', date: '2026-12-02', from: 10 * 60, to: 11 * 60 + 30 })
    expect(selection('2026-12-02', 11 * 60 + 20, 10 * 60 + 5)).toEqual(down)
    expect(selectionPick(down)).toEqual({ date: '2026-12-02', time: '10:00', minutes: 90 })
  })

  it('a drag of almost nothing is a quarter of an hour, and never goes past midnight', () => {
    expect(selection('2026-12-02', 600, 600)).toMatchObject({ from: 600, to: 615 })
    expect(selection('2026-12-02', 23 * 60 + 50, 24 * 60)).toMatchObject({ from: 23 * 60 + 45, to: 24 * 60 })
  })
})

describe('dragging a card', () => {
  // A visit 10:00–11:00 on Wednesday.
  const card = { key: '8', date: '2026-12-02', top: 600, bottom: 660 }

  it('moves by quarters of an hour and across days', () => {
    expect(drag('move', card, 60, px(37), 1, HOURS)).toEqual({ kind: 'move', key: '8', date: '2026-12-02', dayShift: 1, minutes: 30 })
    expect(drag('move', card, 60, px(-22), 0, HOURS)).toMatchObject({ minutes: -15 })
  })

  it('stays within the hours shown', () => {
    expect(drag('move', card, 60, px(-600), 0, HOURS)).toMatchObject({ minutes: HOURS.from - 600 })
    expect(drag('move', card, 60, px(900), 0, HOURS)).toMatchObject({ minutes: HOURS.to - 660 })
  })

  it('from its lower edge makes it longer or shorter, never shorter than a quarter, on its own day', () => {
    expect(drag('resize', card, 60, px(30), 3, HOURS)).toMatchObject({ kind: 'resize', dayShift: 0, minutes: 30 })
    expect(drag('resize', card, 60, px(-120), 0, HOURS)).toMatchObject({ minutes: -45 })
  })

  it('asks for the new times when dropped, nothing when it did not move', () => {
    const start = '2026-12-02T10:00'
    const end = '2026-12-02T11:00'
    expect(dropped(drag('move', card, 60, px(30), 1, HOURS), start, end)).toEqual({ start: '2026-12-03T10:30', end: '2026-12-03T11:30' })
    expect(dropped(drag('resize', card, 60, px(-30), 0, HOURS), start, end)).toEqual({ start, end: '2026-12-02T10:30' })
    expect(dropped(drag('move', card, 60, px(3), 0, HOURS), start, end)).toBeNull()
    expect(dropped(null, start, end)).toBeNull()
    expect(dropped(selection('2026-12-02', 600, 660), start, end)).toBeNull()
  })
})

describe('Alt+arrows on a card', () => {
  const start = '2026-12-02T10:00'
  const end = '2026-12-02T11:00'

  it('moves a quarter of an hour or a day, and the week follows', () => {
    expect(keyMove('ArrowUp', false, false, start, end)).toEqual({ start: '2026-12-02T09:45', end: '2026-12-02T10:45', follow: true })
    expect(keyMove('ArrowDown', false, false, start, end)).toEqual({ start: '2026-12-02T10:15', end: '2026-12-02T11:15', follow: true })
    expect(keyMove('ArrowRight', false, false, start, end)).toEqual({ start: '2026-12-03T10:00', end: '2026-12-03T11:00', follow: true })
    expect(keyMove('ArrowLeft', false, false, '2026-12-07T10:00', '2026-12-07T11:00')).toMatchObject({ start: '2026-12-06T10:00' })
  })

  it('mirrors left and right when the page reads right to left', () => {
    expect(keyMove('ArrowRight', false, true, start, end)).toMatchObject({ start: '2026-12-01T10:00' })
  })

  it('with Shift makes it shorter or longer, never shorter than a quarter, and does nothing sideways', () => {
    expect(keyMove('ArrowDown', true, false, start, end)).toEqual({ start, end: '2026-12-02T11:15', follow: false })
    expect(keyMove('ArrowUp', true, false, start, '2026-12-02T10:30')).toEqual({ start, end: '2026-12-02T10:15', follow: false })
    expect(keyMove('ArrowUp', true, false, start, '2026-12-02T10:15')).toBeNull()
    expect(keyMove('ArrowLeft', true, false, start, end)).toBeNull()
  })

  it('ignores other keys', () => {
    expect(keyMove('Enter', false, false, start, end)).toBeNull()
  })

  it('moves across midnight onto the next day', () => {
    expect(keyMove('ArrowDown', false, false, '2026-12-02T23:45', '2026-12-03T00:15')).toMatchObject({ start: '2026-12-03T00:00' })
  })
})

describe('scrolling at the edge while dragging', () => {
  it('scrolls up near the top, down near the bottom, and not in between', () => {
    // The grid's visible part runs from y = 100 to y = 500; the edge is 40 px.
    expect(edgeScroll(120, 100, 500)).toBe(-12)
    expect(edgeScroll(90, 100, 500)).toBe(-12)
    expect(edgeScroll(140, 100, 500)).toBe(0)
    expect(edgeScroll(300, 100, 500)).toBe(0)
    expect(edgeScroll(460, 100, 500)).toBe(0)
    expect(edgeScroll(461, 100, 500)).toBe(12)
    expect(edgeScroll(600, 100, 500)).toBe(12)
  })
})
