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

    /**
     * Copies the tags.
     *
     * @param tags                    tags of every taggable child
     * @param protect                 Pulumi {@code protect} on stateful children
     * @param lock                    Azure CanNotDelete lock on key resources
     * @param logAnalyticsWorkspaceId where logs go, or empty
     */
    public CommonOptions {
        tags = Map.copyOf(Objects.requireNonNull(tags, "tags"));
        Objects.requireNonNull(logAnalyticsWorkspaceId, "logAnalyticsWorkspaceId");
    }

    /**
     * The defaults: no tags, no protect, no lock, no diagnostic settings.
     *
     * @return the default options
     */
    public static CommonOptions defaults() {
        return new CommonOptions(Map.of(), false, false, Optional.empty());
    }

    /**
     * With these tags instead of the current ones.
     *
     * @param newTags the tags
     * @return a copy
     */
    public CommonOptions withTags(Map<String, String> newTags) {
        return new CommonOptions(newTags, protect, lock, logAnalyticsWorkspaceId);
    }

    /**
     * With or without Pulumi {@code protect} on stateful children.
     *
     * @param value whether to protect
     * @return a copy
     */
    public CommonOptions withProtect(boolean value) {
        return new CommonOptions(tags, value, lock, logAnalyticsWorkspaceId);
    }

    /**
     * With or without the CanNotDelete lock.
     *
     * @param value whether to lock
     * @return a copy
     */
    public CommonOptions withLock(boolean value) {
        return new CommonOptions(tags, protect, value, logAnalyticsWorkspaceId);
    }

    /**
     * Sending logs to a workspace through diagnostic settings.
     *
     * @param workspaceId the Log Analytics workspace's ARM id
     * @return a copy
     */
    public CommonOptions withLogAnalyticsWorkspaceId(Output<String> workspaceId) {
        return new CommonOptions(tags, protect, lock, Optional.of(workspaceId));
    }

    /**
     * Tags sorted by name, so the registered inputs are identical from run to run.
     *
     * @return the tags in name order
     */
    public Map<String, String> sortedTags() {
        return new TreeMap<>(tags);
    }

    /**
     * The problems of the options (Azure's tag limits).
     *
     * @param path the options' path as the user writes it, like {@code HubNetworkArgs.common}
     * @return the problems, each naming {@code path.tags}
     */
    public List<String> problems(String path) {
        return Tags.problems(path + ".tags", tags);
    }
}
