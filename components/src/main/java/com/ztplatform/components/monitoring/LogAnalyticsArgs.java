package com.ztplatform.components.monitoring;

import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Arguments of {@link LogAnalytics}. Build with {@link #builder()}; every field is checked when the component is
 * constructed.
 *
 * @param resourceGroupName  where a new workspace goes (required unless {@code existingWorkspaceId} is set)
 * @param location           Azure region, like westeurope (required unless {@code existingWorkspaceId} is set)
 * @param naming             prefix and environment (required unless {@code existingWorkspaceId} is set)
 * @param retentionInDays    30-730 days of interactive retention. Default: {@value #DEFAULT_RETENTION_DAYS}
 * @param existingWorkspaceId use this workspace instead of creating one, like
 *                           /subscriptions/.../resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/law-central.
 *                           Default: none (a workspace is created in the hub)
 * @param common             tags and protect. Default: {@link CommonOptions#defaults()}
 */
public record LogAnalyticsArgs(Output<String> resourceGroupName, String location, Naming naming, int retentionInDays,
                               Optional<String> existingWorkspaceId, CommonOptions common) {
    public static final int DEFAULT_RETENTION_DAYS = 90;
    static final Pattern WORKSPACE_ID = Pattern.compile(
            "^/subscriptions/[0-9a-fA-F-]{36}/resourceGroups/[^/]+/providers/Microsoft\\.OperationalInsights/workspaces/[^/]+$");

    public LogAnalyticsArgs {
        Objects.requireNonNull(existingWorkspaceId, "existingWorkspaceId");
        Objects.requireNonNull(common, "common");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Problems of the retention and workspace settings, each starting with {@code path} (empty or ending with '.'). */
    public static List<String> settingsProblems(String path, int retentionInDays, Optional<String> existingWorkspaceId) {
        var problems = new ArrayList<String>();
        if (retentionInDays < 30 || retentionInDays > 730) {
            problems.add(path + "retentionInDays must be between 30 and 730, like 90, got " + retentionInDays);
        }
        existingWorkspaceId.filter(id -> !WORKSPACE_ID.matcher(id).matches()).ifPresent(id -> problems.add(path
                + "existingWorkspaceId must be a Log Analytics workspace resource id like /subscriptions/<GUID>/"
                + "resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/law-central, got '" + id + "'"));
        return problems;
    }

    public List<String> problems() {
        var problems = new ArrayList<String>(settingsProblems("", retentionInDays, existingWorkspaceId));
        if (existingWorkspaceId.isEmpty()) {
            if (resourceGroupName == null) {
                problems.add("resourceGroupName is required when no existingWorkspaceId is given, like hubRg.name()");
            }
            if (location == null || location.isBlank()) {
                problems.add("location is required when no existingWorkspaceId is given, like westeurope");
            }
            if (naming == null) {
                problems.add("naming is required when no existingWorkspaceId is given, like new Naming(\"ztp\", \"dev\")");
            }
        }
        return problems;
    }

    public static final class Builder {
        private Output<String> resourceGroupName;
        private String location;
        private Naming naming;
        private int retentionInDays = DEFAULT_RETENTION_DAYS;
        private Optional<String> existingWorkspaceId = Optional.empty();
        private CommonOptions common = CommonOptions.defaults();

        private Builder() {
        }

        public Builder resourceGroupName(Output<String> value) { this.resourceGroupName = value; return this; }
        public Builder location(String value) { this.location = value; return this; }
        public Builder naming(Naming value) { this.naming = value; return this; }
        public Builder retentionInDays(int value) { this.retentionInDays = value; return this; }
        public Builder existingWorkspaceId(String value) { return existingWorkspaceId(Optional.ofNullable(value)); }
        public Builder existingWorkspaceId(Optional<String> value) { this.existingWorkspaceId = value; return this; }
        public Builder common(CommonOptions value) { this.common = value; return this; }

        public LogAnalyticsArgs build() {
            return new LogAnalyticsArgs(resourceGroupName, location, naming, retentionInDays, existingWorkspaceId,
                    common);
        }
    }
}
