package com.ztplatform.components.ai;

import com.pulumi.azurenative.authorization.ManagementLockByScope;
import com.pulumi.azurenative.authorization.ManagementLockByScopeArgs;
import com.pulumi.azurenative.cognitiveservices.Account;
import com.pulumi.azurenative.cognitiveservices.AccountArgs;
import com.pulumi.azurenative.cognitiveservices.Deployment;
import com.pulumi.azurenative.cognitiveservices.DeploymentArgs;
import com.pulumi.azurenative.cognitiveservices.enums.NetworkRuleAction;
import com.pulumi.azurenative.cognitiveservices.enums.PublicNetworkAccess;
import com.pulumi.azurenative.cognitiveservices.enums.ResourceIdentityType;
import com.pulumi.azurenative.cognitiveservices.inputs.AccountPropertiesArgs;
import com.pulumi.azurenative.cognitiveservices.inputs.DeploymentModelArgs;
import com.pulumi.azurenative.cognitiveservices.inputs.DeploymentPropertiesArgs;
import com.pulumi.azurenative.cognitiveservices.inputs.IdentityArgs;
import com.pulumi.azurenative.cognitiveservices.inputs.NetworkRuleSetArgs;
import com.pulumi.azurenative.cognitiveservices.inputs.SkuArgs;
import com.pulumi.azurenative.insights.DiagnosticSetting;
import com.pulumi.core.Output;
import com.ztplatform.components.common.Diagnostics;
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
import java.util.LinkedHashMap;
import java.util.List;

/**
 * An Azure AI services account (kind {@value AiServicesArgs#KIND}: the OpenAI models and the other AI services behind
 * one endpoint), reachable only through its private endpoint and only with Entra ID.
 *
 * <ul>
 *   <li>Identity: local (key) authentication disabled, so every call carries an Entra ID token and is subject to
 *       RBAC; a system-assigned identity for the account's own calls (customer-managed keys, storage).</li>
 *   <li>Network in: public network access Disabled, network ACL default Deny with no IP or VNet rules; a custom
 *       subdomain (token authentication and private endpoints need one,
 *       learn.microsoft.com/azure/ai-services/cognitive-services-custom-subdomains).</li>
 *   <li>Network out: {@code restrictOutboundNetworkAccess} with {@link AiServicesArgs#allowedFqdns()} (none by
 *       default), so the service cannot be used to send data to arbitrary hosts
 *       (learn.microsoft.com/azure/ai-services/cognitive-services-data-loss-prevention). Its calls start in
 *       Microsoft's network, not in ours: they never pass the platform firewall.</li>
 *   <li>Private endpoint: the {@code account} sub-resource in the hub's endpoint subnet, registered in the hub's
 *       Cognitive Services, OpenAI and services.ai zones ({@link PrivateLinkTarget#AI_SERVICES}).</li>
 *   <li>Model deployments from {@link AiServicesArgs#deployments()}, one after another: the service refuses a
 *       deployment change while another one on the account is in progress.</li>
 *   <li>Audit: every log category (audit, request/response metadata) to the platform's Log Analytics workspace.</li>
 * </ul>
 *
 * <pre>{@code
 * var ai = new AiServices("ai", AiServicesArgs.builder().resourceGroupName(aiRg.name()).location("westeurope")
 *         .naming(naming).hub(hub).deployments(List.of(new ModelDeployment("gpt-4o", "gpt-4o", "2024-08-06",
 *                 "OpenAI", "DataZoneStandard", 10))).common(common).build(), null);
 * }</pre>
 */
public class AiServices extends ComponentResource {
    /** The component's Pulumi type token. */
    public static final String TYPE = "ztplatform:ai:AiServices";

    private final Account account;
    private final List<Deployment> deployments;
    private final String subdomain;

