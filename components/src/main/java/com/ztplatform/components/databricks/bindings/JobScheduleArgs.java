package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Optional;

/**
 * Input type {@code databricks:index/JobSchedule:JobSchedule}.
 *
 * <ul>
 *   <li>{@code quartzCronExpression}: Quartz cron, like {@code 0 0 2 * * ?} (required)</li>
 *   <li>{@code timezoneId}: Java time zone id, like {@code Europe/Amsterdam} (required)</li>
 *   <li>{@code pauseStatus}: {@code PAUSED} or {@code UNPAUSED}</li>
 * </ul>
 */
public final class JobScheduleArgs extends ResourceArgs {
    @Import(name = "quartzCronExpression", required = true)
    private final Output<String> quartzCronExpression;

    @Import(name = "timezoneId", required = true)
    private final Output<String> timezoneId;

    @Import(name = "pauseStatus")
    private final @Nullable Output<String> pauseStatus;

    private JobScheduleArgs(Builder builder) {
        this.quartzCronExpression = Bindings.required(builder.quartzCronExpression, "JobScheduleArgs.quartzCronExpression");
        this.timezoneId = Bindings.required(builder.timezoneId, "JobScheduleArgs.timezoneId");
        this.pauseStatus = builder.pauseStatus;
    }

    public Output<String> quartzCronExpression() {
        return this.quartzCronExpression;
    }

    public Output<String> timezoneId() {
        return this.timezoneId;
    }

    public Optional<Output<String>> pauseStatus() {
        return Optional.ofNullable(this.pauseStatus);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<String> quartzCronExpression;
        private @Nullable Output<String> timezoneId;
        private @Nullable Output<String> pauseStatus;

        private Builder() {
        }

        public Builder quartzCronExpression(@Nullable Output<String> quartzCronExpression) {
            this.quartzCronExpression = quartzCronExpression;
            return this;
        }

        public Builder quartzCronExpression(String quartzCronExpression) {
            return quartzCronExpression(Output.of(quartzCronExpression));
        }

        public Builder timezoneId(@Nullable Output<String> timezoneId) {
            this.timezoneId = timezoneId;
            return this;
        }

        public Builder timezoneId(String timezoneId) {
            return timezoneId(Output.of(timezoneId));
        }

        public Builder pauseStatus(@Nullable Output<String> pauseStatus) {
            this.pauseStatus = pauseStatus;
            return this;
        }

        public Builder pauseStatus(String pauseStatus) {
            return pauseStatus(Output.of(pauseStatus));
        }

        public JobScheduleArgs build() {
            return new JobScheduleArgs(this);
        }
    }
}
