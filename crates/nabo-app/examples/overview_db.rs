//! Makes the overview's paint benchmark database (benches/overview.sh): a coordinator's
//! database with a national year of 10,000 summaries of 2026 imported, and a target.
//!
//!   cargo run --release -p nabo-app --example overview_db -- OUT.db

// A tool run by hand.
#![allow(clippy::disallowed_methods, missing_docs)]

#[path = "../benches/year_of_summaries.rs"]
mod year_of_summaries;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args().nth(1).ok_or("usage: overview_db OUT.db [--time]")?;
    if std::env::args().nth(2).as_deref() == Some("--time") {
        // How long the overview itself takes on an existing database, and its JSON's size.
        let nabo = nabo_app::Nabo::open(
            std::path::Path::new(&out),
            &nabo_app::KeySource::from_passphrase(std::env::var(nabo_app::PASSPHRASE_VAR).ok()),
        )?;
        for _ in 0..3 {
            let started = std::time::Instant::now();
            let overview = nabo.overview("2026", year_of_summaries::now())?;
            let computed = started.elapsed();
            let json = serde_json::to_string(&overview)?;
            println!("overview {computed:?}, JSON {} bytes in {:?}", json.len(), started.elapsed());
            let started = std::time::Instant::now();
            let targets = nabo.targets(year_of_summaries::now())?;
            println!("  of which the {} targets {:?}", targets.len(), started.elapsed());
        }
        return Ok(());
    }
    let files = tempfile::tempdir()?;
    // Keyed as the window will open it: from NABO_PASSPHRASE (benches/overview.sh and
    // benches/latency.sh set one), else the key store.
    let keys = nabo_app::KeySource::from_passphrase(std::env::var(nabo_app::PASSPHRASE_VAR).ok());
    let mut nabo = year_of_summaries::import_year(files.path(), std::path::Path::new(&out), &keys);
    nabo.set_target("reached", "2026", &nabo_app::TargetGoal::Count(200_000), year_of_summaries::now())?;
    let mut settings = nabo.settings()?;
    settings.onboarded = true;
    nabo.save_settings(settings, year_of_summaries::now())?;
    println!("{out}: {} summaries", year_of_summaries::SUMMARIES);
    Ok(())
}
