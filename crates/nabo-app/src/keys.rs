//! This Nabo's identity in the files it hands over: its Ed25519 signing key (made at `init`,
//! or at first use in a database from before keys), the age X25519 key a coordinator's
//! summaries are encrypted to, the fingerprint people compare, and the identity card.

use std::path::Path;

use age::secrecy::ExposeSecret as _;
use chrono::{DateTime, Utc};
use nabo_core::exchange::{CardRole, ExchangeError, IdentityCard, SecretKey};
use nabo_store::{get_identity, get_keys, set_encryption_key_once, set_keys_once, Db, Identity, Role, StoredKeys};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::AppError;
use crate::service::Nabo;
use crate::settings::RoleView;

/// This Nabo's identity as the front ends show it: never a secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct KeyView {
    /// What this Nabo is used for.
    pub role: RoleView,
    /// The name shown to the coordinator or the group, if one was given.
    pub name: Option<String>,
    /// The Ed25519 public key, base64.
    pub public_key: String,
    /// Five groups of four characters to compare over the phone.
    pub fingerprint: String,
    /// For a coordinator: the age recipient (`age1…`) volunteers encrypt summaries to.
    pub encryption_recipient: Option<String>,
}

/// This Nabo's secret keys, read from the database.
pub(crate) struct Keys {
    pub(crate) identity: Identity,
    pub(crate) signing: SecretKey,
    pub(crate) decryption: Option<age::x25519::Identity>,
}

/// 32 bytes from the operating system's randomness.
fn random_seed() -> Result<[u8; 32], AppError> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| AppError::NoRandomness { detail: e.to_string() })?;
    Ok(seed)
}

fn receives(role: Role) -> bool {
    matches!(role, Role::Coordinator | Role::Both)
}

/// New keys for `role`: a signing key always, a decryption key for a role that receives summaries.
pub(crate) fn new_keys(role: Role) -> Result<StoredKeys, AppError> {
    let encryption_key =
        receives(role).then(|| age::x25519::Identity::generate().to_string().expose_secret().to_string());
    Ok(StoredKeys { signing_seed: random_seed()?, encryption_key })
}

/// Makes whatever keys `role` needs and the database lacks; keys already there are kept.
pub(crate) fn complete_keys(tx: Db<'_>, role: Role) -> Result<(), AppError> {
    match get_keys(tx)? {
        None => {
            set_keys_once(tx, &new_keys(role)?)?;
        }
        Some(keys) if keys.encryption_key.is_none() && receives(role) => {
            let key = age::x25519::Identity::generate().to_string().expose_secret().to_string();
            set_encryption_key_once(tx, &key)?;
        }
        Some(_) => {}
    }
    Ok(())
}

impl Nabo {
    /// This Nabo's keys, made and stored the first time they are needed (a write, once).
    pub(crate) fn keys(&mut self) -> Result<Keys, AppError> {
        let identity = get_identity(self.store.conn())?.ok_or(AppError::NoIdentity)?;
        let stored = match get_keys(self.store.conn())? {
            Some(keys) if keys.encryption_key.is_some() || !receives(identity.role) => keys,
            _ => {
                self.store.write(|tx| complete_keys(tx, identity.role))?;
                get_keys(self.store.conn())?.ok_or(AppError::NoIdentity)?
            }
        };
        let decryption = match &stored.encryption_key {
            Some(text) => Some(text.parse::<age::x25519::Identity>().map_err(|_| {
                AppError::Store(nabo_store::StoreError::Damaged {
                    what: "identity",
                    id: 1,
                    detail: "the encryption key cannot be read".into(),
                })
            })?),
            None => None,
        };
        Ok(Keys { identity, signing: SecretKey::from_seed(stored.signing_seed), decryption })
    }

    /// This Nabo's public identity: role, name, key and fingerprint (`nabo key show`).
    pub fn key_view(&mut self) -> Result<KeyView, AppError> {
        let keys = self.keys()?;
        let public = keys.signing.public();
        Ok(KeyView {
            role: keys.identity.role.into(),
            name: keys.identity.display_name,
            public_key: public.to_base64(),
            fingerprint: public.fingerprint().to_string(),
            encryption_recipient: keys.decryption.map(|d| d.to_public().to_string()),
        })
    }

    /// Writes this Nabo's identity card to `path` (`nabo key export`), through the one file
    /// writer. A card needs a name: the other side must know whose it is.
    pub fn export_card(&mut self, path: &Path, now: DateTime<Utc>) -> Result<KeyView, AppError> {
        let keys = self.keys()?;
        let name = keys.identity.display_name.clone().ok_or(AppError::CardNeedsName)?;
        let role = match keys.identity.role {
            Role::Volunteer => CardRole::Volunteer,
            Role::Coordinator => CardRole::Coordinator,
            Role::Both => CardRole::Both,
        };
        let recipient = keys.decryption.as_ref().map(|d| d.to_public().to_string());
        let settings = self.settings()?;
        // A coordinator's card carries her group's areas and public venues; a volunteer's none.
        let (areas, venues) =
            if recipient.is_some() { (settings.group_areas, settings.group_venues) } else { (Vec::new(), Vec::new()) };
        let refused = |source| AppError::Card { file: path.display().to_string(), source };
        let card = IdentityCard::make(&keys.signing, role, &name, recipient, settings.programme, areas, venues, now)
            .map_err(refused)?;
        let mut bytes = serde_json::to_vec_pretty(&card)
            .map_err(|e| refused(ExchangeError::Malformed { detail: e.to_string() }))?;
        bytes.push(b'\n');
        crate::files::write_file(path, &bytes, &self.protected_files())?;
        self.key_view()
    }
}
