package com.ztplatform.stack.config;

import com.ztplatform.components.alerts.AlertThresholds;
import com.ztplatform.components.alerts.BudgetSettings;
import com.ztplatform.components.databricks.DatabricksSpokeArgs;
import com.ztplatform.components.databricks.SpokeLayout;
import com.ztplatform.components.deltasharing.DeltaSharingSettings;
import com.ztplatform.components.lake.StorageIpRules;
import com.ztplatform.components.firewall.ControlPlaneMode;
import com.ztplatform.components.firewall.EgressMode;
import com.ztplatform.components.firewall.FirewallSku;
import com.ztplatform.components.firewall.PackageRepository;
import com.ztplatform.components.lake.LakeSettings;
import com.ztplatform.components.monitoring.LogAnalyticsArgs;
import com.ztplatform.components.network.BastionOptions;
import com.ztplatform.components.network.BastionSku;
import com.ztplatform.components.network.HubLayout;
import com.ztplatform.components.network.VpnOptions;
import com.ztplatform.components.serverless.HardeningSettings;
import com.ztplatform.components.serverless.ServerlessRouterArgs;
import com.ztplatform.components.serverless.ServerlessSettings;
import com.ztplatform.landing.contract.LandingUris;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The one definition of the stack configuration's keys: their shape, defaults, allowed values, which must be
 * secret, and what they mean. The loader binds from it ({@link ConfigNode} refuses to read a key it does not
 * define and reports every key a stack file has that it does not define); the README's configuration reference
 * and {@code Pulumi.yaml}'s {@code config} block are generated from it ({@code ConfigDocsTest} fails when they
 * are stale). Defaults are the components' own constants; cross-field rules stay in code, next to the settings
 * record they belong to.
 *
 * <p>Enum values are case-sensitive and spelled exactly as listed here (the spelling Azure or Databricks
 * documents); a value that differs only in case is an error that names the right spelling.
 */
public final class ConfigSchema {
    /**
     * A key: its path as a user writes it ({@code hub.bastion.sku}, {@code spokes[].name}).
     *
     * @param path        the path under the project namespace, or a provider key like {@code azure-native:location}
     * @param type        string, bool, int, object, list, ... as the reference shows it
     * @param defaultText the default as the reference shows it; empty when required or absent by default
     * @param meaning     what the key does
     * @param allowed     the values allowed (case-sensitive); empty when any value of the type is
     * @param secret      whether it must be set with {@code pulumi config set --secret}
     */
    public record Key(String path, String type, String defaultText, String meaning, List<String> allowed,
                      boolean secret) {
        /**
         * Copies the allowed values.
         *
         * @param path        the key's path
         * @param type        its type
         * @param defaultText its default, as shown
         * @param meaning     what it does
         * @param allowed     the allowed values
         * @param secret      whether it must be secret
         */
        public Key {
            allowed = List.copyOf(allowed);
        }
    }

    /** The provider key that gives the stack its region. */
    public static final String LOCATION = "azure-native:location";
    /** A placeholder segment for maps with user-chosen keys ({@code tags.<name>}). */
    static final String ANY = "<name>";

    private static final List<Key> KEYS = new ArrayList<>();

    private static void key(String path, String type, String defaultText, String meaning, String... allowed) {
        KEYS.add(new Key(path, type, defaultText, meaning, List.of(allowed), false));
    }

