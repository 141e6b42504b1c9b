package com.ztplatform.stack.config;

import com.ztplatform.components.addressing.Cidr;
import com.ztplatform.components.addressing.SubnetLayout;
import com.ztplatform.components.firewall.EgressMode;
import com.ztplatform.components.firewall.FirewallSettings;
import com.ztplatform.components.keyvault.KeyPurpose;
import com.ztplatform.components.keyvault.KeyRotation;
import com.ztplatform.components.deltasharing.DeltaSharingSettings;
import com.ztplatform.components.landing.LandingSettings;
import com.ztplatform.components.unitycatalog.UnityCatalogSettings;
import com.ztplatform.components.lake.LakeSettings;
import com.ztplatform.components.serverless.HardeningSettings;
import com.ztplatform.components.serverless.RouterForward;
import com.ztplatform.components.serverless.ServerlessSettings;
import com.ztplatform.components.network.BastionOptions;
import com.ztplatform.components.network.DnsResolverOptions;
import com.ztplatform.components.network.HubLayout;
import com.ztplatform.components.network.VpnOptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole stack configuration, read once and validated as a whole by {@link StackConfigLoader}.
 * Every field is documented with its config key and default in {@link ConfigSchema}, from which the README's
 * configuration reference is generated.
 *
 * @param dataLake the governed data lake ({@code dataLake}), when set
 * @param warnings settings that the chosen mode, SKU or identity does not use (reported, never silently ignored)
 */
