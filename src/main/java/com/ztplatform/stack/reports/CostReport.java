package com.ztplatform.stack.reports;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.ztplatform.stack.reports.PlanModel.Resource;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * cost.md: a monthly list-price estimate, per resource and for the stack, from the priced meters in
 * {@code prices.json} and the usage in {@link CostAssumptions}. Resources with no meter are listed as not priced
 * (never silently zero); resources Azure does not bill are counted as free.
 */
public final class CostReport {
    static final String PRICES = "prices.json";

    /** A priced meter. */
    public record Meter(String id, String name, String unit, BigDecimal price, String region, String source, String asOf) {
    }

    /** One line of the estimate: a resource (or the stack's usage) on one meter. */
    public record Line(String resource, String type, Meter meter, BigDecimal quantity, String quantityNote,
                       BigDecimal monthly) {
    }

    /**
     * A billed resource the reference data has no meter for.
     *
     * @param resource the resource's name
     * @param type     its type token
     * @param why      why it is not priced
     */
    public record Unpriced(String resource, String type, String why) {
    }

    /**
     * The estimate of one plan.
     *
     * @param stack         the stack
     * @param lines         the priced lines
     * @param unpriced      billed resources without a meter
     * @param freeResources how many resources cost nothing by themselves
     * @param assumptions   the usage assumptions used
     */
    public record Estimate(String stack, List<Line> lines, List<Unpriced> unpriced, int freeResources,
                           CostAssumptions assumptions) {
        /**
         * Copies the lists.
         *
         * @param stack         the stack
         * @param lines         the priced lines
         * @param unpriced      the unpriced resources
         * @param freeResources the free resource count
         * @param assumptions   the assumptions
         */
        public Estimate {
            lines = List.copyOf(lines);
            unpriced = List.copyOf(unpriced);
        }

        /**
         * The monthly total.
         *
         * @return the sum of the lines, in USD, to the cent
         */
        public BigDecimal total() {
            return lines.stream().map(Line::monthly).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
        }

        /**
         * Monthly cost per resource (the stack's usage lines under "(stack usage)").
         *
         * @return resource name to its monthly cost, sorted by name
         */
        public Map<String, BigDecimal> byResource() {
            var map = new TreeMap<String, BigDecimal>();
            lines.forEach(l -> map.merge(l.resource(), l.monthly(), BigDecimal::add));
            map.replaceAll((k, v) -> v.setScale(2, RoundingMode.HALF_UP));
            return map;
        }
    }

    /** Types Azure does not bill by themselves (the traffic they carry is priced on other lines). */
    static final Set<String> FREE = Set.of("azure-native:resources:ResourceGroup", "azure-native:network:VirtualNetwork",
            "azure-native:network:Subnet", "azure-native:network:NetworkSecurityGroup", "azure-native:network:RouteTable",
            "azure-native:network:IpGroup", "azure-native:network:PrivateDnsZoneGroup",
            "azure-native:network:VirtualNetworkLink", "azure-native:authorization:RoleAssignment",
            "azure-native:authorization:ManagementLockByScope", "azure-native:insights:DiagnosticSetting",
            "azure-native:keyvault:Secret", "azure-native:network:FirewallPolicyRuleCollectionGroup",
            "azure-native:network:VirtualNetworkPeering", "azure-native:storage:BlobContainer",
            "azure-native:storage:BlobServiceProperties",
            // Entities of a Premium namespace and the sites of a dedicated plan: billed on the namespace and the plan.
            "azure-native:servicebus:Queue", "azure-native:servicebus:Topic", "azure-native:web:WebApp",
            "azure-native:web:WebAppFtpAllowed", "azure-native:web:WebAppScmAllowed",
            // The resolver is free; its endpoints are billed (prices.json dnsResolver*Endpoint: the Infracost source
            // counts azurerm_private_dns_resolver among its free resources).
            "azure-native:network:DnsResolver",
            // Activity log alerts and budgets have no charge (https://azure.microsoft.com/pricing/details/monitor/:
            // activity log alerts are free; Cost Management budgets are free). An action group costs nothing by
            // itself: its notifications are usage (emails beyond the monthly free grant), not estimated here.
            "azure-native:insights:ActivityLogAlert", "azure-native:consumption:Budget",
            "azure-native:insights:ActionGroup",
            // An Azure Monitor Private Link Scope and its scoped resources have no charge of their own: its endpoint
            // (privateEndpointHour), the four Azure Monitor zones (privateDnsZone) and the traffic are billed as
            // Private Link (learn.microsoft.com/azure/azure-monitor/logs/private-link-security).
            "azure-native:insights:PrivateLinkScope", "azure-native:insights:PrivateLinkScopedResource",
            // A workspace's linked storage account is a setting of the workspace; the account it names is billed as
            // storage (learn.microsoft.com/azure/azure-monitor/logs/private-storage).
            "azure-native:operationalinsights:LinkedStorageAccount");
    static final String STACK_USAGE = "(stack usage)";

