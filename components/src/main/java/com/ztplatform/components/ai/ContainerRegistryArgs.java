package com.ztplatform.components.ai;

import com.ztplatform.components.common.Placement;
import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.naming.ResourceKind;
import com.ztplatform.components.network.HubConnection;
import com.ztplatform.components.network.PrivateDnsZones;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Arguments of {@link ContainerRegistry}. Build with {@link #builder()}; every field is checked when the component is
 * constructed.
 *
 * @param resourceGroupName where the registry and its endpoint go (required)
 * @param location          region, like westeurope (required)
 * @param naming            prefix and environment; the registry is named {@code <prefix><env><namePart>} (required)
 * @param namePart          the registry's own word, lowercase letters and digits. Default: {@link #DEFAULT_NAME_PART}
 * @param hub               the hub whose private-endpoint subnet and {@value PrivateDnsZones#CONTAINER_REGISTRY} zone
 *                          the registry's endpoint uses (required)
 * @param zoneRedundant     replicate the registry across the region's availability zones (the region must have
 *                          zones). Default: false
 * @param common            tags, protect, lock, and the Log Analytics workspace the registry's logs go to.
 *                          Default: {@link CommonOptions#defaults()}
 */
public record ContainerRegistryArgs(Output<String> resourceGroupName, String location, Naming naming, String namePart,
                                    HubConnection hub, boolean zoneRedundant, CommonOptions common) {

    /** The registry's own word: {@code ztp} in {@code dev} gives {@code ztpdevacr}. */
    public static final String DEFAULT_NAME_PART = "acr";
    private static final Pattern PART = Pattern.compile("^[a-z0-9]{1,20}$");

    /**
     * Checks that the options are given.
     *
     * @param resourceGroupName where the registry goes
     * @param location          region
     * @param naming            prefix and environment
     * @param namePart          the registry's own word
     * @param hub               the hub whose endpoint subnet and zone the registry uses
     * @param zoneRedundant     whether the registry is zone-redundant
     * @param common            tags, protect, lock, diagnostics
     */
    public ContainerRegistryArgs {
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
     * The registry's Azure name, like {@code ztpdevacr}.
     *
     * @return the name (valid once {@link #problems()} is empty)
     */
    public String registryName() {
        return naming.name(ResourceKind.CONTAINER_REGISTRY, namePart);
    }

    /**
     * Every problem, each naming the field and a valid example.
     *
     * @return the problems; empty when valid
     */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        Placement.check(problems, resourceGroupName, "aiRg.name()", location, naming);
        if (namePart == null || !PART.matcher(namePart).matches()) {
            problems.add("namePart must be 1-20 lowercase letters or digits (registry names have no hyphens), like '"
                    + DEFAULT_NAME_PART + "', got " + (namePart == null ? "null" : "'" + namePart + "'"));
        } else if (naming != null && naming.problems("naming").isEmpty()) {
            var name = naming.prefix() + naming.environment() + namePart;
            ResourceKind.CONTAINER_REGISTRY.problem(name).ifPresent(p -> problems.add("namePart: " + p));
        }
        if (hub == null) {
            problems.add("hub is required: the hub whose private-endpoint subnet and " + PrivateDnsZones.CONTAINER_REGISTRY
                    + " zone the registry's endpoint uses, like the HubNetwork");
        } else if (!hub.privateDnsZones().contains(PrivateDnsZones.CONTAINER_REGISTRY)) {
            problems.add("hub: the registry's private endpoint registers in " + PrivateDnsZones.CONTAINER_REGISTRY
                    + ", which the hub lacks; add it to HubNetworkArgs.privateDnsZones");
        }
        problems.addAll(common.problems("common"));
        return problems;
    }

    /** Builds {@link ContainerRegistryArgs}; what is not set takes the default documented on the record. */
    public static final class Builder {
        private Output<String> resourceGroupName;
        private String location;
        private Naming naming;
        private String namePart = DEFAULT_NAME_PART;
        private HubConnection hub;
        private boolean zoneRedundant;
        private CommonOptions common = CommonOptions.defaults();

        private Builder() {
        }

        /**
         * @param value where the registry goes (required)
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
         * @param value the registry's own word. Default: {@link #DEFAULT_NAME_PART}
         * @return this builder
         */
        public Builder namePart(String value) { this.namePart = value; return this; }
        /**
         * @param value the hub whose endpoint subnet and zone the registry uses (required)
         * @return this builder
         */
        public Builder hub(HubConnection value) { this.hub = value; return this; }
        /**
         * @param value zone-redundant registry. Default: false
         * @return this builder
         */
        public Builder zoneRedundant(boolean value) { this.zoneRedundant = value; return this; }
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
        public ContainerRegistryArgs build() {
            return new ContainerRegistryArgs(resourceGroupName, location, naming, namePart, hub, zoneRedundant, common);
        }
    }
}
