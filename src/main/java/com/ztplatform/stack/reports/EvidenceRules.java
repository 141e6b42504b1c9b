package com.ztplatform.stack.reports;

import com.google.gson.JsonElement;
import com.ztplatform.stack.reports.Evidence.Status;
import com.ztplatform.stack.reports.PlanModel.Resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The evidence rules the compliance mapping refers to by id: each reads the plan's resources and properties and
 * says met / not met / not applicable, with the evidence and the problems. A rule whose {@code policy} is set
 * checks exactly what that policy of the pack checks (same properties, same accepted values); the pack's test
 * suite (policy-pack/test/compliance-parity.test.ts) fails when the two disagree on the real plans and on the
 * mutated plans of the pack's mutation catalogue.
 */
public final class EvidenceRules {
    static final String WORKSPACE = "azure-native:databricks:Workspace";
    static final String VAULT = "azure-native:keyvault:Vault";
    static final String KEY = "azure-native:keyvault:Key";
    static final String FIREWALL = "azure-native:network:AzureFirewall";
    static final String FIREWALL_POLICY = "azure-native:network:FirewallPolicy";
    static final String RULE_GROUP = "azure-native:network:FirewallPolicyRuleCollectionGroup";
    static final String SUBNET = "azure-native:network:Subnet";
    static final String ROUTE_TABLE = "azure-native:network:RouteTable";
    static final String PRIVATE_ENDPOINT = "azure-native:network:PrivateEndpoint";
    static final String ZONE_GROUP = "azure-native:network:PrivateDnsZoneGroup";
    static final String DIAGNOSTICS = "azure-native:insights:DiagnosticSetting";
    static final String LOG_WORKSPACE = "azure-native:operationalinsights:Workspace";
    static final String PUBLIC_IP = "azure-native:network:PublicIPAddress";
    static final String BASTION = "azure-native:network:BastionHost";
    static final String VPN_GATEWAY = "azure-native:network:VirtualNetworkGateway";
    static final String NAT_GATEWAY = "azure-native:network:NatGateway";
    static final String ROLE_ASSIGNMENT = "azure-native:authorization:RoleAssignment";
    static final String SECRET_SCOPE = "databricks:index/secretScope:SecretScope";
    static final String NETWORK_POLICY = "databricks:index/accountNetworkPolicy:AccountNetworkPolicy";

    /**
     * Retention the EU AI Act asks of automatically generated logs: "at least six months" (Art. 19(1) for
     * providers, Art. 26(6) for deployers of high-risk systems), https://eur-lex.europa.eu/eli/reg/2024/1689/oj.
     */
    static final int SIX_MONTHS_DAYS = 183;

    /** Built-in roles that can do everything (Owner), write everything (Contributor) or grant roles (UAA). */
    static final Map<String, String> BROAD_ROLES = Map.of(
            "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "Owner",
            "b24988ac-6180-42a0-ab88-20f7382dd24c", "Contributor",
            "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9", "User Access Administrator");

    /** Subnets Azure forbids or ignores NSGs on (their services bring their own protection). */
    static final Set<String> NSG_EXEMPT_SUBNETS = Set.of("azurefirewallsubnet", "azurefirewallmanagementsubnet",
            "gatewaysubnet", "azurebastionsubnet");

