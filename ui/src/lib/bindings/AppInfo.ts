// Hand-written stand-in for the ts-rs output of the Rust types; the generated file replaces it.
export type AppInfo = { database_path: string, today: string, language: string, };
