// Hand-written stand-in for the ts-rs output of the Rust types; the generated file replaces it.
import type { ConflictKindView } from "./ConflictKindView";

export type ConflictView = { with: number, kind: ConflictKindView, with_start: string, with_end: string, gap_minutes: number | null, needed_minutes: number | null, };
