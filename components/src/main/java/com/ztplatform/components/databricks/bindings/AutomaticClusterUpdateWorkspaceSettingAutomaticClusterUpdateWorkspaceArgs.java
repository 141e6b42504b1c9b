package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Optional;

/**
 * Input type {@code databricks:index/AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspace:AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspace}.
 *
 * <ul>
 *   <li>{@code enabled}: (required)</li>
 *   <li>{@code canToggle}: {@code Boolean}</li>
 *   <li>{@code restartEvenIfNoUpdatesAvailable}: {@code Boolean}</li>
 *   <li>{@code maintenanceWindow}:
 *       {@code AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceMaintenanceWindowArgs}</li>
 * </ul>
 */
public final class AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceArgs extends ResourceArgs {
    @Import(name = "enabled", required = true)
    private final Output<Boolean> enabled;

    @Import(name = "canToggle")
    private final @Nullable Output<Boolean> canToggle;

    @Import(name = "restartEvenIfNoUpdatesAvailable")
    private final @Nullable Output<Boolean> restartEvenIfNoUpdatesAvailable;

    @Import(name = "maintenanceWindow")
    private final @Nullable Output<AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceMaintenanceWindowArgs> maintenanceWindow;

    private AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceArgs(Builder builder) {
        this.enabled = Bindings.required(builder.enabled, "AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceArgs.enabled");
        this.canToggle = builder.canToggle;
        this.restartEvenIfNoUpdatesAvailable = builder.restartEvenIfNoUpdatesAvailable;
        this.maintenanceWindow = builder.maintenanceWindow;
    }

    public Output<Boolean> enabled() {
        return this.enabled;
    }

    public Optional<Output<Boolean>> canToggle() {
        return Optional.ofNullable(this.canToggle);
    }

    public Optional<Output<Boolean>> restartEvenIfNoUpdatesAvailable() {
        return Optional.ofNullable(this.restartEvenIfNoUpdatesAvailable);
    }

    public Optional<Output<AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceMaintenanceWindowArgs>> maintenanceWindow() {
        return Optional.ofNullable(this.maintenanceWindow);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<Boolean> enabled;
        private @Nullable Output<Boolean> canToggle;
        private @Nullable Output<Boolean> restartEvenIfNoUpdatesAvailable;
        private @Nullable Output<AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceMaintenanceWindowArgs> maintenanceWindow;

        private Builder() {
        }

        public Builder enabled(@Nullable Output<Boolean> enabled) {
            this.enabled = enabled;
            return this;
        }

        public Builder enabled(Boolean enabled) {
            return enabled(Output.of(enabled));
        }

        public Builder canToggle(@Nullable Output<Boolean> canToggle) {
            this.canToggle = canToggle;
            return this;
        }

        public Builder canToggle(Boolean canToggle) {
            return canToggle(Output.of(canToggle));
        }

        public Builder restartEvenIfNoUpdatesAvailable(@Nullable Output<Boolean> restartEvenIfNoUpdatesAvailable) {
            this.restartEvenIfNoUpdatesAvailable = restartEvenIfNoUpdatesAvailable;
            return this;
        }

        public Builder restartEvenIfNoUpdatesAvailable(Boolean restartEvenIfNoUpdatesAvailable) {
            return restartEvenIfNoUpdatesAvailable(Output.of(restartEvenIfNoUpdatesAvailable));
        }

        public Builder maintenanceWindow(@Nullable Output<AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceMaintenanceWindowArgs> maintenanceWindow) {
            this.maintenanceWindow = maintenanceWindow;
            return this;
        }

        public Builder maintenanceWindow(AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceMaintenanceWindowArgs maintenanceWindow) {
            return maintenanceWindow(Output.of(maintenanceWindow));
        }

        public AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceArgs build() {
            return new AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceArgs(this);
        }
    }
}
