package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Optional;

/**
 * Inputs of {@link MwsNetworkConnectivityConfig} ({@code databricks:index/mwsNetworkConnectivityConfig:MwsNetworkConnectivityConfig}).
 *
 * <ul>
 *   <li>{@code name}: NCC name, 3-30 chars: letters, digits, hyphens, underscores (without a name the provider
 *       would auto-name it) (required by this binding; optional in the schema)</li>
 *   <li>{@code region}: Azure region of the workspaces that will use it, like {@code westeurope} (required)</li>
 *   <li>{@code accountId}: Databricks account id; defaults to the provider's</li>
 * </ul>
 */
public final class MwsNetworkConnectivityConfigArgs extends ResourceArgs {
    @Import(name = "name")
    private final Output<String> name;

    @Import(name = "region", required = true)
    private final Output<String> region;

    @Import(name = "accountId")
    private final @Nullable Output<String> accountId;

    private MwsNetworkConnectivityConfigArgs(Builder builder) {
        this.name = Bindings.required(builder.name, "MwsNetworkConnectivityConfigArgs.name");
        this.region = Bindings.required(builder.region, "MwsNetworkConnectivityConfigArgs.region");
        this.accountId = builder.accountId;
    }

    public Output<String> name() {
        return this.name;
    }

    public Output<String> region() {
        return this.region;
    }

    public Optional<Output<String>> accountId() {
        return Optional.ofNullable(this.accountId);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<String> name;
        private @Nullable Output<String> region;
        private @Nullable Output<String> accountId;

        private Builder() {
        }

        public Builder name(@Nullable Output<String> name) {
            this.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public Builder region(@Nullable Output<String> region) {
            this.region = region;
            return this;
        }

        public Builder region(String region) {
            return region(Output.of(region));
        }

        public Builder accountId(@Nullable Output<String> accountId) {
            this.accountId = accountId;
            return this;
        }

        public Builder accountId(String accountId) {
            return accountId(Output.of(accountId));
        }

        public MwsNetworkConnectivityConfigArgs build() {
            return new MwsNetworkConnectivityConfigArgs(this);
        }
    }
}
