//! Every text value in every table of a database, as SQL reads it (shared by the store's, the
//! service's and the CLI's tests that check erased text is gone): `#[path]`-included by each.

/// Every text value in every table of the (decrypted) database behind `conn`.
pub fn every_text(conn: &rusqlite::Connection) -> Vec<String> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("tables");
    let mut texts = Vec::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).expect("select");
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).expect("rows");
        while let Some(row) = rows.next().expect("row") {
            for i in 0..columns {
                if let rusqlite::types::ValueRef::Text(t) = row.get_ref(i).expect("value") {
                    texts.push(String::from_utf8_lossy(t).into_owned());
                }
            }
        }
    }
    texts
}
