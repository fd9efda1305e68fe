// Hand-written stand-in for the ts-rs output of the Rust types; the generated file replaces it.
import type { ActivityKind } from "./ActivityKind";
import type { Programme } from "./Programme";

export type PlanRequest = { kind: ActivityKind, start: string, duration_minutes: number, area: string | null, household: string | null, venue: string | null, theme: string | null, title: string | null, note: string | null, programme: Programme | null, languages: Array<string>, };
