// What each kind of activity asks for, read from the rules core exports
// (./bindings/currentRules.ts, written by a Rust test): which fields the form shows,
// which it must have, how long it may last. Nothing here restates a rule; the
// backend decides in the end, this only lets the form check before sending.
import { UserError, type ActivityKind, type ActivityView, type PlanRequest, type Settings } from './backend'
import type { Details } from './bindings/Details'
import type { Field } from './bindings/Field'
import type { KindRules } from './bindings/KindRules'
import { RULES } from './bindings/currentRules'
import { minutesBetween, wallClock } from './dates'

/** The free-text details of an activity (the fields of `Details` that hold text). */
export type TextField = Extract<Field, { [K in keyof Details]-?: string | null extends Details[K] ? K : never }[keyof Details]>

/** The text fields, in core's order: the ones it gives a length limit. */
export const TEXT_FIELDS: readonly TextField[] = RULES.texts.map((rule) => rule.field as TextField)

/** The longest text each field takes, in characters. */
export const TEXT_MAX_CHARS: Readonly<Record<TextField, number>> = Object.fromEntries(
  RULES.texts.map((rule) => [rule.field, rule.max_chars]),
) as Record<TextField, number>

function textField(field: Field): TextField {
  // A field core adds that the form cannot show as text should fail loudly, not vanish.
  if (!(TEXT_FIELDS as readonly Field[]).includes(field)) throw new Error(`The rules name "${field}" for a kind, which is not a text field`)
  return field as TextField
}

/** Each kind, in core's display order. */
export const KINDS: readonly ActivityKind[] = RULES.kinds.map((rules) => rules.kind)

/** What one kind's form offers: its text fields in order, the required ones, expected size, duration. */
export type KindForm = Omit<KindRules, 'fields' | 'required'> & { fields: readonly TextField[]; required: readonly TextField[] }

export const KIND_RULES: Readonly<Record<ActivityKind, KindForm>> = kindForms()

function kindForms(): Record<ActivityKind, KindForm> {
  const forms: Partial<Record<ActivityKind, KindForm>> = {}
  for (const rules of RULES.kinds) forms[rules.kind] = { ...rules, fields: rules.fields.map(textField), required: rules.required.map(textField) }
  return forms as Record<ActivityKind, KindForm>
}

/** Fields with a hint line under them (`form-hint-<field>`): presentation only. */
export const FIELD_HINTS: ReadonlySet<TextField> = new Set(['area', 'household', 'note', 'venue', 'theme'])

/** Every detail empty, as core has it (a fresh copy). */
export function blankDetails(): Details {
  return { ...RULES.blank_details, languages: [...RULES.blank_details.languages] }
}

/** Just the details of `source` (an activity, a request, a draft), every one core knows. */
export function detailsOf(source: Details): Details {
  const picked: Record<string, unknown> = {}
  for (const key of Object.keys(RULES.blank_details) as (keyof Details)[]) picked[key] = source[key]
  return { ...(picked as Details), languages: [...source.languages] }
}

/** An empty request of `kind` starting on `date` (no time yet), lasting the default for the kind. */
export function blankRequest(kind: ActivityKind, date: string, settings: Settings | null, time = ''): PlanRequest {
  return {
    kind,
    start: `${date}T${time}`,
    duration_minutes: settings?.durations[kind] ?? KIND_RULES[kind].default_minutes,
    rrule: null,
    ...blankDetails(),
    programme: settings?.programme ?? null,
  }
}

/** The form's request for editing `activity`: its details as they are stored, the start as wall-clock time. */
export function editRequest(activity: ActivityView): PlanRequest {
  const { kind, rrule } = activity
  const start = wallClock(activity.start)
  const duration_minutes = minutesBetween(activity.start, activity.end)
  return { kind, start, duration_minutes, rrule, ...detailsOf(activity) }
}

/** How many characters a text has as core counts them (Unicode scalar values, after trimming). */
export function charCount(text: string): number {
  return [...text.trim()].length
}

/**
 * The first rule a request breaks, as core would refuse it (code, field and args), or `null`.
 * Only what the rules say as data: required fields, text lengths, the kind's duration, the
 * expected size. The in-memory backend answers with it; the real one checks everything.
 */
export function requestProblem(request: PlanRequest): UserError | null {
  const rules = KIND_RULES[request.kind]
  for (const field of TEXT_FIELDS) {
    const value = request[field]
    if (value === null) continue
    const chars = charCount(value)
    if (chars > TEXT_MAX_CHARS[field]) return new UserError('text_too_long', field, { field, chars: String(chars), max: String(TEXT_MAX_CHARS[field]) })
    if (chars > 0 && !rules.fields.includes(field)) return new UserError('not_for_kind', field, { field, kind: request.kind })
  }
  const missing = rules.required.find((field) => (request[field] ?? '').trim() === '')
  if (missing) return new UserError('missing_field', missing, { field: missing, kind: request.kind })
  const size = request.expected_size
  if (size !== null) {
    if (!rules.expected_size) return new UserError('not_for_kind', 'expected_size', { field: 'expected_size', kind: request.kind })
    if (size < RULES.expected_size.min || size > RULES.expected_size.max) {
      return new UserError('expected_size_out_of_range', 'expected_size', { size: String(size), max: String(RULES.expected_size.max) })
    }
  }
  const minutes = request.duration_minutes
  if (minutes > rules.duration_minutes.max) {
    return new UserError('too_long', 'duration', { kind: request.kind, minutes: String(minutes), max: String(rules.duration_minutes.max) })
  }
  if (minutes < rules.duration_minutes.min) return new UserError('duration_not_positive', 'duration', { input: String(minutes) })
  return null
}
