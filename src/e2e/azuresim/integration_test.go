package main

import (
	"strings"
	"testing"
)

const intRg = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ztp-prod-integration-rg/providers/"

func integrationCloud(busSku, planTier string, delegated bool) *Cloud {
	c := &Cloud{Resources: map[string]*Record{}, DeletedVaults: map[string]string{}}
	bus := intRg + "Microsoft.ServiceBus/namespaces/ztp-prod-bus"
	c.Resources[key(bus)] = &Record{ID: bus, Token: "azure-native:servicebus:Namespace",
		Inputs: map[string]interface{}{"sku": map[string]interface{}{"name": busSku}}}
	plan := intRg + "Microsoft.Web/serverfarms/ztp-prod-func-asp"
	c.Resources[key(plan)] = &Record{ID: plan, Token: "azure-native:web:AppServicePlan",
		Inputs: map[string]interface{}{"sku": map[string]interface{}{"name": "P1v3", "tier": planTier}}}
	subnet := intRg + "Microsoft.Network/virtualNetworks/vnet/subnets/snet"
	in := map[string]interface{}{}
	if delegated {
		in["delegations"] = []interface{}{map[string]interface{}{"name": "d", "serviceName": "Microsoft.Web/serverFarms"}}
	}
	c.Resources[key(subnet)] = &Record{ID: subnet, Token: "azure-native:network:Subnet", Inputs: in}
	return c
}

func site(plan string) map[string]interface{} {
	return map[string]interface{}{"serverFarmId": intRg + "Microsoft.Web/serverfarms/" + plan,
		"virtualNetworkSubnetId": intRg + "Microsoft.Network/virtualNetworks/vnet/subnets/snet"}
}

func TestANamespaceTakesPrivateEndpointsAndIsolationOnlyOnPremium(t *testing.T) {
	pe := endpointTo(intRg + "Microsoft.ServiceBus/namespaces/ztp-prod-bus")
	if err := checkAzureWrite(integrationCloud("Premium", "PremiumV3", true), "azure-native:network:PrivateEndpoint",
		"pe", pe, nil); err != nil {
		t.Fatalf("a Premium namespace refused an endpoint: %v", err)
	}
	err := checkAzureWrite(integrationCloud("Standard", "PremiumV3", true), "azure-native:network:PrivateEndpoint",
		"pe", pe, nil)
	if err == nil || !strings.HasPrefix(err.Error(), "PrivateEndpointNotSupportedForSku") {
		t.Fatalf("a Standard namespace must refuse a private endpoint, got %v", err)
	}
	in := map[string]interface{}{"sku": map[string]interface{}{"name": "Standard"}, "publicNetworkAccess": "Disabled"}
	err = checkAzureWrite(integrationCloud("Premium", "PremiumV3", true), "azure-native:servicebus:Namespace",
		intRg+"Microsoft.ServiceBus/namespaces/ztp-prod-other", in, nil)
	if err == nil || !strings.HasPrefix(err.Error(), "NetworkIsolationNotSupported") {
		t.Fatalf("got %v", err)
	}
}

func TestNamespaceNamesFollowAzureRulesAndAreGlobal(t *testing.T) {
	in := map[string]interface{}{"sku": map[string]interface{}{"name": "Premium"}}
	for _, bad := range []string{"ztp-prod-sb", "ztp-prod-mgmt", "1ztp-prod", "short"} {
		err := checkAzureWrite(integrationCloud("Premium", "PremiumV3", true), "azure-native:servicebus:Namespace",
			intRg+"Microsoft.ServiceBus/namespaces/"+bad, in, nil)
		if err == nil || !strings.HasPrefix(err.Error(), "InvalidNamespaceName") {
			t.Fatalf("%s: got %v", bad, err)
		}
	}
	err := checkAzureWrite(integrationCloud("Premium", "PremiumV3", true), "azure-native:servicebus:Namespace",
		strings.Replace(intRg, "ztp-prod-integration-rg", "other-rg", 1)+"Microsoft.ServiceBus/namespaces/ztp-prod-bus",
		in, nil)
	if err == nil || !strings.HasPrefix(err.Error(), "NamespaceAlreadyExists") {
		t.Fatalf("got %v", err)
	}
}

func TestVnetIntegrationNeedsADelegatedSubnetAndAPlanThatHasIt(t *testing.T) {
	id := intRg + "Microsoft.Web/sites/ztp-prod-func"
	if err := checkAzureWrite(integrationCloud("Premium", "PremiumV3", true), "azure-native:web:WebApp", id,
		site("ztp-prod-func-asp"), nil); err != nil {
		t.Fatalf("a Premium v3 site on a delegated subnet was refused: %v", err)
	}
	err := checkAzureWrite(integrationCloud("Premium", "PremiumV3", false), "azure-native:web:WebApp", id,
		site("ztp-prod-func-asp"), nil)
	if err == nil || !strings.HasPrefix(err.Error(), "SubnetMissingRequiredDelegation") {
		t.Fatalf("got %v", err)
	}
	err = checkAzureWrite(integrationCloud("Premium", "Dynamic", true), "azure-native:web:WebApp", id,
		site("ztp-prod-func-asp"), nil)
	if err == nil || !strings.HasPrefix(err.Error(), "VnetIntegrationNotSupported") {
		t.Fatalf("got %v", err)
	}
	pe := endpointTo(id)
	c := integrationCloud("Premium", "Dynamic", true)
	c.Resources[key(id)] = &Record{ID: id, Token: "azure-native:web:WebApp", Inputs: site("ztp-prod-func-asp")}
	err = checkAzureWrite(c, "azure-native:network:PrivateEndpoint", "pe", pe, nil)
	if err == nil || !strings.HasPrefix(err.Error(), "PrivateEndpointNotSupportedForSku") {
		t.Fatalf("a Consumption site must refuse a private endpoint, got %v", err)
	}
}
