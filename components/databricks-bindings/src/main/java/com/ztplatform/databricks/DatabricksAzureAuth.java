package com.ztplatform.databricks;

import com.pulumi.core.Output;
import javax.annotation.Nullable;

import java.util.Objects;

/**
 * How a {@link DatabricksProvider} authenticates: always an Entra ID identity, never a personal access token (Key
 * Vault-backed secret scopes can only be created with an Entra ID token, and PATs are long-lived secrets). Each
 * variant pins {@code authType}, so the provider does not fall back to another credential it happens to find.
 *
 * <ul>
 *   <li>{@link #managedIdentity()} / {@link #managedIdentity(Output)}: the system- or user-assigned managed identity
 *       of the machine running Pulumi ({@code azure-msi}); the default for self-hosted CI agents on Azure</li>
 *   <li>{@link #githubOidc(Output, Output)}: GitHub Actions workload identity federation
 *       ({@code github-oidc-azure}); no secret at all</li>
 *   <li>{@link #servicePrincipal(Output, Output, Output)}: Entra ID app with a client secret
 *       ({@code azure-client-secret}); the secret is always sent as a Pulumi secret</li>
 *   <li>{@link #azureCli()}: the signed-in Azure CLI user ({@code azure-cli}); for local runs</li>
 * </ul>
 */
public final class DatabricksAzureAuth {
    private final String authType;
    private final boolean useMsi;
    private final @Nullable Output<String> tenantId;
    private final @Nullable Output<String> clientId;
    private final @Nullable Output<String> clientSecret;

    private DatabricksAzureAuth(String authType, boolean useMsi, @Nullable Output<String> tenantId,
                                @Nullable Output<String> clientId, @Nullable Output<String> clientSecret) {
        this.authType = authType;
        this.useMsi = useMsi;
        this.tenantId = tenantId;
        this.clientId = clientId;
        this.clientSecret = clientSecret == null ? null : clientSecret.asSecret();
    }

    /**
     * The system-assigned managed identity of the machine running Pulumi.
     *
     * @return {@code authType azure-msi} with no client id, so the provider asks the machine's identity endpoint
     */
    public static DatabricksAzureAuth managedIdentity() {
        return new DatabricksAzureAuth("azure-msi", true, null, null, null);
    }

    /**
     * A user-assigned managed identity of the machine running Pulumi, by its client id.
     *
     * @param clientId the identity's client (application) id; needed because a machine can carry several identities
     * @return {@code authType azure-msi} pinned to that identity
     */
    public static DatabricksAzureAuth managedIdentity(Output<String> clientId) {
        return new DatabricksAzureAuth("azure-msi", true, null, Objects.requireNonNull(clientId, "clientId"), null);
    }

    /**
     * GitHub Actions OIDC federated with an Entra ID app (needs {@code id-token: write} in the workflow).
     *
     * @param tenantId the Entra ID tenant of the app registration
     * @param clientId the app registration's client id, whose federated credential trusts the repository
     * @return {@code authType github-oidc-azure}: no secret is stored anywhere
     */
    public static DatabricksAzureAuth githubOidc(Output<String> tenantId, Output<String> clientId) {
        return new DatabricksAzureAuth("github-oidc-azure", false, Objects.requireNonNull(tenantId, "tenantId"),
                Objects.requireNonNull(clientId, "clientId"), null);
    }

    /**
     * An Entra ID service principal with a client secret (read it with {@code config.requireSecret}).
     *
     * @param tenantId     the Entra ID tenant of the service principal
     * @param clientId     the service principal's client id
     * @param clientSecret the client secret; it is marked secret here, so it never shows in clear in state or plans
     * @return {@code authType azure-client-secret}
     */
    public static DatabricksAzureAuth servicePrincipal(Output<String> tenantId, Output<String> clientId,
                                                       Output<String> clientSecret) {
        return new DatabricksAzureAuth("azure-client-secret", false, Objects.requireNonNull(tenantId, "tenantId"),
                Objects.requireNonNull(clientId, "clientId"), Objects.requireNonNull(clientSecret, "clientSecret"));
    }

    /**
     * The user signed in to the Azure CLI ({@code az login}); for local runs.
     *
     * @return {@code authType azure-cli}, which uses whoever ran {@code az login} on this machine
     */
    public static DatabricksAzureAuth azureCli() {
        return new DatabricksAzureAuth("azure-cli", false, null, null, null);
    }

    /**
     * The {@code authType} this variant pins, so the provider never falls back to another credential it happens
     * to find (a PAT in the environment, say).
     *
     * @return the provider's {@code authType} value, like {@code azure-msi}
     */
    public String authType() {
        return authType;
    }

    /** Sets {@code authType} and this variant's identity inputs. */
    DatabricksProviderArgs.Builder applyTo(DatabricksProviderArgs.Builder builder) {
        builder.authType(authType);
        if (useMsi) {
            builder.azureUseMsi(true);
        }
        builder.azureTenantId(tenantId).azureClientId(clientId).azureClientSecret(clientSecret);
        return builder;
    }
}
