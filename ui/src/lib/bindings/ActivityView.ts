// Hand-written stand-in for the ts-rs output of the Rust types; the generated file replaces it.
import type { ActivityKind } from "./ActivityKind";
import type { ActivityStatus } from "./ActivityStatus";
import type { Programme } from "./Programme";

export type ActivityView = { id: number, kind: ActivityKind, status: ActivityStatus, start: string, end: string, title: string | null, area: string | null, household: string | null, venue: string | null, theme: string | null, note: string | null, programme: Programme | null, languages: Array<string>, conflicts: Array<number>, };
