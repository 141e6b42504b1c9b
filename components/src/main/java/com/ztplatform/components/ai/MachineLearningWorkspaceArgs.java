package com.ztplatform.components.ai;

import com.ztplatform.components.keyvault.StorageEncryptionKey;
import com.pulumi.core.Output;
import com.ztplatform.components.addressing.Cidr;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.common.Placement;
import com.ztplatform.components.firewall.EgressNextHop;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.network.HubConnection;
import com.ztplatform.components.network.PrivateDnsZones;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Arguments of {@link MachineLearningWorkspace}. Build with {@link #builder()}; every field is checked when the
 * component is constructed.
 *
 * @param resourceGroupName   where the workspace, its storage, vault, Application Insights and compute VNet go
 *                            (required)
 * @param location            region, like westeurope (required)
 * @param naming              prefix and environment (required)
 * @param hub                 the hub: its endpoint subnet, the {@value PrivateDnsZones#ML_API},
 *                            {@value PrivateDnsZones#ML_NOTEBOOKS}, blob, file and vault zones, and the peering of the
 *                            compute VNet (required)
 * @param egress              the firewall the compute subnet routes {@code 0.0.0.0/0} to (required)
 * @param computeAddressSpace the compute VNet, one subnet {@value MachineLearningWorkspace#COMPUTE_SUBNET} filling it,
 *                            /{@value #WIDEST_COMPUTE_PREFIX} to /{@value #NARROWEST_COMPUTE_PREFIX}, like
 *                            10.30.0.0/24 (required)
 * @param containerRegistryId the registry the workspace builds and pulls its images from, like the AI platform's
 *                            {@link ContainerRegistry#registryId()}. Default: none (Azure ML then creates a public
 *                            Basic registry on first image build, which a zero-trust stack should not allow)
 * @param highBusinessImpact  the workspace holds confidential data: {@code hbiWorkspace} (less diagnostic data to
 *                            Microsoft, encrypted local scratch disks on compute; fixed at creation). Default: false
 * @param storageKey          the workspace storage account's customer-managed key (required)
 * @param common              tags, protect, lock, and the Log Analytics workspace Application Insights and the
 *                            workspace's diagnostics write to (required here: Application Insights is workspace-based)
 */
public record MachineLearningWorkspaceArgs(Output<String> resourceGroupName, String location, Naming naming,
                                           HubConnection hub, EgressNextHop egress, String computeAddressSpace,
                                           Optional<Output<String>> containerRegistryId, boolean highBusinessImpact,
                                           StorageEncryptionKey storageKey, CommonOptions common) {

    /** The widest compute address space accepted (a source subnet of the firewall's plan). */
    public static final int WIDEST_COMPUTE_PREFIX = 20;
    /**
     * The narrowest: Azure reserves five addresses per subnet and a compute cluster takes one per node
     * (learn.microsoft.com/azure/machine-learning/how-to-secure-training-vnet).
     */
    public static final int NARROWEST_COMPUTE_PREFIX = 27;

    /**
     * Checks that the options are given.
     *
     * @param resourceGroupName   where the resources go
     * @param location            region
     * @param naming              prefix and environment
     * @param hub                 the hub
     * @param egress              the firewall
     * @param computeAddressSpace the compute VNet
     * @param containerRegistryId the registry, or empty
     * @param highBusinessImpact  whether the workspace is high business impact
     * @param storageKey          the workspace storage account's customer-managed key
     * @param common              tags, protect, lock, diagnostics
     */
    public MachineLearningWorkspaceArgs {
        Objects.requireNonNull(common, "common");
        containerRegistryId = containerRegistryId == null ? Optional.empty() : containerRegistryId;
    }

    /**
     * A builder; what is not set takes the default documented on this record.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Problems of the compute address space alone, for the stack configuration's checks too.
     *
     * @param path         the key messages name, like ai.machineLearning.computeAddressSpace
     * @param addressSpace the value
     * @return the problems; empty when valid
     */
    public static List<String> computeAddressSpaceProblems(String path, @Nullable String addressSpace) {
        var problems = new ArrayList<String>();
        var problem = addressSpace == null ? Optional.of("must be an IPv4 CIDR like 10.30.0.0/24, got 'null'")
                : Cidr.problem(addressSpace);
        if (problem.isPresent()) {
            problems.add(path + " " + problem.get());
            return problems;
        }
        int prefix = Cidr.parse(addressSpace).prefixLength();
        if (prefix < WIDEST_COMPUTE_PREFIX || prefix > NARROWEST_COMPUTE_PREFIX) {
            problems.add(path + " must be /" + WIDEST_COMPUTE_PREFIX + " to /" + NARROWEST_COMPUTE_PREFIX
                    + " (one compute subnet filling it), like 10.30.0.0/24, got '" + addressSpace + "'");
        }
        return problems;
    }

    /**
     * Every problem, each naming the field and a valid example.
     *
     * @return the problems; empty when valid
     */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        Placement.check(problems, resourceGroupName, "aiRg.name()", location, naming);
        if (hub == null) {
            problems.add("hub is required: the hub whose endpoint subnet and private DNS zones the workspace, its "
                    + "storage and its vault use, like the HubNetwork");
        } else {
            for (var zone : List.of(PrivateDnsZones.ML_API, PrivateDnsZones.ML_NOTEBOOKS, PrivateDnsZones.BLOB,
                    PrivateDnsZones.FILE, PrivateDnsZones.KEY_VAULT)) {
                if (!hub.privateDnsZones().contains(zone)) {
                    problems.add("hub: the workspace's private endpoints register in " + zone
                            + ", which the hub lacks; add it to HubNetworkArgs.privateDnsZones");
                }
            }
        }
        if (egress == null) {
            problems.add("egress is required: the firewall the compute subnet routes 0.0.0.0/0 to, like the "
                    + "EgressFirewall");
        }
        problems.addAll(computeAddressSpaceProblems("computeAddressSpace", computeAddressSpace));
        if (common.logAnalyticsWorkspaceId().isEmpty()) {
            problems.add("common.logAnalyticsWorkspaceId is required: Application Insights is workspace-based on it, "
                    + "like common.withLogAnalyticsWorkspaceId(logs.workspaceId())");
        }
        if (storageKey == null) {
            problems.add("storageKey is required: the workspace's storage account is encrypted with a customer-managed key, like "
                    + "keyVault.storageKey(KeyPurpose.ML_STORAGE).orElseThrow()");
        }
        problems.addAll(common.problems("common"));
        return problems;
    }

    /** Builds {@link MachineLearningWorkspaceArgs}; what is not set takes the default documented on the record. */
    public static final class Builder {
        private Output<String> resourceGroupName;
        private String location;
        private Naming naming;
        private HubConnection hub;
        private EgressNextHop egress;
        private String computeAddressSpace;
        private Optional<Output<String>> containerRegistryId = Optional.empty();
        private boolean highBusinessImpact;
        private StorageEncryptionKey storageKey;
        private CommonOptions common = CommonOptions.defaults();

        private Builder() {
        }

        /**
         * @param value where the resources go (required)
         * @return this builder
         */
        public Builder resourceGroupName(Output<String> value) { this.resourceGroupName = value; return this; }
        /**
         * @param value region, like westeurope (required)
         * @return this builder
         */
        public Builder location(String value) { this.location = value; return this; }
        /**
         * @param value prefix and environment (required)
         * @return this builder
         */
        public Builder naming(Naming value) { this.naming = value; return this; }
        /**
         * @param value the hub (required)
         * @return this builder
         */
        public Builder hub(HubConnection value) { this.hub = value; return this; }
        /**
         * @param value the firewall the compute subnet routes through (required)
         * @return this builder
         */
        public Builder egress(EgressNextHop value) { this.egress = value; return this; }
        /**
         * @param value the compute VNet, like 10.30.0.0/24 (required)
         * @return this builder
         */
        public Builder computeAddressSpace(String value) { this.computeAddressSpace = value; return this; }
        /**
         * @param value the registry's id, or null for none. Default: none
         * @return this builder
         */
        public Builder containerRegistryId(@Nullable Output<String> value) {
            this.containerRegistryId = Optional.ofNullable(value);
            return this;
        }
        /**
         * @param value high business impact workspace. Default: false
         * @return this builder
         */
        public Builder highBusinessImpact(boolean value) { this.highBusinessImpact = value; return this; }
        /**
         * @param value the storage account's customer-managed key (required), like
         *              {@code keyVault.storageKey(KeyPurpose.ML_STORAGE).orElseThrow()}
         * @return this builder
         */
        public Builder storageKey(StorageEncryptionKey value) { this.storageKey = value; return this; }

        /**
         * @param value tags, protect, lock, diagnostics (with the Log Analytics workspace). Default:
         *              {@link CommonOptions#defaults()}
         * @return this builder
         */
        public Builder common(CommonOptions value) { this.common = value; return this; }

        /**
         * The arguments, as set; the component checks them when it is constructed.
         *
         * @return the arguments
         */
        public MachineLearningWorkspaceArgs build() {
            return new MachineLearningWorkspaceArgs(resourceGroupName, location, naming, hub, egress,
                    computeAddressSpace, containerRegistryId, highBusinessImpact, storageKey, common);
        }
    }
}
