//! Makes the latency benchmark's volunteer database (benches/latency.sh): 5,000 home visits
//! over two years around today, seven a day, planned through `Nabo::plan` as the window and
//! the CLI do; the last two weeks' visits before today with counts recorded (so Min måned has
//! numbers), today's and yesterday's left to mark; the welcome done, Danish.
//!
//!   NABO_PASSPHRASE=… cargo run --release -p nabo-app --example latency_db -- OUT.db [COUNT]
//!
//! The same pattern as `benches/make-db.sh` (which plans one by one through the CLI and takes
//! ten minutes with a passphrase, one key derivation per call); this takes seconds.

// A tool run by hand.
#![allow(clippy::disallowed_methods, missing_docs)]

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{Duration, Utc};
use nabo_app::{ActivityId, ActivityKind, Details, KeySource, Nabo, PlanRequest, Role, PASSPHRASE_VAR};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args().nth(1).ok_or("usage: latency_db OUT.db [COUNT]")?;
    let count: i64 = std::env::args().nth(2).map(|n| n.parse()).transpose()?.unwrap_or(5_000);
    let out = Path::new(&out);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", out.display()));
    }
    let keys = KeySource::from_passphrase(std::env::var(PASSPHRASE_VAR).ok());
    let now = Utc::now();
    let mut nabo = Nabo::init(out, &keys, Role::Volunteer, Some("Amina".into()), now)?;
    let today = nabo_app::today_in_copenhagen(now);
    let first = today - Duration::days(365);
    let mut made = 0;
    let mut recorded = 0;
    for i in 0..count {
        let day = first + Duration::days(i / 7);
        let hour = 7 + (i % 7) * 2;
        let request = PlanRequest {
            details: Details {
                area: Some(format!("Område {}", i % 40)),
                household: Some(format!("H-{}", i % 97)),
                ..Details::default()
            },
            ..PlanRequest::new(ActivityKind::HomeVisit, format!("{day}T{hour:02}:00"), 60)
        };
        let planned = nabo.plan(request, now)?;
        made += 1;
        let age = (today - day).num_days();
        if (2..=15).contains(&age) {
            let reached = u32::try_from(1 + i % 4)?;
            let counts = BTreeMap::from([
                ("reached".to_string(), reached),
                ("new".to_string(), u32::from(i % 2 == 0)),
                ("gender.women".to_string(), reached),
                ("age.unknown".to_string(), reached),
                ("topic.health".to_string(), 1),
            ]);
            nabo.record(ActivityId(planned.id), None, &counts, now)?;
            recorded += 1;
        }
    }
    nabo.set_setting("language", "da", now)?;
    nabo.set_setting("programme", "bydelsmoedre", now)?;
    nabo.set_setting("onboarded", "on", now)?;
    println!("{}: {made} activities, {recorded} with counts", out.display());
    Ok(())
}
