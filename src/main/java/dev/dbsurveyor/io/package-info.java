/**
 * Reading collections back: the one reader of what dbsurveyor writes (a document, a bundle, a
 * per-database directory; plain, {@code .zst}, {@code .enc} or {@code .gpg}), used by everything
 * that works on collections after collecting: {@code --resume}, {@code diff}, {@code report} and
 * {@code validate}. {@link dev.dbsurveyor.io.protection} holds the layers a writer stacks (zstd,
 * then encryption) and that this reader undoes.
 */
package dev.dbsurveyor.io;
