/**
 * Test support: real database servers for integration tests (found by {@link
 * dev.dbsurveyor.testing.TestServerExtension}) and validation of every produced JSON document
 * against the schemas ({@link dev.dbsurveyor.testing.ContractSchemas}), and a headless Chromium
 * for the report's pages ({@link dev.dbsurveyor.testing.HeadlessChromiumExtension}).
 */
package dev.dbsurveyor.testing;
