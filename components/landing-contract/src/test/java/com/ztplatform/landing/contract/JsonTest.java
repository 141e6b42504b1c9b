package com.ztplatform.landing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    @SuppressWarnings("unchecked")
    void roundTripsKeepingKeyOrderAndTypes() {
        String text = "{\"b\": 1, \"a\": [true, null, -2.5e-1, \"x\\\"y\\n\\u00e9\\t\"], \"c\": {}, \"d\": [], \"big\": 123456789012345678901}";
        Map<String, Object> m = Json.parseObject(text);
        assertThat(m.keySet()).containsExactly("b", "a", "c", "d", "big");
        assertThat(m.get("b")).isEqualTo(1L);
        assertThat((List<Object>) m.get("a")).containsExactly(true, null, new BigDecimal("-2.5e-1"), "x\"y\né\t");
        assertThat(m.get("big")).isEqualTo(new BigDecimal("123456789012345678901"));
        assertThat(Json.parse(Json.write(m))).isEqualTo(m);
        assertThat(Json.write(Json.ordered("k", Arrays.asList(1, "v"), "e", Map.of(), "f", List.of())))
                .isEqualTo("{\n  \"k\": [\n    1,\n    \"v\"\n  ],\n  \"e\": {},\n  \"f\": []\n}");
    }

    @Test
    void rejectsInvalidJsonNamingThePosition() {
        assertThatThrownBy(() -> Json.parse("{\"a\": 1,\n \"a\": 2}")).hasMessageContaining("line 2")
                .hasMessageContaining("Duplicate field 'a'");
        assertThatThrownBy(() -> Json.parse("{\"a\": tru}")).hasMessageContaining("line 1").hasMessageContaining("tru");
        assertThatThrownBy(() -> Json.parse("[1, 2")).hasMessageContaining("end-of-input");
        assertThatThrownBy(() -> Json.parse("{} x")).hasMessageContaining("line 1, column 5");
        assertThatThrownBy(() -> Json.parse("\"a\\q\"")).hasMessageContaining("Unrecognized character escape");
    }
}
