package com.ztplatform.components.common;

import com.pulumi.core.Output;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The cross-cutting option set every component takes, in the spirit of Azure Verified Modules.
 *
 * @param tags            tags applied to every taggable child. Default: none (the stack adds its mandatory tags).
 * @param protect         Pulumi {@code protect} on the component's stateful children, so a {@code pulumi destroy}
 *                        or an accidental replacement cannot delete them. Default: false.
 * @param lock            an Azure {@code CanNotDelete} management lock on the component's key resources, which
 *                        also stops deletion from outside Pulumi (portal, CLI). Default: false.
 * @param logAnalyticsWorkspaceId where children that produce logs send them through diagnostic settings.
 *                        Default: none (no diagnostic settings are created).
 */
public record CommonOptions(
        Map<String, String> tags,
        boolean protect,
        boolean lock,
        Optional<Output<String>> logAnalyticsWorkspaceId) {

    public CommonOptions {
        tags = Map.copyOf(Objects.requireNonNull(tags, "tags"));
        Objects.requireNonNull(logAnalyticsWorkspaceId, "logAnalyticsWorkspaceId");
    }

    public static CommonOptions defaults() {
        return new CommonOptions(Map.of(), false, false, Optional.empty());
    }

    public CommonOptions withTags(Map<String, String> newTags) {
        return new CommonOptions(newTags, protect, lock, logAnalyticsWorkspaceId);
    }

    public CommonOptions withProtect(boolean value) {
        return new CommonOptions(tags, value, lock, logAnalyticsWorkspaceId);
    }

    public CommonOptions withLock(boolean value) {
        return new CommonOptions(tags, protect, value, logAnalyticsWorkspaceId);
    }

    public CommonOptions withLogAnalyticsWorkspaceId(Output<String> workspaceId) {
        return new CommonOptions(tags, protect, lock, Optional.of(workspaceId));
    }

    /** Tags sorted by name, so the registered inputs are identical from run to run. */
    public Map<String, String> sortedTags() {
        return new TreeMap<>(tags);
    }

    public List<String> problems(String path) {
        return Tags.problems(path + ".tags", tags);
    }
}
