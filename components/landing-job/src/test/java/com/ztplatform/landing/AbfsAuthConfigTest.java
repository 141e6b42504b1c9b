package com.ztplatform.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AbfsAuthConfigTest {

    static final String HOST = "onelake.dfs.fabric.microsoft.com";
    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String CLIENT = "0a1b2c3d-1111-2222-3333-444455556666";
    static final String SECRET = "Sup3r~Secret.Value_9f8e7d";

    @Test
    void clientCredentialsProduceExactlyTheFiveHostScopedKeys() {
        AbfsAuthConfig c = AbfsAuthConfig.clientCredentials(HOST, TENANT, CLIENT, SECRET);
        assertThat(c.entries()).containsExactly(
                entry("fs.azure.account.auth.type.onelake.dfs.fabric.microsoft.com", "OAuth"),
                entry("fs.azure.account.oauth.provider.type.onelake.dfs.fabric.microsoft.com",
                        "org.apache.hadoop.fs.azurebfs.oauth2.ClientCredsTokenProvider"),
                entry("fs.azure.account.oauth2.client.id.onelake.dfs.fabric.microsoft.com", CLIENT),
                entry("fs.azure.account.oauth2.client.secret.onelake.dfs.fabric.microsoft.com", SECRET),
                entry("fs.azure.account.oauth2.client.endpoint.onelake.dfs.fabric.microsoft.com",
                        "https://login.microsoftonline.com/" + TENANT + "/oauth2/token"));
        Map<String, String> applied = new HashMap<>();
        c.applyTo(applied::put);
        assertThat(applied).isEqualTo(c.entries());
    }

    @Test
    void stagedHostGetsItsOwnKeys() {
        AbfsAuthConfig c = AbfsAuthConfig.clientCredentials("stztlanding.dfs.core.windows.net", "contoso.onmicrosoft.com",
                CLIENT, SECRET);
        assertThat(c.entries()).containsKeys("fs.azure.account.auth.type.stztlanding.dfs.core.windows.net",
                "fs.azure.account.oauth2.client.secret.stztlanding.dfs.core.windows.net");
        assertThat(c.entries().get("fs.azure.account.oauth2.client.endpoint.stztlanding.dfs.core.windows.net"))
                .isEqualTo("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/token");
    }

    @Test
    void keyNamesAndProvidersMatchHadoopAzure() throws Exception {
        Class<?> keys = Class.forName("org.apache.hadoop.fs.azurebfs.constants.ConfigurationKeys");
        assertThat(keys.getField("FS_AZURE_ACCOUNT_AUTH_TYPE_PROPERTY_NAME").get(null)).isEqualTo(AbfsAuthConfig.AUTH_TYPE);
        assertThat(keys.getField("FS_AZURE_ACCOUNT_TOKEN_PROVIDER_TYPE_PROPERTY_NAME").get(null))
                .isEqualTo(AbfsAuthConfig.PROVIDER_TYPE);
        assertThat(keys.getField("FS_AZURE_ACCOUNT_OAUTH_CLIENT_ID").get(null)).isEqualTo(AbfsAuthConfig.CLIENT_ID);
        assertThat(keys.getField("FS_AZURE_ACCOUNT_OAUTH_CLIENT_SECRET").get(null)).isEqualTo(AbfsAuthConfig.CLIENT_SECRET);
        assertThat(keys.getField("FS_AZURE_ACCOUNT_OAUTH_CLIENT_ENDPOINT").get(null)).isEqualTo(AbfsAuthConfig.CLIENT_ENDPOINT);
        assertThat(keys.getField("FS_AZURE_ACCOUNT_OAUTH_MSI_TENANT").get(null)).isEqualTo(AbfsAuthConfig.MSI_TENANT);
        assertThat(Class.forName(AbfsAuthConfig.CLIENT_CREDS_PROVIDER)).isNotNull();
        assertThat(Class.forName(AbfsAuthConfig.MSI_PROVIDER)).isNotNull();
    }

    @Test
    void theSecretNeverAppearsInToStringOrRedactedEntries() {
        AbfsAuthConfig c = AbfsAuthConfig.clientCredentials(HOST, TENANT, CLIENT, SECRET);
        assertThat(c.toString()).doesNotContain(SECRET).contains("[REDACTED]").contains(HOST);
        assertThat(c.redactedEntries().values()).doesNotContain(SECRET);
        assertThat(c.redactedEntries()).containsEntry(
                "fs.azure.account.oauth2.client.secret.onelake.dfs.fabric.microsoft.com", "[REDACTED]");
    }

    @Test
    void managedIdentityUsesTheMsiProvider() {
        AbfsAuthConfig c = AbfsAuthConfig.managedIdentity(HOST, TENANT, CLIENT);
        assertThat(c.kind()).isEqualTo(AbfsAuthConfig.Kind.MANAGED_IDENTITY);
        assertThat(c.entries()).containsExactly(
                entry("fs.azure.account.auth.type." + HOST, "OAuth"),
                entry("fs.azure.account.oauth.provider.type." + HOST, "org.apache.hadoop.fs.azurebfs.oauth2.MsiTokenProvider"),
                entry("fs.azure.account.oauth2.msi.tenant." + HOST, TENANT),
                entry("fs.azure.account.oauth2.client.id." + HOST, CLIENT));
        assertThat(AbfsAuthConfig.managedIdentity(HOST, null, null).entries())
                .containsEntry("fs.azure.account.oauth2.msi.tenant." + HOST, "")
                .containsEntry("fs.azure.account.oauth2.client.id." + HOST, "");
    }

    @Test
    void invalidInputsAreRejectedWithoutEchoingSecrets() {
        assertThatThrownBy(() -> AbfsAuthConfig.clientCredentials(HOST, "not a tenant!", CLIENT, SECRET))
                .hasMessageContaining("tenantId must be").hasMessageContaining("value not shown")
                .hasMessageNotContaining("not a tenant!");
        assertThatThrownBy(() -> AbfsAuthConfig.clientCredentials(HOST, TENANT, CLIENT, ""))
                .hasMessageContaining("clientSecret must not be empty");
        assertThatThrownBy(() -> AbfsAuthConfig.clientCredentials("OneLake Host", TENANT, CLIENT, SECRET))
                .hasMessageContaining("host must be a lowercase DNS name");
    }
}
