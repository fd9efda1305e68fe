import { render } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import Icon from './Icon.svelte'
import { ICON_NAMES, KIND_ICON, STATUS_ICON } from './icons'
import css from './icons.css?raw'

/** The drawings, by name. */
const drawings = Object.fromEntries(
  Object.entries(import.meta.glob<string>('./icons/*.svg', { query: '?raw', import: 'default', eager: true })).map(([file, svg]) => [
    file.slice('./icons/'.length, -'.svg'.length),
    svg,
  ]),
)

describe('icons', () => {
  it('has a drawing and a rule for every icon name, and none left over', () => {
    expect(Object.keys(drawings).sort()).toEqual([...ICON_NAMES].sort())
    for (const name of ICON_NAMES) expect(css).toContain(`.icon-${name} {\n  --icon: url('./icons/${name}.svg');\n}`)
  })

  it('draws each file as a 24-unit stroke drawing, so that every icon has the same weight', () => {
    for (const name of ICON_NAMES) {
      const svg = drawings[name]
      expect(svg, name).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 24 24" fill="none" stroke="#000" stroke-width="2"/)
      expect(svg, name).toMatch(/<(path|circle|rect) /)
    }
  })

  it('has an icon for every kind and status', () => {
    for (const name of [...Object.values(KIND_ICON), ...Object.values(STATUS_ICON)]) expect(ICON_NAMES).toContain(name)
  })

  it('is hidden from screen readers (the word beside it is read)', () => {
    const { container } = render(Icon, { name: 'home' })
    const icon = container.querySelector('.icon')
    expect(icon?.classList.contains('icon-home')).toBe(true)
    expect(icon?.getAttribute('aria-hidden')).toBe('true')
  })
})
