// The browser preview's stand-in backend (npm run dev) has busy time to show and import.
import { describe, expect, it } from 'vitest'
import { addDays, copenhagenDate, mondayOf } from './dates'
import { createMockBackend } from './mockBackend'

describe('the browser preview backend', () => {
  it('has busy time this week from two calendars, one over a visit, and imports more', async () => {
    const backend = createMockBackend()
    const { today } = await backend.appInfo()
    const monday = mondayOf(today)
    const busy = await backend.listBusy(monday, addDays(monday, 6))
    expect(new Set(busy.map((b) => b.source))).toEqual(new Set(['Arbejde', 'Familie']))
    expect(busy.some((b) => b.all_day)).toBe(true)
    expect(busy.some((b) => b.free)).toBe(true)
    const activities = await backend.listActivities(monday, addDays(monday, 6))
    expect(activities.some((a) => (a.busy_conflicts?.length ?? 0) > 0)).toBe(true)

    const path = (await backend.chooseOpenFile())!
    const dry = await backend.importIcs(path, null, true)
    expect(dry.dry_run).toBe(true)
    expect((await backend.busySources()).map((s) => s.name)).not.toContain(dry.source)
    await backend.importIcs(path, dry.source, false)
    expect((await backend.busySources()).map((s) => s.name)).toContain(dry.source)
    const next = await backend.listBusy(addDays(monday, 7), addDays(monday, 13))
    expect(next.some((b) => b.source === dry.source && copenhagenDate(b.start) >= addDays(monday, 7))).toBe(true)
    await expect(backend.importIcs('/tmp/fejl.ics', null, true)).rejects.toMatchObject({ code: 'import_malformed' })
    expect(await backend.removeBusySource(dry.source)).toBe(true)
  })
  it('loads two marked examples and removes them again', async () => {
    const backend = createMockBackend()
    const { today } = await backend.appInfo()
    const monday = mondayOf(today)
    const before = await backend.listActivities(monday, addDays(monday, 13))
    expect(await backend.loadExamples()).toBe(2)
    const withExamples = await backend.listActivities(monday, addDays(monday, 13))
    expect(withExamples.filter((a) => a.example)).toHaveLength(2)
    expect(await backend.removeExamples()).toBe(2)
    expect(await backend.listActivities(monday, addDays(monday, 13))).toEqual(before)
  })
})
