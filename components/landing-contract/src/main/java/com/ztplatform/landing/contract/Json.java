package com.ztplatform.landing.contract;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON for the job configuration and the landing's manifests, on Jackson (which the Databricks Runtime ships; the
 * job declares it {@code provided}).
 *
 * <p>Reading is strict, as a configuration reader must be: a duplicate key, trailing content or a malformed
 * value is an error naming its line and column. Values map to: object → {@code LinkedHashMap<String,Object>}
 * (key order kept), array → {@code ArrayList<Object>}, string → {@code String}, integral number → {@code Long}
 * (or {@code BigDecimal} past its range), other numbers → {@code BigDecimal}, booleans, {@code null}.
 * {@link #write(Object)} pretty-prints with two-space indentation and '\n' line ends; the same input gives the
 * same bytes.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final ObjectWriter WRITER = MAPPER.writer(new Printer());

    private Json() {
    }

    /**
     * Parses one JSON value.
     *
     * @param text the JSON text
     * @return a {@code Map} (in document order), {@code List}, {@code String}, {@code Number}, {@code Boolean} or
     *         {@code null}
     * @throws IllegalArgumentException naming the line and column of the problem
     */
    public static Object parse(String text) {
        try {
            return normalise(MAPPER.readValue(text, Object.class));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new IllegalArgumentException("invalid JSON" + where + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Parses a JSON object.
     *
     * @param text the JSON text
     * @return the object's members, in document order
     * @throws IllegalArgumentException when the text is not valid JSON or not an object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object v = parse(text);
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException("expected a JSON object, got " + typeName(v));
        }
        return (Map<String, Object>) v;
    }

    /**
     * Writes a value as pretty-printed JSON (two-space indent, '\n' line ends, no trailing newline), so a manifest
     * is byte-for-byte the same on every platform.
     *
     * @param value maps, lists, strings, numbers, booleans or {@code null}
     * @return the JSON text
     */
    public static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + typeName(value) + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A map in the given key order, for manifests whose field order is part of their readability.
     *
     * @param keyValues alternating {@code String} keys and values
     * @return an unmodifiable map in that order
     */
    public static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * How a value reads in an error message ("an object", "a string", ...).
     *
     * @param v a parsed JSON value
     * @return its JSON type with an article, or {@code null}
     */
    public static String typeName(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof List) {
            return "an array";
        }
        if (v instanceof String) {
            return "a string";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        if (v instanceof Number) {
            return "a number";
        }
        return v.getClass().getSimpleName();
    }

    /** Integers past a long come back as BigInteger; one big-number type keeps callers simple. */
    @SuppressWarnings("unchecked")
    private static Object normalise(Object v) {
        if (v instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, x) -> out.put(k, normalise(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(normalise(x)));
            return out;
        }
        return v;
    }

    /** Jackson's default printer with '\n' line ends everywhere, {@code "key": value} and empty {@code {}}/{@code []}. */
    private static final class Printer extends DefaultPrettyPrinter {
        private static final long serialVersionUID = 1L;

        Printer() {
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            indentObjectsWith(indenter);
            indentArraysWith(indenter);
        }

        Printer(Printer base) {
            super(base);
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new Printer(this);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
            if (!_objectIndenter.isInline()) {
                --_nesting;
            }
            if (nrOfEntries > 0) {
                _objectIndenter.writeIndentation(g, _nesting);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            if (!_arrayIndenter.isInline()) {
                --_nesting;
            }
            if (nrOfValues > 0) {
                _arrayIndenter.writeIndentation(g, _nesting);
            }
            g.writeRaw(']');
        }
    }
}
