package com.ztplatform.components.privatelink;

import com.pulumi.core.Output;

import java.util.Objects;

/**
 * One private endpoint of a {@link PrivateEndpointSet}.
 *
 * @param key              short, unique in the set; part of the endpoint's name, like "backend" or "dfs"
 * @param groupId          the target's sub-resource, like databricks_ui_api or dfs
 * @param subnetId         the subnet the endpoint's NIC goes into
 * @param privateDnsZoneId the private DNS zone its A record is registered in (through a DNS zone group)
 */
public record EndpointSpec(String key, String groupId, Output<String> subnetId, Output<String> privateDnsZoneId) {
    public EndpointSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(groupId, "groupId");
    }
}
