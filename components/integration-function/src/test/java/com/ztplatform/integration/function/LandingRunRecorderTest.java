package com.ztplatform.integration.function;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LandingRunRecorderTest {
    private static final String VALID = """
            {"runId": "1234567", "jobName": "ztp-prod-onelake-mirror", "resultState": "SUCCESS",
             "startedAt": "2026-12-05T01:30:00Z", "finishedAt": "2026-12-05T01:42:10Z", "tables": ["ledger", "orders"]}
            """;

    @Test
    void aFinishedRunIsRecordedWithItsDuration() throws Exception {
        var record = new ObjectMapper().readTree(LandingRunRecorder.run(VALID));
        assertThat(record.get("runId").asText()).isEqualTo("1234567");
        assertThat(record.get("succeeded").asBoolean()).isTrue();
        assertThat(record.get("durationSeconds").asLong()).isEqualTo(730);
        assertThat(record.get("tables")).hasSize(2);
    }

    @Test
    void aRedeliveredMessageWritesTheSameRecord() {
        // The blob is named by the run id: the same bytes again make redelivery harmless.
        assertThat(LandingRunRecorder.run(VALID)).isEqualTo(LandingRunRecorder.run(VALID.replace("\n", " ")));
    }

    @Test
    void aFailedRunIsRecordedAsNotSucceeded() throws Exception {
        var record = new ObjectMapper().readTree(LandingRunRecorder.run(VALID.replace("SUCCESS", "FAILED")
                .replace(", \"tables\": [\"ledger\", \"orders\"]", "")));
        assertThat(record.get("succeeded").asBoolean()).isFalse();
        assertThat(record.get("tables")).isEmpty();
    }

    @Test
    void everyProblemOfAnInvalidMessageIsReported() {
        var bad = """
                {"runId": "abc", "resultState": "DONE", "startedAt": "2026-12-05T02:00:00Z",
                 "finishedAt": "2026-12-05T01:00:00Z", "tables": ["Ledger", "x", "x"], "extra": 1}
                """;
        assertThatThrownBy(() -> LandingRunRecorder.run(bad)).isInstanceOf(InvalidMessageException.class)
                .satisfies(e -> assertThat(((InvalidMessageException) e).problems()).containsExactlyInAnyOrder(
                        "extra is not a field of a landing run message (known: finishedAt, jobName, resultState, runId, startedAt, tables)",
                        "runId must be a Databricks run id (digits), like 1234567, got 'abc'",
                        "jobName is required",
                        "resultState must be one of SUCCESS, FAILED, TIMEDOUT, CANCELED, got 'DONE'",
                        "finishedAt 2026-12-05T01:00:00Z is before startedAt 2026-12-05T02:00:00Z",
                        "tables[0] must be a destination name like ledger, got \"Ledger\"",
                        "tables[2] 'x' is listed twice"));
    }

    @Test
    void messagesThatAreNotJsonObjectsAreRefused() {
        assertThatThrownBy(() -> LandingRunRecorder.run("")).hasMessageContaining("the message is empty");
        assertThatThrownBy(() -> LandingRunRecorder.run("{not json")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> LandingRunRecorder.run("[1]")).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> LandingRunRecorder.run(VALID.replace("\"2026-12-05T01:30:00Z\"", "\"yesterday\"")))
                .hasMessageContaining("startedAt must be an ISO-8601 UTC time");
    }

    @Test
    void theBindingsNameTheEntryPointTheQueueAndTheIdentityConnections() throws Exception {
        var json = new ObjectMapper().readTree(Files.readString(Path.of("src/main/function/LandingRunRecorder/function.json")));
        assertThat(json.get("entryPoint").asText())
                .isEqualTo(LandingRunRecorder.class.getName() + ".run");
        var trigger = json.get("bindings").get(0);
        assertThat(trigger.get("type").asText()).isEqualTo("serviceBusTrigger");
        // The names of the app settings the infrastructure writes (PrivateFunctionApp.appSettings).
        assertThat(trigger.get("connection").asText()).isEqualTo("ServiceBusConnection");
        assertThat(trigger.get("queueName").asText()).isEqualTo("%LANDING_RUNS_QUEUE%");
        var output = json.get("bindings").get(1);
        assertThat(output.get("name").asText()).isEqualTo("$return");
        assertThat(output.get("path").asText()).isEqualTo("landing-runs/{runId}.json");
        assertThat(output.get("connection").asText()).isEqualTo("AzureWebJobsStorage");
    }
}
