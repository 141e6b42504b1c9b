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

    public JobLog(PrintStream out, Redactor redactor, Clock clock) {
        this.out = out;
        this.redactor = redactor;
        this.clock = clock;
    }

    public static JobLog stdout(Redactor redactor) {
        return new JobLog(System.out, redactor, Clock.systemUTC());
    }

    public Redactor redactor() {
        return redactor;
    }

    public void info(String message) {
        line("INFO ", message);
    }

    public void warn(String message) {
        line("WARN ", message);
    }

    public void error(String message) {
        line("ERROR", message);
    }

    private void line(String level, String message) {
        out.println(Instant.now(clock).truncatedTo(ChronoUnit.MILLIS) + " " + level + " [zt-landing] "
                + redactor.redact(message));
        out.flush();
    }
}
