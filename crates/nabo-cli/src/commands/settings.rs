//! `settings [--json]` and `settings set KEY VALUE`.

use super::Ctx;
use crate::args::SettingsCommand;
use crate::output::report_notices;
use crate::{Access, Failure};

/// Every setting as `settings set` takes it, or one changed with the window's checks.
pub(super) fn settings(c: &mut Ctx<'_>, json: bool, action: Option<SettingsCommand>) -> Result<(), Failure> {
    match action {
        None => {
            let nabo = c.open(Access::Read)?;
            let settings = nabo.settings()?;
            if json {
                return c.json(&settings);
            }
            for (key, value) in settings.entries() {
                c.print(format!("{key:<26} {value}"))?;
            }
            Ok(())
        }
        Some(SettingsCommand::Set { key, value }) => {
            let mut nabo = c.open(Access::Change)?;
            let changed = nabo.set_setting(&key, &value, c.now())?;
            report_notices(&changed.notices, c.l10n);
            // The key is one of SETTING_KEYS here (else refused above); the value is not
            // repeated: a path may hold a name.
            c.line("cli-setting-saved", &[("key", key.trim().to_string())])
        }
    }
}
