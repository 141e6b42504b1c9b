package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Optional;

/**
 * Input type {@code databricks:index/JobJobCluster:JobJobCluster}.
 *
 * <ul>
 *   <li>{@code jobClusterKey}: (required)</li>
 *   <li>{@code newCluster}: {@code JobJobClusterNewClusterArgs}</li>
 * </ul>
 */
public final class JobJobClusterArgs extends ResourceArgs {
    @Import(name = "jobClusterKey", required = true)
    private final Output<String> jobClusterKey;

    @Import(name = "newCluster")
    private final @Nullable Output<JobJobClusterNewClusterArgs> newCluster;

    private JobJobClusterArgs(Builder builder) {
        this.jobClusterKey = Bindings.required(builder.jobClusterKey, "JobJobClusterArgs.jobClusterKey");
        this.newCluster = builder.newCluster;
    }

    public Output<String> jobClusterKey() {
        return this.jobClusterKey;
    }

    public Optional<Output<JobJobClusterNewClusterArgs>> newCluster() {
        return Optional.ofNullable(this.newCluster);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<String> jobClusterKey;
        private @Nullable Output<JobJobClusterNewClusterArgs> newCluster;

        private Builder() {
        }

        public Builder jobClusterKey(@Nullable Output<String> jobClusterKey) {
            this.jobClusterKey = jobClusterKey;
            return this;
        }

        public Builder jobClusterKey(String jobClusterKey) {
            return jobClusterKey(Output.of(jobClusterKey));
        }

        public Builder newCluster(@Nullable Output<JobJobClusterNewClusterArgs> newCluster) {
            this.newCluster = newCluster;
            return this;
        }

        public Builder newCluster(JobJobClusterNewClusterArgs newCluster) {
            return newCluster(Output.of(newCluster));
        }

        public JobJobClusterArgs build() {
            return new JobJobClusterArgs(this);
        }
    }
}
