package com.ztplatform.stack.plan;

import com.google.gson.JsonElement;
import com.ztplatform.components.offline.Plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data paths section of topology.md: how classic clusters and serverless compute reach each governed data lake
 * account (an ADLS Gen2 account whose public network access is Disabled), and which identity Unity Catalog uses on
 * it. Read from the plan: private endpoints whose connection names the account, NCC private endpoint rules whose
 * resource id is the account, access connectors and their role assignments on it.
 */
final class DataPaths {
    private static final String ACCOUNT = "azure-native:storage:StorageAccount";
    private static final String ENDPOINT = "azure-native:network:PrivateEndpoint";
    private static final String NCC_RULE = "databricks:index/mwsNccPrivateEndpointRule:MwsNccPrivateEndpointRule";
    private static final String WORKSPACE = "azure-native:databricks:Workspace";
    private static final String CONNECTOR = "azure-native:databricks:AccessConnector";
    private static final String IDENTITY = "azure-native:managedidentity:UserAssignedIdentity";
    private static final String ROLE = "azure-native:authorization:RoleAssignment";
    private static final String BLOB_DATA_CONTRIBUTOR = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";

    private DataPaths() {
    }

    static String render(Plan plan) {
        var lakes = plan.ofType(ACCOUNT).stream()
                .filter(a -> a.input("isHnsEnabled").map(JsonElement::getAsBoolean).orElse(false))
                .filter(a -> a.inputString("publicNetworkAccess").orElse("").equals("Disabled"))
                .toList();
        if (lakes.isEmpty()) {
            return "";
        }
        var out = new StringBuilder("## Data paths\n\n");
        out.append("How compute reaches the data lake (public network access Disabled: no other path exists).\n\n");
        out.append("```mermaid\nflowchart LR\n");
        var workspaces = plan.ofType(WORKSPACE).stream().map(w -> w.inputString("workspaceName").orElse(w.name()))
                .toList();
        out.append("  classic[\"Classic clusters<br/>").append(String.join("<br/>", workspaces)).append("\"]\n");
        var rows = new ArrayList<String>();
        int n = 0;
        for (var lake : lakes) {
            n++;
            var name = lake.inputString("accountName").orElse(lake.name());
            var node = "lake" + n;
            out.append("  ").append(node).append("[(\"ADLS Gen2 ").append(name).append("<br/>CMK, public access Disabled\")]\n");
            for (var pe : plan.ofType(ENDPOINT)) {
                var target = pe.input("privateLinkServiceConnections").map(JsonElement::toString).orElse("");
                if (!target.contains("\"" + lake.id() + "\"")) {
                    continue;
                }
                var group = pe.input("privateLinkServiceConnections").map(c -> c.getAsJsonArray().get(0).getAsJsonObject()
                        .getAsJsonArray("groupIds").get(0).getAsString()).orElse("?");
                var peName = pe.inputString("privateEndpointName").orElse(pe.name());
                out.append("  classic -->|\"private endpoint ").append(group).append("<br/>").append(peName)
                        .append("\"| ").append(node).append('\n');
                rows.add("| classic clusters | " + name + " | private endpoint `" + peName + "` (" + group
                        + "), resolved through the hub's private DNS zone |");
            }
            var nccs = new LinkedHashMap<String, List<String>>();
            for (var rule : plan.ofType(NCC_RULE)) {
                if (rule.inputString("resourceId").orElse("").equals(lake.id())) {
                    nccs.computeIfAbsent(rule.inputString("networkConnectivityConfigId").orElse("?"), k -> new ArrayList<>())
                            .add(rule.inputString("groupId").orElse("?"));
                }
            }
            for (Map.Entry<String, List<String>> e : nccs.entrySet()) {
                out.append("  serverless[\"Serverless compute<br/>NCC\"] -->|\"NCC private endpoint rules<br/>")
                        .append(String.join(", ", e.getValue())).append("\"| ").append(node).append('\n');
                rows.add("| serverless compute | " + name + " | NCC private endpoint rules (" + String.join(", ", e.getValue())
                        + "), approved on the account |");
            }
            for (var role : plan.ofType(ROLE)) {
                if (!role.inputString("scope").orElse("").equals(lake.id())
                        || !role.inputString("roleDefinitionId").orElse("").endsWith(BLOB_DATA_CONTRIBUTOR)) {
                    continue;
                }
                var principal = role.inputString("principalId").orElse("");
                var identity = plan.ofType(IDENTITY).stream()
                        .filter(i -> principal.equals(i.mockComputed().has("principalId")
                                ? i.mockComputed().get("principalId").getAsString() : null)).findFirst();
                var connector = identity.flatMap(i -> plan.ofType(CONNECTOR).stream()
                        .filter(c -> c.input("identity").map(JsonElement::toString).orElse("").contains(i.id())).findFirst());
                var label = connector.map(c -> "Access connector " + c.inputString("connectorName").orElse(c.name()))
                        .orElse(identity.map(i -> "Identity " + i.inputString("resourceName").orElse(i.name()))
                                .orElse("Principal " + principal));
                out.append("  uc").append(n).append("[\"Unity Catalog<br/>").append(label).append("\"] -.->|\"Storage Blob ")
                        .append("Data Contributor\"| ").append(node).append('\n');
                rows.add("| Unity Catalog | " + name + " | " + label + ": Storage Blob Data Contributor on the account only |");
            }
        }
        out.append("```\n\n| from | to | path |\n|---|---|---|\n");
        rows.forEach(r -> out.append(r).append('\n'));
        return out.append('\n').toString();
    }
}
