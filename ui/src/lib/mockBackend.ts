// Dev-only stand-in for the Rust side, used by `npm run dev` in a plain
// browser. Never imported by the production build (see main.ts). The behaviour
// is the shared in-memory backend's (`memoryBackend.ts`); this is only the
// preview's data: a week with a clash, busy time from two calendars, counts on
// two past activities, and calendar files that make busy time when imported.
import type { ActivityView, BusyView, Settings } from './backend'
import { UserError } from './backend'
import { addDays, copenhagenDate, mondayOf } from './dates'
import { completeCounts, createMemoryBackend, memoryActivity, memoryInstant as instant, type MemoryBackend } from './memoryBackend'

/** An activity of the preview: what it is and when, the rest as a new plan has it. */
type Seeded = Pick<ActivityView, 'kind' | 'start' | 'end'> & Partial<Omit<ActivityView, 'id' | 'key' | 'kind' | 'start' | 'end'>>

/** The busy time the preview's calendar "files" hold, `offset` days after this week's Monday. */
function calendarBusy(source: string, monday: string, offset: number): BusyView[] {
  const entry = (uid: string, day: number, from: string | null, to: string | null, title: string, free = false): BusyView => {
    const date = addDays(monday, offset + day)
    const allDay = from === null
    return {
      key: `busy:${source}:${uid}@${date}`,
      kind: 'busy',
      source,
      uid,
      title,
      start: allDay ? instant(date, '00:00') : instant(date, from),
      end: allDay ? instant(addDays(date, 1), '00:00') : instant(date, to ?? from),
      all_day: allDay,
      free,
    }
  }
  if (source === 'Arbejde') {
    return [
      entry('vagt-1', 0, '13:00', '16:00', 'Vagt på plejehjemmet'),
      entry('kursus', 3, null, null, 'Kursus i København'),
      entry('vagt-2', 7, '13:00', '16:00', 'Vagt på plejehjemmet'),
    ]
  }
  if (source === 'Familie') {
    return [
      entry('tandlaege', 2, '09:00', '10:00', 'Tandlæge'),
      entry('foedselsdag', 4, null, null, 'Idas fødselsdag', true),
      entry('fodbold', 5, '10:00', '12:00', 'Fodbold med Ali'),
    ]
  }
  return [entry('moede', 1, '15:00', '16:30', 'Forældremøde')]
}

