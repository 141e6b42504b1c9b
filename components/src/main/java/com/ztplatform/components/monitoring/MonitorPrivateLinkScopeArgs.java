package com.ztplatform.components.monitoring;

import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.network.HubConnection;
import com.ztplatform.components.network.PrivateDnsZones;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Arguments of {@link MonitorPrivateLinkScope}. Build with {@link #builder()}; every field is checked when the
 * component is constructed.
 *
 * @param resourceGroupName where the scope and its endpoint go, like the hub's resource group (required)
 * @param location          region of the private endpoint, like westeurope (required; the scope itself is global)
 * @param naming            prefix and environment (required)
 * @param hub               the hub: its private-endpoint subnet and the five Azure Monitor zones
 *                          ({@link PrivateDnsZones#AZURE_MONITOR}) (required)
 * @param scopedResources   the Azure Monitor resources (Log Analytics workspaces, Application Insights components) the
 *                          scope admits, by a short key (letters, digits, hyphens), like
 *                          {@code {law: logs.workspaceId(), func-appi: functions.insightsId()}} (at least one). With
 *                          the PrivateOnly access modes, a network using the hub's zones reaches no Azure Monitor
 *                          resource outside this list.
 * @param common            tags and protect. Default: {@link CommonOptions#defaults()}
 */
public record MonitorPrivateLinkScopeArgs(Output<String> resourceGroupName, String location, Naming naming,
                                          HubConnection hub, Map<String, Output<String>> scopedResources,
                                          CommonOptions common) {
    private static final Pattern KEY = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$");

    /**
     * Copies the scoped resources (keeping their order) and checks that {@code common} is given.
     *
     * @param resourceGroupName where the scope goes
     * @param location          the endpoint's region
     * @param naming            the naming convention
     * @param hub               the hub
     * @param scopedResources   the resources admitted, by key
     * @param common            tags and protect
     */
    public MonitorPrivateLinkScopeArgs {
        Objects.requireNonNull(common, "common");
        scopedResources = scopedResources == null ? null
                : Collections.unmodifiableMap(new LinkedHashMap<>(scopedResources));
    }

    /**
     * A builder with the defaults documented on the record.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every problem of these arguments; {@link MonitorPrivateLinkScope} fails listing them all.
     *
     * @return the problems, each naming its field and a valid example
     */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        if (resourceGroupName == null) {
            problems.add("resourceGroupName is required, like hubRg.name()");
        }
        if (location == null || location.isBlank()) {
            problems.add("location is required, like westeurope");
        }
        if (naming == null) {
            problems.add("naming is required, like new Naming(\"ztp\", \"prod\")");
        }
        if (hub == null) {
            problems.add("hub is required: the endpoint goes into its private-endpoint subnet, like hubNetwork");
        } else {
            var missing = PrivateDnsZones.AZURE_MONITOR.stream().filter(z -> !hub.privateDnsZones().contains(z)).toList();
            if (!missing.isEmpty()) {
                problems.add("hub must host every Azure Monitor private link zone, missing " + missing
                        + "; add them to the hub's privateDnsZones, like " + PrivateDnsZones.AZURE_MONITOR);
            }
        }
        problems.addAll(scopedResourceProblems(scopedResources));
        return problems;
    }

    /**
     * Problems of the scoped resources' keys: at least one, each a short lowercase name (it names the scoped resource).
     *
     * @param scopedResources the resources by key, or null
     * @return the problems; empty when valid
     */
    static List<String> scopedResourceProblems(Map<String, Output<String>> scopedResources) {
        var problems = new ArrayList<String>();
        if (scopedResources == null || scopedResources.isEmpty()) {
            problems.add("scopedResources must name at least one Azure Monitor resource, like {law: logs.workspaceId()}");
            return problems;
        }
        scopedResources.forEach((key, id) -> {
            if (key == null || !KEY.matcher(key).matches()) {
                problems.add("scopedResources key must be 1-40 lowercase letters, digits and inner hyphens, like "
                        + "func-appi, got '" + key + "'");
            }
            if (id == null) {
                problems.add("scopedResources." + key + " needs the resource's id, like logs.workspaceId()");
            }
        });
        return problems;
    }

    /** Builds {@link MonitorPrivateLinkScopeArgs}; unset values take the defaults documented on the record. */
    public static final class Builder {
        private Output<String> resourceGroupName;
        private String location;
        private Naming naming;
        private HubConnection hub;
        private final Map<String, Output<String>> scopedResources = new LinkedHashMap<>();
        private CommonOptions common = CommonOptions.defaults();

        private Builder() {
        }

        /**
         * @param value where the scope and its endpoint go (required)
         * @return this builder
         */
        public Builder resourceGroupName(Output<String> value) { this.resourceGroupName = value; return this; }

        /**
         * @param value the endpoint's region, like {@code westeurope} (required)
         * @return this builder
         */
        public Builder location(String value) { this.location = value; return this; }

        /**
         * @param value the naming convention (required)
         * @return this builder
         */
        public Builder naming(Naming value) { this.naming = value; return this; }

        /**
         * @param value the hub hosting the Azure Monitor zones and the endpoint subnet (required)
         * @return this builder
         */
        public Builder hub(HubConnection value) { this.hub = value; return this; }

        /**
         * Admits one more Azure Monitor resource.
         *
         * @param key a short name, like {@code law}
         * @param id  the workspace's or component's ARM id
         * @return this builder
         */
        public Builder scopedResource(String key, Output<String> id) { this.scopedResources.put(key, id); return this; }

        /**
         * @param value tags and protect (default {@link CommonOptions#defaults()})
         * @return this builder
         */
        public Builder common(CommonOptions value) { this.common = value; return this; }

        /**
         * The arguments; the component checks them.
         *
         * @return the arguments
         */
        public MonitorPrivateLinkScopeArgs build() {
            return new MonitorPrivateLinkScopeArgs(resourceGroupName, location, naming, hub, scopedResources, common);
        }
    }
}
