package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Input type {@code databricks:index/JobTaskSparkJarTask:JobTaskSparkJarTask}.
 *
 * <ul>
 *   <li>{@code mainClassName}: {@code String}</li>
 *   <li>{@code parameters}: {@code List<String>}</li>
 * </ul>
 */
public final class JobTaskSparkJarTaskArgs extends ResourceArgs {
    @Import(name = "mainClassName")
    private final @Nullable Output<String> mainClassName;

    @Import(name = "parameters")
    private final @Nullable Output<List<String>> parameters;

    private JobTaskSparkJarTaskArgs(Builder builder) {
        this.mainClassName = builder.mainClassName;
        this.parameters = builder.parameters;
    }

    public Optional<Output<String>> mainClassName() {
        return Optional.ofNullable(this.mainClassName);
    }

    public Optional<Output<List<String>>> parameters() {
        return Optional.ofNullable(this.parameters);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<String> mainClassName;
        private @Nullable Output<List<String>> parameters;

        private Builder() {
        }

        public Builder mainClassName(@Nullable Output<String> mainClassName) {
            this.mainClassName = mainClassName;
            return this;
        }

        public Builder mainClassName(String mainClassName) {
            return mainClassName(Output.of(mainClassName));
        }

        public Builder parameters(@Nullable Output<List<String>> parameters) {
            this.parameters = parameters;
            return this;
        }

        public Builder parameters(List<String> parameters) {
            return parameters(Output.of(List.copyOf(parameters)));
        }

        public Builder parameters(String... parameters) {
            return parameters(List.copyOf(Arrays.asList(parameters)));
        }

        public JobTaskSparkJarTaskArgs build() {
            return new JobTaskSparkJarTaskArgs(this);
        }
    }
}
