package com.ztplatform.components.serverless;

import com.ztplatform.components.addressing.Cidr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Workspace hardening, as plain data.
 *
 * <p>The compliance security profile, enhanced security monitoring and automatic cluster update are not here: on
 * Azure they are properties of the Azure workspace resource ({@code enhancedSecurityCompliance}, Microsoft.Databricks
 * API 2023-09-15-preview and later; learn.microsoft.com/azure/templates/microsoft.databricks/change-log/workspaces),
 * and the Databricks provider's workspace-setting resources for them say to set them on the Azure workspace instead.
 * azure-native 2.10.0 serves only the workspace API versions 2018-04-01, 2021-04-01-preview, 2022-04-01-preview and
 * 2023-02-01 (the alias list of {@code azure-native:databricks:Workspace} in that release), so the stack refuses
 * those keys ({@link #UNSUPPORTED_KEYS}) rather than plan a resource Azure would ignore.
 *
 * @param disableLegacyAccess      no direct Hive metastore, no fallback mode, no no-isolation clusters
 * @param disableLegacyDbfs        no DBFS root and mounts
 * @param maxTokenLifetimeDays     longest personal access token lifetime, 1-730; tokens stay for automation only
 * @param resultsDownload          users may download query results (exfiltration path); off in prod
 * @param notebookExport           users may export notebooks; off in prod
 * @param breakGlassIpRanges       IP access list (ALLOW) for an emergency: it only matters when public access is
 *                                 re-enabled, which opens the front door; empty = off (default)
 */
public record HardeningSettings(boolean disableLegacyAccess, boolean disableLegacyDbfs,
                                int maxTokenLifetimeDays, boolean resultsDownload, boolean notebookExport,
                                List<String> breakGlassIpRanges) {
    /**
     * Keys a stack may not set, with why and what to do instead. Each needs {@code enhancedSecurityCompliance} on the
     * Azure workspace, which azure-native 2.10.0 cannot send.
     */
    public static final Map<String, String> UNSUPPORTED_KEYS = unsupportedKeys();

    /**
     * Rejects missing required values and copies the collections, so the record cannot change later.
     *
     * @param disableLegacyAccess no direct Hive metastore, no fallback mode, no no-isolation clusters
     * @param disableLegacyDbfs no DBFS root and mounts
     * @param maxTokenLifetimeDays longest personal access token lifetime, 1-730; tokens stay for automation only
     * @param resultsDownload users may download query results (exfiltration path); off in prod
     * @param notebookExport users may export notebooks; off in prod
     * @param breakGlassIpRanges IP access list (ALLOW) for an emergency: it only matters when public access is
     *                           re-enabled, which opens the front door; empty = off (default)
     */
    public HardeningSettings {
        breakGlassIpRanges = List.copyOf(breakGlassIpRanges);
    }

    /**
     * The strict settings: legacy access and DBFS off, 90-day tokens, no results download, no notebook export, no
     * break-glass list.
     *
     * @return the settings
     */
    public static HardeningSettings strict() {
        return new HardeningSettings(true, true, 90, false, false, List.of());
    }

    /**
     * Workspace conf keys, as the workspace-conf API spells them.
     *
     * @return key to value (all strings), sorted by key
     */
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

    /**
     * Every problem of the settings.
     *
     * @param path the settings' key as the user writes it, like {@code zt-databricks:workspaceHardening}
     * @return the problems, each naming its field and a valid example
     */
    public List<String> problems(String path) {
        var problems = new ArrayList<String>();
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

    /**
     * One problem per unsupported key present under {@code path}, saying why it is refused and what to do.
     *
     * @param path        the settings' key as the user writes it
     * @param presentKeys the keys the stack set under {@code path}
     * @return one problem per refused key; empty when none is set
     */
    public static List<String> unsupportedKeyProblems(String path, Collection<String> presentKeys) {
        var problems = new ArrayList<String>();
        UNSUPPORTED_KEYS.forEach((key, why) -> {
            if (presentKeys.contains(key)) {
                problems.add(path + "." + key + " cannot be set with azure-native 2.10.0: " + why);
            }
        });
        return problems;
    }

    private static Map<String, String> unsupportedKeys() {
        var upgrade = "it is part of enhancedSecurityCompliance on the Azure workspace (Microsoft.Databricks API "
                + "2023-09-15-preview or later), which this build's azure-native 2.10.0 does not serve; the Databricks "
                + "workspace-setting resource is not the Azure way. Remove the key, and see the README section 'What needs "
                + "a newer azure-native' for the upgrade";
        var keys = new LinkedHashMap<String, String>();
        keys.put("complianceStandards", "the compliance security profile " + upgrade
                + ". Once on, the profile cannot be turned off on that workspace");
        keys.put("enhancedSecurityMonitoring", "enhanced security monitoring " + upgrade);
        keys.put("automaticClusterUpdate", "automatic cluster update " + upgrade);
        return java.util.Collections.unmodifiableMap(keys);
    }
}
