package com.ztplatform.stack.config;

import com.ztplatform.components.common.AzureRegions;
import com.ztplatform.components.aks.AksSettings;
import com.ztplatform.components.aks.PrivateAksClusterArgs;
import com.ztplatform.components.common.Tags;
import com.ztplatform.components.naming.AzureNames;
import com.ztplatform.components.addressing.Cidr;
import com.ztplatform.components.naming.Guids;
import com.ztplatform.components.addressing.LayoutException;
import com.ztplatform.components.databricks.DatabricksSpokeArgs;
import com.ztplatform.components.databricks.SpokeLayout;
import com.ztplatform.components.firewall.ControlPlaneMode;
import com.ztplatform.components.firewall.EgressCatalogue;
import com.ztplatform.components.firewall.EgressMode;
import com.ztplatform.components.firewall.EgressPathArgs;
import com.ztplatform.components.firewall.FirewallSettings;
import com.ztplatform.components.firewall.FirewallSku;
import com.ztplatform.components.firewall.PackageRepository;
import com.ztplatform.components.keyvault.KeyPurpose;
import com.ztplatform.components.keyvault.KeyRotation;
import com.ztplatform.components.keyvault.KeyVaultScopeArgs;
import com.ztplatform.components.deltasharing.DeltaSharingSettings;
import com.ztplatform.components.lake.StorageIpRules;
import com.ztplatform.components.lake.LakeSettings;
import com.ztplatform.components.landing.LandingMode;
import com.ztplatform.components.landing.LandingSettings;
import com.ztplatform.components.landing.LandingSource;
import com.ztplatform.components.monitoring.LogAnalyticsArgs;
import com.ztplatform.components.serverless.HardeningSettings;
import com.ztplatform.components.serverless.RouterForward;
import com.ztplatform.components.serverless.ServerlessRouterArgs;
import com.ztplatform.components.serverless.ServerlessSettings;
import com.ztplatform.components.unitycatalog.UnityCatalogSettings;
import com.ztplatform.components.network.BastionOptions;
import com.ztplatform.components.network.BastionSku;
import com.ztplatform.components.network.DnsResolverOptions;
import com.ztplatform.components.network.HubLayout;
import com.ztplatform.components.network.PrivateDnsZones;
import com.ztplatform.components.network.VpnOptions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the stack configuration once into {@link StackConfig} and validates it as a whole: every problem is
 * collected, each naming its config key as the user writes it, quoting the value found and showing a valid
 * example, before any resource is registered. The keys, their defaults and allowed values come from
 * {@link ConfigSchema}; the rules of each component's settings live in that component's settings record.
 *
 * <p>One mistake gives one message: a key already reported is not reported again by a component's rules, and a
 * rule that would have to work from a default standing in for an invalid value is not evaluated.
 */
public final class StackConfigLoader {
    /** The provider namespace that holds the region ({@code azure-native:location}). */
    public static final String PROVIDER = "azure-native";
    /** A Unity Catalog catalog name as this platform writes them (UnityCatalogSettings' rule). */
    private static final Pattern CATALOG_NAME = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");
    private static final Pattern SPOKE_NAME = Pattern.compile("^[a-z][a-z0-9]{1,11}$");

    private final String project;
    private final ConfigSource source;
    private final List<String> problems = new ArrayList<>();
    /** firewall.legacyHiveMetastore as written (false when absent or not a bool). */
    private boolean legacyHiveMetastore;
    /** serverlessRouter.onPremisesPrefixes, read for validation only. */
    private List<String> routerOnPremisesPrefixes = List.of();
    private final List<String> warnings = new ArrayList<>();
    /** Every spoke's valid address space by its key as written, like zt-databricks:spokes[1].addressSpace. */
    private final Map<String, Cidr> spokeSpaces = new LinkedHashMap<>();
    /** hub.addressSpace when valid. */
    private Cidr hubSpace;
    /** hub.firewallManagementSubnet when valid (the firewall's rules depend on it). */
    private Boolean hubManagementSubnet;
    /** hub.privateDnsZones when valid in itself. */
    private List<String> hubZones;

    private StackConfigLoader(String project, ConfigSource source) {
        this.project = project;
        this.source = source;
    }

    /**
     * Loads and validates; throws {@link ConfigException} listing every problem.
     *
     * @param project the project name, the namespace of the keys
     * @param source  where the values come from
     * @return the validated configuration
     */
    public static StackConfig load(String project, ConfigSource source) {
        var loader = new StackConfigLoader(project, source);
        var config = loader.read();
        if (!loader.problems.isEmpty()) {
            throw new ConfigException(loader.problems);
        }
        return config;
    }

    private String key(String name) {
        return project + ":" + name;
    }

    private Optional<ConfigNode> node(String name) {
        return source.get(project, name).map(raw -> ConfigNode.root(key(name), name, raw, problems));
    }

    /** Adds a component's problems, except those about a key that already has a message. */
    private void report(List<String> componentProblems) {
        for (var problem : componentProblems) {
            if (!problems.contains(problem) && problems.stream().noneMatch(p -> sameKey(p, problem))) {
                problems.add(problem);
            }
        }
    }

    /** Whether two messages start with the same config key (the text up to the first space or colon-space). */
    private static boolean sameKey(String a, String b) {
        return keyOf(a).equals(keyOf(b));
    }

