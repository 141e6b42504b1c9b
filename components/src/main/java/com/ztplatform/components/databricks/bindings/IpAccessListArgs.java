package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Inputs of {@link IpAccessList} ({@code databricks:index/ipAccessList:IpAccessList}).
 *
 * <ul>
 *   <li>{@code label}: (required)</li>
 *   <li>{@code listType}: {@code ALLOW} or {@code BLOCK} (required)</li>
 *   <li>{@code ipAddresses}: IPv4 addresses or CIDR ranges (required)</li>
 *   <li>{@code enabled}: {@code Boolean}</li>
 * </ul>
 */
public final class IpAccessListArgs extends ResourceArgs {
    @Import(name = "label", required = true)
    private final Output<String> label;

    @Import(name = "listType", required = true)
    private final Output<String> listType;

    @Import(name = "ipAddresses", required = true)
    private final Output<List<String>> ipAddresses;

    @Import(name = "enabled")
    private final @Nullable Output<Boolean> enabled;

    private IpAccessListArgs(Builder builder) {
        this.label = Bindings.required(builder.label, "IpAccessListArgs.label");
        this.listType = Bindings.required(builder.listType, "IpAccessListArgs.listType");
        this.ipAddresses = Bindings.required(builder.ipAddresses, "IpAccessListArgs.ipAddresses");
        this.enabled = builder.enabled;
    }

    public Output<String> label() {
        return this.label;
    }

    public Output<String> listType() {
        return this.listType;
    }

    public Output<List<String>> ipAddresses() {
        return this.ipAddresses;
    }

    public Optional<Output<Boolean>> enabled() {
        return Optional.ofNullable(this.enabled);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<String> label;
        private @Nullable Output<String> listType;
        private @Nullable Output<List<String>> ipAddresses;
        private @Nullable Output<Boolean> enabled;

        private Builder() {
        }

        public Builder label(@Nullable Output<String> label) {
            this.label = label;
            return this;
        }

        public Builder label(String label) {
            return label(Output.of(label));
        }

        public Builder listType(@Nullable Output<String> listType) {
            this.listType = listType;
            return this;
        }

        public Builder listType(String listType) {
            return listType(Output.of(listType));
        }

        public Builder ipAddresses(@Nullable Output<List<String>> ipAddresses) {
            this.ipAddresses = ipAddresses;
            return this;
        }

        public Builder ipAddresses(List<String> ipAddresses) {
            return ipAddresses(Output.of(List.copyOf(ipAddresses)));
        }

        public Builder ipAddresses(String... ipAddresses) {
            return ipAddresses(List.copyOf(Arrays.asList(ipAddresses)));
        }

        public Builder enabled(@Nullable Output<Boolean> enabled) {
            this.enabled = enabled;
            return this;
        }

        public Builder enabled(Boolean enabled) {
            return enabled(Output.of(enabled));
        }

        public IpAccessListArgs build() {
            return new IpAccessListArgs(this);
        }
    }
}
