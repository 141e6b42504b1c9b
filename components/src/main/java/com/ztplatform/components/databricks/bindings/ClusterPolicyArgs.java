package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Optional;

/**
 * Inputs of {@link ClusterPolicy} ({@code databricks:index/clusterPolicy:ClusterPolicy}).
 *
 * <ul>
 *   <li>{@code name}: {@code String}</li>
 *   <li>{@code definition}: policy definition as a JSON document</li>
 *   <li>{@code description}: {@code String}</li>
 *   <li>{@code maxClustersPerUser}: {@code Integer}</li>
 *   <li>{@code policyFamilyId}: {@code String}</li>
 *   <li>{@code policyFamilyDefinitionOverrides}: {@code String}</li>
 * </ul>
 */
public final class ClusterPolicyArgs extends ResourceArgs {
    @Import(name = "name")
    private final @Nullable Output<String> name;

    @Import(name = "definition")
    private final @Nullable Output<String> definition;

    @Import(name = "description")
    private final @Nullable Output<String> description;

    @Import(name = "maxClustersPerUser")
    private final @Nullable Output<Integer> maxClustersPerUser;

    @Import(name = "policyFamilyId")
    private final @Nullable Output<String> policyFamilyId;

    @Import(name = "policyFamilyDefinitionOverrides")
    private final @Nullable Output<String> policyFamilyDefinitionOverrides;

    private ClusterPolicyArgs(Builder builder) {
        this.name = builder.name;
        this.definition = builder.definition;
        this.description = builder.description;
        this.maxClustersPerUser = builder.maxClustersPerUser;
        this.policyFamilyId = builder.policyFamilyId;
        this.policyFamilyDefinitionOverrides = builder.policyFamilyDefinitionOverrides;
    }

    public Optional<Output<String>> name() {
        return Optional.ofNullable(this.name);
    }

    public Optional<Output<String>> definition() {
        return Optional.ofNullable(this.definition);
    }

    public Optional<Output<String>> description() {
        return Optional.ofNullable(this.description);
    }

    public Optional<Output<Integer>> maxClustersPerUser() {
        return Optional.ofNullable(this.maxClustersPerUser);
    }

    public Optional<Output<String>> policyFamilyId() {
        return Optional.ofNullable(this.policyFamilyId);
    }

    public Optional<Output<String>> policyFamilyDefinitionOverrides() {
        return Optional.ofNullable(this.policyFamilyDefinitionOverrides);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<String> name;
        private @Nullable Output<String> definition;
        private @Nullable Output<String> description;
        private @Nullable Output<Integer> maxClustersPerUser;
        private @Nullable Output<String> policyFamilyId;
        private @Nullable Output<String> policyFamilyDefinitionOverrides;

        private Builder() {
        }

        public Builder name(@Nullable Output<String> name) {
            this.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public Builder definition(@Nullable Output<String> definition) {
            this.definition = definition;
            return this;
        }

        public Builder definition(String definition) {
            return definition(Output.of(definition));
        }

        public Builder description(@Nullable Output<String> description) {
            this.description = description;
            return this;
        }

        public Builder description(String description) {
            return description(Output.of(description));
        }

        public Builder maxClustersPerUser(@Nullable Output<Integer> maxClustersPerUser) {
            this.maxClustersPerUser = maxClustersPerUser;
            return this;
        }

        public Builder maxClustersPerUser(Integer maxClustersPerUser) {
            return maxClustersPerUser(Output.of(maxClustersPerUser));
        }

        public Builder policyFamilyId(@Nullable Output<String> policyFamilyId) {
            this.policyFamilyId = policyFamilyId;
            return this;
        }

        public Builder policyFamilyId(String policyFamilyId) {
            return policyFamilyId(Output.of(policyFamilyId));
        }

        public Builder policyFamilyDefinitionOverrides(@Nullable Output<String> policyFamilyDefinitionOverrides) {
            this.policyFamilyDefinitionOverrides = policyFamilyDefinitionOverrides;
            return this;
        }

        public Builder policyFamilyDefinitionOverrides(String policyFamilyDefinitionOverrides) {
            return policyFamilyDefinitionOverrides(Output.of(policyFamilyDefinitionOverrides));
        }

        public ClusterPolicyArgs build() {
            return new ClusterPolicyArgs(this);
        }
    }
}
