package main

import (
	"strings"
	"testing"
)

const aksSub = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"

// aksCloud: the hub's azmk8s zone, the firewall's route table (with or without a default route), the node subnet on
// it, the two identities, and the grants the control plane needs.
func aksCloud(defaultRoute bool, grants ...string) *Cloud {
	c := &Cloud{Resources: map[string]*Record{}, DeletedVaults: map[string]string{}}
	put := func(id, token string, in map[string]interface{}) {
		c.Resources[key(id)] = &Record{ID: id, Token: token, Inputs: in}
	}
	zone := aksSub + "ztp-prod-hub-rg/providers/Microsoft.Network/privateDnsZones/privatelink.westeurope.azmk8s.io"
	put(zone, "azure-native:network:PrivateZone", map[string]interface{}{})
	rt := aksSub + "ztp-prod-hub-rg/providers/Microsoft.Network/routeTables/ztp-prod-spoke-rt"
	routes := []interface{}{}
	if defaultRoute {
		routes = append(routes, map[string]interface{}{"name": "to-firewall", "addressPrefix": "0.0.0.0/0",
			"nextHopType": "VirtualAppliance", "nextHopIpAddress": "10.100.0.4"})
	}
	put(rt, "azure-native:network:RouteTable", map[string]interface{}{"routes": routes})
	subnet := aksSub + "ztp-prod-aks-rg/providers/Microsoft.Network/virtualNetworks/ztp-prod-aks-vnet/subnets/snet-aks-nodes"
	put(subnet, "azure-native:network:Subnet", map[string]interface{}{"routeTable": map[string]interface{}{"id": rt}})
	cp := aksSub + "ztp-prod-aks-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/ztp-prod-aks-id"
	kubelet := aksSub + "ztp-prod-aks-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/ztp-prod-aks-kubelet-id"
	scopes := map[string]string{rolePrivateDNSZoneContributor: zone, roleNetworkContributor: subnet,
		roleManagedIdentityOperator: kubelet}
	for i, role := range grants {
		put(aksSub+"ra"+string(rune('a'+i)), "azure-native:authorization:RoleAssignment", map[string]interface{}{
			"scope": scopes[role], "principalId": guid(cp + "#principal"),
			"roleDefinitionId": "/subscriptions/x/providers/Microsoft.Authorization/roleDefinitions/" + role})
	}
	return c
}

func aksCluster() map[string]interface{} {
	rg := aksSub + "ztp-prod-aks-rg/providers/"
	return map[string]interface{}{
		"location": "westeurope",
		"identity": map[string]interface{}{"type": "UserAssigned", "userAssignedIdentities": []interface{}{
			rg + "Microsoft.ManagedIdentity/userAssignedIdentities/ztp-prod-aks-id"}},
		"identityProfile": map[string]interface{}{"kubeletidentity": map[string]interface{}{
			"resourceId": rg + "Microsoft.ManagedIdentity/userAssignedIdentities/ztp-prod-aks-kubelet-id"}},
		"apiServerAccessProfile": map[string]interface{}{"enablePrivateCluster": true, "privateDNSZone": aksSub +
			"ztp-prod-hub-rg/providers/Microsoft.Network/privateDnsZones/privatelink.westeurope.azmk8s.io"},
		"networkProfile":       map[string]interface{}{"outboundType": "userDefinedRouting"},
		"agentPoolProfiles":    []interface{}{map[string]interface{}{"name": "system", "vnetSubnetID": rg + "Microsoft.Network/virtualNetworks/ztp-prod-aks-vnet/subnets/snet-aks-nodes"}},
		"disableLocalAccounts": true,
		"aadProfile":           map[string]interface{}{"managed": true, "enableAzureRBAC": true},
		"oidcIssuerProfile":    map[string]interface{}{"enabled": true},
		"securityProfile":      map[string]interface{}{"workloadIdentity": map[string]interface{}{"enabled": true}},
	}
}

const clusterID = aksSub + "ztp-prod-aks-rg/providers/Microsoft.ContainerService/managedClusters/ztp-prod-aks"

func all() []string {
	return []string{rolePrivateDNSZoneContributor, roleNetworkContributor, roleManagedIdentityOperator}
}

func expectCode(t *testing.T, err error, code string) {
	t.Helper()
	if err == nil || !strings.HasPrefix(err.Error(), code) {
		t.Fatalf("want %s, got %v", code, err)
	}
}

func TestAPrivateUdrClusterWithItsGrantsIsAccepted(t *testing.T) {
	if err := checkAzureWrite(aksCloud(true, all()...), "azure-native:containerservice:ManagedCluster", clusterID,
		aksCluster(), nil); err != nil {
		t.Fatal(err)
	}
}

func TestUserDefinedRoutingNeedsADefaultRouteOnTheNodeSubnet(t *testing.T) {
	expectCode(t, checkManagedCluster(aksCloud(false, all()...), clusterID, aksCluster()), "DefaultRouteNotFound")
}

func TestACustomPrivateZoneNeedsAUserAssignedIdentityHoldingTheZoneRole(t *testing.T) {
	in := aksCluster()
	in["identity"] = map[string]interface{}{"type": "SystemAssigned"}
	expectCode(t, checkManagedCluster(aksCloud(true, all()...), clusterID, in), "CustomPrivateDNSZoneRequiresUserAssignedIdentity")
	expectCode(t, checkManagedCluster(aksCloud(true, roleNetworkContributor, roleManagedIdentityOperator), clusterID,
		aksCluster()), "CustomPrivateDNSZoneMissingPermissionError")
}

func TestTheKubeletIdentityAndTheSubnetNeedTheirGrants(t *testing.T) {
	expectCode(t, checkManagedCluster(aksCloud(true, rolePrivateDNSZoneContributor, roleNetworkContributor), clusterID,
		aksCluster()), "CustomKubeletIdentityMissingPermissionError")
	expectCode(t, checkManagedCluster(aksCloud(true, rolePrivateDNSZoneContributor, roleManagedIdentityOperator),
		clusterID, aksCluster()), "LinkedAuthorizationFailed")
}

func TestLocalAccountsOffNeedsManagedEntraIdAndWorkloadIdentityNeedsOidc(t *testing.T) {
	in := aksCluster()
	in["aadProfile"] = map[string]interface{}{}
	expectCode(t, checkManagedCluster(aksCloud(true, all()...), clusterID, in), "BadRequest: local accounts")
	in = aksCluster()
	in["oidcIssuerProfile"] = map[string]interface{}{"enabled": false}
	expectCode(t, checkManagedCluster(aksCloud(true, all()...), clusterID, in), "BadRequest: workload identity")
}

func TestAZoneOfAnotherRegionIsRefused(t *testing.T) {
	c := aksCloud(true, all()...)
	in := aksCluster()
	in["location"] = "northeurope"
	expectCode(t, checkManagedCluster(c, clusterID, in), "InvalidCustomPrivateDNSZoneName")
}
