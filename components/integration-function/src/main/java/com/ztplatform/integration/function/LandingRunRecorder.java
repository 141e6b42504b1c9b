package com.ztplatform.integration.function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.logging.Logger;

/**
 * The function: a Service Bus queue message about a finished landing run in, its record out (a JSON blob
 * {@code landing-runs/<runId>.json} in the app's own storage account, written through the identity-based
 * {@code AzureWebJobsStorage} connection). The bindings are in {@code function.json}; the return value is the blob.
 *
 * <p>The record holds only what the message says, in a fixed form, so a redelivered message writes the same blob again:
 * recording is idempotent per run id. An invalid message throws, so Service Bus dead-letters it after its last delivery.
 */
public final class LandingRunRecorder {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(LandingRunRecorder.class.getName());

    private LandingRunRecorder() {
    }

    /**
     * The Functions entry point ({@code entryPoint} in function.json).
     *
     * @param message the queue message's body
     * @return the record, written to the output blob
     * @throws InvalidMessageException when the message is not a valid landing run
     */
    public static String run(String message) {
        var run = LandingRunParser.parse(message);
        var record = record(run);
        LOG.info(() -> "recorded landing run " + run.runId() + " (" + run.resultState() + ", " + run.tables().size()
                + " tables)");
        return record;
    }

    /**
     * The record of a run: the message's fields in a fixed order, plus the duration and whether it succeeded.
     *
     * @param run a validated run
     * @return the record as JSON, the same for the same run
     */
    public static String record(LandingRun run) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("runId", run.runId());
        node.put("jobName", run.jobName());
        node.put("resultState", run.resultState());
        node.put("succeeded", "SUCCESS".equals(run.resultState()));
        node.put("startedAt", run.startedAt().toString());
        node.put("finishedAt", run.finishedAt().toString());
        node.put("durationSeconds", run.duration().toSeconds());
        var tables = node.putArray("tables");
        run.tables().forEach(tables::add);
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record of plain values cannot fail to serialise", e);
        }
    }
}
