package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Input type {@code databricks:index/AccountNetworkPolicyEgressNetworkAccess:AccountNetworkPolicyEgressNetworkAccess}.
 *
 * <ul>
 *   <li>{@code restrictionMode}: {@code FULL_ACCESS} or {@code RESTRICTED_ACCESS} (required)</li>
 *   <li>{@code allowedInternetDestinations}:
 *       {@code List<AccountNetworkPolicyEgressNetworkAccessAllowedInternetDestinationArgs>}</li>
 *   <li>{@code allowedStorageDestinations}:
 *       {@code List<AccountNetworkPolicyEgressNetworkAccessAllowedStorageDestinationArgs>}</li>
 *   <li>{@code policyEnforcement}: {@code AccountNetworkPolicyEgressNetworkAccessPolicyEnforcementArgs}</li>
 * </ul>
 */
public final class AccountNetworkPolicyEgressNetworkAccessArgs extends ResourceArgs {
    @Import(name = "restrictionMode", required = true)
    private final Output<String> restrictionMode;

    @Import(name = "allowedInternetDestinations")
    private final @Nullable Output<List<AccountNetworkPolicyEgressNetworkAccessAllowedInternetDestinationArgs>> allowedInternetDestinations;

    @Import(name = "allowedStorageDestinations")
    private final @Nullable Output<List<AccountNetworkPolicyEgressNetworkAccessAllowedStorageDestinationArgs>> allowedStorageDestinations;

    @Import(name = "policyEnforcement")
    private final @Nullable Output<AccountNetworkPolicyEgressNetworkAccessPolicyEnforcementArgs> policyEnforcement;

    private AccountNetworkPolicyEgressNetworkAccessArgs(Builder builder) {
        this.restrictionMode = Bindings.required(builder.restrictionMode, "AccountNetworkPolicyEgressNetworkAccessArgs.restrictionMode");
        this.allowedInternetDestinations = builder.allowedInternetDestinations;
        this.allowedStorageDestinations = builder.allowedStorageDestinations;
        this.policyEnforcement = builder.policyEnforcement;
    }

    public Output<String> restrictionMode() {
        return this.restrictionMode;
    }

    public Optional<Output<List<AccountNetworkPolicyEgressNetworkAccessAllowedInternetDestinationArgs>>> allowedInternetDestinations() {
        return Optional.ofNullable(this.allowedInternetDestinations);
    }

    public Optional<Output<List<AccountNetworkPolicyEgressNetworkAccessAllowedStorageDestinationArgs>>> allowedStorageDestinations() {
        return Optional.ofNullable(this.allowedStorageDestinations);
    }

    public Optional<Output<AccountNetworkPolicyEgressNetworkAccessPolicyEnforcementArgs>> policyEnforcement() {
        return Optional.ofNullable(this.policyEnforcement);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<String> restrictionMode;
        private @Nullable Output<List<AccountNetworkPolicyEgressNetworkAccessAllowedInternetDestinationArgs>> allowedInternetDestinations;
        private @Nullable Output<List<AccountNetworkPolicyEgressNetworkAccessAllowedStorageDestinationArgs>> allowedStorageDestinations;
        private @Nullable Output<AccountNetworkPolicyEgressNetworkAccessPolicyEnforcementArgs> policyEnforcement;

        private Builder() {
        }

        public Builder restrictionMode(@Nullable Output<String> restrictionMode) {
            this.restrictionMode = restrictionMode;
            return this;
        }

        public Builder restrictionMode(String restrictionMode) {
            return restrictionMode(Output.of(restrictionMode));
        }

        public Builder allowedInternetDestinations(@Nullable Output<List<AccountNetworkPolicyEgressNetworkAccessAllowedInternetDestinationArgs>> allowedInternetDestinations) {
            this.allowedInternetDestinations = allowedInternetDestinations;
            return this;
        }

        public Builder allowedInternetDestinations(List<AccountNetworkPolicyEgressNetworkAccessAllowedInternetDestinationArgs> allowedInternetDestinations) {
            return allowedInternetDestinations(Output.of(List.copyOf(allowedInternetDestinations)));
        }

        public Builder allowedInternetDestinations(AccountNetworkPolicyEgressNetworkAccessAllowedInternetDestinationArgs... allowedInternetDestinations) {
            return allowedInternetDestinations(List.copyOf(Arrays.asList(allowedInternetDestinations)));
        }

        public Builder allowedStorageDestinations(@Nullable Output<List<AccountNetworkPolicyEgressNetworkAccessAllowedStorageDestinationArgs>> allowedStorageDestinations) {
            this.allowedStorageDestinations = allowedStorageDestinations;
            return this;
        }

        public Builder allowedStorageDestinations(List<AccountNetworkPolicyEgressNetworkAccessAllowedStorageDestinationArgs> allowedStorageDestinations) {
            return allowedStorageDestinations(Output.of(List.copyOf(allowedStorageDestinations)));
        }

        public Builder allowedStorageDestinations(AccountNetworkPolicyEgressNetworkAccessAllowedStorageDestinationArgs... allowedStorageDestinations) {
            return allowedStorageDestinations(List.copyOf(Arrays.asList(allowedStorageDestinations)));
        }

        public Builder policyEnforcement(@Nullable Output<AccountNetworkPolicyEgressNetworkAccessPolicyEnforcementArgs> policyEnforcement) {
            this.policyEnforcement = policyEnforcement;
            return this;
        }

        public Builder policyEnforcement(AccountNetworkPolicyEgressNetworkAccessPolicyEnforcementArgs policyEnforcement) {
            return policyEnforcement(Output.of(policyEnforcement));
        }

        public AccountNetworkPolicyEgressNetworkAccessArgs build() {
            return new AccountNetworkPolicyEgressNetworkAccessArgs(this);
        }
    }
}
