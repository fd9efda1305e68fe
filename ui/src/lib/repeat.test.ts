import { afterEach, describe, expect, it } from 'vitest'
import { setLanguage } from './i18n.svelte'
import { RULES } from './bindings/currentRules'
import { buildRrule, effectiveDays, noRepeat, nthInMonth, parseRrule, repeatProblem, weekdayOf, type RepeatState } from './repeat'
import { repeatSummary } from './repeatSummary'

// Tuesday 1 December 2026 (the 1st Tuesday), Tuesday 8 December (the 2nd).
const TUE = '2026-12-01'
const TUE2 = '2026-12-08'

const state = (partial: Partial<RepeatState>): RepeatState => ({ ...noRepeat(), ...partial })

afterEach(() => setLanguage('da'))

describe('weekdays and the nth weekday of a month', () => {
  it('names the weekday of a date', () => {
    expect(weekdayOf('2026-11-30')).toBe('MO')
    expect(weekdayOf(TUE)).toBe('TU')
    expect(weekdayOf('2026-12-06')).toBe('SU')
  })

  it('counts which weekday of the month a date is; the 5th is "the last"', () => {
    expect(nthInMonth('2026-12-01')).toBe(1)
    expect(nthInMonth('2026-12-07')).toBe(1)
    expect(nthInMonth('2026-12-08')).toBe(2)
    expect(nthInMonth('2026-12-28')).toBe(4)
    expect(nthInMonth('2026-12-29')).toBe(-1)
  })

  it('uses the start date weekday until days are chosen, in week order', () => {
    expect(effectiveDays(state({ frequency: 'weekly' }), TUE)).toEqual(['TU'])
    expect(effectiveDays(state({ frequency: 'weekly', days: ['TH', 'MO'] }), TUE)).toEqual(['MO', 'TH'])
    expect(effectiveDays(state({ frequency: 'weekly' }), 'not a date')).toEqual([])
  })
})

describe('buildRrule', () => {
  it('is null without repeat', () => {
    expect(buildRrule(noRepeat(), TUE)).toBeNull()
  })

  it('weekly on the start weekday, 8 times', () => {
    expect(buildRrule(state({ frequency: 'weekly', count: 8 }), TUE)).toBe('FREQ=WEEKLY;BYDAY=TU;COUNT=8')
  })

  it('every other week on two days until a date', () => {
    const rule = buildRrule(state({ frequency: 'biweekly', days: ['TH', 'MO'], end: 'until', until: '2027-03-01' }), TUE)
    expect(rule).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;UNTIL=20270301')
  })

  it('monthly on the same weekday: the 2nd Tuesday, or the last', () => {
    expect(buildRrule(state({ frequency: 'monthly', count: 6 }), TUE2)).toBe('FREQ=MONTHLY;BYDAY=2TU;COUNT=6')
    expect(buildRrule(state({ frequency: 'monthly', end: 'never' }), '2026-12-29')).toBe('FREQ=MONTHLY;BYDAY=-1TU')
  })

  it('ignores weekdays chosen for weekly when monthly is chosen', () => {
    expect(buildRrule(state({ frequency: 'monthly', days: ['FR'], count: 3 }), TUE)).toBe('FREQ=MONTHLY;BYDAY=1TU;COUNT=3')
  })
})

describe('repeatProblem', () => {
  it('finds nothing wrong with a sensible choice or with no repeat', () => {
    expect(repeatProblem(noRepeat(), TUE)).toBeNull()
    expect(repeatProblem(state({ frequency: 'weekly', count: 8 }), TUE)).toBeNull()
    expect(repeatProblem(state({ frequency: 'weekly', end: 'until', until: TUE }), TUE)).toBeNull()
  })

  it("needs a count within core's series limit", () => {
    const { min, max } = RULES.series_meetings
    for (const count of [null, min - 1, -1, 1.5, max + 1, Number.NaN]) {
      expect(repeatProblem(state({ frequency: 'weekly', count }), TUE)).toBe('count')
    }
    for (const count of [min, max]) expect(repeatProblem(state({ frequency: 'weekly', count }), TUE)).toBeNull()
  })

  it('needs a real last date, not before the start', () => {
    for (const until of ['', '2027-02-30', '1.3.2027', '2026-11-30']) {
      expect(repeatProblem(state({ frequency: 'monthly', end: 'until', until }), TUE)).toBe('until')
    }
  })

  it('needs a day for weekly when the start date is unknown', () => {
    expect(repeatProblem(state({ frequency: 'weekly' }), '')).toBe('days')
  })
})

