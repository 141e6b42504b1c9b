package com.ztplatform.components.keyvault;

/**
 * Azure built-in role definition ids (learn.microsoft.com/azure/role-based-access-control/built-in-roles).
 * Only the narrow data-plane roles this platform grants.
 */
public final class RoleDefinitions {
    /** Read secret contents. */
    public static final String KEY_VAULT_SECRETS_USER = "4633458b-17de-408a-b874-0445c86b69e6";
    /** Read key metadata and wrap/unwrap: what encryption at rest needs, nothing more. */
    public static final String KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER = "e147488a-f6f5-4113-8e2d-b22465e65bf6";

    private RoleDefinitions() {
    }
}
