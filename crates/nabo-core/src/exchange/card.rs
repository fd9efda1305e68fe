//! The identity card: who someone is in Nabo — role, name, signing key and, for a coordinator,
//! the key summaries are encrypted to — signed by the key it carries.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{open_document, sign_document, ExchangeError, PublicKey, SecretKey, Signed};
use crate::activity::Programme;
use crate::text::{clean, Field};

/// The `format` member of an identity card.
pub const CARD_FORMAT: &str = "nabo-identity-card";
/// The card format version this build writes and the newest it reads.
pub const CARD_VERSION: u32 = 1;
/// The largest card read (a card with many venues is a few kilobytes).
pub const MAX_CARD_BYTES: usize = 64 * 1024;
/// The most areas or venues a card may list.
const MAX_LISTED: usize = 200;

/// What the card's holder does in Nabo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum CardRole {
    /// Plans activities and sends monthly summaries.
    Volunteer,
    /// Receives summaries.
    Coordinator,
    /// Both.
    Both,
}

impl CardRole {
    /// Whether the holder receives summaries (and so has an encryption key on the card).
    pub fn receives(self) -> bool {
        matches!(self, CardRole::Coordinator | CardRole::Both)
    }
}

/// A public place a coordinator's group meets, which volunteers may name with its address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(deny_unknown_fields)]
pub struct PublicVenue {
    /// Its name, e.g. "Beboerhuset".
    pub name: String,
    /// Its street address.
    pub address: String,
}

/// An identity card as written to a file (`nabo key export`), signature checked when read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdentityCard {
    /// Always [`CARD_FORMAT`].
    pub format: String,
    /// The format version, 1 to [`CARD_VERSION`].
    pub version: u32,
    /// What the holder does.
    pub role: CardRole,
    /// The name the holder shows (a volunteer to her coordinator, a coordinator to her group).
    pub name: String,
    /// The holder's Ed25519 public key, base64; the card is signed with it.
    pub signing_key: String,
    /// For a holder who receives summaries: the age X25519 recipient (`age1…`) to encrypt to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encryption_recipient: Option<String>,
    /// The programme the holder's group belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<Programme>,
    /// The areas the group works in, offered in the volunteers' forms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<String>,
    /// The public places the group meets, offered in the volunteers' forms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub venues: Vec<PublicVenue>,
    /// When the card was made (RFC 3339, UTC).
    pub created: String,
}

impl Signed for IdentityCard {
    const FORMAT: &'static str = CARD_FORMAT;
    const VERSION: u32 = CARD_VERSION;

    fn signer(&self) -> Result<PublicKey, ExchangeError> {
        Ok(PublicKey::from_base64(&self.signing_key)?)
    }
}

impl IdentityCard {
    /// A new card for `key`, checked like a card read from a file, as a signed JSON document.
    #[allow(clippy::too_many_arguments)]
    pub fn make(
        key: &SecretKey,
        role: CardRole,
        name: &str,
        encryption_recipient: Option<String>,
        programme: Option<Programme>,
        areas: Vec<String>,
        venues: Vec<PublicVenue>,
        now: DateTime<Utc>,
    ) -> Result<serde_json::Value, ExchangeError> {
        let card = IdentityCard {
            format: CARD_FORMAT.into(),
            version: CARD_VERSION,
            role,
            name: name.into(),
            signing_key: key.public().to_base64(),
            encryption_recipient,
            programme,
            areas,
            venues,
            created: now.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        }
        .checked()?;
        sign_document(&card, key)
    }

    /// Reads a card file: signed by the key it carries, every text within the text rule.
    pub fn read(bytes: &[u8]) -> Result<Self, ExchangeError> {
        open_document::<IdentityCard>(bytes, MAX_CARD_BYTES)?.checked()
    }

    /// The holder's public key (checked when the card was read or made).
    pub fn key(&self) -> Result<PublicKey, ExchangeError> {
        self.signer()
    }

