package main

import (
	"fmt"
	"regexp"
	"strings"
)

// Federated identity credentials on user-assigned identities and role-assignment conditions, validated as Entra ID
// and ARM validate them. Sources: learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations
// (at most 20 credentials per identity; the error table: exactly one audience, empty properties, invalid name,
// missing parent identity, duplicate issuer and subject, 409 on concurrent writes under one identity; issuer and
// subject at most 600 characters) and the Role Assignments - Create REST API, 2022-04-01 (conditionVersion: "Currently
// the only accepted value is '2.0'").
//
// Not simulated: a wrong audience value or a subject no workflow presents. Entra ID accepts both when the credential
// is written (New-AzFederatedIdentityCredential documents a custom audience) and only the later token exchange fails;
// the policy pack's federated-credential-github-exact refuses them before deployment.

const (
	federatedCredentialsPerIdentity = 20
	federatedCredentialToken        = "azure-native:managedidentity:FederatedIdentityCredential"
	federatedFieldMax               = 600
)

var federatedCredentialName = regexp.MustCompile(`^[a-zA-Z0-9][a-zA-Z0-9-_]{2,119}$`)

// identityOfCredential is the user-assigned identity's id a federated credential id sits under.
func identityOfCredential(id string) string {
	i := strings.Index(strings.ToLower(id), "/federatedidentitycredentials/")
	if i < 0 {
		return ""
	}
	return id[:i]
}

func checkFederatedCredential(c *Cloud, id string, in map[string]interface{}) error {
	name := lastSegment(id)
	if !federatedCredentialName.MatchString(name) {
		return fmt.Errorf("BadRequest: Federated Identity Credential name '%s' is invalid.", name)
	}
	identity := identityOfCredential(id)
	if c.get(key(identity)) == nil {
		return fmt.Errorf("NotFound: The parent user-assigned identity doesn't exist. (%s)", identity)
	}
	issuer, subject := str(in, "issuer"), str(in, "subject")
	audiences := list(in, "audiences")
	if issuer == "" || subject == "" || len(audiences) == 0 {
		return fmt.Errorf("BadRequest: Federated Identity Credential from HTTP body has empty properties")
	}
	if len(audiences) != 1 {
		return fmt.Errorf("BadRequest: Federated identity credentials must have exactly one audience.")
	}
	if !strings.HasPrefix(issuer, "https://") || strings.TrimSpace(issuer) != issuer {
		return fmt.Errorf("BadRequest: Issuer '%s' must be an https URL without surrounding spaces. (simulated)", issuer)
	}
	if len(issuer) > federatedFieldMax || len(subject) > federatedFieldMax {
		return fmt.Errorf("BadRequest: issuer and subject are limited to %d characters. (simulated)", federatedFieldMax)
	}
	siblings := 0
	for _, r := range c.byToken(federatedCredentialToken) {
		if !strings.EqualFold(identityOfCredential(r.ID), identity) || strings.EqualFold(r.ID, id) {
			continue
		}
		siblings++
		if str(r.Inputs, "issuer") == issuer && str(r.Inputs, "subject") == subject {
			return fmt.Errorf("BadRequest: Issuer and subject combination already exists for this Managed Identity. "+
				"(%s)", lastSegment(r.ID))
		}
	}
	if siblings >= federatedCredentialsPerIdentity {
		return fmt.Errorf("BadRequest: A maximum of %d federated identity credentials can be added to a user-assigned "+
			"managed identity; %s has %d. (simulated)", federatedCredentialsPerIdentity, lastSegment(identity), siblings)
	}
	return nil
}

// checkRoleAssignmentCondition: a condition needs version 2.0 (the default when only the condition is given), a
// version needs a condition, and the expression's parentheses and braces must balance.
func checkRoleAssignmentCondition(in map[string]interface{}) error {
	condition, version := str(in, "condition"), str(in, "conditionVersion")
	if condition == "" {
		if version != "" {
			return fmt.Errorf("InvalidRoleAssignmentRequest: conditionVersion is set but condition is empty. (simulated)")
		}
		return nil
	}
	if version != "" && version != "2.0" {
		return fmt.Errorf("InvalidConditionVersion: The condition version '%s' is not supported; the only accepted "+
			"value is '2.0'. (simulated)", version)
	}
	depth := map[rune]int{'(': 0, '{': 0}
	closing := map[rune]rune{')': '(', '}': '{'}
	for _, ch := range condition {
		if _, open := depth[ch]; open {
			depth[ch]++
		} else if o, ok := closing[ch]; ok {
			depth[o]--
			if depth[o] < 0 {
				break
			}
		}
	}
	if depth['('] != 0 || depth['{'] != 0 {
		return fmt.Errorf("InvalidCondition: The condition of the role assignment could not be parsed (unbalanced " +
			"parentheses or braces). (simulated)")
	}
	return nil
}
