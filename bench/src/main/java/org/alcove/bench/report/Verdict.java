package org.alcove.bench.report;

/** How one row came out. */
public enum Verdict {
    PASS,
    FAIL,
    /** Measured, but no target applies (an informative row). */
    INFO,
    /** Not measured in this run: a later session's work, or left out with {@code --only}. */
    NOT_MEASURED
}
