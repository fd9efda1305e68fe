// Dev-only stand-in for the Rust side, used by `npm run dev` in a plain
// browser. Never imported by the production build (see main.ts).
import type { ActivityView, Backend, BusySourceView, BusyView, Changed, MonthStats, PlanOutcome, PlanRequest, Settings } from './backend'
import { UserError } from './backend'
import { isUnknownBucket } from './counts'
import { SCHEME_V1 } from './mockScheme'
import { addDays, copenhagenDate, mondayOf } from './dates'

function todayInCopenhagen(): string {
  return copenhagenDate(new Date().toISOString())
}

// Good enough for a preview: Copenhagen is +01:00 in winter, +02:00 in summer.
function offsetFor(date: string): string {
  const month = Number(date.slice(5, 7))
  return month >= 4 && month <= 10 ? '+02:00' : '+01:00'
}

function instant(date: string, time: string): string {
  return `${date}T${time}:00${offsetFor(date)}`
}

function addMinutes(date: string, time: string, minutes: number): { date: string; time: string } {
  const total = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) + minutes
  const days = Math.floor(total / 1440)
  const rest = total % 1440
  const hh = String(Math.floor(rest / 60)).padStart(2, '0')
  const mm = String(rest % 60).padStart(2, '0')
  return { date: addDays(date, days), time: `${hh}:${mm}` }
}

