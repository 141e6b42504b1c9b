package main

import (
	"fmt"
	"regexp"
	"strings"
)

// Rules for the serverless router's VM, its disk encryption set and the lake's encryption key types. Sources:
// learn.microsoft.com/azure/virtual-machines/trusted-launch (Trusted Launch needs a Generation 2 image; secure boot
// and vTPM are settings of Trusted Launch), learn.microsoft.com/azure/virtual-machines/disk-encryption (a disk
// encryption set takes a versioned key URL from a vault with purge protection, and its identity needs access to the
// key before a disk uses it), learn.microsoft.com/azure/storage/common/account-encryption-key-create (the key type of
// queues and tables is chosen when the account is created and cannot be changed). Texts are simulated.

var versionedKeyURL = regexp.MustCompile(`^https://([a-z0-9-]+)\.vault\.azure\.net/keys/([A-Za-z0-9-]+)/([0-9a-fA-F]{32})$`)

func checkDiskEncryptionSet(c *Cloud, in map[string]interface{}) error {
	url := str(in, "activeKey.keyUrl")
	m := versionedKeyURL.FindStringSubmatch(url)
	if m == nil {
		return fmt.Errorf("InvalidParameter: activeKey.keyUrl %s must be a versioned Key Vault key URL "+
			"(https://<vault>.vault.azure.net/keys/<name>/<version>). (simulated)", url)
	}
	vault := str(in, "activeKey.sourceVault.id")
	if vault == "" {
		vault = strings.TrimSuffix(keyID(c, "https://"+m[1]+".vault.azure.net/", m[2]), "/keys/"+m[2])
	}
	v := c.get(vault)
	if v == nil {
		return fmt.Errorf("KeyVaultNotFound: vault %s does not exist. (simulated)", m[1])
	}
	if !boolean(v.Inputs, "properties.enablePurgeProtection") {
		return fmt.Errorf("InvalidParameter: vault %s must have purge protection enabled to hold a disk encryption "+
			"set's key. (simulated)", m[1])
	}
	return nil
}

func checkVirtualMachine(c *Cloud, in map[string]interface{}) error {
	security := str(in, "securityProfile.securityType")
	uefi := boolean(in, "securityProfile.uefiSettings.secureBootEnabled") || boolean(in, "securityProfile.uefiSettings.vTpmEnabled")
	if uefi && !strings.EqualFold(security, "TrustedLaunch") && !strings.EqualFold(security, "ConfidentialVM") {
		return fmt.Errorf("InvalidParameter: secure boot and vTPM need securityType TrustedLaunch. (simulated)")
	}
	if strings.EqualFold(security, "TrustedLaunch") {
		sku := strings.ToLower(str(in, "storageProfile.imageReference.sku"))
		if sku != "" && !strings.Contains(sku, "gen2") && !strings.HasSuffix(sku, "-g2") {
			return fmt.Errorf("BadRequest: image sku %s is a Generation 1 image; Trusted Launch needs a Generation 2 "+
				"image. (simulated)", str(in, "storageProfile.imageReference.sku"))
		}
	}
	if des := str(in, "storageProfile.osDisk.managedDisk.diskEncryptionSet.id"); des != "" {
		set := c.get(des)
		if set == nil {
			return fmt.Errorf("NotFound: disk encryption set %s does not exist. (simulated)", des)
		}
		m := versionedKeyURL.FindStringSubmatch(str(set.Inputs, "activeKey.keyUrl"))
		key := ""
		if m != nil {
			key = keyID(c, "https://"+m[1]+".vault.azure.net/", m[2])
		}
		if key == "" || !hasRole(c, roleCryptoServiceEncryptionUser, key, guid(des+"#identity")) {
			return fmt.Errorf("KeyVaultAccessForbidden: disk encryption set %s has no access to its key. (simulated)",
				lastSegment(des))
		}
	}
	return nil
}

// fixedAtCreationChange: what Azure fixes when an account is created: the key type of its queues and tables and
// infrastructure encryption.
func fixedAtCreationChange(in map[string]interface{}, old *Record) error {
	if old == nil {
		return nil
	}
	for _, svc := range []string{"queue", "table"} {
		was := str(old.Inputs, "encryption.services."+svc+".keyType")
		now := str(in, "encryption.services."+svc+".keyType")
		if was == "" {
			was = "Service"
		}
		if now == "" {
			now = "Service"
		}
		if !strings.EqualFold(was, now) {
			return fmt.Errorf("InvalidRequestPropertyValue: the %s encryption key type of an existing account cannot "+
				"change from %s to %s; create a new account. (simulated)", svc, was, now)
		}
	}
	// Infrastructure encryption "cannot be enabled or disabled after the account has been created"
	// (learn.microsoft.com/azure/storage/common/infrastructure-encryption-enable).
	was, now := boolean(old.Inputs, "encryption.requireInfrastructureEncryption"),
		boolean(in, "encryption.requireInfrastructureEncryption")
	if was != now {
		return fmt.Errorf("InvalidRequestPropertyValue: requireInfrastructureEncryption of an existing account cannot "+
			"change from %t to %t; create a new account. (simulated)", was, now)
	}
	return nil
}
