package com.ztplatform.landing;

import com.ztplatform.landing.contract.ConfigException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;


/** The spark_jar_task entry point: parameters, config, dbutils wiring, failure as an exception. */
/** Local Spark: an integration test (failsafe), see TestSpark.SPARK. */
@Tag(TestSpark.SPARK)
class MirrorJobTest {

    static final String CONFIG = """
            { "mode": "direct", "target": { "workspace": "zt-landing", "lakehouse": "mirror" },
              "auth": { "secretScope": "zt-landing", "tenantIdKey": "sp-tenant-id", "clientIdKey": "sp-client-id",
                        "clientSecretKey": "sp-client-secret" },
              "sources": [ { "table": "main.sales.orders", "dest": "orders" } ] }""";

    @AfterEach
    void reset() {
        FakeDbutils.remove();
    }

    @Test
    void readsSecretsThroughDbutilsAndFailsTheTaskNamingTheMissingKey() {
        TestSpark.get();
        FakeDbutils.serve(Map.of("zt-landing/sp-tenant-id", "72f988bf-86f1-41af-91ab-2d7cd011db47",
                "zt-landing/sp-client-id", "0a1b2c3d-1111-2222-3333-444455556666"));
        assertThatThrownBy(() -> MirrorJob.main(new String[] {"--config", CONFIG, "--run-id", "845123987650"}))
                .isInstanceOf(MirrorException.class)
                .hasMessageContaining("credentials for target 'abfss://zt-landing@onelake.dfs.fabric.microsoft.com/"
                        + "mirror.Lakehouse/Files/LandingZone'")
                .hasMessageContaining("secret 'sp-client-secret' in scope 'zt-landing' could not be read")
                .hasMessageNotContaining("72f988bf-86f1-41af-91ab-2d7cd011db47");
    }

    @Test
    void badParametersFailWithUsage() {
        assertThatThrownBy(() -> MirrorJob.main(new String[] {"--run-id", "1"}))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--config is required")
                .hasMessageContaining("usage: MirrorJob --config <json|path> --jar-sha256 <sha256 hex of the job jar> [--run-id <id>] [--force]");
        assertThatThrownBy(() -> MirrorJob.main(new String[] {"--config", "{\"mode\": \"direct\"}"}))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("target is required").hasMessageContaining("auth is required")
                .hasMessageContaining("sources must be a non-empty array");
    }
}