    /**
     * Creates the account, its private endpoint, its model deployments, its diagnostic setting and, with
     * {@code common.lock}, its lock.
     *
     * @param name    logical name
     * @param args    the arguments
     * @param options component options (parent, providers, dependsOn)
     * @throws IllegalArgumentException listing every problem of {@code args}
     */
    public AiServices(String name, AiServicesArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        Problems.throwIfAny("AiServices", name, args.problems());
        var naming = args.naming();
        this.subdomain = args.effectiveSubdomain();
        this.account = new Account(name + "-account", AccountArgs.builder()
                .resourceGroupName(args.resourceGroupName())
                .location(args.location())
                .accountName(args.accountName())
                .kind(AiServicesArgs.KIND)
                .sku(SkuArgs.builder().name(args.sku()).build())
                .identity(IdentityArgs.builder().type(ResourceIdentityType.SystemAssigned).build())
                .properties(AccountPropertiesArgs.builder()
                        .customSubDomainName(args.effectiveSubdomain())
                        .disableLocalAuth(true)
                        .publicNetworkAccess(PublicNetworkAccess.Disabled)
                        .networkAcls(NetworkRuleSetArgs.builder().defaultAction(NetworkRuleAction.Deny)
                                .ipRules(List.of()).virtualNetworkRules(List.of()).build())
                        .restrictOutboundNetworkAccess(true)
                        .allowedFqdnList(args.allowedFqdns())
                        .build())
                .tags(args.common().sortedTags())
                .build(), CustomResourceOptions.builder().parent(this).protect(args.common().protect()).build());

        var hub = args.hub();
        var endpoints = new PrivateEndpointSet(name + "-pe", PrivateEndpointSetArgs.builder()
                .resourceGroupName(args.resourceGroupName()).location(args.location()).naming(naming)
                .targetName("ai").targetType(PrivateLinkTarget.AI_SERVICES).targetId(account.id())
                .endpoints(List.of(EndpointSpec.registeredIn(hub, "account", PrivateLinkTarget.AI_SERVICES, "account",
                        hub.privateEndpointSubnetId())))
                .common(args.common()).build(), ComponentResourceOptions.builder().parent(this).build());

        var created = new ArrayList<Deployment>();
        Resource previous = endpoints.last();
        for (var d : args.deployments()) {
            var deployment = new Deployment(name + "-deploy-" + d.name().toLowerCase().replaceAll("[^a-z0-9]+", "-"),
                    DeploymentArgs.builder()
                            .resourceGroupName(args.resourceGroupName())
                            .accountName(account.name())
                            .deploymentName(d.name())
                            .properties(DeploymentPropertiesArgs.builder()
                                    .model(DeploymentModelArgs.builder().format(d.format()).name(d.model())
                                            .version(d.version()).build())
                                    .build())
                            .sku(SkuArgs.builder().name(d.sku()).capacity(d.capacity()).build())
                            .build(), CustomResourceOptions.builder().parent(this).dependsOn(previous).build());
            created.add(deployment);
            previous = deployment;
        }
        this.deployments = List.copyOf(created);

        Diagnostics.send(name + "-diag", "Microsoft.CognitiveServices/accounts", account.id(), args.common(), this);

        if (args.common().lock()) {
            new ManagementLockByScope(name + "-lock", ManagementLockByScopeArgs.builder()
                    .scope(account.id())
                    .level("CanNotDelete")
                    .lockName(naming.name(ResourceKind.RESOURCE_GROUP, "ai", "lock"))
                    .notes("Protects the AI platform's AI services account; remove deliberately.")
                    .build(), CustomResourceOptions.builder().parent(this).protect(args.common().protect()).build());
        }

        var outputs = new LinkedHashMap<String, Output<?>>();
        outputs.put("accountId", account.id());
        outputs.put("endpoint", endpoint());
        registerOutputs(outputs);
    }

    /**
     * The account's ARM id, for role assignments (Cognitive Services OpenAI User) and hub connections.
     *
     * @return the id
     */
    public Output<String> accountId() {
        return account.id();
    }

    /**
     * The account's endpoint, {@code https://<custom subdomain>.cognitiveservices.azure.com/}.
     *
     * @return the URL, resolved privately through the hub's zones
     */
    public Output<String> endpoint() {
        var label = subdomain;
        return account.name().applyValue(ignored -> "https://" + label + ".cognitiveservices.azure.com/");
    }

    /**
     * The model deployments, in creation order.
     *
     * @return the deployments
     */
    public List<Deployment> deployments() {
        return deployments;
    }
}
