//! The volunteer's coordinator: whose identity card she opened, compared and confirmed
//! (`nabo coordinator set`). Summaries are encrypted to her, receipts must be signed by her,
//! and the public venues on her card are the only addresses a venue field may hold.

use std::path::Path;

use chrono::{DateTime, Utc};
use nabo_core::exchange::{ExchangeError, IdentityCard, PublicVenue, MAX_CARD_BYTES};
use nabo_core::{Programme, PublicPlaces};
use nabo_store::{get_coordinator, set_coordinator, StoredCoordinator};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::AppError;
use crate::service::Nabo;
use crate::summaries::Recipient;

/// A coordinator's card as the front ends show it before and after it is set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CoordinatorView {
    /// Her name, from her card.
    pub name: String,
    /// Her key's fingerprint: compare it with the one her Nabo shows before confirming.
    pub fingerprint: String,
    /// Her group's programme, if the card names one.
    pub programme: Option<Programme>,
    /// Her group's areas, offered in the forms.
    pub areas: Vec<String>,
    /// Her group's public venues.
    pub venues: Vec<PublicVenue>,
    /// The venues as a venue field takes them with their address ("Beboerhuset, Dortheavej 2").
    pub places: Vec<String>,
    /// When she was set (RFC 3339); `None` for a card only read.
    pub set: Option<String>,
}

/// Reads a coordinator's card file: a signed card of someone who receives summaries.
fn read_card(path: &Path) -> Result<(IdentityCard, Vec<u8>), AppError> {
    let refused = |source| AppError::Card { file: path.display().to_string(), source };
    let bytes = crate::import_file::read_chosen_file(path, MAX_CARD_BYTES as u64, |_| {
        refused(ExchangeError::TooLarge { max: MAX_CARD_BYTES })
    })?;
    let card = IdentityCard::read(&bytes).map_err(refused)?;
    if !card.role.receives() {
        return Err(refused(ExchangeError::Malformed { detail: "it is not a coordinator's card".into() }));
    }
    Ok((card, bytes))
}

/// What a summary for `card`'s holder is encrypted to, and who she is.
pub(crate) fn recipient(card: &IdentityCard, file: &str) -> Result<(Recipient, age::x25519::Recipient), AppError> {
    let refused = |source| AppError::Card { file: file.to_string(), source };
    let malformed = |detail: &str| refused(ExchangeError::Malformed { detail: detail.into() });
    let to = card
        .encryption_recipient
        .as_deref()
        .filter(|_| card.role.receives())
        .ok_or_else(|| malformed("it is not a coordinator's card"))?
        .parse::<age::x25519::Recipient>()
        .map_err(|_| malformed("its encryption_recipient is not an age X25519 recipient"))?;
    let fingerprint = card.key().map_err(refused)?.fingerprint().to_string();
    Ok((Recipient { name: card.name.clone(), fingerprint }, to))
}

/// The coordinator on the card file at `path`, for [`SummaryTo::Card`](crate::SummaryTo).
pub(crate) fn card_recipient(path: &Path) -> Result<(Recipient, age::x25519::Recipient), AppError> {
    let (card, _) = read_card(path)?;
    recipient(&card, &path.display().to_string())
}

fn view(card: &IdentityCard, set: Option<DateTime<Utc>>) -> Result<CoordinatorView, AppError> {
    let fingerprint =
        card.key().map_err(|source| AppError::Card { file: card.name.clone(), source })?.fingerprint().to_string();
    Ok(CoordinatorView {
        name: card.name.clone(),
        fingerprint,
        programme: card.programme,
        areas: card.areas.clone(),
        places: card.venues.iter().map(|v| PublicPlaces::label(&v.name, &v.address)).collect(),
        venues: card.venues.clone(),
        set: set.map(|t| t.to_rfc3339()),
    })
}

/// The volunteer's coordinator use-cases.
impl Nabo {
    /// The coordinator on the card at `path`, read and verified but not set: shown so its
    /// fingerprint can be compared before [`Nabo::set_coordinator`].
    pub fn read_coordinator_card(&self, path: &Path) -> Result<CoordinatorView, AppError> {
        view(&read_card(path)?.0, None)
    }

    /// Sets the coordinator from her card at `path` (`nabo coordinator set`), replacing any
    /// set before: summaries go to her, receipts must be hers.
    pub fn set_coordinator(&mut self, path: &Path, now: DateTime<Utc>) -> Result<CoordinatorView, AppError> {
        let (card, bytes) = read_card(path)?;
        let key = card.key().map_err(|source| AppError::Card { file: path.display().to_string(), source })?;
        // The card was read as UTF-8 JSON, so its bytes are text.
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let stored = StoredCoordinator { card: text, signing_key: key.to_bytes(), set: now };
        self.store.write(|tx| set_coordinator(tx, &stored))?;
        view(&card, Some(now))
    }

    /// The coordinator set, if any (`nabo coordinator`).
    pub fn coordinator(&self) -> Result<Option<CoordinatorView>, AppError> {
        self.pinned_coordinator()?.map(|(card, set)| view(&card, Some(set))).transpose()
    }

    /// The coordinator's card as stored, read and verified again.
    pub(crate) fn pinned_coordinator(&self) -> Result<Option<(IdentityCard, DateTime<Utc>)>, AppError> {
        let Some(stored) = get_coordinator(self.store.conn())? else { return Ok(None) };
        let damaged =
            |detail: String| AppError::Store(nabo_store::StoreError::Damaged { what: "coordinator", id: 1, detail });
        let card = IdentityCard::read(stored.card.as_bytes()).map_err(|e| damaged(e.to_string()))?;
        let key = card.key().map_err(|e| damaged(e.to_string()))?;
        if key.to_bytes() != stored.signing_key {
            return Err(damaged("the card's key is not the one pinned".into()));
        }
        Ok(Some((card, stored.set)))
    }

    /// The public places a venue may name with their address: the coordinator's venues.
    pub(crate) fn public_places(&self) -> Result<PublicPlaces, AppError> {
        Ok(match self.pinned_coordinator()? {
            Some((card, _)) => PublicPlaces::new(card.venues.iter().map(|v| (v.name.as_str(), v.address.as_str()))),
            None => PublicPlaces::default(),
        })
    }
}
