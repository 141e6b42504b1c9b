package com.ztplatform.components.privatelink;

import com.pulumi.azurenative.network.PrivateDnsZoneGroup;
import com.pulumi.azurenative.network.PrivateDnsZoneGroupArgs;
import com.pulumi.azurenative.network.PrivateEndpoint;
import com.pulumi.azurenative.network.PrivateEndpointArgs;
import com.pulumi.azurenative.network.inputs.PrivateDnsZoneConfigArgs;
import com.pulumi.azurenative.network.inputs.PrivateLinkServiceConnectionArgs;
import com.pulumi.azurenative.network.inputs.SubnetArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.ztplatform.components.common.Problems;
import com.ztplatform.components.naming.ResourceKind;

import javax.annotation.Nullable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Private endpoints to one target resource, each with a DNS zone group so its A record lands in the right
 * private DNS zone. Connections are automatic (the target is ours, so no manual approval). For targets that
 * fail on concurrent endpoint operations (Databricks workspaces) the endpoints are created one after another:
 * each waits for the previous endpoint's DNS zone group.
 *
 * <pre>{@code
 * var pes = new PrivateEndpointSet("kv-pe", PrivateEndpointSetArgs.builder()
 *         .resourceGroupName(rg.name()).location("westeurope").naming(naming).targetName("kv")
 *         .targetType(PrivateLinkTarget.KEY_VAULT).targetId(vault.id())
 *         .endpoints(List.of(EndpointSpec.registeredIn(hub, "vault", PrivateLinkTarget.KEY_VAULT, "vault",
 *                 hub.privateEndpointSubnetId())))
 *         .common(common).build(), null);
 * }</pre>
 */
public class PrivateEndpointSet extends ComponentResource {
    /** The component's Pulumi type token. */
    public static final String TYPE = "ztplatform:privatelink:PrivateEndpointSet";

    private final Map<String, PrivateEndpoint> endpoints;
    private final Map<String, PrivateDnsZoneGroup> zoneGroups;

    /**
     * Creates one private endpoint and DNS zone group per specification (one after another when the target needs
     * it).
     *
     * @param name    logical name
     * @param args    the arguments
     * @param options component options (parent, providers, dependsOn)
     * @throws IllegalArgumentException listing every problem of {@code args}
     */
    public PrivateEndpointSet(String name, PrivateEndpointSetArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        Problems.throwIfAny("PrivateEndpointSet", name, args.problems());
        var createdEndpoints = new LinkedHashMap<String, PrivateEndpoint>();
        var createdGroups = new LinkedHashMap<String, PrivateDnsZoneGroup>();
        List<Resource> previous = List.of();
        for (var spec : args.endpoints()) {
            var endpointName = args.naming().name(ResourceKind.PRIVATE_ENDPOINT, args.targetName(), spec.key(), "pe");
            var endpointOptions = CustomResourceOptions.builder().parent(this);
            if (!previous.isEmpty()) {
                endpointOptions.dependsOn(previous);
            }
            var endpoint = new PrivateEndpoint(name + "-" + spec.key(), PrivateEndpointArgs.builder()
                    .resourceGroupName(args.resourceGroupName())
                    .location(args.location())
                    .privateEndpointName(endpointName)
                    .customNetworkInterfaceName(endpointName + "-nic")
                    .subnet(SubnetArgs.builder().id(spec.subnetId()).build())
                    .privateLinkServiceConnections(PrivateLinkServiceConnectionArgs.builder()
                            .name(endpointName)
                            .privateLinkServiceId(args.targetId())
                            .groupIds(spec.groupId())
                            .build())
                    .tags(args.common().sortedTags())
                    .build(), endpointOptions.build());
            var zone = args.targetType().zoneFor(spec.groupId()).orElseThrow();
            var configs = new java.util.ArrayList<PrivateDnsZoneConfigArgs>();
            configs.add(PrivateDnsZoneConfigArgs.builder()
                    .name(zone.replace('.', '-'))
                    .privateDnsZoneId(spec.privateDnsZoneId())
                    .build());
            // One group registers the endpoint in every zone of its host names (an AI services account's three).
            spec.additionalZoneIds().forEach((extra, id) -> configs.add(PrivateDnsZoneConfigArgs.builder()
                    .name(extra.replace('.', '-')).privateDnsZoneId(id).build()));
            var group = new PrivateDnsZoneGroup(name + "-" + spec.key() + "-dns", PrivateDnsZoneGroupArgs.builder()
                    .resourceGroupName(args.resourceGroupName())
                    .privateEndpointName(endpoint.name())
                    .privateDnsZoneGroupName("default")
                    .privateDnsZoneConfigs(configs)
                    .build(), CustomResourceOptions.builder().parent(this).build());
            createdEndpoints.put(spec.key(), endpoint);
            createdGroups.put(spec.key(), group);
            if (args.serialise()) {
                previous = List.of(group);
            }
        }
        this.endpoints = Collections.unmodifiableMap(createdEndpoints);
        this.zoneGroups = Collections.unmodifiableMap(createdGroups);
        var outputs = new LinkedHashMap<String, Output<?>>();
        endpoints.forEach((key, endpoint) -> outputs.put(key + "Id", endpoint.id()));
        registerOutputs(outputs);
    }

    /**
     * The private IP of each endpoint, by key, as Azure reports it in the endpoint's DNS configuration.
     *
     * @return key to private IP, in specification order
     */
    public Map<String, Output<String>> privateIps() {
        var ips = new LinkedHashMap<String, Output<String>>();
        endpoints.forEach((k, e) -> ips.put(k, e.customDnsConfigs().applyValue(configs -> configs.orElse(List.of())
                .stream().flatMap(c -> c.ipAddresses().stream()).findFirst().orElse(""))));
        return Collections.unmodifiableMap(ips);
    }

    /**
     * The last resource of the set, for a later set on the same target to wait for.
     *
     * @return the last DNS zone group
     */
    public Resource last() {
        var groups = List.copyOf(zoneGroups.values());
        return groups.get(groups.size() - 1);
    }
}