    private CostReport() {
    }

    private static JsonObject prices() {
        try (var in = CostReport.class.getResourceAsStream(PRICES)) {
            if (in == null) {
                throw new IllegalStateException(PRICES + " is not on the classpath");
            }
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Meters the stacks use that could not be priced from a reliable source: meter id to the reason the data gives
     * ({@code prices.json}, section {@code unpriced}). The report quotes the reason instead of a bare "no meter".
     *
     * @return meter id to the reason it is not priced, in the data's order
     */
    public static Map<String, String> unpricedReasons() {
        var reasons = new LinkedHashMap<String, String>();
        var json = prices();
        if (json.has("unpriced")) {
            json.getAsJsonObject("unpriced").entrySet().stream().filter(e -> e.getValue().isJsonObject())
                    .forEach(e -> reasons.put(e.getKey(), e.getValue().getAsJsonObject().get("why").getAsString()));
        }
        return reasons;
    }

    /**
     * The shipped price list.
     *
     * @return meter name to its price and unit
     */
    public static Map<String, Meter> meters() {
        var meters = new LinkedHashMap<String, Meter>();
        for (var e : prices().getAsJsonObject("meters").entrySet()) {
            var m = e.getValue().getAsJsonObject();
            meters.put(e.getKey(), new Meter(e.getKey(), m.get("service").getAsString() + " " + m.get("meter").getAsString(),
                    m.get("unit").getAsString(), firstTier(m.get("value")), m.get("region").getAsString(),
                    m.get("source").getAsString(), m.get("asOf").getAsString()));
        }
        return meters;
    }

    /** Tiered meters start with the tier a single stack stays in (the first). */
    private static BigDecimal firstTier(JsonElement value) {
        if (value.isJsonObject()) {
            return value.getAsJsonObject().entrySet().iterator().next().getValue().getAsBigDecimal();
        }
        return value.getAsBigDecimal();
    }

    /**
     * The estimate of a plan with its own assumptions and the shipped prices.
     *
     * @param plan the plan
     * @return the estimate
     */
    public static Estimate estimate(PlanModel plan) {
        return estimate(plan, CostAssumptions.of(plan), meters());
    }

    static Estimate estimate(PlanModel plan, CostAssumptions a, Map<String, Meter> meters) {
        return estimate(plan, a, meters, unpricedReasons());
    }

    static Estimate estimate(PlanModel plan, CostAssumptions a, Map<String, Meter> meters, Map<String, String> reasons) {
        var lines = new ArrayList<Line>();
        var unpriced = new ArrayList<Unpriced>();
        int free = 0;
        var hours = BigDecimal.valueOf(a.get("hoursPerMonth"));
        var hoursNote = a.get("hoursPerMonth") + " h";
        // Meters priced per month (DNS resolver endpoints) scale with the hours the stack runs: 730 h = 1 month.
        var months = hours.divide(BigDecimal.valueOf(CostAssumptions.FULL_MONTH_HOURS), 4, RoundingMode.HALF_UP).stripTrailingZeros();
        var monthsNote = hoursNote + " = " + months.toPlainString() + " month";
        for (var r : plan.resources()) {
            if (!r.custom() || r.type().startsWith("pulumi:providers:")) {
                continue;
            }
            if (FREE.contains(r.type()) || r.type().startsWith("databricks:")) {
                // Databricks account/workspace objects carry no Azure charge of their own (DBUs are usage).
                free++;
                continue;
            }
            switch (r.type()) {
                case "azure-native:network:AzureFirewall" -> {
                    var tier = r.text("sku.tier").orElse("Standard");
                    var key = "firewall" + capital(tier);
                    add(lines, unpriced, r, meters.get(key + "Deployment"), hours, hoursNote, "tier " + tier);
                    add(lines, unpriced, r, meters.get(key + "DataProcessed"), BigDecimal.valueOf(a.get("firewallDataGb")),
                            a.get("firewallDataGb") + " GB (firewallDataGb)", "tier " + tier);
                }
                case "azure-native:network:NatGateway" -> {
                    add(lines, unpriced, r, meters.get("natGatewayHour"), hours, hoursNote, "");
                    add(lines, unpriced, r, meters.get("natGatewayDataProcessed"), BigDecimal.valueOf(a.get("natGatewayDataGb")),
                            a.get("natGatewayDataGb") + " GB (natGatewayDataGb)", "");
                }
                case "azure-native:network:PublicIPAddress" -> add(lines, unpriced, r,
                        r.is("sku.name", "Standard") && !r.is("sku.tier", "Global") ? meters.get("publicIpStandardStaticRegional") : null,
                        hours, hoursNote, "SKU " + r.text("sku.name").orElse("?"));
                case "azure-native:network:PublicIPPrefix" -> {
                    // Priced as its source prices it: one meter-hour per prefix whatever its length (prices.json note).
                    var sku = r.text("sku.name").orElse("Standard");
                    add(lines, unpriced, r, sku.equals("Standard") ? meters.get("publicIpPrefix") : null, hours,
                            hoursNote + " x 1 prefix (/" + r.input("prefixLength").map(JsonElement::getAsString).orElse("?") + ")",
                            "SKU " + sku);
                }
                case "azure-native:network:InboundEndpoint" -> add(lines, unpriced, r, meters.get("dnsResolverInboundEndpoint"),
                        months, monthsNote, "");
                case "azure-native:network:OutboundEndpoint" -> add(lines, unpriced, r, meters.get("dnsResolverOutboundEndpoint"),
                        months, monthsNote, "");
                case "azure-native:network:PrivateEndpoint" -> add(lines, unpriced, r, meters.get("privateEndpointHour"), hours,
                        hoursNote, "");
                case "azure-native:network:PrivateZone" -> add(lines, unpriced, r, meters.get("privateDnsZone"), BigDecimal.ONE,
                        "1 zone", "");
                case "azure-native:network:BastionHost" -> {
                    var sku = r.text("sku.name").orElse("Basic");
                    add(lines, unpriced, r, meters.get("bastion" + capital(sku)), hours, hoursNote, "SKU " + sku);
                    int units = r.input("scaleUnits").map(JsonElement::getAsInt).orElse(2);
                    if (sku.equalsIgnoreCase("Standard") && units > 2) {
                        unpriced.add(new Unpriced(r.name(), r.type(), (units - 2) + " scale unit(s) above the 2 included: "
                                + reasons.getOrDefault("bastionStandardAdditionalScaleUnit", "no sourced meter")));
                    }
                }
                case "azure-native:network:VirtualNetworkGateway" -> {
                    var sku = r.text("sku.name").orElse("?");
                    var reason = reasons.get("vpnGateway" + sku);
                    if (!meters.containsKey("vpnGateway" + sku) && reason != null) {
                        unpriced.add(new Unpriced(r.name(), r.type(), "SKU " + sku + ": " + reason));
                    } else {
                        add(lines, unpriced, r, meters.get("vpnGateway" + sku), hours, hoursNote, "SKU " + sku);
                    }
                }
                case "azure-native:operationalinsights:Workspace" -> add(lines, unpriced, r,
                        r.is("sku.name", "PerGB2018") ? meters.get("logAnalyticsIngestionPerGB2018") : null,
                        BigDecimal.valueOf(a.get("logIngestionGb")), a.get("logIngestionGb") + " GB (logIngestionGb)",
                        "SKU " + r.text("sku.name").orElse("?"));
                case "azure-native:keyvault:Vault" -> add(lines, unpriced, r, meters.get("keyVaultOperations"),
                        BigDecimal.valueOf(a.get("keyVaultOperations10k")), a.get("keyVaultOperations10k")
                                + " x 10K operations (keyVaultOperations10k)", "");
                case "azure-native:keyvault:Key" -> {
                    var kty = r.text("properties.kty").orElse("RSA");
                    int size = r.input("properties.keySize").map(JsonElement::getAsInt).orElse(2048);
                    if (!kty.toUpperCase(Locale.ROOT).endsWith("-HSM")) {
                        free++; // software keys: billed per operation, counted on the vault's line
                    } else {
                        var meter = kty.equalsIgnoreCase("RSA-HSM") && size == 2048 ? "keyVaultPremiumHsmKeyRsa2048"
                                : "keyVaultPremiumHsmAdvancedKey";
                        add(lines, unpriced, r, meters.get(meter), BigDecimal.ONE, "1 key (" + kty + " " + size + ")", "");
                    }
                }
                case "azure-native:databricks:Workspace" -> unpriced.add(new Unpriced(r.name(), r.type(),
                        "billed by DBU and the compute of its clusters (usage, not the workspace): not estimated here"));
                // The reference prices (azure-facts.json, section prices) carry no Container Registry or AI services
                // meter; the reasons say what the bill depends on instead of inventing a figure.
                case "azure-native:containerregistry:Registry" -> unpriced.add(new Unpriced(r.name(), r.type(),
                        "SKU " + r.text("sku.name").orElse("?") + ": billed per registry-day plus storage beyond the "
                                + "included amount; the reference prices have no Container Registry meter"));
                case "azure-native:cognitiveservices:Account" -> unpriced.add(new Unpriced(r.name(), r.type(),
                        "billed by use (tokens, transactions) of its deployments and services, not by the account; "
                                + "the reference prices have no AI services meter"));
                case "azure-native:cognitiveservices:Deployment" -> unpriced.add(new Unpriced(r.name(), r.type(),
                        "SKU " + r.text("sku.name").orElse("?") + ": billed per token (standard and batch types) or per "
                                + "provisioned unit-hour; the reference prices have no model meter"));
                // Neither Service Bus nor App Service has a meter in the reference prices (azure-facts.json).
                case "azure-native:servicebus:Namespace" -> unpriced.add(new Unpriced(r.name(), r.type(),
                        "SKU " + r.text("sku.name").orElse("?") + ", " + r.text("sku.capacity").orElse("1")
                                + " messaging unit(s): billed per messaging unit-hour; the reference prices have no "
                                + "Service Bus meter"));
                case "azure-native:web:AppServicePlan" -> unpriced.add(new Unpriced(r.name(), r.type(),
                        "SKU " + r.text("sku.name").orElse("?") + ": billed per instance-hour; the reference prices "
                                + "have no App Service meter"));
                case "azure-native:insights:Component" -> unpriced.add(new Unpriced(r.name(), r.type(),
                        "workspace-based: its telemetry is billed as Log Analytics ingestion into the platform "
                                + "workspace (logAnalyticsGbPerDay), not by the component"));
                case "azure-native:containerservice:ManagedCluster" -> {
                    // A private cluster's API server is reached through a private endpoint AKS creates in the node
                    // resource group (learn.microsoft.com/azure/aks/private-clusters): not in the plan, billed to the
                    // stack all the same, so priced here at the private endpoint meter.
                    if (r.input("apiServerAccessProfile.enablePrivateCluster").map(JsonElement::getAsBoolean).orElse(false)) {
                        add(lines, unpriced, r, meters.get("privateEndpointHour"), hours, hoursNote
                                + " (the API server's private endpoint, created by AKS)", "");
                    }
                    // The control plane of the Free tier costs nothing; the nodes are the cluster's bill, and the
                    // reference prices carry no virtual machine or managed disk meter.
                    var pools = new ArrayList<String>();
                    r.input("agentPoolProfiles").filter(JsonElement::isJsonArray).ifPresent(list -> list.getAsJsonArray()
                            .forEach(p -> pools.add(p.getAsJsonObject().get("count") + " x "
                                    + p.getAsJsonObject().get("vmSize").getAsString())));
                    unpriced.add(new Unpriced(r.name(), r.type(), "control plane tier " + r.text("sku.tier").orElse("?")
                            + " (Free: no charge); its nodes (" + String.join(", ", pools) + ", with their OS disks) are "
                            + "billed as virtual machines, and the reference prices have no VM meter"));
                }
                // Log search alert rules are billed per rule per month by evaluation frequency; the reference prices
                // carry no Azure Monitor alert meter, so the rules are listed rather than priced with a guess.
                case "azure-native:insights:ScheduledQueryRule" -> unpriced.add(new Unpriced(r.name(), r.type(),
                        "log search alert rule, evaluated every " + r.text("evaluationFrequency").orElse("?")
                                + ": billed per rule and month by its frequency; the reference prices have no Azure "
                                + "Monitor alert meter"));
                case com.ztplatform.components.monitoring.FlowLogV20230501.TYPE -> unpriced.add(new Unpriced(r.name(),
                        r.type(), reasons.getOrDefault("vnetFlowLogs", "no sourced meter in prices.json")));
                default -> unpriced.add(new Unpriced(r.name(), r.type(), "no sourced meter in prices.json"));
            }
        }
        // Traffic billed per GB wherever it flows: once per stack, from the assumptions.
        if (!plan.ofType("azure-native:network:VirtualNetworkPeering").isEmpty()) {
            var meter = meters.get("vnetPeeringIntraRegion");
            var gb = BigDecimal.valueOf(a.get("peeringDataGb"));
            lines.add(line(STACK_USAGE, "peering traffic", meter, gb.multiply(BigDecimal.valueOf(2)),
                    a.get("peeringDataGb") + " GB x 2 directions (peeringDataGb)"));
        }
        if (!plan.ofType("azure-native:network:PrivateEndpoint").isEmpty()) {
            lines.add(line(STACK_USAGE, "private endpoint traffic", meters.get("privateEndpointDataInbound"),
                    BigDecimal.valueOf(a.get("privateEndpointDataGb")), a.get("privateEndpointDataGb") + " GB (privateEndpointDataGb)"));
        }
        if (!plan.ofType("azure-native:network:PrivateZone").isEmpty()) {
            lines.add(line(STACK_USAGE, "private DNS queries", meters.get("privateDnsQueries"),
                    BigDecimal.valueOf(a.get("dnsQueriesMillions")), a.get("dnsQueriesMillions") + " M queries (dnsQueriesMillions)"));
        }
        return new Estimate(plan.stack(), lines, unpriced, free, a);
    }

    private static void add(List<Line> lines, List<Unpriced> unpriced, Resource r, Meter meter, BigDecimal quantity,
                            String quantityNote, String what) {
        if (meter == null) {
            unpriced.add(new Unpriced(r.name(), r.type(), "no sourced meter" + (what.isEmpty() ? "" : " for " + what)));
            return;
        }
        lines.add(line(r.name(), r.type(), meter, quantity, quantityNote));
    }

    private static Line line(String resource, String type, Meter meter, BigDecimal quantity, String note) {
        return new Line(resource, type, meter, quantity, note, meter.price().multiply(quantity));
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
    }

    static String usd(BigDecimal value) {
        return "$" + String.format(Locale.ROOT, "%,.2f", value.setScale(2, RoundingMode.HALF_UP));
    }

    /**
     * cost.md of a plan.
     *
     * @param plan the plan
     * @return the Markdown; the same plan gives the same bytes
     */
    public static String render(PlanModel plan) {
        return render(estimate(plan));
    }

    static String render(Estimate e) {
        var md = new StringBuilder();
        md.append("# Monthly cost estimate: `").append(e.stack()).append("`\n\n");
        md.append("**").append(usd(e.total())).append(" per month** at list prices (USD, pay-as-you-go), for the priced ")
                .append("resources below and the usage assumptions. Not included: ").append(e.unpriced().size())
                .append(" resource(s) without a sourced meter (listed), Databricks DBUs and cluster VMs, data egress to the ")
                .append("internet, taxes and discounts. ").append(e.freeResources())
                .append(" resources have no charge of their own.\n\n");
        md.append("## Per resource\n\n| resource | meter | quantity | unit price | monthly |\n|---|---|---|---|---:|\n");
        for (var l : e.lines()) {
            md.append("| `").append(l.resource()).append("` | ").append(l.meter().name()).append(" | ").append(l.quantityNote())
                    .append(" | ").append(usd4(l.meter().price())).append(" / ").append(l.meter().unit()).append(" | ")
                    .append(usd(l.monthly())).append(" |\n");
        }
        md.append("| **total** | | | | **").append(usd(e.total())).append("** |\n\n");
        if (!e.unpriced().isEmpty()) {
            md.append("## Not priced\n\n| resource | type | why |\n|---|---|---|\n");
            e.unpriced().forEach(u -> md.append("| `").append(u.resource()).append("` | `").append(u.type()).append("` | ")
                    .append(u.why()).append(" |\n"));
            md.append('\n');
        }
        md.append("## Usage assumptions\n\nOverride any of them in the stack config under `")
                .append(CostAssumptions.CONFIG_KEY).append("` (like `costAssumptions: {firewallDataGb: 5000}`).\n\n")
                .append("| key | value | meaning |\n|---|---:|---|\n");
        for (var a : CostAssumptions.DEFAULTS) {
            md.append("| `").append(a.key()).append("` | ").append(e.assumptions().get(a.key()))
                    .append(e.assumptions().overridden(a.key()) ? " (stack config)" : "").append(" | ").append(a.meaning())
                    .append(" |\n");
        }
        md.append("\n## Meters\n\nTiered meters use their first tier. Prices are of the region each source priced, which may ")
                .append("differ from the stack's region.\n\n| meter | price | region | as of | source |\n|---|---|---|---|---|\n");
        var used = new LinkedHashMap<String, Meter>();
        e.lines().forEach(l -> used.putIfAbsent(l.meter().id(), l.meter()));
        used.values().forEach(m -> md.append("| ").append(m.name()).append(" | ").append(usd4(m.price())).append(" / ")
                .append(m.unit()).append(" | ").append(m.region()).append(" | ").append(m.asOf()).append(" | ")
                .append(link(m.source())).append(" |\n"));
        return md.toString();
    }

    private static String link(String source) {
        return source.startsWith("https://") ? "[source](" + source + ")" : source.replace("|", "\\|");
    }

    static String usd4(BigDecimal value) {
        return "$" + value.stripTrailingZeros().toPlainString();
    }

    /**
     * Reads an estimate's per-resource totals back from plan JSON: used by the PR comment's delta.
     *
     * @param planJson a plan.json of schema 1
     * @return the estimate
     */
    public static Estimate estimate(JsonObject planJson) {
        return estimate(PlanModel.parse(planJson));
    }

    static Optional<Meter> meter(String id) {
        return Optional.ofNullable(meters().get(id));
    }
}
