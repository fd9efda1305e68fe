import { describe, expect, it } from 'vitest'
import {
  addDays,
  daysBetween,
  copenhagenDate,
  copenhagenTime,
  isIsoDate,
  isoWeekNumber,
  isoWeekday,
  mondayOf,
  normaliseDateInput,
  normaliseTimeInput,
  weekDates,
  addMinutesToWallClock,
  addMonths,
  firstOfMonth,
  monthGridRange,
  stepDate,
  minutesBetween,
  wallClock,
} from './dates'

describe('dates', () => {
  it('runs in a zone other than Copenhagen', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('America/New_York')
  })

  it('validates plain dates', () => {
    expect(isIsoDate('2026-12-01')).toBe(true)
    expect(isIsoDate('2026-02-29')).toBe(false)
    expect(isIsoDate('2028-02-29')).toBe(true)
    expect(isIsoDate('2026-13-01')).toBe(false)
    expect(isIsoDate('1.12.2026')).toBe(false)
  })

  it('adds days across months, years and DST changes', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30')
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26')
    expect(addDays('2027-01-04', -7)).toBe('2026-12-28')
  })

  it('finds the Monday of a week', () => {
    expect(isoWeekday('2026-11-30')).toBe(1)
    expect(isoWeekday('2026-12-06')).toBe(7)
    expect(mondayOf('2026-12-02')).toBe('2026-11-30')
    expect(mondayOf('2026-12-06')).toBe('2026-11-30')
    expect(mondayOf('2026-11-30')).toBe('2026-11-30')
    expect(mondayOf('2027-01-01')).toBe('2026-12-28')
  })

  it('lists the seven days Monday to Sunday', () => {
    expect(weekDates('2026-12-28')).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ])
  })

  it('numbers weeks the ISO 8601 way', () => {
    expect(isoWeekNumber('2026-11-30')).toBe(49)
    expect(isoWeekNumber('2026-01-01')).toBe(1)
    expect(isoWeekNumber('2027-01-01')).toBe(53)
    expect(isoWeekNumber('2026-12-28')).toBe(53)
    expect(isoWeekNumber('2021-01-03')).toBe(53)
    expect(isoWeekNumber('2021-01-04')).toBe(1)
    expect(isoWeekNumber('2024-12-30')).toBe(1)
  })

  it('reads instants on the Copenhagen wall clock', () => {
    expect(copenhagenDate('2026-12-04T00:30:00+01:00')).toBe('2026-12-04')
    expect(copenhagenTime('2026-12-04T00:30:00+01:00')).toBe('00:30')
    expect(copenhagenDate('2026-12-03T23:30:00Z')).toBe('2026-12-04')
    expect(copenhagenTime('2026-07-01T08:00:00Z')).toBe('10:00')
    expect(copenhagenTime('2026-12-01T23:59:00+01:00')).toBe('23:59')
  })

  it('reads dates and times the way people type them', () => {
    expect(normaliseDateInput(' 2026-12-01 ')).toBe('2026-12-01')
    expect(normaliseDateInput('1.12.2026')).toBe('2026-12-01')
    expect(normaliseDateInput('01/12/2026')).toBe('2026-12-01')
    expect(normaliseDateInput('31.11.2026')).toBeNull()
    expect(normaliseDateInput('i morgen')).toBeNull()
    expect(normaliseTimeInput('10:00')).toBe('10:00')
    expect(normaliseTimeInput('9.05')).toBe('09:05')
    expect(normaliseTimeInput('1430')).toBe('14:30')
    expect(normaliseTimeInput('24:00')).toBeNull()
    expect(normaliseTimeInput('10:60')).toBeNull()
    expect(normaliseTimeInput('')).toBeNull()
  })
})

describe('wall clock arithmetic', () => {
  it('adds minutes across midnight and ignores DST, as the calendar grid does', () => {
    expect(addMinutesToWallClock('2026-12-01T23:30', 45)).toBe('2026-12-02T00:15')
    expect(addMinutesToWallClock('2027-03-28T01:30', 60)).toBe('2027-03-28T02:30')
    expect(addMinutesToWallClock('2026-12-01T10:00', -90)).toBe('2026-12-01T08:30')
    expect(wallClock('2026-12-01T09:00:00Z')).toBe('2026-12-01T10:00')
    expect(minutesBetween('2026-12-01T10:00:00+01:00', '2026-12-01T11:15:00+01:00')).toBe(75)
  })

  it('moves by months, keeping the day where it exists', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15')
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15')
    expect(firstOfMonth('2026-12-15')).toBe('2026-12-01')
  })

  it('gives a month grid whole weeks, Monday to Sunday, and steps by week or month', () => {
    // December 2026: Tuesday the 1st to Thursday the 31st.
    expect(monthGridRange('2026-12-15')).toEqual({ from: '2026-11-30', to: '2027-01-03' })
    // February 2027 starts on a Monday and ends on a Sunday: exactly four weeks.
    expect(monthGridRange('2027-02-01')).toEqual({ from: '2027-02-01', to: '2027-02-28' })
    expect(stepDate('2026-12-31', 'week', 1)).toBe('2027-01-07')
    expect(stepDate('2026-03-31', 'month', -1)).toBe('2026-02-28')
  })
})

describe('daysBetween', () => {
  it('counts calendar days, across months, years and the clock changes, and backwards', () => {
    expect(daysBetween('2026-12-04', '2026-12-04')).toBe(0)
    expect(daysBetween('2026-11-30', '2026-12-02')).toBe(2)
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1)
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2)
    expect(daysBetween('2026-10-26', '2026-10-24')).toBe(-2)
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2)
  })
})