/** The browser preview's backend: this week around today's date, in memory. */
export function createMockBackend(): MemoryBackend {
  const today = copenhagenDate(new Date().toISOString())
  const monday = mondayOf(today)
  const params = new URLSearchParams(location.search)
  const activities: ActivityView[] = []

  /** A preview activity as a new plan has it, with what `seeded` says. */
  const draft = (seeded: Seeded): Omit<ActivityView, 'id' | 'key'> => memoryActivity({ programme: 'bydelsmoedre', ...seeded })

  function add(seeded: Seeded): ActivityView {
    const id = activities.length + 1
    const activity: ActivityView = { ...draft(seeded), id, key: String(id) }
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
  // Two activities last week have counts.
  const past1 = add({ kind: 'home_visit', ...at(-5, '10:00', '11:00'), area: 'Gellerup', household: 'H-9', status: 'done' })
  const past2 = add({
    kind: 'group_meeting',
    ...at(-6, '17:00', '19:00'),
    title: 'Kvindecafé',
    venue: 'Beboerhuset',
    area: 'Gellerup',
    status: 'done',
    expected_size: 12,
  })
  add({ kind: 'home_visit', ...at(-3, '13:00', '14:00'), area: 'Hasle', household: 'H-4' })
  const counts = {
    [past1.key]: completeCounts({ reached: 3, new: 1, 'gender.women': 2, 'gender.men': 1, 'topic.health': 2, 'topic.children_school': 1, 'referral.health': 1 }),
    [past2.key]: completeCounts({
      reached: 11,
      new: 2,
      'gender.women': 11,
      'topic.health': 6,
      'topic.rights_social_control': 4,
      'topic.language_digital': 3,
      'referral.municipal': 2,
      'referral.soestre_mod_vold': 1,
    }),
  }

  // Busy time from two "imported" calendars, one of them over the 09:30 visit on Wednesday.
  const importedAt = instant(addDays(today, -2), '20:15')
  const busy = [...calendarBusy('Arbejde', monday, 0), ...calendarBusy('Familie', monday, 0)]
  const sources = ['Arbejde', 'Familie'].map((name) => ({ name, imported: importedAt, entries: busy.filter((x) => x.source === name).length }))

  const settings: Settings = {
    language: null,
    role: null,
    programme: null,
    durations: { home_visit: 60, group_meeting: 120, outreach: 90, accompaniment: 120, network_meeting: 90 },
    travel_buffer_minutes: 30,
    reminder_minutes: 15,
    discreet_mode: false,
    follow_up_days: 14,
    erase_after_months: 12,
    onboarded: params.get('welcome') === null,
    live_calendar_path: null,
    live_calendar_detail: 'discreet',
    name: null,
    group_areas: [],
    group_venues: [],
  }

  // Weekly automatic backups: yesterday, and one and two weeks before.
  const backupFolder = '/home/preview/.local/share/nabo/backups'
  const backups = [1, 8, 15].map((daysAgo, index) => {
    const date = addDays(today, -daysAgo)
    return { path: `${backupFolder}/nabo-backup-${date.replace(/-/g, '')}-180000.nabo`, made: `${date}T18:00:00+00:00`, bytes: 118_784 - 4_096 * index }
  })

  return createMemoryBackend({
    today,
    language: params.get('lang') ?? 'da',
    databasePath: '(browser preview)',
    settings,
    activities,
    counts,
    busy,
    sources,
    examples: () => [
      draft({ kind: 'outreach', ...at(4, '13:00', '15:00'), area: 'Bispehaven' }),
      draft({ kind: 'home_visit', ...at(8, '10:00', '11:00'), area: 'Gellerup', household: 'H-2' }),
    ],
    readCalendar(path, name, known) {
      const stem = path.split('/').pop()?.replace(/\.ics$/i, '') ?? 'Kalender'
      // A file named like "bad.ics" is refused, to try out the error.
      if (/bad|fejl/i.test(stem)) {
        throw new UserError('import_malformed', null, { path, line: '12', reason: 'a line without a colon' })
      }
      const source = name ?? stem.charAt(0).toUpperCase() + stem.slice(1)
      const before = known.find((x) => x.name === source)
      return {
        report: {
          source,
          dry_run: true,
          added: before ? 1 : 3,
          changed: before ? 1 : 0,
          unchanged: before ? Math.max(before.entries - 1, 0) : 0,
          removed: 0,
          outside_window: 2,
          cancelled: 1,
          capped: [],
          capped_total: 0,
          duplicates: [],
          duplicates_total: 0,
          warnings: [],
          warnings_total: 0,
        },
        busy: calendarBusy(source, monday, 7),
      }
    },
    files: { save: '/home/preview/nabo.ics', open: '/home/preview/Hentet/skole.ics' },
    delayMs: 150,
    notify: (title, body) => console.info(`[notification] ${title}: ${body}`),
    // `?lock=1`: an app lock with the PIN 1234, one idle minute, locked at start.
    lock: params.get('lock') === null ? undefined : { secret: '1234', idleMinutes: 1, locked: true },
    // `?damaged=1`: the database failed its quick check (the banner offering the newest backup);
    // `?damaged=0`: … and there is no backup.
    damaged: params.get('damaged') !== null,
    backups: params.get('damaged') === '0' ? [] : backups,
    backupFolder,
    close: () => console.info('[close] Nabo would end now'),
  })
}
