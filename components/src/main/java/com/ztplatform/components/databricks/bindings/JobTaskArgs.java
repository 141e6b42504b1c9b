package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Input type {@code databricks:index/JobTask:JobTask}.
 *
 * <ul>
 *   <li>{@code taskKey}: (required)</li>
 *   <li>{@code description}: {@code String}</li>
 *   <li>{@code jobClusterKey}: {@code String}</li>
 *   <li>{@code sparkJarTask}: {@code JobTaskSparkJarTaskArgs}</li>
 *   <li>{@code libraries}: {@code List<JobTaskLibraryArgs>}</li>
 *   <li>{@code dependsOns}: {@code List<JobTaskDependsOnArgs>}</li>
 *   <li>{@code runIf}: like {@code ALL_SUCCESS} (default)</li>
 *   <li>{@code maxRetries}: {@code Integer}</li>
 *   <li>{@code minRetryIntervalMillis}: {@code Integer}</li>
 *   <li>{@code retryOnTimeout}: {@code Boolean}</li>
 *   <li>{@code timeoutSeconds}: {@code Integer}</li>
 *   <li>{@code emailNotifications}: {@code JobTaskEmailNotificationsArgs}</li>
 * </ul>
 */
public final class JobTaskArgs extends ResourceArgs {
    @Import(name = "taskKey", required = true)
    private final Output<String> taskKey;

    @Import(name = "description")
    private final @Nullable Output<String> description;

    @Import(name = "jobClusterKey")
    private final @Nullable Output<String> jobClusterKey;

    @Import(name = "sparkJarTask")
    private final @Nullable Output<JobTaskSparkJarTaskArgs> sparkJarTask;

    @Import(name = "libraries")
    private final @Nullable Output<List<JobTaskLibraryArgs>> libraries;

    @Import(name = "dependsOns")
    private final @Nullable Output<List<JobTaskDependsOnArgs>> dependsOns;

    @Import(name = "runIf")
    private final @Nullable Output<String> runIf;

    @Import(name = "maxRetries")
    private final @Nullable Output<Integer> maxRetries;

    @Import(name = "minRetryIntervalMillis")
    private final @Nullable Output<Integer> minRetryIntervalMillis;

    @Import(name = "retryOnTimeout")
    private final @Nullable Output<Boolean> retryOnTimeout;

    @Import(name = "timeoutSeconds")
    private final @Nullable Output<Integer> timeoutSeconds;

    @Import(name = "emailNotifications")
    private final @Nullable Output<JobTaskEmailNotificationsArgs> emailNotifications;

    private JobTaskArgs(Builder builder) {
        this.taskKey = Bindings.required(builder.taskKey, "JobTaskArgs.taskKey");
        this.description = builder.description;
        this.jobClusterKey = builder.jobClusterKey;
        this.sparkJarTask = builder.sparkJarTask;
        this.libraries = builder.libraries;
        this.dependsOns = builder.dependsOns;
        this.runIf = builder.runIf;
        this.maxRetries = builder.maxRetries;
        this.minRetryIntervalMillis = builder.minRetryIntervalMillis;
        this.retryOnTimeout = builder.retryOnTimeout;
        this.timeoutSeconds = builder.timeoutSeconds;
        this.emailNotifications = builder.emailNotifications;
    }

    public Output<String> taskKey() {
        return this.taskKey;
    }

    public Optional<Output<String>> description() {
        return Optional.ofNullable(this.description);
    }

    public Optional<Output<String>> jobClusterKey() {
        return Optional.ofNullable(this.jobClusterKey);
    }

    public Optional<Output<JobTaskSparkJarTaskArgs>> sparkJarTask() {
        return Optional.ofNullable(this.sparkJarTask);
    }

    public Optional<Output<List<JobTaskLibraryArgs>>> libraries() {
        return Optional.ofNullable(this.libraries);
    }

    public Optional<Output<List<JobTaskDependsOnArgs>>> dependsOns() {
        return Optional.ofNullable(this.dependsOns);
    }

    public Optional<Output<String>> runIf() {
        return Optional.ofNullable(this.runIf);
    }

    public Optional<Output<Integer>> maxRetries() {
        return Optional.ofNullable(this.maxRetries);
    }

    public Optional<Output<Integer>> minRetryIntervalMillis() {
        return Optional.ofNullable(this.minRetryIntervalMillis);
    }

    public Optional<Output<Boolean>> retryOnTimeout() {
        return Optional.ofNullable(this.retryOnTimeout);
    }

    public Optional<Output<Integer>> timeoutSeconds() {
        return Optional.ofNullable(this.timeoutSeconds);
    }