    private record Rule(String policy, Function<PlanModel, Evidence> check) {
    }

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        RULES.put("databricks-workspace-private", new Rule("databricks-workspace-zero-trust",
                EvidenceRules::workspacePrivate));
        RULES.put("databricks-infrastructure-encryption", new Rule("databricks-workspace-infrastructure-encryption",
                EvidenceRules::infrastructureEncryption));
        RULES.put("key-vault-private-rbac", new Rule("key-vault-zero-trust", EvidenceRules::keyVault));
        RULES.put("firewall-threat-intel-deny", new Rule("firewall-threat-intel-deny", EvidenceRules::threatIntel));
        RULES.put("firewall-idps-deny", new Rule("firewall-premium-idps-deny", EvidenceRules::idps));
        RULES.put("egress-through-firewall", new Rule("", EvidenceRules::egressThroughFirewall));
        RULES.put("egress-allowlist", new Rule("", EvidenceRules::egressAllowlist));
        RULES.put("private-endpoints-with-dns", new Rule("", EvidenceRules::privateEndpointsWithDns));
        RULES.put("public-ips-only-on-edge", new Rule("", EvidenceRules::publicIpsOnEdge));
        RULES.put("nsg-on-subnets", new Rule("", EvidenceRules::nsgOnSubnets));
        RULES.put("diagnostics-to-log-analytics", new Rule("", EvidenceRules::diagnostics));
        RULES.put("log-retention-six-months", new Rule("", EvidenceRules::logRetention));
        RULES.put("customer-managed-keys", new Rule("", EvidenceRules::customerManagedKeys));
        RULES.put("key-rotation", new Rule("", EvidenceRules::keyRotation));
        RULES.put("operator-access-private", new Rule("", EvidenceRules::operatorAccess));
        RULES.put("no-broad-role-assignments", new Rule("", EvidenceRules::roles));
        RULES.put("secret-scope-key-vault", new Rule("", EvidenceRules::secretScope));
        RULES.put("serverless-egress-enforced", new Rule("", EvidenceRules::serverlessEgress));
        RULES.put("mandatory-tags", new Rule("", EvidenceRules::tags));
        RULES.put("zone-redundant-edge", new Rule("", EvidenceRules::zones));
    }

    private EvidenceRules() {
    }

    /**
     * The ids of every rule, as the compliance mapping names them.
     *
     * @return the ids
     */
    public static Set<String> ids() {
        return RULES.keySet();
    }

    /**
     * The policy a rule is tied to, or "" when none.
     *
     * @param rule the rule's id
     * @return the policy-pack policy name, or ""
     */
    public static String policyOf(String rule) {
        return rule(rule).policy();
    }

    /**
     * Runs one rule on a plan.
     *
     * @param rule the rule's id
     * @param plan the plan
     * @return what it found
     */
    public static Evidence evaluate(String rule, PlanModel plan) {
        return rule(rule).check().apply(plan);
    }

    private static Rule rule(String id) {
        var rule = RULES.get(id);
        if (rule == null) {
            throw new IllegalArgumentException("no evidence rule '" + id + "'; known: " + String.join(", ", RULES.keySet()));
        }
        return rule;
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static final class Findings {
        final String rule;
        final List<String> evidence = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        boolean looked;

        Findings(String rule) {
            this.rule = rule;
        }

        void check(Resource r, boolean ok, String shown, String problem) {
            looked = true;
            if (ok) {
                evidence.add(r.name() + ": " + shown);
            } else {
                problems.add(r.name() + ": " + problem);
            }
        }

        Evidence done() {
            var status = !looked ? Status.NOT_APPLICABLE : problems.isEmpty() ? Status.MET : Status.NOT_MET;
            return new Evidence(rule, policyOf(rule), status, evidence, problems);
        }
    }

    private static String show(Resource r, String path) {
        return r.input(path).map(JsonElement::toString).orElse("(unset)");
    }

    private static List<String> strings(Resource r, String path) {
        var out = new ArrayList<String>();
        r.input(path).filter(JsonElement::isJsonArray).ifPresent(a -> a.getAsJsonArray().forEach(e -> {
            if (e.isJsonPrimitive()) {
                out.add(e.getAsString());
            }
        }));
        return out;
    }

    /** Any spelling of "every address", or public prefixes whose union covers at least half of IPv4. */
    static boolean coversInternet(List<String> entries) {
        var any = Set.of("*", "any", "0.0.0.0/0", "internet", "0.0.0.0");
        if (entries.stream().anyMatch(e -> any.contains(e.trim().toLowerCase(Locale.ROOT)))) {
            return true;
        }
        var ranges = new ArrayList<long[]>();
        for (var e : entries) {
            var parts = e.trim().split("/");
            var octets = parts[0].split("\\.");
            if (octets.length != 4) {
                continue;
            }
            try {
                long base = 0;
                for (var o : octets) {
                    base = base * 256 + Integer.parseInt(o);
                }
                int length = parts.length > 1 ? Integer.parseInt(parts[1]) : 32;
                long size = 1L << (32 - length);
                ranges.add(new long[]{base & ~(size - 1), (base & ~(size - 1)) + size - 1});
            } catch (RuntimeException ignored) {
                // not an IPv4 prefix: a service tag or a name, not the internet
            }
        }
        ranges.sort((a, b) -> Long.compare(a[0], b[0]));
        long covered = 0;
        long end = -1;
        for (var r : ranges) {
            if (r[1] <= end) {
                continue;
            }
            covered += r[1] - Math.max(r[0], end + 1) + 1;
            end = r[1];
        }
        return covered >= (1L << 31);
    }

    // --- rules tied to a policy of the pack --------------------------------------------------------------------

    private static Evidence workspacePrivate(PlanModel plan) {
        var f = new Findings("databricks-workspace-private");
        for (var w : plan.ofType(WORKSPACE)) {
            f.check(w, w.is("sku.name", "premium"), "sku.name=premium", "sku.name is " + show(w, "sku.name") + ", not premium");
            f.check(w, w.input("parameters.customVirtualNetworkId.value").isPresent(), "VNet-injected",
                    "not VNet-injected (parameters.customVirtualNetworkId unset)");
            f.check(w, w.input("parameters.customPublicSubnetName.value").isPresent()
                            && w.input("parameters.customPrivateSubnetName.value").isPresent(), "host and container subnets",
                    "host or container subnet name unset");
            f.check(w, w.isTrue("parameters.enableNoPublicIp.value"), "enableNoPublicIp=true",
                    "parameters.enableNoPublicIp is " + show(w, "parameters.enableNoPublicIp.value"));
            f.check(w, w.is("publicNetworkAccess", "Disabled"), "publicNetworkAccess=Disabled",
                    "publicNetworkAccess is " + show(w, "publicNetworkAccess"));
            f.check(w, w.is("requiredNsgRules", "NoAzureDatabricksRules"), "requiredNsgRules=NoAzureDatabricksRules",
                    "requiredNsgRules is " + show(w, "requiredNsgRules"));
        }
        return f.done();
    }

    private static Evidence infrastructureEncryption(PlanModel plan) {
        var f = new Findings("databricks-infrastructure-encryption");
        for (var w : plan.ofType(WORKSPACE)) {
            f.check(w, w.isTrue("parameters.requireInfrastructureEncryption.value"), "requireInfrastructureEncryption=true",
                    "parameters.requireInfrastructureEncryption is " + show(w, "parameters.requireInfrastructureEncryption.value"));
        }
        return f.done();
    }

    private static Evidence keyVault(PlanModel plan) {
        var f = new Findings("key-vault-private-rbac");
        for (var v : plan.ofType(VAULT)) {
            f.check(v, v.isTrue("properties.enableRbacAuthorization"), "enableRbacAuthorization=true",
                    "properties.enableRbacAuthorization is " + show(v, "properties.enableRbacAuthorization"));
            f.check(v, v.isTrue("properties.enablePurgeProtection"), "enablePurgeProtection=true",
                    "properties.enablePurgeProtection is " + show(v, "properties.enablePurgeProtection"));
            var softDelete = v.input("properties.enableSoftDelete");
            f.check(v, softDelete.isEmpty() || !"false".equalsIgnoreCase(softDelete.get().getAsString()),
                    "soft delete on", "properties.enableSoftDelete is false");
            var days = v.input("properties.softDeleteRetentionInDays");
            boolean daysOk = days.isEmpty() || days.get().isJsonPrimitive() && days.get().getAsJsonPrimitive().isNumber()
                    && days.get().getAsInt() >= 7 && days.get().getAsInt() <= 90;
            f.check(v, daysOk, "softDeleteRetentionInDays=" + days.map(JsonElement::toString).orElse("default (90)"),
                    "properties.softDeleteRetentionInDays is " + show(v, "properties.softDeleteRetentionInDays") + ", not 7-90");
            f.check(v, v.is("properties.publicNetworkAccess", "Disabled"), "publicNetworkAccess=Disabled",
                    "properties.publicNetworkAccess is " + show(v, "properties.publicNetworkAccess"));
            f.check(v, v.is("properties.networkAcls.defaultAction", "Deny"), "networkAcls.defaultAction=Deny",
                    "properties.networkAcls.defaultAction is " + show(v, "properties.networkAcls.defaultAction"));
        }
        return f.done();
    }

    private static Evidence threatIntel(PlanModel plan) {
        var f = new Findings("firewall-threat-intel-deny");
        var subjects = new ArrayList<>(plan.ofType(FIREWALL_POLICY));
        // A classic firewall carries its own threat-intel mode; one with a policy takes the policy's.
        plan.ofType(FIREWALL).stream().filter(fw -> fw.input("firewallPolicy.id").isEmpty()).forEach(subjects::add);
        for (var p : subjects) {
            var tier = p.text("sku.tier").orElse("Standard");
            if (tier.equalsIgnoreCase("Basic")) {
                continue; // Basic supports Alert only
            }
            f.check(p, p.is("threatIntelMode", "Deny"), "threatIntelMode=Deny (" + tier + ")",
                    "threatIntelMode is " + show(p, "threatIntelMode") + " (tier " + tier + ")");
            var allowIps = strings(p, "threatIntelWhitelist.ipAddresses");
            f.check(p, allowIps.isEmpty() || !coversInternet(allowIps), "no blanket threat-intel allowlist",
                    "threatIntelWhitelist.ipAddresses " + allowIps + " covers every address");
            for (var fqdn : strings(p, "threatIntelWhitelist.fqdns")) {
                f.check(p, !fqdn.trim().startsWith("*"), "allowlisted FQDN " + fqdn,
                        "threatIntelWhitelist.fqdns has the wildcard " + fqdn);
            }
            var bypass = p.input("intrusionDetection.configuration.bypassTrafficSettings");
            if (bypass.isPresent() && bypass.get().isJsonArray()) {
                for (var b : bypass.get().getAsJsonArray()) {
                    var sources = new ArrayList<String>();
                    var dests = new ArrayList<String>();
                    var o = b.getAsJsonObject();
                    if (o.has("sourceAddresses")) {
                        o.getAsJsonArray("sourceAddresses").forEach(e -> sources.add(e.getAsString()));
                    }
                    if (o.has("destinationAddresses")) {
                        o.getAsJsonArray("destinationAddresses").forEach(e -> dests.add(e.getAsString()));
                    }
                    boolean all = (sources.isEmpty() || coversInternet(sources)) && (dests.isEmpty() || coversInternet(dests));
                    f.check(p, !all, "IDPS bypass limited", "an IDPS bypass covers any source to any destination");
                }
            }
        }
        return f.done();
    }

    private static Evidence idps(PlanModel plan) {
        var f = new Findings("firewall-idps-deny");
        for (var p : plan.ofType(FIREWALL_POLICY)) {
            if (!p.is("sku.tier", "Premium")) {
                continue; // IDPS is a Premium feature
            }
            f.check(p, p.is("intrusionDetection.mode", "Deny"), "intrusionDetection.mode=Deny",
                    "Premium with intrusionDetection.mode " + show(p, "intrusionDetection.mode"));
        }
        return f.done();
    }

    // --- rules of their own ------------------------------------------------------------------------------------

    private static Evidence egressThroughFirewall(PlanModel plan) {
        var f = new Findings("egress-through-firewall");
        var tables = plan.ofType(ROUTE_TABLE);
        for (var s : plan.ofType(SUBNET)) {
            boolean databricks = s.input("delegations").map(JsonElement::toString)
                    .map(d -> d.contains("Microsoft.Databricks/workspaces")).orElse(false);
            if (!databricks) {
                continue;
            }
            var tableId = s.text("routeTable.id").orElse("");
            var table = tables.stream().filter(t -> PlanModel.sameId(t.id(), tableId)).findFirst();
            boolean ok = table.map(t -> t.input("routes").map(routes -> {
                for (var r : routes.getAsJsonArray()) {
                    var o = r.getAsJsonObject();
                    if (o.has("addressPrefix") && "0.0.0.0/0".equals(o.get("addressPrefix").getAsString())
                            && o.has("nextHopType") && "VirtualAppliance".equalsIgnoreCase(o.get("nextHopType").getAsString())
                            && o.has("nextHopIpAddress")) {
                        return true;
                    }
                }
                return false;
            }).orElse(false)).orElse(false);
            f.check(s, ok, "0.0.0.0/0 -> VirtualAppliance via " + table.map(Resource::name).orElse("?"),
                    "no 0.0.0.0/0 route to a virtual appliance on its route table");
        }
        return f.done();
    }

    private static Evidence egressAllowlist(PlanModel plan) {
        var f = new Findings("egress-allowlist");
        for (var fw : plan.ofType(FIREWALL)) {
            f.check(fw, fw.input("firewallPolicy.id").isPresent(), "policy-managed (deny unless a rule allows)",
                    "no firewall policy attached");
        }
        for (var g : plan.ofType(RULE_GROUP)) {
            int rules = 0;
            boolean wildcard = false;
            var collections = g.input("ruleCollections");
            if (collections.isPresent() && collections.get().isJsonArray()) {
                for (var c : collections.get().getAsJsonArray()) {
                    var rs = c.getAsJsonObject().get("rules");
                    if (rs == null || !rs.isJsonArray()) {
                        continue;
                    }
                    for (var r : rs.getAsJsonArray()) {
                        rules++;
                        var o = r.getAsJsonObject();
                        for (var field : List.of("targetFqdns", "destinationFqdns", "destinationAddresses")) {
                            if (o.has(field)) {
                                for (var d : o.getAsJsonArray(field)) {
                                    var v = d.getAsString().trim();
                                    wildcard |= v.equals("*") || v.equals("0.0.0.0/0");
                                }
                            }
                        }
                    }
                }
            }
            f.check(g, !wildcard, rules + " explicit allow rule(s)", "a rule allows every destination");
        }
        return f.done();
    }

    private static Evidence privateEndpointsWithDns(PlanModel plan) {
        var f = new Findings("private-endpoints-with-dns");
        var groups = plan.ofType(ZONE_GROUP);
        for (var pe : plan.ofType(PRIVATE_ENDPOINT)) {
            var name = pe.text("privateEndpointName").orElse("");
            boolean dns = groups.stream().anyMatch(g -> g.text("privateEndpointName").orElse("").equals(name)
                    && g.text("resourceGroupName").equals(pe.text("resourceGroupName")));
            f.check(pe, dns, "private DNS zone group", "no private DNS zone group: clients would resolve the public name");
        }
        return f.done();
    }

    private static Evidence publicIpsOnEdge(PlanModel plan) {
        var f = new Findings("public-ips-only-on-edge");
        var edge = new ArrayList<Resource>();
        for (var type : List.of(FIREWALL, BASTION, VPN_GATEWAY, NAT_GATEWAY)) {
            edge.addAll(plan.ofType(type));
        }
        for (var ip : plan.ofType(PUBLIC_IP)) {
            var id = ip.id().toLowerCase(Locale.ROOT);
            var user = edge.stream().filter(e -> e.inputs().toString().toLowerCase(Locale.ROOT).contains(id)).findFirst();
            f.check(ip, !id.isEmpty() && user.isPresent(), "on " + user.map(Resource::name).orElse("?"),
                    "not attached to a firewall, Bastion, VPN gateway or NAT gateway");
        }
        return f.done();
    }

    private static Evidence nsgOnSubnets(PlanModel plan) {
        var f = new Findings("nsg-on-subnets");
        for (var s : plan.ofType(SUBNET)) {
            var name = s.text("subnetName").orElse(s.name()).toLowerCase(Locale.ROOT);
            if (NSG_EXEMPT_SUBNETS.contains(name)) {
                continue;
            }
            f.check(s, s.input("networkSecurityGroup.id").isPresent(), "NSG attached", "no network security group");
        }
        return f.done();
    }

    private static Evidence diagnostics(PlanModel plan) {
        var f = new Findings("diagnostics-to-log-analytics");
        var settings = plan.ofType(DIAGNOSTICS);
        for (var type : List.of(FIREWALL, VAULT, WORKSPACE)) {
            for (var r : plan.ofType(type)) {
                var to = settings.stream().filter(d -> PlanModel.sameId(d.text("resourceUri").orElse(""), r.id())
                        && d.input("workspaceId").isPresent()).findFirst();
                f.check(r, to.isPresent(), "diagnostic setting " + to.map(Resource::name).orElse("?") + " to Log Analytics",
                        "no diagnostic setting sends its logs to Log Analytics");
            }
        }
        return f.done();
    }

    private static Evidence logRetention(PlanModel plan) {
        var f = new Findings("log-retention-six-months");
        for (var w : plan.ofType(LOG_WORKSPACE)) {
            int days = w.input("retentionInDays").map(JsonElement::getAsInt).orElse(30);
            f.check(w, days >= SIX_MONTHS_DAYS, "retentionInDays=" + days,
                    "retentionInDays=" + days + ": logs are kept less than six months (" + SIX_MONTHS_DAYS + " days)");
        }
        return f.done();
    }

    private static Evidence customerManagedKeys(PlanModel plan) {
        var f = new Findings("customer-managed-keys");
        for (var w : plan.ofType(WORKSPACE)) {
            boolean dbfs = w.is("parameters.encryption.value.keySource", "Microsoft.Keyvault");
            boolean services = w.input("encryption.entities.managedServices").isPresent();
            boolean disk = w.input("encryption.entities.managedDisk").isPresent();
            var have = new ArrayList<String>();
            var missing = new ArrayList<String>();
            (dbfs ? have : missing).add("DBFS root");
            (services ? have : missing).add("managed services");
            (disk ? have : missing).add("managed disks");
            f.check(w, missing.isEmpty(), "CMK on " + String.join(", ", have),
                    "no customer-managed key on " + String.join(", ", missing) + " (platform-managed keys)");
        }
        return f.done();
    }

    private static Evidence keyRotation(PlanModel plan) {
        var f = new Findings("key-rotation");
        for (var k : plan.ofType(KEY)) {
            boolean rotates = k.input("properties.rotationPolicy.lifetimeActions").map(JsonElement::toString)
                    .map(a -> a.contains("Rotate")).orElse(false);
            f.check(k, rotates, "rotation policy " + k.text("properties.rotationPolicy.attributes.expiryTime").orElse(""),
                    "no automatic rotation");
        }
        return f.done();
    }

    private static Evidence operatorAccess(PlanModel plan) {
        var f = new Findings("operator-access-private");
        for (var b : plan.ofType(BASTION)) {
            f.check(b, true, "Bastion " + b.text("sku.name").orElse("Basic") + " (no public IPs on hosts)", "");
        }
        for (var g : plan.ofType(VPN_GATEWAY)) {
            var auth = strings(g, "vpnClientConfiguration.vpnAuthenticationTypes");
            f.check(g, !auth.isEmpty() && auth.stream().allMatch("AAD"::equalsIgnoreCase), "P2S VPN with Entra ID only",
                    "P2S authentication " + auth + " is not Entra ID only");
        }
        return f.done();
    }

    private static Evidence roles(PlanModel plan) {
        var f = new Findings("no-broad-role-assignments");
        for (var ra : plan.ofType(ROLE_ASSIGNMENT)) {
            var def = ra.text("roleDefinitionId").orElse("").toLowerCase(Locale.ROOT);
            var broad = BROAD_ROLES.entrySet().stream().filter(e -> def.endsWith(e.getKey())).map(Map.Entry::getValue)
                    .findFirst();
            f.check(ra, broad.isEmpty(), "role " + def.substring(def.lastIndexOf('/') + 1),
                    "grants the broad role " + broad.orElse(""));
        }
        return f.done();
    }

    private static Evidence secretScope(PlanModel plan) {
        var f = new Findings("secret-scope-key-vault");
        for (var s : plan.ofType(SECRET_SCOPE)) {
            f.check(s, s.input("keyvaultMetadata").isPresent(), "Key Vault-backed",
                    "a Databricks-backed scope: secrets live outside the Key Vault's RBAC and audit");
        }
        return f.done();
    }

    private static Evidence serverlessEgress(PlanModel plan) {
        var f = new Findings("serverless-egress-enforced");
        for (var p : plan.ofType(NETWORK_POLICY)) {
            boolean restricted = p.is("egress.networkAccess.restrictionMode", "RESTRICTED_ACCESS");
            var mode = p.text("egress.networkAccess.policyEnforcement.enforcementMode").orElse("ENFORCED");
            f.check(p, restricted && mode.equalsIgnoreCase("ENFORCED"), "RESTRICTED_ACCESS, " + mode,
                    restricted ? "enforcementMode " + mode + ": blocked destinations are only logged"
                            : "restrictionMode is " + show(p, "egress.networkAccess.restrictionMode"));
        }
        return f.done();
    }

    private static Evidence tags(PlanModel plan) {
        var f = new Findings("mandatory-tags");
        var required = List.of("environment", "owner", "costCenter", "dataClassification");
        for (var r : plan.resources()) {
            var tags = r.input("tags");
            if (!r.custom() || tags.isEmpty() || !tags.get().isJsonObject()) {
                continue;
            }
            var missing = required.stream().filter(t -> !tags.get().getAsJsonObject().has(t)).toList();
            if (!missing.isEmpty()) {
                f.check(r, false, "", "missing tags " + missing);
            } else {
                f.looked = true;
            }
        }
        long tagged = plan.resources().stream().filter(r -> r.custom() && r.input("tags").isPresent()).count();
        if (f.problems.isEmpty() && tagged > 0) {
            f.evidence.add(tagged + " tagged resources carry " + String.join(", ", required));
        }
        return f.done();
    }

    private static Evidence zones(PlanModel plan) {
        var f = new Findings("zone-redundant-edge");
        for (var type : List.of(FIREWALL, PUBLIC_IP)) {
            for (var r : plan.ofType(type)) {
                var zones = strings(r, "zones");
                f.check(r, zones.size() >= 2, "zones " + zones, "not zone-redundant (zones " + zones + ")");
            }
        }
        return f.done();
    }
}
