package com.ztplatform.components.monitoring;

import com.pulumi.azurenative.insights.PrivateLinkScope;
import com.pulumi.azurenative.insights.PrivateLinkScopeArgs;
import com.pulumi.azurenative.insights.PrivateLinkScopedResource;
import com.pulumi.azurenative.insights.PrivateLinkScopedResourceArgs;
import com.pulumi.azurenative.insights.enums.AccessMode;
import com.pulumi.azurenative.insights.inputs.AccessModeSettingsArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.ztplatform.components.common.Problems;
import com.ztplatform.components.naming.ResourceKind;
import com.ztplatform.components.privatelink.EndpointSpec;
import com.ztplatform.components.privatelink.PrivateEndpointSet;
import com.ztplatform.components.privatelink.PrivateEndpointSetArgs;
import com.ztplatform.components.privatelink.PrivateLinkTarget;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The platform's Azure Monitor Private Link Scope (AMPLS): Azure Monitor ingestion and queries from the platform's
 * networks go over one private endpoint in the hub, to the platform's own workspace and Application Insights components
 * only.
 *
 * <ul>
 *   <li>Scope: {@code Microsoft.Insights/privateLinkScopes} (API 2021-07-01-preview in azure-native 2.10.0), location
 *       {@code Global}, ingestion and query access modes {@code PrivateOnly}: clients whose DNS resolves Azure Monitor
 *       through the endpoint reach only the resources in the scope, so the endpoint is no exfiltration path to another
 *       tenant's workspace (learn.microsoft.com/azure/azure-monitor/logs/private-link-design, "Control how private
 *       links apply to your networks").</li>
 *   <li>Scoped resources: one {@code privateLinkScopes/scopedResources} per workspace or component. They are created
 *       before the endpoint (learn.microsoft.com/azure/azure-monitor/logs/private-link-configure: connect the resources,
 *       then the private endpoint), so the endpoint's DNS configuration covers the workspace-specific hosts.</li>
 *   <li>Endpoint: group {@code azuremonitor} in the hub's private-endpoint subnet, one DNS zone group registering in
 *       the five zones of {@link com.ztplatform.components.network.PrivateDnsZones#AZURE_MONITOR}.</li>
 * </ul>
 *
 * <p><b>One per DNS</b>: Azure Monitor's endpoints are global (api.monitor.azure.com and the regional ingestion hosts),
 * so a second AMPLS registered in the same zones overwrites the first one's records and cuts its networks off; a VNet
 * can connect to one AMPLS only (learn.microsoft.com/azure/azure-monitor/logs/private-link-design, "AMPLS limits" and
 * "Avoid DNS overrides by using a single AMPLS"). The platform builds exactly one, in the hub, and every Azure Monitor
 * resource the platform's networks send to must be one of its scoped resources. Another team's workload on the
 * platform's network adds its resources to this scope rather than creating its own.
 */
public class MonitorPrivateLinkScope extends ComponentResource {
    /** The component's Pulumi type token. */
    public static final String TYPE = "ztplatform:monitoring:MonitorPrivateLinkScope";
    /** Where the scope lives: AMPLS is a global resource. */
    public static final String SCOPE_LOCATION = "Global";
    /** The ingestion and query access modes: only resources in the scope are reachable over the endpoint. */
    public static final AccessMode ACCESS_MODE = AccessMode.PrivateOnly;
    /** The endpoint's sub-resource. */
    public static final String GROUP_ID = "azuremonitor";

    private final Output<String> scopeId;
    private final List<Resource> scopedResources;

    /**
     * Creates the scope, its scoped resources and the endpoint.
     *
     * @param name    logical name
     * @param args    the arguments
     * @param options component options (parent, providers)
     * @throws IllegalArgumentException listing every problem of {@code args}
     */
    public MonitorPrivateLinkScope(String name, MonitorPrivateLinkScopeArgs args,
                                   @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        Problems.throwIfAny("MonitorPrivateLinkScope", name, args.problems());
        var rg = args.resourceGroupName();
        var scope = new PrivateLinkScope(name + "-scope", PrivateLinkScopeArgs.builder()
                .resourceGroupName(rg).location(SCOPE_LOCATION)
                .scopeName(scopeName(args))
                .accessModeSettings(AccessModeSettingsArgs.builder()
                        .ingestionAccessMode(ACCESS_MODE).queryAccessMode(ACCESS_MODE).exclusions(List.of()).build())
                .tags(args.common().sortedTags())
                .build(), CustomResourceOptions.builder().parent(this).protect(args.common().protect()).build());
        this.scopeId = scope.id();
        var scoped = new ArrayList<PrivateLinkScopedResource>();
        for (Map.Entry<String, Output<String>> entry : args.scopedResources().entrySet()) {
            scoped.add(new PrivateLinkScopedResource(name + "-" + entry.getKey(), PrivateLinkScopedResourceArgs.builder()
                    .resourceGroupName(rg).scopeName(scope.name()).name(entry.getKey())
                    .linkedResourceId(entry.getValue()).build(), CustomResourceOptions.builder().parent(this).build()));
        }
        this.scopedResources = List.copyOf(scoped);
        var hub = args.hub();
        // The endpoint's target id waits for every scoped resource (a data dependency, which a component's dependsOn
        // would not pass on to the endpoint inside the set).
        var targetId = Output.all(scoped.stream().map(PrivateLinkScopedResource::id).toList())
                .apply(ignored -> scope.id());
        new PrivateEndpointSet(name + "-pe", PrivateEndpointSetArgs.builder()
                .resourceGroupName(rg).location(args.location()).naming(args.naming())
                .targetName("ampls").targetType(PrivateLinkTarget.AZURE_MONITOR).targetId(targetId)
                .endpoints(List.of(EndpointSpec.registeredIn(hub, GROUP_ID, PrivateLinkTarget.AZURE_MONITOR, GROUP_ID,
                        hub.privateEndpointSubnetId())))
                .common(args.common()).build(),
                ComponentResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of("scopeId", scopeId));
    }

    /**
     * The scope's name: one per platform, in the hub.
     *
     * @param args the arguments
     * @return like {@code ztp-prod-hub-ampls}
     */
    static String scopeName(MonitorPrivateLinkScopeArgs args) {
        return args.naming().name(ResourceKind.MONITOR_PRIVATE_LINK_SCOPE, "hub", "ampls");
    }

    /**
     * The scope's ARM id.
     *
     * @return the id
     */
    public Output<String> scopeId() {
        return scopeId;
    }

    /**
     * The scoped resources, for resources that must wait until their telemetry path exists.
     *
     * @return the scoped resources in the order given
     */
    public List<Resource> scopedResources() {
        return scopedResources;
    }
}
