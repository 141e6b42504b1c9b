package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Optional;

/**
 * Input type {@code databricks:index/JobJobClusterNewClusterAutoscale:JobJobClusterNewClusterAutoscale}.
 *
 * <ul>
 *   <li>{@code minWorkers}: {@code Integer}</li>
 *   <li>{@code maxWorkers}: {@code Integer}</li>
 * </ul>
 */
public final class JobJobClusterNewClusterAutoscaleArgs extends ResourceArgs {
    @Import(name = "minWorkers")
    private final @Nullable Output<Integer> minWorkers;

    @Import(name = "maxWorkers")
    private final @Nullable Output<Integer> maxWorkers;

    private JobJobClusterNewClusterAutoscaleArgs(Builder builder) {
        this.minWorkers = builder.minWorkers;
        this.maxWorkers = builder.maxWorkers;
    }

    public Optional<Output<Integer>> minWorkers() {
        return Optional.ofNullable(this.minWorkers);
    }

    public Optional<Output<Integer>> maxWorkers() {
        return Optional.ofNullable(this.maxWorkers);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<Integer> minWorkers;
        private @Nullable Output<Integer> maxWorkers;

        private Builder() {
        }

        public Builder minWorkers(@Nullable Output<Integer> minWorkers) {
            this.minWorkers = minWorkers;
            return this;
        }

        public Builder minWorkers(Integer minWorkers) {
            return minWorkers(Output.of(minWorkers));
        }

        public Builder maxWorkers(@Nullable Output<Integer> maxWorkers) {
            this.maxWorkers = maxWorkers;
            return this;
        }

        public Builder maxWorkers(Integer maxWorkers) {
            return maxWorkers(Output.of(maxWorkers));
        }

        public JobJobClusterNewClusterAutoscaleArgs build() {
            return new JobJobClusterNewClusterAutoscaleArgs(this);
        }
    }
}
