package com.ztplatform.components.privatelink;

import com.ztplatform.components.common.Placement;
import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Arguments of {@link PrivateEndpointSet}. Build with {@link #builder()}.
 *
 * @param resourceGroupName where the endpoints go (required)
 * @param location          region of the endpoints' VNet, like westeurope; an {@code Output} when it comes from
 *                          another stack ({@code PlatformStackReference.location()}) (required)
 * @param naming            prefix and environment (required)
 * @param targetName        short name of the target for endpoint names, like "analytics-dbw" (required)
 * @param targetType        what the target is, like {@link PrivateLinkTarget#STORAGE_ACCOUNT} or your own
 *                          {@link PrivateLinkTarget#of}; decides the valid group ids and serialisation (required)
 * @param targetId          the target resource's id (required)
 * @param endpoints         the endpoints, in creation order (at least one)
 * @param serialise         create endpoints one after another. Default: what the target type needs
 *                          ({@link PrivateLinkTarget#needsSerialisation()})
 * @param common            tags. Default: {@link CommonOptions#defaults()}
 */
public record PrivateEndpointSetArgs(Output<String> resourceGroupName, Output<String> location, Naming naming, String targetName,
                                     PrivateLinkTarget targetType, Output<String> targetId, List<EndpointSpec> endpoints,
                                     boolean serialise, CommonOptions common) {
    private static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");

    /**
     * The canonical constructor; prefer {@link #builder()}, which applies the documented defaults.
     *
     * @param resourceGroupName where the endpoints go (required)
     * @param location region of the endpoints' VNet, like westeurope; an {@code Output} when it comes from another
     *                 stack ({@code PlatformStackReference.location()}) (required)
     * @param naming prefix and environment (required)
     * @param targetName short name of the target for endpoint names, like "analytics-dbw" (required)
     * @param targetType what the target is, like {@link PrivateLinkTarget#STORAGE_ACCOUNT} or your own {@link
     *                   PrivateLinkTarget#of}; decides the valid group ids and serialisation (required)
     * @param targetId the target resource's id (required)
     * @param endpoints the endpoints, in creation order (at least one)
     * @param serialise create endpoints one after another. Default: what the target type needs ({@link
     *                  PrivateLinkTarget#needsSerialisation()})
     * @param common tags. Default: {@link CommonOptions#defaults()}
     */
    public PrivateEndpointSetArgs {
        endpoints = List.copyOf(endpoints);
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
     * Every problem of these arguments; the component fails listing them all, so one run shows everything to fix.
     *
     * @return the problems, each naming its field and a valid example; empty when valid
     */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        // The location is an Output here (it may come from another stack), so only its presence is checked.
        Placement.resourceGroup(problems, resourceGroupName, "spokeRg.name()");
        if (location == null) {
            problems.add("location is required, like westeurope");
        }
        Placement.naming(problems, naming);
        if (targetName == null || !KEY.matcher(targetName).matches()) {
            problems.add("targetName must be lowercase words joined by '-', like 'analytics-dbw', got '" + targetName + "'");
        }
        if (targetType == null) {
            problems.add("targetType is required, like PrivateLinkTarget.STORAGE_ACCOUNT (known: "
                    + PrivateLinkTarget.validNames() + ") or PrivateLinkTarget.of(resourceType, zoneByGroupId)");
            return problems;
        }
        if (targetId == null) {
            problems.add("targetId is required: the id of the " + targetType.resourceType() + " the endpoints connect to");
        }
        if (endpoints.isEmpty()) {
            problems.add("endpoints must list at least one endpoint, like new EndpointSpec(\"dfs\", \"dfs\", subnetId, zoneId)");
        }
        if (targetType.needsSerialisation() && !serialise) {
            problems.add("serialise must be true for " + targetType.resourceType()
                    + ": it fails with concurrent-update errors when endpoints are created in parallel");
        }
        var keys = new HashSet<String>();
        for (int i = 0; i < endpoints.size(); i++) {
            var e = endpoints.get(i);
            var at = "endpoints[" + i + "]";
            if (!KEY.matcher(e.key()).matches()) {
                problems.add(at + ".key must be lowercase words joined by '-', like 'backend', got '" + e.key() + "'");
            } else if (!keys.add(e.key())) {
                problems.add(at + ".key '" + e.key() + "' is used twice");
            }
            if (targetType.zoneFor(e.groupId()).isEmpty()) {
                problems.add(at + ".groupId '" + e.groupId() + "' is not a sub-resource of " + targetType.resourceType()
                        + "; valid: " + targetType.validGroupIds());
            }
            if (e.subnetId() == null) {
                problems.add(at + ".subnetId is required: the subnet the endpoint goes into");
            }
            var expected = targetType.additionalZonesFor(e.groupId());
            for (var extra : e.additionalZoneIds().keySet()) {
                if (!expected.contains(extra)) {
                    problems.add(at + ".additionalZoneIds has '" + extra + "', which is not a zone of " + e.groupId()
                            + " on " + targetType.resourceType() + "; valid: " + expected);
                }
            }
            var missing = expected.stream().filter(z -> !e.additionalZoneIds().containsKey(z)).toList();
            if (!missing.isEmpty()) {
                problems.add(at + ".additionalZoneIds lacks " + missing + ": the " + e.groupId() + " endpoint of "
                        + targetType.resourceType() + " also answers under those zones' host names (without them they "
                        + "resolve publicly); build it with EndpointSpec.registeredIn(hub, ...)");
            }
            if (e.privateDnsZoneId() == null) {
                problems.add(at + ".privateDnsZoneId is required: the " + targetType.zoneFor(e.groupId()).orElse("private DNS")
                        + " zone its record goes into");
            }
        }
        return problems;
    }

    /** Builds {@link PrivateEndpointSetArgs}; what is not set takes the default documented on the record. */
    public static final class Builder {
        private Output<String> resourceGroupName;
        private Output<String> location;
        private Naming naming;
        private String targetName;
        private PrivateLinkTarget targetType;
        private Output<String> targetId;
        private List<EndpointSpec> endpoints = List.of();
        private Boolean serialise;
        private CommonOptions common = CommonOptions.defaults();

        private Builder() {
        }

        /**
         * @param value where the endpoints go (required)
         * @return this builder
         */
        public Builder resourceGroupName(Output<String> value) { this.resourceGroupName = value; return this; }
        /**
         * @param value region of the endpoints' VNet, like westeurope; an {@code Output} when it comes from another
         *              stack ({@code PlatformStackReference.location()}) (required)
         * @return this builder
         */
        public Builder location(String value) { this.location = value == null ? null : Output.of(value); return this; }
        /**
         * @param value region of the endpoints' VNet, like westeurope; an {@code Output} when it comes from another
         *              stack ({@code PlatformStackReference.location()}) (required)
         * @return this builder
         */
        public Builder location(Output<String> value) { this.location = value; return this; }
        /**
         * @param value prefix and environment (required)
         * @return this builder
         */
        public Builder naming(Naming value) { this.naming = value; return this; }
        /**
         * @param value short name of the target for endpoint names, like "analytics-dbw" (required)
         * @return this builder
         */
        public Builder targetName(String value) { this.targetName = value; return this; }
        /**
         * @param value what the target is, like {@link PrivateLinkTarget#STORAGE_ACCOUNT} or your own {@link
         *              PrivateLinkTarget#of}; decides the valid group ids and serialisation (required)
         * @return this builder
         */
        public Builder targetType(PrivateLinkTarget value) { this.targetType = value; return this; }
        /**
         * @param value the target resource's id (required)
         * @return this builder
         */
        public Builder targetId(Output<String> value) { this.targetId = value; return this; }
        /**
         * @param value the endpoints, in creation order (at least one)
         * @return this builder
         */
        public Builder endpoints(List<EndpointSpec> value) { this.endpoints = value; return this; }
        /**
         * @param value create endpoints one after another. Default: what the target type needs ({@link
         *              PrivateLinkTarget#needsSerialisation()})
         * @return this builder
         */
        public Builder serialise(boolean value) { this.serialise = value; return this; }
        /**
         * @param value tags. Default: {@link CommonOptions#defaults()}
         * @return this builder
         */
        public Builder common(CommonOptions value) { this.common = value; return this; }

        /**
         * The arguments, as set; the component checks them when it is constructed.
         *
         * @return the arguments
         */
        public PrivateEndpointSetArgs build() {
            var serialised = serialise != null ? serialise : targetType != null && targetType.needsSerialisation();
            return new PrivateEndpointSetArgs(resourceGroupName, location, naming, targetName, targetType, targetId,
                    endpoints, serialised, common);
        }
    }
}
