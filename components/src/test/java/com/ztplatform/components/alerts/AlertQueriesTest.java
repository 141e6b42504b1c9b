package com.ztplatform.components.alerts;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every alert query against the recorded columns of the tables it reads (log-table-schemas.json, each table with its
 * source): a misspelt column, or a column of another table, would make the rule return nothing and never fire.
 */
class AlertQueriesTest {
    private static final JsonObject TABLES = load();
    /** KQL words the queries use that are not columns: operators, functions, literals. */
    private static final Set<String> KQL = Set.of("union", "where", "project", "extend", "summarize", "by", "and", "or",
            "not", "in", "dynamic", "ipv4_is_in_any_range", "ipv4_is_private", "tostring", "split", "parse_json",
            "isnotempty", "count", "true", "false");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern WORD = Pattern.compile("(?<![.A-Za-z0-9_])[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern DEFINED = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*=(?!=)");

    private static final Map<String, AlertQueries.LogQuery> QUERIES = Map.of(
            "firewall denies", AlertQueries.firewallDenies(List.of("10.11.0.0/26", "10.11.0.64/26")),
            "key vault", AlertQueries.keyVaultAccessDenied(),
            "storage", AlertQueries.storageAccessAnomalies(List.of()),
            "storage with ranges", AlertQueries.storageAccessAnomalies(List.of("203.0.113.0/28")),
            "landing", AlertQueries.landingJobFailures(List.of("123456789012", "223456789012")));

    private static JsonObject load() {
        try (var in = AlertQueries.class.getResourceAsStream("log-table-schemas.json")) {
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject()
                    .getAsJsonObject("tables");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The identifiers of a query that are neither KQL, nor its tables, nor names it defines itself. */
    static Set<String> referencedColumns(AlertQueries.LogQuery query) {
        var text = STRING.matcher(query.kql()).replaceAll("\"\"");
        var defined = new LinkedHashSet<String>();
        var d = DEFINED.matcher(text);
        while (d.find()) {
            defined.add(d.group(1));
        }
        var columns = new TreeSet<String>();
        var w = WORD.matcher(text);
        while (w.find()) {
            var word = w.group();
            if (!KQL.contains(word) && !query.tables().contains(word) && !defined.contains(word)) {
                columns.add(word);
            }
        }
        return columns;
    }

    /** Columns of any of the query's tables (a union has the columns of all its tables). */
    static Set<String> recordedColumns(List<String> tables) {
        var columns = new TreeSet<String>();
        tables.forEach(t -> columns.addAll(TABLES.getAsJsonObject(t).getAsJsonObject("columns").keySet()));
        return columns;
    }

    @Test
    void everyColumnAQueryReadsExistsInTheRecordedSchemaOfItsTables() {
        QUERIES.forEach((name, query) -> {
            assertThat(TABLES.keySet()).as(name).containsAll(query.tables());
            var referenced = referencedColumns(query);
            assertThat(referenced).as(name + " reads columns").isNotEmpty();
            assertThat(recordedColumns(query.tables())).as(name + ": " + query.kql()).containsAll(referenced);
            query.tables().forEach(t -> assertThat(query.kql()).as(name).contains(t));
        });
    }

    @Test
    void theCheckFindsAColumnOfAnotherTable() {
        // StorageBlobLogs spells it CallerIpAddress; AzureDiagnostics (Key Vault) spells it CallerIPAddress.
        var wrong = new AlertQueries.LogQuery(List.of("StorageBlobLogs"), "StorageBlobLogs | where CallerIPAddress == \"x\"");
        assertThat(referencedColumns(wrong)).containsExactly("CallerIPAddress");
        assertThat(recordedColumns(wrong.tables())).doesNotContain("CallerIPAddress");
        // Names a query defines, string contents and property paths are not columns.
        assertThat(referencedColumns(AlertQueries.landingJobFailures(List.of("Response"))))
                .containsExactlyInAnyOrder("ActionName", "RequestParams", "Response", "TimeGenerated");
    }

    @Test
    void everyRecordedTableNamesItsSourceAndHowItIsFilled() {
        TABLES.entrySet().forEach(e -> {
            var table = e.getValue().getAsJsonObject();
            assertThat(table.get("source").getAsString()).as(e.getKey()).startsWith("https://learn.microsoft.com/");
            assertThat(table.get("mode").getAsString()).as(e.getKey()).isNotBlank();
            assertThat(table.getAsJsonObject("columns").keySet()).as(e.getKey()).contains("TimeGenerated");
        });
    }

    @Test
    void theQueriesFilterWhatTheirAlertIsAbout() {
        assertThat(QUERIES.get("firewall denies").kql()).contains("Action == \"Deny\"")
                .contains("dynamic([\"10.11.0.0/26\", \"10.11.0.64/26\"])");
        assertThat(QUERIES.get("key vault").kql()).contains("httpStatusCode_d == 403");
        assertThat(QUERIES.get("storage").kql()).contains("StatusCode in (\"401\", \"403\")")
                .doesNotContain("ipv4_is_in_any_range");
        assertThat(QUERIES.get("storage with ranges").kql()).contains("dynamic([\"203.0.113.0/28\"])");
        assertThat(QUERIES.get("landing").kql()).contains("ActionName == \"runFailed\"")
                .contains("in (\"123456789012\", \"223456789012\")");
        // A quote in a value cannot end the string literal early.
        assertThat(AlertQueries.landingJobFailures(List.of("1\") or (true")).kql()).contains("\"1\\\") or (true\"");
    }
}