    private static String keyOf(String message) {
        var end = message.length();
        for (var stop : List.of(" ", ": ")) {
            var i = message.indexOf(stop);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return message.substring(0, end);
    }

    private Optional<String> plain(String name, String example) {
        var node = node(name);
        if (node.isEmpty()) {
            problems.add(key(name) + " is required, like " + example);
            return Optional.empty();
        }
        var value = node.get().scalar();
        if (node.get().isObject() || node.get().isArray()) {
            problems.add(key(name) + " must be a plain value, like " + example + ", got " + node.get().rendered());
            return Optional.empty();
        }
        return value;
    }

    private boolean flag(String name, boolean defaultValue) {
        var raw = source.get(project, name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        if (!ConfigNode.YAML_BOOLEANS.contains(raw.get())) {
            var hint = List.of("yes", "no", "on", "off", "y", "n").contains(raw.get().toLowerCase())
                    ? " (Pulumi reads stack files as YAML 1.2, where '" + raw.get() + "' is a string)" : "";
            problems.add(key(name) + " must be true or false, got '" + raw.get() + "'" + hint);
            return defaultValue;
        }
        return Boolean.parseBoolean(raw.get());
    }

    private StackConfig read() {
        checkTopLevelKeys();
        var location = source.get(PROVIDER, "location").orElse(null);
        var locationProblem = AzureRegions.problem(ConfigSchema.LOCATION, location);
        if (location == null) {
            // A misspelt provider key (azure-native:locaton) leaves the region unset: point at it.
            var typo = source.keys(PROVIDER).stream().filter(k -> ConfigSchema.suggestion(k, Set.of("location")).isPresent())
                    .findFirst();
            locationProblem = locationProblem.map(p -> typo.map(t -> p + "; the stack file has " + PROVIDER + ":" + t
                    + " (did you mean " + ConfigSchema.LOCATION + "?)").orElse(p));
        }
        locationProblem.ifPresent(problems::add);

        var environment = plain("environment", "dev").orElse("");
        plainProblem("environment", environment, AzureNames.environmentProblem(environment));
        var prefix = plain("namePrefix", "ztp").orElse("");
        plainProblem("namePrefix", prefix, AzureNames.prefixProblem(prefix));

        var tags = readTags(environment);
        var protect = flag("protect", false);
        var lock = flag("lock", false);
        var bootstrap = flag("bootstrap", false);
        var logs = readLogs();
        var hub = readHub();
        var firewall = readFirewall(location, hub);
        var declaredSpokes = new ArrayList<String>();
        var spokesValid = new boolean[] {true};
        var spokes = readSpokes(declaredSpokes, spokesValid);
        var webAuth = readWebAuth();
        var keyVault = readKeyVault();
        var databricksAuth = readDatabricksAuth();
        var serverless = readServerless();
        var hardening = readHardening();
        var router = readRouter(serverless.isPresent() || source.get(project, "serverless").isPresent());
        var landing = readLanding(declaredSpokes, spokesValid[0]);
        var dataLake = readDataLake();
        var unityCatalog = readUnityCatalog(declaredSpokes, spokesValid[0], serverless);
        checkLandingCatalogs(environment, landing, unityCatalog);
        var deltaSharing = readDeltaSharing(environment, location, unityCatalog, dataLake.isPresent());
        var ai = readAi(environment);
        var integration = readIntegration(environment);
        var aks = readAks(environment, ai);
        var alerts = readAlerts();
        var azurePolicy = readAzurePolicy(environment);
        var deploymentIdentity = readDeploymentIdentity(environment);
        readCostAssumptions();
        checkOverlaps(hub, spokes, webAuth, router, ai, integration, aks);
        checkPrivateDnsZones(!declaredSpokes.isEmpty() || source.get(project, "webAuth").isPresent(), landing,
                dataLake.isPresent(), ai, integration.isPresent(), logs.privateLinkScope(),
                logs.existingWorkspaceId().isEmpty());
        if (integration.isPresent() && !logs.privateLinkScope()) {
            warnings.add(key("integration") + ": the function app's Application Insights takes telemetry only through an "
                    + "Azure Monitor Private Link Scope, and the firewall admits no public ingestion host: set "
                    + key("logs.privateLinkScope") + " true, or the functions' telemetry is lost");
        }
        aks.filter(a -> hubZones != null && !hubZones.equals(PrivateDnsZones.DEFAULTS) && location != null
                && !hubZones.contains(PrivateAksClusterArgs.privateDnsZone(location))).ifPresent(a -> problems.add(
                key("hub.privateDnsZones") + " must include '" + PrivateAksClusterArgs.privateDnsZone(location)
                        + "' (the private AKS cluster's API server registers in it), got [" + String.join(", ", hubZones)
                        + "]"));
        // Cross-key rules, defined once in the components' settings classes.
        router.ifPresent(r -> report(RouterForward.reachabilityProblems(key("serverlessRouter"), r.forwards(),
                hubReachableNetworks(hub, spokes, webAuth), routerOnPremisesPrefixes)));
        // Read beside other firewall mistakes (the value does not depend on them).
        if (hardening != null) {
            report(FirewallSettings.legacyMetastoreProblems(key("firewall"), legacyHiveMetastore,
                    key("workspaceHardening"), hardening.disableLegacyAccess()));
        }
        var globalNameSuffix = readGlobalNameSuffix(prefix, environment, keyVault);
        return new StackConfig(project, location, environment, prefix, globalNameSuffix, tags, protect, lock, bootstrap, logs, hub, firewall,
                spokes, webAuth, keyVault, databricksAuth, serverless, hardening, router, landing, dataLake,
                unityCatalog, deltaSharing, ai, integration, aks, alerts, azurePolicy, deploymentIdentity, warnings);
    }

    /**
     * The configured {@code globalNameSuffix}, or one derived from configuration only (see {@link ConfigSchema}): the
     * values that tell two organisations apart (subscription, tenant, the tenant's AzureDatabricks object id) when the
     * stack file has them, beside project, prefix and environment. Each value is labelled, so that moving a value
     * from one key to another changes the suffix.
     */
    private String readGlobalNameSuffix(String prefix, String environment, StackConfig.KeyVault keyVault) {
        var configured = source.get(project, "globalNameSuffix");
        if (configured.isPresent()) {
            AzureNames.globalSuffixProblem(configured.get()).ifPresent(p -> problems.add(key("globalNameSuffix")
                    + p.substring("globalNameSuffix".length())));
            return configured.get();
        }
        var values = new ArrayList<String>(List.of("project=" + project, "namePrefix=" + prefix,
                "environment=" + environment));
        source.get(PROVIDER, "subscriptionId").ifPresent(v -> values.add("subscriptionId=" + v.trim().toLowerCase()));
        source.get(PROVIDER, "tenantId").ifPresent(v -> values.add("tenantId=" + v.trim().toLowerCase()));
        if (keyVault != null) {
            keyVault.azureDatabricksObjectId().ifPresent(v -> values.add("azureDatabricksObjectId="
                    + v.trim().toLowerCase()));
        }
        // A newline inside a value would make two different lists hash alike; such a value is invalid anyway.
        values.replaceAll(v -> v.replace('\n', ' '));
        return AzureNames.deriveGlobalSuffix(values);
    }

    /**
     * Every key under the project's namespace must be one the schema defines: a misspelt top-level key would
     * otherwise leave its section at the default. Keys that must be secret and are stored in clear are refused
     * with the command that fixes it; their value is never printed.
     */
    private void checkTopLevelKeys() {
        var known = ConfigSchema.topLevel();
        for (var name : ConfigSchema.unknownTopLevel(source.keys(project))) {
            var hint = ConfigSchema.suggestion(name, known).map(s -> "; did you mean '" + key(s) + "'?").orElse(".");
            problems.add(key(name) + " is not a known key" + hint + " Valid keys: " + String.join(", ", known)
                    + " (and " + ConfigSchema.LOCATION + ")");
        }
        for (var name : known) {
            if (ConfigSchema.isSecret(name) && source.get(project, name).isPresent() && !source.isSecret(project, name)) {
                problems.add(key(name) + " must be a secret, but the stack file holds it in clear (value not shown). "
                        + "Encrypt it: pulumi config set --secret " + key(name) + " <value> — and rotate it, since it "
                        + "has been stored in clear");
            }
        }
    }

    private void plainProblem(String name, String value, Optional<String> problem) {
        if (!value.isEmpty()) {
            problem.ifPresent(p -> problems.add(key(name) + (p.startsWith(name + " ") ? p.substring(name.length())
                    : ": " + p)));
        }
    }

    private StackConfig.MandatoryTags readTags(String environment) {
        var example = "{environment: dev, owner: platform-team@contoso.com, costCenter: CC-1234, "
                + "dataClassification: confidential}";
        var node = node("tags");
        if (node.isEmpty()) {
            problems.add(key("tags") + " is required, with " + String.join(", ", StackConfig.MandatoryTags.MANDATORY)
                    + ", like " + example);
            return new StackConfig.MandatoryTags("", "", "", "", Map.of());
        }
        var tags = node.get();
        if (!tags.expectObject(example)) {
            return new StackConfig.MandatoryTags("", "", "", "", Map.of());
        }
        var all = tags.stringMap("'platform-team'");
        var values = new LinkedHashMap<>(all);
        var examples = Map.of("environment", environment.isEmpty() ? "dev" : environment,
                "owner", "platform-team@contoso.com", "costCenter", "CC-1234", "dataClassification", "confidential");
        for (var mandatory : StackConfig.MandatoryTags.MANDATORY) {
            var value = values.remove(mandatory);
            if (value == null && tags.keys().contains(mandatory)) {
                continue; // a non-string value, already reported
            }
            if (value == null || value.isBlank()) {
                problems.add(tags.at(mandatory) + " is a mandatory tag, like '" + examples.get(mandatory) + "'"
                        + (value == null ? "" : ", got '" + value + "'"));
            }
        }
        var env = all.getOrDefault("environment", "");
        if (!env.isBlank() && !environment.isEmpty() && !env.equals(environment)) {
            problems.add(tags.at("environment") + " is '" + env + "' but " + key("environment") + " is '" + environment
                    + "'; they must match, like '" + environment + "'");
        }
        var classification = all.getOrDefault("dataClassification", "");
        if (!classification.isBlank()) {
            tags.checkEnum(tags.at("dataClassification"), classification, StackConfig.MandatoryTags.CLASSIFICATIONS,
                    "confidential");
        }
        // Platform-managed tags: the platform sets them, and a stack file cannot change them without notice.
        var byLowerCase = new java.util.TreeMap<String, String>();
        // Azure tag names are case-insensitive (ARM Tags API: "A tag name ... is case-insensitive"), so Owner beside
        // owner would overwrite one another. Mandatory names first, so the twin of one is the one reported.
        var ordered = new ArrayList<>(tags.keys());
        ordered.sort(java.util.Comparator.comparing((String t) -> !StackConfig.MandatoryTags.MANDATORY.contains(t)));
        for (var name : ordered) {
            var lower = name.toLowerCase(java.util.Locale.ROOT);
            var platform = StackConfig.MandatoryTags.PLATFORM.keySet().stream().filter(p -> p.equalsIgnoreCase(name))
                    .findFirst();
            if (platform.isPresent()) {
                var required = StackConfig.MandatoryTags.PLATFORM.get(platform.get());
                if (!name.equals(platform.get()) || !required.equals(all.get(name))) {
                    problems.add(tags.at(name) + " is managed by the platform (" + platform.get() + ": " + required
                            + ") and cannot be overridden, got " + (all.containsKey(name) ? "'" + all.get(name) + "'"
                            : "a non-string value") + "; remove it");
                }
                values.remove(name);
                continue;
            }
            var previous = byLowerCase.putIfAbsent(lower, name);
            if (previous != null) {
                problems.add(tags.at(name) + " and " + tags.at(previous) + " differ only in case; Azure tag names are "
                        + "case-insensitive, so one would overwrite the other. Keep one, like '" + previous + "'");
            }
        }
        var withPlatform = new LinkedHashMap<>(all);
        StackConfig.MandatoryTags.PLATFORM.forEach(withPlatform::putIfAbsent);
        report(Tags.problems(key("tags"), withPlatform));
        return new StackConfig.MandatoryTags(env, all.getOrDefault("owner", ""), all.getOrDefault("costCenter", ""),
                classification, values);
    }

    private StackConfig.Logs readLogs() {
        var node = node("logs");
        if (node.isEmpty() || !node.get().expectObject("{retentionInDays: 90}")) {
            return new StackConfig.Logs(LogAnalyticsArgs.DEFAULT_RETENTION_DAYS, Optional.empty(),
                    com.ztplatform.components.monitoring.FlowLogSettings.defaults(), false);
        }
        var logs = node.get();
        logs.allowOnly();
        var retentionGiven = logs.integer("retentionInDays", "90");
        var retention = retentionGiven.orElse(LogAnalyticsArgs.DEFAULT_RETENTION_DAYS);
        var existing = logs.string("existingWorkspaceId",
                "/subscriptions/<GUID>/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/law-central");
        report(LogAnalyticsArgs.settingsProblems(logs.path() + ".", retention, existing));
        if (existing.isPresent() && retentionGiven.isPresent()) {
            warnings.add(logs.at("retentionInDays") + " " + retentionGiven.get() + " does not apply with "
                    + "existingWorkspaceId: the existing workspace keeps its own retention; remove it");
        }
        var flowLogs = logs.object("flowLogs", "{retentionDays: 90, trafficAnalyticsIntervalMinutes: 10}")
                .map(this::readFlowLogs).orElse(com.ztplatform.components.monitoring.FlowLogSettings.defaults());
        return new StackConfig.Logs(retention, existing, flowLogs, logs.bool("privateLinkScope", false));
    }

    private com.ztplatform.components.monitoring.FlowLogSettings readFlowLogs(ConfigNode node) {
        node.allowOnly();
        var defaults = com.ztplatform.components.monitoring.FlowLogSettings.defaults();
        var settings = new com.ztplatform.components.monitoring.FlowLogSettings(
                node.integer("retentionDays", "90").orElse(defaults.retentionDays()),
                node.integer("trafficAnalyticsIntervalMinutes", "10").orElse(defaults.trafficAnalyticsIntervalMinutes()),
                node.string("networkWatcherResourceGroup", "NetworkWatcherRG")
                        .orElse(defaults.networkWatcherResourceGroup()),
                node.string("networkWatcherName", "NetworkWatcher_westeurope"));
        report(settings.problems(node.path() + "."));
        return settings;
    }

    /** Only validated here: the cost report reads the values from the plan, which records the stack config. */
    private void readCostAssumptions() {
        var key = com.ztplatform.stack.reports.CostAssumptions.CONFIG_KEY;
        var node = node(key);
        if (node.isEmpty() || !node.get().expectObject("{firewallDataGb: 5000}")) {
            return;
        }
        var n = node.get();
        n.allowOnly();
        var configured = new LinkedHashMap<String, Integer>();
        for (var a : com.ztplatform.stack.reports.CostAssumptions.DEFAULTS) {
            n.integer(a.key(), String.valueOf(a.defaultValue())).ifPresent(v -> configured.put(a.key(), v));
        }
        report(com.ztplatform.stack.reports.CostAssumptions.problems(n.path() + ".", configured));
    }

    private StackConfig.Firewall readFirewall(String location, StackConfig.Hub hub) {
        var defaults = FirewallSettings.defaults();
        var firewall = node("firewall").filter(n -> n.expectObject("{sku: Standard}"));
        firewall.ifPresent(ConfigNode::allowOnly);
        var f = firewall.orElse(null);
        var mark = problems.size();
        var skuName = f == null ? Optional.<String>empty() : f.enumValue("sku");
        var sku = skuName.flatMap(FirewallSku::parse).orElse(defaults.sku());
        var zones = new ArrayList<String>();
        if (f != null) {
            for (var zone : f.array("zones", "[\"1\", \"2\", \"3\"]").orElse(List.of())) {
                var value = zone.scalar();
                if (value.isPresent()) {
                    zones.add(value.get());
                } else {
                    zone.problem(zone.path() + " must be a zone number, like \"1\", got " + zone.rendered());
                }
            }
        }
        var threatIntel = f == null ? Optional.<String>empty() : f.enumValue("threatIntelMode");
        var dnsProxy = f == null ? defaults.dnsProxy() : f.bool("dnsProxy", defaults.dnsProxy());
        var idps = f == null ? Optional.<String>empty() : f.enumValue("idpsMode");
        var modeName = f == null ? Optional.<String>empty() : f.enumValue("controlPlaneMode");
        var mode = modeName.map(ControlPlaneMode::parse).orElse(defaults.controlPlaneMode());
        var metastore = f != null && f.bool("legacyHiveMetastore", false);
        legacyHiveMetastore = metastore;
        var viaPrivateLink = f == null || f.bool("controlPlaneViaPrivateLink", true);
        var overrides = new java.util.TreeMap<String, List<String>>();
        if (f != null) {
            f.object("regionOverrides", "{systemTablesStorageFqdns: [...]}").ifPresent(o -> {
                for (var field : o.keys()) {
                    overrides.put(field, o.strings(field, "[ucstprdnortheu.dfs.core.windows.net]").orElse(List.of()));
                }
            });
        }
        var repositories = new java.util.TreeSet<PackageRepository>();
        if (f != null) {
            var allowed = ConfigSchema.allowed("firewall.packageRepositories");
            var list = f.strings("packageRepositories", "[pypi, maven]").orElse(List.of());
            for (int i = 0; i < list.size(); i++) {
                f.checkEnum(f.at("packageRepositories[" + i + "]"), list.get(i), allowed)
                        .ifPresent(name -> repositories.add(PackageRepository.parse(name)));
            }
        }
        var egressNode = f == null ? Optional.<ConfigNode>empty() : f.object("egress", "{mode: natGateway}");
        var egressMark = problems.size();
        var egressMode = egressNode.flatMap(e -> e.enumValue("mode")).flatMap(EgressMode::parse)
                .orElse(EgressMode.NAT_GATEWAY);
        var prefixLength = egressNode.map(e -> e.integer("publicIpPrefixLength", 0, "31")).orElse(0);
        var nextHop = egressNode.flatMap(e -> e.string("forcedTunnelNextHopIp", "10.200.0.4"));
        var egressValid = problems.size() == egressMark;
        if (egressValid) {
            report(EgressPathArgs.settingsProblems(key("firewall.egress") + ".", egressMode, prefixLength, nextHop));
        }
        var firewallValid = problems.size() == mark;
        var settings = new FirewallSettings(sku, zones, threatIntel.orElse(defaults.threatIntelMode()), dnsProxy, idps,
                mode, metastore, viaPrivateLink, overrides, repositories);
        // The settings' own rules (SKU capabilities, the region's catalogue) run even beside another firewall
        // mistake, except where a default stands in for the invalid value: rules about that value are dropped, so
        // no message states a value the file does not contain. The catalogue depends on the control-plane mode,
        // so an invalid mode holds them all back. An unsupported region is reported once, under its own key.
        var modeInvalid = f != null && f.has("controlPlaneMode") && modeName.isEmpty();
        if (AzureRegions.problem("", location).isEmpty() && hubManagementSubnet != null && !modeInvalid) {
            var standIns = new ArrayList<String>();
            if (f != null && f.has("sku") && skuName.isEmpty()) {
                standIns.add("sku");
            }
            if (f != null && f.has("threatIntelMode") && threatIntel.isEmpty()) {
                standIns.add("threatIntelMode");
            }
            if (f != null && f.has("idpsMode") && idps.isEmpty()) {
                standIns.add("idpsMode");
            }
            if (!egressValid) {
                standIns.add("egress");
            }
            // sku: any rule that mentions the tier; other fields: rules under that field's key.
            report(settings.problems(key("firewall"), location, EgressCatalogue.load(), egressMode, hubManagementSubnet)
                    .stream().filter(p -> standIns.stream().noneMatch(field -> field.equals("sku") ? p.contains("sku")
                            : keyOf(p).contains("." + field))).toList());
        }
        if (!firewallValid) {
            return null;
        }
        return new StackConfig.Firewall(settings, egressMode, prefixLength, nextHop);
    }

    private StackConfig.Hub readHub() {
        var example = "{addressSpace: 10.10.0.0/22}";
        var node = node("hub");
        if (node.isEmpty()) {
            problems.add(key("hub") + " is required, like " + example);
            return null;
        }
        var hub = node.get();
        if (!hub.expectObject(example)) {
            return null;
        }
        hub.allowOnly();
        var mark = problems.size();
        var space = cidr(hub, "addressSpace", "10.10.0.0/22");
        space.ifPresent(s -> hubSpace = s);
        var pePrefix = hub.integer("privateEndpointSubnetPrefix", "26");
        pePrefix.filter(p -> p < 24 || p > 28).ifPresent(p -> problems.add(hub.at("privateEndpointSubnetPrefix")
                + " must be between 24 and 28, like 26, got " + p));
        var mgmtGiven = hub.bool("firewallManagementSubnet");
        var mgmt = mgmtGiven.orElse(true);
        if (mgmtGiven.isPresent() || !hub.has("firewallManagementSubnet")) {
            hubManagementSubnet = mgmt;
        }
        var layoutInputsValid = problems.size() == mark;
        var bastion = hub.object("bastion", "{sku: Basic}").map(this::readBastion);
        var vpn = hub.object("vpn", "{clientAddressPool: 172.16.200.0/24, tenantId: <GUID>}").map(this::readVpn);
        var resolver = hub.object("dnsResolver", "{outboundEndpoint: false}")
                .map(n -> new DnsResolverOptions(n.bool("outboundEndpoint", false)));
        var zonesMark = problems.size();
        var zones = hub.strings("privateDnsZones", "[" + PrivateDnsZones.DATABRICKS + "]")
                .orElse(PrivateDnsZones.DEFAULTS);
        report(PrivateDnsZones.problems(hub.at("privateDnsZones"), zones));
        if (problems.size() == zonesMark) {
            // Checked against what the stack needs even when another hub key is wrong: a separate mistake.
            hubZones = zones;
        }

        var result = space.map(s -> new StackConfig.Hub(s, pePrefix.orElse(HubLayout.DEFAULT_PRIVATE_ENDPOINT_PREFIX),
                mgmt, bastion, vpn, resolver, zones));
        // The layout depends only on the address space, the endpoint subnet size and which slots exist, so it is
        // checked even when a setting inside bastion, vpn or dnsResolver is wrong (a separate mistake).
        if (space.isPresent() && layoutInputsValid) {
            try {
                HubLayout.carve(space.get(), pePrefix.orElse(HubLayout.DEFAULT_PRIVATE_ENDPOINT_PREFIX), mgmt,
                        hub.has("bastion"), hub.has("vpn"), hub.has("dnsResolver"));
            } catch (LayoutException e) {
                e.problems().forEach(p -> problems.add(hub.at("addressSpace") + " '" + space.get() + "': " + p));
            }
        }
        return problems.size() == mark ? result.orElse(null) : null;
    }

    private BastionOptions readBastion(ConfigNode node) {
        var skuName = node.has("sku") ? node.enumValue("sku") : node.requiredString("sku", "Basic");
        var sku = skuName.flatMap(BastionSku::parse);
        var mark = problems.size();
        var options = new BastionOptions(sku.orElse(BastionSku.BASIC), node.bool("copyPaste", false),
                node.bool("fileCopy", false), node.bool("tunneling", false),
                node.integer("scaleUnits", BastionOptions.DEFAULT_SCALE_UNITS, "2"));
        if (sku.isEmpty() || problems.size() != mark) {
            return null;
        }
        report(options.problems(node.path()));
        return options;
    }

    private VpnOptions readVpn(ConfigNode node) {
        var pool = node.requiredString("clientAddressPool", "172.16.200.0/24");
        var tenant = node.requiredString("tenantId", "72f988bf-86f1-41af-91ab-2d7cd011db47");
        var audience = node.string("audience", VpnOptions.MICROSOFT_REGISTERED_AUDIENCE);
        var sku = node.string("sku", VpnOptions.DEFAULT_SKU);
        if (pool.isEmpty() || tenant.isEmpty()) {
            return null;
        }
        var options = new VpnOptions(pool.get(), tenant.get(), audience.orElse(null), sku.orElse(null));
        report(options.problems(node.path()));
        return options;
    }

    private List<StackConfig.Spoke> readSpokes(List<String> declared, boolean[] valid) {
        var example = "[{name: analytics, addressSpace: 10.11.0.0/24}]";
        var node = node("spokes");
        if (node.isEmpty()) {
            return List.of();
        }
        var spokes = new ArrayList<StackConfig.Spoke>();
        var names = new HashSet<String>();
        var entries = node.get().elements(example);
        if (entries.isEmpty()) {
            valid[0] = false;
        }
        for (var spoke : entries.orElse(List.of())) {
            var mark = problems.size();
            if (!spoke.expectEntry("{name: analytics, addressSpace: 10.11.0.0/24}")) {
                valid[0] = false;
                continue;
            }
            var name = spoke.requiredString("name", "analytics");
            name.ifPresent(declared::add);
            name.ifPresent(n -> {
                if (!SPOKE_NAME.matcher(n).matches()) {
                    problems.add(spoke.at("name") + " must be 2-12 lowercase letters or digits starting with a letter, "
                            + "like 'analytics', got '" + n + "'");
                } else if (n.equals(StackConfig.WebAuth.SPOKE_NAME)) {
                    problems.add(spoke.at("name") + " 'webauth' is reserved for the web-auth workspace; use another name, "
                            + "like 'analytics'");
                } else if (!names.add(n)) {
                    problems.add(spoke.at("name") + " '" + n + "' is used by another spoke; spoke names must be unique, "
                            + "like '" + n + "2'");
                }
            });
            var space = cidr(spoke, "addressSpace", "10.11.0.0/24");
            // Overlaps are checked for every valid address space, even beside another mistake in this spoke.
            space.ifPresent(s -> spokeSpaces.put(spoke.at("addressSpace"), s));
            var sizesMark = problems.size();
            var host = spoke.integer("hostSubnetPrefix", SpokeLayout.DEFAULT_DATABRICKS_PREFIX, "26");
            var container = spoke.integer("containerSubnetPrefix", SpokeLayout.DEFAULT_DATABRICKS_PREFIX, "26");
            var pe = spoke.integer("privateEndpointSubnetPrefix", SpokeLayout.DEFAULT_PRIVATE_ENDPOINT_PREFIX, "27");
            var sizesRead = problems.size() == sizesMark;
            var storageSku = spoke.enumValue("storageSku").orElse("Standard_ZRS");
            var frontEnd = spoke.bool("frontEndPrivateEndpoint", true);
            var sizeProblems = sizesRead ? SpokeLayout.sizeProblems(spoke.path() + ".", host, container, pe) : List.<String>of();
            report(sizeProblems);
            if (space.isPresent() && sizesRead && sizeProblems.isEmpty()) {
                try {
                    SpokeLayout.carve(space.get(), host, container, pe);
                } catch (LayoutException e) {
                    e.problems().forEach(p -> problems.add(spoke.at("addressSpace") + " '" + space.get() + "': " + p));
                }
            }
            if (problems.size() != mark) {
                valid[0] = false;
            }
            if (name.isPresent() && space.isPresent() && problems.size() == mark) {
                spokes.add(new StackConfig.Spoke(name.get(), space.get(), host, container, pe, storageSku, frontEnd));
            }
        }
        return spokes;
    }

    private static final java.util.Map<String, KeyPurpose> KEY_NAMES = java.util.Map.of(
            "managedServices", KeyPurpose.MANAGED_SERVICES, "managedDisk", KeyPurpose.MANAGED_DISK,
            "dbfsRoot", KeyPurpose.DBFS_ROOT);
    private static final Pattern SCOPE_NAME = Pattern.compile("^[A-Za-z0-9_.-]{1,128}$");

    private StackConfig.KeyVault readKeyVault() {
        var example = "{azureDatabricksObjectId: <GUID>}";
        var node = node("keyVault");
        if (node.isEmpty()) {
            problems.add(key("keyVault") + " is required, like " + example + " (the object id comes from: az ad sp show "
                    + "--id " + KeyVaultScopeArgs.AZURE_DATABRICKS_APP_ID + " --query id -o tsv)");
            return null;
        }
        var kv = node.get();
        if (!kv.expectObject(example)) {
            return null;
        }
        kv.allowOnly();
        var sku = kv.enumValue("sku");
        var hsm = kv.bool("hsmKeys", false);
        var purposes = new java.util.TreeSet<KeyPurpose>();
        var allowed = ConfigSchema.allowed("keyVault.customerManagedKeys");
        var listed = kv.strings("customerManagedKeys", "[managedServices, managedDisk, dbfsRoot]").orElse(List.of());
        for (int i = 0; i < listed.size(); i++) {
            kv.checkEnum(kv.at("customerManagedKeys[" + i + "]"), listed.get(i), allowed)
                    .ifPresent(name -> purposes.add(KEY_NAMES.get(name)));
        }
        var rotationMark = problems.size();
        var rotationNode = kv.object("rotation", "{rotateAfter: P1Y, expireAfter: P2Y, notifyBefore: P30D}");
        var defaults = KeyRotation.defaults();
        var given = rotationNode.map(r -> new KeyRotation(r.string("rotateAfter", "P1Y").orElse(defaults.rotateAfter()),
                r.string("expireAfter", "P2Y").orElse(defaults.expireAfter()),
                r.string("notifyBefore", "P30D").orElse(defaults.notifyBefore()))).orElse(defaults);
        // The rotation rules compare the three periods: with one of them unreadable, a default standing in would be
        // compared with the others, so the policy is checked once it reads.
        var rotation = problems.size() == rotationMark ? given : defaults;
        var objectId = kv.string("azureDatabricksObjectId", "<GUID>");
        var scopeName = kv.string("secretScopeName", "platform").orElse("platform");
        if (!SCOPE_NAME.matcher(scopeName).matches()) {
            problems.add(kv.at("secretScopeName") + " must be 1-128 letters, digits, '-', '_' or '.', like platform, got '"
                    + scopeName + "'");
        }
        // An invalid sku is reported above; "premium" stands in so that no rule reports on a tier the file lacks.
        report(KeyVaultScopeArgs.settingsProblems(kv.path() + ".", sku.orElse(kv.has("sku") ? "premium" : "standard"),
                hsm, rotation, objectId, true));
        return new StackConfig.KeyVault(sku.orElse("standard"), hsm, purposes, rotation, objectId, scopeName);
    }

    private Optional<ServerlessSettings> readServerless() {
        var node = node("serverless");
        if (node.isEmpty() || !node.get().expectObject("{accountId: <GUID>}")) {
            return Optional.empty();
        }
        var n = node.get();
        n.allowOnly();
        var accountId = n.requiredString("accountId", "<GUID of the Databricks account>").orElse("");
        var storage = new ArrayList<ServerlessSettings.PrivateStorage>();
        n.array("privateStorage", "[{resourceId: /subscriptions/.../storageAccounts/lakeprod, services: [dfs]}]")
                .orElse(List.of()).forEach(s -> {
                    if (s.expectEntry("{resourceId: ..., services: [dfs, blob]}")) {
                        storage.add(new ServerlessSettings.PrivateStorage(
                                s.requiredString("resourceId", "/subscriptions/<GUID>/resourceGroups/rg/providers/"
                                        + "Microsoft.Storage/storageAccounts/lakeprod").orElse(""),
                                s.strings("services", "[dfs, blob]").orElse(List.of("dfs", "blob"))));
                    }
                });
        var enforcement = n.enumValue("enforcement");
        var settings = new ServerlessSettings(accountId, n.string("existingNccId", "<NCC id>"),
                n.integer("otherNccsInRegion", 0, "0"), enforcement.orElse("ENFORCED"), storage);
        report(settings.problems(n.path()));
        return Optional.of(settings);
    }

    private Optional<StackConfig.Router> readRouter(boolean serverlessConfigured) {
        var node = node("serverlessRouter");
        if (node.isEmpty() || !node.get().expectObject("{addressSpace: 10.110.0.0/27, adminSshPublicKey: ..., forwards: [...]}")) {
            return Optional.empty();
        }
        var n = node.get();
        n.allowOnly();
        var forwards = new ArrayList<RouterForward>();
        n.array("forwards", "[{port: 1433, destination: 10.200.10.5, domainNames: [sql.corp.contoso.com]}]")
                .orElse(List.of()).forEach(f -> {
                    if (f.expectEntry("{port: 1433, destination: 10.200.10.5, domainNames: [sql.corp.contoso.com]}")) {
                        if (!f.has("port")) {
                            f.problem(f.at("port") + " is required, like 1433");
                        }
                        forwards.add(new RouterForward(f.integer("port", 0, "1433"),
                                f.requiredString("destination", "10.200.10.5").orElse(""),
                                f.strings("domainNames", "[sql.corp.contoso.com]").orElse(List.of())));
                    }
                });
        var router = new StackConfig.Router(n.requiredString("addressSpace", "10.110.0.0/27").orElse(null),
                n.requiredString("adminSshPublicKey", "'ssh-ed25519 AAAA... ops@contoso'").orElse(null),
                n.string("vmSize", "Standard_B2s").orElse(ServerlessRouterArgs.DEFAULT_VM_SIZE), forwards);
        report(ServerlessRouterArgs.settingsProblems(n.path() + ".", router.addressSpace(), router.adminSshPublicKey(),
                router.vmSize(), forwards));
        // Declared on-premises ranges, used only to check that every forward leads somewhere (see load()).
        routerOnPremisesPrefixes = n.strings("onPremisesPrefixes", "[10.200.0.0/16]").orElse(List.of());
        if (!serverlessConfigured) {
            problems.add(n.path() + " needs " + key("serverless")
                    + ": the router is reached through an NCC private endpoint rule; add serverless, like "
                    + "{accountId: <GUID>}");
        }
        return Optional.of(router);
    }

    private List<UnityCatalogSettings.GrantSpec> readGrants(ConfigNode n, String example) {
        var grants = new ArrayList<UnityCatalogSettings.GrantSpec>();
        n.array("grants", "[" + example + "]").orElse(List.of()).forEach(g -> {
            if (g.expectEntry(example)) {
                grants.add(new UnityCatalogSettings.GrantSpec(g.requiredString("principal", "data-engineers").orElse(""),
                        g.strings("privileges", "[USE_CATALOG, SELECT]").orElse(List.of())));
                if (!g.has("privileges")) {
                    g.problem(g.at("privileges") + " is required, like [USE_CATALOG, SELECT]");
                }
            }
        });
        return grants;
    }

    private Optional<StackConfig.UnityCatalog> readUnityCatalog(List<String> declaredSpokes, boolean spokesValid,
                                                                Optional<ServerlessSettings> serverless) {
        var node = node("unityCatalog");
        if (node.isEmpty() || !node.get().expectObject("{catalogs: [{name: sales}]}")) {
            return Optional.empty();
        }
        var n = node.get();
        n.allowOnly();
        var accountId = n.string("accountId", "<GUID of the Databricks account>")
                .or(() -> serverless.map(ServerlessSettings::accountId));
        if (accountId.isEmpty() && !n.has("accountId") && source.get(project, "serverless").isEmpty()) {
            problems.add(n.at("accountId") + " is required without " + key("serverless") + ", like "
                    + "7d1e6a2c-3b4f-4e8a-9c0d-1f2e3a4b5c6d (the Databricks account id)");
        }
        serverless.map(ServerlessSettings::accountId).filter(id -> n.has("accountId") && accountId.isPresent()
                && !id.equals(accountId.get())).ifPresent(id -> problems.add(n.at("accountId") + " must be the same "
                + "account as serverless.accountId (" + id + "): one stack, one Databricks account; remove it"));
        accountId.filter(id -> n.has("accountId") && !Guids.isGuid(id)).ifPresent(id -> problems.add(n.at("accountId")
                + " must be the Databricks account id, a GUID from the account console, got '" + id + "'"));
        var admin = n.string("adminWorkspace", "analytics");
        admin.filter(a -> spokesValid && !declaredSpokes.contains(a)).ifPresent(a -> problems.add(n.at("adminWorkspace")
                + " must name a spoke, one of " + (declaredSpokes.isEmpty() ? "(no spokes: add one under "
                + key("spokes") + ")" : String.join(", ", declaredSpokes)) + ", got '" + a + "'"));
        if (spokesValid && declaredSpokes.isEmpty()) {
            problems.add(key("unityCatalog") + " needs a workload spoke: the metastore is assigned to workspaces; add "
                    + "one under " + key("spokes") + ", like [{name: analytics, addressSpace: 10.1.0.0/22}]");
        }
        var catalogs = new ArrayList<UnityCatalogSettings.CatalogSpec>();
        n.array("catalogs", "[{name: sales}]").orElse(List.of()).forEach(c -> {
            if (c.expectEntry("{name: sales, grants: [...], schemas: [...]}")) {
                var schemas = new ArrayList<UnityCatalogSettings.SchemaSpec>();
                c.array("schemas", "[{name: orders}]").orElse(List.of()).forEach(sc -> {
                    if (sc.expectEntry("{name: orders, grants: [...]}")) {
                        schemas.add(new UnityCatalogSettings.SchemaSpec(sc.requiredString("name", "orders").orElse(""),
                                readGrants(sc, "{principal: analysts, privileges: [USE_SCHEMA, SELECT]}")));
                    }
                });
                catalogs.add(new UnityCatalogSettings.CatalogSpec(c.requiredString("name", "sales").orElse(""),
                        c.string("container", "sales"), c.strings("workspaces", "[analytics]").orElse(List.of()),
                        readGrants(c, "{principal: data-engineers, privileges: [USE_CATALOG, USE_SCHEMA, SELECT]}"),
                        schemas));
            }
        });
        var settings = new UnityCatalogSettings(n.string("existingMetastoreId", "<metastore UUID>"), catalogs,
                n.bool("allowAccountUsers", false));
        report(settings.problems(n.path(), spokesValid ? declaredSpokes : settings.catalogs().stream()
                .flatMap(c -> c.workspaces().stream()).toList()));
        if (settings.allowAccountUsers()) {
            warnings.add(n.at("allowAccountUsers") + " is true: catalogs and schemas may be granted to everyone in the "
                    + "account");
        }
        return Optional.of(new StackConfig.UnityCatalog(accountId.orElse(""), admin, settings));
    }

    /**
     * A landing source in one of this stack's catalogs must be readable from the landing's workspace: the catalog is
     * ISOLATED, so it must be bound there; a source written with the configured name (sales) instead of the
     * metastore's (prod_sales) is pointed at the right one.
     */
    private void checkLandingCatalogs(String environment, Optional<StackConfig.Landing> landing,
                                      Optional<StackConfig.UnityCatalog> unityCatalog) {
        if (landing.isEmpty()) {
            return;
        }
        var existing = landing.get().existingCatalogs();
        // Without Unity Catalog here and without existingCatalogs there is no list to hold a source against.
        if (unityCatalog.isEmpty() && (existing.isEmpty() || source.get(project, "unityCatalog").isPresent())) {
            return;
        }
        var own = unityCatalog.map(uc -> uc.settings().catalogs().stream()
                .map(c -> UnityCatalogSettings.catalogName(environment, c.name())).toList()).orElse(List.of());
        var sources = landing.get().settings().sources();
        for (int i = 0; i < sources.size(); i++) {
            var table = sources.get(i).table();
            if (table == null || !table.contains(".")) {
                continue;
            }
            var catalogName = table.substring(0, table.indexOf('.'));
            var at = key("landing") + ".sources[" + i + "].table";
            if (!own.contains(catalogName) && !existing.contains(catalogName)) {
                problems.add(at + " '" + table + "' reads catalog " + catalogName + ", which is neither one of this "
                        + "stack's catalogs (" + (own.isEmpty() ? "none" : String.join(", ", own)) + ") nor listed in "
                        + key("landing") + ".existingCatalogs: use this stack's catalog, like "
                        + (own.isEmpty() ? environment + "_sales" : own.get(0)) + ".orders.daily, or add it, like "
                        + "existingCatalogs: [" + catalogName + "]");
                continue;
            }
            if (unityCatalog.isEmpty()) {
                continue;
            }
            for (var catalog : unityCatalog.get().settings().catalogs()) {
                var full = UnityCatalogSettings.catalogName(environment, catalog.name());
                if (catalogName.equals(full) && !catalog.workspaces().isEmpty()
                        && !catalog.workspaces().contains(landing.get().workspace())) {
                    problems.add(at + " '" + table + "' is in catalog " + full + ", which is ISOLATED and not bound to "
                            + "the landing's workspace " + landing.get().workspace() + ": add it to the catalog's "
                            + "workspaces, like [" + String.join(", ", catalog.workspaces()) + ", "
                            + landing.get().workspace() + "]");
                } else if (catalogName.equals(catalog.name()) && !catalog.name().equals(full)) {
                    warnings.add(at + " '" + table + "' names catalog " + catalogName + "; this stack's catalog of that "
                            + "name is " + full + " in the metastore, like " + full + table.substring(catalogName.length()));
                }
            }
        }
    }

    private Optional<DeltaSharingSettings> readDeltaSharing(String environment, String location,
                                                            Optional<StackConfig.UnityCatalog> unityCatalog,
                                                            boolean ownLake) {
        var node = node("deltaSharing");
        if (node.isEmpty() || !node.get().expectObject("{shares: [...], recipients: [...]}")) {
            return Optional.empty();
        }
        var n = node.get();
        n.allowOnly();
        if (unityCatalog.isEmpty() && source.get(project, "unityCatalog").isEmpty()) {
            problems.add(n.path() + " needs " + key("unityCatalog") + ": shares are of its catalogs' tables; add it, "
                    + "like {catalogs: [{name: sales}]}");
        }
        var recipients = new ArrayList<DeltaSharingSettings.RecipientSpec>();
        n.array("recipients", "[{name: partner_acme, authenticationType: DATABRICKS, ...}]").orElse(List.of()).forEach(r -> {
            if (r.expectEntry("{name: partner_acme, authenticationType: DATABRICKS, sharingIdentifier: ..., "
                    + "storageNetworks: [" + StorageIpRules.EXAMPLE_RANGE + "], approval: CHG-1234}")) {
                if (!r.has("authenticationType")) {
                    r.problem(r.at("authenticationType") + " is required, like DATABRICKS");
                }
                var type = r.enumValue("authenticationType");
                recipients.add(new DeltaSharingSettings.RecipientSpec(r.requiredString("name", "partner_acme").orElse(""),
                        type.orElse(r.has("authenticationType") ? "invalid" : DeltaSharingSettings.DATABRICKS),
                        r.string("sharingIdentifier", "azure:westeurope:<metastore uuid>"),
                        r.strings("ipAccessList", "[" + StorageIpRules.EXAMPLE_RANGE + "]").orElse(List.of()),
                        r.strings("storageNetworks", "[" + StorageIpRules.EXAMPLE_RANGE + "]").orElse(List.of()),
                        r.requiredString("approval", "CHG-1234").orElse("")));
            }
        });
        var shares = new ArrayList<DeltaSharingSettings.ShareSpec>();
        n.array("shares", "[{name: sales_partners, tables: [sharing.orders.daily], recipients: [partner_acme]}]")
                .orElse(List.of()).forEach(sh -> {
                    if (sh.expectEntry("{name: sales_partners, tables: [sharing.orders.daily], recipients: [partner_acme]}")) {
                        shares.add(new DeltaSharingSettings.ShareSpec(sh.requiredString("name", "sales_partners").orElse(""),
                                sh.strings("tables", "[sharing.orders.daily]").orElse(List.of()),
                                sh.strings("recipients", "[partner_acme]").orElse(List.of())));
                    }
                });
        var settings = new DeltaSharingSettings(n.bool("enabled", DeltaSharingSettings.defaultEnabled(environment)),
                n.integer("tokenLifetimeDays", "30"), shares, recipients);
        var catalogs = new HashSet<String>();
        unityCatalog.ifPresent(uc -> uc.settings().catalogs().forEach(c -> catalogs.add(c.name())));
        // A problem of a recipient's authenticationType already reported must not be reported again as "invalid".
        report(settings.problems(n.path(), catalogs).stream().filter(p -> !p.contains("got 'invalid'")).toList());
        if (settings.enabled() && !settings.recipients().isEmpty() && !ownLake) {
            problems.add(n.path() + ".recipients need the stack's own data lake (dataLake): the sharing account "
                    + "takes the lake's resource group, key and access connector; add dataLake, like {containers: "
                    + "[bronze, silver, gold]}");
        }
        if (settings.enabled() && location != null) {
            refuseSameRegionRecipients(n.path(), settings, location);
        }
        if (!settings.enabled() && (!shares.isEmpty() || !recipients.isEmpty())) {
            warnings.add(n.path() + " is off in " + environment + " (deltaSharing.enabled defaults to false in dev): "
                    + "no share or recipient is created");
        }
        return Optional.of(settings);
    }

    /**
     * A Databricks-to-Databricks recipient's compute downloads the shared files from the sharing account's public
     * endpoint, admitted by its {@code storageNetworks}. Azure Storage IP rules have no effect on requests from the
     * account's own Azure region, which reach it with private Azure addresses
     * (learn.microsoft.com/azure/storage/common/storage-network-security): a partner metastore in this stack's region
     * could never be admitted by its egress addresses, only by a virtual network rule on the partner's subnet, which
     * the sharing account does not take. The sharing identifier names the partner's cloud and region, so such a
     * recipient is refused here rather than created and never served.
     */
    private void refuseSameRegionRecipients(String path, DeltaSharingSettings settings, String location) {
        for (int i = 0; i < settings.recipients().size(); i++) {
            var r = settings.recipients().get(i);
            var index = i;
            r.sharingIdentifier().filter(id -> id.startsWith("azure:" + location + ":")).ifPresent(id ->
                    problems.add(path + ".recipients[" + index + "] '" + r.name() + "' is a metastore in this stack's "
                            + "region (" + location + "): Azure Storage IP rules do not apply to requests from the "
                            + "account's own region, so its storageNetworks could never admit it. Share from a stack in "
                            + "another region, or have the partner read from a metastore outside " + location
                            + ", like azure:northeurope:<uuid>"));
        }
    }

    private Optional<StackConfig.Landing> readLanding(List<String> declaredSpokes, boolean spokesValid) {
        var example = "{workspace: analytics, mode: direct, fabricWorkspace: zt-landing, lakehouse: mirror, ...}";
        var secret = source.get(project, "landingClientSecret").isPresent();
        var node = node("landing");
        if (node.isEmpty() || !node.get().expectObject(example)) {
            if (secret && node.isEmpty()) {
                warnings.add(key("landingClientSecret") + " does not apply without " + key("landing") + "; remove it");
            }
            return Optional.empty();
        }
        var n = node.get();
        n.allowOnly();
        var workspace = n.requiredString("workspace", "analytics").orElse("");
        if (!workspace.isEmpty() && spokesValid && !declaredSpokes.contains(workspace)) {
            problems.add(n.at("workspace") + " must name a spoke that runs the jobs, one of "
                    + (declaredSpokes.isEmpty() ? "(no spokes: add one under " + key("spokes") + ")"
                    : String.join(", ", declaredSpokes)) + ", got '" + workspace + "'");
        }
        var mode = n.enumValue("mode").map(m -> LandingMode.parse(m).orElseThrow());
        var modeGiven = !n.has("mode") || mode.isPresent();
        var identity = n.enumValue("identity");
        var sources = new ArrayList<LandingSource>();
        n.array("sources", "[{table: main.sales.orders, dest: orders}]").orElse(List.of()).forEach(src -> {
            if (src.expectEntry("{table: main.sales.orders, dest: orders}")) {
                var table = src.string("table", "main.sales.orders").orElse(null);
                var path = src.string("path", "/Volumes/main/raw/exports/orders").orElse(null);
                // Checked here for the uniform enum message; the settings' own rule then sees the same key and is
                // not reported twice.
                var format = src.string("format", "parquet");
                format.ifPresent(f -> src.checkEnum(src.at("format"), f, ConfigSchema.allowed("landing.sources[].format")));
                var dest = src.requiredString("dest", "orders").orElse("");
                // Read options go to the job as given; the job's parser (run by the settings) checks that they fit
                // the format and names the key.
                var options = new java.util.TreeMap<String, Object>();
                for (var flag : List.of("header", "multiLine", "mergeSchema")) {
                    src.bool(flag).ifPresent(v -> options.put(flag, v));
                }
                for (var character : List.of("delimiter", "quote", "escape")) {
                    src.string(character, "';'").ifPresent(v -> options.put(character, v));
                }
                sources.add(table != null ? new LandingSource(table, path, format.orElse("delta"), dest, options)
                        : new LandingSource(null, path, format.orElse(null), dest, options));
            }
        });
        var settings = new LandingSettings(mode.orElse(LandingMode.DIRECT),
                n.requiredString("fabricWorkspace", "zt-landing").orElse(""),
                n.requiredString("lakehouse", "mirror").orElse(""),
                n.string("folder", "Files/LandingZone"), sources,
                n.string("schedule", "'0 0 2 * * ?'").orElse("0 0 2 * * ?"),
                n.string("timezone", "UTC").orElse("UTC"),
                identity.orElse("servicePrincipal"),
                n.string("servicePrincipalClientId", "<GUID>"), n.string("servicePrincipalObjectId", "<GUID>"),
                n.string("fabricWorkspaceIdentityObjectId", "<GUID>"), n.string("verifyEchoUrl", "https://..."),
                n.string("oneLakeRegion", "westeurope"));
        var identityValid = !n.has("identity") || identity.isPresent();
        if (modeGiven && identityValid) {
            report(settings.problems(n.path()));
            warnings.addAll(settings.warnings(n.path()));
        } else {
            report(settings.modeIndependentProblems(n.path()).stream()
                    .filter(p -> identityValid || !p.contains(".servicePrincipal")).toList());
        }
        if (secret && identity.filter("managed"::equals).isPresent()) {
            warnings.add(key("landingClientSecret") + " does not apply with " + n.at("identity")
                    + " 'managed' (no client secret is used); remove it");
        }
        var existingCatalogs = n.strings("existingCatalogs", "[main]").orElse(List.of());
        for (int i = 0; i < existingCatalogs.size(); i++) {
            if (!CATALOG_NAME.matcher(existingCatalogs.get(i)).matches()) {
                problems.add(n.at("existingCatalogs") + "[" + i + "] must be a Unity Catalog catalog name (lowercase "
                        + "letters, digits and '_', starting with a letter), like main, got '" + existingCatalogs.get(i) + "'");
            }
        }
        return Optional.of(new StackConfig.Landing(workspace, settings, source.secret(project, "landingClientSecret"),
                existingCatalogs));
    }

    private HardeningSettings readHardening() {
        var strict = HardeningSettings.strict();
        var node = node("workspaceHardening");
        if (node.isEmpty() || !node.get().expectObject("{maxTokenLifetimeDays: 30}")) {
            return strict;
        }
        var n = node.get();
        n.allowOnly();
        // Keys that need a newer azure-native are refused (HardeningSettings.UNSUPPORTED_KEYS says why).
        report(HardeningSettings.unsupportedKeyProblems(n.path(),
                HardeningSettings.UNSUPPORTED_KEYS.keySet().stream().filter(n::has).toList()));
        var settings = new HardeningSettings(
                n.bool("disableLegacyAccess", strict.disableLegacyAccess()),
                n.bool("disableLegacyDbfs", strict.disableLegacyDbfs()),
                n.integer("maxTokenLifetimeDays", strict.maxTokenLifetimeDays(), "90"),
                n.bool("resultsDownload", strict.resultsDownload()),
                n.bool("notebookExport", strict.notebookExport()),
                n.strings("breakGlassIpRanges", "[203.0.113.0/28]").orElse(List.of()));
        // Invalid values were reported and stand in as the strict defaults, which no rule objects to, so the
        // settings' own rules still run for the rest.
        report(settings.problems(n.path()));
        return settings;
    }

    private StackConfig.DatabricksAuth readDatabricksAuth() {
        var node = node("databricksAuth");
        if (node.isEmpty() || !node.get().expectObject("{type: githubOidc, clientId: <GUID>}")) {
            return new StackConfig.DatabricksAuth("azureCli", Optional.empty());
        }
        var auth = node.get();
        auth.allowOnly();
        var typeGiven = auth.enumValue("type");
        var type = typeGiven.orElse("azureCli");
        var clientId = auth.string("clientId", "<GUID>");
        if (type.equals("githubOidc") && clientId.isEmpty() && !auth.has("clientId")) {
            problems.add(auth.at("clientId") + " is required with type githubOidc: the client id of the federated app "
                    + "registration, a GUID like 5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a");
        }
        clientId.filter(id -> !Guids.isGuid(id)).ifPresent(id -> problems.add(auth.at("clientId")
                + " must be a GUID, like 5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a, got '" + id + "'"));
        if (typeGiven.isPresent() || !auth.has("type")) {
            clientId.filter(id -> type.equals("azureCli")).ifPresent(id -> warnings.add(auth.at("clientId") + " '" + id
                    + "' does not apply with type azureCli (the signed-in user's token is used); remove it"));
        }
        return new StackConfig.DatabricksAuth(type, clientId);
    }

    /** The data lake: defaults from {@link LakeSettings}, each problem reported with its key. */
    private Optional<LakeSettings> readDataLake() {
        var node = node("dataLake");
        if (node.isEmpty() || !node.get().expectObject("{containers: [bronze, silver, gold]}")) {
            return Optional.empty();
        }
        var n = node.get();
        n.allowOnly();
        var defaults = LakeSettings.defaults();
        var builder = LakeSettings.builder();
        n.strings("containers", "[bronze, silver, gold]").ifPresent(builder::containers);
        builder.blobSoftDeleteDays(n.integer("blobSoftDeleteDays", defaults.blobSoftDeleteDays(), "30"));
        builder.containerSoftDeleteDays(n.integer("containerSoftDeleteDays", defaults.containerSoftDeleteDays(), "30"));
        builder.sku(n.enumValue("sku").orElse(defaults.sku()));
        var settings = builder.build();
        var mark = problems.size();
        // The settings' own checks name the keys under the section (dataLake.containers[1] ...).
        problems.addAll(settings.problems(n.path()));
        return problems.size() == mark ? Optional.of(settings) : Optional.empty();
    }

    /**
     * The AI platform: the registry and the AI services account, each when its section is set (an empty section takes
     * every default); each problem reported with its key.
     */
    private Optional<StackConfig.Ai> readAi(String environment) {
        var node = node("ai");
        if (node.isEmpty() || !node.get().expectObject("{containerRegistry: {}, aiServices: {}, machineLearning: "
                + "{computeAddressSpace: 10.30.0.0/24}}")) {
            return Optional.empty();
        }
        var n = node.get();
        n.allowOnly();
        var mark = problems.size();
        var registry = n.object("containerRegistry", "{zoneRedundant: true}").map(r ->
                new StackConfig.AiRegistry(r.bool("zoneRedundant", "prod".equals(environment))));
        var account = n.object("aiServices", "{deployments: [{name: gpt-4o, model: gpt-4o, version: 2024-08-06, "
                + "sku: Standard, capacity: 10}]}").map(a -> {
            var deployments = new ArrayList<com.ztplatform.components.ai.ModelDeployment>();
            var example = "{name: gpt-4o, model: gpt-4o, version: 2024-08-06, sku: Standard, capacity: 10}";
            a.array("deployments", "[" + example + "]").orElse(List.of()).forEach(d -> {
                if (d.expectEntry(example)) {
                    deployments.add(new com.ztplatform.components.ai.ModelDeployment(
                            d.requiredString("name", "gpt-4o").orElse(null),
                            d.requiredString("model", "gpt-4o").orElse(null),
                            d.requiredString("version", "2024-08-06").orElse(null),
                            d.string("format", com.ztplatform.components.ai.ModelDeployment.DEFAULT_FORMAT)
                                    .orElse(com.ztplatform.components.ai.ModelDeployment.DEFAULT_FORMAT),
                            d.enumValue("sku").orElse(d.has("sku") ? null : "Standard"),
                            d.integer("capacity", "10").orElse(d.has("capacity") ? 1 : 0)));
                }
            });
            var settings = new StackConfig.AiAccount(a.string("customSubdomain", "ztp-prod-ai-contoso"),
                    a.strings("allowedFqdns", "[contoso.blob.core.windows.net]").orElse(List.of()), deployments);
            report(com.ztplatform.components.ai.AiServicesArgs.settingsProblems(a.path() + ".",
                    settings.customSubdomain().orElse(null), settings.allowedFqdns(), settings.deployments()));
            return settings;
        });
        var machineLearning = n.object("machineLearning", "{computeAddressSpace: 10.30.0.0/24}").map(m -> {
            var space = m.requiredString("computeAddressSpace", "10.30.0.0/24").orElse(null);
            report(com.ztplatform.components.ai.MachineLearningWorkspaceArgs.computeAddressSpaceProblems(
                    m.at("computeAddressSpace"), space));
            return new StackConfig.AiMachineLearning(space);
        });
        if (registry.isEmpty() && account.isEmpty() && machineLearning.isEmpty() && problems.size() == mark) {
            warnings.add(n.path() + " sets none of containerRegistry, aiServices, machineLearning: nothing is created");
        }
        if (machineLearning.isPresent() && registry.isEmpty()) {
            warnings.add(n.path() + ".machineLearning without containerRegistry: Azure ML creates a registry of its "
                    + "own (public, Basic) on the first image build; set ai.containerRegistry");
        }
        return problems.size() == mark ? Optional.of(new StackConfig.Ai(registry, account, machineLearning))
                : Optional.empty();
    }

    /**
     * The private integration (Service Bus and the function app), when its section is set; each problem reported with
     * its key.
     */
    private Optional<StackConfig.Integration> readIntegration(String environment) {
        var node = node("integration");
        if (node.isEmpty() || !node.get().expectObject("{addressSpace: 10.111.0.0/26}")) {
            return Optional.empty();
        }
        var n = node.get();
        n.allowOnly();
        var mark = problems.size();
        var space = n.requiredString("addressSpace", "10.111.0.0/26");
        space.flatMap(com.ztplatform.components.integration.FunctionAppArgs::addressSpaceProblem)
                .ifPresent(p -> problems.add(n.at("addressSpace") + " " + p));
        var queue = n.string("queue", "landing-runs").orElse("landing-runs");
        var queues = n.strings("queues", "[landing-runs]").orElse(List.of(queue));
        var topics = n.strings("topics", "[platform-events]").orElse(List.of());
        report(com.ztplatform.components.integration.ServiceBusNamespaceArgs.entityProblems(n.path() + ".", queues,
                topics));
        if (!queues.contains(queue)) {
            problems.add(n.at("queues") + " must include the consumed queue '" + queue + "' (integration.queue), got "
                    + queues);
        }
        var capacity = n.integer("capacity", "1").orElse(1);
        if (!com.ztplatform.components.integration.ServiceBusNamespaceArgs.CAPACITIES.contains(capacity)) {
            problems.add(n.at("capacity") + " must be one of "
                    + com.ztplatform.components.integration.ServiceBusNamespaceArgs.CAPACITIES + ", got " + capacity);
        }
        var zoneRedundant = n.bool("zoneRedundant", "prod".equals(environment));
        var planSku = n.string("planSku", "P1v3").orElse(com.ztplatform.components.integration.FunctionAppArgs.DEFAULT_PLAN_SKU);
        if (!planSku.matches("^P[0-3]m?v3$")) {
            problems.add(n.at("planSku") + " must be a Premium v3 size (VNet integration and private endpoints without "
                    + "an Azure Files content share), like P1v3, got '" + planSku + "'");
        }
        var storageSku = n.string("storageSku", "Standard_ZRS").orElse("Standard_ZRS");
        n.checkEnum(n.at("storageSku"), storageSku, List.of("Standard_LRS", "Standard_ZRS", "Standard_GRS",
                "Standard_GZRS"));
        if (problems.size() != mark || space.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StackConfig.Integration(space.get(), queues, topics, queue, capacity, zoneRedundant,
                planSku, storageSku));
    }

    /**
     * The optional private AKS cluster: its spoke's address space and its system node pool. Nodes are spread over the
     * three availability zones in {@code prod} unless {@code zones} says otherwise.
     */
    private Optional<AksSettings> readAks(String environment, Optional<StackConfig.Ai> ai) {
        var node = node("aks");
        if (node.isEmpty() || !node.get().expectObject("{addressSpace: 10.120.0.0/22}")) {
            return Optional.empty();
        }
        var n = node.get();
        n.allowOnly();
        var mark = problems.size();
        var workspace = ai.flatMap(StackConfig.Ai::machineLearning).isPresent();
        var inference = readInference(n, workspace);
        var settings = new AksSettings(n.requiredString("addressSpace", "10.120.0.0/22").orElse(null),
                n.integer("nodeCount", AksSettings.DEFAULT_NODE_COUNT, String.valueOf(AksSettings.DEFAULT_NODE_COUNT)),
                n.string("vmSize", AksSettings.DEFAULT_VM_SIZE).orElse(AksSettings.DEFAULT_VM_SIZE),
                n.strings("zones", "[\"1\", \"2\", \"3\"]").orElse("prod".equals(environment) ? List.of("1", "2", "3")
                        : List.of()),
                n.strings("adminGroupObjectIds", "[6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9]").orElse(List.of()),
                inference);
        if (settings.addressSpace() != null) {
            report(settings.problems(n.path() + "."));
        }
        return problems.size() == mark && settings.addressSpace() != null ? Optional.of(settings) : Optional.empty();
    }

    /**
     * Whether the cluster is attached to the machine learning workspace as inference compute: by default when the stack
     * has both, unless {@code aks.machineLearning.attach} is false; {@code attach: true} without a workspace is a
     * problem. An attached cluster needs the inference router's TLS name ({@code tlsCname}).
     */
    private Optional<com.ztplatform.components.aks.InferenceSettings> readInference(ConfigNode aks, boolean workspace) {
        var example = "{attach: true, tlsCname: inference.ml.contoso.internal}";
        var node = aks.object("machineLearning", example);
        node.ifPresent(ConfigNode::allowOnly);
        var attach = node.flatMap(m -> m.bool("attach"));
        if (attach.orElse(false) && !workspace) {
            problems.add(aks.at("machineLearning.attach") + " is true but the stack has no ai.machineLearning workspace "
                    + "to attach the cluster to; add ai.machineLearning or set attach: false");
            return Optional.empty();
        }
        if (!workspace || !attach.orElse(true)) {
            return Optional.empty();
        }
        if (node.isEmpty() || !node.get().has("tlsCname")) {
            problems.add(aks.at("machineLearning.tlsCname") + " is required when the cluster is attached to the "
                    + "machine learning workspace (the default when the stack has both): the inference router serves "
                    + "HTTPS only, like machineLearning: " + example + "; or set machineLearning.attach: false");
            return Optional.empty();
        }
        var m = node.get();
        return Optional.of(new com.ztplatform.components.aks.InferenceSettings(
                m.requiredString("tlsCname", "inference.ml.contoso.internal").orElse(null),
                m.string("tlsSecret", com.ztplatform.components.aks.InferenceSettings.DEFAULT_TLS_SECRET)
                        .orElse(com.ztplatform.components.aks.InferenceSettings.DEFAULT_TLS_SECRET)));
    }

    /**
     * The action group's receivers, the alert thresholds and the budget; the webhook URLs come from the secret
     * {@code alertWebhookUrls} (a JSON object of receiver name to https URL), checked here without printing them.
     */
    private Optional<StackConfig.Alerts> readAlerts() {
        var urls = source.get(project, "alertWebhookUrls");
        var node = node("alerts");
        if (node.isEmpty() || !node.get().expectObject("{emails: [{name: platform-oncall, address: "
                + "platform-team@contoso.com}]}")) {
            urls.ifPresent(u -> problems.add(key("alertWebhookUrls") + " is set but there is no " + key("alerts")
                    + " section to use it; add alerts.webhooks: [<name>] or remove it"));
            return Optional.empty();
        }
        var n = node.get();
        n.allowOnly();
        var mark = problems.size();
        var emailExample = "{name: platform-oncall, address: platform-team@contoso.com}";
        var emails = new ArrayList<com.ztplatform.components.alerts.Receivers.Email>();
        n.array("emails", "[" + emailExample + "]").orElse(List.of()).forEach(e -> {
            if (e.expectEntry(emailExample)) {
                emails.add(new com.ztplatform.components.alerts.Receivers.Email(
                        e.requiredString("name", "platform-oncall").orElse(null),
                        e.requiredString("address", "platform-team@contoso.com").orElse(null)));
            }
        });
        var webhooks = n.strings("webhooks", "[opsgenie]").orElse(List.of());
        report(com.ztplatform.components.alerts.Receivers.problems(n.path() + ".", emails, webhooks));
        checkWebhookUrls(webhooks, urls);

        var d = com.ztplatform.components.alerts.AlertThresholds.defaults();
        var thresholds = n.object("thresholds", "{firewallDenies: 100}").map(t -> new com.ztplatform.components.alerts
                .AlertThresholds(t.integer("firewallDenies", d.firewallDenies(), "100"),
                t.integer("keyVaultDenials", d.keyVaultDenials(), "5"),
                t.integer("storageFailures", d.storageFailures(), "20"),
                t.integer("landingJobFailures", d.landingJobFailures(), "0"),
                t.integer("windowMinutes", d.windowMinutes(), "15"),
                t.integer("frequencyMinutes", d.frequencyMinutes(), "5"))).orElse(d);
        report(thresholds.problems(n.at("thresholds") + "."));
        var ranges = n.strings("storagePublicRanges", "[203.0.113.0/28]").orElse(List.of());
        for (int i = 0; i < ranges.size(); i++) {
            if (com.ztplatform.components.addressing.Cidr.parseIfValid(ranges.get(i)).isEmpty()) {
                problems.add(n.at("storagePublicRanges") + "[" + i + "] must be a CIDR like 203.0.113.0/28, got '"
                        + ranges.get(i) + "'");
            }
        }
        var b = com.ztplatform.components.alerts.BudgetSettings.of(com.ztplatform.components.alerts.BudgetSettings.DEFAULT_AMOUNT_USD);
        var budget = n.object("budget", "{amount: 1000}").map(o -> new com.ztplatform.components.alerts.BudgetSettings(
                o.integer("amount", (int) b.amountUsd(), "1000"),
                percents(o, "actualPercents", b.actualPercents(), "[80, 100]"),
                percents(o, "forecastPercents", b.forecastPercents(), "[100]"),
                o.string("startDate", b.startDate()).orElse(b.startDate()))).orElse(b);
        report(budget.problems(n.at("budget") + "."));
        return problems.size() == mark ? Optional.of(new StackConfig.Alerts(emails, webhooks,
                source.secret(project, "alertWebhookUrls"), thresholds, ranges, budget)) : Optional.empty();
    }

    /** A subscription, or a resource group in one: where an initiative of this subscription may be assigned. */
    private static final java.util.regex.Pattern POLICY_SCOPE = java.util.regex.Pattern.compile(
            "/subscriptions/[0-9a-fA-F-]{36}(/resourceGroups/[-\\w._()]{1,90})?");

    /**
     * The Azure Policy guardrails: on by default, at the platform's resource groups, enforced in {@code prod} only.
     * The initiative is a definition of the stack's subscription, so a configured scope is that subscription or one of
     * its resource groups.
     */
    private StackConfig.AzurePolicy readAzurePolicy(String environment) {
        var byEnvironment = com.ztplatform.components.governance.Enforcement.forEnvironment(environment);
        var node = node("azurePolicy");
        if (node.isEmpty() || !node.get().expectObject("{enforcementMode: Default}")) {
            return new StackConfig.AzurePolicy(true, Optional.empty(), byEnvironment);
        }
        var n = node.get();
        n.allowOnly();
        var enabled = n.bool("enabled", true);
        var example = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ztp-dev-hub-rg";
        var scope = n.string("scope", example);
        scope.filter(s -> !POLICY_SCOPE.matcher(s).matches()).ifPresent(s -> problems.add(n.at("scope")
                + " must be the stack's subscription or one of its resource groups, like " + example + ", got '" + s
                + "'"));
        var mode = n.string("enforcementMode", "DoNotEnforce");
        var enforcement = mode.map(m -> com.ztplatform.components.governance.Enforcement.parse(m).orElseGet(() -> {
            problems.add(n.at("enforcementMode") + " must be Default or DoNotEnforce, like DoNotEnforce, got '" + m + "'");
            return byEnvironment;
        })).orElse(byEnvironment);
        if ("prod".equals(environment) && enforcement == com.ztplatform.components.governance.Enforcement.DO_NOT_ENFORCE) {
            warnings.add(n.at("enforcementMode") + " DoNotEnforce in prod: Azure Policy only records non-compliance "
                    + "and deploys no diagnostics; the policy pack refuses it");
        }
        return new StackConfig.AzurePolicy(enabled, scope, enforcement);
    }

    /**
     * The {@code deploymentIdentity} section: the repository, the GitHub environments (default: the stack's
     * environment, which is the environment {@code up.yml} deploys it from), the preview identity (default on) and
     * the scope of the deployment roles (default the subscription; a management group is also accepted).
     */
    private Optional<StackConfig.DeploymentIdentity> readDeploymentIdentity(String environment) {
        var node = node("deploymentIdentity");
        var example = "{githubRepository: contoso/zt-databricks, environments: [" + (environment == null ? "prod"
                : environment) + "]}";
        if (node.isEmpty() || !node.get().expectObject(example)) {
            return Optional.empty();
        }
        var n = node.get();
        n.allowOnly();
        var mark = problems.size();
        var repository = n.requiredString("githubRepository", "contoso/zt-databricks").orElse(null);
        if (repository != null) {
            report(com.ztplatform.components.identity.GithubOidc.repositoryProblems(n.at("githubRepository"), repository));
        }
        var environments = n.strings("environments", "[prod]")
                .orElse(environment == null ? List.of() : List.of(environment));
        report(com.ztplatform.components.identity.GithubOidc.environmentProblems(n.at("environments"), environments));
        var preview = n.bool("previewIdentity", true);
        var scope = n.string("scope", "/subscriptions/00000000-0000-0000-0000-000000000000");
        scope.filter(s -> !DEPLOYMENT_SCOPE.matcher(s).matches()).ifPresent(s -> problems.add(n.at("scope")
                + " must be a subscription or management group id (the identity creates resource groups), like "
                + "/subscriptions/00000000-0000-0000-0000-000000000000 or "
                + "/providers/Microsoft.Management/managementGroups/platform, got '" + s + "'"));
        return problems.size() == mark ? Optional.of(new StackConfig.DeploymentIdentity(repository, environments,
                preview, scope)) : Optional.empty();
    }

    /** A subscription or management group id: the scopes where resource groups can be created. */
    private static final java.util.regex.Pattern DEPLOYMENT_SCOPE = java.util.regex.Pattern.compile(
            "/subscriptions/[0-9a-fA-F-]{36}|/providers/Microsoft\\.Management/managementGroups/[A-Za-z0-9._()-]{1,90}");

    private List<Integer> percents(ConfigNode node, String key, List<Integer> defaults, String example) {
        var elements = node.array(key, example);
        if (elements.isEmpty()) {
            return defaults;
        }
        var values = new ArrayList<Integer>();
        for (var e : elements.get()) {
            var text = e.scalar().orElse("");
            if (text.matches("[0-9]{1,4}")) {
                values.add(Integer.parseInt(text));
            } else {
                problems.add(e.path() + " must be a whole percentage, like " + example + ", got " + e.rendered());
            }
        }
        return values;
    }

    /** Every webhook needs an https URL in the secret map, and the map names no other receiver; values never shown. */
    private void checkWebhookUrls(List<String> webhooks, Optional<String> raw) {
        var secretKey = key("alertWebhookUrls");
        if (raw.isEmpty()) {
            if (!webhooks.isEmpty()) {
                problems.add(secretKey + " is required for alerts.webhooks " + webhooks + ": set it with pulumi config "
                        + "set --secret " + secretKey + " '{\"" + webhooks.get(0) + "\": \"https://...\"}'");
            }
            return;
        }
        com.google.gson.JsonObject map;
        try {
            var parsed = com.google.gson.JsonParser.parseString(raw.get());
            if (!parsed.isJsonObject()) {
                throw new com.google.gson.JsonParseException("not an object");
            }
            map = parsed.getAsJsonObject();
        } catch (RuntimeException e) {
            problems.add(secretKey + " must be a JSON object of receiver name to https URL, like {\"opsgenie\": "
                    + "\"https://...\"} (value not shown)");
            return;
        }
        for (var name : webhooks) {
            var url = map.get(name);
            if (url == null || !url.isJsonPrimitive()
                    || !com.ztplatform.components.alerts.Receivers.validWebhookUrl(url.getAsString())) {
                problems.add(secretKey + " must map '" + name + "' to an https URL with a host (value not shown)");
            }
        }
        map.keySet().stream().filter(k -> !webhooks.contains(k)).sorted().forEach(k -> problems.add(secretKey
                + " names '" + k + "', which is not in alerts.webhooks " + webhooks + "; add it there or remove it"));
    }

    private Optional<StackConfig.WebAuth> readWebAuth() {
        var node = node("webAuth");
        if (node.isEmpty() || !node.get().expectObject("{addressSpace: 10.19.0.0/24}")) {
            return Optional.empty();
        }
        var webAuth = node.get();
        webAuth.allowOnly();
        var space = cidr(webAuth, "addressSpace", "10.19.0.0/24");
        var mark = problems.size();
        space.ifPresent(s -> {
            try {
                SpokeLayout.carve(s, SpokeLayout.DEFAULT_DATABRICKS_PREFIX, SpokeLayout.DEFAULT_DATABRICKS_PREFIX,
                        SpokeLayout.DEFAULT_PRIVATE_ENDPOINT_PREFIX);
            } catch (LayoutException e) {
                e.problems().forEach(p -> problems.add(webAuth.at("addressSpace") + " '" + s + "': " + p));
            }
        });
        return problems.size() == mark ? space.map(StackConfig.WebAuth::new) : Optional.empty();
    }

    private Optional<Cidr> cidr(ConfigNode node, String key, String example) {
        var text = node.requiredString(key, example);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        var problem = Cidr.problem(text.get());
        problem.ifPresent(p -> problems.add(node.at(key) + " " + p));
        return problem.isPresent() ? Optional.empty() : Optional.of(Cidr.parse(text.get()));
    }

    /**
     * The private DNS zones the stack's own private endpoints register in must be hosted in the hub; without them a
     * component would fail at construction (or, worse, an endpoint would resolve publicly).
     */
    private void checkPrivateDnsZones(boolean workspaces, Optional<StackConfig.Landing> landing, boolean dataLake,
                                      Optional<StackConfig.Ai> ai, boolean integration, boolean privateLinkScope,
                                      boolean createsWorkspace) {
        var zones = hubZones;
        if (zones == null || zones.equals(PrivateDnsZones.DEFAULTS)) {
            return;
        }
        var needed = new LinkedHashMap<String, String>();
        needed.put(PrivateDnsZones.KEY_VAULT, "clients of the platform Key Vault's private endpoint");
        if (createsWorkspace) {
            needed.put(PrivateDnsZones.BLOB, "the Log Analytics workspace's saved-query account's endpoint");
        }
        if (workspaces) {
            needed.put(PrivateDnsZones.DATABRICKS, "the workspaces' Private Link endpoints");
            needed.put(PrivateDnsZones.DFS, "the workspaces' DBFS storage endpoints");
            needed.put(PrivateDnsZones.BLOB, "the workspaces' DBFS storage endpoints");
        }
        if (landing.filter(l -> l.settings().mode() == LandingMode.STAGED).isPresent()) {
            needed.putIfAbsent(PrivateDnsZones.DFS, "the landing staging account's endpoints");
            needed.putIfAbsent(PrivateDnsZones.BLOB, "the landing staging account's endpoints");
        }
        if (dataLake) {
            needed.putIfAbsent(PrivateDnsZones.DFS, "the data lake's endpoints");
            needed.putIfAbsent(PrivateDnsZones.BLOB, "the data lake's endpoints");
        }
        ai.flatMap(StackConfig.Ai::containerRegistry).ifPresent(r -> needed.putIfAbsent(PrivateDnsZones.CONTAINER_REGISTRY,
                "the AI platform registry's endpoint"));
        if (ai.flatMap(StackConfig.Ai::aiServices).isPresent()) {
            // One endpoint answers for the account's three host names; each needs its zone.
            for (var zone : List.of(PrivateDnsZones.COGNITIVE_SERVICES, PrivateDnsZones.OPENAI, PrivateDnsZones.AI_SERVICES)) {
                needed.putIfAbsent(zone, "the AI services account's endpoint");
            }
        }
        if (ai.flatMap(StackConfig.Ai::machineLearning).isPresent()) {
            for (var zone : List.of(PrivateDnsZones.ML_API, PrivateDnsZones.ML_NOTEBOOKS, PrivateDnsZones.BLOB,
                    PrivateDnsZones.FILE)) {
                needed.putIfAbsent(zone, "the machine learning workspace's endpoints");
            }
        }
        if (integration) {
            needed.putIfAbsent(PrivateDnsZones.SERVICE_BUS, "the integration's Service Bus endpoint");
            for (var zone : List.of(PrivateDnsZones.BLOB, PrivateDnsZones.QUEUE, PrivateDnsZones.TABLE)) {
                needed.putIfAbsent(zone, "the function app's storage endpoints");
            }
            needed.putIfAbsent(PrivateDnsZones.WEB_SITES, "the function app's endpoint");
        }
        if (privateLinkScope) {
            for (var zone : PrivateDnsZones.AZURE_MONITOR) {
                needed.putIfAbsent(zone, "the Azure Monitor Private Link Scope's endpoint");
            }
        }
        // One message for the key, however many zones it lacks.
        var missing = needed.entrySet().stream().filter(e -> !zones.contains(e.getKey()))
                .map(e -> "'" + e.getKey() + "' (" + e.getValue() + " resolve through it)").toList();
        if (!missing.isEmpty()) {
            problems.add(key("hub.privateDnsZones") + " must include " + String.join(", ", missing) + ", got ["
                    + String.join(", ", zones) + "]");
        }
    }

    /** A /24 that overlaps none of {@code named}, as an example. */
    private static String free(Map<String, Cidr> named) {
        for (int second = 11; second < 255; second++) {
            var candidate = Cidr.parse("10." + second + ".0.0/24");
            if (named.values().stream().noneMatch(candidate::overlaps)) {
                return candidate.toString();
            }
        }
        return "10.250.0.0/24";
    }

    /** Hub, spokes and the VPN client pool must not overlap: peered VNets with overlapping space cannot route. */
    /** The VNets the hub reaches by peering (the hub itself, the spokes, the web-auth spoke). */
    private static Map<String, Cidr> hubReachableNetworks(StackConfig.Hub hub, List<StackConfig.Spoke> spokes,
                                                          Optional<StackConfig.WebAuth> webAuth) {
        var networks = new LinkedHashMap<String, Cidr>();
        if (hub != null) {
            networks.put("hub", hub.addressSpace());
        }
        spokes.stream().filter(s -> s.addressSpace() != null).forEach(s -> networks.put("spoke " + s.name(), s.addressSpace()));
        webAuth.ifPresent(w -> networks.put("webAuth", w.addressSpace()));
        return networks;
    }

    private void checkOverlaps(StackConfig.Hub hub, List<StackConfig.Spoke> spokes, Optional<StackConfig.WebAuth> webAuth,
                               Optional<StackConfig.Router> router, Optional<StackConfig.Ai> ai,
                               Optional<StackConfig.Integration> integration, Optional<AksSettings> aks) {
        var named = new LinkedHashMap<String, Cidr>();
        // The hub's space counts whenever it is valid itself, even beside another hub mistake.
        if (hubSpace != null) {
            named.put(key("hub.addressSpace"), hubSpace);
        }
        if (hub != null) {
            hub.vpn().filter(v -> Cidr.problem(v.clientAddressPool()).isEmpty())
                    .ifPresent(v -> named.put(key("hub.vpn.clientAddressPool"), Cidr.parse(v.clientAddressPool())));
        }
        named.putAll(spokeSpaces);
        webAuth.ifPresent(w -> named.put(key("webAuth.addressSpace"), w.addressSpace()));
        router.map(StackConfig.Router::addressSpace).filter(a -> a != null && Cidr.problem(a).isEmpty())
                .ifPresent(a -> named.put(key("serverlessRouter.addressSpace"), Cidr.parse(a)));
        ai.flatMap(StackConfig.Ai::machineLearning).map(StackConfig.AiMachineLearning::computeAddressSpace)
                .filter(a -> a != null && Cidr.problem(a).isEmpty())
                .ifPresent(a -> named.put(key("ai.machineLearning.computeAddressSpace"), Cidr.parse(a)));
        integration.ifPresent(i -> named.put(key("integration.addressSpace"), Cidr.parse(i.addressSpace())));
        aks.ifPresent(a -> {
            named.put(key("aks.addressSpace"), Cidr.parse(a.addressSpace()));
            // Kubernetes services must not overlap any network the cluster reaches (learn.microsoft.com/azure/aks/configure-azure-cni).
            named.put("the AKS service range (" + key("aks") + ")", Cidr.parse(PrivateAksClusterArgs.SERVICE_CIDR));
        });
        // Each overlap is reported under the key written later (the hub first, then spokes in order), quoting both.
        var entries = new ArrayList<>(named.entrySet());
        for (int j = 0; j < entries.size(); j++) {
            for (int i = 0; i < j; i++) {
                var earlier = entries.get(i);
                var later = entries.get(j);
                if (earlier.getValue().overlaps(later.getValue())) {
                    problems.add(later.getKey() + " '" + later.getValue() + "' overlaps " + earlier.getKey() + " '"
                            + earlier.getValue() + "'; address spaces of the hub, the spokes, the web-auth workspace, "
                            + "the router, the AKS cluster and the VPN client pool must not overlap, like " + free(named));
                }
            }
        }
    }
}
