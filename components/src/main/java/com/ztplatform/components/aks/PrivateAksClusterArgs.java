package com.ztplatform.components.aks;

import com.pulumi.core.Output;
import com.ztplatform.components.addressing.Cidr;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.common.Placement;
import com.ztplatform.components.firewall.EgressNextHop;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.naming.ResourceKind;
import com.ztplatform.components.network.HubConnection;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Arguments of {@link PrivateAksCluster}. Build with {@link #builder()}; every field is checked when the component is
 * constructed.
 *
 * @param resourceGroupName where the cluster, its VNet and its identities go (required)
 * @param location          region, like westeurope (required); it names the API server's private DNS zone
 * @param naming            prefix and environment; the cluster is named {@code <prefix>-<env>-aks} (required)
 * @param settings          the spoke's address space and the system node pool (required)
 * @param hub               peered with the cluster's VNet; hosts the {@link #privateDnsZone(String)} zone the API
 *                          server's name is registered in, and the zones of the registry the nodes pull from (required)
 * @param egress            the node subnet routes 0.0.0.0/0 through it (required); its firewall's plan must hold
 *                          {@link AksEgress#egressSources} and {@link AksEgress#firewallContribution}, checked when the
 *                          plan is known here
 * @param registryId        the container registry the kubelet identity may pull from (AcrPull on it, nothing else);
 *                          empty when the cluster pulls from no private registry
 * @param common            tags, protect, lock, and the Log Analytics workspace the audit logs go to.
 *                          Default: {@link CommonOptions#defaults()}
 */
public record PrivateAksClusterArgs(Output<String> resourceGroupName, String location, Naming naming,
                                    AksSettings settings, HubConnection hub, EgressNextHop egress,
                                    Optional<Output<String>> registryId, CommonOptions common) {
    /** The one node pool's name (1-12 lowercase letters and digits, starting with a letter). */
    public static final String SYSTEM_POOL = "system";
    /**
     * The Kubernetes service range: outside every range this platform's examples use, and not overlapping any VNet
     * the cluster reaches is Azure's rule (learn.microsoft.com/azure/aks/configure-azure-cni). The stack's loader
     * checks it against the configured address spaces.
     */
    public static final String SERVICE_CIDR = "172.20.0.0/16";
    /** The cluster DNS service's address: inside {@link #SERVICE_CIDR}, not its first address. */
    public static final String DNS_SERVICE_IP = "172.20.0.10";

    /**
     * Checks that the options are given.
     *
     * @param resourceGroupName where the cluster goes
     * @param location          region
     * @param naming            prefix and environment
     * @param settings          address space and node pool
     * @param hub               the hub
     * @param egress            the firewall
     * @param registryId        the registry the kubelet pulls from, or empty
     * @param common            tags, protect, lock, diagnostics
     */
    public PrivateAksClusterArgs {
        Objects.requireNonNull(registryId, "registryId");
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
     * The hub zone AKS registers a private cluster's API server in: {@code privatelink.<region>.azmk8s.io}
     * (learn.microsoft.com/azure/aks/private-clusters, "Configure a private DNS zone").
     *
     * @param location the cluster's region, like westeurope
     * @return the zone name, like privatelink.westeurope.azmk8s.io
     */
    public static String privateDnsZone(String location) {
        return "privatelink." + location.toLowerCase(Locale.ROOT).replace(" ", "") + ".azmk8s.io";
    }

    /**
     * The cluster's Azure name, also its DNS prefix, like {@code ztp-prod-aks}.
     *
     * @return the name
     */
    public String clusterName() {
        return naming.name(ResourceKind.KUBERNETES_CLUSTER, "aks");
    }

    /**
     * Every problem, each naming the field and a valid example.
     *
     * @return the problems; empty when valid
     */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        Placement.check(problems, resourceGroupName, "aksRg.name()", location, naming);
        if (settings == null) {
            problems.add("settings is required, like new AksSettings(\"10.120.0.0/22\", 3, \""
                    + AksSettings.DEFAULT_VM_SIZE + "\", List.of(\"1\", \"2\", \"3\"), List.of())");
            return problems;
        }
        problems.addAll(settings.problems("settings."));
        if (hub == null || egress == null) {
            problems.add("hub and egress are required: the cluster's VNet peers with the hub and its nodes' egress goes "
                    + "through the firewall, like .hub(hub).egress(firewall)");
        }
        var spaceValid = settings.addressSpace() != null && Cidr.problem(settings.addressSpace()).isEmpty();
        if (hub != null && location != null && !location.isBlank()
                && !hub.privateDnsZones().contains(privateDnsZone(location))) {
            problems.add("hub: the private cluster's API server registers in " + privateDnsZone(location)
                    + ", which the hub lacks; add it to HubNetworkArgs.privateDnsZones");
        }
        if (hub != null && spaceValid) {
            hub.plannedAddressSpace().filter(space -> space.overlaps(Cidr.parse(settings.addressSpace()))).ifPresent(
                    space -> problems.add("settings.addressSpace " + settings.addressSpace() + " overlaps the hub's " + space));
        }
        if (spaceValid && Cidr.parse(SERVICE_CIDR).overlaps(Cidr.parse(settings.addressSpace()))) {
            problems.add("settings.addressSpace " + settings.addressSpace() + " overlaps the cluster's service range "
                    + SERVICE_CIDR + "; use another range like 10.120.0.0/22");
        }
        if (egress != null && spaceValid && problems.isEmpty()) {
            var sources = AksEgress.egressSources(settings.addressSpace());
            egress.egressPlan().ifPresent(plan -> {
                if (!plan.admits(sources.group(), sources.cidrs())
                        || !plan.contributions().contains(AksEgress.firewallContribution())) {
                    problems.add("egress: the firewall's plan lacks the cluster's source group " + sources.cidrs()
                            + " or its required rules, so the firewall would deny the nodes' bootstrap; add "
                            + "AksEgress.egressSources(addressSpace) and AksEgress.firewallContribution() to the "
                            + "EgressPlan the firewall is built with");
                }
            });
        }
        if (naming != null && naming.problems("naming").isEmpty()) {
            ResourceKind.KUBERNETES_CLUSTER.problem(clusterName()).ifPresent(problems::add);
        }
        problems.addAll(common.problems("common"));
        return problems;
    }

    /** Builds {@link PrivateAksClusterArgs}; what is not set takes the default documented on the record. */
    public static final class Builder {
        private Output<String> resourceGroupName;
        private String location;
        private Naming naming;
        private AksSettings settings;
        private HubConnection hub;
        private EgressNextHop egress;
        private Optional<Output<String>> registryId = Optional.empty();
        private CommonOptions common = CommonOptions.defaults();

        private Builder() {
        }

        /**
         * @param value where the cluster goes (required)
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
         * @param value address space and node pool (required)
         * @return this builder
         */
        public Builder settings(AksSettings value) { this.settings = value; return this; }
        /**
         * @param value the hub (required)
         * @return this builder
         */
        public Builder hub(HubConnection value) { this.hub = value; return this; }
        /**
         * @param value the firewall the nodes' egress goes through (required)
         * @return this builder
         */
        public Builder egress(EgressNextHop value) { this.egress = value; return this; }
        /**
         * @param value the registry the kubelet identity may pull from, or null for none
         * @return this builder
         */
        public Builder registryId(@Nullable Output<String> value) { this.registryId = Optional.ofNullable(value); return this; }
        /**
         * @param value tags, protect, lock, diagnostics. Default: {@link CommonOptions#defaults()}
         * @return this builder
         */
        public Builder common(CommonOptions value) { this.common = value; return this; }

        /**
         * The arguments, as set; the component checks them when it is constructed.
         *
         * @return the arguments
         */
        public PrivateAksClusterArgs build() {
            return new PrivateAksClusterArgs(resourceGroupName, location, naming, settings, hub, egress, registryId, common);
        }
    }
}
