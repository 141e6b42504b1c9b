package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.ResourceArgs;
import org.junit.jupiter.api.Test;

import javax.annotation.Nullable;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checker catches drift: small fake bindings, each correct but for one deliberate mistake, must each produce
 * exactly the expected problem.
 */
class BindingContractDriftTest {
    private static final SchemaContract CONTRACT = SchemaContract.load();

    private static List<String> problems(Class<?>... resources) {
        return CONTRACT.check(List.of(resources)).problems();
    }

    // ---- a correct fake, to prove the fakes themselves are sound ----

    static final class GoodScopeArgs extends ResourceArgs {
        @Import(name = "name")
        private @Nullable Output<String> name;
        @Import(name = "keyvaultMetadata")
        private @Nullable Output<SecretScopeKeyvaultMetadataArgs> keyvaultMetadata;

        public static Builder builder() {
            return new Builder();
        }

        public static final class Builder {
            public Builder name(Output<String> v) {
                return this;
            }

            public Builder keyvaultMetadata(Output<SecretScopeKeyvaultMetadataArgs> v) {
                return this;
            }
        }
    }

    @ResourceType(type = SecretScope.TYPE)
    static final class GoodScope extends CustomResource {
        @Export(name = "backendType", refs = {String.class}, tree = "[0]")
        private Output<String> backendType;

        GoodScope(String name, GoodScopeArgs args, CustomResourceOptions options) {
            super(SecretScope.TYPE, name, args, options);
        }
    }

    @Test
    void aCorrectFakePasses() {
        assertThat(problems(GoodScope.class)).isEmpty();
    }

    // ---- wrong token ----

    @ResourceType(type = "databricks:index/secretScope:SecretScopes")
    static final class WrongTokenScope extends CustomResource {
        WrongTokenScope(String name, GoodScopeArgs args, CustomResourceOptions options) {
            super("databricks:index/secretScope:SecretScopes", name, args, options);
        }
    }

    @Test
    void aWrongTokenIsCaught() {
        assertThat(problems(WrongTokenScope.class)).singleElement().asString()
                .contains("databricks:index/secretScope:SecretScopes", "not a resource of the schema");
    }

    // ---- misspelled input ----

    static final class MisspelledScopeArgs extends ResourceArgs {
        @Import(name = "backend_type")
        private @Nullable Output<String> backendType;

        public static Builder builder() {
            return new Builder();
        }

        public static final class Builder {
            public Builder backendType(Output<String> v) {
                return this;
            }
        }
    }

    @ResourceType(type = SecretScope.TYPE)
    static final class MisspelledScope extends CustomResource {
        MisspelledScope(String name, MisspelledScopeArgs args, CustomResourceOptions options) {
            super(SecretScope.TYPE, name, args, options);
        }
    }

    @Test
    void aMisspelledInputIsCaught() {
        assertThat(problems(MisspelledScope.class)).singleElement().asString()
                .contains("'backend_type' is not in the schema", "backendType");
    }

    // ---- wrong types (array bound as a string, boolean bound as a string) ----

    static final class WrongTypeIpAccessListArgs extends ResourceArgs {
        @Import(name = "label", required = true)
        private Output<String> label;
        @Import(name = "listType", required = true)
        private Output<String> listType;
        @Import(name = "ipAddresses", required = true)
        private Output<String> ipAddresses;
        @Import(name = "enabled")
        private @Nullable Output<String> enabled;

        public static Builder builder() {
            return new Builder();
        }

        public static final class Builder {
            public Builder label(Output<String> v) {
                return this;
            }

            public Builder listType(Output<String> v) {
                return this;
            }

            public Builder ipAddresses(Output<String> v) {
                return this;
            }

            public Builder enabled(Output<String> v) {
                return this;
            }
        }
    }

    @ResourceType(type = IpAccessList.TYPE)
    static final class WrongTypeIpAccessList extends CustomResource {
        WrongTypeIpAccessList(String name, WrongTypeIpAccessListArgs args, CustomResourceOptions options) {
            super(IpAccessList.TYPE, name, args, options);
        }
    }

    @Test
    void wrongTypesAreCaught() {
        assertThat(problems(WrongTypeIpAccessList.class)).containsExactlyInAnyOrder(
                "WrongTypeIpAccessListArgs (databricks:index/ipAccessList:IpAccessList).ipAddresses: schema array "
                        + "needs List<...>, found java.lang.String",
                "WrongTypeIpAccessListArgs (databricks:index/ipAccessList:IpAccessList).enabled: schema boolean "
                        + "needs Boolean, found java.lang.String");
    }

    // ---- missing required input ----

    static final class MissingValueSecretArgs extends ResourceArgs {
        @Import(name = "scope", required = true)
        private Output<String> scope;
        @Import(name = "key", required = true)
        private Output<String> key;

        public static Builder builder() {
            return new Builder();
        }

        public static final class Builder {
            public Builder scope(Output<String> v) {
                return this;
            }

