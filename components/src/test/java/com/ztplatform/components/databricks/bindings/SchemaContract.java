package com.ztplatform.components.databricks.bindings;

import com.google.common.reflect.ClassPath;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Internal;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceArgs;

import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Holds binding classes against the Databricks provider schema subset (test resource
 * {@code databricks-schema-subset.json}, a byte-identical copy of {@code shared/reference}).
 *
 * <p>For each resource class: its {@code @ResourceType} token is in the schema ({@code resources}, or the
 * {@code provider} section for a {@link ProviderResource}); the Args class taken by its
 * {@code (String, Args, CustomResourceOptions)} constructor binds only schema inputs, with compatible Java types,
 * {@code required}/{@code json} flags as the generated SDK would set them, every required input present and settable
 * through the builder, no deprecated input, and schema secrets made secret by the builder; every {@code @Export} is a
 * schema property of a compatible type. Nested Args classes are found through the field types ({@code $ref}
 * properties) and checked recursively against the referenced {@code types} entry; the mapping class to type must be
 * one to one.
 */
final class SchemaContract {
    static final String RESOURCE = "/databricks-schema-subset.json";
    static final String PACKAGE = "com.ztplatform.components.databricks.bindings";

    private final JsonObject schema;
    private final Set<String> jsonEncodedProviderInputs;

    private SchemaContract(JsonObject schema) {
        this.schema = schema;
        this.jsonEncodedProviderInputs = strings(schema.getAsJsonObject("sourceDetails")
                .getAsJsonArray("javaProviderArgsJsonEncoded"));
    }

