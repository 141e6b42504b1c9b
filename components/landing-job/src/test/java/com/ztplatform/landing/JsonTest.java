package com.ztplatform.landing;

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
        assertThat(Json.write(Json.ordered("k", Arrays.asList(1, "v")))).isEqualTo("{\n  \"k\": [\n    1,\n    \"v\"\n  ]\n}");
    }

    @Test
    void rejectsInvalidJsonNamingThePosition() {
        assertThatThrownBy(() -> Json.parse("{\"a\": 1,\n \"a\": 2}")).hasMessageContaining("line 2").hasMessageContaining("duplicate key 'a'");
        assertThatThrownBy(() -> Json.parse("{\"a\": tru}")).hasMessageContaining("expected 'true'");
        assertThatThrownBy(() -> Json.parse("[1, 2")).hasMessageContaining("unexpected end of input");
        assertThatThrownBy(() -> Json.parse("{} x")).hasMessageContaining("unexpected trailing content");
        assertThatThrownBy(() -> Json.parse("\"a\\q\"")).hasMessageContaining("invalid escape");
    }
}
