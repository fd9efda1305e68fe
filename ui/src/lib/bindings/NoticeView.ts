// Hand-written stand-in for the ts-rs output of the Rust types; the generated file replaces it.
export type NoticeView = { code: string, args: { [key in string]?: string }, };
