package com.ztplatform.stack.plan;

import com.google.gson.JsonElement;
import com.ztplatform.components.offline.Plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data paths section of topology.md: how classic clusters and serverless compute reach each governed data lake
 * account (an ADLS Gen2 account closed to networks: public network access Disabled, or Enabled with a firewall that
 * denies by default and lists no IP or virtual network rule), and how Unity Catalog reaches it; and, where the stack
 * shares data, how Delta Sharing recipients reach the sharing account (the one ADLS Gen2 account whose deny-by-default
 * firewall lists IP rules, and no virtual network rule) while the lake has no such path. Read from the plan:
 * private endpoints whose connection names the account, NCC private endpoint rules whose resource id is the account,
 * the firewall's resource instance rules, access connectors and their role assignments on the account or its
 * resource group.
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

    /** No network reaches the account through its public endpoint: Disabled, or Enabled behind deny-all rules. */
    private static boolean closedToNetworks(Plan.PlanResource account) {
        var access = account.inputString("publicNetworkAccess").orElse("");
        if (access.equals("Disabled")) {
            return true;
        }
        return access.equals("Enabled")
                && account.inputString("networkRuleSet.defaultAction").orElse("").equals("Deny")
                && account.input("networkRuleSet.ipRules").map(r -> r.getAsJsonArray().isEmpty()).orElse(true)
                && account.input("networkRuleSet.virtualNetworkRules").map(r -> r.getAsJsonArray().isEmpty()).orElse(true);
    }

    /**
     * A sharing account: public endpoint Enabled, default action Deny, bypass None, no virtual network rule, and IP
     * rules (the recipients' networks).
     */
    private static boolean sharingAccount(Plan.PlanResource account) {
        return account.inputString("publicNetworkAccess").orElse("").equals("Enabled")
                && account.inputString("networkRuleSet.defaultAction").orElse("").equals("Deny")
                && account.inputString("networkRuleSet.bypass").orElse("").equals("None")
                && account.input("networkRuleSet.virtualNetworkRules").map(r -> r.getAsJsonArray().isEmpty()).orElse(true)
                && !ipRules(account).isEmpty();
    }

    private static List<String> ipRules(Plan.PlanResource account) {
        var values = new ArrayList<String>();
        account.input("networkRuleSet.ipRules").ifPresent(rules -> rules.getAsJsonArray().forEach(r ->
                values.add(r.getAsJsonObject().get("iPAddressOrRange").getAsString())));
        return values;
    }

    /** The resource ids the account's firewall admits by resource instance rule. */
    private static List<String> resourceInstances(Plan.PlanResource account) {
        var ids = new ArrayList<String>();
        account.input("networkRuleSet.resourceAccessRules").ifPresent(rules -> rules.getAsJsonArray().forEach(r ->
                ids.add(r.getAsJsonObject().get("resourceId").getAsString())));
        return ids;
    }

    /** The names of the plan's storage accounts in one resource group. */
    private static List<String> accountsIn(Plan plan, String resourceGroupId) {
        return plan.ofType(ACCOUNT).stream().filter(a -> a.id().startsWith(resourceGroupId + "/providers/"))
                .map(a -> a.inputString("accountName").orElse(a.name())).toList();
    }

    static String render(Plan plan) {
        var lakes = plan.ofType(ACCOUNT).stream()
                .filter(a -> a.input("isHnsEnabled").map(JsonElement::getAsBoolean).orElse(false))
                .filter(a -> closedToNetworks(a) || sharingAccount(a))
                .toList();
        if (lakes.isEmpty()) {
            return "";
        }
        var sharing = lakes.stream().anyMatch(DataPaths::sharingAccount);
        var out = new StringBuilder("## Data paths\n\n");
        out.append("How compute reaches the data lake. Its firewall denies every network and lists no IP or virtual "
                + "network rule: clusters and serverless compute use private endpoints, and Unity Catalog's control plane "
                + "passes only as the one access connector instance named in a resource instance rule.");
        if (sharing) {
            out.append(" Delta Sharing recipients download shared files themselves, through short-lived read-only "
                    + "URLs to one file each: they reach only the sharing account, whose public endpoint admits "
                    + "exactly the recipients' declared networks; the lake has no path from them.");
        }
        out.append("\n\n");
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
            var shares = sharingAccount(lake);
            out.append("  ").append(node).append("[(\"ADLS Gen2 ").append(name).append(shares
                    ? "<br/>CMK, firewall: recipients' IPs only\")]\n" : "<br/>CMK, firewall: deny all\")]\n");
            if (shares) {
                var rules = ipRules(lake);
                out.append("  partners[\"Delta Sharing recipients\"] -->|\"public endpoint, IP rules<br/>")
                        .append(String.join(", ", rules)).append("\"| ").append(node).append('\n');
                rows.add("| Delta Sharing recipients | " + name + " | public endpoint, default action Deny, admitted "
                        + "by IP rules " + String.join(", ", rules.stream().map(r -> "`" + r + "`").toList())
                        + " (the recipients' declared networks), each download authorised by a pre-signed URL |");
            } else if (sharing) {
                rows.add("| Delta Sharing recipients | " + name + " | none: the firewall lists no IP or virtual "
                        + "network rule |");
            }
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
            var resourceGroup = lake.id().substring(0, lake.id().indexOf("/providers/"));
            for (var role : plan.ofType(ROLE)) {
                var scope = role.inputString("scope").orElse("");
                if (!(scope.equals(lake.id()) || scope.equals(resourceGroup))
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
                var admitted = connector.filter(c -> resourceInstances(lake).contains(c.id())).isPresent();
                out.append("  uc").append(n).append("[\"Unity Catalog<br/>").append(label).append("\"] -.->|\"")
                        .append(admitted ? "resource instance rule<br/>" : "").append("Storage Blob Data Contributor\"| ")
                        .append(node).append('\n');
                rows.add("| Unity Catalog | " + name + " | " + label + ": "
                        + (admitted ? "the firewall's only resource instance rule; " : "")
                        + "Storage Blob Data Contributor on " + (scope.equals(lake.id()) ? "the account only"
                        : "the lake resource group (its storage accounts: " + String.join(", ",
                        accountsIn(plan, resourceGroup)) + ")") + " |");
            }
        }
        out.append("```\n\n| from | to | path |\n|---|---|---|\n");
        rows.forEach(r -> out.append(r).append('\n'));
        return out.append('\n').toString();
    }
}
