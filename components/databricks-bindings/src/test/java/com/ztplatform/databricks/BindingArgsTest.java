package com.ztplatform.databricks;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Builders: required inputs named in the failure, secrets made secret, the few cross-field rules. */
class BindingArgsTest {

    @Test
    void requiredInputsAreValidatedAtBuildNamingTheProperty() {
        assertThatThrownBy(() -> SecretScopeArgs.builder().backendType("DATABRICKS").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("SecretScopeArgs.name is required");
        assertThatThrownBy(() -> SecretArgs.builder().scope("s").key("k").build())
                .hasMessage("SecretArgs.stringValue is required");
        assertThatThrownBy(() -> MwsNccBindingArgs.builder().workspaceId("1").build())
                .hasMessage("MwsNccBindingArgs.networkConnectivityConfigId is required");
        assertThatThrownBy(() -> SecretScopeKeyvaultMetadataArgs.builder().resourceId("id").build())
                .hasMessage("SecretScopeKeyvaultMetadataArgs.dnsName is required");
        assertThatThrownBy(() -> JobScheduleArgs.builder().timezoneId("UTC").build())
                .hasMessage("JobScheduleArgs.quartzCronExpression is required");
        assertThatThrownBy(() -> AccountNetworkPolicyEgressNetworkAccessArgs.builder().build())
                .hasMessage("AccountNetworkPolicyEgressNetworkAccessArgs.restrictionMode is required");
    }

    @Test
    void secretInputsAreSecretWhateverTheCallerPasses() {
        var args = SecretArgs.builder().scope("s").key("k").stringValue("clear").build();
        assertThat(Internal.of(args.stringValue()).isSecret().join()).isTrue();
        assertThat(Internal.of(args.scope()).isSecret().join()).isFalse();
        var provider = DatabricksProviderArgs.builder().azureClientSecret(Output.of("clear")).build();
        assertThat(Internal.of(provider.azureClientSecret().orElseThrow()).isSecret().join()).isTrue();
    }

    @Test
    void workspaceFileTakesExactlyOneContentSource() {
        assertThatThrownBy(() -> WorkspaceFileArgs.builder().path("/Shared/a.jar").build())
                .hasMessage("WorkspaceFileArgs needs exactly one of source or contentBase64, like source(...), got 0");
        assertThatThrownBy(() -> WorkspaceFileArgs.builder().path("/Shared/a.jar").source("a.jar")
                .contentBase64("AA==").build()).hasMessageContaining("exactly one of source or contentBase64").hasMessageEndingWith("got 2");
        assertThat(WorkspaceFileArgs.builder().path("/Shared/a.jar").source("a.jar").build().source()).isPresent();
    }

    @Test
    void keyVaultScopeFactorySetsBackendAndMetadata() {
        var args = SecretScopes.azureKeyVault("platform", Output.of("/vault/id"), Output.of("https://kv/"));
        assertThat(Internal.of(args.backendType().orElseThrow()).getValueNullable().join()).isEqualTo("AZURE_KEYVAULT");
        assertThat(args.keyvaultMetadata()).isPresent();
    }

    @Test
    void listSettersCopyTheirInput() {
        var addresses = new java.util.ArrayList<>(List.of("203.0.113.0/24"));
        var args = IpAccessListArgs.builder().label("l").listType("ALLOW").ipAddresses(addresses).build();
        addresses.add("198.51.100.0/24");
        assertThat(Internal.of(args.ipAddresses()).getValueNullable().join()).containsExactly("203.0.113.0/24");
    }

    @Test
    void workspaceHostGetsAScheme() {
        assertThat(DatabricksProvider.withScheme("adb-1.2.azuredatabricks.net"))
                .isEqualTo("https://adb-1.2.azuredatabricks.net");
        assertThat(DatabricksProvider.withScheme("https://adb-1.2.azuredatabricks.net"))
                .isEqualTo("https://adb-1.2.azuredatabricks.net");
    }

    @Test
    void authVariantsPinTheirAuthType() {
        assertThat(DatabricksAzureAuth.managedIdentity().authType()).isEqualTo("azure-msi");
        assertThat(DatabricksAzureAuth.githubOidc(Output.of("t"), Output.of("c")).authType())
                .isEqualTo("github-oidc-azure");
        assertThat(DatabricksAzureAuth.azureCli().authType()).isEqualTo("azure-cli");
        var sp = DatabricksAzureAuth.servicePrincipal(Output.of("t"), Output.of("c"), Output.of("s"))
                .applyTo(DatabricksProviderArgs.builder()).build();
        assertThat(Internal.of(sp.azureClientSecret().orElseThrow()).isSecret().join()).isTrue();
        assertThat(sp.azureUseMsi()).isEmpty();
    }

    @Test
    void secretAclTakesOnlyTheThreeDatabricksPermissions() {
        assertThatThrownBy(() -> SecretAclArgs.builder().permission("read"))
                .hasMessage("SecretAclArgs.permission must be READ, WRITE or MANAGE, like READ, got 'read'");
        assertThatThrownBy(() -> SecretAclArgs.builder().scope("platform").permission("READ").build())
                .hasMessage("SecretAclArgs.principal is required");
    }

    @Test
    void aGrantNamesExactlyOneSecurableAndPrivilegesInTheProvidersSpelling() {
        assertThatThrownBy(() -> GrantArgs.builder().principal("p").privileges(List.of("SELECT")).build())
                .hasMessage("GrantArgs needs exactly one of catalog, schema, table or volume, like catalog(...), got 0");
        assertThatThrownBy(() -> GrantArgs.builder().catalog("main").schema("main.raw").principal("p")
                .privileges(List.of("SELECT")).build()).hasMessageEndingWith("got 2");
        assertThatThrownBy(() -> GrantArgs.builder().privileges(List.of("select")))
                .hasMessage("GrantArgs.privileges must be a non-empty list of values matching [A-Z][A-Z_]*, got [select]");
        assertThatThrownBy(() -> GrantArgs.builder().privileges(List.of()))
                .hasMessageStartingWith("GrantArgs.privileges must be a non-empty list");
        assertThat(GrantArgs.builder().volume("main.raw.exports").principal("p").privileges("READ_VOLUME").build()
                .volume()).isPresent();
    }
}
