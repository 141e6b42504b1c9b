package main

import (
	"fmt"
	"net"
	"os"
	"regexp"
	"strings"
	"sync"
	"time"
)

// The rules below are Azure's and Databricks' own, where this design depends on ordering or uniqueness. Each
// error starts with the code Azure returns, so the message a user sees under the simulator is the one they
// would see in a subscription. Sources are named per rule; where Azure's exact text is not documented the
// message says "(simulated)".

// Role definition ids (built-in roles; learn.microsoft.com/azure/role-based-access-control/built-in-roles).
const (
	roleCryptoServiceEncryptionUser = "e147488a-f6f5-4113-8e2d-b22465e65bf6"
	roleStorageBlobDataContributor  = "ba92f5b4-2d11-453d-a403-e96b0029c9fe"
)

// inflight models ARM's per-parent operation serialisation: a second write while one is running on the
// same parent fails at once instead of queueing.
type inflight struct {
	mu   sync.Mutex
	busy map[string]string
}

func (f *inflight) acquire(parent, by string) (func(), bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.busy == nil {
		f.busy = map[string]string{}
	}
	if _, held := f.busy[key(parent)]; held {
		return nil, false
	}
	f.busy[key(parent)] = by
	return func() {
		f.mu.Lock()
		delete(f.busy, key(parent))
		f.mu.Unlock()
	}, true
}

// serialisedParent names the parent whose operations Azure serialises for this write, and the error it gives.
func serialisedParent(token string, in map[string]interface{}, id string) (string, string) {
	switch token {
	case "azure-native:network:Subnet":
		// Subnets of one VNet: learn.microsoft.com/azure/virtual-network (concurrent subnet PUTs fail),
		// pulumi/pulumi-azure-native#1024.
		vnet := id[:strings.Index(id, "/subnets/")]
		return vnet, "AnotherOperationInProgress: Another operation on this or dependent resource is in " +
			"progress. (virtual network " + vnet + " is being updated by another subnet operation)"
	case "azure-native:network:FirewallPolicyRuleCollectionGroup":
		// Rule collection groups of one policy are written one at a time (Azure/ResourceModules#1325).
		policy := id[:strings.Index(id, "/ruleCollectionGroups/")]
		return policy, "FirewallPolicyUpdateNotAllowedWhenUpdatingOrDeleting: Put on Firewall Policy " +
			lastSegment(policy) + " Failed as the Firewall Policy is being updated by another operation."
	case "azure-native:cognitiveservices:Deployment":
		// Model deployments of one account are changed one at a time; a second while one is running is refused
		// (observed service behaviour, e.g. hashicorp/terraform-provider-azurerm#23117; the text is simulated).
		account := id[:strings.Index(id, "/deployments/")]
		return account, "RequestConflict: Another operation is being performed on the parent resource " +
			lastSegment(account) + ". Please try again later. (simulated)"
	case federatedCredentialToken:
		// Entra ID refuses concurrent writes of federated credentials under one user-assigned identity with 409
		// (learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations).
		identity := identityOfCredential(id)
		return identity, "Conflict: Concurrent write request to federated identity credential resources under the " +
			"same user-assigned identity " + lastSegment(identity) + " has been denied."
	case "azure-native:network:PrivateEndpoint":
		// Private endpoint connections of one Databricks workspace: concurrent creation fails
		// (the Databricks Private Link documentation orders them one after another).
		for _, conn := range list(in, "privateLinkServiceConnections") {
			target := str(conn, "privateLinkServiceId")
			if strings.Contains(strings.ToLower(target), "/microsoft.databricks/workspaces/") {
				return target, "Conflict: Another private endpoint connection operation on workspace " +
					lastSegment(target) + " is in progress; retry after it completes. (simulated)"
			}
		}
	}
	return "", ""
}

// rbacPropagation is how long a role assignment takes to become effective (Azure: up to ~10 minutes,
// learn.microsoft.com/azure/role-based-access-control/troubleshooting#symptom---role-assignment-changes-are-not-being-detected).
func rbacPropagation() time.Duration {
	d, err := time.ParseDuration(os.Getenv("ZT_SIM_RBAC_PROPAGATION"))
	if err != nil {
		return 0
	}
	return d
}

