// Hand-written stand-in for the ts-rs output of the Rust types; the generated file replaces it.
import type { ConflictView } from "./ConflictView";
import type { NoticeView } from "./NoticeView";

export type PlanOutcome = { id: number, conflicts: Array<ConflictView>, notices: Array<NoticeView>, };
