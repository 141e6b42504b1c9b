package com.ztplatform.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.databricks.dbutils_v1.DBUtilsHolder;

class DatabricksSecretSourceTest {

    /** Hides com.databricks.* as on a plain JVM. */
    static final ClassLoader OFF_DATABRICKS = new ClassLoader(DatabricksSecretSourceTest.class.getClassLoader()) {
        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("com.databricks.")) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }
    };

    @AfterEach
    void reset() {
        DBUtilsHolder.secrets = Map.of();
    }

    @Test
    void readsThroughDbutilsReflectively() {
        DBUtilsHolder.secrets = Map.of("zt-landing/sp-client-secret", "s3cr3t");
        SecretSource s = new DatabricksSecretSource(getClass().getClassLoader());
        assertThat(s.get("zt-landing", "sp-client-secret")).isEqualTo("s3cr3t");
        assertThatThrownBy(() -> s.get("zt-landing", "nope"))
                .isInstanceOf(SecretAccessException.class)
                .hasMessageContaining("secret 'nope' in scope 'zt-landing' could not be read")
                .hasMessageContaining("Secret does not exist with scope: zt-landing and key: nope")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void offDatabricksFailsWithAClearMessage() {
        SecretSource s = new DatabricksSecretSource(OFF_DATABRICKS);
        assertThatThrownBy(() -> s.get("zt-landing", "sp-client-secret"))
                .isInstanceOf(SecretAccessException.class)
                .hasMessageContaining("dbutils is not available")
                .hasMessageContaining("com.databricks.dbutils_v1.DBUtilsHolder not on the classpath")
                .hasMessageContaining("must run on a Databricks cluster");
    }

    @Test
    void inMemorySourceNamesScopeAndKey() {
        SecretSource s = SecretSource.of("zt", Map.of("k", "v"));
        assertThat(s.get("zt", "k")).isEqualTo("v");
        assertThatThrownBy(() -> s.get("zt", "x")).hasMessage("secret 'x' does not exist in scope 'zt'");
        assertThatThrownBy(() -> s.get("other", "k")).hasMessage("secret scope 'other' does not exist");
    }
}
