// Icon names, and which icon stands for each kind and status of activity.
import type { ActivityKind, ActivityStatus } from '../lib/backend'

export type IconName =
  | 'plus' | 'chevron-left' | 'chevron-right' | 'calendar' | 'warning' | 'cancelled' | 'done' | 'info' | 'close'
  | 'home' | 'group' | 'outreach' | 'accompaniment' | 'network' | 'clock' | 'no-show' | 'trash' | 'undo'
  | 'settings' | 'sun' | 'list' | 'grid' | 'eye' | 'example' | 'repeat' | 'minus' | 'chart' | 'tally'
  | 'lock' | 'free' | 'upload'

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
