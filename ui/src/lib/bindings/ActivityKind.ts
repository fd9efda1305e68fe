// Hand-written stand-in for the ts-rs output of the Rust types; the generated file replaces it.
export type ActivityKind = "home_visit" | "group_meeting" | "outreach" | "accompaniment" | "network_meeting";
