/**
 * Comparison of two collections into a change document: {@link dev.dbsurveyor.diff.SchemaDiff}
 * compares two documents of one database, {@link dev.dbsurveyor.diff.CollectionDiff} two whole
 * collections database by database. Knows the model, never an engine.
 */
package dev.dbsurveyor.diff;
