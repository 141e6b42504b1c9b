package main

import (
	"strings"
	"testing"
)

const flRg = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"

func flowLogCloud(storageRegion string) *Cloud {
	c := &Cloud{Resources: map[string]*Record{}, DeletedVaults: map[string]string{}}
	vnet := flRg + "ztp-dev-hub-rg/providers/Microsoft.Network/virtualNetworks/ztp-dev-hub-vnet"
	c.Resources[key(vnet)] = &Record{ID: vnet, Token: "azure-native:network:VirtualNetwork",
		Inputs: map[string]interface{}{"location": "westeurope"}}
	st := flRg + "ztp-dev-hub-rg/providers/Microsoft.Storage/storageAccounts/ztpdevflowlogs"
	c.Resources[key(st)] = &Record{ID: st, Token: "azure-native:storage:StorageAccount",
		Inputs: map[string]interface{}{"location": storageRegion}}
	law := flRg + "ztp-dev-hub-rg/providers/Microsoft.OperationalInsights/workspaces/ztp-dev-hub-law"
	c.Resources[key(law)] = &Record{ID: law, Token: "azure-native:operationalinsights:Workspace",
		Inputs: map[string]interface{}{"location": "westeurope"}}
	return c
}

func flowLog(target string, mutate func(map[string]interface{})) map[string]interface{} {
	in := map[string]interface{}{
		"resourceGroupName": "NetworkWatcherRG", "networkWatcherName": "NetworkWatcher_westeurope",
		"location": "westeurope", "targetResourceId": target,
		"storageId":       flRg + "ztp-dev-hub-rg/providers/Microsoft.Storage/storageAccounts/ztpdevflowlogs",
		"format":          map[string]interface{}{"type": "JSON", "version": float64(2)},
		"retentionPolicy": map[string]interface{}{"enabled": true, "days": float64(90)},
		"flowAnalyticsConfiguration": map[string]interface{}{"networkWatcherFlowAnalyticsConfiguration": map[string]interface{}{
			"enabled": true, "trafficAnalyticsInterval": float64(10),
			"workspaceResourceId": flRg + "ztp-dev-hub-rg/providers/Microsoft.OperationalInsights/workspaces/ztp-dev-hub-law"}},
	}
	if mutate != nil {
		mutate(in)
	}
	return in
}

const hubVnet = flRg + "ztp-dev-hub-rg/providers/Microsoft.Network/virtualNetworks/ztp-dev-hub-vnet"

func TestAVnetFlowLogIsAcceptedWithTheRegionsAutomaticWatcher(t *testing.T) {
	if err := checkAzureWrite(flowLogCloud("westeurope"), flowLogToken, "fl", flowLog(hubVnet, nil), nil); err != nil {
		t.Fatalf("a valid VNet flow log was refused: %v", err)
	}
}

func TestFlowLogsFailLikeAzure(t *testing.T) {
	cases := []struct {
		name, storageRegion, target, want string
		mutate                            func(map[string]interface{})
	}{
		{"storage in another region", "northeurope", hubVnet, "StorageAccountLocationMismatch", nil},
		{"target VNet missing", "westeurope", flRg + "rg/providers/Microsoft.Network/virtualNetworks/gone", "InvalidResourceReference", nil},
		{"no watcher in that region", "westeurope", hubVnet, "NotFoundResourceNetworkWatcher", func(in map[string]interface{}) {
			in["networkWatcherName"] = "NetworkWatcher_northeurope"
			in["location"] = "northeurope"
		}},
		{"a watcher of another name", "westeurope", hubVnet, "NotFoundResourceNetworkWatcher", func(in map[string]interface{}) {
			in["networkWatcherName"] = "nw-custom"
		}},
		{"analytics interval of 30 minutes", "westeurope", hubVnet, "InvalidTrafficAnalyticsInterval", func(in map[string]interface{}) {
			in["flowAnalyticsConfiguration"].(map[string]interface{})["networkWatcherFlowAnalyticsConfiguration"].(map[string]interface{})["trafficAnalyticsInterval"] = float64(30)
		}},
		{"analytics into a missing workspace", "westeurope", hubVnet, "InvalidTrafficAnalyticsWorkspace", func(in map[string]interface{}) {
			in["flowAnalyticsConfiguration"].(map[string]interface{})["networkWatcherFlowAnalyticsConfiguration"].(map[string]interface{})["workspaceResourceId"] = flRg + "x/providers/Microsoft.OperationalInsights/workspaces/gone"
		}},
		{"format version 1 on a VNet", "westeurope", hubVnet, "InvalidFlowLogFormatVersion", func(in map[string]interface{}) {
			in["format"] = map[string]interface{}{"type": "JSON", "version": float64(1)}
		}},
		{"retention of two years", "westeurope", hubVnet, "InvalidFlowLogRetentionPolicyDays", func(in map[string]interface{}) {
			in["retentionPolicy"] = map[string]interface{}{"enabled": true, "days": float64(730)}
		}},
	}
	for _, tc := range cases {
		err := checkAzureWrite(flowLogCloud(tc.storageRegion), flowLogToken, "fl", flowLog(tc.target, tc.mutate), nil)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: want %s, got %v", tc.name, tc.want, err)
		}
	}
}
