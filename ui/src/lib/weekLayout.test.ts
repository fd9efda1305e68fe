import { describe, expect, it } from 'vitest'
import { placeInDays, snap, visibleHours, wallAt, type Timed } from './weekLayout'

const WEEK = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']

function at(items: Timed[], date: string) {
  return (placeInDays(WEEK, items).get(date) ?? []).map((p) => ({ key: p.item.key, top: p.top, bottom: p.bottom, lane: p.lane, lanes: p.lanes }))
}

describe('placing entries in the week', () => {
  it('puts an entry in its day, in minutes after midnight', () => {
    expect(at([{ key: 'a', start: '2026-12-01T10:00', end: '2026-12-01T11:30' }], '2026-12-01')).toEqual([
      { key: 'a', top: 600, bottom: 690, lane: 0, lanes: 1 },
    ])
    expect(at([{ key: 'a', start: '2026-12-01T10:00', end: '2026-12-01T11:30' }], '2026-12-02')).toEqual([])
  })

  it('cuts an entry over midnight into both days, and marks the cut', () => {
    const placed = placeInDays(WEEK, [{ key: 'n', start: '2026-12-01T23:00', end: '2026-12-02T01:00' }])
    const [first] = placed.get('2026-12-01') ?? []
    const [second] = placed.get('2026-12-02') ?? []
    expect([first?.top, first?.bottom, first?.continuesAfter, first?.continuedFromBefore]).toEqual([1380, 1440, true, false])
    expect([second?.top, second?.bottom, second?.continuesAfter, second?.continuedFromBefore]).toEqual([0, 60, false, true])
  })

  it('leaves out what ends at a midnight from the day after, and what is outside the week', () => {
    const items = [
      { key: 'late', start: '2026-12-01T22:00', end: '2026-12-02T00:00' },
      { key: 'before', start: '2026-11-29T10:00', end: '2026-11-29T11:00' },
      { key: 'after', start: '2026-12-07T10:00', end: '2026-12-07T11:00' },
    ]
    expect(at(items, '2026-12-02')).toEqual([])
    expect(at(items, '2026-12-01')).toEqual([{ key: 'late', top: 1320, bottom: 1440, lane: 0, lanes: 1 }])
    expect([...placeInDays(WEEK, items).values()].flat().map((p) => p.item.key)).toEqual(['late'])
  })

  it('keeps an entry of no length, and drops one that ends before it starts', () => {
    const items = [
      { key: 'zero', start: '2026-12-03T09:00', end: '2026-12-03T09:00' },
      { key: 'backwards', start: '2026-12-03T12:00', end: '2026-12-03T11:00' },
    ]
    expect(at(items, '2026-12-03')).toEqual([{ key: 'zero', top: 540, bottom: 540, lane: 0, lanes: 1 }])
  })

  it('puts entries at the same time side by side, and only those', () => {
    const items = [
      { key: 'a', start: '2026-12-01T10:00', end: '2026-12-01T11:00' },
      { key: 'b', start: '2026-12-01T10:30', end: '2026-12-01T12:00' },
      { key: 'c', start: '2026-12-01T11:00', end: '2026-12-01T11:30' },
      { key: 'd', start: '2026-12-01T14:00', end: '2026-12-01T15:00' },
    ]
    expect(at(items, '2026-12-01')).toEqual([
      { key: 'a', top: 600, bottom: 660, lane: 0, lanes: 2 },
      { key: 'b', top: 630, bottom: 720, lane: 1, lanes: 2 },
      // c starts when a ends: it takes a's lane.
      { key: 'c', top: 660, bottom: 690, lane: 0, lanes: 2 },
      { key: 'd', top: 840, bottom: 900, lane: 0, lanes: 1 },
    ])
  })

  it('gives the longer of two entries that start together the first lane', () => {
    const items = [
      { key: 'short', start: '2026-12-01T10:00', end: '2026-12-01T10:30' },
      { key: 'long', start: '2026-12-01T10:00', end: '2026-12-01T12:00' },
    ]
    expect(at(items, '2026-12-01').map((p) => [p.key, p.lane, p.lanes])).toEqual([
      ['long', 0, 2],
      ['short', 1, 2],
    ])
  })

  it('lays short entries out as tall as they are drawn, so a card is never under another', () => {
    const items = [
      { key: 'a', start: '2026-12-01T10:00', end: '2026-12-01T10:05' },
      { key: 'b', start: '2026-12-01T10:10', end: '2026-12-01T10:40' },
    ]
    expect(at(items, '2026-12-01').map((p) => p.lanes)).toEqual([2, 2])
  })
})

describe('the hours shown', () => {
  it('is 07–22 unless something is earlier or later, then whole hours around it', () => {
    expect(visibleHours([])).toEqual({ from: 420, to: 1320 })
    expect(visibleHours([{ top: 390, bottom: 420 }])).toEqual({ from: 360, to: 1320 })
    expect(visibleHours([{ top: 1320, bottom: 1350 }])).toEqual({ from: 420, to: 1380 })
    expect(visibleHours([{ top: 1400, bottom: 1440 }])).toEqual({ from: 420, to: 1440 })
  })
})

describe('wall clock helpers', () => {
  it('turns a day and minutes into a wall clock, also past midnight', () => {
    expect(wallAt('2026-12-01', 0)).toBe('2026-12-01T00:00')
    expect(wallAt('2026-12-01', 615)).toBe('2026-12-01T10:15')
    expect(wallAt('2026-12-01', 1440)).toBe('2026-12-02T00:00')
    expect(wallAt('2026-12-31', 1500)).toBe('2027-01-01T01:00')
  })

  it('snaps to the nearest step', () => {
    expect(snap(7, 15)).toBe(0)
    expect(snap(8, 15)).toBe(15)
    expect(snap(-8, 15)).toBe(-15)
  })
})
