// Dev-only stand-in for the Rust side, used by `npm run dev` in a plain
// browser. Never imported by the production build (see main.ts).
import type { ActivityView, Backend, PlanOutcome, PlanRequest } from './backend'
import { UserError } from './backend'
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

  function add(partial: Partial<ActivityView> & Pick<ActivityView, 'kind' | 'start' | 'end'>): ActivityView {
    const activity: ActivityView = {
      id: nextId++,
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

  const delay = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 150))

  return {
    appInfo: () => delay({ database_path: '(browser preview)', today, language: new URLSearchParams(location.search).get('lang') ?? 'da' }),
    listActivities: (from, to) =>
      delay(
        activities
          .filter((x) => {
            const day = copenhagenDate(x.start)
            return day >= from && day <= to
          })
          .sort((x, y) => Date.parse(x.start) - Date.parse(y.start)),
      ),
    async planActivity(request: PlanRequest): Promise<PlanOutcome> {
      const [date, time] = request.start.split('T')
      if (!request.area) throw new UserError('missing_field', 'area', { field: 'area' })
      const endAt = addMinutes(date, time, request.duration_minutes)
      const created = add({
        kind: request.kind,
        start: instant(date, time),
        end: instant(endAt.date, endAt.time),
        area: request.area,
        household: request.household,
        note: request.note,
      })
      const clashes = activities.filter(
        (x) =>
          x.id !== created.id &&
          x.status !== 'cancelled' &&
          Date.parse(x.start) < Date.parse(created.end) &&
          Date.parse(created.start) < Date.parse(x.end),
      )
      created.conflicts = clashes.map((x) => x.id)
      for (const x of clashes) x.conflicts.push(created.id)
      return delay({
        id: created.id,
        conflicts: clashes.map((x) => ({
          with: x.id,
          kind: 'overlap' as const,
          with_start: x.start,
          with_end: x.end,
          gap_minutes: null,
          needed_minutes: null,
        })),
        notices: [],
      })
    },
    async cancelActivity(id) {
      const found = activities.find((x) => x.id === id)
      if (!found) throw new UserError('not_found', null, { id: String(id) })
      found.status = 'cancelled'
      return delay(found)
    },
    async deleteActivity(id) {
      const index = activities.findIndex((x) => x.id === id)
      if (index < 0) throw new UserError('not_found', null, { id: String(id) })
      activities.splice(index, 1)
      await delay(null)
    },
  }
}
