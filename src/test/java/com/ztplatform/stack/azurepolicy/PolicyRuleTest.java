package com.ztplatform.stack.azurepolicy;

import com.google.gson.JsonNull;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule evaluator on small hand-written resources, one operator at a time. */
class PolicyRuleTest {
    private static final String SA = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa1";
    private static final String KV = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1";

    private static ArmResource storage(String inputs) {
        return new ArmResource(ArmResource.typeOf(SA), SA, "sa1", "urn:sa1", JsonParser.parseString(inputs).getAsJsonObject());
    }

    private static boolean test(ArmResource r, String condition) {
        return test(r, condition, "{}");
    }

    private static boolean test(ArmResource r, String condition, String parameters) {
        return new PolicyRule(r, Aliases.load(), JsonParser.parseString(parameters).getAsJsonObject(), JsonNull.INSTANCE,
                OffsetDateTime.parse("2026-01-01T00:00:00Z")).test(JsonParser.parseString(condition).getAsJsonObject());
    }

    private static final String TLS = "\"field\": \"Microsoft.Storage/storageAccounts/minimumTlsVersion\"";

    @Test
    void armTypeComesFromTheIdAndExtensionResourcesHaveTheirOwnType() {
        assertThat(ArmResource.typeOf(SA + "/blobServices/default")).isEqualTo("Microsoft.Storage/storageAccounts/blobServices");
        assertThat(ArmResource.typeOf(SA + "/providers/Microsoft.Insights/diagnosticSettings/d"))
                .isEqualTo("Microsoft.Insights/diagnosticSettings");
        assertThat(ArmResource.typeOf("/subscriptions/s/resourceGroups/rg")).isEqualTo("Microsoft.Resources/resourceGroups");
    }

    @Test
    void equalsIgnoresCaseAndAMissingFieldSatisfiesOnlyTheNegation() {
        var r = storage("{\"minimumTlsVersion\": \"TLS1_2\"}");
        assertThat(test(r, "{" + TLS + ", \"equals\": \"tls1_2\"}")).isTrue();
        assertThat(test(r, "{" + TLS + ", \"notEquals\": \"TLS1_2\"}")).isFalse();
        var none = storage("{}");
        assertThat(test(none, "{" + TLS + ", \"equals\": \"TLS1_2\"}")).isFalse();
        assertThat(test(none, "{" + TLS + ", \"notEquals\": \"TLS1_2\"}")).isTrue();
        assertThat(test(none, "{" + TLS + ", \"exists\": \"false\"}")).isTrue();
        assertThat(test(r, "{" + TLS + ", \"exists\": true}")).isTrue();
    }

    @Test
    void booleansEqualTheirTextAndTheAliasMapsToTheRenamedInput() {
        // supportsHttpsTrafficOnly is azure-native's enableHttpsTrafficOnly.
        var r = storage("{\"enableHttpsTrafficOnly\": false}");
        assertThat(test(r, "{\"field\": \"Microsoft.Storage/storageAccounts/supportsHttpsTrafficOnly\", \"equals\": \"false\"}")).isTrue();
        assertThat(test(r, "{\"field\": \"Microsoft.Storage/storageAccounts/supportsHttpsTrafficOnly\", \"equals\": true}")).isFalse();
    }

    @Test
    void inLikeContainsAndComparisons() {
        var r = storage("{\"minimumTlsVersion\": \"TLS1_0\", \"sku\": {\"name\": \"Standard_LRS\"}, \"keyPolicy\": {\"keyExpirationPeriodInDays\": 90}}");
        assertThat(test(r, "{" + TLS + ", \"in\": [\"TLS1_0\", \"TLS1_1\"]}")).isTrue();
        assertThat(test(r, "{" + TLS + ", \"notIn\": [\"TLS1_0\"]}")).isFalse();
        assertThat(test(r, "{\"field\": \"Microsoft.Storage/storageAccounts/sku.name\", \"like\": \"standard_*rs\"}")).isTrue();
        assertThat(test(r, "{\"field\": \"Microsoft.Storage/storageAccounts/sku.name\", \"notLike\": \"Premium_*\"}")).isTrue();
        assertThat(test(r, "{\"field\": \"Microsoft.Storage/storageAccounts/sku.name\", \"contains\": \"lrs\"}")).isTrue();
        assertThat(test(r, "{\"field\": \"Microsoft.Storage/storageAccounts/sku.name\", \"notContains\": \"GRS\"}")).isTrue();
        // "TLS1_0" sorts before "TLS1_2" as text; 90 is less than 365 as a number, though "90" > "365" as text.
        assertThat(test(r, "{" + TLS + ", \"less\": \"TLS1_2\"}")).isTrue();
        assertThat(test(r, "{\"field\": \"Microsoft.Storage/storageAccounts/keyPolicy.keyExpirationPeriodInDays\", \"less\": 365}")).isTrue();
        assertThat(test(r, "{\"field\": \"Microsoft.Storage/storageAccounts/keyPolicy.keyExpirationPeriodInDays\", \"greaterOrEquals\": 90}")).isTrue();
        assertThat(test(r, "{\"field\": \"Microsoft.Storage/storageAccounts/keyPolicy.keyExpirationPeriodInDays\", \"greater\": 90}")).isFalse();
        assertThat(test(r, "{\"field\": \"type\", \"equals\": \"Microsoft.Storage/storageAccounts\"}")).isTrue();
        assertThat(test(r, "{\"field\": \"name\", \"match\": \"sa#\"}")).isTrue();
    }

