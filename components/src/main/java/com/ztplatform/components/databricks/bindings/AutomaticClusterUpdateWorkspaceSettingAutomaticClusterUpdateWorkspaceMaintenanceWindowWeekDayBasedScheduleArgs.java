package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Optional;

/**
 * Input type {@code databricks:index/AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceMaintenanceWindowWeekDayBasedSchedule:AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceMaintenanceWindowWeekDayBasedSchedule}.
 *
 * <ul>
 *   <li>{@code dayOfWeek}: like {@code SUNDAY} (required)</li>
 *   <li>{@code frequency}: like {@code EVERY_WEEK} or {@code FIRST_OF_MONTH} (required)</li>
 *   <li>{@code windowStartTime}:
 *       {@code AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceMaintenanceWindowWeekDayBasedScheduleWindowStartTimeArgs}</li>
 * </ul>
 */
public final class AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceMaintenanceWindowWeekDayBasedScheduleArgs extends ResourceArgs {
    @Import(name = "dayOfWeek", required = true)
    private final Output<String> dayOfWeek;

    @Import(name = "frequency", required = true)
    private final Output<String> frequency;

    @Import(name = "windowStartTime")
    private final @Nullable Output<AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceMaintenanceWindowWeekDayBasedScheduleWindowStartTimeArgs> windowStartTime;

    private AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceMaintenanceWindowWeekDayBasedScheduleArgs(Builder builder) {
        this.dayOfWeek = Bindings.required(builder.dayOfWeek, "AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceMaintenanceWindowWeekDayBasedScheduleArgs.dayOfWeek");
        this.frequency = Bindings.required(builder.frequency, "AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceMaintenanceWindowWeekDayBasedScheduleArgs.frequency");
        this.windowStartTime = builder.windowStartTime;
    }

    public Output<String> dayOfWeek() {
        return this.dayOfWeek;
    }

    public Output<String> frequency() {
        return this.frequency;
    }

    public Optional<Output<AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceMaintenanceWindowWeekDayBasedScheduleWindowStartTimeArgs>> windowStartTime() {
        return Optional.ofNullable(this.windowStartTime);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<String> dayOfWeek;
        private @Nullable Output<String> frequency;
        private @Nullable Output<AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceMaintenanceWindowWeekDayBasedScheduleWindowStartTimeArgs> windowStartTime;

        private Builder() {
        }

        public Builder dayOfWeek(@Nullable Output<String> dayOfWeek) {
            this.dayOfWeek = dayOfWeek;
            return this;
        }

        public Builder dayOfWeek(String dayOfWeek) {
            return dayOfWeek(Output.of(dayOfWeek));
        }

        public Builder frequency(@Nullable Output<String> frequency) {
            this.frequency = frequency;
            return this;
        }

        public Builder frequency(String frequency) {
            return frequency(Output.of(frequency));
        }

        public Builder windowStartTime(@Nullable Output<AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceMaintenanceWindowWeekDayBasedScheduleWindowStartTimeArgs> windowStartTime) {
            this.windowStartTime = windowStartTime;
            return this;
        }

        public Builder windowStartTime(AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceMaintenanceWindowWeekDayBasedScheduleWindowStartTimeArgs windowStartTime) {
            return windowStartTime(Output.of(windowStartTime));
        }

        public AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceMaintenanceWindowWeekDayBasedScheduleArgs build() {
            return new AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceMaintenanceWindowWeekDayBasedScheduleArgs(this);
        }
    }
}
