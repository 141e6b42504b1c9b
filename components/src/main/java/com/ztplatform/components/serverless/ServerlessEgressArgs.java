package com.ztplatform.components.serverless;

import com.ztplatform.components.common.Placement;
import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.databricks.DatabricksProvider;
import com.ztplatform.components.firewall.RuleCollectionGroupSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Arguments of {@link ServerlessEgress}. Build with {@link #builder()}; every field is checked when the component is
 * constructed.
 *
 * @param accountProvider  an account-level Databricks provider (required)
 * @param region           the workspaces' region, like westeurope (required)
 * @param naming           prefix and environment (required)
 * @param settings         account, NCC reuse and limit, enforcement mode, private storage (required)
 * @param workspaces       every workspace to bind: name and numeric workspace id. Default: none (the NCC and the
 *                         policy are created but bound to no workspace)
 * @param keyVaultId       the platform Key Vault, reached by serverless compute through an NCC private endpoint
 *                         (required)
 * @param firewallRules    the firewall's generated rule collection groups: the serverless allowlist is derived
 *                         from them, so both compute types obey one list. Default: none (the allowlist is empty)
 * @param platformStorage  storage the platform itself creates (the landing staging account), reached through NCC
 *                         private endpoints. Default: none
 * @param platformVaults   further Key Vaults the platform creates behind secret scopes (the landing's own vault),
 *                         reached through NCC private endpoints like the platform vault. Default: none
 * @param common           tags (unused by Databricks account objects), protect. Default: {@link CommonOptions#defaults()}
 */
public record ServerlessEgressArgs(DatabricksProvider accountProvider, String region, Naming naming,
                                   ServerlessSettings settings, List<Workspace> workspaces, Output<String> keyVaultId,
                                   List<RuleCollectionGroupSpec> firewallRules, List<StorageTarget> platformStorage,
                                   List<VaultTarget> platformVaults, CommonOptions common) {

    /** A workspace to bind to the NCC and the network policy. */
    public record Workspace(String name, Output<String> workspaceId) {
    }

    /**
     * Storage the platform itself creates (the landing staging account), reached privately from serverless.
     *
     * @param resourceId  the storage account's ARM id
     * @param accountName its name
     * @param services    the services reached, like dfs and blob
     */
    public record StorageTarget(Output<String> resourceId, String accountName, List<String> services) {
        /**
         * Copies the services.
         *
         * @param resourceId  the storage account's ARM id
         * @param accountName its name
         * @param services    the services reached
         */
        public StorageTarget {
            services = List.copyOf(services);
        }
    }

    /** A further Key Vault of the platform, like the landing's; {@code label} names its rule (landing-kv). */
    public record VaultTarget(String label, Output<String> resourceId) {
    }

    /**
     * The canonical constructor; prefer {@link #builder()}, which applies the documented defaults.
     *
     * @param accountProvider an account-level Databricks provider (required)
     * @param region the workspaces' region, like westeurope (required)
     * @param naming prefix and environment (required)
     * @param settings account, NCC reuse and limit, enforcement mode, private storage (required)
     * @param workspaces every workspace to bind: name and numeric workspace id. Default: none (the NCC and the policy
     *                   are created but bound to no workspace)
     * @param keyVaultId the platform Key Vault, reached by serverless compute through an NCC private endpoint
     *                   (required)
     * @param firewallRules the firewall's generated rule collection groups: the serverless allowlist is derived from
     *                      them, so both compute types obey one list. Default: none (the allowlist is empty)
     * @param platformStorage storage the platform itself creates (the landing staging account), reached through NCC
     *                        private endpoints. Default: none
     * @param platformVaults further Key Vaults the platform creates behind secret scopes (the landing's own vault),
     *                       each reached by serverless compute through its own NCC private endpoint. Default: none
     * @param common tags (unused by Databricks account objects), protect. Default: {@link CommonOptions#defaults()}
     */
    public ServerlessEgressArgs {
        platformVaults = List.copyOf(platformVaults);
        workspaces = List.copyOf(workspaces);
        firewallRules = List.copyOf(firewallRules);
        platformStorage = List.copyOf(platformStorage);
        Objects.requireNonNull(common, "common");
    }

    /**
     * A builder; what is not set takes the default documented on this record.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every problem, each naming the field and a valid example.
     *
     * @return the problems; empty when valid
     */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        if (accountProvider == null) {
            problems.add("accountProvider is required: DatabricksProvider.account(...)");
        }
        if (region == null || region.isBlank()) {
            problems.add("region is required, like westeurope");
        }
        Placement.naming(problems, naming);
        if (settings == null) {
            problems.add("settings is required: a ServerlessSettings, like the stack's serverless section "
                    + "(accountId, enforcement: ENFORCED)");
        } else {
            problems.addAll(settings.problems("settings"));
        }
        if (keyVaultId == null) {
            problems.add("keyVaultId is required: serverless compute reads secrets through a private endpoint to it");
        }
        return problems;
    }

    /** Builds {@link ServerlessEgressArgs}; what is not set takes the default documented on the record. */
    public static final class Builder {
        private DatabricksProvider accountProvider;
        private String region;
        private Naming naming;
        private ServerlessSettings settings;
        private List<Workspace> workspaces = List.of();
        private Output<String> keyVaultId;
        private List<RuleCollectionGroupSpec> firewallRules = List.of();
        private List<StorageTarget> platformStorage = List.of();
        private List<VaultTarget> platformVaults = List.of();
        private CommonOptions common = CommonOptions.defaults();

        private Builder() {
        }

        /**
         * @param value an account-level Databricks provider (required)
         * @return this builder
         */
        public Builder accountProvider(DatabricksProvider value) { this.accountProvider = value; return this; }
        /**
         * @param value the workspaces' region, like westeurope (required)
         * @return this builder
         */
        public Builder region(String value) { this.region = value; return this; }
        /**
         * @param value prefix and environment (required)
         * @return this builder
         */
        public Builder naming(Naming value) { this.naming = value; return this; }
        /**
         * @param value account, NCC reuse and limit, enforcement mode, private storage (required)
         * @return this builder
         */
        public Builder settings(ServerlessSettings value) { this.settings = value; return this; }
        /**
         * @param value every workspace to bind: name and numeric workspace id. Default: none (the NCC and the policy
         *              are created but bound to no workspace)
         * @return this builder
         */
        public Builder workspaces(List<Workspace> value) { this.workspaces = value; return this; }
        /**
         * @param value the platform Key Vault, reached by serverless compute through an NCC private endpoint
         *              (required)
         * @return this builder
         */
        public Builder keyVaultId(Output<String> value) { this.keyVaultId = value; return this; }
        /**
         * @param value the firewall's generated rule collection groups: the serverless allowlist is derived from
         *              them, so both compute types obey one list. Default: none (the allowlist is empty)
         * @return this builder
         */
        public Builder firewallRules(List<RuleCollectionGroupSpec> value) { this.firewallRules = value; return this; }
        /**
         * @param value storage the platform itself creates (the landing staging account), reached through NCC private
         *              endpoints. Default: none
         * @return this builder
         */
        public Builder platformStorage(List<StorageTarget> value) { this.platformStorage = value; return this; }
        /**
         * @param value further Key Vaults the platform creates behind secret scopes (the landing's own vault), reached
         *              through NCC private endpoints like the platform vault. Default: none
         * @return this builder
         */
        public Builder platformVaults(List<VaultTarget> value) { this.platformVaults = value; return this; }
        /**
         * @param value tags (unused by Databricks account objects), protect. Default: {@link
         *              CommonOptions#defaults()}
         * @return this builder
         */
        public Builder common(CommonOptions value) { this.common = value; return this; }

        /**
         * The arguments, as set; the component checks them when it is constructed.
         *
         * @return the arguments
         */
        public ServerlessEgressArgs build() {
            return new ServerlessEgressArgs(accountProvider, region, naming, settings, workspaces, keyVaultId,
                    firewallRules, platformStorage, platformVaults, common);
        }
    }
}
