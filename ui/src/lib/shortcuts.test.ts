// The window's shortcuts: which key does what, and when a key is left alone.
import { describe, expect, it } from 'vitest'
import { shortcutOf } from './shortcuts'

const press = (key: string, more: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; target: EventTarget | null }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: document.body,
  ...more,
})

describe('the window’s shortcuts', () => {
  it('plans with N and M (either case) and shows today with T', () => {
    expect(shortcutOf(press('n'), false)).toBe('plan-visit')
    expect(shortcutOf(press('N'), false)).toBe('plan-visit')
    expect(shortcutOf(press('m'), true)).toBe('plan-meeting')
    expect(shortcutOf(press('t'), false)).toBe('today')
  })

  it('steps with the arrows only while the calendar is shown', () => {
    expect(shortcutOf(press('ArrowLeft'), true)).toBe('previous')
    expect(shortcutOf(press('ArrowRight'), true)).toBe('next')
    expect(shortcutOf(press('ArrowRight'), false)).toBeNull()
  })

  it('leaves keys alone with Ctrl, Cmd or Alt, while typing, and other keys', () => {
    expect(shortcutOf(press('n', { ctrlKey: true }), false)).toBeNull()
    expect(shortcutOf(press('n', { metaKey: true }), false)).toBeNull()
    expect(shortcutOf(press('ArrowLeft', { altKey: true }), true)).toBeNull()
    expect(shortcutOf(press('n', { target: document.createElement('input') }), false)).toBeNull()
    expect(shortcutOf(press('n', { target: document.createElement('textarea') }), false)).toBeNull()
    expect(shortcutOf(press('x'), true)).toBeNull()
  })
})
