// The counts form's arithmetic, kept apart from the component so that it can be tested
// alone: which inputs the form has, the live remainder of each breakdown, the checks that
// mirror the server's (the server decides; these only catch a typo before it is sent),
// and the counts sent to `record_counts`.
import type { SchemeView } from './backend'
import type { SchemeBucketView } from './bindings/SchemeBucketView'
import type { SchemeGroupView } from './bindings/SchemeGroupView'
import type { Language } from './i18n.svelte'

/** The most a single count may be (the server's `MAX_COUNT_VALUE`). */
export const MAX_COUNT = 10_000

/** What the person typed, per key; `null` for an empty field (counted as 0). */
export type Entered = Record<string, number | null>

export type GroupKind = 'total' | 'breakdown' | 'tally'

/** A breakdown's bucket that holds "don't know": computed, never typed. */
export function isUnknownBucket(key: string): boolean {
  return key.endsWith('.unknown')
}

export function labelOf(item: SchemeGroupView | SchemeBucketView, language: Language): string {
  return language === 'en' ? item.en : item.da
}

/** Every key the person types a number into: totals, and buckets except "unknown". */
export function inputKeys(scheme: SchemeView): string[] {
  return scheme.groups.flatMap((group) =>
    group.kind === 'total' ? [group.key] : group.buckets.map((b) => b.key).filter((k) => !isUnknownBucket(k)),
  )
}

/**
 * The form's first values: what was recorded, else the prefill (the last meeting of the
 * series), else nothing. Unknown buckets are left out: the form computes them. A bucket
 * holding 0 starts empty, like a bucket never typed in.
 */
export function initialEntered(scheme: SchemeView, from: Record<string, number> | null): Entered {
  const entered: Entered = {}
  for (const group of scheme.groups) {
    if (group.kind === 'total') {
      entered[group.key] = from ? (from[group.key] ?? 0) : null
      continue
    }
    for (const bucket of group.buckets) {
      if (isUnknownBucket(bucket.key)) continue
      const given = from?.[bucket.key] ?? 0
      entered[bucket.key] = given > 0 ? given : null
    }
  }
  return entered
}

export function value(entered: Entered, key: string): number {
  const v = entered[key]
  return typeof v === 'number' && Number.isFinite(v) ? v : 0
}

/** The sum of a breakdown's typed buckets. */
export function knownSum(group: SchemeGroupView, entered: Entered): number {
  return group.buckets.filter((b) => !isUnknownBucket(b.key)).reduce((sum, b) => sum + value(entered, b.key), 0)
}

/** People reached minus the typed buckets: what goes in "unknown" (negative when too many were typed). */
export function remainder(group: SchemeGroupView, entered: Entered): number {
  return value(entered, 'reached') - knownSum(group, entered)
}

/** A tally's sum (topics discussed, referrals made): several per person are possible. */
export function tallySum(group: SchemeGroupView, entered: Entered): number {
  return group.buckets.reduce((sum, b) => sum + value(entered, b.key), 0)
}

/** A problem found before sending, named by the key it concerns (as the server's `args.key`). */
export type Problem =
  | { key: string; code: 'missing_reached' }
  | { key: string; code: 'not_whole'; max: number }
  | { key: 'new'; code: 'new_above_reached'; new: number; reached: number }
  | { key: string; code: 'breakdown_sum'; sum: number; reached: number; over: number }
  | { key: string; code: 'tally_above_reached'; value: number; reached: number }

/** The same rules as the server's (except the per-kind limit, which only the server knows). */
export function problems(scheme: SchemeView, entered: Entered): Problem[] {
  const found: Problem[] = []
  for (const key of inputKeys(scheme)) {
    const v = entered[key]
    if (v === null || v === undefined) continue
    if (!Number.isInteger(v) || v < 0 || v > MAX_COUNT) found.push({ key, code: 'not_whole', max: MAX_COUNT })
  }
  if (entered.reached === null || entered.reached === undefined) found.push({ key: 'reached', code: 'missing_reached' })
  const reached = value(entered, 'reached')
  const fresh = value(entered, 'new')
  if (fresh > reached) found.push({ key: 'new', code: 'new_above_reached', new: fresh, reached })
  for (const group of scheme.groups) {
    if (group.kind === 'breakdown') {
      const sum = knownSum(group, entered)
      if (sum > reached) found.push({ key: group.key, code: 'breakdown_sum', sum, reached, over: sum - reached })
    } else if (group.kind === 'tally') {
      for (const bucket of group.buckets) {
        const v = value(entered, bucket.key)
        if (v > reached) found.push({ key: bucket.key, code: 'tally_above_reached', value: v, reached })
      }
    }
  }
  return found
}

/**
 * The counts sent to the server: the totals, every tally, and each breakdown with its
 * unknown bucket filled in as the remainder. A breakdown nobody typed in is left out
 * (the server records it as all unknown).
 */
export function countsToSend(scheme: SchemeView, entered: Entered): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const group of scheme.groups) {
    if (group.kind === 'total') {
      counts[group.key] = value(entered, group.key)
    } else if (group.kind === 'tally') {
      for (const bucket of group.buckets) counts[bucket.key] = value(entered, bucket.key)
    } else if (knownSum(group, entered) > 0) {
      for (const bucket of group.buckets) {
        counts[bucket.key] = isUnknownBucket(bucket.key) ? remainder(group, entered) : value(entered, bucket.key)
      }
    }
  }
  return counts
}

/** Whether two sets of entered values differ (the form asks before closing when they do). */
export function sameEntered(a: Entered, b: Entered): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const key of keys) if ((a[key] ?? null) !== (b[key] ?? null)) return false
  return true
}

/** The group a key belongs to (`gender.women` → `gender`, `reached` → `reached`). */
export function groupOf(key: string): string {
  const dot = key.indexOf('.')
  return dot < 0 ? key : key.slice(0, dot)
}
