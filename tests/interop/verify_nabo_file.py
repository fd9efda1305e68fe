"""Verify a Nabo file (identity card, summary or receipt) without Nabo: docs/FORMAT.md.

    python verify_nabo_file.py FILE [AGE-IDENTITY-FILE]

An encrypted summary needs the coordinator's age identity to be opened first.
"""
import base64
import json
import sys

import rfc8785
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

SIGNER = {  # which member holds the key that signed each format
    "nabo-identity-card": lambda doc: doc["signing_key"],
    "nabo-summary": lambda doc: doc["volunteer"]["signing_key"],
    "nabo-receipt": lambda doc: doc["coordinator"]["signing_key"],
    "nabo-rollup": lambda doc: doc["coordinator"]["signing_key"],
}


def verify(data: bytes) -> dict:
    """The document, if its signature matches the key it names; raises otherwise."""
    doc = json.loads(data)
    signature = base64.b64decode(doc.pop("signature"), validate=True)
    key = base64.b64decode(SIGNER[doc["format"]](doc), validate=True)
    # The signature covers the RFC 8785 (JCS) encoding of the object without "signature".
    Ed25519PublicKey.from_public_bytes(key).verify(signature, rfc8785.dumps(doc))
    return doc


def open_file(path: str, identity_path: str | None = None) -> bytes:
    """The file's JSON bytes, decrypted first if it is age-encrypted."""
    with open(path, "rb") as f:
        data = f.read()
    if data.startswith(b"age-encryption.org/v1"):
        import pyrage

        with open(identity_path, encoding="ascii") as f:
            identity = pyrage.x25519.Identity.from_str(f.read().strip())
        data = pyrage.decrypt(data, [identity])
    return data


if __name__ == "__main__":
    doc = verify(open_file(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None))
    print(f"{sys.argv[1]}: a valid {doc['format']} v{doc['version']}")