// hasRole tells whether principal (any, when empty) holds role at scope or an ancestor scope, effective now.
func hasRole(c *Cloud, role, scope, principal string) bool {
	for _, ra := range c.byToken("azure-native:authorization:RoleAssignment") {
		if !strings.HasSuffix(strings.ToLower(str(ra.Inputs, "roleDefinitionId")), role) {
			continue
		}
		if principal != "" && !strings.EqualFold(str(ra.Inputs, "principalId"), principal) {
			continue
		}
		raScope := strings.TrimSuffix(str(ra.Inputs, "scope"), "/")
		if !strings.EqualFold(scope, raScope) && !hasPrefixFold(scope, raScope+"/") {
			continue
		}
		if time.Since(ra.Created) < rbacPropagation() {
			continue
		}
		return true
	}
	return false
}

// keyID turns a vault URI and key name into the key's ARM id, using the vault that exists with that name.
func keyID(c *Cloud, vaultURI, keyName string) string {
	host := strings.TrimPrefix(strings.TrimSuffix(vaultURI, "/"), "https://")
	vaultName := strings.SplitN(host, ".", 2)[0]
	for _, v := range c.byToken("azure-native:keyvault:Vault") {
		if strings.EqualFold(lastSegment(v.ID), vaultName) {
			return v.ID + "/keys/" + keyName
		}
	}
	return ""
}

// checkAzureWrite applies the rules that decide whether ARM accepts a create or update.
func checkAzureWrite(c *Cloud, token, id string, in map[string]interface{}, old *Record) error {
	switch token {
	case "azure-native:storage:StorageAccount":
		// Storage account names are global (learn.microsoft.com/azure/storage/common/storage-account-overview#storage-account-name).
		name := lastSegment(id)
		if !storageAccountName.MatchString(name) {
			return fmt.Errorf("AccountNameInvalid: %s is not a valid storage account name. Storage account name must "+
				"be between 3 and 24 characters in length and use numbers and lower-case letters only.", name)
		}
		if err := checkStorageEncryption(c, in); err != nil {
			return err
		}
		if err := checkStorageIPRules(in); err != nil {
			return err
		}
		if err := fixedAtCreationChange(in, old); err != nil {
			return err
		}
		for _, r := range c.byToken(token) {
			if strings.EqualFold(lastSegment(r.ID), name) && !strings.EqualFold(r.ID, id) {
				return fmt.Errorf("StorageAccountAlreadyTaken: The storage account named %s is already taken.", name)
			}
		}
	case "azure-native:keyvault:Vault":
		// Vault names are global, and a soft-deleted vault keeps its name until purged
		// (learn.microsoft.com/azure/key-vault/general/soft-delete-overview).
		name := strings.ToLower(lastSegment(id))
		for _, r := range c.byToken(token) {
			if strings.EqualFold(lastSegment(r.ID), name) && !strings.EqualFold(r.ID, id) {
				return fmt.Errorf("VaultAlreadyExists: The vault name '%s' is already in use.", name)
			}
		}
		if _, deleted := c.DeletedVaults[name]; deleted && old == nil {
			return fmt.Errorf("ConflictError: A vault with the same name already exists in deleted state. You need "+
				"to either recover or purge existing key vault. Vault name: '%s'", name)
		}
	case "azure-native:network:VirtualNetworkPeering":
		// learn.microsoft.com/azure/vpn-gateway/vpn-gateway-peering-gateway-transit: the remote VNet must
		// have a gateway before a peering may use it.
		if boolean(in, "useRemoteGateways") {
			remote := str(in, "remoteVirtualNetwork.id")
			if !vnetHasGateway(c, remote) {
				return fmt.Errorf("RemoteVnetHasNoGateways: Peering %s cannot have UseRemoteGateway flag set to true "+
					"because remote virtual network %s referenced by the peering does not have any gateways.", id, remote)
			}
		}
	case "azure-native:network:Route", "azure-native:network:RouteTable":
		var routes []interface{}
		if token == "azure-native:network:Route" {
			routes = []interface{}{in}
		} else {
			routes = list(in, "routes")
		}
		for _, r := range routes {
			if err := checkNextHop(c, r); err != nil {
				return err
			}
		}
	case flowLogToken:
		return checkFlowLog(c, id, in)
	case linkedStorageToken:
		return checkLinkedStorageAccount(c, id, in)
	case "azure-native:containerregistry:Registry":
		return checkRegistry(c, id, in)
	case "azure-native:servicebus:Namespace":
		return checkServiceBusNamespace(c, id, in)
	case "azure-native:web:WebApp":
		return checkWebApp(c, id, in)
	case "azure-native:insights:PrivateLinkScope":
		return checkPrivateLinkScope(id, in)
	case "azure-native:insights:PrivateLinkScopedResource":
		return checkScopedResource(c, id, in)
	case "azure-native:cognitiveservices:Account":
		return checkAiAccount(c, id, in)
	case "azure-native:machinelearningservices:Workspace":
		return checkMlWorkspace(c, id, in, old)
	case "azure-native:containerservice:ManagedCluster":
		return checkManagedCluster(c, id, in)
	case "azure-native:compute:DiskEncryptionSet":
		return checkDiskEncryptionSet(c, in)
	case "azure-native:compute:VirtualMachine":
		return checkVirtualMachine(c, in)
	case tokenExtension:
		return checkClusterExtension(c, in)
	case tokenCompute:
		return checkMlCompute(c, id, in)
	case "azure-native:network:PrivateEndpoint":
		return checkPrivateEndpointTarget(c, in)
	case "azure-native:databricks:Workspace":
		return checkWorkspaceEncryption(c, id, in, old)
	case "azure-native:network:ServiceEndpointPolicy":
		return checkServiceEndpointPolicy(in)
	case federatedCredentialToken:
		return checkFederatedCredential(c, id, in)
	case "azure-native:authorization:RoleAssignment":
		return checkRoleAssignmentCondition(in)
	case "azure-native:insights:ActionGroup":
		return checkActionGroup(in)
	case "azure-native:insights:ActivityLogAlert":
		return checkActivityLogAlert(c, in)
	case "azure-native:insights:ScheduledQueryRule":
		return checkScheduledQueryRule(c, in)
	case "azure-native:consumption:Budget":
		return checkBudget(c, in)
	case "azure-native:authorization:PolicySetDefinition":
		return checkPolicySetDefinition(in)
	case "azure-native:authorization:PolicyAssignment":
		return checkPolicyAssignment(c, id, in)
	case "azure-native:authorization:PolicyExemption":
		return checkPolicyExemption(c, in)
	case "azure-native:network:Subnet":
		// A policy filters the traffic of a service endpoint: without the endpoint ARM refuses it
		// (learn.microsoft.com/azure/virtual-network/virtual-network-service-endpoint-policies-overview).
		if len(list(in, "serviceEndpointPolicies")) > 0 && !hasServiceEndpoint(in, "Microsoft.Storage") {
			return fmt.Errorf("ServiceEndpointPolicyCannotBeAppliedWithoutServiceEndpoint: subnet %s has a service "+
				"endpoint policy but no Microsoft.Storage service endpoint. (simulated)", lastSegment(id))
		}
	}
	return nil
}

