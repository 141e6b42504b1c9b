package com.ztplatform.components.keyvault;

import com.ztplatform.components.common.BuiltInRole;

/**
 * Azure built-in role definition ids (learn.microsoft.com/azure/role-based-access-control/built-in-roles).
 * Only the narrow data-plane roles this platform grants.
 */
public final class RoleDefinitions {
    /** Read secret contents. */
    public static final String KEY_VAULT_SECRETS_USER = BuiltInRole.KEY_VAULT_SECRETS_USER.guid();
    /** Read key metadata and wrap/unwrap: what encryption at rest needs, nothing more. */
    public static final String KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER = BuiltInRole.KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER.guid();

    private RoleDefinitions() {
    }
}
