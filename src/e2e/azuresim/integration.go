package main

import (
	"fmt"
	"regexp"
	"strings"
)

// Service Bus namespace names: 6-50 letters, digits and hyphens, starting with a letter, ending with a letter or digit,
// not ending in -sb or -mgmt, unique worldwide (learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules).
var serviceBusName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9-]{4,48}[A-Za-z0-9]$`)

// Function app (Microsoft.Web/sites) names: 2-60 letters, digits and hyphens, not starting or ending with a hyphen,
// unique worldwide (<name>.azurewebsites.net).
var siteName = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9-]{0,58}[A-Za-z0-9])?$`)

// checkServiceBusNamespace: the name rules, and what only Premium has: network isolation (public access off goes with
// private endpoints) and zone redundancy (learn.microsoft.com/azure/service-bus-messaging/private-link-service).
func checkServiceBusNamespace(c *Cloud, id string, in map[string]interface{}) error {
	name := lastSegment(id)
	if !serviceBusName.MatchString(name) || strings.HasSuffix(name, "-sb") || strings.HasSuffix(name, "-mgmt") {
		return fmt.Errorf("InvalidNamespaceName: namespace name %s must be 6-50 letters, digits or hyphens, start with "+
			"a letter, end with a letter or digit and not end with -sb or -mgmt. (simulated)", name)
	}
	for _, r := range c.byToken("azure-native:servicebus:Namespace") {
		if strings.EqualFold(lastSegment(r.ID), name) && !strings.EqualFold(r.ID, id) {
			return fmt.Errorf("NamespaceAlreadyExists: The namespace %s is already in use. (simulated)", name)
		}
	}
	premium := strings.EqualFold(str(in, "sku.name"), "Premium")
	if strings.EqualFold(str(in, "publicNetworkAccess"), "Disabled") && !premium {
		return fmt.Errorf("NetworkIsolationNotSupported: public network access can be disabled only on a Premium "+
			"namespace; %s is %s. (simulated)", name, str(in, "sku.name"))
	}
	return nil
}

// checkWebApp: the name is global; VNet integration needs a subnet delegated to Microsoft.Web/serverFarms that no
// other plan uses, and a plan tier that has it (not Free, Shared or Consumption)
// (learn.microsoft.com/azure/app-service/overview-vnet-integration).
func checkWebApp(c *Cloud, id string, in map[string]interface{}) error {
	name := lastSegment(id)
	if !siteName.MatchString(name) {
		return fmt.Errorf("SiteNameInvalid: site name %s must be 2-60 letters, digits or hyphens. (simulated)", name)
	}
	for _, r := range c.byToken("azure-native:web:WebApp") {
		if strings.EqualFold(lastSegment(r.ID), name) && !strings.EqualFold(r.ID, id) {
			return fmt.Errorf("WebsiteAlreadyExists: Website with given name %s already exists. (simulated)", name)
		}
	}
	plan := c.get(str(in, "serverFarmId"))
	subnetID := str(in, "virtualNetworkSubnetId")
	if subnetID == "" {
		return nil
	}
	if plan != nil {
		tier := strings.ToLower(str(plan.Inputs, "sku.tier"))
		if tier == "free" || tier == "shared" || tier == "dynamic" {
			return fmt.Errorf("VnetIntegrationNotSupported: plan %s (%s) has no VNet integration. (simulated)",
				lastSegment(plan.ID), str(plan.Inputs, "sku.tier"))
		}
	}
	subnet := c.get(subnetID)
	if subnet == nil {
		return fmt.Errorf("SubnetNotFound: subnet %s does not exist. (simulated)", subnetID)
	}
	delegated := false
	for _, d := range list(subnet.Inputs, "delegations") {
		if strings.EqualFold(str(d, "serviceName"), "Microsoft.Web/serverFarms") {
			delegated = true
		}
	}
	if !delegated {
		return fmt.Errorf("SubnetMissingRequiredDelegation: subnet %s must be delegated to Microsoft.Web/serverFarms "+
			"for VNet integration. (simulated)", lastSegment(subnetID))
	}
	for _, r := range c.byToken("azure-native:web:WebApp") {
		if strings.EqualFold(str(r.Inputs, "virtualNetworkSubnetId"), subnetID) && !strings.EqualFold(r.ID, id) &&
			!strings.EqualFold(str(r.Inputs, "serverFarmId"), str(in, "serverFarmId")) {
			return fmt.Errorf("SubnetInUseByOtherPlan: subnet %s is used by another App Service plan. (simulated)",
				lastSegment(subnetID))
		}
	}
	return nil
}

// checkSiteEndpoint: a site takes private endpoints only on Basic and above (not Free, Shared or Consumption), and a
// namespace only on Premium (learn.microsoft.com/azure/app-service/overview-private-endpoint).
func checkIntegrationEndpoint(c *Cloud, target *Record) error {
	switch target.Token {
	case "azure-native:servicebus:Namespace":
		if !strings.EqualFold(str(target.Inputs, "sku.name"), "Premium") {
			return fmt.Errorf("PrivateEndpointNotSupportedForSku: namespace %s has SKU %s; private endpoints need "+
				"Premium. (simulated)", lastSegment(target.ID), str(target.Inputs, "sku.name"))
		}
	case "azure-native:web:WebApp":
		if plan := c.get(str(target.Inputs, "serverFarmId")); plan != nil {
			tier := strings.ToLower(str(plan.Inputs, "sku.tier"))
			if tier == "free" || tier == "shared" || tier == "dynamic" {
				return fmt.Errorf("PrivateEndpointNotSupportedForSku: site %s runs on plan tier %s; private endpoints "+
					"need Basic or above. (simulated)", lastSegment(target.ID), str(plan.Inputs, "sku.tier"))
			}
		}
	}
	return nil
}
