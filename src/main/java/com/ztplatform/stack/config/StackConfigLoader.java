package com.ztplatform.stack.config;

import com.ztplatform.components.common.AzureRegions;
import com.ztplatform.components.common.Tags;
import com.ztplatform.components.core.AzureNames;
import com.ztplatform.components.core.Cidr;
import com.ztplatform.components.core.Guids;
import com.ztplatform.components.core.LayoutException;
import com.ztplatform.components.core.SubnetCarver;
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
import com.ztplatform.components.landing.LandingMode;
import com.ztplatform.components.landing.LandingSettings;
import com.ztplatform.components.landing.LandingSource;
import com.ztplatform.components.monitoring.LogAnalyticsArgs;
import com.ztplatform.components.serverless.HardeningSettings;
import com.ztplatform.components.serverless.RouterForward;
import com.ztplatform.components.serverless.ServerlessRouterArgs;
import com.ztplatform.components.serverless.ServerlessSettings;
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
 * collected, each naming its config key and showing a valid example, before any resource is registered.
 */
public final class StackConfigLoader {
    public static final String PROVIDER = "azure-native";
    private static final Pattern SPOKE_NAME = Pattern.compile("^[a-z][a-z0-9]{1,11}$");

    private final String project;
    private final ConfigSource source;
    private final List<String> problems = new ArrayList<>();
    /** Issue 13: serverlessRouter.onPremisesPrefixes, read for validation only. */
    private List<String> routerOnPremisesPrefixes = List.of();

    private StackConfigLoader(String project, ConfigSource source) {
        this.project = project;
        this.source = source;
    }

