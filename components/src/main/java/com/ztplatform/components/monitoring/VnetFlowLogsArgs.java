package com.ztplatform.components.monitoring;

import com.ztplatform.components.keyvault.StorageEncryptionKey;
import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Arguments of {@link VnetFlowLogs}.
 *
 * @param resourceGroupName the resource group of the flow log storage account (the hub's)
 * @param location          the region of the VNets, the storage account and the flow logs (Network Watcher writes
 *                          only to an account in the VNet's region), like westeurope
 * @param naming            the stack's naming
 * @param workspace         the platform Log Analytics workspace traffic analytics writes to
 * @param vnets             label (like hub, spoke-analytics) to the VNet's ARM id; every VNet of the stack
 * @param settings          retention, analytics interval, the Network Watcher
 * @param storageKey        the flow log storage account's customer-managed key
 * @param common            tags, protect, and the workspace the storage account's own logs go to
 * @param bootstrap         the stack's first deployment: only the account's key identity and its grant are made, the
 *                          account and the flow logs follow the next deployment, when the grant is effective (default
 *                          false)
 */
public record VnetFlowLogsArgs(Output<String> resourceGroupName, String location, Naming naming, LogAnalytics workspace,
                               Map<String, Output<String>> vnets, FlowLogSettings settings, StorageEncryptionKey storageKey,
                               CommonOptions common, boolean bootstrap) {
    private static final Pattern LABEL = Pattern.compile("^[a-z][a-z0-9-]{0,30}$");

    /**
     * Copies the map.
     *
     * @param resourceGroupName resource group of the storage account
     * @param location          region
     * @param naming            naming
     * @param workspace         workspace
     * @param vnets             VNets by label
     * @param settings          settings
     * @param storageKey        the account's key
     * @param common            options
     * @param bootstrap         the first deployment
     */
    public VnetFlowLogsArgs {
        vnets = vnets == null ? Map.of() : new LinkedHashMap<>(vnets);
    }

    /**
     * A builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every problem of the arguments, each naming the field and a valid example.
     *
     * @return the problems
     */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        if (resourceGroupName == null) {
            problems.add("resourceGroupName is required, like hubRg.name()");
        }
        if (location == null || location.isBlank()) {
            problems.add("location is required, like westeurope");
        }
        if (naming == null) {
            problems.add("naming is required, like new Naming(\"ztp\", \"dev\", \"llwby\")");
        }
        if (workspace == null) {
            problems.add("workspace is required: the platform LogAnalytics component traffic analytics writes to");
        }
        if (vnets.isEmpty()) {
            problems.add("vnets must name at least one VNet, like Map.of(\"hub\", hub.vnetId())");
        }
        vnets.keySet().stream().filter(l -> !LABEL.matcher(l).matches()).forEach(l -> problems.add(
                "vnets label '" + l + "' must be lower-case letters, digits and hyphens, like spoke-analytics"));
        if (settings == null) {
            problems.add("settings is required, like FlowLogSettings.defaults()");
        } else {
            problems.addAll(settings.problems("settings."));
        }
        if (storageKey == null) {
            problems.add("storageKey is required: the flow log storage account is encrypted with a customer-managed "
                    + "key, like keyVault.storageKey(KeyPurpose.FLOW_LOG_STORAGE).orElseThrow()");
        }
        if (common == null) {
            problems.add("common is required, like CommonOptions.defaults()");
        } else {
            problems.addAll(common.problems("common"));
        }
        return problems;
    }

    /** Builds {@link VnetFlowLogsArgs}. */
    public static final class Builder {
        private Output<String> resourceGroupName;
        private String location;
        private Naming naming;
        private LogAnalytics workspace;
        private final Map<String, Output<String>> vnets = new LinkedHashMap<>();
        private FlowLogSettings settings = FlowLogSettings.defaults();
        private CommonOptions common = CommonOptions.defaults();
        private StorageEncryptionKey storageKey;
        private boolean bootstrap;

        /**
         * Sets a field.
         *
         * @param v the storage account's resource group
         * @return this
         */
        public Builder resourceGroupName(Output<String> v) {
            this.resourceGroupName = v;
            return this;
        }

        /**
         * Sets a field.
         *
         * @param v the region
         * @return this
         */
        public Builder location(String v) {
            this.location = v;
            return this;
        }

        /**
         * Sets a field.
         *
         * @param v the naming
         * @return this
         */
        public Builder naming(Naming v) {
            this.naming = v;
            return this;
        }

        /**
         * Sets a field.
         *
         * @param v the platform workspace
         * @return this
         */
        public Builder workspace(LogAnalytics v) {
            this.workspace = v;
            return this;
        }

        /**
         * Sets a field.
         *
         * @param label the VNet's label
         * @param vnetId its ARM id
         * @return this
         */
        public Builder vnet(String label, Output<String> vnetId) {
            this.vnets.put(Objects.requireNonNull(label, "label"), Objects.requireNonNull(vnetId, "vnetId"));
            return this;
        }

        /**
         * Sets a field.
         *
         * @param v the settings
         * @return this
         */
        public Builder settings(FlowLogSettings v) {
            this.settings = v;
            return this;
        }

        /**
         * @param value the storage account's customer-managed key (required), like
         *              {@code keyVault.storageKey(KeyPurpose.FLOW_LOG_STORAGE).orElseThrow()}
         * @return this builder
         */
        public Builder storageKey(StorageEncryptionKey value) { this.storageKey = value; return this; }

        /**
         * @param value whether this is the stack's first (bootstrap) deployment; default false
         * @return this builder
         */
        public Builder bootstrap(boolean value) { this.bootstrap = value; return this; }

        /**
         * Sets a field.
         *
         * @param v the options
         * @return this
         */
        public Builder common(CommonOptions v) {
            this.common = v;
            return this;
        }

        /**
         * Sets a field.
         *
         * @return the arguments (validated by the component)
         */
        public VnetFlowLogsArgs build() {
            return new VnetFlowLogsArgs(resourceGroupName, location, naming, workspace, vnets, settings, storageKey,
                    common, bootstrap);
        }
    }
}