var storageAccountName = regexp.MustCompile(`^[a-z0-9]{3,24}$`)

// maxStorageIPRules is the most IP network rules one storage account takes.
const maxStorageIPRules = 400

// storagePrivateRanges are the RFC 1918 ranges the storage firewall refuses in IP rules.
var storagePrivateRanges = []string{"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"}

// checkStorageIPRules refuses IP network rules the way Azure Storage does
// (learn.microsoft.com/azure/storage/common/storage-network-security): IPv4 only, public addresses only (private
// RFC 1918 ranges are refused), no /31 or /32 prefix (single addresses are written without one), at most 400 rules.
func checkStorageIPRules(in map[string]interface{}) error {
	rules := list(in, "networkRuleSet.ipRules")
	if len(rules) > maxStorageIPRules {
		return fmt.Errorf("NetworkAclsValidationFailure: Validation of network acls failure: %d IP rules exceed the "+
			"limit of %d per storage account. (simulated)", len(rules), maxStorageIPRules)
	}
	for _, rule := range rules {
		m, _ := rule.(map[string]interface{})
		value := str(m, "iPAddressOrRange")
		if value == "" {
			value = str(m, "value")
		}
		text := value
		if !strings.Contains(text, "/") {
			text += "/32"
		}
		addr, block, err := net.ParseCIDR(text)
		if err != nil || addr.To4() == nil {
			return fmt.Errorf("NetworkAclsValidationFailure: Validation of network acls failure: %q is not a valid "+
				"IPv4 address or range in CIDR format. (simulated)", value)
		}
		if ones, _ := block.Mask.Size(); strings.Contains(value, "/") && ones > 30 {
			return fmt.Errorf("NetworkAclsValidationFailure: Validation of network acls failure: %q: small address "+
				"ranges using /31 or /32 prefix sizes are not supported; use individual IP address rules without a "+
				"prefix. (simulated)", value)
		}
		for _, r := range storagePrivateRanges {
			_, private, _ := net.ParseCIDR(r)
			if private.Contains(block.IP) || block.Contains(private.IP) {
				return fmt.Errorf("NetworkAclsValidationFailure: Validation of network acls failure: %q is in the "+
					"private range %s; IP network rules take public internet addresses only. (simulated)", value, r)
			}
		}
	}
	return nil
}