    static {
        key(LOCATION, "string", "required", "region; a public-cloud region with an Azure Databricks egress catalogue "
                + "entry (`westeurope`, `northeurope`, `eastus2`, ...). Sovereign clouds are refused.");
        key("environment", "string", "required", "2-8 lowercase letters/digits; part of every name; must equal "
                + "`tags.environment`");
        key("namePrefix", "string", "required", "2-8 lowercase letters/digits starting with a letter; first part of "
                + "every Azure name");
        key("globalNameSuffix", "string", "derived", "4-6 lowercase letters/digits ending every name Azure makes "
                + "unique worldwide (storage accounts, key vaults, the container registry, the AI services account and "
                + "subdomain), like `ztpdevlake` + `k3x9q`. Default: 5 base-36 digits of a hash of the project, "
                + "`namePrefix`, `environment` and, when set, `azure-native:subscriptionId`, `azure-native:tenantId` and "
                + "`keyVault.azureDatabricksObjectId`; no clock, no randomness. Changing it, or one of those values, "
                + "renames (replaces) those resources: pin it after the first deployment");
        key("protect", "bool", "`false`", "Pulumi `protect` on stateful resources (resource groups, VNets, DNS zones, "
                + "vault, keys, workspaces)");
        key("lock", "bool", "`false`", "Azure `CanNotDelete` lock on the hub VNet");
        key("bootstrap", "bool", "`false`", "first deployment of a stack: no workspace-level resources, DBFS-root key "
                + "prepared but not applied (see below)");
        key("tags", "object", "required", "`environment`, `owner`, `costCenter`, `dataClassification` are mandatory; "
                + "extra tags allowed. `managedBy` is set by the platform (`pulumi`) and cannot be overridden; tag "
                + "names are case-insensitive in Azure, so two names differing only in case are refused.");
        key("tags.environment", "string", "required", "must equal `environment`");
        key("tags.owner", "string", "required", "a team address, like `platform-team@contoso.com`");
        key("tags.costCenter", "string", "required", "like `CC-1234`");
        key("tags.dataClassification", "enum", "required", "the highest classification of data in the stack",
                MandatoryTagsInfo.CLASSIFICATIONS);
        key("tags." + ANY, "string", "none", "any extra tag (at most " + com.ztplatform.components.common.Tags.MAX_TAGS
                + " in all)");

        key("hub", "object", "required", "the hub network");
        key("hub.addressSpace", "CIDR", "required", "hub VNet; at least /23 (every subnet slot must fit, see below)");
        key("hub.privateEndpointSubnetPrefix", "int", "`" + HubLayout.DEFAULT_PRIVATE_ENDPOINT_PREFIX + "`",
                "size of the hub private-endpoint subnet, 24-28");
        key("hub.firewallManagementSubnet", "bool", "`true`", "create `AzureFirewallManagementSubnet` (forced "
                + "tunnelling, Firewall Basic)");
        key("hub.bastion", "object", "off", "Azure Bastion in the hub");
        key("hub.bastion.sku", "enum", "required with `bastion`", "(`Developer` needs a newer azure-native, see below)",
                "Basic", "Standard", "Developer");
        key("hub.bastion.copyPaste", "bool", "`false`", "session copy and paste");
        key("hub.bastion.fileCopy", "bool", "`false`", "file copy; `Standard` only");
        key("hub.bastion.tunneling", "bool", "`false`", "native client tunnelling; `Standard` only");
        key("hub.bastion.scaleUnits", "int", "`" + BastionOptions.DEFAULT_SCALE_UNITS + "`", "2-50, `Standard` only");
        key("hub.vpn", "object", "off", "point-to-site VPN gateway with Entra ID authentication");
        key("hub.vpn.clientAddressPool", "CIDR", "required with `vpn`", "P2S client range; must not overlap the hub "
                + "or a spoke");
        key("hub.vpn.tenantId", "GUID", "required with `vpn`", "Entra tenant whose users may connect (OpenVPN + "
                + "Entra ID only)");
        key("hub.vpn.audience", "GUID", "`" + VpnOptions.MICROSOFT_REGISTERED_AUDIENCE + "`", "Azure VPN Client app id "
                + "(Microsoft-registered)");
        key("hub.vpn.sku", "string", "`" + VpnOptions.DEFAULT_SKU + "`", "`VpnGw1..5` or `VpnGw1AZ..5AZ` (Basic has "
                + "no OpenVPN/Entra ID)");
        key("hub.dnsResolver", "object", "off", "a Private DNS Resolver with an inbound endpoint");
        key("hub.dnsResolver.outboundEndpoint", "bool", "`false`", "adds the outbound endpoint");
        key("hub.privateDnsZones", "list", "15 zones", "private-link zones hosted in the hub: Databricks, storage "
                + "blob/dfs/file/queue/table, Key Vault, ACR, Azure ML (2), AI services (3), Service Bus, App Service/Functions sites");

        key("logs", "object", "created in the hub", "where logs go");
        key("logs.retentionInDays", "int", "`" + LogAnalyticsArgs.DEFAULT_RETENTION_DAYS + "`",
                "retention of the hub Log Analytics workspace, 30-730; does not apply with `existingWorkspaceId`");
        key("logs.existingWorkspaceId", "id", "none", "send logs to an existing workspace instead of creating one");
        key("logs.flowLogs", "object", "the defaults below", "VNet flow logs (hub and every spoke VNet) with traffic "
                + "analytics into the workspace");
        key("logs.flowLogs.retentionDays", "int", "`" + com.ztplatform.components.monitoring.FlowLogSettings
                .DEFAULT_RETENTION_DAYS + "`", "days the flow log files are kept in the flow log storage account, 1-365");
        key("logs.flowLogs.trafficAnalyticsIntervalMinutes", "int", "`" + com.ztplatform.components.monitoring
                .FlowLogSettings.DEFAULT_TRAFFIC_ANALYTICS_INTERVAL + "`", "how often traffic analytics processes the "
                + "flow logs, 10 or 60");
        key("logs.flowLogs.networkWatcherResourceGroup", "string", "`" + com.ztplatform.components.monitoring
                .FlowLogSettings.DEFAULT_NETWORK_WATCHER_RG + "`", "resource group of the region's Network Watcher "
                + "(Azure creates it automatically with the first VNet)");
        key("logs.flowLogs.networkWatcherName", "string", "`NetworkWatcher_<region>`", "the Network Watcher's name, "
                + "for a subscription that named its own");
        key("logs.privateLinkScope", "bool", "`false`", "an Azure Monitor Private Link Scope in the hub (ingestion and "
                + "query access modes PrivateOnly) over the platform workspace and every Application Insights component, "
                + "with an `azuremonitor` endpoint in the hub registered in the four Azure Monitor zones and the blob "
                + "zone (added to the default zones); Azure allows one per DNS (see \"Azure Monitor private link\")");
        key(com.ztplatform.stack.reports.CostAssumptions.CONFIG_KEY, "object", "the defaults below", "usage the cost "
                + "report (`plan/<stack>/cost.md`) assumes where a price is per GB, query or operation; changes no resource");
        for (var a : com.ztplatform.stack.reports.CostAssumptions.DEFAULTS) {
            key(com.ztplatform.stack.reports.CostAssumptions.CONFIG_KEY + "." + a.key(), "int", "`" + a.defaultValue() + "`",
                    a.meaning());
        }

        key("firewall", "object", "Standard, deny by default", "the egress firewall");
        key("firewall.sku", "enum", "`Standard`", "firewall tier", names(FirewallSku.values(), FirewallSku::tier));
        checkNames("hub.bastion.sku", names(BastionSku.values(), BastionSku::azureName));
        key("firewall.zones", "list", "none", "availability zones, like `[\"1\", \"2\", \"3\"]`");
        key("firewall.threatIntelMode", "enum", "`Deny`", "Basic: `Alert` or `Off` only, and you must say so",
                "Deny", "Alert", "Off");
        key("firewall.dnsProxy", "bool", "`true`", "the firewall's DNS proxy (needed for FQDN network rules; the "
                + "serverless router VNet resolves through it). Databricks spokes use Azure-provided DNS so their own "
                + "workspace-side zone applies (see \"Spokes and Private Link\"). Basic has none: set `false`");
        key("firewall.idpsMode", "enum", "`Deny` on Premium", "Premium only. TLS inspection stays off (see below)",
                "Deny", "Alert", "Off");
        key("firewall.controlPlaneMode", "enum", "`fqdn`", "`fqdn`: Databricks-owned storage by FQDN application "
                + "rules. `serviceTags`: `Storage.<Region>` etc. (warned: opens every storage account in the region)",
                names(ControlPlaneMode.values(), ControlPlaneMode::configName));
        key("firewall.legacyHiveMetastore", "bool", "`false`", "allow the legacy Hive metastore (MySQL, TCP 3306); "
                + "only with `workspaceHardening.disableLegacyAccess: false`, since disabling legacy access blocks direct "
                + "Hive metastore access (validation refuses the pair). Never exported to the serverless network policy, "
                + "which allows names, not ports");
        key("firewall.controlPlaneViaPrivateLink", "bool", "`true`", "SCC relay and web app go through the back-end "
                + "private endpoint, so the firewall does not allow them");
        key("firewall.regionOverrides", "object", "none", "values for catalogue fields that are missing or "
                + "unverified in the stack's region");
        key("firewall.regionOverrides." + ANY, "list", "none", "the field's values (the error names the field, the "
                + "candidate and where to confirm it)");
        key("firewall.packageRepositories", "list", "none", "package repositories clusters may reach",
                names(PackageRepository.values(), PackageRepository::configName));
        key("firewall.egress", "object", "natGateway", "the path allowed traffic takes after the firewall");
        key("firewall.egress.mode", "enum", "`natGateway`", "`natGateway` (one audited egress IP) or `forcedTunnel` "
                + "(to an upstream appliance)", names(EgressMode.values(), EgressMode::configName));
        key("firewall.egress.publicIpPrefixLength", "int", "`0`", "natGateway: `0` one static IP; 28-31 a public IP "
                + "prefix for more SNAT ports");
        key("firewall.egress.forcedTunnelNextHopIp", "IP", "required with forcedTunnel", "forced tunnel: the upstream "
                + "appliance's private IP");

        key("spokes", "list", "none", "workload spokes, each with a VNet-injected workspace");
        key("spokes[].name", "string", "required", "2-12 lowercase letters/digits starting with a letter, unique "
                + "(`webauth` is reserved)");
        key("spokes[].addressSpace", "CIDR", "required", "spoke VNet; must not overlap the hub, other spokes or the "
                + "VPN pool");
        key("spokes[].hostSubnetPrefix", "int", "`" + SpokeLayout.DEFAULT_DATABRICKS_PREFIX + "`",
                "Databricks host subnet, /26 or larger, same size as the container subnet");
        key("spokes[].containerSubnetPrefix", "int", "`" + SpokeLayout.DEFAULT_DATABRICKS_PREFIX + "`",
                "Databricks container subnet, /26 or larger");
        key("spokes[].privateEndpointSubnetPrefix", "int", "`" + SpokeLayout.DEFAULT_PRIVATE_ENDPOINT_PREFIX + "`",
                "spoke private-endpoint subnet, 24-28");
        key("spokes[].storageSku", "enum", "`Standard_ZRS`", "workspace storage (DBFS root)",
                DatabricksSpokeArgs.STORAGE_SKUS.stream().sorted().toArray(String[]::new));
        key("spokes[].frontEndPrivateEndpoint", "bool", "`true`", "front-end `databricks_ui_api` endpoint in the hub "
                + "for users");

        key("webAuth", "object", "off", "the region's web-auth workspace in its own spoke (see below)");
        key("webAuth.addressSpace", "CIDR", "required with `webAuth`", "its VNet; at least /24");

        key("keyVault", "object", "required", "the platform Key Vault");
        key("keyVault.azureDatabricksObjectId", "GUID", "required", "object id of the AzureDatabricks service "
                + "principal in your tenant");
        key("keyVault.sku", "enum", "`standard`", "vault tier", "standard", "premium");
        key("keyVault.hsmKeys", "bool", "`false`", "RSA-HSM keys (premium only)");
        key("keyVault.customerManagedKeys", "list", "none", "which workspace data is encrypted with keys from the "
                + "vault", "managedServices", "managedDisk", "dbfsRoot");
        key("keyVault.rotation", "object", "`P1Y` / `P2Y` / `P30D`", "key rotation policy");
        key("keyVault.rotation.rotateAfter", "ISO 8601 duration", "`P1Y`", "rotate a key this long after creation");
        key("keyVault.rotation.expireAfter", "ISO 8601 duration", "`P2Y`", "key expiry");
        key("keyVault.rotation.notifyBefore", "ISO 8601 duration", "`P30D`", "Event Grid notice before expiry");
        key("keyVault.secretScopeName", "string", "`platform`", "the Key Vault-backed secret scope in each workload "
                + "workspace; 1-128 letters, digits, `-`, `_`, `.`");

        key("databricksAuth", "object", "azureCli", "how the workspace-level Databricks provider signs in; never a "
                + "token");
        key("databricksAuth.type", "enum", "`azureCli`", "`azureCli` (local), `managedIdentity` (runner VM in the "
                + "hub), `githubOidc` (CI)", "azureCli", "managedIdentity", "githubOidc");
        key("databricksAuth.clientId", "GUID", "none", "client id for `githubOidc` (required) or a user-assigned "
                + "`managedIdentity`; does not apply to `azureCli`");

        key("serverless", "object", "off (warned)", "serverless egress control at the Databricks account");
        key("serverless.accountId", "GUID", "required with `serverless`", "Databricks account id");
        key("serverless.existingNccId", "string", "none", "reuse an NCC");
        key("serverless.otherNccsInRegion", "int", "`0`", "NCCs the account already has in the region (at most "
                + ServerlessSettings.MAX_NCCS_PER_REGION + " in all)");
        key("serverless.enforcement", "enum", "`ENFORCED`", "`DRY_RUN` logs what would be blocked",
                ServerlessSettings.ENFORCEMENT_MODES.stream().sorted().toArray(String[]::new));
        key("serverless.privateStorage", "list", "none", "storage accounts reached privately from serverless");
        key("serverless.privateStorage[].resourceId", "id", "required", "the storage account's resource id");
        key("serverless.privateStorage[].services", "list", "`[dfs, blob]`", "`dfs` and/or `blob`");

        key("serverlessRouter", "object", "off", "router for serverless access to resources behind the firewall; needs "
                + "`serverless`");
        key("serverlessRouter.addressSpace", "CIDR", "required with `serverlessRouter`", "router VNet, /27 or larger");
        key("serverlessRouter.adminSshPublicKey", "string", "required with `serverlessRouter`", "OpenSSH public key "
                + "(no passwords)");
        key("serverlessRouter.vmSize", "string", "`" + ServerlessRouterArgs.DEFAULT_VM_SIZE + "`", "router VM size");
        key("serverlessRouter.forwards", "list", "required", "what serverless compute may reach through the router");
        key("serverlessRouter.forwards[].port", "int", "required", "TCP port, 1-65535");
        key("serverlessRouter.forwards[].destination", "IP", "required", "private IP of the destination");
        key("serverlessRouter.forwards[].domainNames", "list", "required", "names serverless compute uses for it");
        key("serverlessRouter.onPremisesPrefixes", "list", "none", "private ranges behind on-premises connectivity "
                + "the hub routes to (ExpressRoute/VPN managed outside this stack); every forward's destination must be "
                + "in the hub, a spoke or one of these");

        var strict = HardeningSettings.strict();
        key("workspaceHardening", "object", "strict", "workspace-level hardening (after `bootstrap`)");
        // Known so they get their own message, not "unknown key": they need a newer azure-native and are refused
        // (HardeningSettings.UNSUPPORTED_KEYS says why and what to do).
        for (var refused : HardeningSettings.UNSUPPORTED_KEYS.keySet().stream().sorted().toList()) {
            key("workspaceHardening." + refused, "-", "refused", "not settable with azure-native 2.10.0 (an Azure "
                    + "workspace property of API 2024-05-01); see \"What needs a newer azure-native\"");
        }
        key("workspaceHardening.disableLegacyAccess", "bool", "`" + strict.disableLegacyAccess() + "`",
                "no direct Hive metastore, no fallback mode, no no-isolation clusters");
        key("workspaceHardening.disableLegacyDbfs", "bool", "`" + strict.disableLegacyDbfs() + "`",
                "no DBFS root and mounts");
        key("workspaceHardening.maxTokenLifetimeDays", "int", "`" + strict.maxTokenLifetimeDays() + "`", "1-730");
        key("workspaceHardening.resultsDownload", "bool", "`" + strict.resultsDownload() + "`",
                "users may download query results");
        key("workspaceHardening.notebookExport", "bool", "`" + strict.notebookExport() + "`",
                "users may export notebooks");
        key("workspaceHardening.breakGlassIpRanges", "list", "none", "CIDRs (/16 or narrower) of an emergency IP "
                + "access list");

        key("landing", "object", "off", "the OneLake landing");
        key("landing.workspace", "string", "required", "the spoke whose workspace runs the jobs");
        key("landing.mode", "enum", "`direct`", "`staged` writes to a private ADLS account Fabric reads", "direct",
                "staged");
        key("landing.fabricWorkspace", "string", "required", "Fabric workspace name or GUID (staged: GUID)");
        key("landing.lakehouse", "string", "required", "lakehouse name or GUID, the same kind as the workspace");
        key("landing.folder", "string", "`" + LandingUris.DEFAULT_DIRECT_FOLDER + "` (direct), `"
                + LandingUris.DEFAULT_STAGED_FOLDER + "` (staged)", "landing folder");
        key("landing.sources", "list", "required", "what to mirror");
        key("landing.sources[].table", "string", "one of table/path", "a Unity Catalog table, like `main.sales.orders`");
        key("landing.sources[].path", "string", "one of table/path", "a volume or storage path");
        key("landing.existingCatalogs", "list", "`[]`", "Unity Catalog catalogs outside this stack that table "
                + "sources may read, like `[main]`; every other table must be in this stack's catalogs (`<env>_<name>`)");
        key("landing.sources[].format", "enum", "required with path", "format of a path source", "delta", "parquet",
                "csv");
        key("landing.sources[].dest", "string", "required", "folder under the landing folder");
        var csv = com.ztplatform.landing.contract.JobConfig.CsvOptions.DEFAULTS;
        key("landing.sources[].header", "bool", "`" + csv.header() + "`", "csv: the first line of every file is a header "
                + "(headers must be the same in every file)");
        key("landing.sources[].delimiter", "string", "`" + csv.delimiter() + "`", "csv: one-character field separator");
        key("landing.sources[].quote", "string", "`" + csv.quote() + "`", "csv: one-character quote");
        key("landing.sources[].escape", "string", "`" + csv.escape() + "`", "csv: one-character escape inside quotes "
                + "(`\"` for files that double quotes, RFC 4180)");
        key("landing.sources[].multiLine", "bool", "`" + csv.multiLine() + "`", "csv: records may span lines inside "
                + "quotes; off, a stray quote fails the read");
        key("landing.sources[].mergeSchema", "bool", "`" + com.ztplatform.landing.contract.JobConfig.ParquetOptions
                .DEFAULTS.mergeSchema() + "`", "parquet: accept files with added columns (missing ones read as null); "
                + "off, any schema change between files fails naming the files and columns");
        key("landing.schedule", "Quartz cron", "`0 0 2 * * ?`", "schedule of the mirror job (Quartz syntax as "
                + "Databricks uses it: seconds first, `?` in exactly one of day-of-month and day-of-week)");
        key("landing.timezone", "IANA time zone", "`UTC`", "time zone of the schedule, like `Europe/Amsterdam`");
        key("landing.identity", "enum", "`servicePrincipal`", "`managed`: no run-as service principal (the jobs run "
                + "as their owner) and the job signs in to OneLake with a managed identity of the cluster nodes; classic "
                + "Azure Databricks compute has none you can assign, so use it only where yours does",
                "servicePrincipal", "managed");
        key("landing.servicePrincipalClientId", "GUID", "required with servicePrincipal", "the app registration's "
                + "client id");
        key("landing.servicePrincipalObjectId", "GUID", "required with servicePrincipal", "its service principal "
                + "object id");
        key("landing.fabricWorkspaceIdentityObjectId", "GUID", "none", "staged only: the identity the OneLake "
                + "shortcut authenticates as (the Fabric workspace identity), granted Storage Blob Data Reader on the "
                + "staging account (trusted workspace access checks the role at account scope)");
        key("landing.verifyEchoUrl", "https URL", "none", "an allowed echo endpoint for the egress IP check");
        key("landing.oneLakeRegion", "Azure region", "none (global `" + LandingUris.ONELAKE_HOST + "`)", "direct only: "
                + "the Fabric capacity's region, like `" + LandingUris.EXAMPLE_REGION + "`; the job writes to `"
                + LandingUris.oneLakeHost(LandingUris.EXAMPLE_REGION) + "` and the firewall allows only that host "
                + "(data residency)");
        key("dataLake", "object", "off", "the governed data lake: an ADLS Gen2 account with a customer-managed key "
                + "(the vault's `lake-storage` key, created when this section is set), private endpoints only, NCC rules "
                + "for serverless, and the Unity Catalog access connector");
        key("dataLake.containers", "list", "`" + String.join(", ", LakeSettings.DEFAULT_CONTAINERS) + "`",
                "the lake's containers (file systems), like one per layer or per catalog; 3-63 lowercase letters, "
                        + "digits and hyphens");
        key("dataLake.blobSoftDeleteDays", "int", "`" + LakeSettings.DEFAULT_SOFT_DELETE_DAYS + "`",
                "days a deleted file can be restored, 1-365");
        key("dataLake.containerSoftDeleteDays", "int", "`" + LakeSettings.DEFAULT_SOFT_DELETE_DAYS + "`",
                "days a deleted container can be restored, 1-365");
        key("dataLake.sku", "enum", "`" + LakeSettings.DEFAULT_SKU + "`", "the account's redundancy",
                LakeSettings.SKUS.toArray(String[]::new));

        key("ai", "object", "off", "the AI platform beside Databricks, each part private and Entra ID only (see \"AI "
                + "platform\")");
        key("ai.containerRegistry", "object", "off", "a Premium container registry: admin user off, public network "
                + "access and export disabled, a `registry` private endpoint in the hub, logs to Log Analytics");
        key("ai.containerRegistry.zoneRedundant", "bool", "`true` in `prod`, else `false`", "replicate the registry "
                + "across the region's availability zones");
        key("ai.aiServices", "object", "off", "an Azure AI services account (kind `AIServices`): local auth disabled, "
                + "public network access disabled, outbound restricted, an `account` private endpoint in the hub's "
                + "Cognitive Services, OpenAI and services.ai zones, logs to Log Analytics");
        key("ai.aiServices.customSubdomain", "string", "`<namePrefix>-<environment>-ai-<globalNameSuffix>`", "the account's DNS label, "
                + "unique worldwide: 2-64 lowercase letters, digits and single hyphens");
        key("ai.aiServices.allowedFqdns", "list", "none", "the only hosts the account itself may call "
                + "(`restrictOutboundNetworkAccess` is always on)");
        key("ai.aiServices.deployments", "list", "none", "model deployments, created one after another");
        key("ai.aiServices.deployments[].name", "string", "required", "the deployment's name, like `gpt-4o`");
        key("ai.aiServices.deployments[].model", "string", "required", "the model, like `gpt-4o`");
        key("ai.aiServices.deployments[].version", "string", "required", "the model version, like `2024-08-06` "
                + "(quote it in YAML)");
        key("ai.aiServices.deployments[].format", "string", "`" + com.ztplatform.components.ai.ModelDeployment
                .DEFAULT_FORMAT + "`", "the model's format");
        key("ai.aiServices.deployments[].sku", "enum", "`Standard`", "the deployment type; the `Global` types may "
                + "process data in any region", com.ztplatform.components.ai.ModelDeployment.SKUS.toArray(String[]::new));
        key("ai.aiServices.deployments[].capacity", "int", "required", "thousands of tokens per minute (standard "
                + "types) or provisioned throughput units; at least 1");
        key("ai.machineLearning", "object", "off", "an Azure Machine Learning workspace: public network access "
                + "disabled, an `amlworkspace` endpoint in the hub's two Azure ML zones, private storage (blob, file), "
                + "Key Vault and workspace-based Application Insights, the registry above, high business impact when "
                + "`tags.dataClassification` is confidential or restricted; compute in its own VNet routed through "
                + "the firewall (see \"AI platform\")");
        key("ai.machineLearning.computeAddressSpace", "CIDR", "required", "the compute VNet, one subnet `ml-compute` "
                + "filling it, /20 to /27, peered with the hub and overlapping no other network, like `10.30.0.0/24`");

        key("integration", "object", "off", "private integration: a Premium Service Bus namespace and a VNet-integrated "
                + "Java function app, private endpoints only, identities instead of keys (see \"Private integration\")");
        key("integration.addressSpace", "CIDR", "required", "the integration VNet, /26 or larger, peered with the hub; "
                + "its first /26 is the function app's subnet (delegated to `Microsoft.Web/serverFarms`, routed to "
                + "the firewall)");
        key("integration.queue", "string", "`landing-runs`", "the queue the function consumes (finished landing runs)");
        key("integration.queues", "list", "`[<queue>]`", "the namespace's queues; must include `queue`");
        key("integration.topics", "list", "none", "the namespace's topics");
        key("integration.capacity", "int", "`1`", "Premium messaging units: 1, 2, 4, 8 or 16");
        key("integration.zoneRedundant", "bool", "`true` in `prod`, else `false`", "spread the namespace over the "
                + "region's availability zones");
        key("integration.planSku", "string", "`" + com.ztplatform.components.integration.FunctionAppArgs.DEFAULT_PLAN_SKU
                + "`", "the function app's dedicated Linux plan, a Premium v3 size (`P0v3`..`P3v3`, `P1mv3`..)");
        key("integration.storageSku", "string", "`Standard_ZRS`", "the function app's own storage account "
                + "(Standard_LRS, Standard_ZRS, Standard_GRS or Standard_GZRS)");

        key("aks", "object", "off", "a private AKS cluster in a spoke of its own: API server private (registered in "
                + "the hub's `privatelink.<region>.azmk8s.io` zone), egress through the firewall (user-defined routing), "
                + "Azure CNI, local accounts off, Entra ID with Azure RBAC, workload identity, AcrPull on "
                + "`ai.containerRegistry` only (see \"Private AKS cluster\")");
        key("aks.addressSpace", "CIDR", "required with `aks`", "the cluster's VNet, /16 to /23; the node subnet is its "
                + "first half");
        key("aks.nodeCount", "int", "`" + com.ztplatform.components.aks.AksSettings.DEFAULT_NODE_COUNT + "`",
                "nodes of the system pool, 1-" + com.ztplatform.components.aks.AksSettings.MAX_NODES);
        key("aks.vmSize", "string", "`" + com.ztplatform.components.aks.AksSettings.DEFAULT_VM_SIZE + "`",
                "the nodes' VM size");
        key("aks.zones", "list", "`[\"1\", \"2\", \"3\"]` in `prod`, else none", "availability zones the nodes are "
                + "spread over");
        key("aks.adminGroupObjectIds", "list", "none", "Entra ID groups that are cluster admins; without them access "
                + "is granted with Azure RBAC roles on the cluster");
        key("aks.machineLearning", "object", "attached when the stack has `ai.machineLearning`", "the cluster as the "
                + "workspace's inference compute: the Azure ML extension (inference router on an internal load "
                + "balancer, HTTPS only) and a Kubernetes compute target; the workspace identity reads the cluster. The "
                + "extension needs the cluster's local accounts, so an attached cluster keeps them (see \"Private AKS "
                + "cluster\")");
        key("aks.machineLearning.attach", "bool", "`true` when the stack has `ai.machineLearning`", "attach the "
                + "cluster; `false` keeps local accounts disabled and the cluster to itself");
        key("aks.machineLearning.tlsCname", "string", "required when attached", "the inference endpoints' host name, "
                + "which the router's certificate names, like `inference.ml.contoso.internal`");
        key("aks.machineLearning.tlsSecret", "string", "`" + com.ztplatform.components.aks.InferenceSettings.DEFAULT_TLS_SECRET
                + "`", "the Kubernetes secret (namespace `azureml`, `cert.pem` and `key.pem`) the router serves");

        key("deploymentIdentity", "object", "off", "the user-assigned identities GitHub Actions signs in as through "
                + "OIDC, no secret (see \"Deployment identity\"): the deployment identity (Contributor and a Role "
                + "Based Access Control Administrator limited to the roles this program grants) and the pull-request "
                + "preview identity (Reader)");
        key("deploymentIdentity.githubRepository", "string", "required", "owner/name of the repository whose "
                + "workflows sign in, like `contoso/zt-databricks`");
        key("deploymentIdentity.environments", "list", "the stack's `environment`", "GitHub environments `up.yml` "
                + "deploys from, one federated credential each (subject `repo:<owner>/<repo>:environment:<name>`; at "
                + "most 20)");
        key("deploymentIdentity.previewIdentity", "bool", "`true`", "create the Reader identity for `preview.yml` "
                + "(subject `repo:<owner>/<repo>:pull_request`)");
        key("deploymentIdentity.scope", "string", "the subscription", "where the deployment roles apply: a "
                + "subscription or management group id");

        key("alerts", "object", "off", "an action group, scheduled query and activity log alerts, and the "
                + "environment's monthly budget, all notifying the group (see \"Alerts and budgets\")");
        key("alerts.emails", "list", "none", "email receivers; with `webhooks`, at least one receiver is required");
        key("alerts.emails[].name", "string", "required", "the receiver's name, unique in the group, like "
                + "`platform-oncall`");
        key("alerts.emails[].address", "string", "required", "like `platform-team@contoso.com`");
        key("alerts.webhooks", "list", "none", "webhook receivers by name; each URL is in the secret "
                + "`alertWebhookUrls`");
        key("alerts.storagePublicRanges", "list", "none", "public CIDRs storage callers are expected from (private "
                + "addresses always are); other public callers alert");
        key("alerts.thresholds", "object", "the defaults below", "an alert fires when its window holds more events");
        key("alerts.thresholds.firewallDenies", "int", "`" + AlertThresholds.DEFAULT_FIREWALL_DENIES + "`",
                "denied connections from the Databricks subnets");
        key("alerts.thresholds.keyVaultDenials", "int", "`" + AlertThresholds.DEFAULT_KEY_VAULT_DENIALS + "`",
                "requests a Key Vault refused (403)");
        key("alerts.thresholds.storageFailures", "int", "`" + AlertThresholds.DEFAULT_STORAGE_FAILURES + "`",
                "storage requests that failed authentication or came from an unexpected public address");
        key("alerts.thresholds.landingJobFailures", "int", "`" + AlertThresholds.DEFAULT_LANDING_JOB_FAILURES + "`",
                "failed landing job runs (0: every failure)");
        key("alerts.thresholds.windowMinutes", "int", "`" + AlertThresholds.DEFAULT_WINDOW_MINUTES + "`",
                "the window each query counts over: " + new java.util.TreeSet<>(AlertThresholds.WINDOWS));
        key("alerts.thresholds.frequencyMinutes", "int", "`" + AlertThresholds.DEFAULT_FREQUENCY_MINUTES + "`",
                "how often each query runs, at most the window: " + new java.util.TreeSet<>(AlertThresholds.FREQUENCIES)
                        + "; Azure bills log alert rules by it");
        key("alerts.budget", "object", "`{amount: " + (int) BudgetSettings.DEFAULT_AMOUNT_USD + "}`", "the "
                + "environment's monthly cost budget over resources tagged with its `environment`");
        key("alerts.budget.amount", "int", "`" + (int) BudgetSettings.DEFAULT_AMOUNT_USD + "`", "USD per month, "
                + "more than 0");
        key("alerts.budget.actualPercents", "list", "`" + BudgetSettings.DEFAULT_ACTUAL_PERCENTS + "`", "notify when "
                + "actual cost reaches these percentages (1-" + BudgetSettings.MAX_THRESHOLD_PERCENT + ")");
        key("alerts.budget.forecastPercents", "list", "`" + BudgetSettings.DEFAULT_FORECAST_PERCENTS + "`", "notify "
                + "when forecast cost reaches these; at most " + BudgetSettings.MAX_NOTIFICATIONS + " thresholds in all");
        key("alerts.budget.startDate", "string", "`" + BudgetSettings.DEFAULT_START_DATE + "`", "the first month, "
                + "the first day of a month (quote it in YAML)");

        key("azurePolicy", "object", "on, at the platform's resource groups", "Azure Policy guardrails: Microsoft's "
                + "built-in definitions matching the policy pack, assigned as one initiative (see \"Azure Policy "
                + "guardrails\")");
        key("azurePolicy.enabled", "bool", "`true`", "whether the program assigns them (the deployer needs Resource "
                + "Policy Contributor and may grant the roles the deploy-if-not-exists members need)");
        key("azurePolicy.scope", "id", "each platform resource group", "one scope instead: the stack's subscription "
                + "or one of its resource groups, like `/subscriptions/<GUID>/resourceGroups/ztp-dev-hub-rg`");
        key("azurePolicy.enforcementMode", "string", "`Default` in `prod`, else `DoNotEnforce`", "whether Azure "
                + "enforces the effects (Deny, deploy-if-not-exists) or only records compliance",
                "Default", "DoNotEnforce");

        key("unityCatalog", "object", "off", "Unity Catalog over the stack's governed data lake: the region's metastore, "
                + "a storage credential on the lake's access connector, an external location per lake container, "
                + "isolated catalogs bound to their workspaces; composed only when the stack has a lake (see \"Unity "
                + "Catalog and Delta Sharing\")");
        key("unityCatalog.accountId", "GUID", "`serverless.accountId`", "Databricks account id; required without "
                + "`serverless`");
        key("unityCatalog.existingMetastoreId", "UUID", "none (the stack creates the region's metastore)", "the "
                + "region's metastore when another stack created it: Databricks allows one per region per account");
        key("unityCatalog.adminWorkspace", "string", "the first spoke", "the spoke whose workspace creates the "
                + "credential, external locations, catalogs and grants");
        key("unityCatalog.allowAccountUsers", "bool", "`false`", "allow grants to `account users` or `users` "
                + "(everyone); refused otherwise");
        key("unityCatalog.catalogs", "list", "none", "the environment's catalogs, named `<environment>_<name>` in the "
                + "metastore, each `ISOLATED`");
        key("unityCatalog.catalogs[].name", "string", "required", "1-63 lowercase letters, digits, `_`, like `sales`");
        key("unityCatalog.catalogs[].container", "string", "the catalog's name", "the lake container of its managed "
                + "storage");
        key("unityCatalog.catalogs[].workspaces", "list", "every spoke", "spokes whose workspaces the catalog is "
                + "bound to (read-write)");
        key("unityCatalog.catalogs[].grants", "list", "none", "catalog grants (authoritative: others are removed)");
        key("unityCatalog.catalogs[].grants[].principal", "string", "required", "a group, user or service principal "
                + "application id, like `data-engineers`");
        key("unityCatalog.catalogs[].grants[].privileges", "list", "required", "Unity Catalog privileges, like "
                + "`[USE_CATALOG, USE_SCHEMA, SELECT]`");
        key("unityCatalog.catalogs[].schemas", "list", "none", "the catalog's schemas");
        key("unityCatalog.catalogs[].schemas[].name", "string", "required", "like `orders`");
        key("unityCatalog.catalogs[].schemas[].grants", "list", "none", "schema grants (authoritative)");
        key("unityCatalog.catalogs[].schemas[].grants[].principal", "string", "required", "like `analysts`");
        key("unityCatalog.catalogs[].schemas[].grants[].privileges", "list", "required", "like `[USE_SCHEMA, SELECT]` "
                + "(not `USE_CATALOG`, `CREATE_SCHEMA`)");

        key("deltaSharing", "object", "off", "Delta Sharing of tables of the sharing catalog; needs `unityCatalog` and "
                + "`dataLake`. With at least one recipient the stack builds the sharing account (its public endpoint "
                + "admits only the recipients' networks) and the `<environment>_sharing` catalog on it");
        key("deltaSharing.enabled", "bool", "`false` in `dev`, else `true`", "create the shares, recipients and the "
                + "sharing account");
        key("deltaSharing.tokenLifetimeDays", "int", "none", "lifetime of bearer tokens, 1-"
                + DeltaSharingSettings.MAX_TOKEN_LIFETIME_DAYS + ", set on the metastore this stack creates; required "
                + "with a `TOKEN` recipient");
        key("deltaSharing.shares", "list", "none", "shares, named `<environment>_<name>`; each needs a recipient");
        key("deltaSharing.shares[].name", "string", "required", "like `sales_partners`");
        key("deltaSharing.shares[].tables", "list", "required", "`sharing.schema.table`: tables of the sharing catalog "
                + "only (publish by `DEEP CLONE` or CTAS from a lake catalog), like `sharing.orders.daily`");
        key("deltaSharing.shares[].recipients", "list", "none", "recipients granted `SELECT` on the share");
        key("deltaSharing.recipients", "list", "none", "recipients, named `<environment>_<name>`; each approved (see "
                + "\"Who approves a recipient\"); their networks together at most " + StorageIpRules.MAX_RULES);
        key("deltaSharing.recipients[].name", "string", "required", "like `partner_acme`");
        key("deltaSharing.recipients[].authenticationType", "enum", "required", "`DATABRICKS`: "
                + "Databricks-to-Databricks by sharing identifier; `TOKEN`: open sharing with a bearer token",
                DeltaSharingSettings.DATABRICKS, DeltaSharingSettings.TOKEN);
        key("deltaSharing.recipients[].sharingIdentifier", "string", "required with `DATABRICKS`", "the partner "
                + "metastore's `<cloud>:<region>:<uuid>`; not in this stack's region (storage IP rules do not apply "
                + "to same-region traffic)");
        key("deltaSharing.recipients[].storageNetworks", "list", "required with `DATABRICKS`", "public egress "
                + "addresses of the partner's compute, admitted by the sharing account: IPv4 addresses like `"
                + StorageIpRules.EXAMPLE_ADDRESS + "` or ranges of /30 or wider like `" + StorageIpRules.EXAMPLE_RANGE
                + "`; no private or special-purpose ranges");
        key("deltaSharing.recipients[].ipAccessList", "list", "required with `TOKEN`", "at most "
                + DeltaSharingSettings.MAX_IP_ACCESS_LIST + " public IPv4 addresses or ranges (as `storageNetworks`) "
                + "the open recipient reads from: Databricks checks them on the token, the sharing account on the files");
        key("deltaSharing.recipients[].approval", "string", "required", "the change that approved the recipient, like "
                + "`CHG-1234`; written to its comment");
        KEYS.add(new Key("alertWebhookUrls", "string", "none", "a JSON object of webhook receiver name to https URL, "
                + "like `{\"opsgenie\": \"https://...\"}`; every name in `alerts.webhooks` needs one", List.of(), true));
        KEYS.add(new Key("landingClientSecret", "string", "none", "the landing service principal's secret, "
                + "written to the vault; only with `landing.identity: servicePrincipal`", List.of(), true));
    }

