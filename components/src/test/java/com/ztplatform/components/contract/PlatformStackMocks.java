package com.ztplatform.components.contract;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.ztplatform.components.offline.AzureMocks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * {@link AzureMocks} that also answer stack references: Pulumi reads a {@code pulumi:pulumi:StackReference}
 * with the stack's name as input and expects the state {@code {name, outputs, secretOutputNames}} back.
 * Other teams can copy this to test programs that read the platform stack.
 */
public class PlatformStackMocks extends AzureMocks {
    public static final String STACK_REFERENCE = "pulumi:pulumi:StackReference";

    private final Map<String, Map<String, Object>> stacks;

    /** @param stacks the outputs of every stack the program may reference, by fully qualified stack name */
    public PlatformStackMocks(Map<String, Map<String, Object>> stacks) {
        this.stacks = Map.copyOf(stacks);
    }

    /** Realistic outputs of a prod platform stack of contract v1 (taken from the offline plan of prod). */
    public static Map<String, Object> sampleOutputs() {
        return sampleOutputs(outputs -> {
        });
    }

    /** The sample outputs after {@code change} (remove an output, publish another version, ...). */
    public static Map<String, Object> sampleOutputs(Consumer<Map<String, Object>> change) {
        try (var in = PlatformStackMocks.class.getResourceAsStream("/contract/platform-outputs-v1.json")) {
            if (in == null) {
                throw new IllegalStateException("contract/platform-outputs-v1.json is not on the test classpath");
            }
            @SuppressWarnings("unchecked")
            var outputs = (Map<String, Object>) toJava(JsonParser.parseString(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8)));
            change.accept(outputs);
            return outputs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object toJava(JsonElement json) {
        if (json.isJsonObject()) {
            var map = new LinkedHashMap<String, Object>();
            json.getAsJsonObject().entrySet().forEach(e -> map.put(e.getKey(), toJava(e.getValue())));
            return map;
        }
        if (json.isJsonArray()) {
            var list = new ArrayList<Object>();
            json.getAsJsonArray().forEach(e -> list.add(toJava(e)));
            return list;
        }
        if (json.isJsonNull()) {
            return null;
        }
        var primitive = json.getAsJsonPrimitive();
        return primitive.isBoolean() ? primitive.getAsBoolean()
                : primitive.isNumber() ? primitive.getAsDouble() : primitive.getAsString();
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        if (!STACK_REFERENCE.equals(args.type)) {
            return super.newResourceAsync(args);
        }
        var name = String.valueOf(args.inputs.get("name"));
        var outputs = stacks.get(name);
        if (outputs == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("unknown stack '" + name
                    + "' (the mocks know " + stacks.keySet() + ")"));
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(name), Map.of(
                "name", name,
                "outputs", outputs,
                "secretOutputNames", List.of())));
    }
}
