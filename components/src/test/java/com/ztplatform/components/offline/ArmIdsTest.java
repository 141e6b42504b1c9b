package com.ztplatform.components.offline;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Databricks id templates of arm-ids.json (databricksIds), which the engine run's simulator reads too
 * (src/e2e/azuresim: TestDatabricksIDsFollowTheSharedTemplates checks the same cases there).
 */
class ArmIdsTest {
    private static final Map<String, String> DERIVED = Map.of("numeric", "123456789012", "guid",
            "2d711642-b726-b044-0162-7ca9fbac32f5", "hex", "2D711642B726", "objectType", "directory");

    @Test
    void databricksIdsFollowTheSharedTemplates() {
        // Expected values written out by hand from the provider's id formats.
        assertThat(ArmIds.databricksId("databricks:index/volume:Volume", "v",
                Map.of("catalogName", "c", "schemaName", "s", "name", "v"), DERIVED)).isEqualTo("c.s.v");
        assertThat(ArmIds.databricksId("databricks:index/directory:Directory", "d", Map.of("path", "/Shared/landing"),
                DERIVED)).isEqualTo("/Shared/landing");
        assertThat(ArmIds.databricksId("databricks:index/permissions:Permissions", "p", Map.of(), DERIVED))
                .isEqualTo("/directory/123456789012");
        assertThat(ArmIds.databricksId("databricks:index/clusterPolicy:ClusterPolicy", "p", Map.of(), DERIVED))
                .isEqualTo("2D711642B726");
        assertThat(ArmIds.databricksId("databricks:index/mwsNetworkConnectivityConfig:MwsNetworkConnectivityConfig",
                "n", Map.of(), DERIVED)).isEqualTo("2d711642-b726-b044-0162-7ca9fbac32f5");
        assertThat(ArmIds.databricksId("databricks:index/job:Job", "j", Map.of(), DERIVED)).isEqualTo("123456789012");
    }

    @Test
    void aMissingInputFailsNamingIt() {
        assertThatThrownBy(() -> ArmIds.databricksId("databricks:index/volume:Volume", "v", Map.of("name", "v"), DERIVED))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'v'").hasMessageContaining("catalogName");
    }
}
