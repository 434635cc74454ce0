/**
 * Protected output: zstd compression, upstream's passphrase envelope (AES-256-GCM under an
 * Argon2id key) and OpenPGP public-key encryption, written and read as streams. Writers wrap the
 * stream of a staged file in {@link dev.dbsurveyor.io.protection.OutputProtection}; readers open any
 * file through {@link dev.dbsurveyor.io.protection.ProtectedFiles}, which recognises each layer by its
 * content and undoes it with the keys of a {@link dev.dbsurveyor.io.protection.Decryption}.
 * docs/PROTECTED-OUTPUT.md describes the formats and the choices.
 */
package dev.dbsurveyor.io.protection;
