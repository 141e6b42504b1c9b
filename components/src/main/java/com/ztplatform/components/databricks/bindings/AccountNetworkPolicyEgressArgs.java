package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Optional;

/**
 * Input type {@code databricks:index/AccountNetworkPolicyEgress:AccountNetworkPolicyEgress}.
 *
 * <ul>
 *   <li>{@code networkAccess}: {@code AccountNetworkPolicyEgressNetworkAccessArgs}</li>
 * </ul>
 */
public final class AccountNetworkPolicyEgressArgs extends ResourceArgs {
    @Import(name = "networkAccess")
    private final @Nullable Output<AccountNetworkPolicyEgressNetworkAccessArgs> networkAccess;

    private AccountNetworkPolicyEgressArgs(Builder builder) {
        this.networkAccess = builder.networkAccess;
    }

    public Optional<Output<AccountNetworkPolicyEgressNetworkAccessArgs>> networkAccess() {
        return Optional.ofNullable(this.networkAccess);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<AccountNetworkPolicyEgressNetworkAccessArgs> networkAccess;

        private Builder() {
        }

        public Builder networkAccess(@Nullable Output<AccountNetworkPolicyEgressNetworkAccessArgs> networkAccess) {
            this.networkAccess = networkAccess;
            return this;
        }

        public Builder networkAccess(AccountNetworkPolicyEgressNetworkAccessArgs networkAccess) {
            return networkAccess(Output.of(networkAccess));
        }

        public AccountNetworkPolicyEgressArgs build() {
            return new AccountNetworkPolicyEgressArgs(this);
        }
    }
}
