package com.ztplatform.landing;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The job's own log lines (driver stdout, visible in the Databricks run output), always passed through the
 * {@link Redactor}. Spark's log4j output stays as configured on the cluster.
 */
public final class JobLog {

    private final PrintStream out;
    private final Redactor redactor;
    private final Clock clock;

    /**
     * @param out      where lines go (the driver's standard output, which the job run page shows)
     * @param redactor removes secret values from every line
     * @param clock    stamps each line (a fixed clock in tests)
     */
    public JobLog(PrintStream out, Redactor redactor, Clock clock) {
        this.out = out;
        this.redactor = redactor;
        this.clock = clock;
    }

    /**
     * The job's log: standard output, UTC time.
     *
     * @param redactor removes secret values from every line
     * @return the log
     */
    public static JobLog stdout(Redactor redactor) {
        return new JobLog(System.out, redactor, Clock.systemUTC());
    }

    /**
     * The redactor, so exception messages can be cleaned with the same secrets before they are thrown.
     *
     * @return the redactor every line goes through
     */
    public Redactor redactor() {
        return redactor;
    }

    /**
     * Logs progress.
     *
     * @param message the text; secret values are masked
     */
    public void info(String message) {
        line("INFO ", message);
    }

    /**
     * Logs something that did not stop the run but needs a look.
     *
     * @param message the text; secret values are masked
     */
    public void warn(String message) {
        line("WARN ", message);
    }

    /**
     * Logs why the run failed.
     *
     * @param message the text; secret values are masked
     */
    public void error(String message) {
        line("ERROR", message);
    }

    private void line(String level, String message) {
        out.println(Instant.now(clock).truncatedTo(ChronoUnit.MILLIS) + " " + level + " [zt-landing] "
                + redactor.redact(message));
        out.flush();
    }
}
