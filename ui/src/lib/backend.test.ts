import { beforeEach, describe, expect, it, vi } from 'vitest'

const invoke = vi.hoisted(() => vi.fn())
vi.mock('@tauri-apps/api/core', () => ({ invoke }))

import { tauriBackend, UserError, type PlanRequest } from './backend'

describe('tauriBackend', () => {
  beforeEach(() => {
    invoke.mockReset()
  })

  it('calls the Rust commands by name with their arguments', async () => {
    invoke.mockResolvedValue(null)
    const request: PlanRequest = {
      kind: 'home_visit',
      start: '2026-12-01T10:00',
      duration_minutes: 60,
      area: 'Gellerup',
      household: null,
      venue: null,
      theme: null,
      title: null,
      note: null,
      programme: null,
      languages: [],
      rrule: null,
      expected_size: null,
    }
    await tauriBackend.appInfo()
    await tauriBackend.listActivities('2026-11-30', '2026-12-06')
    await tauriBackend.planActivity(request)
    await tauriBackend.cancelActivity(4)
    await tauriBackend.deleteActivity(5)
    expect(invoke.mock.calls).toEqual([
      ['app_info', undefined],
      ['list_activities', { from: '2026-11-30', to: '2026-12-06' }],
      ['plan_activity', { request }],
      ['cancel_activity', { id: 4 }],
      ['delete_activity', { id: 5 }],
    ])
  })

  it('turns a rejected command into a UserError', async () => {
    invoke.mockRejectedValue({ code: 'missing_field', field: 'area', args: { field: 'area', kind: 'home_visit' } })
    const error = await tauriBackend.listActivities('x', 'y').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    expect(error).toMatchObject({ code: 'missing_field', field: 'area', args: { field: 'area', kind: 'home_visit' } })
  })

  it('wraps anything else as an internal error', () => {
    expect(UserError.from('boom')).toMatchObject({ code: 'internal', field: null, args: { message: 'boom' } })
    expect(UserError.from(new Error('bad'))).toMatchObject({ code: 'internal', args: { message: 'bad' } })
    expect(UserError.from({ code: 'not_found', field: null, args: { id: '3' } })).toMatchObject({
      code: 'not_found',
      args: { id: '3' },
    })
  })
})
