//! Ed25519 keys and signatures as text: a public key is 64 hex characters, a signature 128.
//! The store's secret key signs its feedback bundles; head office's public key, pinned with
//! `wortel init --head-office-key`, checks theirs.

use super::BundleError;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};

/// A public key (32 bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PublicKey(pub [u8; 32]);

/// A secret key (32 bytes); never printed.
#[derive(Clone)]
pub struct SecretKey(pub [u8; 32]);

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(…)")
    }
}

pub fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn from_hex(text: &str) -> Option<Vec<u8>> {
    let t = text.trim();
    if t.len() % 2 != 0 || !t.is_ascii() {
        return None;
    }
    (0..t.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&t[i..i + 2], 16).ok())
        .collect()
}

impl SecretKey {
    /// A fresh key from the operating system's randomness.
    pub fn generate() -> SecretKey {
        use rand::RngCore;
        let mut bytes = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        SecretKey(bytes)
    }

    pub fn public(&self) -> PublicKey {
        PublicKey(SigningKey::from_bytes(&self.0).verifying_key().to_bytes())
    }

    /// The signature of `message`, as 128 hex characters.
    pub fn sign(&self, message: &[u8]) -> String {
        to_hex(&SigningKey::from_bytes(&self.0).sign(message).to_bytes())
    }
}

impl PublicKey {
    /// Reads a key file's text: 64 hex characters (surrounding white space allowed).
    pub fn parse(text: &str, what: &str) -> Result<PublicKey, BundleError> {
        let bytes = from_hex(text).filter(|b| b.len() == 32).ok_or_else(|| {
            BundleError::new(format!(
                "{what} is not a public key; it must hold 64 hexadecimal characters (32 bytes)"
            ))
        })?;
        let mut key = [0u8; 32];
        key.copy_from_slice(&bytes);
        VerifyingKey::from_bytes(&key).map_err(|_| {
            BundleError::new(format!(
                "{what} is not a valid ed25519 public key; ask for the key file again"
            ))
        })?;
        Ok(PublicKey(key))
    }

    pub fn to_hex(&self) -> String {
        to_hex(&self.0)
    }

    /// Whether `signature_hex` is this key's signature of `message`.
    pub fn verifies(&self, message: &[u8], signature_hex: &str) -> bool {
        let Some(sig) = from_hex(signature_hex).filter(|s| s.len() == 64) else {
            return false;
        };
        let mut bytes = [0u8; 64];
        bytes.copy_from_slice(&sig);
        match VerifyingKey::from_bytes(&self.0) {
            Ok(k) => k.verify(message, &Signature::from_bytes(&bytes)).is_ok(),
            Err(_) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_verifies_only_for_its_message_and_key() {
        let key = SecretKey::generate();
        let sig = key.sign(b"manifest");
        assert_eq!(sig.len(), 128);
        assert!(key.public().verifies(b"manifest", &sig));
        assert!(!key.public().verifies(b"manifesT", &sig));
        assert!(!SecretKey::generate().public().verifies(b"manifest", &sig));
        assert!(!key.public().verifies(b"manifest", "zz"));
        let hex = key.public().to_hex();
        assert_eq!(
            PublicKey::parse(&format!(" {hex}\n"), "k").unwrap(),
            key.public()
        );
        assert!(PublicKey::parse("abc", "k").is_err());
    }
}
