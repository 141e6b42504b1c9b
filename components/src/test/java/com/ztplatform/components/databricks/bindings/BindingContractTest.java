package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every binding in the package, held against the provider schema subset: the build fails when one drifts. */
class BindingContractTest {
    private static SchemaContract contract;
    private static List<Class<?>> classes;
    private static SchemaContract.Report report;

    @BeforeAll
    static void checkAll() {
        contract = SchemaContract.load();
        classes = SchemaContract.bindingClasses();
        report = contract.check(SchemaContract.resourceClasses(classes));
    }

    @Test
    void everyBindingMatchesTheSchema() {
        assertThat(report.problems()).as(SchemaContract.describe(report.problems())).isEmpty();
    }

    @Test
    void theScanFindsTheWholePackage() {
        var resources = SchemaContract.resourceClasses(classes).stream().map(Class::getSimpleName)
                .collect(Collectors.toSet());
        assertThat(resources).containsExactlyInAnyOrder("DatabricksProvider", "SecretScope", "Secret",
                "MwsNetworkConnectivityConfig", "MwsNccPrivateEndpointRule", "MwsNccBinding", "AccountNetworkPolicy",
                "WorkspaceNetworkOption", "WorkspaceConf", "IpAccessList", "SecretAcl", "DisableLegacyAccessSetting", "DisableLegacyDbfsSetting", "ServicePrincipal", "ClusterPolicy", "Job", "Grant",
                "WorkspaceFile");
        assertThat(SchemaContract.resourceClasses(classes))
                .allSatisfy(c -> assertThat(c.getAnnotation(ResourceType.class)).as(c.getName()).isNotNull());
    }

    @Test
    void everyArgsClassInThePackageIsReachedByTheCheck() {
        // An Args class no resource reaches would escape the contract.
        assertThat(report.checkedArgs()).containsExactlyInAnyOrderElementsOf(SchemaContract.argsClasses(classes));
    }

    @Test
    void nestedArgsMapOneToOneOntoSchemaTypesNamedLikeTheGeneratedSdk() {
        assertThat(report.nestedTypes()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(Set.copyOf(report.nestedTypes().values())).hasSameSizeAs(report.nestedTypes().keySet());
        // Same class names as com.pulumi:databricks, so switching to the real SDK is an import change.
        report.nestedTypes().forEach((cls, token) ->
                assertThat(cls.getSimpleName()).isEqualTo(token.substring(token.lastIndexOf(':') + 1) + "Args"));
        assertThat(report.nestedTypes()).containsEntry(SecretScopeKeyvaultMetadataArgs.class,
                "databricks:index/SecretScopeKeyvaultMetadata:SecretScopeKeyvaultMetadata");
    }

    @Test
    void resourceTokensAreDerivedTheGeneratedWay() {
        // databricks:index/<camelCaseName>:<Name>, the Args class is <Name>Args.
        report.resourceArgs().forEach((resource, args) -> {
            var token = resource.getAnnotation(ResourceType.class).type();
            if (resource == DatabricksProvider.class) {
                assertThat(token).isEqualTo("pulumi:providers:databricks");
                assertThat(args).isEqualTo(DatabricksProviderArgs.class);
                return;
            }
            var name = resource.getSimpleName();
            assertThat(token).isEqualTo("databricks:index/" + Character.toLowerCase(name.charAt(0)) + name.substring(1)
                    + ":" + name);
            assertThat(args.getSimpleName()).isEqualTo(name + "Args");
        });
    }

    @Test
    void theSchemaCopyIsForThePluginVersionTheBindingsRequest() {
        assertThat(contract.providerVersion()).isEqualTo(DatabricksProvider.PLUGIN_VERSION).isEqualTo("1.106.0");
    }

    @Test
    void theProviderHasNoPersonalAccessTokenOrPasswordInput() {
        var inputs = Arrays.stream(DatabricksProviderArgs.class.getDeclaredFields())
                .filter(f -> f.isAnnotationPresent(Import.class))
                .map(f -> f.getAnnotation(Import.class).name()).collect(Collectors.toSet());
        assertThat(inputs).contains("host", "azureWorkspaceResourceId", "azureClientId", "azureTenantId", "azureUseMsi",
                        "azureEnvironment", "authType", "accountId")
                .doesNotContain("token", "password", "username", "clientSecret");
        var setters = Arrays.stream(DatabricksProviderArgs.Builder.class.getMethods()).map(m -> m.getName())
                .collect(Collectors.toSet());
        assertThat(setters).doesNotContain("token", "password", "username", "clientSecret");
    }
}