export function createMockBackend(): Backend {
  const today = todayInCopenhagen()
  const monday = mondayOf(today)
  let nextId = 1
  const activities: ActivityView[] = []
  const deleted = new Map<number, ActivityView>()

  function add(partial: Partial<ActivityView> & Pick<ActivityView, 'kind' | 'start' | 'end'>): ActivityView {
    const id = nextId++
    const activity: ActivityView = {
      id,
      key: String(id),
      occurrence: null,
      rrule: null,
      expected_size: null,
      status: 'planned',
      title: null,
      area: null,
      household: null,
      venue: null,
      theme: null,
      note: null,
      programme: 'bydelsmoedre',
      languages: [],
      conflicts: [],
      example: false,
      ...partial,
    }
    activities.push(activity)
    return activity
  }

  const at = (day: number, from: string, to: string) => ({
    start: instant(addDays(monday, day), from),
    end: instant(addDays(monday, day), to),
  })
  add({ kind: 'home_visit', ...at(0, '10:00', '11:00'), area: 'Gellerup', household: 'H-17' })
  add({ kind: 'group_meeting', ...at(1, '17:00', '19:00'), title: 'Kvindecafé', venue: 'Beboerhuset', area: 'Gellerup' })
  const a = add({ kind: 'home_visit', ...at(2, '09:30', '10:30'), area: 'Hasle', household: 'H-4' })
  const b = add({ kind: 'accompaniment', ...at(2, '10:00', '12:00'), area: 'Aarhus C' })
  a.conflicts = [b.id]
  b.conflicts = [a.id]
  add({ kind: 'outreach', ...at(3, '13:00', '15:00'), area: 'Bispehaven', status: 'cancelled' })
  add({ kind: 'network_meeting', ...at(4, '08:30', '09:30'), area: 'Gellerup', status: 'done' })

  // Counts by activity key, and how often each was edited. Two visits last week have some.
  const counts = new Map<string, Record<string, number>>()
  const edits = new Map<string, number>()
  const LIMITS: Record<string, number> = { home_visit: 30, accompaniment: 10, network_meeting: 200, group_meeting: 500, outreach: 500 }
  function complete(given: Record<string, number>): Record<string, number> {
    const values: Record<string, number> = {}
    for (const group of SCHEME_V1.groups) {
      if (group.kind === 'total') values[group.key] = given[group.key] ?? 0
      const typed = group.buckets.some((b) => b.key in given)
      for (const bucket of group.buckets) {
        values[bucket.key] = group.kind === 'breakdown' && !typed && isUnknownBucket(bucket.key) ? (given.reached ?? 0) : (given[bucket.key] ?? 0)
      }
    }
    return values
  }
  const past1 = add({ kind: 'home_visit', ...at(-5, '10:00', '11:00'), area: 'Gellerup', household: 'H-9', status: 'done' })
  counts.set(past1.key, complete({ reached: 3, new: 1, 'gender.women': 2, 'gender.men': 1, 'topic.health': 2, 'topic.children_school': 1, 'referral.health': 1 }))
  const past2 = add({ kind: 'group_meeting', ...at(-6, '17:00', '19:00'), title: 'Kvindecafé', venue: 'Beboerhuset', area: 'Gellerup', status: 'done', expected_size: 12 })
  counts.set(past2.key, complete({ reached: 11, new: 2, 'gender.women': 11, 'topic.health': 6, 'topic.rights_social_control': 4, 'topic.language_digital': 3, 'referral.municipal': 2, 'referral.soestre_mod_vold': 1 }))
  add({ kind: 'home_visit', ...at(-3, '13:00', '14:00'), area: 'Hasle', household: 'H-4' })
  // Busy time from two "imported" calendars, one of them over the 09:30 visit on Wednesday.
  const busy: BusyView[] = []
  const sources: BusySourceView[] = []
  const importedAt = instant(addDays(today, -2), '20:15')

  function addBusy(source: string, uid: string, day: number, from: string | null, to: string | null, title: string, free = false): void {
    const date = addDays(monday, day)
    const allDay = from === null
    busy.push({
      key: `busy:${source}:${uid}@${date}`,
      kind: 'busy',
      source,
      uid,
      title,
      start: allDay ? instant(date, '00:00') : instant(date, from),
      end: allDay ? instant(addDays(date, 1), '00:00') : instant(date, to ?? from),
      all_day: allDay,
      free,
    })
  }

  function importCalendar(source: string, offset: number): void {
    for (let i = busy.length - 1; i >= 0; i--) if (busy[i].source === source) busy.splice(i, 1)
    const before = busy.length
    if (source === 'Arbejde') {
      addBusy(source, 'vagt-1', offset, '13:00', '16:00', 'Vagt på plejehjemmet')
      addBusy(source, 'kursus', offset + 3, null, null, 'Kursus i København')
      addBusy(source, 'vagt-2', offset + 7, '13:00', '16:00', 'Vagt på plejehjemmet')
    } else if (source === 'Familie') {
      addBusy(source, 'tandlaege', offset + 2, '09:00', '10:00', 'Tandlæge')
      addBusy(source, 'foedselsdag', offset + 4, null, null, 'Idas fødselsdag', true)
      addBusy(source, 'fodbold', offset + 5, '10:00', '12:00', 'Fodbold med Ali')
    } else {
      addBusy(source, 'moede', offset + 1, '15:00', '16:30', 'Forældremøde')
    }
    const entries = busy.length - before
    const index = sources.findIndex((x) => x.name === source)
    const row = { name: source, imported: index < 0 ? importedAt : instant(today, '12:00'), entries }
    if (index < 0) sources.push(row)
    else sources[index] = row
  }
  importCalendar('Arbejde', 0)
  importCalendar('Familie', 0)

  /** The busy time an activity overlaps (not free), as `ActivityView.busy_conflicts`. */
  function withBusy(activity: ActivityView): ActivityView {
    const keys = busy
      .filter((b) => !b.free && Date.parse(b.start) < Date.parse(activity.end) && Date.parse(activity.start) < Date.parse(b.end))
      .map((b) => b.key)
    return keys.length > 0 ? { ...activity, busy_conflicts: keys } : activity
  }

  const delay = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 150))
  const find = (id: number) => {
    const found = activities.find((x) => x.id === id)
    if (!found) throw new UserError('not_found', null, { id: String(id) })
    return found
  }
  const language = new URLSearchParams(location.search).get('lang') ?? 'da'
  let settings: Settings = {
    language: null,
    role: null,
    programme: null,
    durations: { home_visit: 60, group_meeting: 120, outreach: 90, accompaniment: 120, network_meeting: 90 },
    travel_buffer_minutes: 30,
    reminder_minutes: 15,
    discreet_mode: false,
    follow_up_days: 14,
    onboarded: new URLSearchParams(location.search).get('welcome') === null,
    live_calendar_path: null,
    live_calendar_detail: 'discreet',
  }
  const ok = (id: number): PlanOutcome => ({ id, conflicts: [], notices: [] })
  // The in-memory backend writes no live calendar file: its changes leave no notices.
  const changed = <T>(value: T): Changed<T> => ({ value, notices: [] })

  function place(target: ActivityView, request: PlanRequest): void {
    const [date, time] = request.start.split('T')
    const endAt = addMinutes(date, time, request.duration_minutes)
    Object.assign(target, {
      kind: request.kind,
      start: instant(date, time),
      end: instant(endAt.date, endAt.time),
      area: request.area,
      household: request.household,
      venue: request.venue,
      theme: request.theme,
      title: request.title,
      note: request.note,
    })
  }

  return {
    appInfo: () => delay({ database_path: '(browser preview)', today, language: settings.language ?? language }),
    listActivities: (from, to) =>
      delay(
        activities
          .filter((x) => {
            const day = copenhagenDate(x.start)
            return day >= from && day <= to
          })
          .sort((x, y) => Date.parse(x.start) - Date.parse(y.start))
          .map(withBusy),
      ),
    async planActivity(request: PlanRequest): Promise<PlanOutcome> {
      if (request.kind === 'home_visit' && !request.area) throw new UserError('missing_field', 'area', { field: 'area', kind: 'home_visit' })
      const created = add({ kind: request.kind, start: '', end: '' })
      place(created, request)
      const clashes = activities.filter(
        (x) =>
          x.id !== created.id &&
          x.status !== 'cancelled' &&
          Date.parse(x.start) < Date.parse(created.end) &&
          Date.parse(created.start) < Date.parse(x.end),
      )
      created.conflicts = clashes.map((x) => x.id)
      for (const x of clashes) x.conflicts.push(created.id)
      const busyClashes = busy.filter(
        (b) => !b.free && Date.parse(b.start) < Date.parse(created.end) && Date.parse(created.start) < Date.parse(b.end),
      )
      return delay({
        id: created.id,
        conflicts: [
          ...clashes.map((x) => ({
            with: x.id,
            kind: 'overlap' as const,
            with_start: x.start,
            with_end: x.end,
            gap_minutes: null,
            needed_minutes: null,
          })),
          ...busyClashes.map((b) => ({
            with: 0,
            kind: 'overlap' as const,
            with_start: b.start,
            with_end: b.end,
            gap_minutes: null,
            needed_minutes: null,
            busy: { source: b.source, title: b.title, all_day: b.all_day },
          })),
        ],
        notices: [],
      })
    },
    async cancelActivity(id) {
      const found = find(id)
      found.status = 'cancelled'
      return delay(changed(found))
    },
    async deleteActivity(id) {
      const index = activities.findIndex((x) => x.id === id)
      if (index < 0) throw new UserError('not_found', null, { id: String(id) })
      deleted.set(id, activities.splice(index, 1)[0])
      return delay(changed(null))
    },
    async restoreActivity(id) {
      const found = deleted.get(id)
      if (!found) throw new UserError('not_found', null, { id: String(id) })
      activities.push(found)
      deleted.delete(id)
      return delay(changed(found))
    },
    getActivity: async (id) => delay(find(id)),
    async updateFollowing(id, _occurrence, request) {
      return this.updateActivity(id, request)
    },
    async updateActivity(id, request) {
      place(find(id), request)
      return delay(ok(id))
    },
    async moveActivity(id, _occurrence, start, end) {
      const found = find(id)
      found.start = instant(start.slice(0, 10), start.slice(11, 16))
      found.end = instant(end.slice(0, 10), end.slice(11, 16))
      return delay(ok(id))
    },
    async setStatus(id, _occurrence, status) {
      const found = find(id)
      found.status = status
      return delay(changed(found))
    },
    async suggestions(field, prefix) {
      const values = activities.flatMap((x) => x[field] ?? [])
      const unique = [...new Set(values)].filter((v) => v.toLowerCase().startsWith(prefix.toLowerCase()))
      return delay(unique.slice(0, 10))
    },
    async followUpDraft(id) {
      const done = find(id)
      const date = addDays(copenhagenDate(done.start), settings.follow_up_days)
      return delay({
        kind: 'home_visit' as const,
        start: `${date}T${done.start.slice(11, 16)}`,
        duration_minutes: 60,
        area: done.area,
        household: done.household,
        venue: null,
        theme: null,
        title: null,
        note: null,
        programme: done.programme,
        languages: [],
        rrule: null,
        expected_size: null,
      })
    },
    async agenda(overdueLimit) {
      const now = Date.now()
      const planned = activities.filter((x) => x.status === 'planned')
      const overdue = planned.filter((x) => Date.parse(x.end) < now).sort((x, y) => Date.parse(y.start) - Date.parse(x.start))
      return delay({
        overdue: overdue.slice(0, overdueLimit ?? overdue.length),
        overdue_total: overdue.length,
        upcoming: planned
          .filter((x) => Date.parse(x.start) >= now && Date.parse(x.start) < now + 8 * 86_400_000)
          .sort((x, y) => Date.parse(x.start) - Date.parse(y.start)),
      })
    },
    getSettings: async () => delay(settings),
    async saveSettings(next) {
      settings = next
      return delay(changed(settings))
    },
    async loadExamples() {
      add({ kind: 'outreach', ...at(4, '13:00', '15:00'), area: 'Bispehaven', example: true })
      add({ kind: 'home_visit', ...at(8, '10:00', '11:00'), area: 'Gellerup', household: 'H-2', example: true })
      return delay(2)
    },
    async removeExamples() {
      const before = activities.length
      for (let i = activities.length - 1; i >= 0; i--) if (activities[i].example) activities.splice(i, 1)
      return delay(before - activities.length)
    },
    exportIcs: async () => delay(activities.length),
    chooseSaveFile: async () => delay('/home/preview/nabo.ics'),
    async notify(title, body) {
      console.info(`[notification] ${title}: ${body}`)
      return true
    },
    scheme: async () => delay(SCHEME_V1),
    async countsForm(id, occurrence) {
      const key = occurrence ? `${id}@${occurrence}` : String(find(id).key)
      return delay({ recorded: counts.get(key) ?? null, prefill: null, edits: edits.get(key) ?? 0 })
    },
    async recordCounts(id, occurrence, given) {
      const found = find(id)
      if (found.status === 'cancelled') throw new UserError('counts_cancelled', null, { id: String(id) })
      if (Date.parse(found.start) > Date.now()) throw new UserError('counts_future', null, { id: String(id) })
      const reached = given.reached ?? 0
      if (reached > LIMITS[found.kind]) {
        throw new UserError('counts_implausible', null, { key: 'reached', kind: found.kind, reached: String(reached), max: String(LIMITS[found.kind]) })
      }
      const key = occurrence ? `${id}@${occurrence}` : found.key
      const edited = counts.has(key)
      if (edited) edits.set(key, (edits.get(key) ?? 0) + 1)
      const values = complete(given)
      counts.set(key, values)
      found.status = 'done'
      const usual = found.expected_size
      const warnings = found.kind === 'group_meeting' && usual && reached >= usual * 5 ? [{ code: 'much_larger_than_usual', reached, usual }] : []
      return delay(changed({ activity: found, edited, values, warnings }))
    },
    async removeCounts(id, occurrence) {
      const key = occurrence ? `${id}@${occurrence}` : find(id).key
      const had = counts.delete(key)
      if (had) edits.set(key, (edits.get(key) ?? 0) + 1)
      return delay(changed(had))
    },
    async monthStats(period) {
      if (!/^\d{4}-\d{2}$/.test(period)) throw new UserError('unreadable_period', null, { input: period })
      const inMonth = activities.filter((x) => copenhagenDate(x.start).slice(0, 7) === period)
      const by = new Map<string, number>()
      for (const x of inMonth) by.set(`${x.kind}|${x.status}`, (by.get(`${x.kind}|${x.status}`) ?? 0) + 1)
      const totals = complete({})
      for (const k of Object.keys(totals)) totals[k] = 0
      let recorded = 0
      for (const x of inMonth) {
        const values = counts.get(x.key)
        if (!values) continue
        recorded += 1
        for (const [k, v] of Object.entries(values)) totals[k] += v
      }
      const list = [...by].map(([k, count]) => ({ kind: k.split('|')[0], status: k.split('|')[1], count }))
      return delay({ period, activities: list, recorded, totals } satisfies MonthStats)
    },
    listBusy: (from, to) =>
      delay(
        busy
          .filter((b) => copenhagenDate(b.start) <= to && copenhagenDate(b.end) >= from)
          .sort((x, y) => Date.parse(x.start) - Date.parse(y.start)),
      ),
    async importIcs(path, name, dryRun) {
      const stem = path.split('/').pop()?.replace(/\.ics$/i, '') ?? 'Kalender'
      // A file named like "bad.ics" is refused, to try out the error.
      if (/bad|fejl/i.test(stem)) {
        throw new UserError('import_malformed', null, { path, line: '12', reason: 'a line without a colon' })
      }
      const source = name ?? (stem.charAt(0).toUpperCase() + stem.slice(1))
      const known = sources.find((x) => x.name === source)
      if (!dryRun) importCalendar(source, 7)
      return delay({
        source,
        dry_run: dryRun,
        added: known ? 1 : 3,
        changed: known ? 1 : 0,
        unchanged: known ? Math.max(known.entries - 1, 0) : 0,
        removed: 0,
        outside_window: 2,
        cancelled: 1,
        capped: [],
        capped_total: 0,
        duplicates: [],
        duplicates_total: 0,
      })
    },
    busySources: () => delay([...sources]),
    async removeBusySource(name) {
      const index = sources.findIndex((x) => x.name === name)
      if (index < 0) return delay(false)
      sources.splice(index, 1)
      for (let i = busy.length - 1; i >= 0; i--) if (busy[i].source === name) busy.splice(i, 1)
      return delay(true)
    },
    chooseOpenFile: async () => delay('/home/preview/Hentet/skole.ics'),
    // A browser gives a dropped file's contents, not its path: only the real app imports drops.
    onFileDrop: async () => () => {},
  }
}
