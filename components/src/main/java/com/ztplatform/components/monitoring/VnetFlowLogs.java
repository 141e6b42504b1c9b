package com.ztplatform.components.monitoring;

import com.pulumi.azurenative.network.FlowLogArgs;
import com.pulumi.azurenative.network.inputs.FlowLogFormatParametersArgs;
import com.pulumi.azurenative.network.inputs.RetentionPolicyParametersArgs;
import com.pulumi.azurenative.network.inputs.TrafficAnalyticsConfigurationPropertiesArgs;
import com.pulumi.azurenative.network.inputs.TrafficAnalyticsPropertiesArgs;
import com.pulumi.azurenative.storage.StorageAccount;
import com.pulumi.azurenative.storage.StorageAccountArgs;
import com.pulumi.azurenative.storage.enums.Bypass;
import com.pulumi.azurenative.storage.enums.DefaultAction;
import com.pulumi.azurenative.storage.enums.Kind;
import com.pulumi.azurenative.storage.enums.MinimumTlsVersion;
import com.pulumi.azurenative.storage.enums.PublicNetworkAccess;
import com.pulumi.azurenative.storage.enums.SkuName;
import com.pulumi.azurenative.storage.inputs.NetworkRuleSetArgs;
import com.pulumi.azurenative.storage.inputs.SkuArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.ztplatform.components.common.Diagnostics;
import com.ztplatform.components.common.Problems;
import com.ztplatform.components.naming.ResourceKind;
import com.ztplatform.components.keyvault.StorageEncryption;

