package com.ztplatform.integration.function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and validates a landing run message; every problem is reported at once. */
public final class LandingRunParser {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern RUN_ID = Pattern.compile("^[0-9]{1,19}$");
    /** A destination name as the landing writes them (LandingUris' rule: lowercase words). */
    private static final Pattern TABLE = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");
    private static final Set<String> FIELDS = Set.of("runId", "jobName", "resultState", "startedAt", "finishedAt",
            "tables");

    private LandingRunParser() {
    }

    /**
     * The run a message describes.
     *
     * @param message the message body, JSON
     * @return the run
     * @throws InvalidMessageException listing every problem
     */
    public static LandingRun parse(String message) {
        if (message == null || message.isBlank()) {
            throw new InvalidMessageException(List.of("the message is empty; expected a JSON object like "
                    + "{\"runId\": \"1234567\", ...}"));
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(message);
        } catch (JsonProcessingException e) {
            throw new InvalidMessageException(List.of("the message is not JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidMessageException(List.of("the message must be a JSON object, got " + message.strip()));
        }
        var problems = new ArrayList<String>();
        root.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                problems.add(f + " is not a field of a landing run message (known: " + String.join(", ",
                        FIELDS.stream().sorted().toList()) + ")");
            }
        });
        var runId = text(root, "runId", problems);
        if (runId != null && !RUN_ID.matcher(runId).matches()) {
            problems.add("runId must be a Databricks run id (digits), like 1234567, got '" + runId + "'");
        }
        var jobName = text(root, "jobName", problems);
        var state = text(root, "resultState", problems);
        if (state != null && !LandingRun.RESULT_STATES.contains(state)) {
            problems.add("resultState must be one of " + String.join(", ", LandingRun.RESULT_STATES) + ", got '"
                    + state + "'");
        }
        var started = instant(root, "startedAt", problems);
        var finished = instant(root, "finishedAt", problems);
        if (started != null && finished != null && finished.isBefore(started)) {
            problems.add("finishedAt " + finished + " is before startedAt " + started);
        }
        var tables = new ArrayList<String>();
        var node = root.get("tables");
        if (node != null && !node.isNull()) {
            if (!node.isArray()) {
                problems.add("tables must be a list of destination names, like [\"ledger\"]");
            } else {
                for (int i = 0; i < node.size(); i++) {
                    var t = node.get(i);
                    if (!t.isTextual() || !TABLE.matcher(t.asText()).matches()) {
                        problems.add("tables[" + i + "] must be a destination name like ledger, got " + t);
                    } else if (tables.contains(t.asText())) {
                        problems.add("tables[" + i + "] '" + t.asText() + "' is listed twice");
                    } else {
                        tables.add(t.asText());
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidMessageException(problems);
        }
        return new LandingRun(runId, jobName, state, started, finished, tables);
    }

    private static String text(JsonNode root, String field, List<String> problems) {
        var node = root.get(field);
        if (node == null || node.isNull()) {
            problems.add(field + " is required");
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            problems.add(field + " must be a non-empty string, got " + node);
            return null;
        }
        return node.asText();
    }

    private static Instant instant(JsonNode root, String field, List<String> problems) {
        var value = text(root, field, problems);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(field + " must be an ISO-8601 UTC time like 2026-12-05T01:30:00Z, got '" + value + "'");
            return null;
        }
    }
}
