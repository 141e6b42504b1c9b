package com.ztplatform.components.serverless;

import com.ztplatform.components.common.Placement;
import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.addressing.Cidr;
import com.ztplatform.components.firewall.EgressNextHop;
import com.ztplatform.components.network.HubConnection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Arguments of {@link ServerlessRouter}. Build with {@link #builder()}.
 *
 * @param resourceGroupName  where the router goes (required)
 * @param location           region, like westeurope (required)
 * @param naming             prefix and environment (required)
 * @param addressSpace       the router VNet, /27 or larger, like 10.110.0.0/27 (the router subnet is its first /27)
 *                           (required)
 * @param hub                peered with the router VNet; SSH is admitted only from its
 *                           {@link HubConnection#bastionSubnet() Bastion subnet}, and not at all when it has none
 *                           (required)
 * @param egress             the router subnet routes 0.0.0.0/0 through it (required); its firewall's plan must hold
 *                           {@link ServerlessRouter#egressSources} and {@link ServerlessRouter#firewallContribution},
 *                           checked when the plan is known here
 * @param adminSshPublicKey  the router's only login (no password), used through Bastion (required)
 * @param vmSize             VM size. Default: {@value #DEFAULT_VM_SIZE}
 * @param forwards           the customer resources serverless compute may reach (at least one)
 * @param common             tags, protect. Default: {@link CommonOptions#defaults()}
 * @param visibilitySubscriptions subscriptions that may request a connection to the router's Private Link Service.
 *                           Default: {@code [*]}: the NCC creates its private endpoint from a Databricks-owned
 *                           subscription that is not known before the first request, and a consumer outside the
 *                           visibility list cannot even request one. Nothing is ever auto-approved, so visibility
 *                           only lets the request arrive; narrow it to that subscription id once it is known (it is
 *                           part of the pending connection's private endpoint id)
 * @param osDiskKey          the customer-managed key the OS disk is encrypted with, through a disk encryption set of
 *                           the router's (its identity gets Key Vault Crypto Service Encryption User on this key only).
 *                           Default: none (platform-managed key); the stack passes the platform vault's
 *                           {@code router-os-disk} key
 */
public record ServerlessRouterArgs(Output<String> resourceGroupName, String location, Naming naming, String addressSpace,
                                   HubConnection hub, EgressNextHop egress, String adminSshPublicKey, String vmSize,
                                   List<RouterForward> forwards, CommonOptions common, List<String> visibilitySubscriptions,
                                   java.util.Optional<com.ztplatform.components.keyvault.DiskEncryptionKey> osDiskKey) {
    /** The router VM's size when none is set. */
    public static final String DEFAULT_VM_SIZE = "Standard_B2s";
    /** Any subscription that knows the service's alias or id may request a connection (approval stays manual). */
    public static final List<String> ANY_SUBSCRIPTION = List.of("*");
    private static final java.util.regex.Pattern GUID = java.util.regex.Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    /**
     * The canonical constructor; prefer {@link #builder()}, which applies the documented defaults.
     *
     * @param resourceGroupName where the router goes (required)
     * @param location region, like westeurope (required)
     * @param naming prefix and environment (required)
     * @param addressSpace the router VNet, /27 or larger, like 10.110.0.0/27 (the router subnet is its first /27)
     *                     (required)
     * @param hub peered with the router VNet; SSH is admitted only from its {@link HubConnection#bastionSubnet()
     *            Bastion subnet}, and not at all when it has none (required)
     * @param egress the router subnet routes 0.0.0.0/0 through it (required); its firewall's plan must hold {@link
     *               ServerlessRouter#egressSources} and {@link ServerlessRouter#firewallContribution}, checked when
     *               the plan is known here
     * @param adminSshPublicKey the router's only login (no password), used through Bastion (required)
     * @param vmSize VM size. Default: {@value #DEFAULT_VM_SIZE}
     * @param forwards the customer resources serverless compute may reach (at least one)
     * @param common tags, protect. Default: {@link CommonOptions#defaults()}
     * @param visibilitySubscriptions subscriptions that may request a connection to the router's Private Link
     *                                Service. Default: {@code [*]}: the NCC creates its private endpoint from a
     *                                Databricks-owned subscription that is not known before the first request, and a
     *                                consumer outside the visibility list cannot even request one. Nothing is ever
     *                                auto-approved, so visibility only lets the request arrive; narrow it to that
     *                                subscription id once it is known (it is part of the pending connection's private
     *                                endpoint id)
     * @param osDiskKey the OS disk's customer-managed key, or empty
     */
    public ServerlessRouterArgs {
        forwards = List.copyOf(forwards);
        Objects.requireNonNull(common, "common");
        visibilitySubscriptions = List.copyOf(visibilitySubscriptions);
        java.util.Objects.requireNonNull(osDiskKey, "osDiskKey");
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
     * Problems of the settings alone, each starting with {@code path} (empty or ending with '.').
     *
     * @param path              prefix of the keys in messages, like {@code zt-databricks:serverlessRouter.}
     * @param addressSpace      the router VNet's address space
     * @param adminSshPublicKey the VM's admin SSH key
     * @param vmSize            the VM size
     * @param forwards          the forwards
     * @return the problems; empty when valid
     */
    public static List<String> settingsProblems(String path, String addressSpace, String adminSshPublicKey, String vmSize,
                                                List<RouterForward> forwards) {
        var problems = new ArrayList<String>();
        var cidr = addressSpace == null ? java.util.Optional.of("must be an IPv4 CIDR like 10.110.0.0/27, got 'null'")
                : Cidr.problem(addressSpace);
        if (cidr.isPresent()) {
            problems.add(path + "addressSpace " + cidr.get());
        } else if (Cidr.parse(addressSpace).prefixLength() > 27) {
            problems.add(path + "addressSpace must be /27 or larger (VM, load balancer and Private Link NAT addresses), "
                    + "like 10.110.0.0/27, got " + addressSpace);
        }
        if (adminSshPublicKey == null || !(adminSshPublicKey.startsWith("ssh-ed25519 ") || adminSshPublicKey.startsWith("ssh-rsa ")
                || adminSshPublicKey.startsWith("ecdsa-sha2-"))) {
            problems.add(path + "adminSshPublicKey must be an OpenSSH public key like 'ssh-ed25519 AAAA... ops@contoso' "
                    + "(passwords are never enabled)");
        }
        if (vmSize == null || !vmSize.matches("^Standard_[A-Za-z0-9_]+$")) {
            problems.add(path + "vmSize must be an Azure VM size like Standard_B2s, got '" + vmSize + "'");
        }
        if (forwards.isEmpty()) {
            problems.add(path + "forwards must list at least one resource, like [{port: 1433, destination: 10.200.10.5, "
                    + "domainNames: [sql.corp.contoso.com]}]");
        }
        var ports = new HashSet<Integer>();
        for (int i = 0; i < forwards.size(); i++) {
            problems.addAll(forwards.get(i).problems(path + "forwards[" + i + "]"));
            if (!ports.add(forwards.get(i).port())) {
                problems.add(path + "forwards[" + i + "].port " + forwards.get(i).port() + " is forwarded twice");
            }
        }
        return problems;
    }

    /**
     * Every problem of these arguments; the component fails listing them all, so one run shows everything to fix.
     *
     * @return the problems, each naming its field and a valid example; empty when valid
     */
    public List<String> problems() {
        var problems = new ArrayList<>(settingsProblems("", addressSpace, adminSshPublicKey, vmSize, forwards));
        Placement.resourceGroup(problems, resourceGroupName, "hubRg.name()");
        Placement.naming(problems, naming);
        if (hub == null || egress == null) {
            problems.add("hub and egress are required: the router's egress goes through the firewall, like "
                    + ".hub(hub).egress(firewall)");
        }
        if (egress != null && addressSpace != null && Cidr.problem(addressSpace).isEmpty()
                && Cidr.parse(addressSpace).prefixLength() <= 27) {
            var sources = ServerlessRouter.egressSources(addressSpace);
            var rules = ServerlessRouter.firewallContribution(forwards);
            egress.egressPlan().ifPresent(plan -> {
                if (!plan.admits(sources.group(), sources.cidrs()) || !plan.contributions().contains(rules)) {
                    problems.add("egress: the firewall's plan lacks the router's source group " + sources.cidrs()
                            + " or its forward rules, so the firewall would deny them; add "
                            + "ServerlessRouter.egressSources(addressSpace) and ServerlessRouter.firewallContribution("
                            + "forwards) to the EgressPlan the firewall is built with");
                }
            });
        }
        if (visibilitySubscriptions.isEmpty() || (!visibilitySubscriptions.equals(ANY_SUBSCRIPTION)
                && !visibilitySubscriptions.stream().allMatch(v -> GUID.matcher(v).matches()))) {
            problems.add("visibilitySubscriptions must be [*] or subscription ids like "
                    + "[7d1e6a2c-3b4f-4e8a-9c0d-1f2e3a4b5c6d]: the NCC cannot request a connection otherwise, got "
                    + visibilitySubscriptions);
        }
        if (hub != null && addressSpace != null && Cidr.problem(addressSpace).isEmpty()) {
            hub.plannedAddressSpace().filter(space -> space.overlaps(Cidr.parse(addressSpace))).ifPresent(space ->
                    problems.add("addressSpace " + addressSpace + " overlaps the hub's " + space));
        }
        return problems;
    }

    /** Builds {@link ServerlessRouterArgs}; what is not set takes the default documented on the record. */
    public static final class Builder {
        private Output<String> resourceGroupName;
        private String location;
        private Naming naming;
        private String addressSpace;
        private HubConnection hub;
        private EgressNextHop egress;
        private String adminSshPublicKey;
        private String vmSize = DEFAULT_VM_SIZE;
        private List<RouterForward> forwards = List.of();
        private CommonOptions common = CommonOptions.defaults();
        private List<String> visibilitySubscriptions = ANY_SUBSCRIPTION;
        private java.util.Optional<com.ztplatform.components.keyvault.DiskEncryptionKey> osDiskKey = java.util.Optional.empty();

        private Builder() {
        }

        /**
         * @param value where the router goes (required)
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
         * @param value the router VNet, /27 or larger, like 10.110.0.0/27 (the router subnet is its first /27)
         *              (required)
         * @return this builder
         */
        public Builder addressSpace(String value) { this.addressSpace = value; return this; }
        /**
         * @param value peered with the router VNet; SSH is admitted only from its {@link
         *              HubConnection#bastionSubnet() Bastion subnet}, and not at all when it has none (required)
         * @return this builder
         */
        public Builder hub(HubConnection value) { this.hub = value; return this; }
        /**
         * @param value the router subnet routes 0.0.0.0/0 through it (required); its firewall's plan must hold {@link
         *              ServerlessRouter#egressSources} and {@link ServerlessRouter#firewallContribution}, checked
         *              when the plan is known here
         * @return this builder
         */
        public Builder egress(EgressNextHop value) { this.egress = value; return this; }
        /**
         * @param value the router's only login (no password), used through Bastion (required)
         * @return this builder
         */
        public Builder adminSshPublicKey(String value) { this.adminSshPublicKey = value; return this; }
        /**
         * @param value VM size. Default: {@value ServerlessRouterArgs#DEFAULT_VM_SIZE}
         * @return this builder
         */
        public Builder vmSize(String value) { this.vmSize = value; return this; }
        /**
         * @param value the customer resources serverless compute may reach (at least one)
         * @return this builder
         */
        public Builder forwards(List<RouterForward> value) { this.forwards = value; return this; }
        /**
         * @param value tags, protect. Default: {@link CommonOptions#defaults()}
         * @return this builder
         */
        public Builder common(CommonOptions value) { this.common = value; return this; }
        /**
         * @param value subscriptions that may request a connection to the router's Private Link Service. Default:
         *              {@code [*]}: the NCC creates its private endpoint from a Databricks-owned subscription that is
         *              not known before the first request, and a consumer outside the visibility list cannot even
         *              request one. Nothing is ever auto-approved, so visibility only lets the request arrive; narrow
         *              it to that subscription id once it is known (it is part of the pending connection's private
         *              endpoint id)
         * @return this builder
         */
        public Builder visibilitySubscriptions(List<String> value) { this.visibilitySubscriptions = value; return this; }

        /**
         * Encrypts the OS disk with a customer-managed key through a disk encryption set.
         *
         * @param value the key, like {@code keyVault.diskKey(KeyPurpose.ROUTER_DISK).orElseThrow()}
         * @return this
         */
        public Builder osDiskKey(@javax.annotation.Nullable com.ztplatform.components.keyvault.DiskEncryptionKey value) {
            this.osDiskKey = java.util.Optional.ofNullable(value);
            return this;
        }

        /**
         * The arguments, as set; the component checks them when it is constructed.
         *
         * @return the arguments
         */
        public ServerlessRouterArgs build() {
            return new ServerlessRouterArgs(resourceGroupName, location, naming, addressSpace, hub, egress,
                    adminSshPublicKey, vmSize, forwards, common, visibilitySubscriptions, osDiskKey);
        }
    }
}
