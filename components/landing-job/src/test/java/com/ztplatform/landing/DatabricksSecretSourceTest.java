package com.ztplatform.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DatabricksSecretSourceTest {

    @AfterEach
    void reset() {
        FakeDbutils.remove();
    }

    @Test
    void readsThroughTheDbutilsApi() {
        FakeDbutils.serve(Map.of("zt-landing/sp-client-secret", "s3cr3t"));
        SecretSource s = new DatabricksSecretSource();
        assertThat(s.get("zt-landing", "sp-client-secret")).isEqualTo("s3cr3t");
        assertThatThrownBy(() -> s.get("zt-landing", "nope"))
                .isInstanceOf(SecretAccessException.class)
                .hasMessageContaining("secret 'nope' in scope 'zt-landing' could not be read")
                .hasMessageContaining("Secret does not exist with scope: zt-landing and key: nope")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void offDatabricksFailsWithAClearMessage() {
        // No runtime installed a dbutils: what dbutils-api itself does on a plain JVM.
        SecretSource s = new DatabricksSecretSource();
        assertThatThrownBy(() -> s.get("zt-landing", "sp-client-secret"))
                .isInstanceOf(SecretAccessException.class)
                .hasMessageContaining("dbutils is not available")
                .hasMessageContaining("must run on a Databricks cluster");
    }

    @Test
    void theRuntimeClassesMissingIsTheSameClearFailure() {
        SecretSource s = new DatabricksSecretSource(() -> {
            throw new NoClassDefFoundError("com/databricks/dbutils_v1/DBUtilsHolder");
        });
        assertThatThrownBy(() -> s.get("zt-landing", "sp-client-secret"))
                .isInstanceOf(SecretAccessException.class)
                .hasMessageContaining("NoClassDefFoundError: com/databricks/dbutils_v1/DBUtilsHolder");
    }

    @Test
    void inMemorySourceNamesScopeAndKey() {
        SecretSource s = SecretSource.of("zt", Map.of("k", "v"));
        assertThat(s.get("zt", "k")).isEqualTo("v");
        assertThatThrownBy(() -> s.get("zt", "x")).hasMessage("secret 'x' does not exist in scope 'zt'");
        assertThatThrownBy(() -> s.get("other", "k")).hasMessage("secret scope 'other' does not exist");
    }
}
