package com.ztplatform.components.serverless;

import com.ztplatform.components.core.Cidr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Workspace hardening, as plain data.
 *
 * @param complianceStandards      compliance security profile standards, like [HIPAA, PCI_DSS]; empty = profile off
 * @param enhancedSecurityMonitoring hardened images and security monitoring agents on cluster nodes
 * @param automaticClusterUpdate   apply security updates in a weekly maintenance window (needed with the profile)
 * @param disableLegacyAccess      no direct Hive metastore, no fallback mode, no no-isolation clusters
 * @param disableLegacyDbfs        no DBFS root and mounts
 * @param maxTokenLifetimeDays     longest personal access token lifetime, 1-730; tokens stay for automation only
 * @param resultsDownload          users may download query results (exfiltration path); off in prod
 * @param notebookExport           users may export notebooks; off in prod
 * @param breakGlassIpRanges       IP access list (ALLOW) for an emergency: it only matters when public access is
 *                                 re-enabled, which opens the front door; empty = off (default)
 */
public record HardeningSettings(List<String> complianceStandards, boolean enhancedSecurityMonitoring,
                                boolean automaticClusterUpdate, boolean disableLegacyAccess, boolean disableLegacyDbfs,
                                int maxTokenLifetimeDays, boolean resultsDownload, boolean notebookExport,
                                List<String> breakGlassIpRanges) {
    /** Standards the compliance security profile accepts (Databricks workspace settings API). */
    public static final Set<String> STANDARDS = Set.of("HIPAA", "PCI_DSS", "FEDRAMP_MODERATE", "FEDRAMP_HIGH",
            "IRAP_PROTECTED", "ITAR_EAR", "K_FSI", "CANADA_PROTECTED_B", "CYBER_ESSENTIAL_PLUS", "GERMANY_C5",
            "GERMANY_TISAX", "HITRUST", "ISMAP");

    public HardeningSettings {
        complianceStandards = List.copyOf(complianceStandards);
        breakGlassIpRanges = List.copyOf(breakGlassIpRanges);
    }

    public static HardeningSettings strict() {
        return new HardeningSettings(List.of(), true, true, true, true, 90, false, false, List.of());
    }

    /** Workspace conf keys, as the workspace-conf API spells them. */
    public Map<String, String> workspaceConf() {
        var conf = new TreeMap<String, String>();
        conf.put("enableTokensConfig", "true");
        conf.put("maxTokenLifetimeDays", String.valueOf(maxTokenLifetimeDays));
        conf.put("enableResultsDownloading", String.valueOf(resultsDownload));
        conf.put("enableNotebookTableClipboard", String.valueOf(resultsDownload));
        conf.put("enableExportNotebook", String.valueOf(notebookExport));
        conf.put("enableDbfsFileBrowser", "false");
        conf.put("enableIpAccessLists", String.valueOf(!breakGlassIpRanges.isEmpty()));
        return conf;
    }

    public List<String> problems(String path) {
        var problems = new ArrayList<String>();
        for (int i = 0; i < complianceStandards.size(); i++) {
            if (!STANDARDS.contains(complianceStandards.get(i))) {
                problems.add(path + ".complianceStandards[" + i + "] '" + complianceStandards.get(i)
                        + "' is not a compliance standard; valid: " + String.join(", ", new java.util.TreeSet<>(STANDARDS)));
            }
        }
        if (!complianceStandards.isEmpty() && !automaticClusterUpdate) {
            problems.add(path + ".automaticClusterUpdate must be true with a compliance security profile (Databricks "
                    + "enforces it)");
        }
        if (!complianceStandards.isEmpty() && !enhancedSecurityMonitoring) {
            problems.add(path + ".enhancedSecurityMonitoring must be true with a compliance security profile");
        }
        if (maxTokenLifetimeDays < 1 || maxTokenLifetimeDays > 730) {
            problems.add(path + ".maxTokenLifetimeDays must be 1-730, like 90, got " + maxTokenLifetimeDays);
        }
        for (int i = 0; i < breakGlassIpRanges.size(); i++) {
            var range = breakGlassIpRanges.get(i);
            var cidr = range.contains("/") ? range : range + "/32";
            var problem = Cidr.problem(cidr);
            if (problem.isPresent()) {
                problems.add(path + ".breakGlassIpRanges[" + i + "] " + problem.get());
            } else if (Cidr.parse(cidr).prefixLength() < 16) {
                problems.add(path + ".breakGlassIpRanges[" + i + "] " + range + " is wider than /16; list the operators' "
                        + "egress ranges, like 203.0.113.0/28");
            }
        }
        return problems;
    }
}
