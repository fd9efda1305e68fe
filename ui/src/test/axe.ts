// The accessibility check the component tests share: axe-core's serious and critical
// violations on the whole page, one line each (rule and where).
import axe from 'axe-core'

export async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, {
    // jsdom has no layout: contrast is checked in the real window (e2e).
    rules: { 'color-contrast': { enabled: false } },
  })
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}
