package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Optional;

/**
 * Input type {@code databricks:index/JobTaskDependsOn:JobTaskDependsOn}.
 *
 * <ul>
 *   <li>{@code taskKey}: (required)</li>
 *   <li>{@code outcome}: {@code "true"} or {@code "false"}, for condition tasks only</li>
 * </ul>
 */
public final class JobTaskDependsOnArgs extends ResourceArgs {
    @Import(name = "taskKey", required = true)
    private final Output<String> taskKey;

    @Import(name = "outcome")
    private final @Nullable Output<String> outcome;

    private JobTaskDependsOnArgs(Builder builder) {
        this.taskKey = Bindings.required(builder.taskKey, "JobTaskDependsOnArgs.taskKey");
        this.outcome = builder.outcome;
    }

    public Output<String> taskKey() {
        return this.taskKey;
    }

    public Optional<Output<String>> outcome() {
        return Optional.ofNullable(this.outcome);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<String> taskKey;
        private @Nullable Output<String> outcome;

        private Builder() {
        }

        public Builder taskKey(@Nullable Output<String> taskKey) {
            this.taskKey = taskKey;
            return this;
        }

        public Builder taskKey(String taskKey) {
            return taskKey(Output.of(taskKey));
        }

        public Builder outcome(@Nullable Output<String> outcome) {
            this.outcome = outcome;
            return this;
        }

        public Builder outcome(String outcome) {
            return outcome(Output.of(outcome));
        }

        public JobTaskDependsOnArgs build() {
            return new JobTaskDependsOnArgs(this);
        }
    }
}