    /** Loads and validates; throws {@link ConfigException} listing every problem. */
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
        return source.get(project, name).map(raw -> ConfigNode.root(key(name), raw, problems));
    }

    private Optional<String> plain(String name, String example) {
        var node = node(name);
        if (node.isEmpty()) {
            problems.add(key(name) + " is required, like " + example);
            return Optional.empty();
        }
        var value = node.get().scalar();
        if (value.isEmpty()) {
            problems.add(key(name) + " must be a plain value, like " + example);
        }
        return value;
    }

    private boolean flag(String name, boolean defaultValue) {
        var raw = source.get(project, name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        if (!raw.get().equals("true") && !raw.get().equals("false")) {
            problems.add(key(name) + " must be true or false, got '" + raw.get() + "'");
            return defaultValue;
        }
        return Boolean.parseBoolean(raw.get());
    }

    private StackConfig read() {
        var location = source.get(PROVIDER, "location").orElse(null);
        AzureRegions.problem(PROVIDER + ":location", location).ifPresent(problems::add);

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
        var spokes = readSpokes();
        var webAuth = readWebAuth();
        var keyVault = readKeyVault();
        var databricksAuth = readDatabricksAuth();
        var serverless = readServerless();
        var hardening = readHardening();
        var router = readRouter(serverless.isPresent());
        var landing = readLanding(spokes);
        checkOverlaps(hub, spokes, webAuth, router);
        // Issue 13: cross-key rules, defined once in the components' settings classes.
        router.ifPresent(r -> problems.addAll(RouterForward.reachabilityProblems(key("serverlessRouter"), r.forwards(),
                hubReachableNetworks(hub, spokes, webAuth), routerOnPremisesPrefixes)));
        problems.addAll(FirewallSettings.legacyMetastoreProblems(key("firewall"), firewall.settings().legacyHiveMetastore(),
                key("workspaceHardening"), hardening.disableLegacyAccess()));
        return new StackConfig(project, location, environment, prefix, tags, protect, lock, bootstrap, logs, hub, firewall,
                spokes, webAuth, keyVault, databricksAuth, serverless, hardening, router, landing);
    }

    private void plainProblem(String name, String value, Optional<String> problem) {
        if (!value.isEmpty()) {
            problem.ifPresent(p -> problems.add(key(name) + ": " + p));
        }
    }

    private StackConfig.MandatoryTags readTags(String environment) {
        var node = node("tags");
        if (node.isEmpty()) {
            problems.add(key("tags") + " is required, with " + String.join(", ", StackConfig.MandatoryTags.MANDATORY)
                    + ", like {environment: dev, owner: platform-team@contoso.com, costCenter: CC-1234, "
                    + "dataClassification: confidential}");
            return new StackConfig.MandatoryTags("", "", "", "", Map.of());
        }
        var tags = node.get();
        if (!tags.expectObject("{owner: platform-team@contoso.com, ...}")) {
            return new StackConfig.MandatoryTags("", "", "", "", Map.of());
        }
        // stringMap() reports every non-string tag, so it is read once.
        var all = tags.stringMap();
        var values = new LinkedHashMap<>(all);
        var examples = Map.of("environment", environment.isEmpty() ? "dev" : environment,
                "owner", "platform-team@contoso.com", "costCenter", "CC-1234", "dataClassification", "confidential");
        for (var mandatory : StackConfig.MandatoryTags.MANDATORY) {
            var value = values.remove(mandatory);
            if (value == null || value.isBlank()) {
                problems.add(tags.at(mandatory) + " is a mandatory tag, like '" + examples.get(mandatory) + "'");
            }
        }
        var env = all.getOrDefault("environment", "");
        if (!env.isBlank() && !environment.isEmpty() && !env.equals(environment)) {
            problems.add(tags.at("environment") + " is '" + env + "' but " + key("environment") + " is '" + environment
                    + "'; they must match");
        }
        var classification = all.getOrDefault("dataClassification", "");
        if (!classification.isBlank() && !StackConfig.MandatoryTags.CLASSIFICATIONS.contains(classification)) {
            problems.add(tags.at("dataClassification") + " must be one of "
                    + String.join(", ", StackConfig.MandatoryTags.CLASSIFICATIONS) + ", got '" + classification + "'");
        }
        problems.addAll(Tags.problems(key("tags"), all));
        return new StackConfig.MandatoryTags(env, all.getOrDefault("owner", ""), all.getOrDefault("costCenter", ""),
                classification, values);
    }

    private StackConfig.Logs readLogs() {
        var node = node("logs");
        if (node.isEmpty() || !node.get().expectObject("{retentionInDays: 90}")) {
            return new StackConfig.Logs(LogAnalyticsArgs.DEFAULT_RETENTION_DAYS, Optional.empty());
        }
        var logs = node.get();
        logs.allowOnly(Set.of("retentionInDays", "existingWorkspaceId"));
        var retention = logs.integer("retentionInDays", LogAnalyticsArgs.DEFAULT_RETENTION_DAYS, "90");
        var existing = logs.string("existingWorkspaceId",
                "/subscriptions/<GUID>/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/law-central");
        var config = new StackConfig.Logs(retention, existing);
        problems.addAll(LogAnalyticsArgs.settingsProblems(logs.path() + ".", retention, existing));
        return config;
    }

    private StackConfig.Firewall readFirewall(String location, StackConfig.Hub hub) {
        var defaults = FirewallSettings.defaults();
        var node = node("firewall");
        var firewall = node.filter(n -> n.expectObject("{sku: Standard}"));
        firewall.ifPresent(n -> n.allowOnly(Set.of("sku", "zones", "threatIntelMode", "dnsProxy", "idpsMode",
                "controlPlaneMode", "legacyHiveMetastore", "controlPlaneViaPrivateLink", "regionOverrides",
                "packageRepositories", "egress")));
        var f = firewall.orElse(null);
        var skuName = f == null ? Optional.<String>empty() : f.string("sku", "Standard");
        var sku = skuName.map(name -> FirewallSku.parse(name).orElseGet(() -> {
            problems.add(key("firewall.sku") + " must be one of " + FirewallSku.validNames() + ", got '" + name + "'");
            return null;
        })).orElse(defaults.sku());
        var zones = f == null ? List.<String>of() : f.array("zones", "[1, 2, 3]").orElse(List.of()).stream()
                .map(z -> z.scalar().orElse("?")).toList();
        var threatIntel = f == null ? defaults.threatIntelMode() : f.string("threatIntelMode", "Deny").orElse(defaults.threatIntelMode());
        var dnsProxy = f == null ? defaults.dnsProxy() : f.bool("dnsProxy", defaults.dnsProxy());
        var idps = f == null ? Optional.<String>empty() : f.string("idpsMode", "Deny");
        var modeName = f == null ? Optional.<String>empty() : f.string("controlPlaneMode", "fqdn");
        var modeProblem = modeName.flatMap(m -> ControlPlaneMode.problem(key("firewall.controlPlaneMode"), m));
        modeProblem.ifPresent(problems::add);
        var mode = modeProblem.isPresent() ? null : modeName.map(ControlPlaneMode::parse).orElse(defaults.controlPlaneMode());
        var metastore = f != null && f.bool("legacyHiveMetastore", false);
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
            var list = f.strings("packageRepositories", "[pypi, maven]").orElse(List.of());
            for (int i = 0; i < list.size(); i++) {
                var problem = PackageRepository.problem(key("firewall.packageRepositories[" + i + "]"), list.get(i));
                problem.ifPresent(problems::add);
                if (problem.isEmpty()) {
                    repositories.add(PackageRepository.parse(list.get(i)));
                }
            }
        }
        var egressNode = f == null ? Optional.<ConfigNode>empty() : f.object("egress", "{mode: natGateway}");
        egressNode.ifPresent(e -> e.allowOnly(Set.of("mode", "publicIpPrefixLength", "forcedTunnelNextHopIp")));
        var egressMode = egressNode.flatMap(e -> e.string("mode", "natGateway")).map(m -> EgressMode.parse(m).orElseGet(() -> {
            problems.add(key("firewall.egress.mode") + " must be natGateway or forcedTunnel, got '" + m + "'");
            return EgressMode.NAT_GATEWAY;
        })).orElse(EgressMode.NAT_GATEWAY);
        var prefixLength = egressNode.map(e -> e.integer("publicIpPrefixLength", 0, "31")).orElse(0);
        var nextHop = egressNode.flatMap(e -> e.string("forcedTunnelNextHopIp", "10.200.0.4"));
        problems.addAll(EgressPathArgs.settingsProblems(key("firewall.egress") + ".", egressMode, prefixLength, nextHop));

        if (sku == null || mode == null) {
            return null;
        }
        var settings = new FirewallSettings(sku, zones, threatIntel, dnsProxy, idps, mode, metastore, viaPrivateLink,
                overrides, repositories);
        // An unsupported region is reported once, under azure-native:location.
        if (AzureRegions.problem("", location).isEmpty() && hub != null) {
            problems.addAll(settings.problems(key("firewall"), location, EgressCatalogue.load(), egressMode,
                    hub.firewallManagementSubnet()));
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
        hub.allowOnly(Set.of("addressSpace", "privateEndpointSubnetPrefix", "firewallManagementSubnet", "bastion",
                "vpn", "dnsResolver", "privateDnsZones"));
        var space = cidr(hub, "addressSpace", "10.10.0.0/22");
        var pePrefix = hub.integer("privateEndpointSubnetPrefix", HubLayout.DEFAULT_PRIVATE_ENDPOINT_PREFIX, "26");
        if (pePrefix < 24 || pePrefix > 28) {
            problems.add(hub.at("privateEndpointSubnetPrefix") + " must be between 24 and 28, like 26, got " + pePrefix);
        }
        var mgmt = hub.bool("firewallManagementSubnet", true);
        var bastion = hub.object("bastion", "{sku: Basic}").map(this::readBastion);
        var vpn = hub.object("vpn", "{clientAddressPool: 172.16.200.0/24, tenantId: <GUID>}").map(this::readVpn);
        var resolver = hub.object("dnsResolver", "{outboundEndpoint: false}").map(n -> {
            n.allowOnly(Set.of("outboundEndpoint"));
            return new DnsResolverOptions(n.bool("outboundEndpoint", false));
        });
        var zones = hub.strings("privateDnsZones", "[" + PrivateDnsZones.DATABRICKS + "]")
                .orElse(PrivateDnsZones.DEFAULTS);
        problems.addAll(PrivateDnsZones.problems(hub.at("privateDnsZones"), zones));

        var result = space.map(s -> new StackConfig.Hub(s, pePrefix, mgmt, bastion, vpn, resolver, zones));
        if (result.isPresent() && pePrefix >= 24 && pePrefix <= 28) {
            try {
                result.get().layout();
            } catch (LayoutException e) {
                e.problems().forEach(p -> problems.add(hub.at("addressSpace") + ": " + p));
            }
        }
        return result.orElse(null);
    }

    private BastionOptions readBastion(ConfigNode node) {
        node.allowOnly(Set.of("sku", "copyPaste", "fileCopy", "tunneling", "scaleUnits"));
        var skuName = node.requiredString("sku", "Basic").orElse(null);
        var sku = skuName == null ? Optional.<BastionSku>empty() : BastionSku.parse(skuName);
        if (skuName != null && sku.isEmpty()) {
            problems.add(node.at("sku") + " must be one of " + BastionSku.validNames() + ", got '" + skuName + "'");
        }
        if (sku.isEmpty()) {
            return null;
        }
        var options = new BastionOptions(sku.get(), node.bool("copyPaste", false), node.bool("fileCopy", false),
                node.bool("tunneling", false), node.integer("scaleUnits", BastionOptions.DEFAULT_SCALE_UNITS, "2"));
        problems.addAll(options.problems(node.path()));
        return options;
    }

    private VpnOptions readVpn(ConfigNode node) {
        node.allowOnly(Set.of("clientAddressPool", "tenantId", "audience", "sku"));
        var pool = node.requiredString("clientAddressPool", "172.16.200.0/24");
        var tenant = node.requiredString("tenantId", "72f988bf-86f1-41af-91ab-2d7cd011db47");
        if (pool.isEmpty() || tenant.isEmpty()) {
            return null;
        }
        var options = new VpnOptions(pool.get(), tenant.get(), node.string("audience", VpnOptions.MICROSOFT_REGISTERED_AUDIENCE)
                .orElse(null), node.string("sku", VpnOptions.DEFAULT_SKU).orElse(null));
        problems.addAll(options.problems(node.path()));
        return options;
    }

    private List<StackConfig.Spoke> readSpokes() {
        var example = "[{name: analytics, addressSpace: 10.11.0.0/24}]";
        var node = node("spokes");
        if (node.isEmpty()) {
            return List.of();
        }
        var spokes = new ArrayList<StackConfig.Spoke>();
        var names = new HashSet<String>();
        for (var spoke : node.get().elements(example).orElse(List.of())) {
            if (!spoke.expectObject("{name: analytics, addressSpace: 10.11.0.0/24}")) {
                continue;
            }
            spoke.allowOnly(Set.of("name", "addressSpace", "hostSubnetPrefix", "containerSubnetPrefix",
                    "privateEndpointSubnetPrefix", "storageSku", "frontEndPrivateEndpoint"));
            var name = spoke.requiredString("name", "analytics");
            name.ifPresent(n -> {
                if (!SPOKE_NAME.matcher(n).matches()) {
                    problems.add(spoke.at("name") + " must be 2-12 lowercase letters or digits starting with a letter, "
                            + "like 'analytics', got '" + n + "'");
                } else if (n.equals(StackConfig.WebAuth.SPOKE_NAME)) {
                    problems.add(spoke.at("name") + " 'webauth' is reserved for the web-auth workspace; use another name, "
                            + "like 'analytics'");
                } else if (!names.add(n)) {
                    problems.add(spoke.at("name") + " '" + n + "' is used by another spoke; spoke names must be unique");
                }
            });
            var space = cidr(spoke, "addressSpace", "10.11.0.0/24");
            var host = spoke.integer("hostSubnetPrefix", SpokeLayout.DEFAULT_DATABRICKS_PREFIX, "26");
            var container = spoke.integer("containerSubnetPrefix", SpokeLayout.DEFAULT_DATABRICKS_PREFIX, "26");
            var pe = spoke.integer("privateEndpointSubnetPrefix", SpokeLayout.DEFAULT_PRIVATE_ENDPOINT_PREFIX, "27");
            var storageSku = spoke.string("storageSku", "Standard_ZRS").orElse("Standard_ZRS");
            if (!DatabricksSpokeArgs.STORAGE_SKUS.contains(storageSku)) {
                problems.add(spoke.at("storageSku") + " must be one of "
                        + String.join(", ", DatabricksSpokeArgs.STORAGE_SKUS.stream().sorted().toList())
                        + ", like Standard_ZRS, got '" + storageSku + "'");
            }
            var frontEnd = spoke.bool("frontEndPrivateEndpoint", true);
            var sizeProblems = SpokeLayout.sizeProblems(spoke.path() + ".", host, container, pe);
            problems.addAll(sizeProblems);
            if (space.isPresent() && sizeProblems.isEmpty()) {
                try {
                    SpokeLayout.carve(space.get(), host, container, pe);
                } catch (LayoutException e) {
                    e.problems().forEach(p -> problems.add(spoke.at("addressSpace") + ": " + p));
                }
            }
            if (name.isPresent() && space.isPresent()) {
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
        kv.allowOnly(Set.of("sku", "hsmKeys", "customerManagedKeys", "azureDatabricksObjectId", "rotation", "secretScopeName"));
        var sku = kv.string("sku", "premium").orElse("standard");
        var hsm = kv.bool("hsmKeys", false);
        var purposes = new java.util.TreeSet<KeyPurpose>();
        var listed = kv.strings("customerManagedKeys", "[managedServices, managedDisk, dbfsRoot]").orElse(List.of());
        for (int i = 0; i < listed.size(); i++) {
            var purpose = KEY_NAMES.get(listed.get(i));
            if (purpose == null) {
                problems.add(kv.at("customerManagedKeys[" + i + "]") + " must be one of dbfsRoot, managedDisk, "
                        + "managedServices, got '" + listed.get(i) + "'");
            } else {
                purposes.add(purpose);
            }
        }
        var rotationNode = kv.object("rotation", "{rotateAfter: P1Y, expireAfter: P2Y, notifyBefore: P30D}");
        rotationNode.ifPresent(r -> r.allowOnly(Set.of("rotateAfter", "expireAfter", "notifyBefore")));
        var defaults = KeyRotation.defaults();
        var rotation = rotationNode.map(r -> new KeyRotation(r.string("rotateAfter", "P1Y").orElse(defaults.rotateAfter()),
                r.string("expireAfter", "P2Y").orElse(defaults.expireAfter()),
                r.string("notifyBefore", "P30D").orElse(defaults.notifyBefore()))).orElse(defaults);
        var objectId = kv.string("azureDatabricksObjectId", "<GUID>");
        var scopeName = kv.string("secretScopeName", "platform").orElse("platform");
        if (!SCOPE_NAME.matcher(scopeName).matches()) {
            problems.add(kv.at("secretScopeName") + " must be 1-128 letters, digits, '-', '_' or '.', like platform, got '"
                    + scopeName + "'");
        }
        problems.addAll(KeyVaultScopeArgs.settingsProblems(kv.path() + ".", sku, hsm, rotation, objectId, true));
        return new StackConfig.KeyVault(sku, hsm, purposes, rotation, objectId, scopeName);
    }

    private Optional<ServerlessSettings> readServerless() {
        var node = node("serverless");
        if (node.isEmpty() || !node.get().expectObject("{accountId: <GUID>}")) {
            return Optional.empty();
        }
        var n = node.get();
        n.allowOnly(Set.of("accountId", "existingNccId", "otherNccsInRegion", "enforcement", "privateStorage"));
        var accountId = n.requiredString("accountId", "<GUID of the Databricks account>").orElse("");
        var storage = new ArrayList<ServerlessSettings.PrivateStorage>();
        n.array("privateStorage", "[{resourceId: /subscriptions/.../storageAccounts/lakeprod, services: [dfs]}]")
                .orElse(List.of()).forEach(s -> {
                    if (s.expectObject("{resourceId: ..., services: [dfs, blob]}")) {
                        s.allowOnly(Set.of("resourceId", "services"));
                        storage.add(new ServerlessSettings.PrivateStorage(
                                s.requiredString("resourceId", "/subscriptions/<GUID>/resourceGroups/rg/providers/"
                                        + "Microsoft.Storage/storageAccounts/lakeprod").orElse(""),
                                s.strings("services", "[dfs, blob]").orElse(List.of("dfs", "blob"))));
                    }
                });
        var settings = new ServerlessSettings(accountId, n.string("existingNccId", "<NCC id>"),
                n.integer("otherNccsInRegion", 0, "0"), n.string("enforcement", "ENFORCED").orElse("ENFORCED"), storage);
        problems.addAll(settings.problems(n.path()));
        return Optional.of(settings);
    }

    private Optional<StackConfig.Router> readRouter(boolean serverlessConfigured) {
        var node = node("serverlessRouter");
        if (node.isEmpty() || !node.get().expectObject("{addressSpace: 10.110.0.0/27, adminSshPublicKey: ..., forwards: [...]}")) {
            return Optional.empty();
        }
        var n = node.get();
        n.allowOnly(Set.of("addressSpace", "adminSshPublicKey", "vmSize", "forwards", "onPremisesPrefixes"));
        var forwards = new ArrayList<RouterForward>();
        n.array("forwards", "[{port: 1433, destination: 10.200.10.5, domainNames: [sql.corp.contoso.com]}]")
                .orElse(List.of()).forEach(f -> {
                    if (f.expectObject("{port: 1433, destination: 10.200.10.5, domainNames: [sql.corp.contoso.com]}")) {
                        f.allowOnly(Set.of("port", "destination", "domainNames"));
                        forwards.add(new RouterForward(f.integer("port", 0, "1433"),
                                f.requiredString("destination", "10.200.10.5").orElse(""),
                                f.strings("domainNames", "[sql.corp.contoso.com]").orElse(List.of())));
                    }
                });
        var router = new StackConfig.Router(n.requiredString("addressSpace", "10.110.0.0/27").orElse(null),
                n.requiredString("adminSshPublicKey", "'ssh-ed25519 AAAA... ops@contoso'").orElse(null),
                n.string("vmSize", "Standard_B2s").orElse(ServerlessRouterArgs.DEFAULT_VM_SIZE), forwards);
        ServerlessRouterArgs.settingsProblems(n.path() + ".", router.addressSpace(), router.adminSshPublicKey(),
                router.vmSize(), forwards).forEach(problems::add);
        // Issue 13: declared on-premises ranges, used only to check that every forward leads somewhere (see load()).
        routerOnPremisesPrefixes = n.strings("onPremisesPrefixes", "[10.200.0.0/16]").orElse(List.of());
        if (!serverlessConfigured) {
            problems.add(n.path() + " needs " + key("serverless")
                    + ": the router is reached through an NCC private endpoint rule");
        }
        return Optional.of(router);
    }

    private Optional<StackConfig.Landing> readLanding(List<StackConfig.Spoke> spokes) {
        var example = "{workspace: analytics, mode: direct, fabricWorkspace: zt-landing, lakehouse: mirror, ...}";
        var node = node("landing");
        if (node.isEmpty() || !node.get().expectObject(example)) {
            return Optional.empty();
        }
        var n = node.get();
        n.allowOnly(Set.of("workspace", "mode", "fabricWorkspace", "lakehouse", "folder", "sources", "schedule", "timezone",
                "identity", "servicePrincipalClientId", "servicePrincipalObjectId", "fabricWorkspaceIdentityObjectId",
                "verifyEchoUrl"));
        var workspace = n.requiredString("workspace", "analytics").orElse("");
        if (!workspace.isEmpty() && spokes.stream().noneMatch(s -> s.name().equals(workspace))) {
            problems.add(n.at("workspace") + " must name a spoke that runs the jobs, one of "
                    + spokes.stream().map(StackConfig.Spoke::name).toList() + ", got '" + workspace + "'");
        }
        var modeName = n.string("mode", "direct").orElse("direct");
        var mode = LandingMode.parse(modeName);
        if (mode.isEmpty()) {
            problems.add(n.at("mode") + " must be direct or staged, got '" + modeName + "'");
        }
        var sources = new ArrayList<LandingSource>();
        n.array("sources", "[{table: main.sales.orders, dest: orders}]").orElse(List.of()).forEach(src -> {
            if (src.expectObject("{table: main.sales.orders, dest: orders}")) {
                src.allowOnly(Set.of("table", "path", "format", "dest"));
                var table = src.string("table", "main.sales.orders").orElse(null);
                var path = src.string("path", "/Volumes/main/raw/exports/orders").orElse(null);
                var dest = src.requiredString("dest", "orders").orElse("");
                sources.add(table != null ? new LandingSource(table, path, "delta", dest)
                        : LandingSource.path(path, src.string("format", "parquet").orElse(null), dest));
            }
        });
        var settings = new LandingSettings(mode.orElse(LandingMode.DIRECT),
                n.requiredString("fabricWorkspace", "zt-landing").orElse(""),
                n.requiredString("lakehouse", "mirror").orElse(""),
                n.string("folder", "Files/LandingZone"), sources,
                n.string("schedule", "'0 0 2 * * ?'").orElse("0 0 2 * * ?"),
                n.string("timezone", "UTC").orElse("UTC"),
                n.string("identity", "servicePrincipal").orElse("servicePrincipal"),
                n.string("servicePrincipalClientId", "<GUID>"), n.string("servicePrincipalObjectId", "<GUID>"),
                n.string("fabricWorkspaceIdentityObjectId", "<GUID>"), n.string("verifyEchoUrl", "https://..."));
        if (mode.isPresent()) {
            problems.addAll(settings.problems(n.path()));
        }
        return Optional.of(new StackConfig.Landing(workspace, settings, source.secret(project, "landingClientSecret")));
    }

    private HardeningSettings readHardening() {
        var strict = HardeningSettings.strict();
        var node = node("workspaceHardening");
        if (node.isEmpty() || !node.get().expectObject("{maxTokenLifetimeDays: 30}")) {
            return strict;
        }
        var n = node.get();
        n.allowOnly(Set.of("complianceStandards", "enhancedSecurityMonitoring", "automaticClusterUpdate",
                "disableLegacyAccess", "disableLegacyDbfs", "maxTokenLifetimeDays", "resultsDownload", "notebookExport",
                "breakGlassIpRanges"));
        // Issue 13: keys that need a newer azure-native are refused (HardeningSettings.UNSUPPORTED_KEYS says why).
        problems.addAll(HardeningSettings.unsupportedKeyProblems(n.path(),
                HardeningSettings.UNSUPPORTED_KEYS.keySet().stream().filter(n::has).toList()));
        var settings = new HardeningSettings(
                n.bool("disableLegacyAccess", strict.disableLegacyAccess()),
                n.bool("disableLegacyDbfs", strict.disableLegacyDbfs()),
                n.integer("maxTokenLifetimeDays", strict.maxTokenLifetimeDays(), "90"),
                n.bool("resultsDownload", strict.resultsDownload()),
                n.bool("notebookExport", strict.notebookExport()),
                n.strings("breakGlassIpRanges", "[203.0.113.0/28]").orElse(List.of()));
        problems.addAll(settings.problems(n.path()));
        return settings;
    }

    private StackConfig.DatabricksAuth readDatabricksAuth() {
        var node = node("databricksAuth");
        if (node.isEmpty() || !node.get().expectObject("{type: githubOidc, clientId: <GUID>}")) {
            return new StackConfig.DatabricksAuth("azureCli", Optional.empty());
        }
        var auth = node.get();
        auth.allowOnly(Set.of("type", "clientId"));
        var type = auth.string("type", "githubOidc").orElse("azureCli");
        if (!StackConfig.DatabricksAuth.TYPES.contains(type)) {
            problems.add(auth.at("type") + " must be one of " + String.join(", ", StackConfig.DatabricksAuth.TYPES)
                    + " (personal access tokens are not supported: Key Vault-backed scopes need Entra ID), got '" + type + "'");
        }
        var clientId = auth.string("clientId", "<GUID>");
        if (type.equals("githubOidc") && clientId.isEmpty()) {
            problems.add(auth.at("clientId") + " is required with type githubOidc: the client id of the federated app registration");
        }
        clientId.filter(id -> !Guids.isGuid(id)).ifPresent(id -> problems.add(auth.at("clientId")
                + " must be a GUID, got '" + id + "'"));
        return new StackConfig.DatabricksAuth(type, clientId);
    }

    private Optional<StackConfig.WebAuth> readWebAuth() {
        var node = node("webAuth");
        if (node.isEmpty() || !node.get().expectObject("{addressSpace: 10.19.0.0/24}")) {
            return Optional.empty();
        }
        var webAuth = node.get();
        webAuth.allowOnly(Set.of("addressSpace"));
        var space = cidr(webAuth, "addressSpace", "10.19.0.0/24");
        space.ifPresent(s -> {
            try {
                SpokeLayout.carve(s, SpokeLayout.DEFAULT_DATABRICKS_PREFIX, SpokeLayout.DEFAULT_DATABRICKS_PREFIX,
                        SpokeLayout.DEFAULT_PRIVATE_ENDPOINT_PREFIX);
            } catch (LayoutException e) {
                e.problems().forEach(p -> problems.add(webAuth.at("addressSpace") + ": " + p));
            }
        });
        return space.map(StackConfig.WebAuth::new);
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

    /** Hub, spokes and the VPN client pool must not overlap: peered VNets with overlapping space cannot route. */
    /** Issue 13: the VNets the hub reaches by peering (the hub itself, the spokes, the web-auth spoke). */
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
                               Optional<StackConfig.Router> router) {
        var named = new LinkedHashMap<String, Cidr>();
        if (hub != null) {
            named.put(key("hub.addressSpace"), hub.addressSpace());
            hub.vpn().filter(v -> Cidr.problem(v.clientAddressPool()).isEmpty())
                    .ifPresent(v -> named.put(key("hub.vpn.clientAddressPool"), Cidr.parse(v.clientAddressPool())));
        }
        for (int i = 0; i < spokes.size(); i++) {
            named.put(key("spokes[" + i + "].addressSpace") + " (" + spokes.get(i).name() + ")",
                    spokes.get(i).addressSpace());
        }
        webAuth.ifPresent(w -> named.put(key("webAuth.addressSpace"), w.addressSpace()));
        router.map(StackConfig.Router::addressSpace).filter(a -> a != null && Cidr.problem(a).isEmpty())
                .ifPresent(a -> named.put(key("serverlessRouter.addressSpace"), Cidr.parse(a)));
        SubnetCarver.overlaps(named).forEach(p -> problems.add(p + "; address spaces of the hub, the spokes and the "
                + "VPN client pool must not overlap"));
    }
}
