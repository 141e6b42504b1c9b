package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Optional;

/**
 * Input type {@code databricks:index/JobRunAs:JobRunAs}.
 *
 * <ul>
 *   <li>{@code servicePrincipalName}: {@code String}</li>
 *   <li>{@code userName}: {@code String}</li>
 * </ul>
 */
public final class JobRunAsArgs extends ResourceArgs {
    @Import(name = "servicePrincipalName")
    private final @Nullable Output<String> servicePrincipalName;

    @Import(name = "userName")
    private final @Nullable Output<String> userName;

    private JobRunAsArgs(Builder builder) {
        this.servicePrincipalName = builder.servicePrincipalName;
        this.userName = builder.userName;
    }

    public Optional<Output<String>> servicePrincipalName() {
        return Optional.ofNullable(this.servicePrincipalName);
    }

    public Optional<Output<String>> userName() {
        return Optional.ofNullable(this.userName);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<String> servicePrincipalName;
        private @Nullable Output<String> userName;

        private Builder() {
        }

        public Builder servicePrincipalName(@Nullable Output<String> servicePrincipalName) {
            this.servicePrincipalName = servicePrincipalName;
            return this;
        }

        public Builder servicePrincipalName(String servicePrincipalName) {
            return servicePrincipalName(Output.of(servicePrincipalName));
        }

        public Builder userName(@Nullable Output<String> userName) {
            this.userName = userName;
            return this;
        }

        public Builder userName(String userName) {
            return userName(Output.of(userName));
        }

        public JobRunAsArgs build() {
            return new JobRunAsArgs(this);
        }
    }
}
