package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Optional;

/**
 * Inputs of {@link DatabricksProvider} ({@code pulumi:providers:databricks}). There is deliberately no {@code token},
 * {@code username}/{@code password} or Databricks OAuth secret setter: this platform authenticates
 * with Entra ID only (see {@link DatabricksAzureAuth}).
 *
 * <ul>
 *   <li>{@code host}: workspace URL like {@code https://adb-1234567890123456.7.azuredatabricks.net}, or
 *       {@code https://accounts.azuredatabricks.net} for account-level resources</li>
 *   <li>{@code accountId}: Databricks account id (a GUID); account-level resources only</li>
 *   <li>{@code authType}: pins the credential chain, like {@code azure-msi}, {@code azure-client-secret},
 *       {@code azure-cli} or {@code github-oidc-azure}; see {@link DatabricksAzureAuth}</li>
 *   <li>{@code azureWorkspaceResourceId}: ARM id of the workspace; lets an Entra ID identity that is Contributor on
 *       the workspace be added as workspace admin on first login</li>
 *   <li>{@code azureClientId}: client (application) id of the service principal or of a user-assigned managed
 *       identity</li>
 *   <li>{@code azureClientSecret}: client secret of the service principal; always sent as a secret (secret)</li>
 *   <li>{@code azureTenantId}: Entra ID tenant id</li>
 *   <li>{@code azureUseMsi}: authenticate with the managed identity of the machine running Pulumi (sent
 *       JSON-encoded, as every non-string provider input)</li>
 *   <li>{@code azureEnvironment}: Azure cloud: {@code public} (default), {@code usgovernment}, {@code china}</li>
 * </ul>
 */
public final class DatabricksProviderArgs extends ResourceArgs {
    @Import(name = "host")
    private final @Nullable Output<String> host;

    @Import(name = "accountId")
    private final @Nullable Output<String> accountId;

    @Import(name = "authType")
    private final @Nullable Output<String> authType;

    @Import(name = "azureWorkspaceResourceId")
    private final @Nullable Output<String> azureWorkspaceResourceId;

    @Import(name = "azureClientId")
    private final @Nullable Output<String> azureClientId;

    @Import(name = "azureClientSecret")
    private final @Nullable Output<String> azureClientSecret;

    @Import(name = "azureTenantId")
    private final @Nullable Output<String> azureTenantId;

    @Import(name = "azureUseMsi", json = true)
    private final @Nullable Output<Boolean> azureUseMsi;

    @Import(name = "azureEnvironment")
    private final @Nullable Output<String> azureEnvironment;

    private DatabricksProviderArgs(Builder builder) {
        this.host = builder.host;
        this.accountId = builder.accountId;
        this.authType = builder.authType;
        this.azureWorkspaceResourceId = builder.azureWorkspaceResourceId;
        this.azureClientId = builder.azureClientId;
        this.azureClientSecret = builder.azureClientSecret;
        this.azureTenantId = builder.azureTenantId;
        this.azureUseMsi = builder.azureUseMsi;
        this.azureEnvironment = builder.azureEnvironment;
    }

    public Optional<Output<String>> host() {
        return Optional.ofNullable(this.host);
    }

    public Optional<Output<String>> accountId() {
        return Optional.ofNullable(this.accountId);
    }

    public Optional<Output<String>> authType() {
        return Optional.ofNullable(this.authType);
    }

    public Optional<Output<String>> azureWorkspaceResourceId() {
        return Optional.ofNullable(this.azureWorkspaceResourceId);
    }

    public Optional<Output<String>> azureClientId() {
        return Optional.ofNullable(this.azureClientId);
    }

    public Optional<Output<String>> azureClientSecret() {
        return Optional.ofNullable(this.azureClientSecret);
    }

    public Optional<Output<String>> azureTenantId() {
        return Optional.ofNullable(this.azureTenantId);
    }

    public Optional<Output<Boolean>> azureUseMsi() {
        return Optional.ofNullable(this.azureUseMsi);
    }

    public Optional<Output<String>> azureEnvironment() {
        return Optional.ofNullable(this.azureEnvironment);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<String> host;
        private @Nullable Output<String> accountId;
        private @Nullable Output<String> authType;
        private @Nullable Output<String> azureWorkspaceResourceId;
        private @Nullable Output<String> azureClientId;
        private @Nullable Output<String> azureClientSecret;
        private @Nullable Output<String> azureTenantId;
        private @Nullable Output<Boolean> azureUseMsi;
        private @Nullable Output<String> azureEnvironment;

        private Builder() {
        }

        public Builder host(@Nullable Output<String> host) {
            this.host = host;
            return this;
        }

        public Builder host(String host) {
            return host(Output.of(host));
        }

        public Builder accountId(@Nullable Output<String> accountId) {
            this.accountId = accountId;
            return this;
        }

        public Builder accountId(String accountId) {
            return accountId(Output.of(accountId));
        }

        public Builder authType(@Nullable Output<String> authType) {
            this.authType = authType;
            return this;
        }

        public Builder authType(String authType) {
            return authType(Output.of(authType));
        }

        public Builder azureWorkspaceResourceId(@Nullable Output<String> azureWorkspaceResourceId) {
            this.azureWorkspaceResourceId = azureWorkspaceResourceId;
            return this;
        }

        public Builder azureWorkspaceResourceId(String azureWorkspaceResourceId) {
            return azureWorkspaceResourceId(Output.of(azureWorkspaceResourceId));
        }

        public Builder azureClientId(@Nullable Output<String> azureClientId) {
            this.azureClientId = azureClientId;
            return this;
        }

        public Builder azureClientId(String azureClientId) {
            return azureClientId(Output.of(azureClientId));
        }

        /** Marks the value secret, whatever the caller passes. */
        public Builder azureClientSecret(@Nullable Output<String> azureClientSecret) {
            this.azureClientSecret = azureClientSecret == null ? null : azureClientSecret.asSecret();
            return this;
        }

        public Builder azureClientSecret(String azureClientSecret) {
            return azureClientSecret(Output.of(azureClientSecret));
        }

        public Builder azureTenantId(@Nullable Output<String> azureTenantId) {
            this.azureTenantId = azureTenantId;
            return this;
        }

        public Builder azureTenantId(String azureTenantId) {
            return azureTenantId(Output.of(azureTenantId));
        }

        public Builder azureUseMsi(@Nullable Output<Boolean> azureUseMsi) {
            this.azureUseMsi = azureUseMsi;
            return this;
        }

        public Builder azureUseMsi(Boolean azureUseMsi) {
            return azureUseMsi(Output.of(azureUseMsi));
        }

        public Builder azureEnvironment(@Nullable Output<String> azureEnvironment) {
            this.azureEnvironment = azureEnvironment;
            return this;
        }

        public Builder azureEnvironment(String azureEnvironment) {
            return azureEnvironment(Output.of(azureEnvironment));
        }

        public DatabricksProviderArgs build() {
            return new DatabricksProviderArgs(this);
        }
    }
}
