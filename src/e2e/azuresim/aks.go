package main

import (
	"fmt"
	"regexp"
	"strings"
)

// Rules AKS applies when a managed cluster is created or updated, where this design depends on them. Sources:
// learn.microsoft.com/azure/aks/egress-udr (userDefinedRouting needs the subnet's route table with a default route,
// before the cluster exists), learn.microsoft.com/azure/aks/private-clusters (a custom private DNS zone needs a
// user-assigned control-plane identity with Private DNS Zone Contributor on it; the zone is
// privatelink.<region>.azmk8s.io or a subzone of it), learn.microsoft.com/azure/aks/use-managed-identity (a custom
// kubelet identity needs Managed Identity Operator for the control-plane identity; a BYO subnet needs the identity to
// be allowed to join it), learn.microsoft.com/azure/aks/manage-local-accounts-managed-azure-ad (local accounts can
// only be disabled with managed Entra ID), learn.microsoft.com/azure/aks/workload-identity-overview (workload
// identity needs the OIDC issuer). Codes are AKS's where documented; the texts are simulated.

const (
	rolePrivateDNSZoneContributor = "b12aa53e-6015-4669-85d0-8515ebb3ae7f"
	roleNetworkContributor        = "4d97b98b-1d4f-4787-a291-c67834d212e7"
	roleManagedIdentityOperator   = "f1a07417-d97a-45cb-824c-7a7467783830"
)

// Cluster names: 1-63 letters, digits, '-' and '_', starting and ending with a letter or digit
// (learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules).
var clusterName = regexp.MustCompile(`^[a-zA-Z0-9]([a-zA-Z0-9_-]{0,61}[a-zA-Z0-9])?$`)

// A private cluster's own zone, or a subzone of it.
var aksZone = regexp.MustCompile(`^([a-z0-9-]+\.)?privatelink\.([a-z0-9]+)\.azmk8s\.io$`)

