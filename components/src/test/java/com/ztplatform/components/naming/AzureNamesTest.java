package com.ztplatform.components.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AzureNamesTest {

    /** Lengths typed in from the Azure naming-rules page, independently of ResourceKind. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    RESOURCE_GROUP          | 1 | 90
                    VIRTUAL_NETWORK         | 2 | 64
                    SUBNET                  | 1 | 80
                    NETWORK_SECURITY_GROUP  | 1 | 80
                    FLOW_LOG                | 1 | 80
                    ROUTE_TABLE             | 1 | 80
                    PUBLIC_IP               | 1 | 80
                    FIREWALL                | 1 | 56
                    FIREWALL_POLICY         | 1 | 80
                    NAT_GATEWAY             | 1 | 80
                    IP_GROUP                | 1 | 80
                    BASTION                 | 1 | 80
                    VPN_GATEWAY             | 1 | 80
                    PRIVATE_ENDPOINT        | 2 | 64
                    DNS_RESOLVER            | 1 | 80
                    LOG_ANALYTICS_WORKSPACE | 4 | 63
                    MONITOR_PRIVATE_LINK_SCOPE | 1 | 255
                    STORAGE_ACCOUNT         | 3 | 24
                    KEY_VAULT               | 3 | 24
                    DATABRICKS_WORKSPACE    | 3 | 64
                    MANAGED_RESOURCE_GROUP  | 1 | 90
                    USER_ASSIGNED_IDENTITY  | 3 | 128
                    VIRTUAL_MACHINE         | 1 | 64
                    LOAD_BALANCER           | 1 | 80
                    PRIVATE_LINK_SERVICE    | 1 | 80
                    NETWORK_INTERFACE       | 1 | 80
                    DIAGNOSTIC_SETTING      | 1 | 260
                    SERVICE_ENDPOINT_POLICY | 1 | 80
                    ACCESS_CONNECTOR        | 3 | 64
                    CONTAINER_REGISTRY      | 5 | 50
                    COGNITIVE_SERVICES_ACCOUNT | 2 | 64
                    SERVICE_BUS_NAMESPACE   | 6 | 50
                    APP_SERVICE_PLAN        | 1 | 60
                    FUNCTION_APP            | 2 | 60
                    MACHINE_LEARNING_WORKSPACE | 3 | 33
                    APPLICATION_INSIGHTS    | 1 | 260
                    KUBERNETES_CLUSTER      | 1 | 63
                    ALERT_RULE              | 1 | 260
                    BUDGET                  | 1 | 63
                    """)
    void lengthLimits(ResourceKind kind, int min, int max) {
        String rule = "must be " + min + "-" + max + " ";

        assertThat(kind.minLength()).isEqualTo(min);
        assertThat(kind.maxLength()).isEqualTo(max);
        assertThat(AzureNames.problem(kind, "a".repeat(min))).isEmpty();
        assertThat(AzureNames.problem(kind, "a".repeat(max))).isEmpty();
        assertThat(AzureNames.problem(kind, "a".repeat(max + 1)))
                .hasValueSatisfying(
                        m -> assertThat(m).contains(rule).contains("(got " + (max + 1) + " characters)"));
        assertThat(AzureNames.problem(kind, "a".repeat(min - 1))).hasValueSatisfying(m -> assertThat(m).contains(rule));
    }

    @Test
    void lengthTableCoversEveryKind() {
        // Keep in step with the @CsvSource above: a new kind needs its limits typed in there too.
        assertThat(ResourceKind.values()).hasSize(40);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    RESOURCE_GROUP          | rg.          | false
                    RESOURCE_GROUP          | (rg)_x-1.a   | true
                    RESOURCE_GROUP          | .rg          | true
                    RESOURCE_GROUP          | rg#1         | false
                    RESOURCE_GROUP          | rg 1         | false
                    MANAGED_RESOURCE_GROUP  | mrg.         | false
                    MANAGED_RESOURCE_GROUP  | mrg(1)       | true
                    VIRTUAL_NETWORK         | vnet_        | true
                    VIRTUAL_NETWORK         | 1vnet-1.a    | true
                    VIRTUAL_NETWORK         | -vnet        | false
                    VIRTUAL_NETWORK         | _vnet        | false
                    VIRTUAL_NETWORK         | vnet-        | false
                    VIRTUAL_NETWORK         | vnet.        | false
                    VIRTUAL_NETWORK         | vnet(1)      | false
                    SUBNET                  | s            | true
                    SUBNET                  | snet.        | false
                    SUBNET                  | .snet        | false
                    SUBNET                  | snet_        | true
                    NETWORK_SECURITY_GROUP  | nsg-         | false
                    NETWORK_SECURITY_GROUP  | Nsg_1        | true
                    ROUTE_TABLE             | rt_          | true
                    ROUTE_TABLE             | _rt          | false
                    PUBLIC_IP               | pip.1        | true
                    PUBLIC_IP               | pip/1        | false
                    FIREWALL                | fw-          | false
                    FIREWALL                | fw.1_        | true
                    FIREWALL_POLICY         | -fwp         | false
                    NAT_GATEWAY             | nat.         | false
                    IP_GROUP                | ipg_         | true
                    BASTION                 | bas@         | false
                    VPN_GATEWAY             | vpn-gw       | true
                    PRIVATE_ENDPOINT        | p            | false
                    PRIVATE_ENDPOINT        | pe_          | true
                    PRIVATE_ENDPOINT        | pe.          | false
                    DNS_RESOLVER            | dns-         | true
                    DNS_RESOLVER            | dns_         | true
                    DNS_RESOLVER            | -dns         | false
                    DNS_RESOLVER            | dns.x        | false
                    LOG_ANALYTICS_WORKSPACE | law1         | true
                    LOG_ANALYTICS_WORKSPACE | LAW1         | true
                    LOG_ANALYTICS_WORKSPACE | law-         | false
                    LOG_ANALYTICS_WORKSPACE | -law         | false
                    LOG_ANALYTICS_WORKSPACE | law_1        | false
                    STORAGE_ACCOUNT         | abc          | true
                    STORAGE_ACCOUNT         | 1abc         | true
                    STORAGE_ACCOUNT         | Abc          | false
                    STORAGE_ACCOUNT         | ab-c         | false
                    STORAGE_ACCOUNT         | ab_c         | false
                    KEY_VAULT               | kv1          | true
                    KEY_VAULT               | KV-01        | true
                    KEY_VAULT               | 1kv          | false
                    KEY_VAULT               | -kv          | false
                    KEY_VAULT               | kv-          | false
                    KEY_VAULT               | k--v         | false
                    KEY_VAULT               | kv_1         | false
                    DATABRICKS_WORKSPACE    | -dbw         | true
                    DATABRICKS_WORKSPACE    | dbw_         | true
                    DATABRICKS_WORKSPACE    | db.w         | false
                    USER_ASSIGNED_IDENTITY  | id_          | true
                    USER_ASSIGNED_IDENTITY  | _id          | false
                    USER_ASSIGNED_IDENTITY  | id.x         | false
                    VIRTUAL_MACHINE         | vm_1.a       | true
                    VIRTUAL_MACHINE         | vm.          | false
                    VIRTUAL_MACHINE         | vm-          | false
                    VIRTUAL_MACHINE         | vm#1         | false
                    LOAD_BALANCER           | lb_          | true
                    LOAD_BALANCER           | lb-          | false
                    PRIVATE_LINK_SERVICE    | .pls         | false
                    NETWORK_INTERFACE       | nic.1        | true
                    NETWORK_INTERFACE       | nic.         | false
                    DIAGNOSTIC_SETTING      | diag x_(1).  | true
                    DIAGNOSTIC_SETTING      | diag:1       | false
                    DIAGNOSTIC_SETTING      | diag/1       | false
                    DIAGNOSTIC_SETTING      | diag+1       | false
                    DIAGNOSTIC_SETTING      | a<b          | false
                    DIAGNOSTIC_SETTING      | a>b          | false
                    DIAGNOSTIC_SETTING      | a\\b         | false
                    DIAGNOSTIC_SETTING      | 100%         | false
                    DIAGNOSTIC_SETTING      | a&b          | false
                    DIAGNOSTIC_SETTING      | a?b          | false
                    DIAGNOSTIC_SETTING      | a*b          | false
                    """)
    void characterAndBoundaryRules(ResourceKind kind, String name, boolean valid) {
        if (valid) {
            assertThat(AzureNames.problem(kind, name)).isEmpty();
        } else {
            assertThat(AzureNames.problem(kind, name))
                    .hasValueSatisfying(
                            m ->
                                    assertThat(m)
                                            .startsWith(kind.label() + " name '" + name + "' ")
                                            .endsWith(", like '" + kind.example() + "'"));
        }
    }

    @Test
    void controlCharactersAreNotAllowedInDiagnosticSettings() {
        assertThat(AzureNames.problem(ResourceKind.DIAGNOSTIC_SETTING, "diag\tx")).isPresent();
    }

    @Test
    void storageAccountMessage() {
        assertThat(AzureNames.problem(ResourceKind.STORAGE_ACCOUNT, "My-Store"))
                .contains("storage account name 'My-Store' must be 3-24 lowercase letters and digits,"
                        + " like 'ztpdevdbfs01'");
    }

    @Test
    void messagesNameTheBrokenRule() {
        assertThat(AzureNames.problem(ResourceKind.KEY_VAULT, "1kv"))
                .contains("key vault name '1kv' must start with a letter, like 'ztp-dev-kv01'");
        assertThat(AzureNames.problem(ResourceKind.KEY_VAULT, "k--v"))
                .contains("key vault name 'k--v' must not contain consecutive hyphens '--', like 'ztp-dev-kv01'");
        assertThat(AzureNames.problem(ResourceKind.VIRTUAL_NETWORK, "vnet-"))
                .contains("virtual network name 'vnet-' must end with a letter, digit or '_', like 'ztp-dev-hub-vnet'");
        assertThat(AzureNames.problem(ResourceKind.RESOURCE_GROUP, "rg."))
                .contains("resource group name 'rg.' must not end with '.', like 'ztp-dev-hub-rg'");
        assertThat(AzureNames.problem(ResourceKind.FIREWALL, "fw#"))
                .contains("firewall name 'fw#' must be 1-56 letters, digits, '-', '_' or '.', like 'ztp-dev-fw'");
        assertThat(AzureNames.problem(ResourceKind.STORAGE_ACCOUNT, "a".repeat(25)))
                .contains(
                        "storage account name '"
                                + "a".repeat(25)
                                + "' must be 3-24 lowercase letters and digits (got 25 characters),"
                                + " like 'ztpdevdbfs01'");
        assertThat(AzureNames.problem(ResourceKind.STORAGE_ACCOUNT, null))
                .contains("storage account name is missing; it must be 3-24 lowercase letters and digits,"
                        + " like 'ztpdevdbfs01'");
    }

    @ParameterizedTest
    @EnumSource(ResourceKind.class)
    void everyExampleIsValidAndEveryLabelIsSet(ResourceKind kind) {
        assertThat(kind.problem(kind.example())).isEmpty();
        assertThat(kind.label()).isNotBlank();
        assertThat(kind.allowsHyphen())
                .isEqualTo(kind != ResourceKind.STORAGE_ACCOUNT && kind != ResourceKind.CONTAINER_REGISTRY);
    }

    @Test
    void onlyKindsWhoseNameIsAPublicDnsLabelAreGloballyUnique() {
        Set<ResourceKind> global =
                Arrays.stream(ResourceKind.values()).filter(ResourceKind::globallyUnique).collect(Collectors.toSet());

        assertThat(global).containsExactlyInAnyOrder(ResourceKind.STORAGE_ACCOUNT, ResourceKind.KEY_VAULT,
                ResourceKind.CONTAINER_REGISTRY, ResourceKind.COGNITIVE_SERVICES_ACCOUNT,
                // <name>.servicebus.windows.net and <name>.azurewebsites.net
                ResourceKind.SERVICE_BUS_NAMESPACE, ResourceKind.FUNCTION_APP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ztp", "ab", "a1234567", "z9"})
    void validPrefixes(String prefix) {
        assertThat(AzureNames.prefixProblem(prefix)).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"Z_T", "", "a", "abcdefghi", "1ab", "ZTP", "zt-p", "zt p", "ztp "})
    void invalidPrefixes(String prefix) {
        assertThat(AzureNames.prefixProblem(prefix))
                .contains(
                        "namePrefix must be 2-8 lowercase letters or digits starting with a letter, like 'ztp', got "
                                + (prefix == null ? "null" : "'" + prefix + "'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "qa", "uat2", "12345678", "01"})
    void validEnvironments(String environment) {
        assertThat(AzureNames.environmentProblem(environment)).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "d", "Dev", "staging12", "dev-1", "dev_1"})
    void invalidEnvironments(String environment) {
        assertThat(AzureNames.environmentProblem(environment))
                .contains(
                        "environment must be 2-8 lowercase letters or digits, like 'dev' or 'prod', got "
                                + (environment == null ? "null" : "'" + environment + "'"));
    }

    @Test
    void shortNamesAreJoinedWithHyphens() {
        assertThat(AzureNames.name(ResourceKind.RESOURCE_GROUP, "ztp", "dev", "hub", "rg")).isEqualTo("ztp-dev-hub-rg");
        assertThat(AzureNames.name(ResourceKind.FIREWALL, "ztp", "prod", "hub-fw")).isEqualTo("ztp-prod-hub-fw");
        assertThat(AzureNames.name(ResourceKind.KEY_VAULT, "ztp", "dev")).isEqualTo("ztp-dev");
    }

    @Test
    void storageAccountNamesDropHyphens() {
        assertThat(AzureNames.name(ResourceKind.STORAGE_ACCOUNT, "ztp", "dev", "dbfs", "01")).isEqualTo("ztpdevdbfs01");
        assertThat(AzureNames.name(ResourceKind.STORAGE_ACCOUNT, "ztp", "dev", "flow-logs"))
                .isEqualTo("ztpdevflowlogs");
    }

    @Test
    void exactlyMaxLengthIsKept() {
        // "ztp-dev-" is 8 characters, plus 16 = 24, the key vault limit.
        assertThat(AzureNames.name(ResourceKind.KEY_VAULT, "ztp", "dev", "abcdefghijklmnop"))
                .isEqualTo("ztp-dev-abcdefghijklmnop");
    }

    @Test
    void longNamesAreCutAndSuffixedWithAHashOfTheFullName() {
        // printf %s ztp-dev-databricks-workspace-secrets | sha256sum  ->  eabc9490...
        // 19 characters "ztp-dev-databricks-", trailing hyphen dropped, then "-eabc".
        assertThat(AzureNames.name(ResourceKind.KEY_VAULT, "ztp", "dev", "databricks", "workspace", "secrets"))
                .isEqualTo("ztp-dev-databricks-eabc");
        // printf %s ztp-dev-databricks-workspace-root | sha256sum  ->  8cd98687...
        // "ztpdevdatabricksworkspaceroot" is 29 > 24: first 20 characters, then "8cd9".
        assertThat(AzureNames.name(ResourceKind.STORAGE_ACCOUNT, "ztp", "dev", "databricks", "workspace", "root"))
                .isEqualTo("ztpdevdatabrickswork8cd9");
    }

    @Test
    void oneCharacterOverTheLimitIsCut() {
        String name = AzureNames.name(ResourceKind.KEY_VAULT, "ztp", "dev", "abcdefghijklmnopq");

        assertThat(name).hasSize(24).startsWith("ztp-dev-abcdefghijk-").matches(".*-[0-9a-f]{4}");
    }

    @Test
    void longNamesThatShareTheirStartStillDiffer() {
        Set<String> names = new HashSet<>();
        // "ztp-dev-" + 59 + "-nN" is longer than 64, and the first 59 characters are the same for all.
        String shared = "databricks-workspace-private-endpoint-for-analytics-cluster";
        for (int i = 0; i < 30; i++) {
            names.add(AzureNames.name(ResourceKind.VIRTUAL_NETWORK, "ztp", "dev", shared, "n" + i));
        }

        assertThat(names).hasSize(30).allSatisfy(n -> assertThat(n).hasSize(64));
    }

    @Test
    void invalidInputsAreNamed() {
        assertThatThrownBy(() -> AzureNames.name(ResourceKind.SUBNET, "ZTP", "dev"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("namePrefix")
                .hasMessageContaining("got 'ZTP'");
        assertThatThrownBy(() -> AzureNames.name(ResourceKind.SUBNET, "ztp", "Dev"))
                .hasMessageContaining("environment")
                .hasMessageContaining("got 'Dev'");
        assertThatThrownBy(() -> AzureNames.name(ResourceKind.SUBNET, "ztp", "dev", "hub", "Hub_FW"))
                .hasMessage(
                        "name part #2 must be lowercase letters and digits, optionally joined by single hyphens,"
                                + " like 'hub-fw', got 'Hub_FW'");
        for (String bad : new String[] {"", "-hub", "hub-", "a--b", "a.b", "a b"}) {
            assertThatThrownBy(() -> AzureNames.name(ResourceKind.SUBNET, "ztp", "dev", bad))
                    .hasMessageContaining("name part #1")
                    .hasMessageContaining("got '" + bad + "'");
        }
        assertThatThrownBy(() -> AzureNames.name(ResourceKind.SUBNET, "ztp", "dev", (String) null))
                .hasMessageContaining("name part #1")
                .hasMessageContaining("got null");
    }

    /**
     * The suffixes of the two stack files, worked out by hand from the derivation (SHA-256 of the labelled values
     * joined by newlines, first 8 bytes mod 36^5, base 36, 5 digits).
     */
    @Test
    void derivedSuffixOfTheStackFiles() {
        var objectId = "azureDatabricksObjectId=9b38785a-6e08-4087-a0c4-20634343f21f";
        assertThat(AzureNames.deriveGlobalSuffix(java.util.List.of("project=zt-databricks", "namePrefix=ztp",
                "environment=dev", objectId))).isEqualTo("llwby");
        assertThat(AzureNames.deriveGlobalSuffix(java.util.List.of("project=zt-databricks", "namePrefix=ztp",
                "environment=prod", objectId))).isEqualTo("ym4ky");
        assertThat(AzureNames.deriveGlobalSuffix(java.util.List.of("project=zt-databricks", "namePrefix=ztp",
                "environment=dev"))).isNotEqualTo("llwby");
    }

    @Test
    void globallyUniqueNamesEndWithTheSuffixAndOthersDoNot() {
        var dev = new Naming("ztp", "dev", "llwby");
        assertThat(dev.name(ResourceKind.STORAGE_ACCOUNT, "lake")).isEqualTo("ztpdevlakellwby");
        // 19 + 5 = 24: the longest storage name that needs no shortening.
        assertThat(dev.name(ResourceKind.STORAGE_ACCOUNT, "analytics", "dbfs")).isEqualTo("ztpdevanalyticsdbfsllwby");
        assertThat(dev.name(ResourceKind.KEY_VAULT, "landing", "kv")).isEqualTo("ztp-dev-landing-kv-llwby");
        // ztp-dev-platform-kv (19) leaves no room for "-llwby" in 24: cut to 13, the name's hash, then the suffix.
        assertThat(dev.name(ResourceKind.KEY_VAULT, "platform", "kv")).isEqualTo("ztp-dev-platf-4942-llwby");
        assertThat(dev.name(ResourceKind.CONTAINER_REGISTRY, "acr")).isEqualTo("ztpdevacrllwby");
        assertThat(dev.name(ResourceKind.COGNITIVE_SERVICES_ACCOUNT, "ai")).isEqualTo("ztp-dev-ai-llwby");
        assertThat(dev.name(ResourceKind.VIRTUAL_NETWORK, "hub", "vnet")).isEqualTo("ztp-dev-hub-vnet");
        var prod = new Naming("ztp", "prod", "ym4ky");
        assertThat(prod.name(ResourceKind.STORAGE_ACCOUNT, "analytics", "dbfs")).isEqualTo("ztpprodanalytic2cf8ym4ky");
        assertThat(prod.name(ResourceKind.KEY_VAULT, "platform", "kv")).isEqualTo("ztp-prod-plat-abdc-ym4ky");
        assertThat(new Naming("ztp", "dev").name(ResourceKind.STORAGE_ACCOUNT, "lake")).isEqualTo("ztpdevlake");
    }

    @Test
    void invalidSuffixIsReportedUnderTheNamingPath() {
        assertThat(new Naming("ztp", "dev", "K3-X").problems("args.naming")).singleElement().asString()
                .startsWith("args.naming.globalSuffix: globalNameSuffix must be 4-6 lowercase letters or digits")
                .contains("like 'k3x9q'", "got 'K3-X'");
        assertThatThrownBy(() -> new Naming("ztp", "dev", "K3-X").name(ResourceKind.KEY_VAULT, "kv"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("globalNameSuffix");
    }
}
