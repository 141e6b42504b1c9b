package com.ztplatform.components.serverless;

import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.databricks.DatabricksProvider;
import com.ztplatform.components.firewall.RuleCollectionGroupSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Arguments of {@link ServerlessEgress}.
 *
 * @param accountProvider  an account-level Databricks provider (required)
 * @param region           the workspaces' region, like westeurope (required)
 * @param naming           prefix and environment (required)
 * @param settings         account, NCC reuse and limit, enforcement mode, private storage (required)
 * @param workspaces       every workspace to bind: name and numeric workspace id
 * @param keyVaultId       the platform Key Vault, reached by serverless compute through an NCC private endpoint
 * @param firewallRules    the firewall's generated rule collection groups: the serverless allowlist is derived
 *                         from them, so both compute types obey one list
 * @param common           tags (unused by Databricks account objects), protect
 */
public record ServerlessEgressArgs(DatabricksProvider accountProvider, String region, Naming naming,
                                   ServerlessSettings settings, List<Workspace> workspaces, Output<String> keyVaultId,
                                   List<RuleCollectionGroupSpec> firewallRules, List<StorageTarget> platformStorage,
                                   CommonOptions common) {

    /** A workspace to bind to the NCC and the network policy. */
    public record Workspace(String name, Output<String> workspaceId) {
    }

    /** Storage the platform itself creates (the landing staging account), reached privately from serverless. */
    public record StorageTarget(Output<String> resourceId, String accountName, List<String> services) {
        public StorageTarget {
            services = List.copyOf(services);
        }
    }

    public ServerlessEgressArgs {
        workspaces = List.copyOf(workspaces);
        firewallRules = List.copyOf(firewallRules);
        platformStorage = List.copyOf(platformStorage);
        Objects.requireNonNull(common, "common");
    }

    public List<String> problems() {
        var problems = new ArrayList<String>();
        if (accountProvider == null) {
            problems.add("accountProvider is required: DatabricksProvider.account(...)");
        }
        if (region == null || region.isBlank()) {
            problems.add("region is required, like westeurope");
        }
        if (naming == null) {
            problems.add("naming is required, like new Naming(\"ztp\", \"dev\")");
        }
        if (settings == null) {
            problems.add("settings is required");
        } else {
            problems.addAll(settings.problems("settings"));
        }
        if (keyVaultId == null) {
            problems.add("keyVaultId is required: serverless compute reads secrets through a private endpoint to it");
        }
        return problems;
    }
}
