package com.ztplatform.components.alerts;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The KQL of the platform's scheduled query alerts, as plain functions of their parameters so they are tested
 * without Pulumi: each query is checked against the recorded columns of the tables it reads
 * ({@code log-table-schemas.json} beside this class, with each table's source).
 *
 * <p>Every query returns one row per offending event; the alert counts the rows of its window
 * ({@code timeAggregation: Count}) and fires above its threshold.
 */
public final class AlertQueries {
    private AlertQueries() {
    }

    /**
     * A query and the tables it reads.
     *
     * @param tables the Log Analytics tables, as named in the query
     * @param kql    the query text
     */
    public record LogQuery(List<String> tables, String kql) {
        /**
         * Copies the tables.
         *
         * @param tables the tables
         * @param kql    the query
         */
        public LogQuery {
            tables = List.copyOf(tables);
        }
    }

    /**
     * Firewall denies of traffic from the Databricks subnets. The firewall logs in resource-specific mode, so network
     * and application rule decisions are two tables; a default deny is logged with action {@code Deny} and no rule
     * (https://learn.microsoft.com/azure/firewall/firewall-structured-logs).
     *
     * @param sourceCidrs the Databricks host and container subnets, like {@code 10.11.0.0/26}
     * @return the query
     */
    public static LogQuery firewallDenies(List<String> sourceCidrs) {
        return new LogQuery(List.of("AZFWNetworkRule", "AZFWApplicationRule"), """
                union AZFWNetworkRule, AZFWApplicationRule
                | where Action == "Deny"
                | where ipv4_is_in_any_range(SourceIp, dynamic([%s]))
                | project TimeGenerated, SourceIp, DestinationPort, Protocol, Fqdn, DestinationIp, ActionReason
                """.formatted(quoted(sourceCidrs)));
    }

    /**
     * Requests a Key Vault refused (403): a caller without the role, or from a network the vault does not admit. The
     * vaults' diagnostic settings set no destination type, so Key Vault's AuditEvent category lands in
     * AzureDiagnostics with its fields as typed columns (https://learn.microsoft.com/azure/key-vault/general/logging).
     *
     * @return the query
     */
    public static LogQuery keyVaultAccessDenied() {
        return new LogQuery(List.of("AzureDiagnostics"), """
                AzureDiagnostics
                | where ResourceProvider == "MICROSOFT.KEYVAULT" and Category == "AuditEvent"
                | where httpStatusCode_d == 403 or ResultSignature == "Forbidden"
                | project TimeGenerated, Resource, OperationName, CallerIPAddress, identity_claim_oid_g, ResultSignature
                """);
    }

    /**
     * Storage requests that failed authentication or authorization (401, 403: a bad key or token, a missing role, or
     * a network rule that refused the caller), and successful requests from a public address outside the expected
     * ranges. The caller address is logged with its port (https://learn.microsoft.com/azure/storage/blobs/monitor-blob-storage-reference).
     *
     * @param expectedPublicRanges public CIDRs callers may come from (like the firewall's egress prefix); private
     *                             addresses are always expected
     * @return the query
     */
    public static LogQuery storageAccessAnomalies(List<String> expectedPublicRanges) {
        var unexpected = expectedPublicRanges.isEmpty() ? "not(ipv4_is_private(CallerIp))"
                : "not(ipv4_is_private(CallerIp)) and not(ipv4_is_in_any_range(CallerIp, dynamic(["
                        + quoted(expectedPublicRanges) + "])))";
        return new LogQuery(List.of("StorageBlobLogs"), """
                StorageBlobLogs
                | extend CallerIp = tostring(split(CallerIpAddress, ":")[0])
                | where StatusCode in ("401", "403") or (isnotempty(CallerIp) and %s)
                | project TimeGenerated, AccountName, OperationName, StatusCode, StatusText, CallerIp, AuthenticationType
                """.formatted(unexpected));
    }

    /**
     * Failed runs of the landing jobs, from the workspace's audit log ({@code runFailed} of the jobs service, whose
     * request parameters carry the job id: https://learn.microsoft.com/azure/databricks/admin/account-settings/audit-logs#jobs).
     *
     * @param jobIds the landing jobs' ids
     * @return the query
     */
    public static LogQuery landingJobFailures(List<String> jobIds) {
        return new LogQuery(List.of("DatabricksJobs"), """
                DatabricksJobs
                | where ActionName == "runFailed"
                | extend JobId = tostring(parse_json(RequestParams).jobId)
                | where JobId in (%s)
                | project TimeGenerated, JobId, RequestParams, Response
                """.formatted(quoted(jobIds)));
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(", "));
    }
}