public record StackConfig(
        String project,
        String location,
        String environment,
        String namePrefix,
        String globalNameSuffix,
        MandatoryTags tags,
        boolean protect,
        boolean lock,
        boolean bootstrap,
        Logs logs,
        Hub hub,
        Firewall firewall,
        List<Spoke> spokes,
        Optional<WebAuth> webAuth,
        KeyVault keyVault,
        DatabricksAuth databricksAuth,
        Optional<ServerlessSettings> serverless,
        HardeningSettings hardening,
        Optional<Router> serverlessRouter,
        Optional<Landing> landing,
        Optional<LakeSettings> dataLake,
        Optional<UnityCatalog> unityCatalog,
        Optional<DeltaSharingSettings> deltaSharing,
        Optional<Ai> ai,
        Optional<Integration> integration,
        Optional<com.ztplatform.components.aks.AksSettings> aks,
        Optional<Alerts> alerts,
        AzurePolicy azurePolicy,
        Optional<DeploymentIdentity> deploymentIdentity,
        List<String> warnings) {

    /**
     * Copies the lists, so the validated configuration cannot change.
     *
     * @param project          the Pulumi project name
     * @param location         the Azure region
     * @param environment      the environment name in resource names and tags
     * @param namePrefix       the prefix of every resource name
     * @param globalNameSuffix the suffix of every globally unique resource name (configured or derived)
     * @param tags             the mandatory and extra tags
     * @param protect          whether stateful resources get Pulumi's {@code protect}
     * @param lock             whether the hub VNet gets an Azure CanNotDelete lock
     * @param bootstrap        whether this is a stack's first deployment: no workspace-level resources yet
     * @param logs             where logs go
     * @param hub              the hub network
     * @param firewall         the egress firewall
     * @param spokes           the workload spokes, in configuration order
     * @param webAuth          the web-authentication spoke, when configured
     * @param keyVault         the platform Key Vault
     * @param databricksAuth   how the Databricks provider authenticates
     * @param serverless       serverless egress control, when configured
     * @param hardening        workspace hardening settings
     * @param serverlessRouter the router for serverless access to private resources, when configured
     * @param landing          the OneLake landing, when configured
     * @param dataLake         the governed data lake, when configured
     * @param unityCatalog     Unity Catalog over the stack's lake, when configured
     * @param deltaSharing     Delta Sharing shares and recipients, when configured
     * @param ai               the AI platform beside Databricks (registry, AI services), when configured
     * @param integration      the private integration (Service Bus, function app), when configured
     * @param aks              the optional private AKS cluster in a spoke of its own, when configured
     * @param alerts           the action group, alerts and budget, when configured
     * @param azurePolicy      the Azure Policy guardrails (on by default)
     * @param deploymentIdentity the GitHub deployment (and preview) identities, when configured
     * @param warnings         settings the chosen mode, SKU or identity does not use
     */
    public StackConfig {
        spokes = List.copyOf(spokes);
        warnings = List.copyOf(warnings);
    }

    /** Tags every resource carries; the four named ones are mandatory. */
    public record MandatoryTags(String environment, String owner, String costCenter, String dataClassification,
                                Map<String, String> extra) {
        /** The tag names every stack must set. */
        public static final List<String> MANDATORY = List.of("environment", "owner", "costCenter", "dataClassification");
        /** The values {@code dataClassification} allows, least to most sensitive. */
        public static final List<String> CLASSIFICATIONS = List.of("public", "internal", "confidential", "restricted");
        /** Tags the platform sets on every resource; a stack file cannot override them. */
        public static final Map<String, String> PLATFORM = Map.of("managedBy", "pulumi");

        /**
         * Copies the extra tags.
         *
         * @param environment        the environment
         * @param owner              who answers for the resources
         * @param costCenter         who pays for them
         * @param dataClassification one of {@link #CLASSIFICATIONS}
         * @param extra              further tags of the stack file
         */
        public MandatoryTags {
            extra = Map.copyOf(extra);
        }

        /**
         * Every tag a resource carries.
         *
         * @return the extra tags, then the four mandatory ones, then {@link #PLATFORM} (which wins)
         */
        public Map<String, String> asMap() {
            var all = new LinkedHashMap<String, String>(extra);
            all.put("environment", environment);
            all.put("owner", owner);
            all.put("costCenter", costCenter);
            all.put("dataClassification", dataClassification);
            all.putAll(PLATFORM);
            return all;
        }
    }

    /**
     * The hub network.
     *
     * @param addressSpace                the hub VNet's address space
     * @param privateEndpointSubnetPrefix the prefix length of its private-endpoint subnet
     * @param firewallManagementSubnet    whether the hub has an AzureFirewallManagementSubnet
     * @param bastion                     Azure Bastion, when configured
     * @param vpn                         the point-to-site VPN gateway, when configured
     * @param dnsResolver                 the private DNS resolver, when configured
     * @param privateDnsZones             the private DNS zones created in the hub and linked to every spoke
     */
    public record Hub(Cidr addressSpace, int privateEndpointSubnetPrefix, boolean firewallManagementSubnet,
                      Optional<BastionOptions> bastion, Optional<VpnOptions> vpn,
                      Optional<DnsResolverOptions> dnsResolver, List<String> privateDnsZones) {
        /**
         * Copies the zones.
         *
         * @param addressSpace                the address space
         * @param privateEndpointSubnetPrefix the endpoint subnet's prefix length
         * @param firewallManagementSubnet    whether there is a management subnet
         * @param bastion                     Bastion, or empty
         * @param vpn                         the VPN gateway, or empty
         * @param dnsResolver                 the DNS resolver, or empty
         * @param privateDnsZones             the zones
         */
        public Hub {
            privateDnsZones = List.copyOf(privateDnsZones);
        }

        /**
         * The hub's subnet layout; throws {@link com.ztplatform.components.addressing.LayoutException} when it does
         * not fit.
         *
         * @return every subnet at its place in the address space
         */
        public SubnetLayout layout() {
            return HubLayout.carve(addressSpace, privateEndpointSubnetPrefix, firewallManagementSubnet,
                    bastion.isPresent(), vpn.isPresent(), dnsResolver.isPresent());
        }
    }

    /**
     * Where logs go: a workspace created in the hub with this retention, or an existing one; how the VNet flow logs
     * are kept and analysed; and whether the platform's networks reach Azure Monitor through the hub's Azure Monitor
     * Private Link Scope.
     *
     * @param retentionInDays     interactive retention of a created workspace
     * @param existingWorkspaceId an existing workspace to use instead, when given
     * @param flowLogs            VNet flow log retention, traffic analytics interval, Network Watcher
     * @param privateLinkScope    whether the hub gets the Azure Monitor Private Link Scope (one per DNS: see
     *                            {@link com.ztplatform.components.monitoring.MonitorPrivateLinkScope})
     */
    public record Logs(int retentionInDays, Optional<String> existingWorkspaceId,
                       com.ztplatform.components.monitoring.FlowLogSettings flowLogs, boolean privateLinkScope) {
    }

    /** The egress firewall and the path allowed traffic takes after it. */
    public record Firewall(FirewallSettings settings, EgressMode egressMode, int publicIpPrefixLength,
                           Optional<String> forcedTunnelNextHopIp) {
    }

    /**
     * The platform Key Vault and its customer-managed keys.
     *
     * @param secretScopeName name of the Key Vault-backed secret scope created in every workload workspace
     */
    public record KeyVault(String sku, boolean hsmKeys, Set<KeyPurpose> customerManagedKeys, KeyRotation rotation,
                           Optional<String> azureDatabricksObjectId, String secretScopeName) {
        /**
         * Copies the key purposes.
         *
         * @param sku                     standard or premium
         * @param hsmKeys                 whether keys are HSM-backed (premium)
         * @param customerManagedKeys     which encryption uses customer-managed keys
         * @param rotation                the keys' rotation policy
         * @param azureDatabricksObjectId the AzureDatabricks application's object id in the tenant, when given
         * @param secretScopeName         name of the Key Vault-backed secret scope
         */
        public KeyVault {
            customerManagedKeys = Set.copyOf(customerManagedKeys);
        }
    }

    /**
     * How the workspace-level Databricks provider authenticates (always Entra ID, never a token).
     *
     * @param type     azureCli (local runs), managedIdentity (a runner VM in the hub) or githubOidc (CI)
     * @param clientId the managed identity's or app registration's client id (githubOidc; optional for
     *                 managedIdentity)
     */
    public record DatabricksAuth(String type, Optional<String> clientId) {
        /** The allowed {@code type} values. */
        public static final List<String> TYPES = List.of("azureCli", "managedIdentity", "githubOidc");
    }

    /** Seed 001's router for serverless access to customer resources behind the firewall. */
    public record Router(String addressSpace, String adminSshPublicKey, String vmSize, List<RouterForward> forwards) {
        /**
         * Copies the forwards.
         *
         * @param addressSpace      the router VNet's address space
         * @param adminSshPublicKey the router VM's admin SSH key
         * @param vmSize            the router VM's size
         * @param forwards          the ports forwarded to private destinations
         */
        public Router {
            forwards = List.copyOf(forwards);
        }
    }

    /**
     * The OneLake landing.
     *
     * @param workspace    the spoke whose workspace runs the jobs
     * @param clientSecret the landing service principal's secret (secret config key landingClientSecret), if managed here
     * @param existingCatalogs Unity Catalog catalogs outside this stack (like {@code main}) that sources may read
     */
    public record Landing(String workspace, LandingSettings settings, Optional<com.pulumi.core.Output<String>> clientSecret,
                          List<String> existingCatalogs) {
        /**
         * Copies the list, so the record cannot change later.
         *
         * @param workspace        the spoke whose workspace runs the jobs
         * @param settings         the landing's settings
         * @param clientSecret     the landing service principal's secret, if managed here
         * @param existingCatalogs catalogs outside this stack that sources may read
         */
        public Landing {
            existingCatalogs = List.copyOf(existingCatalogs);
        }
    }

    /**
     * Unity Catalog over the stack's governed lake (composed only when the stack has one).
     *
     * @param accountId      the Databricks account id (unityCatalog.accountId, else serverless.accountId)
     * @param adminWorkspace the spoke whose workspace creates the metastore's objects; default: the first spoke
     * @param settings       metastore reuse, catalogs, schemas, grants
     */
    public record UnityCatalog(String accountId, Optional<String> adminWorkspace, UnityCatalogSettings settings) {
    }

    /**
     * A workload spoke: a VNet with an injected Databricks workspace.
     *
     * @param name                        the spoke's short name, part of resource names
     * @param addressSpace                the spoke VNet's address space
     * @param hostSubnetPrefix            the prefix length of the workspace's host subnet
     * @param containerSubnetPrefix       the prefix length of its container subnet
     * @param privateEndpointSubnetPrefix the prefix length of its private-endpoint subnet
     * @param storageSku                  the workspace storage account's SKU
     * @param frontEndPrivateEndpoint     whether the workspace gets a front-end endpoint in the hub
     */
    public record Spoke(String name, Cidr addressSpace, int hostSubnetPrefix, int containerSubnetPrefix,
                        int privateEndpointSubnetPrefix, String storageSku, boolean frontEndPrivateEndpoint) {
    }

    /**
     * The AI platform beside Databricks: each part is created only when its section is set.
     *
     * @param containerRegistry the private Premium container registry, when configured
     * @param aiServices        the private AI services account, when configured
     * @param machineLearning   the private Azure Machine Learning workspace, when configured
     */
    public record Ai(Optional<AiRegistry> containerRegistry, Optional<AiAccount> aiServices,
                     Optional<AiMachineLearning> machineLearning) {
    }

    /**
     * The AI platform's Azure Machine Learning workspace.
     *
     * @param computeAddressSpace the compute VNet (one subnet, routed through the firewall), like 10.30.0.0/24
     */
    public record AiMachineLearning(String computeAddressSpace) {
    }

    /**
     * The Azure Policy guardrails ({@code azurePolicy}): the built-in definitions of
     * {@link com.ztplatform.stack.azurepolicy.Guardrails#RULES} assigned as one initiative.
     *
     * @param enabled     whether the program assigns them
     * @param scope       the ARM id of the one scope to assign at (the subscription or a resource group), or empty for
     *                    each of the platform's resource groups
     * @param enforcement whether Azure enforces them (default by environment:
     *                    {@link com.ztplatform.components.governance.Enforcement#forEnvironment})
     */
    public record AzurePolicy(boolean enabled, Optional<String> scope,
                              com.ztplatform.components.governance.Enforcement enforcement) {
    }

    /**
     * The identities GitHub Actions signs in as ({@code deploymentIdentity}).
     *
     * @param githubRepository owner/name of the repository whose workflows sign in
     * @param environments     the GitHub environments {@code up.yml} deploys this stack from
     * @param previewIdentity  whether to create the Reader identity for pull-request previews
     * @param scope            the ARM scope of the deployment roles; empty for the subscription
     */
    public record DeploymentIdentity(String githubRepository, List<String> environments, boolean previewIdentity,
                                     Optional<String> scope) {
        /**
         * Copies the list.
         *
         * @param githubRepository owner/name
         * @param environments     GitHub environments
         * @param previewIdentity  whether to create the preview identity
         * @param scope            the scope, or empty for the subscription
         */
        public DeploymentIdentity {
            environments = List.copyOf(environments);
        }
    }

    /**
     * The platform's alerts and budget ({@code alerts}).
     *
     * @param emails              email receivers of the action group
     * @param webhookNames        webhook receivers, by name; their URLs are in {@code webhookUrls}
     * @param webhookUrls         the secret {@code alertWebhookUrls} (a JSON object of name to URL), when set
     * @param thresholds          when the query alerts fire
     * @param storagePublicRanges public CIDRs storage callers are expected from
     * @param budget              the environment's monthly budget
     */
    public record Alerts(List<com.ztplatform.components.alerts.Receivers.Email> emails, List<String> webhookNames,
                         Optional<com.pulumi.core.Output<String>> webhookUrls,
                         com.ztplatform.components.alerts.AlertThresholds thresholds, List<String> storagePublicRanges,
                         com.ztplatform.components.alerts.BudgetSettings budget) {
        /**
         * Copies the lists.
         *
         * @param emails              email receivers
         * @param webhookNames        webhook names
         * @param webhookUrls         the secret URL map
         * @param thresholds          the thresholds
         * @param storagePublicRanges expected public storage callers
         * @param budget              the budget
         */
        public Alerts {
            emails = List.copyOf(emails);
            webhookNames = List.copyOf(webhookNames);
            storagePublicRanges = List.copyOf(storagePublicRanges);
        }
    }

    /**
     * The AI platform's container registry.
     *
     * @param zoneRedundant whether the registry is replicated across the region's availability zones
     */
    public record AiRegistry(boolean zoneRedundant) {
    }

    /**
     * The AI platform's AI services account.
     *
     * @param customSubdomain the account's DNS label, when not the account's name
     * @param allowedFqdns    the only hosts the account itself may call
     * @param deployments     the model deployments
     */
    public record AiAccount(Optional<String> customSubdomain, List<String> allowedFqdns,
                            List<com.ztplatform.components.ai.ModelDeployment> deployments) {
        /**
         * Copies the lists.
         *
         * @param customSubdomain the DNS label, or empty
         * @param allowedFqdns    the allowed hosts
         * @param deployments     the deployments
         */
        public AiAccount {
            allowedFqdns = List.copyOf(allowedFqdns);
            deployments = List.copyOf(deployments);
        }
    }

    /**
     * The private integration: a Premium Service Bus namespace and a VNet-integrated Java function app that consumes
     * {@code queue}, both reached only through private endpoints and only with the functions' identity.
     *
     * @param addressSpace  the integration VNet (its first /26 is the delegated integration subnet)
     * @param queues        the namespace's queues; {@code queue} is one of them
     * @param topics        the namespace's topics
     * @param queue         the queue the function consumes (landing run notifications)
     * @param capacity      Premium messaging units
     * @param zoneRedundant whether the namespace spreads over availability zones
     * @param planSku       the function app's Premium v3 plan size
     * @param storageSku    the function app's storage account SKU
     */
    public record Integration(String addressSpace, List<String> queues, List<String> topics, String queue, int capacity,
                              boolean zoneRedundant, String planSku, String storageSku) {
        /**
         * Copies the lists.
         *
         * @param addressSpace  the integration VNet
         * @param queues        the queues
         * @param topics        the topics
         * @param queue         the queue consumed
         * @param capacity      messaging units
         * @param zoneRedundant zone redundancy
         * @param planSku       the plan size
         * @param storageSku    the storage SKU
         */
        public Integration {
            queues = List.copyOf(queues);
            topics = List.copyOf(topics);
        }
    }

    /** The region's web-authentication workspace (browser SSO for private front ends), in its own small spoke. */
    public record WebAuth(Cidr addressSpace) {
        /** The web-auth spoke's fixed name. */
        public static final String SPOKE_NAME = "webauth";
    }
}
