package dev.dbsurveyor.sweep;

/** What a resume collects again besides failures: see {@link ResumePlan} for the whole rule. */
public enum ResumeScope {
    /** Failures, databases not reached, and databases skipped for a reason that may have changed (the default). */
    ALL,
    /** Failures and databases not reached only: a database skipped on purpose stays as it is. */
    FAILED
}