    /// The card with its texts cleaned by the text rule, or why it is refused.
    fn checked(mut self) -> Result<Self, ExchangeError> {
        let malformed = |detail: &str| ExchangeError::Malformed { detail: detail.into() };
        self.name = clean(Field::DisplayName, Some(self.name))?.ok_or_else(|| malformed("the name is empty"))?;
        if DateTime::parse_from_rfc3339(&self.created).is_err() {
            return Err(malformed("'created' is not an RFC 3339 time"));
        }
        match (&self.encryption_recipient, self.role.receives()) {
            (None, true) => return Err(malformed("a coordinator's card has no encryption_recipient")),
            (Some(r), _) if !r.starts_with("age1") || r.len() > 100 || !r.is_ascii() => {
                return Err(malformed("encryption_recipient is not an age X25519 recipient"))
            }
            _ => {}
        }
        if self.areas.len() > MAX_LISTED || self.venues.len() > MAX_LISTED {
            return Err(malformed("more than 200 areas or venues"));
        }
        let mut areas = Vec::with_capacity(self.areas.len());
        for area in std::mem::take(&mut self.areas) {
            if let Some(area) = clean(Field::Area, Some(area))? {
                areas.push(area);
            }
        }
        self.areas = areas;
        for venue in &mut self.venues {
            let name = std::mem::take(&mut venue.name);
            venue.name = clean(Field::Venue, Some(name))?.ok_or_else(|| malformed("a venue has no name"))?;
            let address = std::mem::take(&mut venue.address);
            venue.address =
                clean(Field::PublicAddress, Some(address))?.ok_or_else(|| malformed("a venue has no address"))?;
        }
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).single().expect("valid")
    }

    fn coordinator_card() -> Vec<u8> {
        let key = SecretKey::from_seed([5; 32]);
        let venues =
            vec![PublicVenue { name: "Beboerhuset".into(), address: "Dortheavej 2, 2400 København NV".into() }];
        let card = IdentityCard::make(
            &key,
            CardRole::Coordinator,
            " Hanne ",
            Some("age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq".into()),
            Some(Programme::Bydelsmoedre),
            vec!["Gellerup".into()],
            venues,
            now(),
        )
        .expect("made");
        serde_json::to_vec_pretty(&card).expect("json")
    }

    #[test]
    fn a_card_reads_back_with_its_key_and_a_public_address() {
        let card = IdentityCard::read(&coordinator_card()).expect("reads");
        assert_eq!(card.name, "Hanne");
        assert_eq!(card.role, CardRole::Coordinator);
        assert_eq!(card.key().expect("key"), SecretKey::from_seed([5; 32]).public());
        assert_eq!(card.venues[0].address, "Dortheavej 2, 2400 København NV");
    }

    #[test]
    fn a_card_changed_after_signing_is_refused() {
        let text = String::from_utf8(coordinator_card()).expect("utf-8").replace("Hanne", "Hanna");
        assert_eq!(
            IdentityCard::read(text.as_bytes()),
            Err(ExchangeError::Signature(super::super::KeyError::BadSignature))
        );
    }

    #[test]
    fn a_card_re_signed_by_another_key_than_it_names_is_refused() {
        let mut value: serde_json::Value = serde_json::from_slice(&coordinator_card()).expect("json");
        let object = value.as_object_mut().expect("object");
        object.remove("signature");
        let other = SecretKey::from_seed([6; 32]);
        let resigned = sign_document(object, &other).expect("signs");
        let bytes = serde_json::to_vec(&resigned).expect("json");
        assert!(matches!(IdentityCard::read(&bytes), Err(ExchangeError::Signature(_))));
    }

    #[test]
    fn other_files_unknown_versions_and_extra_members_are_refused() {
        assert!(matches!(IdentityCard::read(b"[1,2]"), Err(ExchangeError::NotJson { .. })));
        assert!(matches!(IdentityCard::read(b"{\"format\":\"nabo-summary\"}"), Err(ExchangeError::WrongFormat { .. })));
        let mut value: serde_json::Value = serde_json::from_slice(&coordinator_card()).expect("json");
        value["version"] = 2.into();
        let bytes = serde_json::to_vec(&value).expect("json");
        assert_eq!(IdentityCard::read(&bytes), Err(ExchangeError::UnknownVersion { found: 2, max: 1 }));
        let mut value: serde_json::Value = serde_json::from_slice(&coordinator_card()).expect("json");
        value.as_object_mut().expect("object").remove("signature");
        value["colour"] = "red".into();
        let signed = sign_document(&value, &SecretKey::from_seed([5; 32])).expect("signs");
        assert!(matches!(
            IdentityCard::read(&serde_json::to_vec(&signed).expect("json")),
            Err(ExchangeError::Malformed { .. })
        ));
        assert_eq!(
            IdentityCard::read(&vec![b' '; MAX_CARD_BYTES + 1]),
            Err(ExchangeError::TooLarge { max: MAX_CARD_BYTES })
        );
    }

    #[test]
    fn a_coordinator_card_without_a_recipient_and_a_name_with_a_phone_number_are_refused() {
        let key = SecretKey::from_seed([5; 32]);
        let no_recipient = IdentityCard::make(&key, CardRole::Both, "Hanne", None, None, vec![], vec![], now());
        assert!(matches!(no_recipient, Err(ExchangeError::Malformed { .. })));
        let phone =
            IdentityCard::make(&key, CardRole::Volunteer, "Amina 22 33 44 55", None, None, vec![], vec![], now());
        assert!(matches!(phone, Err(ExchangeError::Text(_))));
    }
}