// Registry names: 5-50 alphanumerics, unique worldwide (learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules).
var registryName = regexp.MustCompile(`^[a-zA-Z0-9]{5,50}$`)

// Custom subdomains of AI services accounts: a DNS label (learn.microsoft.com/azure/ai-services/cognitive-services-custom-subdomains).
var customSubdomain = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$`)

// checkRegistry: Premium-only features are refused on other tiers, and the export policy can only be disabled with
// public network access disabled (learn.microsoft.com/azure/container-registry/data-loss-prevention).
func checkRegistry(c *Cloud, id string, in map[string]interface{}) error {
	name := lastSegment(id)
	if !registryName.MatchString(name) {
		return fmt.Errorf("InvalidRegistryName: registry name %s must be 5-50 alphanumeric characters. (simulated)", name)
	}
	for _, r := range c.byToken("azure-native:containerregistry:Registry") {
		if strings.EqualFold(lastSegment(r.ID), name) && !strings.EqualFold(r.ID, id) {
			return fmt.Errorf("AlreadyInUse: The registry %s is already in use.", name)
		}
	}
	premium := strings.EqualFold(str(in, "sku.name"), "Premium")
	if strings.EqualFold(str(in, "zoneRedundancy"), "Enabled") && !premium {
		return fmt.Errorf("ZoneRedundancyNotSupported: zone redundancy needs the Premium tier; registry %s is %s. "+
			"(simulated)", name, str(in, "sku.name"))
	}
	if strings.EqualFold(str(in, "policies.exportPolicy.status"), "disabled") {
		if !premium {
			return fmt.Errorf("ExportPolicyNotSupported: the export policy needs the Premium tier. (simulated)")
		}
		if !strings.EqualFold(str(in, "publicNetworkAccess"), "Disabled") {
			return fmt.Errorf("ExportPolicyRequiresPublicNetworkAccessDisabled: exports of registry %s can be disabled "+
				"only when publicNetworkAccess is Disabled. (simulated)", name)
		}
	}
	return nil
}

// checkAiAccount: the custom subdomain is a DNS label unique worldwide.
func checkAiAccount(c *Cloud, id string, in map[string]interface{}) error {
	sub := str(in, "properties.customSubDomainName")
	if sub == "" {
		return nil
	}
	if !customSubdomain.MatchString(sub) {
		return fmt.Errorf("InvalidSubdomain: custom subdomain '%s' must be 2-64 lowercase letters, digits and hyphens. "+
			"(simulated)", sub)
	}
	for _, r := range c.byToken("azure-native:cognitiveservices:Account") {
		if strings.EqualFold(str(r.Inputs, "properties.customSubDomainName"), sub) && !strings.EqualFold(r.ID, id) {
			return fmt.Errorf("CustomDomainInUse: Custom domain name '%s' is already in use. (simulated)", sub)
		}
	}
	return nil
}

// Machine Learning workspace names: 3-33 letters, digits, hyphens and underscores, starting with a letter or digit
// (learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules).
var mlWorkspaceName = regexp.MustCompile(`^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$`)

// checkMlWorkspace: a workspace is created with its associated storage account, key vault and Application Insights,
// each an existing resource of that type (learn.microsoft.com/azure/machine-learning/concept-workspace, "Associated
// resources"); hbiWorkspace is fixed at creation (learn.microsoft.com/azure/machine-learning/concept-data-encryption).
// The texts are simulated.
func checkMlWorkspace(c *Cloud, id string, in map[string]interface{}, old *Record) error {
	name := lastSegment(id)
	if !mlWorkspaceName.MatchString(name) {
		return fmt.Errorf("InvalidWorkspaceName: workspace name %s must be 3-33 letters, digits, '-' or '_', starting "+
			"with a letter or digit. (simulated)", name)
	}
	for _, dep := range []struct{ key, token string }{
		{"storageAccount", "azure-native:storage:StorageAccount"},
		{"keyVault", "azure-native:keyvault:Vault"},
		{"applicationInsights", "azure-native:insights:Component"},
	} {
		ref := str(in, dep.key)
		if ref == "" {
			return fmt.Errorf("ValidationError: workspace %s needs %s: a workspace is created with its associated "+
				"resources. (simulated)", name, dep.key)
		}
		if r := c.get(ref); r == nil || r.Token != dep.token {
			return fmt.Errorf("ResourceNotFound: %s %s of workspace %s does not exist. (simulated)", dep.key, ref, name)
		}
	}
	if ref := str(in, "containerRegistry"); ref != "" {
		if r := c.get(ref); r == nil || r.Token != "azure-native:containerregistry:Registry" {
			return fmt.Errorf("ResourceNotFound: containerRegistry %s of workspace %s does not exist. (simulated)", ref, name)
		}
	}
	if old != nil && fmt.Sprint(get(old.Inputs, "hbiWorkspace")) != fmt.Sprint(get(in, "hbiWorkspace")) {
		return fmt.Errorf("BadRequest: hbiWorkspace of workspace %s cannot be changed after creation; create a new "+
			"workspace. (simulated)", name)
	}
	return nil
}

// checkPrivateEndpointTarget: a registry takes private endpoints only on the Premium tier
// (learn.microsoft.com/azure/container-registry/container-registry-private-link), and an AI services account only
// with a custom subdomain (learn.microsoft.com/azure/ai-services/cognitive-services-virtual-networks).
func checkPrivateEndpointTarget(c *Cloud, in map[string]interface{}) error {
	for _, conn := range list(in, "privateLinkServiceConnections") {
		target := c.get(str(conn, "privateLinkServiceId"))
		if target == nil {
			continue
		}
		if err := checkIntegrationEndpoint(c, target); err != nil {
			return err
		}
		switch target.Token {
		case "azure-native:containerregistry:Registry":
			if !strings.EqualFold(str(target.Inputs, "sku.name"), "Premium") {
				return fmt.Errorf("PrivateEndpointNotSupportedForSku: registry %s has SKU %s; private endpoints need "+
					"Premium. (simulated)", lastSegment(target.ID), str(target.Inputs, "sku.name"))
			}
		case "azure-native:machinelearningservices:Workspace":
			// The one sub-resource of a workspace (learn.microsoft.com/azure/private-link/private-endpoint-overview).
			for _, g := range list(conn, "groupIds") {
				if fmt.Sprint(g) != "amlworkspace" {
					return fmt.Errorf("PrivateEndpointBadRequest: group id %v is not valid for workspace %s; use "+
						"amlworkspace. (simulated)", g, lastSegment(target.ID))
				}
			}
		case "azure-native:insights:PrivateLinkScope":
			if err := checkScopeEndpoint(target, conn); err != nil {
				return err
			}
		case "azure-native:cognitiveservices:Account":
			if str(target.Inputs, "properties.customSubDomainName") == "" {
				return fmt.Errorf("CustomSubdomainRequired: account %s has no custom subdomain; private endpoints "+
					"need one. (simulated)", lastSegment(target.ID))
			}
		}
	}
	return nil
}

// checkStorageEncryption: an account created with a customer-managed key through a user-assigned identity must list
// that identity and the identity must already be allowed to use the key; Azure Storage checks the key at creation
// (learn.microsoft.com/azure/storage/common/customer-managed-keys-configure-new-account).
func checkStorageEncryption(c *Cloud, in map[string]interface{}) error {
	enc := get(in, "encryption")
	if enc == nil || !strings.EqualFold(str(enc, "keySource"), "Microsoft.Keyvault") {
		return nil
	}
	identity := str(enc, "encryptionIdentity.encryptionUserAssignedIdentity")
	if identity == "" {
		return fmt.Errorf("InvalidEncryptionIdentity: a customer-managed key on a new account needs a user-assigned " +
			"identity in encryption.identity. (simulated)")
	}
	listed := false
	for _, u := range list(in, "identity.userAssignedIdentities") {
		if s, ok := u.(string); ok && strings.EqualFold(s, identity) {
			listed = true
		}
	}
	if !listed {
		return fmt.Errorf("InvalidEncryptionIdentity: identity %s is not assigned to the account. (simulated)", identity)
	}
	key := keyID(c, str(enc, "keyVaultProperties.keyVaultUri"), str(enc, "keyVaultProperties.keyName"))
	if key == "" || !hasRole(c, roleCryptoServiceEncryptionUser, key, guid(identity+"#principal")) {
		return fmt.Errorf("KeyVaultAuthenticationFailure: The operation failed because of authentication issue on "+
			"the keyvault: identity %s cannot use key %s. (simulated)", lastSegment(identity),
			str(enc, "keyVaultProperties.keyName"))
	}
	return nil
}

// checkServiceEndpointPolicy: Microsoft.Storage definitions name ARM resources (subscription, resource group or
// account ids); Global definitions name service aliases under /services/Azure.
func checkServiceEndpointPolicy(in map[string]interface{}) error {
	for _, d := range list(in, "serviceEndpointPolicyDefinitions") {
		def, _ := d.(map[string]interface{})
		service := str(def, "service")
		for _, r := range list(def, "serviceResources") {
			res, _ := r.(string)
			switch service {
			case "Microsoft.Storage":
				if !strings.HasPrefix(res, "/subscriptions/") || len(strings.Split(strings.Trim(res, "/"), "/"))%2 != 0 {
					return fmt.Errorf("ServiceResourceNameMustHaveEvenElements: invalid resource name %s. (simulated)", res)
				}
			case "Global":
				if !strings.HasPrefix(res, "/services/Azure") {
					return fmt.Errorf("InvalidServiceEndpointPolicyServiceAlias: %s is not a service alias. (simulated)", res)
				}
			default:
				return fmt.Errorf("InvalidServiceNameOnServiceEndpointPolicyDefinition: service %s is not supported; use "+
					"Microsoft.Storage or Global. (simulated)", service)
			}
		}
	}
	return nil
}

func hasServiceEndpoint(in map[string]interface{}, service string) bool {
	for _, e := range list(in, "serviceEndpoints") {
		if m, ok := e.(map[string]interface{}); ok && strings.EqualFold(str(m, "service"), service) {
			return true
		}
	}
	return false
}

func vnetHasGateway(c *Cloud, vnetID string) bool {
	for _, gw := range c.byToken("azure-native:network:VirtualNetworkGateway") {
		for _, cfg := range list(gw.Inputs, "ipConfigurations") {
			if hasPrefixFold(str(cfg, "subnet.id"), vnetID+"/subnets/") {
				return true
			}
		}
	}
	return false
}

// checkNextHop refuses a virtual-appliance route into AzureFirewallSubnet whose next hop is not the address
// the firewall gets there. Azure itself accepts any address and silently drops the traffic, which for
// forced tunnelling means spokes without egress; the simulator makes that mistake loud. The firewall's
// address is known before it exists (the first firewall in AzureFirewallSubnet gets its fourth address),
// so routes may be written before the firewall; checkFirewallRoutes closes the loop when it is created.
func checkNextHop(c *Cloud, route interface{}) error {
	if !strings.EqualFold(str(route, "nextHopType"), "VirtualAppliance") {
		return nil
	}
	ip := str(route, "nextHopIpAddress")
	for _, fw := range c.byToken("azure-native:network:AzureFirewall") {
		for _, cfg := range list(fw.Outputs, "ipConfigurations") {
			if str(cfg, "privateIPAddress") == ip {
				return nil
			}
		}
	}
	for _, s := range c.byToken("azure-native:network:Subnet") {
		prefix := str(s.Inputs, "addressPrefix")
		if !strings.EqualFold(lastSegment(s.ID), "AzureFirewallSubnet") || !cidrContains(prefix, ip) {
			continue
		}
		if fourth, _ := cidrAddress(prefix, 4); fourth != ip {
			return misroute(str(route, "name"), ip, prefix, fourth)
		}
	}
	return nil
}

func misroute(route, ip, prefix, firewallIP string) error {
	return fmt.Errorf("InvalidNextHop: route %q sends traffic to %s in AzureFirewallSubnet %s, but the firewall "+
		"there has %s; traffic to this next hop is dropped. (simulated)", route, ip, prefix, firewallIP)
}

// checkFirewallRoutes: when a firewall gets its address, every route that points into its subnet must name it.
func checkFirewallRoutes(c *Cloud, firewallOutputs map[string]interface{}) error {
	for _, cfg := range list(firewallOutputs, "ipConfigurations") {
		ip := str(cfg, "privateIPAddress")
		subnet := c.get(str(cfg, "subnet.id"))
		if ip == "" || subnet == nil {
			continue
		}
		prefix := str(subnet.Inputs, "addressPrefix")
		for _, token := range []string{"azure-native:network:Route", "azure-native:network:RouteTable"} {
			for _, r := range c.byToken(token) {
				routes := list(r.Inputs, "routes")
				if token == "azure-native:network:Route" {
					routes = []interface{}{r.Inputs}
				}
				for _, route := range routes {
					hop := str(route, "nextHopIpAddress")
					if strings.EqualFold(str(route, "nextHopType"), "VirtualAppliance") && cidrContains(prefix, hop) &&
						hop != ip {
						return misroute(str(route, "name"), hop, prefix, ip)
					}
				}
			}
		}
	}
	return nil
}

func ipAssigned(c *Cloud, ip string) bool {
	for _, token := range []string{"azure-native:network:NetworkInterface", "azure-native:network:LoadBalancer"} {
		for _, r := range c.byToken(token) {
			cfgs := list(r.Inputs, "ipConfigurations")
			cfgs = append(cfgs, list(r.Inputs, "frontendIPConfigurations")...)
			for _, cfg := range cfgs {
				if str(cfg, "privateIPAddress") == ip {
					return true
				}
			}
		}
	}
	return false
}

// checkWorkspaceEncryption: Databricks uses the managed-services key at creation, so AzureDatabricks must
// already hold Key Vault Crypto Service Encryption User on it; the DBFS-root key can only be applied to a
// workspace that was first deployed with prepareEncryption, after its storage identity got the same role
// (learn.microsoft.com/azure/databricks/security/keys/customer-managed-keys-managed-services-azure,
//
//	.../security/keys/cmk-dbfs-azure).
func checkWorkspaceEncryption(c *Cloud, id string, in map[string]interface{}, old *Record) error {
	ms := get(in, "encryption.entities.managedServices.keyVaultProperties")
	if ms != nil && (old == nil || !equalJSON(get(old.Inputs, "encryption.entities.managedServices"),
		get(in, "encryption.entities.managedServices"))) {
		key := keyID(c, str(ms, "keyVaultUri"), str(ms, "keyName"))
		// The grantee must be AzureDatabricks' service principal in this tenant (set per run); without it any
		// principal counts.
		if key == "" || !hasRole(c, roleCryptoServiceEncryptionUser, key, os.Getenv("ZT_SIM_AZURE_DATABRICKS_OBJECT_ID")) {
			return fmt.Errorf("InvalidEncryptionKeyAccess: AzureDatabricks cannot use key %s in %s for managed "+
				"services encryption: it needs 'Key Vault Crypto Service Encryption User' (or wrapKey/unwrapKey/get) "+
				"on the key before the workspace uses it. (simulated)", str(ms, "keyName"), str(ms, "keyVaultUri"))
		}
	}
	dbfs := get(in, "parameters.encryption.value")
	if dbfs != nil && strings.EqualFold(str(dbfs, "keySource"), "Microsoft.Keyvault") &&
		(old == nil || !equalJSON(get(old.Inputs, "parameters.encryption"), get(in, "parameters.encryption"))) {
		if old == nil || !boolean(old.Inputs, "parameters.prepareEncryption.value") {
			return fmt.Errorf("BadRequest: Missing pre-requisites to enable EncryptionAtRest/Customer Managed Key " +
				"for this workspace: deploy it with prepareEncryption first, grant its storage identity access to " +
				"the key, then set the encryption key.")
		}
		principal := str(old.Outputs, "storageAccountIdentity.principalId")
		key := keyID(c, str(dbfs, "keyVaultUri"), str(dbfs, "keyName"))
		if key == "" || !hasRole(c, roleCryptoServiceEncryptionUser, key, principal) {
			return fmt.Errorf("BadRequest: Unable to update storage account of workspace %s: the operation failed "+
				"because of authentication issue on the keyvault (storage identity %s has no access to key %s).",
				lastSegment(id), principal, str(dbfs, "keyName"))
		}
	}
	return nil
}

// checkAzureDelete: a CanNotDelete or ReadOnly lock at the resource or any parent scope refuses the delete
// (learn.microsoft.com/azure/azure-resource-manager/management/lock-resources).
func checkAzureDelete(c *Cloud, token, id string) error {
	if token == "azure-native:authorization:ManagementLockByScope" {
		return nil
	}
	if err := checkScopedDelete(c, token, id); err != nil {
		return err
	}
	for _, lock := range c.byToken("azure-native:authorization:ManagementLockByScope") {
		scope := str(lock.Inputs, "scope")
		if scope != "" && (strings.EqualFold(scope, id) || hasPrefixFold(id, scope+"/")) {
			return fmt.Errorf("ScopeLocked: The scope '%s' cannot perform delete operation because following "+
				"scope(s) are locked: '%s'. Please remove the lock and try again.", id, lock.ID)
		}
	}
	return nil
}

func equalJSON(a, b interface{}) bool {
	return fmt.Sprintf("%v", a) == fmt.Sprintf("%v", b)
}

// checkLakeReachable: Databricks validates an external location by reading and writing its URL with the storage
// credential's identity, from its control plane, when it creates the location. That works only when the account's
// firewall admits the credential's access connector (a resource instance rule, which Azure evaluates only while public
// network access is Enabled: learn.microsoft.com/azure/storage/common/storage-network-security-resource-instances) and
// the identity's data role is effective (role assignments take time to apply: ZT_SIM_RBAC_PROPAGATION).
func checkLakeReachable(c *Cloud, in map[string]interface{}) error {
	url := str(in, "url")
	if !strings.HasPrefix(url, "abfss://") {
		return nil
	}
	host := strings.SplitN(strings.SplitN(strings.TrimPrefix(url, "abfss://"), "/", 2)[0], "@", 2)
	if len(host) != 2 {
		return nil
	}
	accountName := strings.SplitN(host[1], ".", 2)[0]
	var account *Record
	for _, r := range c.byToken("azure-native:storage:StorageAccount") {
		if strings.EqualFold(lastSegment(r.ID), accountName) {
			account = r
		}
	}
	if account == nil {
		return nil // storage this cloud does not hold (another stack's lake): not judged
	}
	var credential *Record
	for _, r := range c.byToken("databricks:index/storageCredential:StorageCredential") {
		if fmt.Sprint(r.Inputs["name"]) == str(in, "credentialName") {
			credential = r
		}
	}
	if credential == nil {
		return nil
	}
	connector := str(credential.Inputs, "azureManagedIdentity.accessConnectorId")
	identity := str(credential.Inputs, "azureManagedIdentity.managedIdentityId")
	admitted := false
	switch {
	case strings.EqualFold(str(account.Inputs, "publicNetworkAccess"), "Disabled"):
		admitted = false
	case !strings.EqualFold(str(account.Inputs, "networkRuleSet.defaultAction"), "Deny"):
		admitted = true
	default:
		for _, rule := range list(account.Inputs, "networkRuleSet.resourceAccessRules") {
			if strings.EqualFold(str(rule, "resourceId"), connector) {
				admitted = true
			}
		}
	}
	if !admitted {
		return fmt.Errorf("PERMISSION_DENIED: The credential '%s' cannot access %s: This request is not authorized to "+
			"perform this operation (AuthorizationFailure: the storage firewall of %s does not admit access connector "+
			"%s). (simulated)", str(in, "credentialName"), url, accountName, lastSegment(connector))
	}
	principal := guid(identity + "#principal")
	if identity == "" || !hasRole(c, roleStorageBlobDataContributor, account.ID, principal) {
		return fmt.Errorf("PERMISSION_DENIED: The credential '%s' cannot access %s: This request is not authorized to "+
			"perform this operation using this permission (AuthorizationPermissionMismatch: identity %s has no "+
			"effective Storage Blob Data Contributor on %s). (simulated)", str(in, "credentialName"), url,
			lastSegment(identity), accountName)
	}
	return nil
}