            public Builder key(Output<String> v) {
                return this;
            }
        }
    }

    @ResourceType(type = Secret.TYPE)
    static final class MissingValueSecret extends CustomResource {
        MissingValueSecret(String name, MissingValueSecretArgs args, CustomResourceOptions options) {
            super(Secret.TYPE, name, args, options);
        }
    }

    @Test
    void aMissingRequiredInputIsCaught() {
        assertThat(problems(MissingValueSecret.class)).singleElement().asString()
                .contains("required input 'stringValue' has no @Import field");
    }

    // ---- required flag, secret not made secret ----

    static final class PlainSecretArgs extends ResourceArgs {
        @Import(name = "scope", required = true)
        private Output<String> scope;
        @Import(name = "key")
        private Output<String> key;
        @Import(name = "stringValue", required = true)
        private Output<String> stringValue;

        public static Builder builder() {
            return new Builder();
        }

        public static final class Builder {
            private @Nullable Output<String> stringValue;

            public Builder scope(Output<String> v) {
                return this;
            }

            public Builder key(Output<String> v) {
                return this;
            }

            public Builder stringValue(Output<String> v) {
                this.stringValue = v; // not made secret
                return this;
            }
        }
    }

    @ResourceType(type = Secret.TYPE)
    static final class PlainSecret extends CustomResource {
        PlainSecret(String name, PlainSecretArgs args, CustomResourceOptions options) {
            super(Secret.TYPE, name, args, options);
        }
    }

    @Test
    void aWrongRequiredFlagAndAClearSecretAreCaught() {
        assertThat(problems(PlainSecret.class)).containsExactlyInAnyOrder(
                "PlainSecretArgs (databricks:index/secret:Secret).key: @Import(required = false) but the schema has "
                        + "it required",
                "PlainSecretArgs (databricks:index/secret:Secret).stringValue: the schema marks it secret but the "
                        + "builder does not make it secret");
        // The real binding passes the same check.
        assertThat(problems(Secret.class)).isEmpty();
    }

    // ---- nested type drift ----

    static final class DriftedKeyvaultMetadataArgs extends ResourceArgs {
        @Import(name = "dnsname", required = true)
        private Output<String> dnsName;

        public static Builder builder() {
            return new Builder();
        }

        public static final class Builder {
            public Builder dnsName(Output<String> v) {
                return this;
            }
        }
    }

    static final class DriftedNestedScopeArgs extends ResourceArgs {
        @Import(name = "keyvaultMetadata")
        private @Nullable Output<DriftedKeyvaultMetadataArgs> keyvaultMetadata;

        public static Builder builder() {
            return new Builder();
        }

        public static final class Builder {
            public Builder keyvaultMetadata(Output<DriftedKeyvaultMetadataArgs> v) {
                return this;
            }
        }
    }

    @ResourceType(type = SecretScope.TYPE)
    static final class DriftedNestedScope extends CustomResource {
        DriftedNestedScope(String name, DriftedNestedScopeArgs args, CustomResourceOptions options) {
            super(SecretScope.TYPE, name, args, options);
        }
    }

    @Test
    void nestedTypeDriftIsCaught() {
        var token = "databricks:index/SecretScopeKeyvaultMetadata:SecretScopeKeyvaultMetadata";
        assertThat(problems(DriftedNestedScope.class)).containsExactlyInAnyOrder(
                "DriftedKeyvaultMetadataArgs (" + token + "): input 'dnsname' is not in the schema; inputs are "
                        + "[dnsName, resourceId]",
                "DriftedKeyvaultMetadataArgs (" + token + "): required input 'dnsName' has no @Import field",
                "DriftedKeyvaultMetadataArgs (" + token + "): required input 'resourceId' has no @Import field");
    }

    // ---- one nested class for two schema types ----

    static final class SharedValueDbfsArgs extends ResourceArgs {
        @Import(name = "disableLegacyDbfs", required = true)
        private Output<DisableLegacyAccessSettingDisableLegacyAccessArgs> disableLegacyDbfs;

        public static Builder builder() {
            return new Builder();
        }

        public static final class Builder {
            public Builder disableLegacyDbfs(Output<DisableLegacyAccessSettingDisableLegacyAccessArgs> v) {
                return this;
            }
        }
    }

    @ResourceType(type = DisableLegacyDbfsSetting.TYPE)
    static final class SharedValueDbfs extends CustomResource {
        SharedValueDbfs(String name, SharedValueDbfsArgs args, CustomResourceOptions options) {
            super(DisableLegacyDbfsSetting.TYPE, name, args, options);
        }
    }

    @Test
    void aNestedClassReusedForAnotherSchemaTypeIsCaught() {
        // Same shape ({value: boolean}) but another type: the mapping must stay one to one.
        assertThat(problems(DisableLegacyAccessSetting.class, SharedValueDbfs.class)).singleElement().asString()
                .contains("DisableLegacyAccessSettingDisableLegacyAccessArgs maps onto both",
                        "DisableLegacyDbfsSettingDisableLegacyDbfs");
    }

