import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle'
import { afterEach, describe, expect, it } from 'vitest'
import { UserError, type ErrorCode } from './backend'
import { formatTimeRange, formatWeekRange, formatWhen } from './format'
import { errorMessage, setLanguage, t } from './i18n.svelte'

// Every .ftl file of every language, keyed by path like "../../../i18n/da/ui.ftl".
const files = import.meta.glob<string>('../../../i18n/*/*.ftl', { query: '?raw', import: 'default', eager: true })

type Node = { type?: string; name?: string; selector?: Node; variants?: { value: unknown }[]; args?: Node[]; value?: unknown }

/** Variable names used by a (runtime AST) pattern, and whether each must be a number. */
function variablesOf(pattern: unknown, found = new Map<string, boolean>(), numeric = false): Map<string, boolean> {
  if (typeof pattern === 'string' || pattern === null || pattern === undefined) return found
  if (Array.isArray(pattern)) {
    for (const element of pattern) variablesOf(element, found, numeric)
    return found
  }
  const node = pattern as Node
  switch (node.type) {
    case 'var':
      found.set(node.name ?? '', numeric || (found.get(node.name ?? '') ?? false))
      break
    case 'select':
      variablesOf(node.selector, found, true)
      for (const variant of node.variants ?? []) variablesOf(variant.value, found)
      break
    case 'func':
    case 'term':
      for (const arg of node.args ?? []) variablesOf(arg, found, node.name === 'NUMBER')
      break
    case 'narg':
      variablesOf(node.value, found, numeric)
      break
  }
  return found
}

function messagesOf(language: string): Map<string, { file: string; resource: FluentResource }> {
  const ids = new Map<string, { file: string; resource: FluentResource }>()
  for (const [path, source] of Object.entries(files)) {
    if (!path.includes(`/i18n/${language}/`)) continue
    const resource = new FluentResource(source)
    for (const entry of resource.body) {
      expect(ids.has(entry.id), `${entry.id} is defined twice in ${language}`).toBe(false)
      ids.set(entry.id, { file: path, resource })
    }
  }
  return ids
}

describe('translations', () => {
  afterEach(() => {
    setLanguage('da')
  })

  it('finds the Fluent files of both languages', () => {
    const names = Object.keys(files).map((path) => path.replace('../../../i18n/', ''))
    expect(names).toEqual(expect.arrayContaining(['da/ui.ftl', 'en/ui.ftl', 'da/errors.ftl', 'en/errors.ftl']))
  })

  // "internal" (a failure outside the app service) deliberately falls back to the generic message.
  it('has a message for every error code of the backend', () => {
    const codes: ErrorCode[] = [
      'unreadable_time', 'dst_gap', 'end_not_after_start', 'too_long', 'missing_field', 'not_for_kind',
      'text_too_long', 'control_character', 'not_a_pseudonym', 'personal_data', 'unreadable_duration',
      'duration_not_positive', 'unreadable_date', 'invalid_range', 'not_found', 'not_a_database', 'database_too_new',
      'no_database', 'database_exists', 'storage', 'counts_unknown_key', 'counts_bad_value', 'counts_not_assignment',
      'counts_duplicate', 'counts_missing_reached', 'counts_new_above_reached', 'counts_breakdown_sum',
      'counts_tally_above_reached', 'counts_implausible', 'counts_future', 'counts_cancelled', 'occurrence_required',
      'unreadable_period', 'date_out_of_range', 'repeat_invalid_interval', 'repeat_count_with_until',
    ]
    for (const language of ['da', 'en']) {
      setLanguage(language)
      for (const code of codes) {
        expect(errorMessage(new UserError(code, null, {})), `${language}: ${code}`).not.toBe(t('something-went-wrong'))
      }
    }
  })

  it('has the same message ids in Danish and English', () => {
    const da = [...messagesOf('da').keys()].sort()
    const en = [...messagesOf('en').keys()].sort()
    expect(en).toEqual(da)
    expect(da.length).toBeGreaterThan(50)
  })

  it('has the same files in Danish and English', () => {
    const per = (lang: string) =>
      Object.keys(files)
        .filter((p) => p.includes(`/i18n/${lang}/`))
        .map((p) => p.split('/').pop())
        .sort()
    expect(per('en')).toEqual(per('da'))
  })

  it.each(['da', 'en'])('formats every %s message without Fluent errors', (language) => {
    const bundle = new FluentBundle(language === 'da' ? 'da-DK' : 'en-GB', { useIsolating: false })
    for (const [path, source] of Object.entries(files)) {
      if (!path.includes(`/i18n/${language}/`)) continue
      expect(bundle.addResource(new FluentResource(source)), path).toEqual([])
    }
    for (const [id] of messagesOf(language)) {
      if (id.startsWith('-')) continue
      const message = bundle.getMessage(id)
      expect(message?.value, `${id} has no value`).toBeTruthy()
      const patterns = [message!.value, ...Object.values(message!.attributes)]
      const args: Record<string, FluentVariable> = {}
      for (const pattern of patterns) {
        for (const [name, numeric] of variablesOf(pattern)) args[name] = numeric ? 3 : 'Eksempel'
      }
      for (const pattern of patterns) {
        const errors: Error[] = []
        const text = bundle.formatPattern(pattern!, args, errors)
        expect(errors, `${language}: ${id}`).toEqual([])
        expect(text.trim(), `${language}: ${id}`).not.toBe('')
      }
    }
  })

  it('speaks Danish by default and English when asked', () => {
    expect(t('header-plan-visit')).toBe('Plan et besøg')
    expect(setLanguage('en')).toBe('en')
    expect(t('header-plan-visit')).toBe('Plan a visit')
    expect(setLanguage('fr')).toBe('da')
  })

  it('formats dates for Copenhagen with the 24-hour clock', () => {
    expect(formatTimeRange('2026-12-01T13:00:00+01:00', '2026-12-01T14:30:00+01:00')).toBe('13:00–14:30')
    expect(formatWhen('2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z')).toBe('tirsdag den 1. december 2026 kl. 10:00–11:00')
    expect(formatWeekRange('2026-11-30', '2026-12-06')).toBe('30. nov. – 6. dec. 2026')
    setLanguage('en')
    expect(formatWhen('2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z')).toBe('Tuesday, 1 December 2026 at 10:00–11:00')
    expect(formatWeekRange('2026-12-28', '2027-01-03')).toBe('28 Dec 2026 – 3 Jan 2027')
  })

  it('turns a backend refusal into words, naming the field', () => {
    const error = new UserError('missing_field', 'area', { field: 'area', kind: 'home_visit' })
    expect(errorMessage(error)).toContain('Område')
    expect(errorMessage(error)).toContain('Besøg')
    setLanguage('en')
    expect(errorMessage(error)).toContain('Area')
    expect(errorMessage(error)).toContain('Home visit')
  })

  it('names the setting out of range, a default duration by its kind', () => {
    const args = (field: string, value: string) => ({ field, key: field, value, min: '5', max: '720' })
    expect(errorMessage(new UserError('invalid_setting', 'travel_buffer_minutes', args('travel_buffer_minutes', '500')))).toBe(
      'Tid til transport skal være mellem 5 og 720, ikke 500.',
    )
    const duration = new UserError('invalid_setting', 'durations.outreach', args('durations.outreach', '900'))
    expect(errorMessage(duration)).toBe('Varighed (Opsøgende arbejde) skal være mellem 5 og 720, ikke 900.')
    setLanguage('en')
    expect(errorMessage(duration)).toBe('Duration (Outreach) must be between 5 and 720, not 900.')
  })
})
