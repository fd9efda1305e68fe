// Hand-written stand-in for the ts-rs output of the Rust types; the generated file replaces it.
import type { ErrorCode } from "./ErrorCode";

export type UserError = { code: ErrorCode, field: string | null, args: { [key in string]?: string }, };