    static SchemaContract load() {
        try (var in = SchemaContract.class.getResourceAsStream(RESOURCE)) {
            Objects.requireNonNull(in, RESOURCE + " is not on the test classpath");
            return new SchemaContract(JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String providerVersion() {
        return schema.get("providerVersion").getAsString();
    }

    /** What a check found. */
    record Report(List<String> problems, Map<Class<?>, String> nestedTypes, Map<Class<?>, Class<?>> resourceArgs) {
        /** Every Args class the check reached: resource Args and nested types. */
        Set<Class<?>> checkedArgs() {
            var all = new HashSet<Class<?>>(nestedTypes.keySet());
            all.addAll(resourceArgs.values());
            return all;
        }
    }

    /** The main-code binding classes: top-level classes of the package from the same classpath root as the provider. */
    static List<Class<?>> bindingClasses() {
        var root = DatabricksProvider.class.getProtectionDomain().getCodeSource().getLocation();
        try {
            return ClassPath.from(DatabricksProvider.class.getClassLoader()).getTopLevelClasses(PACKAGE).stream()
                    .map(ClassPath.ClassInfo::load)
                    .filter(c -> Objects.equals(c.getProtectionDomain().getCodeSource().getLocation(), root))
                    .sorted(Comparator.comparing(Class::getName))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Class<?>> resourceClasses(Collection<Class<?>> classes) {
        return classes.stream().filter(Resource.class::isAssignableFrom).toList();
    }

    static List<Class<?>> argsClasses(Collection<Class<?>> classes) {
        return classes.stream().filter(ResourceArgs.class::isAssignableFrom).toList();
    }

    Report check(Collection<Class<?>> resourceClasses) {
        var run = new Run();
        var tokens = new HashMap<String, Class<?>>();
        for (var cls : resourceClasses) {
            var type = cls.getAnnotation(ResourceType.class);
            if (type != null) {
                var previous = tokens.put(type.type(), cls);
                if (previous != null) {
                    run.problem(cls.getSimpleName() + ": token " + type.type() + " is already bound by "
                            + previous.getSimpleName());
                }
            }
            run.checkResource(cls);
        }
        return new Report(List.copyOf(run.problems), Map.copyOf(run.classToType), Map.copyOf(run.resourceArgs));
    }

    private final class Run {
        final List<String> problems = new ArrayList<>();
        final Map<Class<?>, String> classToType = new LinkedHashMap<>();
        final Map<String, Class<?>> typeToClass = new HashMap<>();
        final Map<Class<?>, Class<?>> resourceArgs = new LinkedHashMap<>();

        void problem(String message) {
            problems.add(message);
        }

        void checkResource(Class<?> cls) {
            var where = cls.getSimpleName();
            var type = cls.getAnnotation(ResourceType.class);
            if (type == null) {
                problem(where + ": no @ResourceType");
                return;
            }
            if (!CustomResource.class.isAssignableFrom(cls)) {
                problem(where + ": does not extend CustomResource");
                return;
            }
            var provider = ProviderResource.class.isAssignableFrom(cls);
            JsonObject section;
            if (provider) {
                section = schema.getAsJsonObject("provider");
                if (!section.get("token").getAsString().equals(type.type())) {
                    problem(where + ": provider token " + type.type() + " is not the schema's "
                            + section.get("token").getAsString());
                    return;
                }
            } else {
                var resources = schema.getAsJsonObject("resources");
                if (!resources.has(type.type())) {
                    problem(where + ": token " + type.type() + " is not a resource of the schema");
                    return;
                }
                section = resources.getAsJsonObject(type.type());
            }
            var args = argsClassOf(cls);
            if (args == null) {
                problem(where + ": no constructor (String, <ResourceArgs>, CustomResourceOptions)");
            } else {
                resourceArgs.put(cls, args);
                checkArgs(args, section.getAsJsonObject("inputProperties"), strings(section.getAsJsonArray("requiredInputs")),
                        type.type(), provider);
            }
            checkExports(cls, section.getAsJsonObject("properties"), type.type());
        }

        Class<?> argsClassOf(Class<?> cls) {
            for (Constructor<?> c : cls.getDeclaredConstructors()) {
                var p = c.getParameterTypes();
                if (p.length == 3 && p[0] == String.class && ResourceArgs.class.isAssignableFrom(p[1])
                        && p[2] == CustomResourceOptions.class) {
                    return p[1];
                }
            }
            return null;
        }

        void checkArgs(Class<?> args, JsonObject props, Set<String> required, String token, boolean provider) {
            var where = args.getSimpleName() + " (" + token + ")";
            var bound = new LinkedHashMap<String, Field>();
            for (var field : args.getDeclaredFields()) {
                var imp = field.getAnnotation(Import.class);
                if (imp == null) {
                    continue;
                }
                if (bound.put(imp.name(), field) != null) {
                    problem(where + ": input '" + imp.name() + "' is bound twice");
                }
                var prop = props.getAsJsonObject(imp.name());
                if (prop == null) {
                    problem(where + ": input '" + imp.name() + "' is not in the schema; inputs are "
                            + new TreeSet<>(props.keySet()));
                    continue;
                }
                var at = where + "." + imp.name();
                if (prop.has("deprecated") && prop.get("deprecated").getAsBoolean()) {
                    problem(at + ": binds a deprecated input");
                }
                var value = outputValueType(field.getGenericType());
                if (value == null) {
                    problem(at + ": field type " + field.getGenericType().getTypeName() + " is not Output<T>");
                } else {
                    compatible(value, prop, at);
                }
                if (imp.required() != required.contains(imp.name())) {
                    problem(at + ": @Import(required = " + imp.required() + ") but the schema has it "
                            + (required.contains(imp.name()) ? "required" : "optional"));
                }
                var json = provider && jsonEncodedProviderInputs.contains(imp.name());
                if (imp.json() != json) {
                    problem(at + ": @Import(json = " + imp.json() + ") but a generated SDK sends it "
                            + (json ? "JSON-encoded (non-string provider input)" : "as is"));
                }
                if (!hasSetter(args, field.getName())) {
                    problem(at + ": no builder setter " + field.getName() + "(...)");
                } else if (prop.has("secret") && prop.get("secret").getAsBoolean() && value == String.class
                        && !builderMakesSecret(args, field.getName())) {
                    problem(at + ": the schema marks it secret but the builder does not make it secret");
                }
            }
            for (var name : new TreeSet<>(required)) {
                if (!bound.containsKey(name)) {
                    problem(where + ": required input '" + name + "' has no @Import field");
                }
            }
        }

        void checkExports(Class<?> cls, JsonObject properties, String token) {
            for (var field : cls.getDeclaredFields()) {
                var exp = field.getAnnotation(Export.class);
                if (exp == null) {
                    continue;
                }
                var at = cls.getSimpleName() + " (" + token + ")." + exp.name();
                var prop = properties.getAsJsonObject(exp.name());
                if (prop == null) {
                    problem(at + ": output '" + exp.name() + "' is not in the schema; outputs are "
                            + new TreeSet<>(properties.keySet()));
                    continue;
                }
                var value = outputValueType(field.getGenericType());
                if (!(value instanceof Class<?> c) || prop.has("$ref") || !isScalar(prop)) {
                    problem(at + ": only scalar outputs are bound, found " + field.getGenericType().getTypeName());
                    continue;
                }
                compatible(value, prop, at);
                if (!Arrays.equals(exp.refs(), new Class<?>[]{c}) || !"[0]".equals(exp.tree())) {
                    problem(at + ": @Export(refs, tree) do not describe " + c.getSimpleName());
                }
            }
        }

        void compatible(Type java, JsonObject prop, String at) {
            if (prop.has("$ref")) {
                var ref = prop.get("$ref").getAsString();
                var token = ref.startsWith("#/types/") ? ref.substring("#/types/".length()) : ref;
                if (!(java instanceof Class<?> c) || !ResourceArgs.class.isAssignableFrom(c)) {
                    problem(at + ": schema type " + token + " needs a nested ResourceArgs class, found "
                            + java.getTypeName());
                    return;
                }
                mapNested(c, token, at);
                return;
            }
            var type = prop.has("type") ? prop.get("type").getAsString() : "?";
            switch (type) {
                case "string" -> expect(java, String.class, type, at);
                case "boolean" -> expect(java, Boolean.class, type, at);
                case "integer" -> expect(java, Integer.class, type, at);
                case "number" -> expect(java, Double.class, type, at);
                case "array" -> {
                    var element = typeArgument(java, List.class, 0);
                    if (element == null) {
                        problem(at + ": schema array needs List<...>, found " + java.getTypeName());
                    } else {
                        compatible(element, prop.getAsJsonObject("items"), at + "[]");
                    }
                }
                case "object" -> {
                    if (!prop.has("additionalProperties")) {
                        problem(at + ": untyped schema object is not supported");
                        return;
                    }
                    var key = typeArgument(java, Map.class, 0);
                    var element = typeArgument(java, Map.class, 1);
                    if (key != String.class || element == null) {
                        problem(at + ": schema map needs Map<String, ...>, found " + java.getTypeName());
                    } else {
                        compatible(element, prop.getAsJsonObject("additionalProperties"), at + "{}");
                    }
                }
                default -> problem(at + ": unsupported schema type " + prop);
            }
        }

        void expect(Type java, Class<?> expected, String schemaType, String at) {
            if (java != expected) {
                problem(at + ": schema " + schemaType + " needs " + expected.getSimpleName() + ", found "
                        + java.getTypeName());
            }
        }

        void mapNested(Class<?> cls, String token, String at) {
            var mapped = classToType.get(cls);
            if (mapped != null) {
                if (!mapped.equals(token)) {
                    problem(at + ": " + cls.getSimpleName() + " maps onto both " + mapped + " and " + token);
                }
                return;
            }
            var other = typeToClass.get(token);
            if (other != null && other != cls) {
                problem(at + ": " + token + " is bound by both " + other.getSimpleName() + " and " + cls.getSimpleName());
                return;
            }
            classToType.put(cls, token);
            typeToClass.put(token, cls);
            var type = schema.getAsJsonObject("types").getAsJsonObject(token);
            if (type == null) {
                problem(at + ": type " + token + " is not in the schema");
                return;
            }
            checkArgs(cls, type.getAsJsonObject("properties"), strings(type.getAsJsonArray("required")), token, false);
        }
    }

    // ---- reflection helpers ----

    private static Type outputValueType(Type fieldType) {
        return typeArgument(fieldType, Output.class, 0);
    }

    private static Type typeArgument(Type type, Class<?> raw, int index) {
        if (type instanceof ParameterizedType p && p.getRawType() == raw && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return null;
    }

    private static boolean isScalar(JsonObject prop) {
        var type = prop.has("type") ? prop.get("type").getAsString() : "";
        return Set.of("string", "boolean", "integer", "number").contains(type);
    }

    private static Method builderMethod(Class<?> args) {
        try {
            var m = args.getDeclaredMethod("builder");
            return Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0 ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static boolean hasSetter(Class<?> args, String name) {
        var builder = builderMethod(args);
        if (builder == null) {
            return false;
        }
        return Arrays.stream(builder.getReturnType().getMethods())
                .anyMatch(m -> m.getName().equals(name) && m.getParameterCount() == 1);
    }

    /** Sets a plain value through the builder's {@code name(Output)} setter and reads back whether it is secret. */
    private static boolean builderMakesSecret(Class<?> args, String name) {
        try {
            var builderFactory = builderMethod(args);
            builderFactory.setAccessible(true);
            var builder = builderFactory.invoke(null);
            var setter = builder.getClass().getMethod(name, Output.class);
            setter.invoke(builder, Output.of("plain"));
            var field = builder.getClass().getDeclaredField(name);
            field.setAccessible(true);
            var value = (Output<?>) field.get(builder);
            return value != null && Internal.of(value).isSecret().join();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    static Set<String> strings(JsonArray array) {
        if (array == null) {
            return Set.of();
        }
        var result = new HashSet<String>();
        for (JsonElement e : array) {
            result.add(e.getAsString());
        }
        return Set.copyOf(result);
    }

    static String describe(List<String> problems) {
        return problems.stream().collect(Collectors.joining("\n  ", "\n  ", "\n"));
    }
}