import javax.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Virtual network flow logs with traffic analytics for every VNet of the stack (the hub and each spoke), replacing NSG
 * flow logs, which Azure retires (no new ones after 30 June 2025, retired 30 September 2027:
 * https://learn.microsoft.com/azure/network-watcher/nsg-flow-logs-overview). A VNet flow log records every flow of
 * every NIC in the VNet, with the NSG and security admin rule that decided it
 * (https://learn.microsoft.com/azure/network-watcher/vnet-flow-logs-overview).
 *
 * <ul>
 *   <li>Network Watcher: referenced, not created. Azure enables one per region and subscription automatically
 *       ({@code NetworkWatcher_<region>} in {@code NetworkWatcherRG}) when the region's first VNet is created, and
 *       refuses a second one in the same region; a subscription that opted out names its own watcher in
 *       {@link FlowLogSettings}. Flow logs are children of the watcher, so they live in its resource group.</li>
 *   <li>Storage: one account in the VNets' region (Network Watcher writes only to an account in the target's region),
 *       StorageV2, TLS 1.2, HTTPS only, no anonymous blob access, no cross-tenant replication, infrastructure
 *       encryption and the platform vault's customer-managed key ({@link StorageEncryption}), public endpoint denying everything but trusted Azure services (Network Watcher writes as one:
 *       https://learn.microsoft.com/azure/storage/common/storage-network-security#trusted-access-for-resources-registered-in-your-subscription).
 *       Shared key access stays enabled: without a managed identity on the flow log, Network Watcher writes with the
 *       account key, and the flow log's {@code identity} arrived only in network API 2023-11-01
 *       (https://learn.microsoft.com/azure/network-watcher/vnet-flow-logs-managed-identity), later than anything
 *       azure-native 2.10.0's provider serves (its flow log versions end at 2023-05-01).</li>
 *   <li>Traffic analytics: enabled on each flow log, into the platform workspace, every 10 or 60 minutes.</li>
 * </ul>
 */
public class VnetFlowLogs extends ComponentResource {
    /** The Pulumi type token of this component. */
    public static final String TYPE = "ztplatform:monitoring:VnetFlowLogs";
    /** Flow log format version 2 (adds bytes and packets per flow), the only one VNet flow logs write. */
    public static final int FORMAT_VERSION = 2;

    private final Output<String> storageAccountId;
    private final Map<String, Output<String>> flowLogIds;

    /**
     * Creates the storage account and one flow log per VNet.
     *
     * @param name    logical name
     * @param args    the arguments
     * @param options component options
     * @throws IllegalArgumentException listing every problem of {@code args}
     */
    public VnetFlowLogs(String name, VnetFlowLogsArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        Problems.throwIfAny("VnetFlowLogs", name, args.problems());
        var tags = args.common().sortedTags();
        var settings = args.settings();
        // Customer-managed key: encryption at rest is Azure Storage's own and transparent to whoever writes the blobs
        // (learn.microsoft.com/azure/storage/common/customer-managed-keys-overview: the account's identity unwraps the
        // key, not the caller), so Network Watcher writes to this account as to any other.
        var cmk = StorageEncryption.create(name + "-storage", args.storageKey(), args.resourceGroupName(),
                args.location(), args.naming().name(ResourceKind.USER_ASSIGNED_IDENTITY, "flowlogs", "cmk", "id"), tags,
                "the flow log storage account wraps its data keys with this key (this key only)", this);
        if (args.bootstrap()) {
            // Azure Storage checks the key grant when the account is created, and a role assignment can take up to
            // 10 minutes to become effective (learn.microsoft.com/azure/role-based-access-control/troubleshooting):
            // the first deployment makes the identity and its grant, the next one the account and the flow logs.
            this.storageAccountId = null;
            this.flowLogIds = Map.of();
            registerOutputs(Map.of());
            return;
        }
        var account = new StorageAccount(name + "-storage", StorageAccountArgs.builder()
                .resourceGroupName(args.resourceGroupName())
                .location(args.location())
                .accountName(accountName(args.naming()))
                .kind(Kind.StorageV2)
                .sku(SkuArgs.builder().name(SkuName.Standard_LRS).build())
                .minimumTlsVersion(MinimumTlsVersion.TLS1_2)
                .enableHttpsTrafficOnly(true)
                .allowBlobPublicAccess(false)
                .allowCrossTenantReplication(false)
                .allowSharedKeyAccess(true)
                .defaultToOAuthAuthentication(true)
                .publicNetworkAccess(PublicNetworkAccess.Enabled)
                .networkRuleSet(NetworkRuleSetArgs.builder().defaultAction(DefaultAction.Deny)
                        .bypass(Bypass.AzureServices).build())
                .identity(cmk.identityArgs())
                .encryption(cmk.encryptionArgs())
                .tags(tags)
                .build(), cmk.accountOptions(this, args.common().protect()));
        this.storageAccountId = account.id();
        Diagnostics.sendStorage(name + "-storage-diag", account.id(), args.common(), this);

        var workspace = args.workspace();
        var created = new LinkedHashMap<String, Output<String>>();
        args.vnets().forEach((label, vnetId) -> {
            var flowLog = new FlowLogV20230501(name + "-" + label, FlowLogArgs.builder()
                    .resourceGroupName(settings.networkWatcherResourceGroup())
                    .networkWatcherName(settings.networkWatcherName(args.location()))
                    .flowLogName(args.naming().name(ResourceKind.FLOW_LOG, label, "flowlog"))
                    .location(args.location())
                    .targetResourceId(vnetId)
                    .storageId(account.id())
                    .enabled(true)
                    .format(FlowLogFormatParametersArgs.builder().type("JSON").version(FORMAT_VERSION).build())
                    .retentionPolicy(RetentionPolicyParametersArgs.builder().enabled(true)
                            .days(settings.retentionDays()).build())
                    .flowAnalyticsConfiguration(TrafficAnalyticsPropertiesArgs.builder()
                            .networkWatcherFlowAnalyticsConfiguration(TrafficAnalyticsConfigurationPropertiesArgs.builder()
                                    .enabled(true)
                                    .workspaceId(workspace.customerId())
                                    .workspaceRegion(workspace.region())
                                    .workspaceResourceId(workspace.workspaceId())
                                    .trafficAnalyticsInterval(settings.trafficAnalyticsIntervalMinutes())
                                    .build())
                            .build())
                    .tags(tags)
                    .build(), CustomResourceOptions.builder().parent(this).build());
            created.put(label, flowLog.id());
        });
        this.flowLogIds = Map.copyOf(created);

        var outputs = new LinkedHashMap<String, Output<?>>();
        outputs.put("storageAccountId", storageAccountId);
        created.forEach((label, id) -> outputs.put("flowLog:" + label, id));
        registerOutputs(outputs);
    }

    /**
     * The name of the flow log storage account: {@code <prefix><environment>flowlogs} and the stack's global suffix, like
     * {@code ztpprodflowlogsym4ky}. Defined here once: the stack's Azure Policy exemptions name the account by it.
     *
     * @param naming prefix, environment and global suffix
     * @return the storage account name
     */
    public static String accountName(com.ztplatform.components.naming.Naming naming) {
        return naming.name(ResourceKind.STORAGE_ACCOUNT, "flowlogs");
    }

    /**
     * The flow log storage account.
     *
     * @return its ARM id; empty in the bootstrap deployment, which makes only the account's key identity and grant
     */
    public java.util.Optional<Output<String>> storageAccountId() {
        return java.util.Optional.ofNullable(storageAccountId);
    }

    /**
     * The flow logs by VNet label.
     *
     * @return label to flow log ARM id
     */
    public Map<String, Output<String>> flowLogIds() {
        return flowLogIds;
    }
}
