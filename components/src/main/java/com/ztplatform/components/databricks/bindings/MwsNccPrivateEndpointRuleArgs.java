package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Inputs of {@link MwsNccPrivateEndpointRule} ({@code databricks:index/mwsNccPrivateEndpointRule:MwsNccPrivateEndpointRule}).
 *
 * <ul>
 *   <li>{@code networkConnectivityConfigId}: the NCC this rule belongs to (required)</li>
 *   <li>{@code resourceId}: ARM id of the target (storage account, Key Vault, ...)</li>
 *   <li>{@code groupId}: private-link sub-resource, like {@code blob}, {@code dfs}, {@code vault}</li>
 *   <li>{@code domainNames}: FQDNs reached through the endpoint (Azure resources that need them)</li>
 *   <li>{@code enabled}: {@code Boolean}</li>
 * </ul>
 */
public final class MwsNccPrivateEndpointRuleArgs extends ResourceArgs {
    @Import(name = "networkConnectivityConfigId", required = true)
    private final Output<String> networkConnectivityConfigId;

    @Import(name = "resourceId")
    private final @Nullable Output<String> resourceId;

    @Import(name = "groupId")
    private final @Nullable Output<String> groupId;

    @Import(name = "domainNames")
    private final @Nullable Output<List<String>> domainNames;

    @Import(name = "enabled")
    private final @Nullable Output<Boolean> enabled;

    private MwsNccPrivateEndpointRuleArgs(Builder builder) {
        this.networkConnectivityConfigId = Bindings.required(builder.networkConnectivityConfigId, "MwsNccPrivateEndpointRuleArgs.networkConnectivityConfigId");
        this.resourceId = builder.resourceId;
        this.groupId = builder.groupId;
        this.domainNames = builder.domainNames;
        this.enabled = builder.enabled;
    }

    public Output<String> networkConnectivityConfigId() {
        return this.networkConnectivityConfigId;
    }

    public Optional<Output<String>> resourceId() {
        return Optional.ofNullable(this.resourceId);
    }

    public Optional<Output<String>> groupId() {
        return Optional.ofNullable(this.groupId);
    }

    public Optional<Output<List<String>>> domainNames() {
        return Optional.ofNullable(this.domainNames);
    }

    public Optional<Output<Boolean>> enabled() {
        return Optional.ofNullable(this.enabled);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<String> networkConnectivityConfigId;
        private @Nullable Output<String> resourceId;
        private @Nullable Output<String> groupId;
        private @Nullable Output<List<String>> domainNames;
        private @Nullable Output<Boolean> enabled;

        private Builder() {
        }

        public Builder networkConnectivityConfigId(@Nullable Output<String> networkConnectivityConfigId) {
            this.networkConnectivityConfigId = networkConnectivityConfigId;
            return this;
        }

        public Builder networkConnectivityConfigId(String networkConnectivityConfigId) {
            return networkConnectivityConfigId(Output.of(networkConnectivityConfigId));
        }

        public Builder resourceId(@Nullable Output<String> resourceId) {
            this.resourceId = resourceId;
            return this;
        }

        public Builder resourceId(String resourceId) {
            return resourceId(Output.of(resourceId));
        }

        public Builder groupId(@Nullable Output<String> groupId) {
            this.groupId = groupId;
            return this;
        }

        public Builder groupId(String groupId) {
            return groupId(Output.of(groupId));
        }

        public Builder domainNames(@Nullable Output<List<String>> domainNames) {
            this.domainNames = domainNames;
            return this;
        }

        public Builder domainNames(List<String> domainNames) {
            return domainNames(Output.of(List.copyOf(domainNames)));
        }

        public Builder domainNames(String... domainNames) {
            return domainNames(List.copyOf(Arrays.asList(domainNames)));
        }

        public Builder enabled(@Nullable Output<Boolean> enabled) {
            this.enabled = enabled;
            return this;
        }

        public Builder enabled(Boolean enabled) {
            return enabled(Output.of(enabled));
        }

        public MwsNccPrivateEndpointRuleArgs build() {
            return new MwsNccPrivateEndpointRuleArgs(this);
        }
    }
}
