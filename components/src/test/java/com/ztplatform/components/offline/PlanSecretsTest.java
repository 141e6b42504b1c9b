package com.ztplatform.components.offline;

import com.pulumi.azurenative.keyvault.Secret;
import com.pulumi.azurenative.keyvault.SecretArgs;
import com.pulumi.azurenative.keyvault.inputs.SecretPropertiesArgs;
import com.pulumi.core.Output;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Secret values must never reach a plan: not in inputs, not in what the mocks computed, not in outputs. */
class PlanSecretsTest {
    private static final String VALUE = "s3cr3t-Value-That-Must-Not-Leak";

    @Test
    void secretInputsAreMaskedEverywhereInThePlan() {
        var plan = MockRun.run(ctx -> {
            var secret = new Secret("sp-secret", SecretArgs.builder()
                    .resourceGroupName("rg")
                    .vaultName("kv")
                    .secretName("landing-client-secret")
                    .properties(SecretPropertiesArgs.builder().value(Output.ofSecret(VALUE)).build())
                    .build());
            ctx.export("derived", secret.name().apply(n -> Output.ofSecret(VALUE + n)));
        });
        assertThat(plan.errors()).isEmpty();
        var json = plan.toJson();
        assertThat(json).doesNotContain(VALUE);
        var resource = plan.ofType("azure-native:keyvault:Secret").get(0);
        assertThat(resource.inputString("properties.value")).hasValue(Plan.SECRET_PLACEHOLDER);
        assertThat(plan.outputs().get("derived").getAsString()).isEqualTo(Plan.SECRET_PLACEHOLDER);
    }
}
