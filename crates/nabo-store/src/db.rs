//! The handle nabo-app passes to the store's query functions, which cannot run SQL itself.

use rusqlite::{CachedStatement, Connection, Params, Row, Statement};

/// An open database, or the transaction of a [`Store::write`](crate::Store::write), as the
/// query functions of this crate take it.
///
/// It wraps rusqlite's connection with its methods private to this crate: nabo-app can hand it
/// from `Store::conn`/`Store::write` to `get_activity(conn, …)` and the like, but cannot write
/// SQL with it, so every statement lives here (ARCHITECTURE.md: no SQL outside nabo-store).
#[derive(Clone, Copy)]
pub struct Db<'a>(&'a Connection);

impl std::fmt::Debug for Db<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Db")
    }
}

impl<'a> Db<'a> {
    /// The handle on a connection (a transaction derefs to one).
    pub(crate) fn new(conn: &'a Connection) -> Self {
        Self(conn)
    }

    pub(crate) fn execute<P: Params>(self, sql: &str, params: P) -> rusqlite::Result<usize> {
        self.0.execute(sql, params)
    }

    pub(crate) fn prepare(self, sql: &str) -> rusqlite::Result<Statement<'a>> {
        self.0.prepare(sql)
    }

    pub(crate) fn prepare_cached(self, sql: &str) -> rusqlite::Result<CachedStatement<'a>> {
        self.0.prepare_cached(sql)
    }

    pub(crate) fn query_row<T, P, F>(self, sql: &str, params: P, f: F) -> rusqlite::Result<T>
    where
        P: Params,
        F: FnOnce(&Row<'_>) -> rusqlite::Result<T>,
    {
        self.0.query_row(sql, params, f)
    }

    pub(crate) fn last_insert_rowid(self) -> i64 {
        self.0.last_insert_rowid()
    }
}
