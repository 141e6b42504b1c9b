package com.ztplatform.components.integration;

import com.ztplatform.components.common.BuiltInRole;
import com.pulumi.azurenative.authorization.ManagementLockByScope;
import com.pulumi.azurenative.authorization.ManagementLockByScopeArgs;
import com.pulumi.azurenative.insights.DiagnosticSetting;
import com.pulumi.azurenative.servicebus.Namespace;
import com.pulumi.azurenative.servicebus.NamespaceArgs;
import com.pulumi.azurenative.servicebus.Queue;
import com.pulumi.azurenative.servicebus.QueueArgs;
import com.pulumi.azurenative.servicebus.Topic;
import com.pulumi.azurenative.servicebus.TopicArgs;
import com.pulumi.azurenative.servicebus.enums.PublicNetworkAccess;
import com.pulumi.azurenative.servicebus.enums.SkuName;
import com.pulumi.azurenative.servicebus.enums.SkuTier;
import com.pulumi.azurenative.servicebus.enums.TlsVersion;
import com.pulumi.azurenative.servicebus.inputs.SBSkuArgs;
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
 * A private Service Bus namespace reached only with Entra ID tokens.
 *
 * <ul>
 *   <li>SKU Premium: private endpoints exist only on that tier
 *       (learn.microsoft.com/azure/service-bus-messaging/private-link-service).</li>
 *   <li>Access: local (SAS) authentication off, so no connection string or shared access key works and every client
 *       authenticates with Entra ID (learn.microsoft.com/azure/service-bus-messaging/disable-local-authentication);
 *       public network access Disabled; TLS 1.2 at least.</li>
 *   <li>Network: a {@code namespace} private endpoint in the hub's endpoint subnet, registered in the hub's
 *       {@code privatelink.servicebus.windows.net} zone.</li>
 *   <li>Entities: the configured queues and topics, dead-lettering on expiry.</li>
 *   <li>Audit: every log category (operational and runtime audit logs) to the platform's Log Analytics workspace.</li>
 * </ul>
 *
 * <pre>{@code
 * var bus = new ServiceBusNamespace("bus", ServiceBusNamespaceArgs.builder().resourceGroupName(rg.name())
 *         .location("westeurope").naming(naming).hub(hub).queues(List.of("landing-runs")).common(common).build(), null);
 * }</pre>
 */
public class ServiceBusNamespace extends ComponentResource {
    /** The component's Pulumi type token. */
    public static final String TYPE = "ztplatform:integration:ServiceBusNamespace";
    /** Azure Service Bus Data Sender (learn.microsoft.com/azure/role-based-access-control/built-in-roles). */
    public static final String DATA_SENDER_ROLE = BuiltInRole.SERVICE_BUS_DATA_SENDER.guid();
    /** Azure Service Bus Data Receiver. */
    public static final String DATA_RECEIVER_ROLE = BuiltInRole.SERVICE_BUS_DATA_RECEIVER.guid();

    private final Namespace namespace;
    private final String namespaceName;
    private final java.util.List<String> queueNames;

    /**
     * Creates the namespace, its queues and topics, its private endpoint, its diagnostic setting and, with
     * {@code common.lock}, its lock.
     *
     * @param name    logical name
     * @param args    the arguments
     * @param options component options (parent, providers, dependsOn)
     * @throws IllegalArgumentException listing every problem of {@code args}
     */
    public ServiceBusNamespace(String name, ServiceBusNamespaceArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        Problems.throwIfAny("ServiceBusNamespace", name, args.problems());
        var naming = args.naming();
        this.namespaceName = args.namespaceName();
        this.queueNames = java.util.List.copyOf(args.queues());
        var protect = CustomResourceOptions.builder().parent(this).protect(args.common().protect()).build();
        this.namespace = new Namespace(name + "-namespace", NamespaceArgs.builder()
                .resourceGroupName(args.resourceGroupName())
                .location(args.location())
                .namespaceName(namespaceName)
                .sku(SBSkuArgs.builder().name(SkuName.Premium).tier(SkuTier.Premium).capacity(args.capacity()).build())
                .disableLocalAuth(true)
                .publicNetworkAccess(PublicNetworkAccess.Disabled)
                .minimumTlsVersion(TlsVersion._1_2)
                .zoneRedundant(args.zoneRedundant())
                .tags(args.common().sortedTags())
                .build(), protect);

        var child = CustomResourceOptions.builder().parent(this).build();
        for (var queue : args.queues()) {
            new Queue(name + "-queue-" + queue, QueueArgs.builder()
                    .resourceGroupName(args.resourceGroupName()).namespaceName(namespace.name()).queueName(queue)
                    // A message nobody could handle stays inspectable instead of vanishing.
                    .deadLetteringOnMessageExpiration(true)
                    .maxDeliveryCount(10)
                    .build(), child);
        }
        for (var topic : args.topics()) {
            new Topic(name + "-topic-" + topic, TopicArgs.builder()
                    .resourceGroupName(args.resourceGroupName()).namespaceName(namespace.name()).topicName(topic)
                    .build(), child);
        }

        var hub = args.hub();
        new PrivateEndpointSet(name + "-pe", PrivateEndpointSetArgs.builder()
                .resourceGroupName(args.resourceGroupName()).location(args.location()).naming(naming)
                .targetName("bus").targetType(PrivateLinkTarget.SERVICE_BUS).targetId(namespace.id())
                .endpoints(List.of(EndpointSpec.registeredIn(hub, "namespace", PrivateLinkTarget.SERVICE_BUS,
                        "namespace", hub.privateEndpointSubnetId())))
                .common(args.common()).build(), ComponentResourceOptions.builder().parent(this).build());

        // Operational logs (entity changes) and runtime audit logs (who sent or received, with which identity)
        // (learn.microsoft.com/azure/service-bus-messaging/monitor-service-bus-reference).
        Diagnostics.send(name + "-diag", "Microsoft.ServiceBus/namespaces", namespace.id(), args.common(), this);

        if (args.common().lock()) {
            new ManagementLockByScope(name + "-lock", ManagementLockByScopeArgs.builder()
                    .scope(namespace.id())
                    .level("CanNotDelete")
                    .lockName(naming.name(ResourceKind.RESOURCE_GROUP, "bus", "lock"))
                    .notes("Protects the integration's Service Bus namespace; remove deliberately.")
                    .build(), protect);
        }

        var outputs = new LinkedHashMap<String, Output<?>>();
        outputs.put("namespaceId", namespace.id());
        outputs.put("fullyQualifiedNamespace", Output.of(fullyQualifiedNamespace()));
        registerOutputs(outputs);
    }

    /**
     * The namespace's ARM id, the scope of the data-plane role assignments.
     *
     * @return the id
     */
    public Output<String> namespaceId() {
        return namespace.id();
    }

    /**
     * The host clients connect to, like {@code ztp-dev-bus-k3x9q.servicebus.windows.net}; it resolves to the private
     * endpoint through the hub's zone. Derived from the name, which is fixed before deployment.
     *
     * @return the host name
     */
    public String fullyQualifiedNamespace() {
        return namespaceName + ".servicebus.windows.net";
    }

    /**
     * The namespace's queues, in configuration order.
     *
     * @return the queue names, like [landing-runs]
     */
    public java.util.List<String> queueNames() {
        return queueNames;
    }
}
