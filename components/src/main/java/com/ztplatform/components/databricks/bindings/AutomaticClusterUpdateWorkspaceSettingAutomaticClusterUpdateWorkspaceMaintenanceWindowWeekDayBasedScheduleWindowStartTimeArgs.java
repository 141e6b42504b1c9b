package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

/**
 * Input type {@code databricks:index/AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceMaintenanceWindowWeekDayBasedScheduleWindowStartTime:AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceMaintenanceWindowWeekDayBasedScheduleWindowStartTime}.
 *
 * <ul>
 *   <li>{@code hours}: (required)</li>
 *   <li>{@code minutes}: (required)</li>
 * </ul>
 */
public final class AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceMaintenanceWindowWeekDayBasedScheduleWindowStartTimeArgs extends ResourceArgs {
    @Import(name = "hours", required = true)
    private final Output<Integer> hours;

    @Import(name = "minutes", required = true)
    private final Output<Integer> minutes;

    private AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceMaintenanceWindowWeekDayBasedScheduleWindowStartTimeArgs(Builder builder) {
        this.hours = Bindings.required(builder.hours, "AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceMaintenanceWindowWeekDayBasedScheduleWindowStartTimeArgs.hours");
        this.minutes = Bindings.required(builder.minutes, "AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceMaintenanceWindowWeekDayBasedScheduleWindowStartTimeArgs.minutes");
    }

    public Output<Integer> hours() {
        return this.hours;
    }

    public Output<Integer> minutes() {
        return this.minutes;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<Integer> hours;
        private @Nullable Output<Integer> minutes;

        private Builder() {
        }

        public Builder hours(@Nullable Output<Integer> hours) {
            this.hours = hours;
            return this;
        }

        public Builder hours(Integer hours) {
            return hours(Output.of(hours));
        }

        public Builder minutes(@Nullable Output<Integer> minutes) {
            this.minutes = minutes;
            return this;
        }

        public Builder minutes(Integer minutes) {
            return minutes(Output.of(minutes));
        }

        public AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceMaintenanceWindowWeekDayBasedScheduleWindowStartTimeArgs build() {
            return new AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceMaintenanceWindowWeekDayBasedScheduleWindowStartTimeArgs(this);
        }
    }
}
