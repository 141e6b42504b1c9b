package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Optional;

/**
 * Input type {@code databricks:index/JobTaskLibrary:JobTaskLibrary}.
 *
 * <ul>
 *   <li>{@code jar}: {@code String}</li>
 *   <li>{@code maven}: {@code JobTaskLibraryMavenArgs}</li>
 * </ul>
 */
public final class JobTaskLibraryArgs extends ResourceArgs {
    @Import(name = "jar")
    private final @Nullable Output<String> jar;

    @Import(name = "maven")
    private final @Nullable Output<JobTaskLibraryMavenArgs> maven;

    private JobTaskLibraryArgs(Builder builder) {
        this.jar = builder.jar;
        this.maven = builder.maven;
    }

    public Optional<Output<String>> jar() {
        return Optional.ofNullable(this.jar);
    }

    public Optional<Output<JobTaskLibraryMavenArgs>> maven() {
        return Optional.ofNullable(this.maven);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<String> jar;
        private @Nullable Output<JobTaskLibraryMavenArgs> maven;

        private Builder() {
        }

        public Builder jar(@Nullable Output<String> jar) {
            this.jar = jar;
            return this;
        }

        public Builder jar(String jar) {
            return jar(Output.of(jar));
        }

        public Builder maven(@Nullable Output<JobTaskLibraryMavenArgs> maven) {
            this.maven = maven;
            return this;
        }

        public Builder maven(JobTaskLibraryMavenArgs maven) {
            return maven(Output.of(maven));
        }

        public JobTaskLibraryArgs build() {
            return new JobTaskLibraryArgs(this);
        }
    }
}
