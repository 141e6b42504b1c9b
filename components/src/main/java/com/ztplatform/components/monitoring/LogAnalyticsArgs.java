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
    /** Interactive retention when none is set. */
    public static final int DEFAULT_RETENTION_DAYS = 90;
    static final Pattern WORKSPACE_ID = Pattern.compile(
            "^/subscriptions/[0-9a-fA-F-]{36}/resourceGroups/[^/]+/providers/Microsoft\\.OperationalInsights/workspaces/[^/]+$");

    /**
     * Checks that the optional values are given as empty rather than null.
     *
     * @param resourceGroupName   the hub resource group
     * @param location            the region
     * @param naming              the naming convention
     * @param retentionInDays     interactive retention
     * @param existingWorkspaceId a workspace to use instead, or empty
     * @param common              tags and protect
     */
    public LogAnalyticsArgs {
        Objects.requireNonNull(existingWorkspaceId, "existingWorkspaceId");
        Objects.requireNonNull(common, "common");
    }

    /**
     * A builder with the defaults documented on the record.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Problems of the retention and workspace settings, each starting with {@code path} (empty or ending with '.').
     *
     * @param path                prefix of the keys in messages, like {@code zt-databricks:logs.}
     * @param retentionInDays     the retention to check (30 to 730)
     * @param existingWorkspaceId a workspace id to check, or empty
     * @return the problems; empty when valid
     */
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

    /**
     * Every problem of these arguments; {@link LogAnalytics} fails listing them all.
     *
     * @return the problems, each naming its field and a valid example
     */
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

    /** Builds {@link LogAnalyticsArgs}; unset values take the defaults documented on the record. */
    public static final class Builder {
        private Output<String> resourceGroupName;
        private String location;
        private Naming naming;
        private int retentionInDays = DEFAULT_RETENTION_DAYS;
        private Optional<String> existingWorkspaceId = Optional.empty();
        private CommonOptions common = CommonOptions.defaults();

        private Builder() {
        }

        /**
         * @param value the hub resource group the workspace is created in (required unless an existing one is used)
         * @return this builder
         */
        public Builder resourceGroupName(Output<String> value) { this.resourceGroupName = value; return this; }

        /**
         * @param value the region, like {@code westeurope} (required unless an existing workspace is used)
         * @return this builder
         */
        public Builder location(String value) { this.location = value; return this; }

        /**
         * @param value the naming convention of the workspace's name (required unless an existing one is used)
         * @return this builder
         */
        public Builder naming(Naming value) { this.naming = value; return this; }

        /**
         * @param value interactive retention, 30 to 730 days (default {@value LogAnalyticsArgs#DEFAULT_RETENTION_DAYS})
         * @return this builder
         */
        public Builder retentionInDays(int value) { this.retentionInDays = value; return this; }

        /**
         * @param value a workspace's ARM id to use instead of creating one, or null for none (the default)
         * @return this builder
         */
        public Builder existingWorkspaceId(String value) { return existingWorkspaceId(Optional.ofNullable(value)); }

        /**
         * @param value a workspace's ARM id to use instead of creating one (default empty: one is created)
         * @return this builder
         */
        public Builder existingWorkspaceId(Optional<String> value) { this.existingWorkspaceId = value; return this; }

        /**
         * @param value tags and protect (default {@link CommonOptions#defaults()})
         * @return this builder
         */
        public Builder common(CommonOptions value) { this.common = value; return this; }

        /**
         * The arguments; the component checks them.
         *
         * @return the arguments
         */
        public LogAnalyticsArgs build() {
            return new LogAnalyticsArgs(resourceGroupName, location, naming, retentionInDays, existingWorkspaceId,
                    common);
        }
    }
}
