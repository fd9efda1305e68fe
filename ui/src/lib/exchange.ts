// The files people hand each other — this Nabo's identity card, the coordinator's card,
// monthly summaries both ways and receipts — as the screens reach them. Like `Backend`, it
// comes from Svelte context (`setExchange`/`getExchange`) so that unit tests can give a fake.
import { open, save } from '@tauri-apps/plugin-dialog'
import { getContext, setContext } from 'svelte'
import { answered, call, UserError } from './backend'
import type { CoordinatorView } from './bindings/CoordinatorView'
import type { KeyView } from './bindings/KeyView'
import type { ReceiptExport } from './bindings/ReceiptExport'
import type { ReceiptReport } from './bindings/ReceiptReport'
import type { SentMonth } from './bindings/SentMonth'
import type { SummaryExport } from './bindings/SummaryExport'
import type { SummaryImportReport } from './bindings/SummaryImportReport'
import type { VolunteerRow } from './bindings/VolunteerRow'
import type { OverviewView } from './bindings/OverviewView'
import type { GridVolunteer } from './bindings/GridVolunteer'
import type { ReportExport } from './bindings/ReportExport'
import type { ReportFormat } from './bindings/ReportFormat'
import type { ReportRequest } from './bindings/ReportRequest'
import type { TargetGoal } from './bindings/TargetGoal'
import type { TargetView } from './bindings/TargetView'

export type {
  CoordinatorView,
  GridVolunteer,
  KeyView,
  OverviewView,
  ReceiptExport,
  ReceiptReport,
  ReportExport,
  ReportFormat,
  ReportRequest,
  SentMonth,
  SummaryExport,
  SummaryImportReport,
  TargetGoal,
  TargetView,
  VolunteerRow,
}

/** The kinds of file Nabo writes or opens, for the file dialogs' filters and default names. */
export type ExchangeFile = 'card' | 'summary' | 'receipt' | 'csv' | 'xlsx' | 'json' | 'png' | 'svg'

/** The file name endings Nabo writes and offers to open. */
export const EXTENSIONS: Record<ExchangeFile, string> = {
  card: 'nabo-card',
  summary: 'nabo-summary',
  receipt: 'nabo-receipt',
  csv: 'csv',
  xlsx: 'xlsx',
  json: 'json',
  png: 'png',
  svg: 'svg',
}

export interface Exchange {
  /** This Nabo's role, name, public key and fingerprint. */
  keyView(): Promise<KeyView>
  /** Writes this Nabo's identity card. */
  exportCard(path: string): Promise<KeyView>
  /** The coordinator on a card file, verified but not set (to compare the fingerprint). */
  readCoordinatorCard(path: string): Promise<CoordinatorView>
  /** Sets the coordinator from her card. */
  setCoordinator(path: string): Promise<CoordinatorView>
  /** The coordinator set, if any. */
  coordinator(): Promise<CoordinatorView | null>
  /** Writes a month (`YYYY-MM`) as a summary: to the coordinator, or readable when `plain`. */
  exportSummary(period: string, path: string, plain: boolean): Promise<SummaryExport>
  /** The months sent, newest first. */
  sentMonths(): Promise<SentMonth[]>
  /** Imports summary files, or with `dryRun` says per file what an import would do. */
  importSummaries(paths: string[], dryRun: boolean): Promise<SummaryImportReport>
  /** The volunteers summaries came from. */
  volunteers(): Promise<VolunteerRow[]>
  /** Accepts the key offered under a volunteer's name; its fingerprint. */
  acceptVolunteerKey(name: string): Promise<string>
  /** Writes a signed receipt for a volunteer. */
  writeReceipt(name: string, path: string): Promise<ReceiptExport>
  /** Checks a receipt from the coordinator against the months sent. */
  checkReceipt(path: string): Promise<ReceiptReport>
  /** The coordinator's overview of a period (`YYYY`, `YYYY-Qn` or `YYYY-MM`). */
  overview(period: string): Promise<OverviewView>
  /** The volunteers × months grid of a period. */
  volunteerGrid(period: string): Promise<GridVolunteer[]>
  /** Sets a target; returns it with its progress. */
  setTarget(measure: string, period: string, goal: TargetGoal): Promise<TargetView>
  /** Removes a target. */
  removeTarget(id: number): Promise<void>
  /** Writes a report with small counts hidden. */
  exportReport(request: ReportRequest, format: ReportFormat, path: string): Promise<ReportExport>
  /** Saves a chart: a PNG (base64) or an SVG (text). */
  saveChart(path: string, kind: 'png' | 'svg', data: string): Promise<void>
  /** Asks where to save a file of this kind; `null` when cancelled. */
  chooseSave(kind: ExchangeFile, name: string): Promise<string | null>
  /** Asks which files of this kind to open; empty when cancelled. */
  chooseOpen(kind: ExchangeFile, multiple: boolean): Promise<string[]>
}

