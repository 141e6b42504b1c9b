package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inputs of {@link Job} ({@code databricks:index/job:Job}).
 *
 * <ul>
 *   <li>{@code name}: {@code String}</li>
 *   <li>{@code description}: {@code String}</li>
 *   <li>{@code tasks}: {@code List<JobTaskArgs>}</li>
 *   <li>{@code jobClusters}: {@code List<JobJobClusterArgs>}</li>
 *   <li>{@code schedule}: {@code JobScheduleArgs}</li>
 *   <li>{@code emailNotifications}: {@code JobEmailNotificationsArgs}</li>
 *   <li>{@code maxConcurrentRuns}: {@code Integer}</li>
 *   <li>{@code timeoutSeconds}: {@code Integer}</li>
 *   <li>{@code runAs}: identity the job runs as; a service principal for production jobs</li>
 *   <li>{@code tags}: job tags</li>
 * </ul>
 */
public final class JobArgs extends ResourceArgs {
    @Import(name = "name")
    private final @Nullable Output<String> name;

    @Import(name = "description")
    private final @Nullable Output<String> description;

    @Import(name = "tasks")
    private final @Nullable Output<List<JobTaskArgs>> tasks;

    @Import(name = "jobClusters")
    private final @Nullable Output<List<JobJobClusterArgs>> jobClusters;

    @Import(name = "schedule")
    private final @Nullable Output<JobScheduleArgs> schedule;

    @Import(name = "emailNotifications")
    private final @Nullable Output<JobEmailNotificationsArgs> emailNotifications;

    @Import(name = "maxConcurrentRuns")
    private final @Nullable Output<Integer> maxConcurrentRuns;

    @Import(name = "timeoutSeconds")
    private final @Nullable Output<Integer> timeoutSeconds;

    @Import(name = "runAs")
    private final @Nullable Output<JobRunAsArgs> runAs;

    @Import(name = "tags")
    private final @Nullable Output<Map<String, String>> tags;

    private JobArgs(Builder builder) {
        this.name = builder.name;
        this.description = builder.description;
        this.tasks = builder.tasks;
        this.jobClusters = builder.jobClusters;
        this.schedule = builder.schedule;
        this.emailNotifications = builder.emailNotifications;
        this.maxConcurrentRuns = builder.maxConcurrentRuns;
        this.timeoutSeconds = builder.timeoutSeconds;
        this.runAs = builder.runAs;
        this.tags = builder.tags;
    }

    public Optional<Output<String>> name() {
        return Optional.ofNullable(this.name);
    }

    public Optional<Output<String>> description() {
        return Optional.ofNullable(this.description);
    }

    public Optional<Output<List<JobTaskArgs>>> tasks() {
        return Optional.ofNullable(this.tasks);
    }

    public Optional<Output<List<JobJobClusterArgs>>> jobClusters() {
        return Optional.ofNullable(this.jobClusters);
    }

    public Optional<Output<JobScheduleArgs>> schedule() {
        return Optional.ofNullable(this.schedule);
    }

    public Optional<Output<JobEmailNotificationsArgs>> emailNotifications() {
        return Optional.ofNullable(this.emailNotifications);
    }

    public Optional<Output<Integer>> maxConcurrentRuns() {
        return Optional.ofNullable(this.maxConcurrentRuns);
    }

    public Optional<Output<Integer>> timeoutSeconds() {
        return Optional.ofNullable(this.timeoutSeconds);
    }

    public Optional<Output<JobRunAsArgs>> runAs() {
        return Optional.ofNullable(this.runAs);
    }

    public Optional<Output<Map<String, String>>> tags() {
        return Optional.ofNullable(this.tags);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<String> name;
        private @Nullable Output<String> description;
        private @Nullable Output<List<JobTaskArgs>> tasks;
        private @Nullable Output<List<JobJobClusterArgs>> jobClusters;
        private @Nullable Output<JobScheduleArgs> schedule;
        private @Nullable Output<JobEmailNotificationsArgs> emailNotifications;
        private @Nullable Output<Integer> maxConcurrentRuns;
        private @Nullable Output<Integer> timeoutSeconds;
        private @Nullable Output<JobRunAsArgs> runAs;
        private @Nullable Output<Map<String, String>> tags;

        private Builder() {
        }

        public Builder name(@Nullable Output<String> name) {
            this.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public Builder description(@Nullable Output<String> description) {
            this.description = description;
            return this;
        }

        public Builder description(String description) {
            return description(Output.of(description));
        }

        public Builder tasks(@Nullable Output<List<JobTaskArgs>> tasks) {
            this.tasks = tasks;
            return this;
        }

        public Builder tasks(List<JobTaskArgs> tasks) {
            return tasks(Output.of(List.copyOf(tasks)));
        }

        public Builder tasks(JobTaskArgs... tasks) {
            return tasks(List.copyOf(Arrays.asList(tasks)));
        }

        public Builder jobClusters(@Nullable Output<List<JobJobClusterArgs>> jobClusters) {
            this.jobClusters = jobClusters;
            return this;
        }

        public Builder jobClusters(List<JobJobClusterArgs> jobClusters) {
            return jobClusters(Output.of(List.copyOf(jobClusters)));
        }

        public Builder jobClusters(JobJobClusterArgs... jobClusters) {
            return jobClusters(List.copyOf(Arrays.asList(jobClusters)));
        }

        public Builder schedule(@Nullable Output<JobScheduleArgs> schedule) {
            this.schedule = schedule;
            return this;
        }

        public Builder schedule(JobScheduleArgs schedule) {
            return schedule(Output.of(schedule));
        }

        public Builder emailNotifications(@Nullable Output<JobEmailNotificationsArgs> emailNotifications) {
            this.emailNotifications = emailNotifications;
            return this;
        }

        public Builder emailNotifications(JobEmailNotificationsArgs emailNotifications) {
            return emailNotifications(Output.of(emailNotifications));
        }

        public Builder maxConcurrentRuns(@Nullable Output<Integer> maxConcurrentRuns) {
            this.maxConcurrentRuns = maxConcurrentRuns;
            return this;
        }

        public Builder maxConcurrentRuns(Integer maxConcurrentRuns) {
            return maxConcurrentRuns(Output.of(maxConcurrentRuns));
        }

        public Builder timeoutSeconds(@Nullable Output<Integer> timeoutSeconds) {
            this.timeoutSeconds = timeoutSeconds;
            return this;
        }

        public Builder timeoutSeconds(Integer timeoutSeconds) {
            return timeoutSeconds(Output.of(timeoutSeconds));
        }

        public Builder runAs(@Nullable Output<JobRunAsArgs> runAs) {
            this.runAs = runAs;
            return this;
        }

        public Builder runAs(JobRunAsArgs runAs) {
            return runAs(Output.of(runAs));
        }

        public Builder tags(@Nullable Output<Map<String, String>> tags) {
            this.tags = tags;
            return this;
        }

        public Builder tags(Map<String, String> tags) {
            return tags(Output.of(Map.copyOf(tags)));
        }

        public JobArgs build() {
            return new JobArgs(this);
        }
    }
}
