/**
 * Records and enums of the dbsurveyor v1.0 JSON contract: one database's document, the bundle of
 * a server sweep and the manifest of a per-database directory. Field names are written in
 * snake_case; sealed {@link dev.dbsurveyor.model.TaggedUnion} types are externally tagged.
 * Every record checks its arguments, so no invalid document can be built.
 */
package dev.dbsurveyor.model;
