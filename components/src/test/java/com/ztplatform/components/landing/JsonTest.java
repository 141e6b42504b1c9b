package com.ztplatform.components.landing;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {

    @Test
    void unorderedMapsAreWrittenWithSortedKeysAtEveryDepth() {
        // Map.of's iteration order differs between JVM runs; the bytes must not.
        var value = Map.of("zeta", 1, "alpha", List.of(Map.of("y", true, "b", "x")), "mid", Map.of("k2", 2, "k1", 1));

        assertThat(Json.write(value))
                .isEqualTo("{\"alpha\":[{\"b\":\"x\",\"y\":true}],\"mid\":{\"k1\":1,\"k2\":2},\"zeta\":1}");
    }

    @Test
    void orderedMapsKeepInsertionOrder() {
        var value = new LinkedHashMap<String, Object>();
        value.put("z", 1);
        value.put("a", Map.of("d", 4, "c", 3));

        assertThat(Json.write(value)).isEqualTo("{\"z\":1,\"a\":{\"c\":3,\"d\":4}}");
    }

    @Test
    void clusterPolicyRulesHaveAStableFieldOrder() {
        assertThat(OneLakeLanding.clusterPolicy("dev", "onelake.dfs.fabric.microsoft.com"))
                .startsWith("{\"spark_version\":{\"type\":\"fixed\",\"value\":")
                .contains("\"num_workers\":{\"defaultValue\":1,\"maxValue\":4,\"minValue\":1,\"type\":\"range\"}")
                .endsWith("\"custom_tags.environment\":{\"type\":\"fixed\",\"value\":\"dev\"}}");
    }
}
