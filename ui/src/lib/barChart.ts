// Horizontal bar charts for "Min måned", drawn by Chart.js on a canvas. Only the parts a
// bar chart needs are registered, so the rest of Chart.js is left out of the bundle; the
// module is part of the "Min måned" chunk, loaded when that screen is first opened.
// Chart.js sets the canvas size through the CSSOM (element.style), never a style attribute
// or a <style> element, so it runs under the app's strict CSP (style-src 'self').
import { BarController, BarElement, CategoryScale, Chart, LinearScale, type Plugin } from 'chart.js'

Chart.register(BarController, BarElement, CategoryScale, LinearScale)

export type Bar = { label: string; value: number }

export interface BarChart {
  update(bars: Bar[]): void
  destroy(): void
}

/** The app's colours and font, read from its stylesheet (app.css). */
function theme(element: Element) {
  const css = getComputedStyle(element)
  const pick = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback
  return {
    bar: pick('--green', '#2f6f5e'),
    ink: pick('--ink', '#1f2a27'),
    muted: pick('--muted', '#4f5c57'),
    line: pick('--line', '#dcd3bf'),
    font: css.fontFamily || 'system-ui, sans-serif',
  }
}

/** Writes each bar's number just past its end, so that the chart can be read without hovering. */
function valueLabels(ink: string, font: string): Plugin<'bar'> {
  return {
    id: 'naboValueLabels',
    afterDatasetsDraw(chart) {
      const { ctx } = chart
      const meta = chart.getDatasetMeta(0)
      const data = chart.data.datasets[0]?.data ?? []
      ctx.save()
      ctx.fillStyle = ink
      ctx.font = `600 14px ${font}`
      ctx.textBaseline = 'middle'
      meta.data.forEach((element, i) => {
        const { x, y } = element.getProps(['x', 'y'], true) as { x: number; y: number }
        ctx.fillText(String(data[i] ?? 0), x + 6, y)
      })
      ctx.restore()
    },
  }
}

/** Draws `bars` on `canvas` (largest first is up to the caller) and returns a handle. */
export function drawBarChart(canvas: HTMLCanvasElement, bars: Bar[]): BarChart {
  const colours = theme(canvas)
  const max = Math.max(1, ...bars.map((b) => b.value))
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: bars.map((b) => b.label),
      datasets: [{ data: bars.map((b) => b.value), backgroundColor: colours.bar, borderRadius: 4, maxBarThickness: 22 }],
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      // Calm, and the same picture in a screenshot as on screen.
      animation: false,
      events: [],
      layout: { padding: { right: 36 } },
      scales: {
        x: {
          beginAtZero: true,
          suggestedMax: max,
          ticks: { precision: 0, color: colours.muted, font: { family: colours.font, size: 13 } },
          grid: { color: colours.line },
          border: { display: false },
        },
        y: {
          ticks: { color: colours.ink, font: { family: colours.font, size: 14 }, autoSkip: false },
          grid: { display: false },
          border: { color: colours.line },
        },
      },
    },
    plugins: [valueLabels(colours.ink, colours.font)],
  })
  return {
    update(next) {
      chart.data.labels = next.map((b) => b.label)
      chart.data.datasets[0].data = next.map((b) => b.value)
      const scale = chart.options.scales?.x
      if (scale) scale.suggestedMax = Math.max(1, ...next.map((b) => b.value))
      chart.update()
    },
    destroy() {
      chart.destroy()
    },
  }
}

/** Escapes text for XML. */
function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/**
 * The same horizontal bar chart as an SVG document, drawn from the numbers (not the canvas):
 * a title, one labelled bar per row with its number, in the app's colours. Chart.js draws
 * only on a canvas, so the SVG is made here, by hand, for the few shapes a bar chart has.
 */
export function barsToSvg(title: string, bars: Bar[], element?: Element): string {
  const colours = element ? theme(element) : { bar: '#2f6f5e', ink: '#1f2a27', muted: '#4f5c57', line: '#dcd3bf', font: 'sans-serif' }
  const labelWidth = 220
  const barArea = 420
  const row = 28
  const top = 40
  const width = labelWidth + barArea + 70
  const height = top + bars.length * row + 16
  const max = Math.max(1, ...bars.map((b) => b.value))
  const font = xml(colours.font)
  const rows = bars
    .map((b, i) => {
      const y = top + i * row
      const w = Math.round((b.value / max) * barArea)
      return (
        `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end" fill="${colours.ink}">${xml(b.label)}</text>` +
        `<rect x="${labelWidth}" y="${y + 4}" width="${w}" height="18" rx="4" fill="${colours.bar}"/>` +
        `<text x="${labelWidth + w + 6}" y="${y + 17}" font-weight="600" fill="${colours.ink}">${b.value}</text>`
      )
    })
    .join('')
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${font}" font-size="14">` +
    `<title>${xml(title)}</title>` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<text x="8" y="24" font-size="16" font-weight="600" fill="${colours.ink}">${xml(title)}</text>` +
    `<line x1="${labelWidth}" y1="${top}" x2="${labelWidth}" y2="${height - 12}" stroke="${colours.line}"/>` +
    rows +
    `</svg>`
  )
}
