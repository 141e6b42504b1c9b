package com.ztplatform.components.ai;

import com.pulumi.azurenative.authorization.ManagementLockByScope;
import com.pulumi.azurenative.authorization.ManagementLockByScopeArgs;
import com.pulumi.azurenative.containerregistry.Registry;
import com.pulumi.azurenative.containerregistry.RegistryArgs;
import com.pulumi.azurenative.containerregistry.enums.DefaultAction;
import com.pulumi.azurenative.containerregistry.enums.ExportPolicyStatus;
import com.pulumi.azurenative.containerregistry.enums.NetworkRuleBypassOptions;
import com.pulumi.azurenative.containerregistry.enums.PublicNetworkAccess;
import com.pulumi.azurenative.containerregistry.enums.SkuName;
import com.pulumi.azurenative.containerregistry.enums.ZoneRedundancy;
import com.pulumi.azurenative.containerregistry.inputs.ExportPolicyArgs;
import com.pulumi.azurenative.containerregistry.inputs.NetworkRuleSetArgs;
import com.pulumi.azurenative.containerregistry.inputs.PoliciesArgs;
import com.pulumi.azurenative.containerregistry.inputs.SkuArgs;
import com.pulumi.azurenative.insights.DiagnosticSetting;
import com.pulumi.core.Output;
import com.ztplatform.components.common.Diagnostics;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.ztplatform.components.common.Problems;
import com.ztplatform.components.naming.ResourceKind;
import com.ztplatform.components.privatelink.EndpointSpec;
import com.ztplatform.components.privatelink.PrivateEndpointSet;
import com.ztplatform.components.privatelink.PrivateEndpointSetArgs;
import com.ztplatform.components.privatelink.PrivateLinkTarget;

import javax.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A private container registry for the AI platform's images (model serving, training environments).
 *
 * <ul>
 *   <li>SKU Premium: private endpoints, the export policy and zone redundancy exist only there
 *       (learn.microsoft.com/azure/container-registry/container-registry-private-link).</li>
 *   <li>Access: admin user off (Entra ID only), public network access Disabled with default Deny and no trusted-service
 *       bypass, export policy Disabled so images cannot leave through {@code acr import} or transfer pipelines (Azure
 *       accepts it only with public network access Disabled;
 *       learn.microsoft.com/azure/container-registry/data-loss-prevention). Anonymous pull is off by Azure's default;
 *       the registry API of azure-native 2.10.0 has no {@code anonymousPullEnabled} to state it.</li>
 *   <li>Network: a {@code registry} private endpoint in the hub's endpoint subnet, registered in the hub's
 *       {@code privatelink.azurecr.io} zone (the registry's login server and its regional data endpoint).</li>
 *   <li>Audit: every log category (logins, repository events) to the platform's Log Analytics workspace.</li>
 * </ul>
 *
 * <pre>{@code
 * var acr = new ContainerRegistry("acr", ContainerRegistryArgs.builder().resourceGroupName(aiRg.name())
 *         .location("westeurope").naming(naming).hub(hub).zoneRedundant(true).common(common).build(), null);
 * }</pre>
 */
public class ContainerRegistry extends ComponentResource {
    /** The component's Pulumi type token. */
    public static final String TYPE = "ztplatform:ai:ContainerRegistry";

    private final Registry registry;

    /**
     * Creates the registry, its private endpoint, its diagnostic setting and, with {@code common.lock}, its lock.
     *
     * @param name    logical name
     * @param args    the arguments
     * @param options component options (parent, providers, dependsOn)
     * @throws IllegalArgumentException listing every problem of {@code args}
     */
    public ContainerRegistry(String name, ContainerRegistryArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        Problems.throwIfAny("ContainerRegistry", name, args.problems());
        var naming = args.naming();
        this.registry = new Registry(name + "-registry", RegistryArgs.builder()
                .resourceGroupName(args.resourceGroupName())
                .location(args.location())
                .registryName(args.registryName())
                .sku(SkuArgs.builder().name(SkuName.Premium).build())
                .adminUserEnabled(false)
                .publicNetworkAccess(PublicNetworkAccess.Disabled)
                .networkRuleBypassOptions(NetworkRuleBypassOptions.None)
                .networkRuleSet(NetworkRuleSetArgs.builder().defaultAction(DefaultAction.Deny).ipRules(List.of()).build())
                .policies(PoliciesArgs.builder()
                        .exportPolicy(ExportPolicyArgs.builder().status(ExportPolicyStatus.Disabled).build())
                        .build())
                .zoneRedundancy(args.zoneRedundant() ? ZoneRedundancy.Enabled : ZoneRedundancy.Disabled)
                .tags(args.common().sortedTags())
                .build(), CustomResourceOptions.builder().parent(this).protect(args.common().protect()).build());

        var hub = args.hub();
        new PrivateEndpointSet(name + "-pe", PrivateEndpointSetArgs.builder()
                .resourceGroupName(args.resourceGroupName()).location(args.location()).naming(naming)
                .targetName("acr").targetType(PrivateLinkTarget.CONTAINER_REGISTRY).targetId(registry.id())
                .endpoints(List.of(EndpointSpec.registeredIn(hub, "registry", PrivateLinkTarget.CONTAINER_REGISTRY,
                        "registry", hub.privateEndpointSubnetId())))
                .common(args.common()).build(), ComponentResourceOptions.builder().parent(this).build());

        // Logins and repository events (push, pull, delete): who took which image
        // (learn.microsoft.com/azure/container-registry/monitor-container-registry-reference).
        Diagnostics.send(name + "-diag", "Microsoft.ContainerRegistry/registries", registry.id(), args.common(), this);

        if (args.common().lock()) {
            new ManagementLockByScope(name + "-lock", ManagementLockByScopeArgs.builder()
                    .scope(registry.id())
                    .level("CanNotDelete")
                    .lockName(naming.name(ResourceKind.RESOURCE_GROUP, "acr", "lock"))
                    .notes("Protects the AI platform's container registry; remove deliberately.")
                    .build(), CustomResourceOptions.builder().parent(this).protect(args.common().protect()).build());
        }

        var outputs = new LinkedHashMap<String, Output<?>>();
        outputs.put("registryId", registry.id());
        outputs.put("loginServer", registry.loginServer());
        registerOutputs(outputs);
    }

    /**
     * The registry's ARM id, for role assignments (AcrPull) and attachments (an ML workspace, an AKS cluster).
     *
     * @return the id
     */
    public Output<String> registryId() {
        return registry.id();
    }

    /**
     * The registry's login server, like {@code ztpdevacr.azurecr.io}.
     *
     * @return the host name
     */
    public Output<String> loginServer() {
        return registry.loginServer();
    }
}
