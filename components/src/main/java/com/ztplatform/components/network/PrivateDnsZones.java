package com.ztplatform.components.network;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The private-link DNS zones the hub hosts centrally.
 *
 * <p>Zone names from https://learn.microsoft.com/azure/private-link/private-endpoint-dns (Azure public cloud).
 */
public final class PrivateDnsZones {
    /** Azure Databricks workspaces (front end, back end, browser authentication). */
    public static final String DATABRICKS = "privatelink.azuredatabricks.net";
    /** Storage blob (and blob_secondary) endpoints. */
    public static final String BLOB = "privatelink.blob.core.windows.net";
    /** Storage DFS (ADLS Gen2) endpoints. */
    public static final String DFS = "privatelink.dfs.core.windows.net";
    /** Storage file endpoints. */
    public static final String FILE = "privatelink.file.core.windows.net";
    /** Storage queue endpoints. */
    public static final String QUEUE = "privatelink.queue.core.windows.net";
    /** Storage table endpoints. */
    public static final String TABLE = "privatelink.table.core.windows.net";
    /** Key vaults. */
    public static final String KEY_VAULT = "privatelink.vaultcore.azure.net";
    /** Container registries. */
    public static final String CONTAINER_REGISTRY = "privatelink.azurecr.io";
    /** Azure Machine Learning workspaces (API). */
    public static final String ML_API = "privatelink.api.azureml.ms";
    /** Azure Machine Learning notebooks. */
    public static final String ML_NOTEBOOKS = "privatelink.notebooks.azure.net";
    /** Azure AI services (Cognitive Services) accounts. */
    public static final String COGNITIVE_SERVICES = "privatelink.cognitiveservices.azure.com";
    /** Azure OpenAI accounts. */
    public static final String OPENAI = "privatelink.openai.azure.com";
    /**
     * Azure AI services accounts (kind AIServices): the {@code services.ai.azure.com} endpoint of the account's
     * {@code account} sub-resource, beside the Cognitive Services and OpenAI zones
     * (learn.microsoft.com/azure/ai-foundry/agents/how-to/virtual-networks).
     */
    public static final String AI_SERVICES = "privatelink.services.ai.azure.com";
    /** Service Bus namespaces. */
    public static final String SERVICE_BUS = "privatelink.servicebus.windows.net";
    /**
     * App Service and Azure Functions sites: the {@code sites} sub-resource; the endpoint also answers for the site's
     * {@code .scm} host through this zone (learn.microsoft.com/azure/private-link/private-endpoint-dns, Web).
     */
    public static final String WEB_SITES = "privatelink.azurewebsites.net";
    /** Azure Monitor's global and regional endpoints (ingestion, query, Application Insights, live metrics, profiler). */
    public static final String MONITOR = "privatelink.monitor.azure.com";
    /** Log Analytics workspace-specific OMS endpoints (agent onboarding). */
    public static final String MONITOR_OMS = "privatelink.oms.opinsights.azure.com";
    /** Log Analytics workspace-specific ingestion (ODS) endpoints. */
    public static final String MONITOR_ODS = "privatelink.ods.opinsights.azure.com";
    /** Log Analytics workspace-specific agent service (automation) endpoints. */
    public static final String MONITOR_AGENT_SERVICE = "privatelink.agentsvc.azure-automation.net";
    /**
     * Every zone an Azure Monitor Private Link Scope's {@code azuremonitor} endpoint registers in: the four Azure Monitor
     * zones and the blob zone (the agents' solution packs storage account)
     * (learn.microsoft.com/azure/azure-monitor/logs/private-link-configure, "Review your endpoint's DNS settings";
     * learn.microsoft.com/azure/private-link/private-endpoint-dns, Management and Governance).
     */
    public static final List<String> AZURE_MONITOR = List.of(MONITOR, MONITOR_OMS, MONITOR_ODS, MONITOR_AGENT_SERVICE,
            BLOB);

    /**
     * Databricks, storage (blob, dfs, file, queue, table), Key Vault, ACR, Azure ML, AI services (Cognitive Services,
     * OpenAI, services.ai), Service Bus, App Service / Functions sites.
     */
    public static final List<String> DEFAULTS = List.of(
            DATABRICKS, BLOB, DFS, FILE, QUEUE, TABLE, KEY_VAULT, CONTAINER_REGISTRY,
            ML_API, ML_NOTEBOOKS, COGNITIVE_SERVICES, OPENAI, AI_SERVICES, SERVICE_BUS, WEB_SITES);

    private static final Pattern LABEL = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");

    private PrivateDnsZones() {
    }

    /**
     * Every problem of a zone list: empty, duplicates, or names that are not private-link zones.
     *
     * @param path  the list's path as the user writes it, like {@code zt-databricks:hub.privateDnsZones}
     * @param zones the zone names
     * @return the problems, each naming the entry and a valid example
     */
    public static List<String> problems(String path, List<String> zones) {
        var problems = new ArrayList<String>();
        if (zones.isEmpty()) {
            problems.add(path + " must list at least one zone, like [" + DATABRICKS + "]");
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < zones.size(); i++) {
            var zone = zones.get(i);
            var at = path + "[" + i + "]";
            if (zone == null || zone.isBlank()) {
                problems.add(at + " is empty; use a zone like " + DFS);
                continue;
            }
            if (!seen.add(zone)) {
                problems.add(at + " lists '" + zone + "' twice");
            }
            var labels = zone.split("\\.", -1);
            boolean validLabels = labels.length >= 3
                    && java.util.Arrays.stream(labels).allMatch(l -> LABEL.matcher(l).matches());
            if (!validLabels || zone.length() > 253) {
                problems.add(at + " must be a lowercase DNS zone name like " + BLOB + ", got '" + zone + "'");
            } else if (!java.util.Arrays.asList(labels).contains("privatelink")) {
                problems.add(at + " must be a private-link zone (a 'privatelink' label) like " + KEY_VAULT
                        + ", got '" + zone + "'");
            }
        }
        return problems;
    }
}
