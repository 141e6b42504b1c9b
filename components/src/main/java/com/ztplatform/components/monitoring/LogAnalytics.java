package com.ztplatform.components.monitoring;

import com.pulumi.azurenative.operationalinsights.Workspace;
import com.pulumi.azurenative.operationalinsights.WorkspaceArgs;
import com.pulumi.azurenative.operationalinsights.enums.IdentityType;
import com.pulumi.azurenative.operationalinsights.inputs.IdentityArgs;
import com.pulumi.azurenative.operationalinsights.outputs.IdentityResponse;
import com.pulumi.azurenative.operationalinsights.inputs.WorkspaceFeaturesArgs;
import com.pulumi.azurenative.operationalinsights.inputs.WorkspaceSkuArgs;
import com.pulumi.azurenative.operationalinsights.OperationalinsightsFunctions;
import com.pulumi.azurenative.operationalinsights.inputs.GetWorkspaceArgs;
import com.pulumi.azurenative.operationalinsights.outputs.GetWorkspaceResult;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.ztplatform.components.common.Diagnostics;
import com.ztplatform.components.common.Problems;
import com.ztplatform.components.naming.ResourceKind;

import javax.annotation.Nullable;
import java.util.Map;
import java.util.Optional;

/**
 * The Log Analytics workspace that firewall, Bastion and Key Vault logs go to: created in the hub, or an
 * existing central workspace named by the stack.
 *
 * <pre>{@code
 * var logs = new LogAnalytics("logs", LogAnalyticsArgs.builder().resourceGroupName(rg.name())
 *         .location("westeurope").naming(naming).build(), null);
 * }</pre>
 */
public class LogAnalytics extends ComponentResource {
    /** The component's Pulumi type token. */
    public static final String TYPE = "ztplatform:monitoring:LogAnalytics";

    private final Output<String> workspaceId;
    private final Output<String> customerId;
    private final Output<String> region;
    private final Optional<Created> created;

    /**
     * The workspace this component created (not an existing central one): what its saved-query storage
     * ({@link SavedQueryStorage}) links to.
     *
     * @param name        the workspace's name
     * @param id          its ARM id
     * @param principalId its system-assigned identity's object id
     * @param location    its region, like westeurope (a linked storage account must be in the same region)
     */
    public record Created(Output<String> name, Output<String> id, Output<String> principalId, String location) {
    }

    /**
     * Creates the workspace, or takes the existing one.
     *
     * @param name    logical name
     * @param args    the arguments
     * @param options component options (parent, providers)
     * @throws IllegalArgumentException listing every problem of {@code args}
     */
    public LogAnalytics(String name, LogAnalyticsArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        Problems.throwIfAny("LogAnalytics", name, args.problems());
        if (args.existingWorkspaceId().isPresent()) {
            this.workspaceId = Output.of(args.existingWorkspaceId().get());
            // Traffic analytics names the workspace by its customer id and region too: read them from Azure.
            var parts = args.existingWorkspaceId().get().split("/");
            var existing = OperationalinsightsFunctions.getWorkspace(GetWorkspaceArgs.builder()
                    .resourceGroupName(parts[4]).workspaceName(parts[8]).build());
            this.customerId = existing.applyValue(GetWorkspaceResult::customerId);
            this.region = existing.applyValue(GetWorkspaceResult::location);
            this.created = Optional.empty();
        } else {
            var workspace = new Workspace(name + "-law", WorkspaceArgs.builder()
                    .resourceGroupName(args.resourceGroupName())
                    .location(args.location())
                    .workspaceName(args.naming().name(ResourceKind.LOG_ANALYTICS_WORKSPACE, "hub", "law"))
                    .sku(WorkspaceSkuArgs.builder().name("PerGB2018").build())
                    .retentionInDays(args.retentionInDays())
                    // Agents and SDKs must come through the platform's Azure Monitor Private Link Scope
                    // (MonitorPrivateLinkScope); diagnostic settings (Azure's own pipeline) are not affected.
                    // Queries stay possible for authenticated operators from their network: the portal's log views
                    // run in the operator's browser, on the platform's network only over the VPN.
                    .publicNetworkAccessForIngestion("Disabled")
                    // Entra ID only: no workspace-key ingestion or queries. Diagnostic settings and the Azure Monitor
                    // agent authenticate with Entra ID, so nothing here uses the keys
                    // (https://learn.microsoft.com/azure/azure-monitor/logs/azure-ad-authentication-logs).
                    .features(WorkspaceFeaturesArgs.builder().disableLocalAuth(true).build())
                    .publicNetworkAccessForQuery("Enabled")
                    // Saved queries and functions (and saved log alert queries) go to the platform's own storage
                    // account, encrypted with its customer-managed key (SavedQueryStorage links it), never to
                    // Microsoft's: Azure's built-in "Saved-queries in Azure Monitor should be saved in customer storage
                    // account for logs encryption" (fa298e57) requires forceCmkForQuery. The workspace is created with
                    // it (the linked account is the workspace's child, so it can only follow); that built-in's Deny
                    // effect would refuse any workspace created without it.
                    // learn.microsoft.com/azure/azure-monitor/logs/customer-managed-keys ("Customer-managed key for
                    // saved queries and log search alerts").
                    .forceCmkForQuery(true)
                    // Since 31 August 2025 a workspace needs a managed identity to add or update linked storage
                    // accounts for saved queries and saved log alert queries
                    // (learn.microsoft.com/azure/azure-monitor/logs/private-storage). System-assigned: it lives and
                    // dies with the workspace, and the account's trusted-services exception admits it (Azure Storage
                    // grants trusted access by system-assigned identity, learn.microsoft.com/azure/storage/common/
                    // storage-network-security, "Trusted access based on a managed identity").
                    .identity(IdentityArgs.builder().type(IdentityType.SystemAssigned).build())
                    .tags(args.common().sortedTags())
                    .build(), CustomResourceOptions.builder().parent(this).protect(args.common().protect()).build());
            this.workspaceId = workspace.id();
            this.customerId = workspace.customerId();
            this.region = Output.of(args.location());
            this.created = Optional.of(new Created(workspace.name(), workspace.id(),
                    workspace.identity().applyValue(LogAnalytics::principalIdOf), args.location()));
            // The workspace's own query audit (LAQueryLogs) to itself: who read which logs.
            Diagnostics.send(name + "-law-diag", "Microsoft.OperationalInsights/workspaces", workspace.id(),
                    args.common().withLogAnalyticsWorkspaceId(workspace.id()), this);
        }
        registerOutputs(Map.of("workspaceId", workspaceId));
    }

    private static String principalIdOf(Optional<IdentityResponse> identity) {
        return identity.map(IdentityResponse::principalId).orElseThrow(() -> new IllegalStateException(
                "Azure returned the Log Analytics workspace without its system-assigned identity"));
    }

    /**
     * The workspace this component created, with its identity and region; empty when an existing workspace is used.
     *
     * @return the created workspace, or empty
     */
    public Optional<Created> created() {
        return created;
    }

    /**
     * Where diagnostic settings send logs ({@link com.ztplatform.components.common.CommonOptions#withLogAnalyticsWorkspaceId}).
     *
     * @return the workspace's ARM id, created or existing
     */
    public Output<String> workspaceId() {
        return workspaceId;
    }

    /**
     * The workspace's customer id (its GUID), which traffic analytics names it by.
     *
     * @return the GUID
     */
    public Output<String> customerId() {
        return customerId;
    }

    /**
     * The workspace's region.
     *
     * @return the region, like westeurope
     */
    public Output<String> region() {
        return region;
    }
}