    public Optional<Output<JobTaskEmailNotificationsArgs>> emailNotifications() {
        return Optional.ofNullable(this.emailNotifications);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<String> taskKey;
        private @Nullable Output<String> description;
        private @Nullable Output<String> jobClusterKey;
        private @Nullable Output<JobTaskSparkJarTaskArgs> sparkJarTask;
        private @Nullable Output<List<JobTaskLibraryArgs>> libraries;
        private @Nullable Output<List<JobTaskDependsOnArgs>> dependsOns;
        private @Nullable Output<String> runIf;
        private @Nullable Output<Integer> maxRetries;
        private @Nullable Output<Integer> minRetryIntervalMillis;
        private @Nullable Output<Boolean> retryOnTimeout;
        private @Nullable Output<Integer> timeoutSeconds;
        private @Nullable Output<JobTaskEmailNotificationsArgs> emailNotifications;

        private Builder() {
        }

        public Builder taskKey(@Nullable Output<String> taskKey) {
            this.taskKey = taskKey;
            return this;
        }

        public Builder taskKey(String taskKey) {
            return taskKey(Output.of(taskKey));
        }

        public Builder description(@Nullable Output<String> description) {
            this.description = description;
            return this;
        }

        public Builder description(String description) {
            return description(Output.of(description));
        }

        public Builder jobClusterKey(@Nullable Output<String> jobClusterKey) {
            this.jobClusterKey = jobClusterKey;
            return this;
        }

        public Builder jobClusterKey(String jobClusterKey) {
            return jobClusterKey(Output.of(jobClusterKey));
        }

        public Builder sparkJarTask(@Nullable Output<JobTaskSparkJarTaskArgs> sparkJarTask) {
            this.sparkJarTask = sparkJarTask;
            return this;
        }

        public Builder sparkJarTask(JobTaskSparkJarTaskArgs sparkJarTask) {
            return sparkJarTask(Output.of(sparkJarTask));
        }

        public Builder libraries(@Nullable Output<List<JobTaskLibraryArgs>> libraries) {
            this.libraries = libraries;
            return this;
        }

        public Builder libraries(List<JobTaskLibraryArgs> libraries) {
            return libraries(Output.of(List.copyOf(libraries)));
        }

        public Builder libraries(JobTaskLibraryArgs... libraries) {
            return libraries(List.copyOf(Arrays.asList(libraries)));
        }

        public Builder dependsOns(@Nullable Output<List<JobTaskDependsOnArgs>> dependsOns) {
            this.dependsOns = dependsOns;
            return this;
        }

        public Builder dependsOns(List<JobTaskDependsOnArgs> dependsOns) {
            return dependsOns(Output.of(List.copyOf(dependsOns)));
        }

        public Builder dependsOns(JobTaskDependsOnArgs... dependsOns) {
            return dependsOns(List.copyOf(Arrays.asList(dependsOns)));
        }

        public Builder runIf(@Nullable Output<String> runIf) {
            this.runIf = runIf;
            return this;
        }

        public Builder runIf(String runIf) {
            return runIf(Output.of(runIf));
        }

        public Builder maxRetries(@Nullable Output<Integer> maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        public Builder maxRetries(Integer maxRetries) {
            return maxRetries(Output.of(maxRetries));
        }

        public Builder minRetryIntervalMillis(@Nullable Output<Integer> minRetryIntervalMillis) {
            this.minRetryIntervalMillis = minRetryIntervalMillis;
            return this;
        }

        public Builder minRetryIntervalMillis(Integer minRetryIntervalMillis) {
            return minRetryIntervalMillis(Output.of(minRetryIntervalMillis));
        }

        public Builder retryOnTimeout(@Nullable Output<Boolean> retryOnTimeout) {
            this.retryOnTimeout = retryOnTimeout;
            return this;
        }

        public Builder retryOnTimeout(Boolean retryOnTimeout) {
            return retryOnTimeout(Output.of(retryOnTimeout));
        }

        public Builder timeoutSeconds(@Nullable Output<Integer> timeoutSeconds) {
            this.timeoutSeconds = timeoutSeconds;
            return this;
        }

        public Builder timeoutSeconds(Integer timeoutSeconds) {
            return timeoutSeconds(Output.of(timeoutSeconds));
        }

        public Builder emailNotifications(@Nullable Output<JobTaskEmailNotificationsArgs> emailNotifications) {
            this.emailNotifications = emailNotifications;
            return this;
        }

        public Builder emailNotifications(JobTaskEmailNotificationsArgs emailNotifications) {
            return emailNotifications(Output.of(emailNotifications));
        }

        public JobTaskArgs build() {
            return new JobTaskArgs(this);
        }
    }
}
