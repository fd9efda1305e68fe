// Hand-written stand-in for the ts-rs output of the Rust types; the generated file replaces it.
export type ActivityStatus = "planned" | "done" | "cancelled" | "no_show";
