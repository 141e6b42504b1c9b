package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Optional;

/**
 * Inputs of {@link AccountNetworkPolicy} ({@code databricks:index/accountNetworkPolicy:AccountNetworkPolicy}).
 *
 * <ul>
 *   <li>{@code accountId}: Databricks account id</li>
 *   <li>{@code networkPolicyId}: id of the policy; {@link WorkspaceNetworkOption} refers to it</li>
 *   <li>{@code egress}: {@code AccountNetworkPolicyEgressArgs}</li>
 * </ul>
 */
public final class AccountNetworkPolicyArgs extends ResourceArgs {
    @Import(name = "accountId")
    private final @Nullable Output<String> accountId;

    @Import(name = "networkPolicyId")
    private final @Nullable Output<String> networkPolicyId;

    @Import(name = "egress")
    private final @Nullable Output<AccountNetworkPolicyEgressArgs> egress;

    private AccountNetworkPolicyArgs(Builder builder) {
        this.accountId = builder.accountId;
        this.networkPolicyId = builder.networkPolicyId;
        this.egress = builder.egress;
    }

    public Optional<Output<String>> accountId() {
        return Optional.ofNullable(this.accountId);
    }

    public Optional<Output<String>> networkPolicyId() {
        return Optional.ofNullable(this.networkPolicyId);
    }

    public Optional<Output<AccountNetworkPolicyEgressArgs>> egress() {
        return Optional.ofNullable(this.egress);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<String> accountId;
        private @Nullable Output<String> networkPolicyId;
        private @Nullable Output<AccountNetworkPolicyEgressArgs> egress;

        private Builder() {
        }

        public Builder accountId(@Nullable Output<String> accountId) {
            this.accountId = accountId;
            return this;
        }

        public Builder accountId(String accountId) {
            return accountId(Output.of(accountId));
        }

        public Builder networkPolicyId(@Nullable Output<String> networkPolicyId) {
            this.networkPolicyId = networkPolicyId;
            return this;
        }

        public Builder networkPolicyId(String networkPolicyId) {
            return networkPolicyId(Output.of(networkPolicyId));
        }

        public Builder egress(@Nullable Output<AccountNetworkPolicyEgressArgs> egress) {
            this.egress = egress;
            return this;
        }

        public Builder egress(AccountNetworkPolicyEgressArgs egress) {
            return egress(Output.of(egress));
        }

        public AccountNetworkPolicyArgs build() {
            return new AccountNetworkPolicyArgs(this);
        }
    }
}