export const tauriExchange: Exchange = {
  keyView: () => call<KeyView>('key_view'),
  exportCard: (path) => call<KeyView>('export_card', { path }),
  readCoordinatorCard: (path) => call<CoordinatorView>('read_coordinator_card', { path }),
  setCoordinator: (path) => call<CoordinatorView>('set_coordinator', { path }),
  coordinator: () => call<CoordinatorView | null>('coordinator'),
  exportSummary: (period, path, plain) => call<SummaryExport>('export_summary', { period, path, plain }),
  sentMonths: () => call<SentMonth[]>('sent_months'),
  importSummaries: (paths, dryRun) => call<SummaryImportReport>('import_summaries', { paths, dryRun }),
  volunteers: () => call<VolunteerRow[]>('volunteers'),
  acceptVolunteerKey: (name) => call<string>('accept_volunteer_key', { name }),
  writeReceipt: (name, path) => call<ReceiptExport>('write_receipt', { name, path }),
  checkReceipt: (path) => call<ReceiptReport>('check_receipt', { path }),
  overview: (period) => call<OverviewView>('overview', { period }),
  volunteerGrid: (period) => call<GridVolunteer[]>('volunteer_grid', { period }),
  setTarget: (measure, period, goal) => call<TargetView>('set_target', { measure, period, goal }),
  removeTarget: (id) => call<void>('remove_target', { id }),
  exportReport: (request, format, path) => call<ReportExport>('export_report', { request, format, path }),
  saveChart: (path, kind, data) => call<void>('save_chart', { path, kind, data }),
  async chooseSave(kind, name) {
    const given = answered('save')
    if (given !== undefined) return given
    try {
      return await save({ defaultPath: `${name}.${EXTENSIONS[kind]}`, filters: [{ name: 'Nabo', extensions: [EXTENSIONS[kind]] }] })
    } catch (rejected) {
      throw UserError.from(rejected)
    }
  },
  async chooseOpen(kind, multiple) {
    const given = answered('open')
    if (given !== undefined) return given
    try {
      // Files renamed on the way (a mail program adds ".txt", a stick drops the ending) must
      // still open: the filter offers Nabo's ending first and every file second.
      const chosen = await open({
        multiple,
        directory: false,
        filters: [
          { name: 'Nabo', extensions: [EXTENSIONS[kind]] },
          { name: '*', extensions: ['*'] },
        ],
      })
      if (chosen === null) return []
      return Array.isArray(chosen) ? chosen : [chosen]
    } catch (rejected) {
      throw UserError.from(rejected)
    }
  },
}

const EXCHANGE = Symbol('nabo.exchange')

export function setExchange(exchange: Exchange): void {
  setContext(EXCHANGE, exchange)
}

export function getExchange(): Exchange {
  const exchange = getContext<Exchange | undefined>(EXCHANGE)
  if (!exchange) throw new Error('No Exchange in context: wrap the component in App or call setExchange().')
  return exchange
}

/** The last part of a path: how a file is named in tables and messages. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path
}
