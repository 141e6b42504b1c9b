package com.ztplatform.components.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * When the scheduled query alerts fire: a count of offending events in a window, evaluated at a frequency. Each
 * alert fires when its window holds MORE events than its threshold.
 *
 * @param firewallDenies     denied connections from the Databricks subnets. Default: {@value #DEFAULT_FIREWALL_DENIES}
 * @param keyVaultDenials    requests a vault refused. Default: {@value #DEFAULT_KEY_VAULT_DENIALS}
 * @param storageFailures    failed or unexpected-network storage requests. Default: {@value #DEFAULT_STORAGE_FAILURES}
 * @param landingJobFailures failed landing job runs. Default: {@value #DEFAULT_LANDING_JOB_FAILURES} (any failure)
 * @param windowMinutes      the window each query counts over, one of {@link #WINDOWS}. Default:
 *                           {@value #DEFAULT_WINDOW_MINUTES}
 * @param frequencyMinutes   how often each query runs, one of {@link #FREQUENCIES}, at most the window; Azure bills
 *                           log alert rules by this frequency. Default: {@value #DEFAULT_FREQUENCY_MINUTES}
 */
public record AlertThresholds(int firewallDenies, int keyVaultDenials, int storageFailures, int landingJobFailures,
                              int windowMinutes, int frequencyMinutes) {
    /** Denied firewall connections from the Databricks subnets per window before the alert fires. */
    public static final int DEFAULT_FIREWALL_DENIES = 100;
    /** Refused Key Vault requests per window before the alert fires. */
    public static final int DEFAULT_KEY_VAULT_DENIALS = 5;
    /** Failed or unexpected-network storage requests per window before the alert fires. */
    public static final int DEFAULT_STORAGE_FAILURES = 20;
    /** Failed landing runs per window before the alert fires: 0, so every failure alerts. */
    public static final int DEFAULT_LANDING_JOB_FAILURES = 0;
    /** The query window in minutes. */
    public static final int DEFAULT_WINDOW_MINUTES = 15;
    /** The evaluation frequency in minutes. */
    public static final int DEFAULT_FREQUENCY_MINUTES = 5;
    /**
     * Window sizes Azure accepts for log alerts, in minutes
     * (https://learn.microsoft.com/azure/azure-monitor/alerts/alerts-create-log-alert-rule).
     */
    public static final Set<Integer> WINDOWS = Set.of(5, 10, 15, 30, 45, 60, 120, 180, 240, 300, 360, 1440, 2880);
    /** Evaluation frequencies Azure accepts for log alerts, in minutes (same source). */
    public static final Set<Integer> FREQUENCIES = Set.of(1, 5, 10, 15, 30, 45, 60);

    /**
     * The documented defaults.
     *
     * @return the default thresholds
     */
    public static AlertThresholds defaults() {
        return new AlertThresholds(DEFAULT_FIREWALL_DENIES, DEFAULT_KEY_VAULT_DENIALS, DEFAULT_STORAGE_FAILURES,
                DEFAULT_LANDING_JOB_FAILURES, DEFAULT_WINDOW_MINUTES, DEFAULT_FREQUENCY_MINUTES);
    }

    /**
     * The problems of these thresholds, each naming its field under {@code path}.
     *
     * @param path prefix of the keys, empty or ending with '.', like {@code zt-databricks:alerts.thresholds.}
     * @return the problems; empty when valid
     */
    public List<String> problems(String path) {
        var problems = new ArrayList<String>();
        count(problems, path + "firewallDenies", firewallDenies, DEFAULT_FIREWALL_DENIES);
        count(problems, path + "keyVaultDenials", keyVaultDenials, DEFAULT_KEY_VAULT_DENIALS);
        count(problems, path + "storageFailures", storageFailures, DEFAULT_STORAGE_FAILURES);
        count(problems, path + "landingJobFailures", landingJobFailures, DEFAULT_LANDING_JOB_FAILURES);
        if (!WINDOWS.contains(windowMinutes)) {
            problems.add(path + "windowMinutes must be one of " + new java.util.TreeSet<>(WINDOWS) + ", like "
                    + DEFAULT_WINDOW_MINUTES + ", got " + windowMinutes);
        }
        if (!FREQUENCIES.contains(frequencyMinutes)) {
            problems.add(path + "frequencyMinutes must be one of " + new java.util.TreeSet<>(FREQUENCIES) + ", like "
                    + DEFAULT_FREQUENCY_MINUTES + ", got " + frequencyMinutes);
        } else if (frequencyMinutes > windowMinutes) {
            problems.add(path + "frequencyMinutes must not exceed windowMinutes (" + windowMinutes + "), like "
                    + DEFAULT_FREQUENCY_MINUTES + ", got " + frequencyMinutes);
        }
        return problems;
    }

    private static void count(List<String> problems, String key, int value, int example) {
        if (value < 0) {
            problems.add(key + " must be 0 or more (the alert fires above it), like " + example + ", got " + value);
        }
    }

    /**
     * An ISO 8601 duration of minutes, as the alert API takes it.
     *
     * @param minutes the minutes
     * @return like {@code PT15M}, {@code PT2H} or {@code P1D}
     */
    static String duration(int minutes) {
        if (minutes % 1440 == 0) {
            return "P" + minutes / 1440 + "D";
        }
        return minutes % 60 == 0 ? "PT" + minutes / 60 + "H" : "PT" + minutes + "M";
    }
}
