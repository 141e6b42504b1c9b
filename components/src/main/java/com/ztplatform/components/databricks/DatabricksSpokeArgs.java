package com.ztplatform.components.databricks;

import com.ztplatform.components.common.Placement;
import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.addressing.Cidr;
import com.ztplatform.components.addressing.LayoutException;
import com.ztplatform.components.addressing.SubnetLayout;
import com.ztplatform.components.firewall.EgressNextHop;
import com.ztplatform.components.network.HubConnection;
import com.ztplatform.components.network.PrivateDnsZones;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Arguments of {@link DatabricksSpoke}. Build with {@link #builder()}.
 *
 * @param resourceGroupName          the spoke's resource group (required)
 * @param location                   the hub's region, like westeurope (required)
 * @param naming                     prefix and environment (required)
 * @param spokeName                  2-12 lowercase letters/digits, unique per stack, like analytics (required)
 * @param role                       the workload or the region's web-auth workspace. Default: {@link SpokeRole#WORKLOAD}
 * @param addressSpace               the spoke VNet's CIDR, like 10.11.0.0/24 (required)
 * @param hostSubnetPrefix           Databricks host ("public") subnet size, /26 or larger. Default: 26
 * @param containerSubnetPrefix      Databricks container ("private") subnet size, same as host. Default: 26
 * @param privateEndpointSubnetPrefix the spoke's private-endpoint subnet, 24-28. Default: 27
 * @param hub                        the hub to peer with, whose DNS zones and transit endpoint subnet it uses: the
 *                                   local {@code HubNetwork} or a {@code PlatformStackReference} (required)
 * @param egress                     where the Databricks subnets send 0.0.0.0/0: the local {@code EgressFirewall} or a
 *                                   {@code PlatformStackReference} (required). A workload spoke's subnets must be in the
 *                                   firewall's {@link com.ztplatform.components.firewall.EgressPlan} (see
 *                                   {@link DatabricksSpoke#egressSources}); checked when the plan is known here
 * @param storageSku                 SKU of the workspace storage account (DBFS root). Default: Standard_ZRS.
 *                                   Zone- or geo-redundant SKUs for production: Standard_ZRS, Standard_GRS,
 *                                   Standard_GZRS, Standard_RAGRS, Standard_RAGZRS
 * @param keys                       customer-managed keys. Default: none (platform-managed keys)
 * @param frontEndPrivateEndpoint    a front-end (user to workspace) databricks_ui_api endpoint in the hub's
 *                                   private-endpoint subnet. Default: true
 * @param storageEgress              the service endpoint policy on the Databricks subnets (seed 003). Default:
 *                                   {@link StorageEgressPolicy#databricksOnly()} (the DBFS root and the Databricks alias)
 * @param common                     tags, protect. Default: {@link CommonOptions#defaults()}
 */
public record DatabricksSpokeArgs(Output<String> resourceGroupName, String location, Naming naming, String spokeName,
                                  SpokeRole role, String addressSpace, int hostSubnetPrefix, int containerSubnetPrefix,
                                  int privateEndpointSubnetPrefix, HubConnection hub, EgressNextHop egress,
                                  String storageSku, WorkspaceKeys keys, boolean frontEndPrivateEndpoint,
                                  StorageEgressPolicy storageEgress, CommonOptions common) {

    /** The storage account SKUs a workspace's DBFS-root account may have. */
    public static final Set<String> STORAGE_SKUS = Set.of("Standard_LRS", "Standard_ZRS", "Standard_GRS",
            "Standard_RAGRS", "Standard_GZRS", "Standard_RAGZRS");
    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9]{1,11}$");

    /**
     * The canonical constructor; prefer {@link #builder()}, which applies the documented defaults.
     *
     * @param resourceGroupName the spoke's resource group (required)
     * @param location the hub's region, like westeurope (required)
     * @param naming prefix and environment (required)
     * @param spokeName 2-12 lowercase letters/digits, unique per stack, like analytics (required)
     * @param role the workload or the region's web-auth workspace. Default: {@link SpokeRole#WORKLOAD}
     * @param addressSpace the spoke VNet's CIDR, like 10.11.0.0/24 (required)
     * @param hostSubnetPrefix Databricks host ("public") subnet size, /26 or larger. Default: 26
     * @param containerSubnetPrefix Databricks container ("private") subnet size, same as host. Default: 26
     * @param privateEndpointSubnetPrefix the spoke's private-endpoint subnet, 24-28. Default: 27
     * @param hub the hub to peer with, whose DNS zones and transit endpoint subnet it uses: the local {@code
     *            HubNetwork} or a {@code PlatformStackReference} (required)
     * @param egress where the Databricks subnets send 0.0.0.0/0: the local {@code EgressFirewall} or a {@code
     *               PlatformStackReference} (required). A workload spoke's subnets must be in the firewall's {@link
     *               com.ztplatform.components.firewall.EgressPlan} (see {@link DatabricksSpoke#egressSources});
     *               checked when the plan is known here
     * @param storageSku SKU of the workspace storage account (DBFS root). Default: Standard_ZRS. Zone- or
     *                   geo-redundant SKUs for production: Standard_ZRS, Standard_GRS, Standard_GZRS, Standard_RAGRS,
     *                   Standard_RAGZRS
     * @param keys customer-managed keys. Default: none (platform-managed keys)
     * @param frontEndPrivateEndpoint a front-end (user to workspace) databricks_ui_api endpoint in the hub's
     *                                private-endpoint subnet. Default: true
     * @param storageEgress the service endpoint policy on the Databricks subnets. Default: {@link
     *                      StorageEgressPolicy#databricksOnly()} (the DBFS root and the Databricks alias)
     * @param common tags, protect. Default: {@link CommonOptions#defaults()}
     */
    public DatabricksSpokeArgs {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(storageEgress, "storageEgress");
        Objects.requireNonNull(common, "common");
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
     * The subnet layout; throws {@link LayoutException} when it does not fit.
     *
     * @return every subnet's block
     */
    public SubnetLayout layout() {
        return SpokeLayout.carve(Cidr.parse(addressSpace), hostSubnetPrefix, containerSubnetPrefix,
                privateEndpointSubnetPrefix);
    }

    /**
     * Every problem of these arguments; the component fails listing them all, so one run shows everything to fix.
     *
     * @return the problems, each naming its field and a valid example; empty when valid
     */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        Placement.resourceGroup(problems, resourceGroupName, "spokeRg.name()");
        Placement.naming(problems, naming);
        if (spokeName == null || !NAME.matcher(spokeName).matches()) {
            problems.add("spokeName must be 2-12 lowercase letters or digits starting with a letter, like 'analytics', got '"
                    + spokeName + "'");
        }
        if (hub == null) {
            problems.add("hub is required: the HubNetwork this spoke peers with");
        }
        if (egress == null) {
            problems.add("egress is required: the EgressFirewall (or PlatformStackReference) whose route table the "
                    + "Databricks subnets use");
        }
        if (storageSku == null || !STORAGE_SKUS.contains(storageSku)) {
            problems.add("storageSku must be one of " + String.join(", ", STORAGE_SKUS.stream().sorted().toList())
                    + ", like Standard_ZRS, got '" + storageSku + "'");
        }
        if (hub != null) {
            for (var zone : List.of(PrivateDnsZones.DATABRICKS, PrivateDnsZones.DFS, PrivateDnsZones.BLOB)) {
                if (!hub.privateDnsZones().contains(zone)) {
                    problems.add("hub.privateDnsZones must include " + zone
                            + ": the workspace's private endpoints register there");
                }
            }
        }
        var sizes = SpokeLayout.sizeProblems("", hostSubnetPrefix, containerSubnetPrefix, privateEndpointSubnetPrefix);
        problems.addAll(sizes);
        var cidr = addressSpace == null ? java.util.Optional.of("must be an IPv4 CIDR like 10.11.0.0/24, got 'null'")
                : Cidr.problem(addressSpace);
        if (cidr.isPresent()) {
            problems.add("addressSpace " + cidr.get());
        } else if (sizes.isEmpty()) {
            try {
                layout();
            } catch (LayoutException e) {
                e.problems().forEach(p -> problems.add("addressSpace: " + p));
            }
            var hubSpace = hub == null ? java.util.Optional.<Cidr>empty() : hub.plannedAddressSpace();
            if (hubSpace.isPresent() && hubSpace.get().overlaps(Cidr.parse(addressSpace))) {
                problems.add("addressSpace " + addressSpace + " overlaps the hub's " + hubSpace.get()
                        + "; peered VNets must not overlap");
            }
            if (spokeName != null && role == SpokeRole.WORKLOAD && egress != null) {
                try {
                    var needed = DatabricksSpoke.egressSources(spokeName, layout());
                    egress.egressPlan().filter(plan -> !plan.admits(needed.group(), needed.cidrs())).ifPresent(plan ->
                            problems.add("egress: the firewall's plan does not admit this spoke's subnets "
                                    + needed.cidrs() + " in source group '" + needed.group() + "', so all their egress "
                                    + "would be denied; add DatabricksSpoke.egressSources(\"" + spokeName
                                    + "\", layout) to the EgressPlan the firewall is built with"));
                } catch (LayoutException e) {
                    // reported above
                }
            }
        }
        if (keys.appliesDbfsRootKey() && keys.dbfsRootGrants().isEmpty()) {
            problems.add("keys.dbfsRootGrants must name the role assignment that gives the workspace storage identity "
                    + "the DBFS-root key; Azure rejects the key otherwise");
        }
        if (keys.appliesManagedServicesKey() && keys.managedServicesGrants().isEmpty()) {
            problems.add("keys.managedServicesGrants must name the role assignment that gives the AzureDatabricks "
                    + "application the managed-services key; Databricks rejects the key otherwise");
        }
        problems.addAll(common.problems("common"));
        return problems;
    }

    /** Builds {@link DatabricksSpokeArgs}; what is not set takes the default documented on the record. */
    public static final class Builder {
        private Output<String> resourceGroupName;
        private String location;
        private Naming naming;
        private String spokeName;
        private SpokeRole role = SpokeRole.WORKLOAD;
        private String addressSpace;
        private int hostSubnetPrefix = SpokeLayout.DEFAULT_DATABRICKS_PREFIX;
        private int containerSubnetPrefix = SpokeLayout.DEFAULT_DATABRICKS_PREFIX;
        private int privateEndpointSubnetPrefix = SpokeLayout.DEFAULT_PRIVATE_ENDPOINT_PREFIX;
        private HubConnection hub;
        private EgressNextHop egress;
        private String storageSku = "Standard_ZRS";
        private WorkspaceKeys keys = WorkspaceKeys.none();
        private boolean frontEndPrivateEndpoint = true;
        private StorageEgressPolicy storageEgress = StorageEgressPolicy.databricksOnly();
        private CommonOptions common = CommonOptions.defaults();

        /**
         * @param value the spoke's resource group (required)
         * @return this builder
         */
        public Builder resourceGroupName(Output<String> value) { this.resourceGroupName = value; return this; }
        /**
         * @param value the hub's region, like westeurope (required)
         * @return this builder
         */
        public Builder location(String value) { this.location = value; return this; }
        /**
         * @param value prefix and environment (required)
         * @return this builder
         */
        public Builder naming(Naming value) { this.naming = value; return this; }
        /**
         * @param value 2-12 lowercase letters/digits, unique per stack, like analytics (required)
         * @return this builder
         */
        public Builder spokeName(String value) { this.spokeName = value; return this; }
        /**
         * @param value the workload or the region's web-auth workspace. Default: {@link SpokeRole#WORKLOAD}
         * @return this builder
         */
        public Builder role(SpokeRole value) { this.role = value; return this; }
        /**
         * @param value the spoke VNet's CIDR, like 10.11.0.0/24 (required)
         * @return this builder
         */
        public Builder addressSpace(String value) { this.addressSpace = value; return this; }
        /**
         * @param value Databricks host ("public") subnet size, /26 or larger. Default: 26
         * @return this builder
         */
        public Builder hostSubnetPrefix(int value) { this.hostSubnetPrefix = value; return this; }
        /**
         * @param value Databricks container ("private") subnet size, same as host. Default: 26
         * @return this builder
         */
        public Builder containerSubnetPrefix(int value) { this.containerSubnetPrefix = value; return this; }
        /**
         * @param value the spoke's private-endpoint subnet, 24-28. Default: 27
         * @return this builder
         */
        public Builder privateEndpointSubnetPrefix(int value) { this.privateEndpointSubnetPrefix = value; return this; }
        /**
         * @param value the hub to peer with, whose DNS zones and transit endpoint subnet it uses: the local {@code
         *              HubNetwork} or a {@code PlatformStackReference} (required)
         * @return this builder
         */
        public Builder hub(HubConnection value) { this.hub = value; return this; }
        /**
         * @param value where the Databricks subnets send 0.0.0.0/0: the local {@code EgressFirewall} or a {@code
         *              PlatformStackReference} (required). A workload spoke's subnets must be in the firewall's
         *              {@link com.ztplatform.components.firewall.EgressPlan} (see {@link
         *              DatabricksSpoke#egressSources}); checked when the plan is known here
         * @return this builder
         */
        public Builder egress(EgressNextHop value) { this.egress = value; return this; }
        /**
         * @param value SKU of the workspace storage account (DBFS root). Default: Standard_ZRS. Zone- or
         *              geo-redundant SKUs for production: Standard_ZRS, Standard_GRS, Standard_GZRS, Standard_RAGRS,
         *              Standard_RAGZRS
         * @return this builder
         */
        public Builder storageSku(String value) { this.storageSku = value; return this; }
        /**
         * @param value customer-managed keys. Default: none (platform-managed keys)
         * @return this builder
         */
        public Builder keys(WorkspaceKeys value) { this.keys = value; return this; }
        /**
         * @param value a front-end (user to workspace) databricks_ui_api endpoint in the hub's private-endpoint
         *              subnet. Default: true
         * @return this builder
         */
        public Builder frontEndPrivateEndpoint(boolean value) { this.frontEndPrivateEndpoint = value; return this; }
        /**
         * @param value the service endpoint policy on the Databricks subnets. Default: {@link
         *              StorageEgressPolicy#databricksOnly()} (the DBFS root and the Databricks alias)
         * @return this builder
         */
        public Builder storageEgress(StorageEgressPolicy value) { this.storageEgress = value; return this; }
        /**
         * @param value tags, protect. Default: {@link CommonOptions#defaults()}
         * @return this builder
         */
        public Builder common(CommonOptions value) { this.common = value; return this; }

        /**
         * The arguments, as set; the component checks them when it is constructed.
         *
         * @return the arguments
         */
        public DatabricksSpokeArgs build() {
            return new DatabricksSpokeArgs(resourceGroupName, location, naming, spokeName, role, addressSpace,
                    hostSubnetPrefix, containerSubnetPrefix, privateEndpointSubnetPrefix, hub, egress, storageSku,
                    keys, frontEndPrivateEndpoint, storageEgress, common);
        }
    }
}
