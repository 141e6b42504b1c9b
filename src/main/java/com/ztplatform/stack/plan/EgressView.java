package com.ztplatform.stack.plan;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.ztplatform.components.firewall.ServiceEndpointBypass;
import com.ztplatform.components.offline.Plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * egress.md: the effective egress allowlist, read back from the firewall policy's rule collection groups in
 * the plan (so it shows what would be deployed, not what was meant), with the sources resolved to the
 * subnets in their IP groups, and the warnings an operator must see.
 */
final class EgressView {
    private static final String RCG = "azure-native:network:FirewallPolicyRuleCollectionGroup";
    private static final String POLICY = "azure-native:network:FirewallPolicy";
    private static final String SEP = "azure-native:network:ServiceEndpointPolicy";
    private static final String SUBNET = "azure-native:network:Subnet";

    private EgressView() {
    }

    static String render(Plan plan) {
        var out = new StringBuilder();
        out.append("# Egress allowlist of stack `").append(plan.stack()).append("`\n\n");
        var policies = plan.ofType(POLICY);
        if (policies.isEmpty()) {
            out.append("No firewall policy in this plan.\n");
            return out.toString();
        }
        for (var policy : policies) {
            out.append("Firewall policy `").append(policy.inputString("firewallPolicyName").orElse(policy.name()))
                    .append("`: sku ").append(policy.inputString("sku.tier").orElse("?"))
                    .append(", threat intelligence ").append(policy.inputString("threatIntelMode").orElse("(default)"))
                    .append(", DNS proxy ").append(policy.input("dnsSettings.enableProxy").map(JsonElement::getAsString).orElse("off"))
                    .append(", IDPS ").append(policy.inputString("intrusionDetection.mode").orElse("off"))
                    .append(", TLS inspection off.\n");
        }
        stringOutput(plan, "firewallPrivateIp").ifPresent(ip -> out.append("Firewall private IP (next hop of the spokes' ")
                .append("0.0.0.0/0 route): `").append(ip).append("`.\n"));
        var egressIps = plan.outputs().get("egressIps");
        if (egressIps != null && egressIps.isJsonArray()) {
            out.append("Allowed traffic leaves from: ").append(StreamSupport.stream(egressIps.getAsJsonArray().spliterator(), false)
                    .map(e -> "`" + e.getAsString() + "`").collect(Collectors.joining(", "))).append(" (mock values in the offline plan).\n");
        }
        out.append("\n**Everything not listed below is denied** (Azure Firewall denies by default).\n\n");
        out.append("| group (priority) | collection (priority) | rule | source | destination | ports / protocol | why |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        var groups = new ArrayList<>(plan.ofType(RCG));
        groups.sort(Comparator.comparingInt(g -> g.input("priority").map(JsonElement::getAsInt).orElse(0)));
        for (var group : groups) {
            var groupLabel = group.inputString("ruleCollectionGroupName").orElse(group.name()) + " ("
                    + group.input("priority").map(JsonElement::getAsString).orElse("?") + ")";
            var collections = group.input("ruleCollections").map(JsonElement::getAsJsonArray).orElse(new JsonArray());
            var sorted = StreamSupport.stream(collections.spliterator(), false).map(JsonElement::getAsJsonObject)
                    .sorted(Comparator.comparingInt(c -> c.get("priority").getAsInt())).toList();
            for (var collection : sorted) {
                var collectionLabel = collection.get("name").getAsString() + " (" + collection.get("priority").getAsString() + ")";
                for (var ruleElement : collection.getAsJsonArray("rules")) {
                    var rule = ruleElement.getAsJsonObject();
                    out.append("| ").append(groupLabel).append(" | ").append(collectionLabel).append(" | ")
                            .append(rule.get("name").getAsString()).append(" | ")
                            .append(sources(plan, rule)).append(" | ")
                            .append(destinations(rule)).append(" | ")
                            .append(ports(rule)).append(" | ")
                            .append(text(rule, "description").replace("|", "\\|")).append(" |\n");
                }
            }
        }
        out.append(unusedSourcesSection(plan, groups));
        out.append(serviceEndpointSection(plan, groups));
        var warnings = plan.diagnostics().stream().filter(d -> d.startsWith("warning: ")).toList();
        var notes = plan.diagnostics().stream().filter(d -> d.startsWith("info: ")).toList();
        if (!warnings.isEmpty()) {
            out.append("\n## Warnings\n\n");
            warnings.forEach(w -> out.append("- ").append(w.substring("warning: ".length())).append('\n'));
        }
        if (!notes.isEmpty()) {
            out.append("\n## Notes\n\n");
            notes.forEach(n -> out.append("- ").append(n.substring("info: ".length())).append('\n'));
        }
        return out.toString();
    }

    /**
     * Source IP groups of the firewall that no rule names: their subnets route through the firewall and are denied
     * everything (the function app's integration subnet, whose dependencies are all private endpoints).
     */
    private static String unusedSourcesSection(Plan plan, List<Plan.PlanResource> groups) {
        var used = new java.util.TreeSet<String>();
        for (var group : groups) {
            group.input("ruleCollections").map(JsonElement::getAsJsonArray).orElse(new JsonArray()).forEach(c ->
                    c.getAsJsonObject().getAsJsonArray("rules").forEach(r -> used.addAll(strings(r.getAsJsonObject(),
                            "sourceIpGroups"))));
        }
        var unused = plan.ofType("azure-native:network:IpGroup").stream().filter(g -> !used.contains(g.id())).toList();
        if (unused.isEmpty()) {
            return "";
        }
        var out = new StringBuilder("\n## Source groups without a rule (denied everything)\n\n");
        out.append("Their subnets send 0.0.0.0/0 to the firewall and no rule names them: nothing they send to the "
                + "internet is allowed. What they use is reached through private endpoints.\n\n");
        out.append("| IP group | addresses |\n|---|---|\n");
        for (var g : unused) {
            out.append("| `").append(g.inputString("ipGroupsName").orElse(g.name())).append("` | ")
                    .append(String.join(", ", g.input("ipAddresses").map(a -> strings(a.getAsJsonArray()))
                            .orElse(List.of()))).append(" |\n");
        }
        return out.toString();
    }

    /**
     * Seed 003: the storage service endpoint policies on the Databricks subnets, and what they do to the firewall's
     * rules ({@link ServiceEndpointBypass}): storage traffic of classic clusters takes the endpoint, not the firewall.
     */
    private static String serviceEndpointSection(Plan plan, List<Plan.PlanResource> groups) {
        var policies = plan.ofType(SEP);
        if (policies.isEmpty()) {
            return "";
        }
        var out = new StringBuilder("\n## Storage service endpoint policies (Databricks subnets)\n\n");
        out.append("Classic clusters reach Azure Storage in the region (and its paired region) over the subnets' ")
                .append("`Microsoft.Storage` service endpoint: its routes are more specific than the 0.0.0.0/0 route ")
                .append("to the firewall, so that traffic never reaches the firewall and only the accounts the policy ")
                .append("names are reachable. Private endpoints (the lake, DBFS root) are not affected.\n\n");
        out.append("| policy | attached to | allows |\n|---|---|---|\n");
        for (var policy : policies) {
            var attached = plan.ofType(SUBNET).stream().filter(s -> s.input("serviceEndpointPolicies")
                    .filter(JsonElement::isJsonArray).map(a -> a.toString().contains("\"" + policy.id() + "\""))
                    .orElse(false)).map(s -> "`" + s.inputString("virtualNetworkName").orElse("?") + "/"
                    + s.inputString("subnetName").orElse(s.name()) + "`").sorted().toList();
            var allows = new ArrayList<String>();
            policy.input("serviceEndpointPolicyDefinitions").filter(JsonElement::isJsonArray).ifPresent(a -> a
                    .getAsJsonArray().forEach(d -> {
                        var def = d.getAsJsonObject();
                        strings(def, "serviceResources").forEach(r -> allows.add(text(def, "service") + ": `"
                                + r.substring(r.lastIndexOf('/') + 1) + "`" + (r.startsWith("/services/") ? " (alias `" + r + "`)" : "")));
                    }));
            out.append("| `").append(policy.inputString("serviceEndpointPolicyName").orElse(policy.name())).append("` | ")
                    .append(attached.isEmpty() ? "(no subnet)" : String.join("<br>", attached)).append(" | ")
                    .append(String.join("<br>", allows)).append(" |\n");
        }
        out.append("\nWhat the service endpoint does to the firewall's rules for classic clusters:\n\n");
        out.append("| rule | effect |\n|---|---|\n");
        for (var group : groups) {
            var collections = group.input("ruleCollections").map(JsonElement::getAsJsonArray).orElse(new JsonArray());
            for (var c : collections) {
                for (var r : c.getAsJsonObject().getAsJsonArray("rules")) {
                    var rule = r.getAsJsonObject();
                    var destinations = new ArrayList<String>();
                    for (var field : List.of("targetFqdns", "destinationFqdns", "destinationAddresses")) {
                        destinations.addAll(strings(rule, field));
                    }
                    var effect = ServiceEndpointBypass.effect(destinations);
                    out.append("| ").append(group.inputString("ruleCollectionGroupName").orElse(group.name())).append('/')
                            .append(c.getAsJsonObject().get("name").getAsString()).append('/')
                            .append(rule.get("name").getAsString()).append(" | ")
                            .append(effect == ServiceEndpointBypass.Effect.STAYS ? "" : "**")
                            .append(ServiceEndpointBypass.explain(effect))
                            .append(effect == ServiceEndpointBypass.Effect.STAYS ? "" : "**").append(" |\n");
                }
            }
        }
        return out.toString();
    }

    private static java.util.Optional<String> stringOutput(Plan plan, String name) {
        var value = plan.outputs().get(name);
        return value != null && value.isJsonPrimitive() ? java.util.Optional.of(value.getAsString()) : java.util.Optional.empty();
    }

    private static String sources(Plan plan, JsonObject rule) {
        var parts = new ArrayList<String>();
        for (var id : strings(rule, "sourceIpGroups")) {
            var group = plan.byId(id);
            parts.add(group.map(g -> "IP group `" + g.inputString("ipGroupsName").orElse(g.name()) + "` ("
                    + String.join(", ", g.input("ipAddresses").map(a -> strings(a.getAsJsonArray())).orElse(List.of())) + ")")
                    .orElse("IP group " + id));
        }
        for (var address : strings(rule, "sourceAddresses")) {
            parts.add("`" + address + "`");
        }
        return parts.isEmpty() ? "(none)" : String.join("<br>", parts);
    }

    private static String destinations(JsonObject rule) {
        var parts = new ArrayList<String>();
        strings(rule, "targetFqdns").forEach(f -> parts.add("`" + f + "`"));
        strings(rule, "destinationFqdns").forEach(f -> parts.add("`" + f + "` (FQDN, via DNS proxy)"));
        strings(rule, "destinationAddresses").forEach(a -> parts.add("`" + a + "`"
                + (Character.isLetter(a.charAt(0)) ? " (service tag)" : "")));
        strings(rule, "destinationIpGroups").forEach(g -> parts.add("IP group " + g));
        return String.join("<br>", parts);
    }

    private static String ports(JsonObject rule) {
        if (rule.has("protocols")) {
            var parts = new ArrayList<String>();
            for (var p : rule.getAsJsonArray("protocols")) {
                var o = p.getAsJsonObject();
                parts.add(o.get("protocolType").getAsString() + ":" + o.get("port").getAsString());
            }
            return String.join(", ", parts);
        }
        return String.join(", ", strings(rule, "destinationPorts")) + " / " + String.join(", ", strings(rule, "ipProtocols"));
    }

    private static List<String> strings(JsonObject object, String field) {
        return object.has(field) && object.get(field).isJsonArray() ? strings(object.getAsJsonArray(field)) : List.of();
    }

    private static List<String> strings(JsonArray array) {
        var values = new ArrayList<String>();
        array.forEach(e -> values.add(e.getAsString()));
        return values;
    }

    private static String text(JsonObject object, String field) {
        return object.has(field) ? object.get(field).getAsString() : "";
    }
}
