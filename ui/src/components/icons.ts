// Icon names, and which icon stands for each kind and status of activity.
import type { ActivityKind, ActivityStatus } from '../lib/backend'

/** Every icon there is: each has its SVG file in ./icons and its rule in icons.css. */
export const ICON_NAMES = [
  'plus', 'chevron-left', 'chevron-right', 'calendar', 'warning', 'cancelled', 'done', 'info', 'close',
  'home', 'group', 'outreach', 'accompaniment', 'network', 'clock', 'no-show', 'trash', 'undo',
  'settings', 'sun', 'list', 'grid', 'eye', 'example', 'repeat', 'minus', 'chart', 'tally',
  'lock', 'free', 'upload',
] as const

/** The name of one of Nabo's icons. */
export type IconName = (typeof ICON_NAMES)[number]

export const KIND_ICON: Record<ActivityKind, IconName> = {
  home_visit: 'home',
  group_meeting: 'group',
  outreach: 'outreach',
  accompaniment: 'accompaniment',
  network_meeting: 'network',
}

export const STATUS_ICON: Record<ActivityStatus, IconName> = {
  planned: 'clock',
  done: 'done',
  cancelled: 'cancelled',
  no_show: 'no-show',
}
