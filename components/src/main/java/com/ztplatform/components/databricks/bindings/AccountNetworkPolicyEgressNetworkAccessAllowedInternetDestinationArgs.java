package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Optional;

/**
 * Input type {@code databricks:index/AccountNetworkPolicyEgressNetworkAccessAllowedInternetDestination:AccountNetworkPolicyEgressNetworkAccessAllowedInternetDestination}.
 *
 * <ul>
 *   <li>{@code destination}: {@code String}</li>
 *   <li>{@code internetDestinationType}: {@code DNS_NAME}</li>
 * </ul>
 */
public final class AccountNetworkPolicyEgressNetworkAccessAllowedInternetDestinationArgs extends ResourceArgs {
    @Import(name = "destination")
    private final @Nullable Output<String> destination;

    @Import(name = "internetDestinationType")
    private final @Nullable Output<String> internetDestinationType;

    private AccountNetworkPolicyEgressNetworkAccessAllowedInternetDestinationArgs(Builder builder) {
        this.destination = builder.destination;
        this.internetDestinationType = builder.internetDestinationType;
    }

    public Optional<Output<String>> destination() {
        return Optional.ofNullable(this.destination);
    }

    public Optional<Output<String>> internetDestinationType() {
        return Optional.ofNullable(this.internetDestinationType);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<String> destination;
        private @Nullable Output<String> internetDestinationType;

        private Builder() {
        }

        public Builder destination(@Nullable Output<String> destination) {
            this.destination = destination;
            return this;
        }

        public Builder destination(String destination) {
            return destination(Output.of(destination));
        }

        public Builder internetDestinationType(@Nullable Output<String> internetDestinationType) {
            this.internetDestinationType = internetDestinationType;
            return this;
        }

        public Builder internetDestinationType(String internetDestinationType) {
            return internetDestinationType(Output.of(internetDestinationType));
        }

        public AccountNetworkPolicyEgressNetworkAccessAllowedInternetDestinationArgs build() {
            return new AccountNetworkPolicyEgressNetworkAccessAllowedInternetDestinationArgs(this);
        }
    }
}
