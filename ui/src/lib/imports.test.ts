// The queue of calendar files: one at a time, counted per round, and only taken when the window can.
import { describe, expect, it } from 'vitest'
import { FocusReturn } from './focus'
import { ImportQueue } from './imports.svelte'

describe('the import queue', () => {
  it('takes dropped .ics files one after the other and counts "n of total" per round', async () => {
    const queue = new ImportQueue(new FocusReturn(), () => true)
    queue.drop({ type: 'over' })
    expect(queue.dragging).toBe(true)
    queue.drop({ type: 'drop', paths: ['/tmp/a.ics', '/tmp/b.ics'] })
    expect(queue.dragging).toBe(false)
    expect(queue.jobs.map((j) => j.path)).toEqual(['/tmp/a.ics', '/tmp/b.ics'])
    queue.queue([{ path: '/tmp/c.ics', name: 'Familie' }])
    expect([queue.done, queue.total]).toEqual([0, 3])
    await queue.next()
    expect([queue.done, queue.total, queue.jobs[0].path]).toEqual([1, 3, '/tmp/b.ics'])
    await queue.next()
    await queue.next()
    expect(queue.active).toBe(false)
    // A new round counts from the start.
    queue.queue([{ path: '/tmp/d.ics', name: null }])
    expect([queue.done, queue.total]).toEqual([0, 1])
  })

  it('takes nothing while it cannot import (not set up, or a form open), and shows no hint', () => {
    const queue = new ImportQueue(new FocusReturn(), () => false)
    queue.drop({ type: 'over' })
    expect(queue.dragging).toBe(false)
    queue.drop({ type: 'drop', paths: ['/tmp/a.ics'] })
    expect(queue.active).toBe(false)
  })

  it('ignores a drop without files and a drag that leaves', () => {
    const queue = new ImportQueue(new FocusReturn(), () => true)
    queue.drop({ type: 'over' })
    queue.drop({ type: 'leave' })
    expect(queue.dragging).toBe(false)
    queue.drop({ type: 'drop', paths: [] })
    expect(queue.active).toBe(false)
  })
})
