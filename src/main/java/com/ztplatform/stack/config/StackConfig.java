package com.ztplatform.stack.config;

import com.ztplatform.components.addressing.Cidr;
import com.ztplatform.components.addressing.SubnetLayout;
import com.ztplatform.components.firewall.EgressMode;
import com.ztplatform.components.firewall.FirewallSettings;
import com.ztplatform.components.keyvault.KeyPurpose;
import com.ztplatform.components.keyvault.KeyRotation;
import com.ztplatform.components.landing.LandingSettings;
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
        List<String> warnings) {

    public StackConfig {
        spokes = List.copyOf(spokes);
        warnings = List.copyOf(warnings);
    }

    /** Tags every resource carries; the four named ones are mandatory. */
    public record MandatoryTags(String environment, String owner, String costCenter, String dataClassification,
                                Map<String, String> extra) {
        public static final List<String> MANDATORY = List.of("environment", "owner", "costCenter", "dataClassification");
        public static final List<String> CLASSIFICATIONS = List.of("public", "internal", "confidential", "restricted");
        /** Tags the platform sets on every resource; a stack file cannot override them. */
        public static final Map<String, String> PLATFORM = Map.of("managedBy", "pulumi");

        public MandatoryTags {
            extra = Map.copyOf(extra);
        }

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

    public record Hub(Cidr addressSpace, int privateEndpointSubnetPrefix, boolean firewallManagementSubnet,
                      Optional<BastionOptions> bastion, Optional<VpnOptions> vpn,
                      Optional<DnsResolverOptions> dnsResolver, List<String> privateDnsZones) {
        public Hub {
            privateDnsZones = List.copyOf(privateDnsZones);
        }

        /** The hub's subnet layout; throws {@link com.ztplatform.components.addressing.LayoutException} when it does not fit. */
        public SubnetLayout layout() {
            return HubLayout.carve(addressSpace, privateEndpointSubnetPrefix, firewallManagementSubnet,
                    bastion.isPresent(), vpn.isPresent(), dnsResolver.isPresent());
        }
    }

    /** Where logs go: a workspace created in the hub with this retention, or an existing one. */
    public record Logs(int retentionInDays, Optional<String> existingWorkspaceId) {
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
        public static final List<String> TYPES = List.of("azureCli", "managedIdentity", "githubOidc");
    }

    /** Seed 001's router for serverless access to customer resources behind the firewall. */
    public record Router(String addressSpace, String adminSshPublicKey, String vmSize, List<RouterForward> forwards) {
        public Router {
            forwards = List.copyOf(forwards);
        }
    }

    /**
     * The OneLake landing.
     *
     * @param workspace    the spoke whose workspace runs the jobs
     * @param clientSecret the landing service principal's secret (secret config key landingClientSecret), if managed here
     */
    public record Landing(String workspace, LandingSettings settings, Optional<com.pulumi.core.Output<String>> clientSecret) {
    }

    public record Spoke(String name, Cidr addressSpace, int hostSubnetPrefix, int containerSubnetPrefix,
                        int privateEndpointSubnetPrefix, String storageSku, boolean frontEndPrivateEndpoint) {
    }

    /** The region's web-authentication workspace (browser SSO for private front ends), in its own small spoke. */
    public record WebAuth(Cidr addressSpace) {
        public static final String SPOKE_NAME = "webauth";
    }
}
