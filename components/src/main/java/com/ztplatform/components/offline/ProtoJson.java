package com.ztplatform.components.offline;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import java.util.TreeMap;

/**
 * Pulumi's wire values (protobuf Struct/Value) as JSON with sorted keys. Pulumi's special objects are
 * rendered as markers: a secret becomes {@value Plan#SECRET_PLACEHOLDER} (its value is never written),
 * an unknown becomes "[unknown]", a resource reference becomes its URN, an asset or archive "[asset]".
 */
public final class ProtoJson {
    static final String SIG = "4dabf18193072939515e22adb298388d";
    static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    static final String RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
    static final String ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
    static final String ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";
    static final String OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
    static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private ProtoJson() {
    }

    /**
     * A Pulumi property map as JSON.
     *
     * @param struct the wire value
     * @return the JSON object, keys sorted, special values as markers
     */
    public static JsonObject toJson(Struct struct) {
        var object = new JsonObject();
        new TreeMap<>(struct.getFieldsMap()).forEach((k, v) -> object.add(k, toJson(v)));
        return object;
    }

    /**
     * One Pulumi wire value as JSON.
     *
     * @param value the wire value
     * @return the JSON value, special values as markers
     */
    public static JsonElement toJson(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> JsonNull.INSTANCE;
            case BOOL_VALUE -> new JsonPrimitive(value.getBoolValue());
            case NUMBER_VALUE -> number(value.getNumberValue());
            case STRING_VALUE -> value.getStringValue().equals(UNKNOWN) ? new JsonPrimitive("[unknown]")
                    : new JsonPrimitive(value.getStringValue());
            case LIST_VALUE -> {
                var array = new JsonArray();
                value.getListValue().getValuesList().forEach(v -> array.add(toJson(v)));
                yield array;
            }
            case STRUCT_VALUE -> special(value.getStructValue());
        };
    }

    private static JsonElement special(Struct struct) {
        var fields = struct.getFieldsMap();
        var sig = fields.get(SIG);
        if (sig == null) {
            return toJson(struct);
        }
        var kind = sig.getStringValue();
        if (kind.equals(SECRET_SIG)) {
            return new JsonPrimitive(Plan.SECRET_PLACEHOLDER);
        }
        if (kind.equals(OUTPUT_SIG)) {
            if (fields.containsKey("secret") && fields.get("secret").getBoolValue()) {
                return new JsonPrimitive(Plan.SECRET_PLACEHOLDER);
            }
            return fields.containsKey("value") ? toJson(fields.get("value")) : new JsonPrimitive("[unknown]");
        }
        if (kind.equals(RESOURCE_SIG)) {
            return fields.containsKey("urn") ? new JsonPrimitive(fields.get("urn").getStringValue())
                    : new JsonPrimitive("[resource]");
        }
        if (kind.equals(ASSET_SIG) || kind.equals(ARCHIVE_SIG)) {
            return new JsonPrimitive("[asset]");
        }
        return toJson(struct);
    }

    private static JsonPrimitive number(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return new JsonPrimitive((long) d);
        }
        return new JsonPrimitive(d);
    }
}
