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
