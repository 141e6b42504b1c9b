package com.ztplatform.integration.function;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A finished landing run, as the message on the {@code landing-runs} queue describes it.
 *
 * <p>The message is JSON: {@code {"runId": "1234567", "jobName": "ztp-prod-onelake-mirror", "resultState": "SUCCESS",
 * "startedAt": "2026-12-05T01:30:00Z", "finishedAt": "2026-12-05T01:42:10Z", "tables": ["ledger", "orders"]}}.
 * {@code resultState} takes the Databricks run result states.
 *
 * @param runId       the Databricks job run id, digits only (it names the record's blob)
 * @param jobName     the job's name
 * @param resultState SUCCESS, FAILED, TIMEDOUT or CANCELED
 * @param startedAt   when the run started
 * @param finishedAt  when it finished, not before {@code startedAt}
 * @param tables      the landing destinations written, possibly none
 */
public record LandingRun(String runId, String jobName, String resultState, Instant startedAt, Instant finishedAt,
                         List<String> tables) {
    /** The Databricks run result states (learn.microsoft.com/azure/databricks/reference/jobs-2.0-api, RunResultState). */
    public static final List<String> RESULT_STATES = List.of("SUCCESS", "FAILED", "TIMEDOUT", "CANCELED");

    /**
     * Copies the table list.
     *
     * @param runId       the run id
     * @param jobName     the job's name
     * @param resultState the result state
     * @param startedAt   start
     * @param finishedAt  end
     * @param tables      the destinations written
     */
    public LandingRun {
        tables = List.copyOf(tables);
    }

    /**
     * How long the run took.
     *
     * @return finishedAt minus startedAt
     */
    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }
}