    @Test
    void logicalOperatorsAndParameters() {
        var r = storage("{\"publicNetworkAccess\": \"Disabled\"}");
        var pna = "{\"field\": \"Microsoft.Storage/storageAccounts/publicNetworkAccess\", \"notEquals\": \"Disabled\"}";
        assertThat(test(r, "{\"not\": " + pna + "}")).isTrue();
        assertThat(test(r, "{\"anyOf\": [" + pna + ", {\"value\": \"[parameters('x')]\", \"equals\": \"Yes\"}]}", "{\"x\": \"Yes\"}")).isTrue();
        assertThat(test(r, "{\"allOf\": [{\"field\": \"type\", \"equals\": \"Microsoft.Storage/storageAccounts\"}, " + pna + "]}")).isFalse();
        assertThatThrownBy(() -> test(r, "{\"value\": \"[parameters('missing')]\", \"equals\": 1}"))
                .isInstanceOf(PolicyEvaluationException.class);
    }

    @Test
    void countCountsTheElementsTheWhereHoldsFor() {
        var r = storage("{\"networkRuleSet\": {\"ipRules\": [{\"iPAddressOrRange\": \"1.2.3.4\"}, {\"iPAddressOrRange\": \"5.6.7.8\"}]}}");
        assertThat(test(r, "{\"count\": {\"field\": \"Microsoft.Storage/storageAccounts/networkAcls.ipRules[*]\"}, \"equals\": 2}")).isTrue();
        assertThat(test(storage("{}"), "{\"count\": {\"field\": \"Microsoft.Storage/storageAccounts/networkAcls.ipRules[*]\"}, \"equals\": 0}")).isTrue();
        assertThat(test(r, "{\"count\": {\"value\": [1, 2, 3], \"name\": \"n\", \"where\": {\"value\": \"[current('n')]\", \"greater\": 1}}, \"equals\": 2}")).isTrue();
    }

    @Test
    void aWhereReadsTheCurrentElementOfTheCountedArray() {
        var kv = new ArmResource(ArmResource.typeOf(KV), KV, "kv1", "urn:kv", JsonParser.parseString(
                "{\"properties\": {\"networkAcls\": {\"ipRules\": [{\"value\": \"10.0.0.0/24\"}, {\"value\": \"8.8.8.8\"}]}}}").getAsJsonObject());
        var inside = "{\"count\": {\"field\": \"Microsoft.KeyVault/vaults/networkAcls.ipRules[*]\", \"where\": {\"value\": "
                + "\"[ipRangeContains('10.0.0.0/16', current('Microsoft.KeyVault/vaults/networkAcls.ipRules[*].value'))]\", \"equals\": true}}, \"equals\": 1}";
        assertThat(test(kv, inside)).isTrue();
        // Outside a count, a [*] condition must hold for every element.
        assertThat(test(kv, "{\"field\": \"Microsoft.KeyVault/vaults/networkAcls.ipRules[*].value\", \"notEquals\": \"8.8.8.8\"}")).isFalse();
        assertThat(test(kv, "{\"field\": \"Microsoft.KeyVault/vaults/networkAcls.ipRules[*].value\", \"notEquals\": \"1.1.1.1\"}")).isTrue();
    }

    @Test
    void anUnmappedAliasFailsInsteadOfReadingAsAbsent() {
        var r = storage("{}");
        assertThatThrownBy(() -> test(r, "{\"field\": \"Microsoft.Storage/storageAccounts/isHnsEnabled\", \"equals\": true}"))
                .isInstanceOf(PolicyEvaluationException.class).hasMessageContaining("no mapping");
        assertThatThrownBy(() -> test(r, "{\"field\": \"Microsoft.KeyVault/vaults/enableSoftDelete\", \"equals\": true}"))
                .isInstanceOf(PolicyEvaluationException.class).hasMessageContaining("not one of the resource's type");
    }

    @Test
    void expressionsIfAddDaysAndApiVersion() {
        var r = storage("{}");
        // if() evaluates only the branch it takes: addDays of a missing field would fail.
        assertThat(test(r, "{\"value\": \"[if(empty(field('Microsoft.Storage/storageAccounts/keyPolicy.keyExpirationPeriodInDays')), 'none', "
                + "addDays(field('Microsoft.Storage/storageAccounts/keyPolicy.keyExpirationPeriodInDays'), 1))]\", \"equals\": \"none\"}")).isTrue();
        assertThat(test(r, "{\"value\": \"[addDays('2026-01-01T00:00:00Z', 31)]\", \"equals\": \"2026-02-01T00:00:00Z\"}")).isTrue();
        assertThat(test(r, "{\"value\": \"[requestContext().apiVersion]\", \"greaterOrEquals\": \"2019-04-01\"}")).isTrue();
        assertThat(ArmExpression.ipRangeContains("10.0.0.0/8", "10.1.2.0/24")).isTrue();
        assertThat(ArmExpression.ipRangeContains("10.0.0.0/24", "10.0.1.1")).isFalse();
    }

    @Test
    void typesOfARuleAreItsTypeConditions() {
        var rule = JsonParser.parseString("{\"anyOf\": [{\"field\": \"type\", \"equals\": \"A/b\"}, {\"field\": \"type\", \"in\": [\"C/d\"]}]}");
        assertThat(PolicyEvaluation.types(rule)).containsExactly("a/b", "c/d");
    }
}
