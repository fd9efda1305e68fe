// Hand-written stand-in for the ts-rs output of the Rust types; the generated file replaces it.
export type ConflictKindView = "overlap" | "too_little_travel_time";
