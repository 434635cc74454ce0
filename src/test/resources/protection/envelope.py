#!/usr/bin/python3
"""An independent implementation of upstream dbsurveyor's passphrase envelope, for the tests.

Written from the format's description (docs/PROTECTED-OUTPUT.md) with Debian's python3-argon2 and
python3-cryptography, so that dbsurveyor's files are checked against code it does not share.
The passphrase comes from DBSURVEYOR_ENCRYPTION_PASSWORD, never from an argument.

  envelope.py decrypt FILE        writes the plaintext to standard output
  envelope.py encrypt IN OUT      writes IN as an envelope in upstream's own field order
"""
import json
import os
import sys

from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def key(passphrase, kdf):
    return hash_secret_raw(secret=passphrase, salt=bytes(kdf["salt"]), time_cost=kdf["time_cost"],
                           memory_cost=kdf["memory_cost"], parallelism=kdf["parallelism"], hash_len=32,
                           type=Type.ID, version=19)


def decrypt(path, passphrase):
    with open(path, "rb") as f:
        envelope = json.load(f)
    if envelope["algorithm"] != "AES-GCM-256":
        raise SystemExit("unknown algorithm " + envelope["algorithm"])
    sealed = bytes(envelope["ciphertext"]) + bytes(envelope["auth_tag"])
    plain = AESGCM(key(passphrase, envelope["kdf_params"])).decrypt(bytes(envelope["nonce"]), sealed, None)
    sys.stdout.buffer.write(plain)


def encrypt(source, target, passphrase):
    with open(source, "rb") as f:
        plain = f.read()
    kdf = {"salt": list(os.urandom(16)), "memory_cost": 65536, "time_cost": 3, "parallelism": 4, "version": "1.3"}
    nonce = os.urandom(12)
    sealed = AESGCM(key(passphrase, kdf)).encrypt(nonce, plain, None)
    envelope = {"algorithm": "AES-GCM-256", "nonce": list(nonce), "ciphertext": list(sealed[:-16]),
                "auth_tag": list(sealed[-16:]), "kdf_params": kdf}
    with open(target, "w") as f:
        f.write(json.dumps(envelope, indent=2))


def main():
    passphrase = os.environ["DBSURVEYOR_ENCRYPTION_PASSWORD"].encode("utf-8")
    if sys.argv[1] == "decrypt":
        decrypt(sys.argv[2], passphrase)
    elif sys.argv[1] == "encrypt":
        encrypt(sys.argv[2], sys.argv[3], passphrase)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
