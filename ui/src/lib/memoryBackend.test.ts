// The shared in-memory backend behaves as the Rust side does where the screens can see it.
import { describe, expect, it } from 'vitest'
import { activity, importReport, settings } from '../test/fakeBackend'
import { createMemoryBackend } from './memoryBackend'

const visit = activity({ id: 8, start: '2026-12-01T10:00:00+01:00', end: '2026-12-01T11:00:00+01:00' })
const later = activity({ id: 9, start: '2026-12-03T10:00:00+01:00', end: '2026-12-03T11:00:00+01:00' })

function backend() {
  return createMemoryBackend({
    today: '2026-12-02',
    language: 'da',
    databasePath: '/tmp/nabo-test.db',
    settings: settings(),
    activities: [visit, later],
    readCalendar: () => ({ report: importReport() }),
    files: { save: '/tmp/a.ics', open: '/tmp/b.ics' },
  })
}

describe('the in-memory backend', () => {
  it('stores a plan with its clashes, in start order', async () => {
    const memory = backend()
    const outcome = await memory.planActivity({ ...(await memory.followUpDraft(9)), start: '2026-12-03T10:30', area: 'Hasle' })
    expect(outcome.conflicts.map((c) => c.with)).toEqual([9])
    const listed = await memory.listActivities('2026-12-01', '2026-12-03')
    expect(listed.map((a) => a.id)).toEqual([8, 9, outcome.id])
    expect(listed[1].conflicts).toEqual([outcome.id])
  })

  it('keeps a status, takes a done visit off the agenda, and deletes with undo', async () => {
    const memory = backend()
    expect((await memory.agenda(null)).overdue.map((a) => a.id)).toEqual([8])
    await memory.setStatus(8, null, 'done')
    expect((await memory.agenda(null)).overdue).toEqual([])
    await memory.deleteActivity(9)
    expect(await memory.listActivities('2026-12-01', '2026-12-07')).toHaveLength(1)
    await memory.restoreActivity(9)
    expect(await memory.listActivities('2026-12-01', '2026-12-07')).toHaveLength(2)
  })

  it('refuses counts on a later day, on a cancelled activity, too many people, and an unknown id', async () => {
    const memory = backend()
    await expect(memory.recordCounts(9, null, { reached: 2 })).rejects.toMatchObject({ code: 'counts_future' })
    await memory.cancelActivity(8)
    await expect(memory.recordCounts(8, null, { reached: 2 })).rejects.toMatchObject({ code: 'counts_cancelled' })
    const other = backend()
    await expect(other.recordCounts(8, null, { reached: 31 })).rejects.toMatchObject({ code: 'counts_implausible' })
    await expect(other.getActivity(77)).rejects.toMatchObject({ code: 'not_found' })
    await expect(other.monthStats('december')).rejects.toMatchObject({ code: 'unreadable_period' })
  })
})
