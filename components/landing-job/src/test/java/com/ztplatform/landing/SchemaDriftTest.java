package com.ztplatform.landing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.ztplatform.landing.contract.JobConfig.CsvOptions;

class SchemaDriftTest {

    private static Map<String, Map<String, String>> files(Object... fileAndColumns) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (int i = 0; i < fileAndColumns.length; i += 2) {
            Map<String, String> cols = new LinkedHashMap<>();
            for (String c : ((String) fileAndColumns[i + 1]).split(",")) {
                String[] nt = c.split(":");
                cols.put(nt[0], nt.length > 1 ? nt[1] : "");
            }
            out.put((String) fileAndColumns[i], cols);
        }
        return out;
    }

    @Test
    void identicalSchemasPass() {
        assertThat(SchemaDrift.compare("s", files("a", "id:int64,name:binary", "b", "id:int64,name:binary"), false, ""))
                .isEmpty();
    }

    @Test
    void addedMissingRetypedAndReorderedColumnsNameTheFileAndColumn() {
        assertThat(SchemaDrift.compare("src", files("f1", "id:int64,name:binary", "f2", "id:int64,name:binary,extra:int32",
                "f3", "id:int32", "f4", "name:binary,id:int64"), false, "fix it."))
                .hasValueSatisfying(m -> assertThat(m)
                        .startsWith("source src: the schema changes between its files, compared with f1 [id, name]")
                        .contains("f2: extra column 'extra' (int32)")
                        .contains("f3: column 'id' is int32 here but int64 in f1, missing column 'name' (binary)")
                        .contains("f4: columns in another order [name, id]")
                        .endsWith("fix it."));
    }

    @Test
    void mergeSchemaAcceptsAddedColumnsButNotATypeConflict() {
        assertThat(SchemaDrift.compare("s", files("a", "id:int64", "b", "id:int64,extra:int32", "c", "name:binary"), true, ""))
                .isEmpty();
        assertThat(SchemaDrift.compare("s", files("a", "id:int64", "b", "id:int64,extra:int32", "c", "extra:binary"), true, ""))
                .hasValueSatisfying(m -> assertThat(m).contains("c: column 'extra' is binary here but int32 in b"));
    }

    @Test
    void csvHeadersHonourQuoteEscapeAndMultiLine() throws Exception {
        var rfc = new CsvOptions(true, ";", "\"", "\"", false);
        assertThat(SchemaDrift.firstRecord(new BufferedReader(new StringReader("\uFEFFsku;\"price \"\"net\"\"\";x\n1;2;3")), rfc))
                .containsExactly("sku", "price \"net\"", "x");
        var multi = new CsvOptions(true, ",", "\"", "\\", true);
        assertThat(SchemaDrift.firstRecord(new BufferedReader(new StringReader("a,\"b\nc\",d\n1,2,3")), multi))
                .containsExactly("a", "b\nc", "d");
    }
}
