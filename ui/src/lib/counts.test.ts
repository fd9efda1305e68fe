import { describe, expect, it } from 'vitest'
import { countsToSend, initialEntered, inputKeys, problems, remainder, sameEntered, tallySum, type Entered } from './counts'
import { SCHEME_V1 } from './mockScheme'

const group = (key: string) => SCHEME_V1.groups.find((g) => g.key === key)!

function entered(values: Entered): Entered {
  return { ...initialEntered(SCHEME_V1, null), ...values }
}

describe('counts form arithmetic', () => {
  it('types every total and bucket except the unknown ones, which are computed', () => {
    const keys = inputKeys(SCHEME_V1)
    expect(keys.slice(0, 2)).toEqual(['reached', 'new'])
    expect(keys).toContain('gender.women')
    expect(keys).toContain('topic.health')
    expect(keys.filter((k) => k.endsWith('.unknown'))).toEqual([])
  })

  it('starts empty, or from what was recorded (zeros left empty, unknown recomputed)', () => {
    const blank = initialEntered(SCHEME_V1, null)
    expect(blank.reached).toBeNull()
    expect(blank['gender.women']).toBeNull()
    const from = initialEntered(SCHEME_V1, { reached: 4, new: 0, 'gender.women': 3, 'gender.men': 0, 'gender.unknown': 1 })
    expect(from).toMatchObject({ reached: 4, new: 0, 'gender.women': 3, 'gender.men': null })
    expect('gender.unknown' in from).toBe(false)
  })

  it('puts the rest of the people reached in "unknown", live', () => {
    const values = entered({ reached: 5, 'gender.women': 3, 'gender.men': 1 })
    expect(remainder(group('gender'), values)).toBe(1)
    expect(remainder(group('age'), values)).toBe(5)
    expect(remainder(group('gender'), { ...values, 'gender.other': 3 })).toBe(-2)
  })

  it('finds what the server would refuse, naming the key and the numbers', () => {
    expect(problems(SCHEME_V1, entered({}))).toEqual([{ key: 'reached', code: 'missing_reached' }])
    expect(problems(SCHEME_V1, entered({ reached: 2, new: 3 }))).toEqual([
      { key: 'new', code: 'new_above_reached', new: 3, reached: 2 },
    ])
    expect(problems(SCHEME_V1, entered({ reached: 2, 'gender.women': 2, 'gender.men': 1 }))).toEqual([
      { key: 'gender', code: 'breakdown_sum', sum: 3, reached: 2, over: 1 },
    ])
    expect(problems(SCHEME_V1, entered({ reached: 2, 'topic.health': 4 }))).toEqual([
      { key: 'topic.health', code: 'tally_above_reached', value: 4, reached: 2 },
    ])
    expect(problems(SCHEME_V1, entered({ reached: 2.5 }))).toContainEqual({ key: 'reached', code: 'not_whole', max: 10_000 })
    expect(problems(SCHEME_V1, entered({ reached: 0 }))).toEqual([])
  })

  it('sends the totals, the tallies, and each breakdown typed in with its unknown as the remainder', () => {
    const values = entered({ reached: 5, new: 2, 'gender.women': 3, 'gender.men': 1, 'topic.health': 2 })
    const sent = countsToSend(SCHEME_V1, values)
    expect(sent).toMatchObject({ reached: 5, new: 2, 'gender.women': 3, 'gender.men': 1, 'gender.other': 0, 'gender.unknown': 1 })
    expect(sent['topic.health']).toBe(2)
    expect(sent['referral.red']).toBe(0)
    // A breakdown left out entirely is recorded as all unknown by the server.
    expect(Object.keys(sent).some((k) => k.startsWith('age.'))).toBe(false)
    expect(tallySum(group('topic'), values)).toBe(2)
  })

  it('tells a changed form from an untouched one', () => {
    const a = entered({ reached: 1 })
    expect(sameEntered(a, { ...a })).toBe(true)
    expect(sameEntered(a, { ...a, 'gender.men': 1 })).toBe(false)
  })
})