    // ---- a nested type bound where the schema has a string; a deprecated input ----

    static final class DeprecatedJobArgs extends ResourceArgs {
        @Import(name = "alwaysRunning")
        private @Nullable Output<Boolean> alwaysRunning;
        @Import(name = "name")
        private @Nullable Output<JobRunAsArgs> name;

        public static Builder builder() {
            return new Builder();
        }

        public static final class Builder {
            public Builder alwaysRunning(Output<Boolean> v) {
                return this;
            }

            public Builder name(Output<JobRunAsArgs> v) {
                return this;
            }
        }
    }

    @ResourceType(type = Job.TYPE)
    static final class DeprecatedJob extends CustomResource {
        DeprecatedJob(String name, DeprecatedJobArgs args, CustomResourceOptions options) {
            super(Job.TYPE, name, args, options);
        }
    }

    @Test
    void deprecatedInputsAndObjectsForScalarsAreCaught() {
        assertThat(problems(DeprecatedJob.class)).containsExactlyInAnyOrder(
                "DeprecatedJobArgs (databricks:index/job:Job).alwaysRunning: binds a deprecated input",
                "DeprecatedJobArgs (databricks:index/job:Job).name: schema string needs String, found "
                        + JobRunAsArgs.class.getName());
    }

    // ---- provider: JSON-encoded inputs, token ----

    static final class PlainMsiProviderArgs extends ResourceArgs {
        @Import(name = "azureUseMsi")
        private @Nullable Output<Boolean> azureUseMsi;

        public static Builder builder() {
            return new Builder();
        }

        public static final class Builder {
            public Builder azureUseMsi(Output<Boolean> v) {
                return this;
            }
        }
    }

    @ResourceType(type = "pulumi:providers:databricks")
    static final class PlainMsiProvider extends ProviderResource {
        PlainMsiProvider(String name, PlainMsiProviderArgs args, CustomResourceOptions options) {
            super("databricks", name, args, options);
        }
    }

    @ResourceType(type = "pulumi:providers:databrick")
    static final class WrongTokenProvider extends ProviderResource {
        WrongTokenProvider(String name, GoodScopeArgs args, CustomResourceOptions options) {
            super("databrick", name, args, options);
        }
    }

    @Test
    void providerInputsMustBeJsonEncodedLikeTheGeneratedSdkAndTheTokenMustMatch() {
        assertThat(problems(PlainMsiProvider.class)).singleElement().asString()
                .contains("azureUseMsi: @Import(json = false) but a generated SDK sends it JSON-encoded");
        assertThat(problems(WrongTokenProvider.class)).singleElement().asString()
                .contains("provider token pulumi:providers:databrick is not the schema's pulumi:providers:databricks");
    }

    // ---- outputs ----

    @ResourceType(type = SecretScope.TYPE)
    static final class WrongExportScope extends CustomResource {
        @Export(name = "scopeName", refs = {String.class}, tree = "[0]")
        private Output<String> scopeName;
        @Export(name = "name", refs = {Integer.class}, tree = "[0]")
        private Output<Integer> name;

        WrongExportScope(String name, GoodScopeArgs args, CustomResourceOptions options) {
            super(SecretScope.TYPE, name, args, options);
        }
    }

    @Test
    void outputDriftIsCaught() {
        assertThat(problems(WrongExportScope.class)).containsExactlyInAnyOrder(
                "WrongExportScope (databricks:index/secretScope:SecretScope).scopeName: output 'scopeName' is not in "
                        + "the schema; outputs are [backendType, initialManagePrincipal, keyvaultMetadata, name, "
                        + "providerConfig]",
                "WrongExportScope (databricks:index/secretScope:SecretScope).name: schema string needs String, found "
                        + "java.lang.Integer");
    }

    // ---- no setter for a required input; two bindings for one token ----

    static final class UnsettableBindingArgs extends ResourceArgs {
        @Import(name = "networkConnectivityConfigId", required = true)
        private Output<String> networkConnectivityConfigId;
        @Import(name = "workspaceId", required = true)
        private Output<String> workspaceId;

        public static Builder builder() {
            return new Builder();
        }

        public static final class Builder {
            public Builder networkConnectivityConfigId(Output<String> v) {
                return this;
            }
        }
    }

    @ResourceType(type = MwsNccBinding.TYPE)
    static final class UnsettableBinding extends CustomResource {
        UnsettableBinding(String name, UnsettableBindingArgs args, CustomResourceOptions options) {
            super(MwsNccBinding.TYPE, name, args, options);
        }
    }

    @Test
    void anUnsettableInputAndADuplicateTokenAreCaught() {
        assertThat(problems(UnsettableBinding.class)).singleElement().asString()
                .contains("workspaceId: no builder setter workspaceId(...)");
        assertThat(problems(MwsNccBinding.class, GoodScope.class, SecretScope.class)).singleElement().asString()
                .contains("token databricks:index/secretScope:SecretScope is already bound by GoodScope");
    }
}