    private ConfigSchema() {
    }

    /** An enum list written out in a preferred order must still name exactly the component's values. */
    private static void checkNames(String path, String[] values) {
        if (!new TreeSet<>(key(path).orElseThrow().allowed()).equals(new TreeSet<>(List.of(values)))) {
            throw new IllegalStateException(path + " lists other values than the component accepts");
        }
    }

    private static <E> String[] names(E[] values, java.util.function.Function<E, String> name) {
        return Arrays.stream(values).map(name).toArray(String[]::new);
    }

    /**
     * Every key, in reference order.
     *
     * @return the keys
     */
    public static List<Key> keys() {
        return List.copyOf(KEYS);
    }

    /**
     * One key by path.
     *
     * @param path the path as {@link Key#path()} spells it
     * @return the key; empty when the schema does not define it
     */
    public static Optional<Key> key(String path) {
        return KEYS.stream().filter(k -> k.path().equals(path)).findFirst();
    }

    /**
     * Keys of the project's namespace, as written after {@code <project>:}.
     *
     * @return the top-level names, sorted
     */
    public static Set<String> topLevel() {
        return KEYS.stream().map(Key::path).filter(p -> !p.contains(":") && !p.contains(".") && !p.contains("["))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The member names of an object key; empty when the object takes user-chosen names.
     *
     * @param path the object key's path
     * @return its member names, sorted, or empty for a map of user-chosen names (like {@code tags})
     */
    public static Optional<Set<String>> children(String path) {
        var prefix = path + ".";
        var names = new TreeSet<String>();
        for (var key : KEYS) {
            if (key.path().startsWith(prefix)) {
                var rest = key.path().substring(prefix.length());
                var name = rest.split("[.\\[]", 2)[0];
                if (name.equals(ANY)) {
                    return Optional.empty();
                }
                names.add(name);
            }
        }
        return Optional.of(names);
    }

    /**
     * Whether a key must be stored encrypted.
     *
     * @param path the key's path
     * @return true for secret keys; false for unknown ones
     */
    public static boolean isSecret(String path) {
        return key(path).map(Key::secret).orElse(false);
    }

    /**
     * A valid example for an enum key: its default when that is one of its values, else the first value.
     *
     * @param path the key's path
     * @return the example, for error messages
     */
    public static String example(String path) {
        var key = key(path).orElseThrow();
        var byDefault = key.defaultText().replace("`", "");
        return key.allowed().contains(byDefault) ? byDefault : example(key.allowed());
    }

    /** A valid example among {@code allowed}: the first (lists are ordered with the usual choice first). */
    static String example(List<String> allowed) {
        return allowed.isEmpty() ? "" : allowed.get(0);
    }

    /**
     * The values an enum key allows.
     *
     * @param path the key's path
     * @return the allowed values, usual choice first; empty when any value of its type is allowed
     */
    public static List<String> allowed(String path) {
        return key(path).map(Key::allowed).orElse(List.of());
    }

    /**
     * The README's configuration reference table (between its generated-section markers).
     *
     * @return the Markdown table, one row per key
     */
    public static String readmeTable() {
        var text = new StringBuilder("| key | type | default | meaning |\n|---|---|---|---|\n");
        for (var key : KEYS) {
            var meaning = key.meaning();
            if (!key.allowed().isEmpty()) {
                meaning = (key.type().equals("list") ? "each one of " : "one of ") + key.allowed().stream().map(a -> "`" + a + "`").collect(Collectors.joining(", "))
                        + (meaning.isEmpty() ? "" : "; " + meaning);
            }
            text.append("| `").append(key.path()).append("` | ").append(key.type()).append(key.secret() ? " (secret)" : "")
                    .append(" | ").append(key.defaultText()).append(" | ").append(meaning.replace("|", "\\|"))
                    .append(" |\n");
        }
        return text.toString();
    }

    /**
     * {@code Pulumi.yaml}'s {@code config} block. Pulumi's project schema declares plain types only, and a declared
     * key without a default is required by the CLI, so plain keys with a default or that are required are declared;
     * structured and optional keys are listed in comments (the program validates them).
     *
     * @param project the project name, the namespace of the keys
     * @return the {@code config:} block
     */
    public static String pulumiYamlConfig(String project) {
        var text = new StringBuilder("config:\n");
        var structured = new LinkedHashMap<String, List<String>>();
        for (var key : KEYS) {
            var path = key.path();
            if (path.contains(":")) {
                continue;
            }
            var top = path.split("[.\\[]", 2)[0];
            if (!path.equals(top)) {
                structured.computeIfAbsent(top, t -> new ArrayList<>())
                        .add(path.substring(top.length()).replaceFirst("^\\[\\]", "").replaceFirst("^\\.", ""));
                continue;
            }
            if (key.type().equals("bool") || (key.type().equals("string") && key.defaultText().equals("required")
                    && !key.secret())) {
                text.append("  ").append(path).append(":\n");
                text.append("    type: ").append(key.type().equals("bool") ? "boolean" : "string").append('\n');
                if (key.type().equals("bool")) {
                    text.append("    default: ").append(key.defaultText().replace("`", "")).append('\n');
                }
                text.append("    description: \"").append(plain(key.meaning()).replace("\\", "\\\\").replace("\"", "\\\""))
                        .append("\"\n");
            } else {
                structured.putIfAbsent(top, new ArrayList<>());
            }
        }
        text.append("  # Generated from ConfigSchema (see the README's configuration reference); do not edit by hand.\n");
        text.append("  # Structured and optional keys: Pulumi's project schema cannot declare object types, and a\n");
        text.append("  # declared key without a default would be required, so the program validates these itself:\n");
        structured.forEach((top, members) -> {
            var key = key(top).orElseThrow();
            var line = new StringBuilder(top).append(" (").append(key.type())
                    .append(key.secret() ? ", secret: set it with pulumi config set --secret " + project + ":" + top + " <value>" : "")
                    .append(")");
            var direct = members.stream().map(m -> m.split("[.\\[]", 2)[0])
                    .map(m -> m.equals(ANY) ? "(+ any other)" : m).distinct().toList();
            if (!direct.isEmpty()) {
                line.append(": ").append(String.join(", ", direct));
            }
            wrap(text, line.toString());
        });
        text.append("  # Provider key used as the stack's region: ").append(LOCATION).append('\n');
        return text.toString();
    }

    private static void wrap(StringBuilder text, String line) {
        var width = 110;
        var current = new StringBuilder();
        for (var word : line.trim().split(" ")) {
            if (current.length() == 0) {
                current.append("  #   ").append(word);
            } else if (current.length() + 1 + word.length() > width) {
                text.append(current).append('\n');
                current = new StringBuilder("  #       ").append(word);
            } else {
                current.append(' ').append(word);
            }
        }
        text.append(current).append('\n');
    }

    private static String plain(String markdown) {
        return markdown.replace("`", "");
    }

    /** Names in one place for tag classification, so the schema and the tag rules agree. */
    static final class MandatoryTagsInfo {
        static final String[] CLASSIFICATIONS = StackConfig.MandatoryTags.CLASSIFICATIONS.toArray(String[]::new);

        private MandatoryTagsInfo() {
        }
    }

    /** Keys of a stack's project namespace that the schema does not define. */
    static List<String> unknownTopLevel(Set<String> present) {
        var known = topLevel();
        return present.stream().filter(k -> !known.contains(k)).sorted().toList();
    }

    /**
     * The closest known name to {@code name}, if it is close enough to be a likely typo.
     *
     * @param name  the unknown name as written
     * @param known the names allowed there
     * @return the suggestion for "did you mean"; empty when none is close
     */
    public static Optional<String> suggestion(String name, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (var candidate : known) {
            if (candidate.equalsIgnoreCase(name)) {
                return Optional.of(candidate);
            }
            var d = distance(name.toLowerCase(), candidate.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        var limit = Math.max(2, name.length() / 3);
        return best != null && bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        var previous = new int[b.length() + 1];
        var current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                var cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    static Map<String, Key> byPath() {
        var map = new LinkedHashMap<String, Key>();
        KEYS.forEach(k -> map.put(k.path(), k));
        return map;
    }
}
