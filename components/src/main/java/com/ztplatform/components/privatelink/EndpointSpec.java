package com.ztplatform.components.privatelink;

import com.pulumi.core.Output;
import com.ztplatform.components.network.HubConnection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One private endpoint of a {@link PrivateEndpointSet}.
 *
 * @param key              short, unique in the set; part of the endpoint's name, like "backend" or "dfs"
 * @param groupId          the target's sub-resource, like databricks_ui_api or dfs
 * @param subnetId         the subnet the endpoint's NIC goes into
 * @param privateDnsZoneId the private DNS zone its A record is registered in (through a DNS zone group)
 * @param additionalZoneIds further zones (name to id) the same DNS zone group registers in, for targets whose one
 *                         sub-resource answers under several host names ({@link PrivateLinkTarget#additionalZonesFor})
 */
public record EndpointSpec(String key, String groupId, Output<String> subnetId, Output<String> privateDnsZoneId,
                           Map<String, Output<String>> additionalZoneIds) {
    /**
     * Checks that key and group id are given.
     *
     * @param key              short, unique in the set
     * @param groupId          the target's sub-resource
     * @param subnetId         the endpoint's subnet
     * @param privateDnsZoneId the zone its record goes into
     * @param additionalZoneIds further zones, by name
     */
    public EndpointSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(groupId, "groupId");
        additionalZoneIds = additionalZoneIds == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(additionalZoneIds));
    }

    /**
     * An endpoint whose records go into one zone.
     *
     * @param key              short, unique in the set
     * @param groupId          the target's sub-resource
     * @param subnetId         the endpoint's subnet
     * @param privateDnsZoneId the zone its record goes into
     */
    public EndpointSpec(String key, String groupId, Output<String> subnetId, Output<String> privateDnsZoneId) {
        this(key, groupId, subnetId, privateDnsZoneId, Map.of());
    }

    /**
     * An endpoint in {@code subnetId} whose records go into the hub's zone(s) for this group id, so every VNet linked to
     * the hub's zones resolves it (the platform's own hub, or the platform's hub from another team's program).
     *
     * @param hub      the hub whose zones every platform VNet resolves
     * @param key      short, unique in the set, like {@code dfs}
     * @param target   what the endpoint connects to
     * @param groupId  the target's sub-resource, like {@code dfs}
     * @param subnetId the subnet the endpoint's NIC goes into
     * @return the endpoint's specification
     * @throws IllegalArgumentException when the target has no such group id
     */
    public static EndpointSpec registeredIn(HubConnection hub, String key, PrivateLinkTarget target, String groupId,
                                            Output<String> subnetId) {
        var zone = target.zoneFor(groupId).orElseThrow(() -> new IllegalArgumentException("groupId '" + groupId
                + "' is not a sub-resource of " + target.resourceType() + "; valid: " + target.validGroupIds()));
        var additional = new LinkedHashMap<String, Output<String>>();
        target.additionalZonesFor(groupId).forEach(z -> additional.put(z, hub.privateDnsZoneId(z)));
        return new EndpointSpec(key, groupId, subnetId, hub.privateDnsZoneId(zone), additional);
    }
}
