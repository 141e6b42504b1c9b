package com.ztplatform.components.integration;

import com.ztplatform.components.keyvault.StorageEncryptionKey;
import com.pulumi.core.Output;
import com.ztplatform.components.addressing.Cidr;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.common.Placement;
import com.ztplatform.components.firewall.EgressNextHop;
import com.ztplatform.components.firewall.SourceGroups;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.naming.ResourceKind;
import com.ztplatform.components.network.HubConnection;
import com.ztplatform.components.network.PrivateDnsZones;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Arguments of {@link PrivateFunctionApp}. Build with {@link #builder()}; every field is checked when the component is
 * constructed.
 *
 * @param resourceGroupName where everything goes (required)
 * @param location          region, like westeurope (required)
 * @param naming            prefix and environment (required)
 * @param hub               the hub: peering, its private DNS zones and its private-endpoint subnet (required; it must
 *                          host the blob, queue, table and {@value PrivateDnsZones#WEB_SITES} zones)
 * @param egress            the firewall the integration subnet's {@code 0.0.0.0/0} route points at (required)
 * @param addressSpace      the integration VNet, /26 or larger; its first /26 is the delegated integration subnet,
 *                          like 10.111.0.0/26 (required)
 * @param planSku           the dedicated App Service plan's SKU: Premium v3 ({@code P0v3}, {@code P1v3}, ...), which
 *                          has VNet integration and private endpoints. Default: {@link #DEFAULT_PLAN_SKU}
 * @param storageSku        the functions' own storage account's SKU. Default: Standard_ZRS
 * @param serviceBusId      the namespace the identity may send to and receive from (required)
 * @param serviceBusHost    the namespace's host, like ztp-dev-bus.servicebus.windows.net (required)
 * @param queueName         the queue the function consumes, like landing-runs (required)
 * @param keyVaultId        the vault whose secrets the identity may read (required)
 * @param keyVaultUri       the vault's URI, given to the functions as a setting (required)
 * @param packageBlob       the deployment package's blob name in the {@value PrivateFunctionApp#PACKAGE_CONTAINER}
 *                          container. Default: {@link #DEFAULT_PACKAGE_BLOB}
 * @param storageKey        the host storage account's customer-managed key
 * @param common            tags, protect, lock and the Log Analytics workspace (Application Insights is built on it;
 *                          required for telemetry). Default: {@link CommonOptions#defaults()}
 */
public record FunctionAppArgs(Output<String> resourceGroupName, String location, Naming naming, HubConnection hub,
                              EgressNextHop egress, String addressSpace, String planSku, String storageSku,
                              Output<String> serviceBusId, String serviceBusHost, String queueName,
                              Output<String> keyVaultId, Output<String> keyVaultUri, String packageBlob,
                              StorageEncryptionKey storageKey, CommonOptions common) {

    /** The smallest plan with VNet integration, private endpoints and a dedicated worker. */
    public static final String DEFAULT_PLAN_SKU = "P1v3";
    /** The package the pipeline uploads: the integration-function module's zip. */
    public static final String DEFAULT_PACKAGE_BLOB = "zt-integration-function.zip";
    /** The integration subnet's size: /26 is what App Service recommends for scale-out headroom. */
    public static final int SUBNET_PREFIX = 26;
    private static final Pattern PLAN = Pattern.compile("^P[0-3]mv3$|^P[0-3]v3$");
    private static final Pattern BLOB = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\\.zip$");

    /**
     * Checks that {@code common} is given.
     *
     * @param resourceGroupName where everything goes
     * @param location          region
     * @param naming            prefix and environment
     * @param hub               the hub
     * @param egress            the firewall
     * @param addressSpace      the integration VNet
     * @param planSku           the plan's SKU
     * @param storageSku        the storage account's SKU
     * @param serviceBusId      the namespace's id
     * @param serviceBusHost    the namespace's host
     * @param queueName         the queue consumed
     * @param keyVaultId        the vault's id
     * @param keyVaultUri       the vault's URI
     * @param packageBlob       the package blob
     * @param storageKey        the host storage account's key
     * @param common            tags, protect, lock, diagnostics
     */
    public FunctionAppArgs {
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
     * The delegated integration subnet: the first /{@value #SUBNET_PREFIX} of the address space.
     *
     * @param addressSpace the integration VNet, like 10.111.0.0/26
     * @return the subnet
     */
    public static Cidr integrationSubnet(String addressSpace) {
        return Cidr.parse(addressSpace).split(SUBNET_PREFIX).get(0);
    }

    /**
     * What is wrong with an address space for the integration VNet.
     *
     * @param addressSpace the value, like 10.111.0.0/26
     * @return the problem, without the key; empty when valid
     */
    public static java.util.Optional<String> addressSpaceProblem(String addressSpace) {
        var problem = addressSpace == null ? java.util.Optional.of("is required, like 10.111.0.0/26")
                : Cidr.problem(addressSpace);
        if (problem.isPresent()) {
            return problem;
        }
        if (Cidr.parse(addressSpace).prefixLength() > SUBNET_PREFIX) {
            return java.util.Optional.of("must be a /" + SUBNET_PREFIX + " or larger (the integration subnet is a /"
                    + SUBNET_PREFIX + "), like 10.111.0.0/26, got '" + addressSpace + "'");
        }
        return java.util.Optional.empty();
    }

    /**
     * Every problem, each naming the field and a valid example.
     *
     * @return the problems; empty when valid
     */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        Placement.check(problems, resourceGroupName, "integrationRg.name()", location, naming);
        if (hub == null) {
            problems.add("hub is required: the hub the integration VNet peers with and whose zones it resolves through");
        } else {
            for (var zone : List.of(PrivateDnsZones.BLOB, PrivateDnsZones.QUEUE, PrivateDnsZones.TABLE,
                    PrivateDnsZones.WEB_SITES)) {
                if (!hub.privateDnsZones().contains(zone)) {
                    problems.add("hub: the function app's private endpoints register in " + zone
                            + ", which the hub lacks; add it to HubNetworkArgs.privateDnsZones");
                }
            }
        }
        if (egress == null) {
            problems.add("egress is required: the firewall the integration subnet routes 0.0.0.0/0 to, like the "
                    + "EgressFirewall");
        } else {
            egress.egressPlan().filter(plan -> addressSpaceProblem(addressSpace).isEmpty()
                            && !plan.admits(SourceGroups.INTEGRATION, List.of(integrationSubnet(addressSpace).toString())))
                    .ifPresent(plan -> problems.add("egress: the firewall's plan does not admit the integration subnet "
                            + integrationSubnet(addressSpace) + "; add PrivateFunctionApp.egressSources(addressSpace) "
                            + "to its EgressPlan"));
        }
        addressSpaceProblem(addressSpace).ifPresent(p -> problems.add("addressSpace " + p));
        if (planSku == null || !PLAN.matcher(planSku).matches()) {
            problems.add("planSku must be a Premium v3 size (VNet integration, private endpoints, no Azure Files "
                    + "content share), like " + DEFAULT_PLAN_SKU + ", got '" + planSku + "'");
        }
        if (storageSku == null || !List.of("Standard_LRS", "Standard_ZRS", "Standard_GRS", "Standard_GZRS")
                .contains(storageSku)) {
            problems.add("storageSku must be Standard_LRS, Standard_ZRS, Standard_GRS or Standard_GZRS, got '"
                    + storageSku + "'");
        }
        if (serviceBusId == null || serviceBusHost == null || !serviceBusHost.endsWith(".servicebus.windows.net")) {
            problems.add("serviceBusId and serviceBusHost are required, like ServiceBusNamespace.namespaceId() and "
                    + "ztp-dev-bus.servicebus.windows.net");
        }
        if (queueName == null || queueName.isBlank()) {
            problems.add("queueName is required: the queue the function consumes, like landing-runs");
        }
        if (keyVaultId == null || keyVaultUri == null) {
            problems.add("keyVaultId and keyVaultUri are required: the vault whose secrets the functions read");
        }
        if (packageBlob == null || !BLOB.matcher(packageBlob).matches()) {
            problems.add("packageBlob must be a .zip blob name, like " + DEFAULT_PACKAGE_BLOB + ", got '" + packageBlob
                    + "'");
        }
        if (naming != null && naming.problems("naming").isEmpty()) {
            ResourceKind.FUNCTION_APP.problem(naming.name(ResourceKind.FUNCTION_APP, "func"))
                    .ifPresent(p -> problems.add("naming: " + p));
        }
        if (storageKey == null) {
            problems.add("storageKey is required: the functions' host storage account is encrypted with a "
                    + "customer-managed key, like keyVault.storageKey(KeyPurpose.FUNCTION_STORAGE).orElseThrow()");
        }
        problems.addAll(common.problems("common"));
        return problems;
    }

    /** Builds {@link FunctionAppArgs}; what is not set takes the default documented on the record. */
    public static final class Builder {
        private Output<String> resourceGroupName;
        private String location;
        private Naming naming;
        private HubConnection hub;
        private EgressNextHop egress;
        private String addressSpace;
        private String planSku = DEFAULT_PLAN_SKU;
        private String storageSku = "Standard_ZRS";
        private Output<String> serviceBusId;
        private String serviceBusHost;
        private String queueName;
        private Output<String> keyVaultId;
        private Output<String> keyVaultUri;
        private String packageBlob = DEFAULT_PACKAGE_BLOB;
        private CommonOptions common = CommonOptions.defaults();
        private StorageEncryptionKey storageKey;

        private Builder() {
        }

        /**
         * @param value where everything goes (required)
         * @return this builder
         */
        public Builder resourceGroupName(Output<String> value) { this.resourceGroupName = value; return this; }
        /**
         * @param value region (required)
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
         * @param value the firewall (required)
         * @return this builder
         */
        public Builder egress(EgressNextHop value) { this.egress = value; return this; }
        /**
         * @param value the integration VNet, like 10.111.0.0/26 (required)
         * @return this builder
         */
        public Builder addressSpace(String value) { this.addressSpace = value; return this; }
        /**
         * @param value the plan's SKU. Default: {@link #DEFAULT_PLAN_SKU}
         * @return this builder
         */
        public Builder planSku(String value) { this.planSku = value; return this; }
        /**
         * @param value the storage account's SKU. Default: Standard_ZRS
         * @return this builder
         */
        public Builder storageSku(String value) { this.storageSku = value; return this; }
        /**
         * Takes the namespace's id and host from the component.
         *
         * @param value the namespace (required)
         * @return this builder
         */
        public Builder serviceBus(ServiceBusNamespace value) {
            this.serviceBusId = value.namespaceId();
            this.serviceBusHost = value.fullyQualifiedNamespace();
            return this;
        }
        /**
         * @param value the queue consumed (required)
         * @return this builder
         */
        public Builder queueName(String value) { this.queueName = value; return this; }
        /**
         * @param id  the vault's id (required)
         * @param uri the vault's URI (required)
         * @return this builder
         */
        public Builder keyVault(Output<String> id, Output<String> uri) {
            this.keyVaultId = id;
            this.keyVaultUri = uri;
            return this;
        }
        /**
         * @param value the package blob. Default: {@link #DEFAULT_PACKAGE_BLOB}
         * @return this builder
         */
        public Builder packageBlob(String value) { this.packageBlob = value; return this; }
        /**
         * @param value the host storage account's customer-managed key (required), like
         *              {@code keyVault.storageKey(KeyPurpose.FUNCTION_STORAGE).orElseThrow()}
         * @return this builder
         */
        public Builder storageKey(StorageEncryptionKey value) { this.storageKey = value; return this; }
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
        public FunctionAppArgs build() {
            return new FunctionAppArgs(resourceGroupName, location, naming, hub, egress, addressSpace, planSku,
                    storageSku, serviceBusId, serviceBusHost, queueName, keyVaultId, keyVaultUri, packageBlob, storageKey,
                    common);
        }
    }
}
