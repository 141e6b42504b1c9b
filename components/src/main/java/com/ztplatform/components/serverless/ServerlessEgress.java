package com.ztplatform.components.serverless;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.ztplatform.components.common.Problems;
import com.ztplatform.databricks.AccountNetworkPolicy;
import com.ztplatform.databricks.AccountNetworkPolicyArgs;
import com.ztplatform.databricks.AccountNetworkPolicyEgressArgs;
import com.ztplatform.databricks.AccountNetworkPolicyEgressNetworkAccessAllowedInternetDestinationArgs;
import com.ztplatform.databricks.AccountNetworkPolicyEgressNetworkAccessAllowedStorageDestinationArgs;
import com.ztplatform.databricks.AccountNetworkPolicyEgressNetworkAccessArgs;
import com.ztplatform.databricks.AccountNetworkPolicyEgressNetworkAccessPolicyEnforcementArgs;
import com.ztplatform.databricks.MwsNccBinding;
import com.ztplatform.databricks.MwsNccBindingArgs;
import com.ztplatform.databricks.MwsNccPrivateEndpointRule;
import com.ztplatform.databricks.MwsNccPrivateEndpointRuleArgs;
import com.ztplatform.databricks.MwsNetworkConnectivityConfig;
import com.ztplatform.databricks.MwsNetworkConnectivityConfigArgs;
import com.ztplatform.databricks.WorkspaceNetworkOption;
import com.ztplatform.databricks.WorkspaceNetworkOptionArgs;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serverless egress control at the Databricks account: a network connectivity configuration (NCC) bound to
 * every workspace, NCC private endpoint rules to the Key Vault and the stack's storage, and an account
 * network policy in restricted mode whose allowed destinations are the firewall's allowlist, bound to every
 * workspace with a workspace network option.
 *
 * <p>NCC private endpoints land on our resources as pending connections. The Databricks provider cannot
 * approve them, so {@link #approvals()} lists, per rule, the target, the sub-resource and the commands that
 * approve and verify the connection.
 */
public class ServerlessEgress extends ComponentResource {
    /** The component's Pulumi type token. */
    public static final String TYPE = "ztplatform:serverless:ServerlessEgress";

    private final Output<String> nccId;
    private final Output<String> networkPolicyId;
    private final List<Output<Map<String, String>>> approvals = new ArrayList<>();
    private final ServerlessAllowlist.Result allowlist;
    private final CustomResourceOptions account;

    /**
     * Creates (or reuses) the NCC, its private endpoint rules and the network policy, and binds the workspaces.
     *
     * @param name    logical name
     * @param args    the arguments
     * @param options component options (parent, providers)
     * @throws IllegalArgumentException listing every problem of {@code args}
     */
    public ServerlessEgress(String name, ServerlessEgressArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        Problems.throwIfAny("ServerlessEgress", name, args.problems());
        var settings = args.settings();
        this.account = CustomResourceOptions.builder().parent(this).provider(args.accountProvider()).build();
        var prefix = args.naming().prefix() + "-" + args.naming().environment();

        if (settings.existingNccId().isPresent()) {
            this.nccId = Output.of(settings.existingNccId().get());
        } else {
            var ncc = new MwsNetworkConnectivityConfig(name + "-ncc", MwsNetworkConnectivityConfigArgs.builder()
                    .name(prefix + "-ncc")
                    .region(args.region())
                    .accountId(settings.accountId())
                    .build(), account);
            this.nccId = ncc.networkConnectivityConfigId();
        }

        for (var workspace : args.workspaces()) {
            new MwsNccBinding(name + "-ncc-" + workspace.name(), MwsNccBindingArgs.builder()
                    .networkConnectivityConfigId(nccId)
                    .workspaceId(workspace.workspaceId())
                    .build(), account);
        }

        rule(name + "-pe-vault", args.keyVaultId(), "vault", account);
        // Every further vault behind a secret scope (the landing's own): a scope whose vault serverless compute
        // cannot reach fails on serverless, and the route stays private like the platform vault's.
        args.platformVaults().forEach(v -> rule(name + "-pe-" + v.label(), v.resourceId(), "vault", account));
        // A storage service is reachable only with both its NCC rule and its policy destination, so one loop
        // makes the two together: configured storage first, then the platform's own.
        var storageTargets = new ArrayList<ServerlessEgressArgs.StorageTarget>();
        settings.privateStorage().forEach(s -> storageTargets.add(new ServerlessEgressArgs.StorageTarget(
                Output.of(s.resourceId()), s.accountName(), s.services())));
        storageTargets.addAll(args.platformStorage());
        var storage = new ArrayList<AccountNetworkPolicyEgressNetworkAccessAllowedStorageDestinationArgs>();
        for (var target : storageTargets) {
            for (var service : target.services()) {
                rule(name + "-pe-" + target.accountName() + "-" + service, target.resourceId(), service, account);
                storage.add(AccountNetworkPolicyEgressNetworkAccessAllowedStorageDestinationArgs.builder()
                        .azureStorageAccount(target.accountName()).azureStorageService(service)
                        .storageDestinationType("AZURE_STORAGE").build());
            }
        }

        this.allowlist = ServerlessAllowlist.from(args.firewallRules());
        var internet = allowlist.destinations().stream()
                .map(d -> AccountNetworkPolicyEgressNetworkAccessAllowedInternetDestinationArgs.builder()
                        .destination(d).internetDestinationType("DNS_NAME").build()).toList();
        var policyId = prefix + "-serverless";
        var policy = new AccountNetworkPolicy(name + "-policy", AccountNetworkPolicyArgs.builder()
                .accountId(settings.accountId())
                .networkPolicyId(policyId)
                .egress(AccountNetworkPolicyEgressArgs.builder()
                        .networkAccess(AccountNetworkPolicyEgressNetworkAccessArgs.builder()
                                .restrictionMode("RESTRICTED_ACCESS")
                                .allowedInternetDestinations(internet)
                                .allowedStorageDestinations(storage)
                                .policyEnforcement(AccountNetworkPolicyEgressNetworkAccessPolicyEnforcementArgs.builder()
                                        .enforcementMode(settings.enforcement()).build())
                                .build())
                        .build())
                .build(), account);
        // The policy id is ours (an input); the resource's output is the same value once created.
        this.networkPolicyId = policy.id().applyValue(ignored -> policyId);
        for (var workspace : args.workspaces()) {
            new WorkspaceNetworkOption(name + "-option-" + workspace.name(), WorkspaceNetworkOptionArgs.builder()
                    .workspaceId(workspace.workspaceId())
                    .networkPolicyId(networkPolicyId)
                    .build(), account);
        }
        registerOutputs(Map.of("nccId", nccId, "networkPolicyId", networkPolicyId));
    }

    /**
     * An NCC private endpoint rule to a Private Link Service (like {@link ServerlessRouter}'s), with the names
     * serverless compute uses for what is behind it.
     *
     * @param logicalName          the rule's logical name
     * @param privateLinkServiceId the Private Link Service's ARM id
     * @param domainNames          the names serverless compute resolves to the endpoint
     * @return the rule; its approval is listed in {@link #approvals()}
     */
    public MwsNccPrivateEndpointRule privateLinkServiceRule(String logicalName, Output<String> privateLinkServiceId,
                                                            List<String> domainNames) {
        return rule(logicalName, privateLinkServiceId, null, domainNames, account);
    }

    private void rule(String logicalName, Output<String> resourceId, String groupId, CustomResourceOptions account) {
        rule(logicalName, resourceId, groupId, List.of(), account);
    }

    private MwsNccPrivateEndpointRule rule(String logicalName, Output<String> resourceId, @Nullable String groupId,
                                           List<String> domainNames, CustomResourceOptions account) {
        var builder = MwsNccPrivateEndpointRuleArgs.builder()
                .networkConnectivityConfigId(nccId)
                .resourceId(resourceId);
        if (groupId != null) {
            builder.groupId(groupId);
        }
        if (!domainNames.isEmpty()) {
            builder.domainNames(domainNames);
        }
        var rule = new MwsNccPrivateEndpointRule(logicalName, builder.build(), account);
        var label = groupId == null ? "private link service" : groupId;
        approvals.add(Output.tuple(resourceId, rule.endpointName()).applyValue(t -> {
            var approval = new LinkedHashMap<String, String>();
            approval.put("target", t.t1);
            approval.put("groupId", label);
            approval.put("endpointName", t.t2 == null ? "" : t.t2);
            approval.put("find", "az network private-endpoint-connection list --id " + t.t1
                    + " --query \"[?contains(properties.privateEndpoint.id, '" + (t.t2 == null ? "" : t.t2)
                    + "')].{id:id,status:properties.privateLinkServiceConnectionState.status}\" -o table");
            approval.put("approve", "az network private-endpoint-connection approve --id <id from find> "
                    + "--description 'Databricks serverless NCC " + label + "'");
            approval.put("check", "the rule's connectionState becomes ESTABLISHED (Databricks account console > "
                    + "Cloud resources > Network connectivity configurations)");
            return Map.copyOf(approval);
        }));
        return rule;
    }

    /**
     * The network connectivity configuration the workspaces are bound to.
     *
     * @return the NCC's id
     */
    public Output<String> nccId() {
        return nccId;
    }

    /**
     * The account network policy the workspaces are bound to.
     *
     * @return the policy's id
     */
    public Output<String> networkPolicyId() {
        return networkPolicyId;
    }

    /**
     * Per NCC private endpoint rule: what to approve on the target and how to verify it.
     *
     * @return one map per rule (target, sub-resource, approve and check commands)
     */
    public Output<List<Map<String, String>>> approvals() {
        return Output.all(approvals);
    }

    /**
     * Firewall entries serverless egress control cannot express, with the reason: never dropped silently.
     *
     * @return the entries, which the stack logs as warnings
     */
    public List<String> notExpressible() {
        return allowlist.notExpressible();
    }
}
