package com.ztplatform.components.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How VNet flow logs are kept and analysed.
 *
 * @param retentionDays                   days the flow log files are kept in the flow log storage account, 1-365.
 *                                        Default: {@value #DEFAULT_RETENTION_DAYS}
 * @param trafficAnalyticsIntervalMinutes how often traffic analytics processes the flow logs into the workspace,
 *                                        10 or 60 (the only values Azure accepts,
 *                                        https://learn.microsoft.com/azure/network-watcher/traffic-analytics).
 *                                        Default: {@value #DEFAULT_TRAFFIC_ANALYTICS_INTERVAL}
 * @param networkWatcherResourceGroup     the resource group of the region's Network Watcher. Default:
 *                                        {@value #DEFAULT_NETWORK_WATCHER_RG}, where Azure creates it automatically
 *                                        with the region's first VNet
 *                                        (https://learn.microsoft.com/azure/network-watcher/network-watcher-create)
 * @param networkWatcherName              the Network Watcher's name. Default: {@code NetworkWatcher_<region>},
 *                                        the name Azure gives the automatic one
 */
public record FlowLogSettings(int retentionDays, int trafficAnalyticsIntervalMinutes,
                              String networkWatcherResourceGroup, Optional<String> networkWatcherName) {
    /** Default retention of the flow log files. */
    public static final int DEFAULT_RETENTION_DAYS = 90;
    /** Default traffic analytics interval: the faster of the two Azure offers. */
    public static final int DEFAULT_TRAFFIC_ANALYTICS_INTERVAL = 10;
    /** The resource group Azure puts automatically enabled Network Watchers in. */
    public static final String DEFAULT_NETWORK_WATCHER_RG = "NetworkWatcherRG";

    /**
     * The defaults.
     *
     * @return retention {@value #DEFAULT_RETENTION_DAYS} days, analytics every 10 minutes, Azure's automatic watcher
     */
    public static FlowLogSettings defaults() {
        return new FlowLogSettings(DEFAULT_RETENTION_DAYS, DEFAULT_TRAFFIC_ANALYTICS_INTERVAL,
                DEFAULT_NETWORK_WATCHER_RG, Optional.empty());
    }

    /**
     * The watcher's name in a region.
     *
     * @param location the region, like westeurope
     * @return the configured name, or {@code NetworkWatcher_<location>}
     */
    public String networkWatcherName(String location) {
        return networkWatcherName.orElse("NetworkWatcher_" + location);
    }

    /**
     * The settings' problems.
     *
     * @param path the settings' path as the user writes it, like {@code logs.flowLogs.}
     * @return the problems, each naming the field and a valid example
     */
    public List<String> problems(String path) {
        var problems = new ArrayList<String>();
        if (retentionDays < 1 || retentionDays > 365) {
            problems.add(path + "retentionDays must be between 1 and 365, like 90, got " + retentionDays);
        }
        if (trafficAnalyticsIntervalMinutes != 10 && trafficAnalyticsIntervalMinutes != 60) {
            problems.add(path + "trafficAnalyticsIntervalMinutes must be 10 or 60, like 10, got "
                    + trafficAnalyticsIntervalMinutes);
        }
        if (networkWatcherResourceGroup == null || networkWatcherResourceGroup.isBlank()) {
            problems.add(path + "networkWatcherResourceGroup must name a resource group, like NetworkWatcherRG");
        }
        networkWatcherName.filter(String::isBlank).ifPresent(n -> problems.add(path
                + "networkWatcherName must not be blank, like NetworkWatcher_westeurope"));
        return problems;
    }
}