func checkManagedCluster(c *Cloud, id string, in map[string]interface{}) error {
	name := lastSegment(id)
	if !clusterName.MatchString(name) {
		return fmt.Errorf("InvalidParameter: the managed cluster name %s must be 1-63 letters, digits, '-' or '_', "+
			"starting and ending with a letter or digit. (simulated)", name)
	}
	userAssigned := strings.EqualFold(str(in, "identity.type"), "UserAssigned")
	var controlPlane string
	if ids := list(in, "identity.userAssignedIdentities"); userAssigned && len(ids) == 1 {
		controlPlane, _ = ids[0].(string)
	}
	principal := ""
	if controlPlane != "" {
		principal = guid(controlPlane + "#principal")
	}
	// Entra ID: local accounts off and Azure RBAC need the managed integration.
	managedAad := boolean(in, "aadProfile.managed")
	if boolean(in, "disableLocalAccounts") && !managedAad {
		return fmt.Errorf("BadRequest: local accounts can be disabled only on a cluster with managed Entra ID " +
			"integration (aadProfile.managed). (simulated)")
	}
	if boolean(in, "aadProfile.enableAzureRBAC") && !managedAad {
		return fmt.Errorf("BadRequest: Azure RBAC for Kubernetes authorization needs managed Entra ID integration. " +
			"(simulated)")
	}
	if boolean(in, "securityProfile.workloadIdentity.enabled") && !boolean(in, "oidcIssuerProfile.enabled") {
		return fmt.Errorf("BadRequest: workload identity needs the OIDC issuer (oidcIssuerProfile.enabled). (simulated)")
	}
	// Private cluster and its DNS zone.
	private := boolean(in, "apiServerAccessProfile.enablePrivateCluster")
	zone := str(in, "apiServerAccessProfile.privateDNSZone")
	if !private && (zone != "" || boolean(in, "apiServerAccessProfile.enablePrivateClusterPublicFQDN")) {
		return fmt.Errorf("BadRequest: privateDNSZone and enablePrivateClusterPublicFQDN apply to private clusters " +
			"only. (simulated)")
	}
	if private && zone != "" && !strings.EqualFold(zone, "system") && !strings.EqualFold(zone, "none") {
		if !userAssigned {
			return fmt.Errorf("CustomPrivateDNSZoneRequiresUserAssignedIdentity: a private cluster with a custom " +
				"private DNS zone needs a user-assigned control-plane identity. (simulated)")
		}
		zoneName := strings.ToLower(lastSegment(zone))
		m := aksZone.FindStringSubmatch(zoneName)
		if m == nil || !strings.EqualFold(m[2], strings.ReplaceAll(str(in, "location"), " ", "")) {
			return fmt.Errorf("InvalidCustomPrivateDNSZoneName: %s is not privatelink.%s.azmk8s.io or a subzone of it. "+
				"(simulated)", zoneName, str(in, "location"))
		}
		if c.get(zone) == nil {
			return fmt.Errorf("CustomPrivateDNSZoneNotFound: private DNS zone %s does not exist. (simulated)", zone)
		}
		if !hasRole(c, rolePrivateDNSZoneContributor, zone, principal) {
			return fmt.Errorf("CustomPrivateDNSZoneMissingPermissionError: the cluster identity %s has no Private DNS "+
				"Zone Contributor on %s. (simulated)", lastSegment(controlPlane), zoneName)
		}
	}
	// A kubelet identity of our own: the control plane must be allowed to assign it.
	if kubelet := str(in, "identityProfile.kubeletidentity.resourceId"); kubelet != "" {
		if !userAssigned {
			return fmt.Errorf("BadRequest: a custom kubelet identity needs a user-assigned control-plane identity. " +
				"(simulated)")
		}
		if !hasRole(c, roleManagedIdentityOperator, kubelet, principal) {
			return fmt.Errorf("CustomKubeletIdentityMissingPermissionError: the cluster identity %s cannot assign "+
				"kubelet identity %s (Managed Identity Operator). (simulated)", lastSegment(controlPlane), lastSegment(kubelet))
		}
	}
	// Node subnets: they must exist, a user-assigned identity must be allowed to join them, and with
	// userDefinedRouting each must already route 0.0.0.0/0 through its route table.
	udr := strings.EqualFold(str(in, "networkProfile.outboundType"), "userDefinedRouting")
	for _, p := range list(in, "agentPoolProfiles") {
		subnetID := str(p, "vnetSubnetID")
		if subnetID == "" {
			if udr {
				return fmt.Errorf("BadRequest: outboundType userDefinedRouting needs the agent pools in an existing "+
					"subnet (vnetSubnetID); pool %s has none. (simulated)", str(p, "name"))
			}
			continue
		}
		subnet := c.get(subnetID)
		if subnet == nil {
			return fmt.Errorf("InvalidSubnetID: subnet %s does not exist. (simulated)", subnetID)
		}
		if userAssigned && !hasRole(c, roleNetworkContributor, subnetID, principal) {
			return fmt.Errorf("LinkedAuthorizationFailed: the cluster identity %s cannot join subnet %s "+
				"(Microsoft.Network/virtualNetworks/subnets/join/action). (simulated)", lastSegment(controlPlane),
				lastSegment(subnetID))
		}
		if !udr {
			continue
		}
		tableID := str(subnet.Inputs, "routeTable.id")
		if tableID == "" {
			return fmt.Errorf("ExistingRouteTableNotAssociatedWithSubnet: outboundType userDefinedRouting needs a "+
				"route table on subnet %s before the cluster is created. (simulated)", lastSegment(subnetID))
		}
		if !hasDefaultRoute(c, tableID) {
			return fmt.Errorf("DefaultRouteNotFound: route table %s of subnet %s has no 0.0.0.0/0 route, so the nodes "+
				"have no egress with userDefinedRouting. (simulated)", lastSegment(tableID), lastSegment(subnetID))
		}
	}
	return nil
}

func hasDefaultRoute(c *Cloud, tableID string) bool {
	table := c.get(tableID)
	if table == nil {
		return false
	}
	routes := list(table.Inputs, "routes")
	for _, r := range c.byToken("azure-native:network:Route") {
		if hasPrefixFold(r.ID, tableID+"/routes/") {
			routes = append(routes, r.Inputs)
		}
	}
	for _, r := range routes {
		if str(r, "addressPrefix") == "0.0.0.0/0" {
			return true
		}
	}
	return false
}
