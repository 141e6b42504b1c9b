package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Input type {@code databricks:index/AccountNetworkPolicyEgressNetworkAccessPolicyEnforcement:AccountNetworkPolicyEgressNetworkAccessPolicyEnforcement}.
 *
 * <ul>
 *   <li>{@code enforcementMode}: {@code ENFORCED} or {@code DRY_RUN}</li>
 *   <li>{@code dryRunModeProductFilters}: products evaluated in dry run, like {@code DBSQL},
 *       {@code ML_SERVING}</li>
 * </ul>
 */
public final class AccountNetworkPolicyEgressNetworkAccessPolicyEnforcementArgs extends ResourceArgs {
    @Import(name = "enforcementMode")
    private final @Nullable Output<String> enforcementMode;

    @Import(name = "dryRunModeProductFilters")
    private final @Nullable Output<List<String>> dryRunModeProductFilters;

    private AccountNetworkPolicyEgressNetworkAccessPolicyEnforcementArgs(Builder builder) {
        this.enforcementMode = builder.enforcementMode;
        this.dryRunModeProductFilters = builder.dryRunModeProductFilters;
    }

    public Optional<Output<String>> enforcementMode() {
        return Optional.ofNullable(this.enforcementMode);
    }

    public Optional<Output<List<String>>> dryRunModeProductFilters() {
        return Optional.ofNullable(this.dryRunModeProductFilters);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<String> enforcementMode;
        private @Nullable Output<List<String>> dryRunModeProductFilters;

        private Builder() {
        }

        public Builder enforcementMode(@Nullable Output<String> enforcementMode) {
            this.enforcementMode = enforcementMode;
            return this;
        }

        public Builder enforcementMode(String enforcementMode) {
            return enforcementMode(Output.of(enforcementMode));
        }

        public Builder dryRunModeProductFilters(@Nullable Output<List<String>> dryRunModeProductFilters) {
            this.dryRunModeProductFilters = dryRunModeProductFilters;
            return this;
        }

        public Builder dryRunModeProductFilters(List<String> dryRunModeProductFilters) {
            return dryRunModeProductFilters(Output.of(List.copyOf(dryRunModeProductFilters)));
        }

        public Builder dryRunModeProductFilters(String... dryRunModeProductFilters) {
            return dryRunModeProductFilters(List.copyOf(Arrays.asList(dryRunModeProductFilters)));
        }

        public AccountNetworkPolicyEgressNetworkAccessPolicyEnforcementArgs build() {
            return new AccountNetworkPolicyEgressNetworkAccessPolicyEnforcementArgs(this);
        }
    }
}
