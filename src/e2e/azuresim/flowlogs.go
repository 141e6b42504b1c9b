package main

import (
	"fmt"
	"strings"
)

// Network Watcher flow logs (learn.microsoft.com/azure/network-watcher/vnet-flow-logs-overview,
// learn.microsoft.com/azure/network-watcher/traffic-analytics). A flow log is a child of the region's Network
// Watcher; Azure creates NetworkWatcher_<region> in NetworkWatcherRG with the region's first VNet
// (learn.microsoft.com/azure/network-watcher/network-watcher-create), so the watcher is taken to exist when the
// simulated cloud holds a VNet in that region, or a NetworkWatcher resource of that name.

const flowLogToken = "azure-native:network/v20230501:FlowLog"

// watcherExists: an explicit watcher, or the automatic one of a region that has a VNet.
func watcherExists(c *Cloud, resourceGroup, name, location string) bool {
	for _, r := range c.byToken("azure-native:network:NetworkWatcher") {
		if strings.EqualFold(lastSegment(r.ID), name) && strings.Contains(strings.ToLower(r.ID),
			"/resourcegroups/"+strings.ToLower(resourceGroup)+"/") {
			return true
		}
	}
	if !strings.EqualFold(resourceGroup, "NetworkWatcherRG") || !strings.EqualFold(name, "NetworkWatcher_"+location) {
		return false
	}
	for _, v := range c.byToken("azure-native:network:VirtualNetwork") {
		if strings.EqualFold(str(v.Inputs, "location"), location) {
			return true
		}
	}
	return false
}

// checkFlowLog refuses what Azure refuses: a missing watcher, a target that does not exist or lies in another region,
// a storage account in another region than the target, traffic analytics without a workspace or with an interval
// other than 10 or 60 minutes, retention beyond 365 days, and VNet flow logs in format version 1.
func checkFlowLog(c *Cloud, id string, in map[string]interface{}) error {
	location := str(in, "location")
	rg, watcher := str(in, "resourceGroupName"), str(in, "networkWatcherName")
	if !watcherExists(c, rg, watcher, location) {
		return fmt.Errorf("NotFoundResourceNetworkWatcher: Network watcher %s in resource group %s was not found; "+
			"Azure enables NetworkWatcher_%s in NetworkWatcherRG with the region's first virtual network. (simulated)",
			watcher, rg, location)
	}
	targetID := str(in, "targetResourceId")
	target := c.get(targetID)
	if target == nil {
		return fmt.Errorf("InvalidResourceReference: Flow log target resource %s was not found.", targetID)
	}
	isVnet := target.Token == "azure-native:network:VirtualNetwork"
	if isVnet && !strings.EqualFold(str(target.Inputs, "location"), location) {
		return fmt.Errorf("FlowLogTargetResourceLocationMismatch: target %s is in %s, the flow log (its Network "+
			"Watcher) in %s; a flow log records only resources in its watcher's region. (simulated)",
			targetID, str(target.Inputs, "location"), location)
	}
	storageID := str(in, "storageId")
	storage := c.get(storageID)
	if storage == nil {
		return fmt.Errorf("InvalidResourceReference: Flow log storage account %s was not found.", storageID)
	}
	if !strings.EqualFold(str(storage.Inputs, "location"), location) {
		return fmt.Errorf("StorageAccountLocationMismatch: storage account %s is in %s; flow logs need a storage "+
			"account in the target's region %s. (simulated)", lastSegment(storageID), str(storage.Inputs, "location"),
			location)
	}
	if days, ok := get(in, "retentionPolicy.days").(float64); ok && (days < 0 || days > 365) {
		return fmt.Errorf("InvalidFlowLogRetentionPolicyDays: retention must be 0-365 days, got %v. (simulated)", days)
	}
	if v, ok := get(in, "format.version").(float64); ok && isVnet && v != 2 {
		return fmt.Errorf("InvalidFlowLogFormatVersion: virtual network flow logs are written in version 2 only, "+
			"got %v. (simulated)", v)
	}
	ta := "flowAnalyticsConfiguration.networkWatcherFlowAnalyticsConfiguration"
	if boolean(in, ta+".enabled") {
		ws := str(in, ta+".workspaceResourceId")
		if ws == "" || c.get(ws) == nil {
			return fmt.Errorf("InvalidTrafficAnalyticsWorkspace: traffic analytics workspace %q was not found.", ws)
		}
		if n, ok := get(in, ta+".trafficAnalyticsInterval").(float64); ok && n != 10 && n != 60 {
			return fmt.Errorf("InvalidTrafficAnalyticsInterval: the traffic analytics interval must be 10 or 60 "+
				"minutes, got %v. (simulated)", n)
		}
	}
	return nil
}