describe('parseRrule', () => {
  it('reads no rule as no repeat', () => {
    expect(parseRrule(null, TUE)).toEqual(noRepeat())
    expect(parseRrule('', TUE)).toEqual(noRepeat())
  })

  it.each([
    ['FREQ=WEEKLY;BYDAY=TU;COUNT=8', TUE],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;UNTIL=20270301', TUE],
    ['FREQ=MONTHLY;BYDAY=2TU;COUNT=6', TUE2],
    ['FREQ=MONTHLY;BYDAY=-1TU', '2026-12-29'],
    ['FREQ=WEEKLY;BYDAY=MO,WE,FR', TUE],
  ])('round-trips %s', (rule, start) => {
    const parsed = parseRrule(rule, start)
    expect(parsed).not.toBeNull()
    expect(buildRrule(parsed!, start)).toBe(rule)
  })

  it('reads the backend canonical UTC UNTIL as the Copenhagen date, in winter and summer', () => {
    expect(parseRrule('FREQ=WEEKLY;BYDAY=TU;UNTIL=20261215T225959Z', TUE)).toMatchObject({ end: 'until', until: '2026-12-15' })
    expect(parseRrule('FREQ=WEEKLY;BYDAY=TU;UNTIL=20260630T215959Z', '2026-06-02')).toMatchObject({ until: '2026-06-30' })
    expect(parseRrule('FREQ=WEEKLY;BYDAY=TU;UNTIL=20261215T230000Z', TUE)).toMatchObject({ until: '2026-12-16' })
  })

  it('reads the parts in any order (the backend writes COUNT before BYDAY)', () => {
    expect(buildRrule(parseRrule('FREQ=WEEKLY;COUNT=3;BYDAY=TH', TUE)!, TUE)).toBe('FREQ=WEEKLY;BYDAY=TH;COUNT=3')
  })

  it('reads FREQ=WEEKLY without BYDAY as the start weekday', () => {
    const parsed = parseRrule('FREQ=WEEKLY;COUNT=3', TUE)!
    expect(buildRrule(parsed, TUE)).toBe('FREQ=WEEKLY;BYDAY=TU;COUNT=3')
  })

  it.each([
    'FREQ=DAILY;COUNT=5',
    'FREQ=YEARLY',
    'FREQ=WEEKLY;INTERVAL=3;BYDAY=TU',
    'FREQ=MONTHLY;BYMONTHDAY=1',
    'FREQ=MONTHLY;BYDAY=3TU',
    'FREQ=WEEKLY;BYDAY=XX',
    'FREQ=WEEKLY;COUNT=2;UNTIL=20270101',
    'FREQ=WEEKLY;UNTIL=tomorrow',
    'nonsense',
  ])('gives up on %s (the editor cannot show it)', (rule) => {
    expect(parseRrule(rule, TUE)).toBeNull()
  })
})

describe('repeatSummary', () => {
  it('is Danish by default, with the weekday and times', () => {
    expect(repeatSummary(state({ frequency: 'weekly', count: 8 }), TUE, '17:00', '19:00')).toBe('Hver tirsdag kl. 17:00–19:00, 8 gange')
    expect(repeatSummary(state({ frequency: 'weekly', count: 1 }), TUE, '17:00', '19:00')).toBe('Hver tirsdag kl. 17:00–19:00, én gang')
    expect(
      repeatSummary(state({ frequency: 'biweekly', days: ['MO', 'TH'], end: 'until', until: '2027-03-01' }), TUE, '10:00', '11:00'),
    ).toBe('Hver anden mandag og torsdag kl. 10:00–11:00, til og med 1. marts 2027')
    expect(repeatSummary(state({ frequency: 'monthly', count: 6 }), TUE2, '17:00', '19:00')).toBe('2. tirsdag i hver måned kl. 17:00–19:00, 6 gange')
    expect(repeatSummary(state({ frequency: 'monthly', end: 'never' }), '2026-12-29', '17:00', '19:00')).toBe(
      'Sidste tirsdag i hver måned kl. 17:00–19:00, uden slutdato',
    )
    expect(repeatSummary(state({ frequency: 'weekly', days: ['MO', 'WE', 'FR'], end: 'never' }), TUE, '9:00', '10:00')).toBe(
      'Hver mandag, onsdag og fredag kl. 9:00–10:00, uden slutdato',
    )
  })

  it('speaks English with ordinals and plurals', () => {
    setLanguage('en')
    expect(repeatSummary(state({ frequency: 'weekly', count: 8 }), TUE, '17:00', '19:00')).toBe('Every Tuesday, 17:00–19:00, 8 times')
    expect(repeatSummary(state({ frequency: 'weekly', count: 1 }), TUE, '17:00', '19:00')).toBe('Every Tuesday, 17:00–19:00, once')
    expect(
      repeatSummary(state({ frequency: 'biweekly', days: ['MO', 'TH'], end: 'until', until: '2027-03-01' }), TUE, '10:00', '11:00'),
    ).toBe('Every other Monday and Thursday, 10:00–11:00, until 1 March 2027')
    expect(repeatSummary(state({ frequency: 'monthly', count: 6 }), TUE2, '17:00', '19:00')).toBe('2nd Tuesday of every month, 17:00–19:00, 6 times')
    expect(repeatSummary(state({ frequency: 'monthly', count: 6 }), TUE, '17:00', '19:00')).toBe('1st Tuesday of every month, 17:00–19:00, 6 times')
    expect(repeatSummary(state({ frequency: 'monthly', count: 6 }), '2026-12-15', '17:00', '19:00')).toMatch(/^3rd Tuesday/)
    expect(repeatSummary(state({ frequency: 'monthly', count: 6 }), '2026-12-22', '17:00', '19:00')).toMatch(/^4th Tuesday/)
  })

  it('leaves out an end that is not filled in yet, and says nothing without repeat', () => {
    expect(repeatSummary(state({ frequency: 'weekly', count: null }), TUE, '17:00', '19:00')).toBe('Hver tirsdag kl. 17:00–19:00')
    expect(repeatSummary(state({ frequency: 'weekly', end: 'until', until: '2027' }), TUE, '17:00', '19:00')).toBe('Hver tirsdag kl. 17:00–19:00')
    expect(repeatSummary(noRepeat(), TUE, '17:00', '19:00')).toBeNull()
  })
})
