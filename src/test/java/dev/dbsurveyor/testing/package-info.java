/**
 * Test support: real database servers for integration tests (found by {@link
 * dev.dbsurveyor.testing.TestServerExtension}) and validation of every produced JSON document
 * against the schemas ({@link dev.dbsurveyor.testing.ContractSchemas}).
 */
package dev.dbsurveyor.testing;
