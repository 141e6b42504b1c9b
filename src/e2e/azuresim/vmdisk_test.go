package main

import "testing"

const (
	vmVaultID = aksSub + "ztp-prod-hub-rg/providers/Microsoft.KeyVault/vaults/ztp-prod-platform-kv"
	vmDesID   = aksSub + "ztp-prod-router-rg/providers/Microsoft.Compute/diskEncryptionSets/ztp-prod-router-des"
	vmKeyURL  = "https://ztp-prod-platform-kv.vault.azure.net/keys/router-os-disk-rsahsm3072/0123456789abcdef0123456789abcdef"
)

// diskCloud: the platform vault (purge protection as given), the router's disk encryption set, and its key grant
// when asked.
func diskCloud(purgeProtection, grant bool) *Cloud {
	c := &Cloud{Resources: map[string]*Record{}, DeletedVaults: map[string]string{}}
	put := func(id, token string, in map[string]interface{}) {
		c.Resources[key(id)] = &Record{ID: id, Token: token, Inputs: in}
	}
	put(vmVaultID, "azure-native:keyvault:Vault", map[string]interface{}{"properties": map[string]interface{}{
		"enablePurgeProtection": purgeProtection}})
	put(vmDesID, "azure-native:compute:DiskEncryptionSet", diskSet(vmKeyURL))
	if grant {
		put(aksSub+"ra-des", "azure-native:authorization:RoleAssignment", map[string]interface{}{
			"scope": vmVaultID + "/keys/router-os-disk-rsahsm3072", "principalId": guid(vmDesID + "#identity"),
			"roleDefinitionId": "/subscriptions/x/providers/Microsoft.Authorization/roleDefinitions/" + roleCryptoServiceEncryptionUser})
	}
	return c
}

func diskSet(url string) map[string]interface{} {
	return map[string]interface{}{"identity": map[string]interface{}{"type": "SystemAssigned"},
		"activeKey": map[string]interface{}{"keyUrl": url, "sourceVault": map[string]interface{}{"id": vmVaultID}}}
}

func routerVM(sku string) map[string]interface{} {
	return map[string]interface{}{
		"storageProfile": map[string]interface{}{
			"imageReference": map[string]interface{}{"publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": sku},
			"osDisk": map[string]interface{}{"managedDisk": map[string]interface{}{
				"diskEncryptionSet": map[string]interface{}{"id": vmDesID}}}},
		"securityProfile": map[string]interface{}{"encryptionAtHost": true, "securityType": "TrustedLaunch",
			"uefiSettings": map[string]interface{}{"secureBootEnabled": true, "vTpmEnabled": true}},
	}
}

func TestADiskEncryptionSetOnAProtectedVaultWithAVersionedKeyIsAccepted(t *testing.T) {
	if err := checkAzureWrite(diskCloud(true, false), "azure-native:compute:DiskEncryptionSet", vmDesID, diskSet(vmKeyURL), nil); err != nil {
		t.Fatal(err)
	}
}

func TestADiskEncryptionSetNeedsAVersionedKeyAndPurgeProtection(t *testing.T) {
	expectCode(t, checkDiskEncryptionSet(diskCloud(true, false),
		diskSet("https://ztp-prod-platform-kv.vault.azure.net/keys/router-os-disk-rsahsm3072")), "InvalidParameter: activeKey.keyUrl")
	expectCode(t, checkDiskEncryptionSet(diskCloud(false, false), diskSet(vmKeyURL)), "InvalidParameter: vault")
}

func TestATrustedLaunchRouterOnAGen2ImageWithItsKeyGrantIsAccepted(t *testing.T) {
	if err := checkAzureWrite(diskCloud(true, true), "azure-native:compute:VirtualMachine", "vm", routerVM("22_04-lts-gen2"), nil); err != nil {
		t.Fatal(err)
	}
}

func TestTrustedLaunchOnAGen1ImageIsRefused(t *testing.T) {
	expectCode(t, checkVirtualMachine(diskCloud(true, true), routerVM("22_04-lts")), "BadRequest: image sku 22_04-lts")
}

func TestSecureBootWithoutTrustedLaunchIsRefused(t *testing.T) {
	in := routerVM("22_04-lts-gen2")
	delete(in["securityProfile"].(map[string]interface{}), "securityType")
	expectCode(t, checkVirtualMachine(diskCloud(true, true), in), "InvalidParameter: secure boot")
}

func TestADiskEncryptionSetWithoutAccessToItsKeyIsRefused(t *testing.T) {
	expectCode(t, checkVirtualMachine(diskCloud(true, false), routerVM("22_04-lts-gen2")), "KeyVaultAccessForbidden")
}

func TestQueueAndTableKeyTypesCannotChangeOnAnExistingAccount(t *testing.T) {
	account := func(keyType string) map[string]interface{} {
		if keyType == "" {
			return map[string]interface{}{}
		}
		svc := map[string]interface{}{"enabled": true, "keyType": keyType}
		return map[string]interface{}{"encryption": map[string]interface{}{"services": map[string]interface{}{"queue": svc, "table": svc}}}
	}
	if err := fixedAtCreationChange(account("Account"), nil); err != nil {
		t.Fatal("a new account may choose Account:", err)
	}
	expectCode(t, fixedAtCreationChange(account("Account"), &Record{Inputs: account("")}), "InvalidRequestPropertyValue")
	if err := fixedAtCreationChange(account("Account"), &Record{Inputs: account("Account")}); err != nil {
		t.Fatal("an unchanged key type is accepted:", err)
	}
}

func TestInfrastructureEncryptionCannotChangeOnAnExistingAccount(t *testing.T) {
	account := func(infra bool) map[string]interface{} {
		return map[string]interface{}{"encryption": map[string]interface{}{"requireInfrastructureEncryption": infra}}
	}
	if err := fixedAtCreationChange(account(true), nil); err != nil {
		t.Fatal("a new account may require infrastructure encryption:", err)
	}
	expectCode(t, fixedAtCreationChange(account(true), &Record{Inputs: account(false)}), "InvalidRequestPropertyValue")
	expectCode(t, fixedAtCreationChange(account(false), &Record{Inputs: account(true)}), "InvalidRequestPropertyValue")
	if err := fixedAtCreationChange(account(true), &Record{Inputs: account(true)}); err != nil {
		t.Fatal("unchanged infrastructure encryption is accepted:", err)
	}
}
