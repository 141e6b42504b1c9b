package com.ztplatform.bindings.generator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.JavaFile;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;

import javax.lang.model.element.Modifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes Pulumi Java bindings in the shape pulumi-java-gen gives them ({@code CustomResource} subclasses with
 * {@code @ResourceType} and {@code @Export} outputs, {@code ResourceArgs} classes with {@code @Import} names and
 * builders, one {@code <Type>Args} class per nested object type) for the resources and properties an
 * {@link Allowlist} selects from a Pulumi package schema. The output depends only on the two inputs: same inputs,
 * same bytes.
 *
 * <p>The generated classes call a small hand-written {@code Bindings} class of the target package for the parts
 * that are runtime logic: the default resource options ({@code version}, secret outputs) and the checks of
 * required, one-of and pattern-restricted inputs.
 */
public final class BindingsGenerator {
    private static final String PROVIDER = "provider";
    private static final String PROVIDER_CLASS = "DatabricksProvider";
    private static final ClassName OUTPUT = ClassName.get("com.pulumi.core", "Output");
    private static final ClassName IMPORT = ClassName.get("com.pulumi.core.annotations", "Import");
    private static final ClassName EXPORT = ClassName.get("com.pulumi.core.annotations", "Export");
    private static final ClassName RESOURCE_TYPE = ClassName.get("com.pulumi.core.annotations", "ResourceType");
    private static final ClassName RESOURCE_ARGS = ClassName.get("com.pulumi.resources", "ResourceArgs");
    private static final ClassName CUSTOM_RESOURCE = ClassName.get("com.pulumi.resources", "CustomResource");
    private static final ClassName OPTIONS = ClassName.get("com.pulumi.resources", "CustomResourceOptions");
    private static final ClassName NULLABLE = ClassName.get("javax.annotation", "Nullable");
    private static final AnnotationSpec NULLABLE_ANNOTATION = AnnotationSpec.builder(NULLABLE).build();
    private static final List<String> RESERVED_OUTPUTS = List.of("id", "urn", "getResourceName", "getResourceType");

    private final JsonObject schema;
    private final String pkg;
    private final String packageName;
    private final String version;
    private final ClassName bindings;

    /**
     * @param schema      the Pulumi package schema (or a subset with the same shape)
     * @param javaPackage the package of the generated classes (it also holds the hand-written {@code Bindings})
     */
    public BindingsGenerator(JsonObject schema, String javaPackage) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.pkg = Objects.requireNonNull(javaPackage, "javaPackage");
        this.packageName = "databricks";
        this.version = string(schema, "providerVersion", "version");
        this.bindings = ClassName.get(pkg, "Bindings");
    }

    /**
     * What one run produces, by path relative to their roots, in path order (so writing them is deterministic).
     *
     * @param sources   Java sources, like {@code com/ztplatform/databricks/Job.java}, to their text
     * @param resources class-path resources (the {@code plugin.json} Pulumi reads to find the provider plugin)
     */
    public record Result(SortedMap<String, String> sources, SortedMap<String, String> resources) {
    }

    /**
     * {@code --schema <file> --allowlist <file> --package <java package> --sources <dir> --resources <dir>}.
     * Files of a resource removed from the allowlist are deleted, so it leaves no class behind; unchanged files are
     * left as they are.
     *
     * @param args the five options above, each followed by its value
     * @throws IOException when an input cannot be read or an output written
     */
    public static void main(String[] args) throws IOException {
        var options = new LinkedHashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        for (var required : List.of("--schema", "--allowlist", "--package", "--sources", "--resources")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("missing " + required + " <value>; usage: --schema schema.json "
                        + "--allowlist bindings.allowlist --package com.example --sources dir --resources dir");
            }
        }
        long start = System.nanoTime();
        var schema = readSchema(Path.of(options.get("--schema")));
        var allowlist = Allowlist.read(Path.of(options.get("--allowlist")));
        var result = new BindingsGenerator(schema, options.get("--package")).generate(allowlist);
        write(Path.of(options.get("--sources")), result.sources());
        write(Path.of(options.get("--resources")), result.resources());
        System.out.printf("bindings-generator: %d sources, %d resources from %d allowlist entries in %d ms%n",
                result.sources().size(), result.resources().size(), allowlist.entries().size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Parses a schema file.
     *
     * @param file a Pulumi package schema (or subset) in JSON
     * @return its root object
     * @throws IOException when the file cannot be read
     */
    public static JsonObject readSchema(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    /**
     * Makes the content of {@code root} exactly {@code files}: files no longer generated are deleted, and a file
     * whose content is unchanged is not touched, so its timestamp stays and an incremental build (the compiler
     * plugin's stale-source check) does not recompile the bindings, and everything built on them, on every run.
     *
     * @param root  the output directory; created when missing
     * @param files file contents by path relative to {@code root}
     * @throws IOException when a file cannot be read, deleted or written
     */
    public static void write(Path root, Map<String, String> files) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (var p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    var relative = root.relativize(p).toString().replace('\\', '/');
                    boolean keptDirectory = Files.isDirectory(p) && files.keySet().stream()
                            .anyMatch(f -> f.startsWith(relative + "/"));
                    if (!p.equals(root) && !files.containsKey(relative) && !keptDirectory) {
                        Files.delete(p);
                    }
                }
            }
        }
        for (var file : files.entrySet()) {
            var target = root.resolve(file.getKey());
            if (Files.isRegularFile(target) && Files.readString(target, StandardCharsets.UTF_8).equals(file.getValue())) {
                continue;
            }
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Generates every class the allowlist asks for, or fails naming the allowlist line and the schema token.
     *
     * @param allowlist the resources and properties to bind
     * @return the sources and resources, by relative path
     * @throws GeneratorException when the allowlist asks for something the schema does not have or the generator
     *                            cannot bind
     */
    public Result generate(Allowlist allowlist) {
        var sources = new TreeMap<String, String>();
        var nested = new TreeMap<String, NestedUse>();
        var seen = new TreeSet<String>();
        for (var entry : allowlist.entries()) {
            if (!seen.add(entry.resource())) {
                throw new GeneratorException("allowlist line " + entry.line() + ": " + entry.resource()
                        + " is listed twice");
            }
            if (entry.resource().equals(PROVIDER)) {
                providerArgs(entry, sources, nested);
            } else {
                resource(entry, sources, nested);
            }
        }
        // Nested types can select further nested types: generate until no selection is left.
        var done = new TreeSet<String>();
        while (!done.containsAll(nested.keySet())) {
            var use = nested.values().stream().filter(u -> !done.contains(u.token())).findFirst().orElseThrow();
            done.add(use.token());
            var type = typeObject(use.token());
            var props = properties(use.token(), type.has("properties") ? type.getAsJsonObject("properties")
                    : new JsonObject(), requiredOf(type, "required"), use.props(), false, nested, use.where());
            put(sources, argsClass(ClassName.get(pkg, use.className()), use.token(),
                    "Input type {@code " + use.token() + "}.", props, use.exactlyOne()));
        }
        put(sources, index(allowlist));
        var resources = new TreeMap<String, String>();
        resources.put("com/pulumi/" + packageName + "/plugin.json",
                "{\"resource\":true,\"name\":\"" + packageName + "\",\"version\":\"" + version + "\"}");
        return new Result(sources, resources);
    }

    private record NestedUse(String token, String className, List<Allowlist.Prop> props,
                             List<List<String>> exactlyOne, String where) {
    }

    /** One allowlisted input or output, resolved against the schema. */
    private record Property(String name, SchemaType type, boolean schemaRequired, boolean requiredHere,
                            boolean secret, boolean replaces, boolean json, Allowlist.Prop prop, String doc) {
        boolean required() {
            return schemaRequired || requiredHere;
        }

        boolean constrained() {
            return prop != null && (!prop.oneOf().isEmpty() || prop.pattern() != null);
        }
    }

    private void providerArgs(Allowlist.Entry entry, SortedMap<String, String> sources, Map<String, NestedUse> nested) {
        var provider = member(schema, "provider", "the schema");
        var where = "allowlist line " + entry.line() + " (provider)";
        if (!entry.outputs().isEmpty()) {
            throw new GeneratorException(where + ": the provider binding takes no outputs");
        }
        var props = properties("pulumi:providers:" + packageName, member(provider, "inputProperties", where),
                requiredOf(provider, "requiredInputs"), entry.inputs(), true, nested, where);
        put(sources, argsClass(ClassName.get(pkg, PROVIDER_CLASS + "Args"), "pulumi:providers:" + packageName,
                "Inputs of {@link " + PROVIDER_CLASS + "} ({@code pulumi:providers:" + packageName + "}); "
                        + "non-string inputs are sent JSON-encoded, as pulumi-java-gen does for provider inputs.",
                props, entry.exactlyOne()));
    }

    private void resource(Allowlist.Entry entry, SortedMap<String, String> sources, Map<String, NestedUse> nested) {
        var name = entry.resource();
        var token = packageName + ":index/" + Character.toLowerCase(name.charAt(0)) + name.substring(1) + ":" + name;
        var where = "allowlist line " + entry.line() + " (" + token + ")";
        var resources = member(schema, "resources", "the schema");
        if (!resources.has(token)) {
            throw new GeneratorException(where + ": the schema has no resource " + token);
        }
        var resource = resources.getAsJsonObject(token);
        var argsClass = ClassName.get(pkg, name + "Args");
        var inputs = properties(token, member(resource, "inputProperties", where), requiredOf(resource, "requiredInputs"),
                entry.inputs(), false, nested, where);
        put(sources, argsClass(argsClass, token, "Inputs of {@link " + name + "} ({@code " + token + "}).", inputs,
                entry.exactlyOne()));

        var outputsSchema = member(resource, "properties", where);
        var outputs = new ArrayList<Property>();
        for (var out : entry.outputs()) {
            if (RESERVED_OUTPUTS.contains(out)) {
                throw new GeneratorException(where + ": output " + out + " would hide a CustomResource method");
            }
            if (!outputsSchema.has(out)) {
                throw new GeneratorException(where + ": " + token + " has no output " + out + "; outputs are "
                        + new TreeSet<>(outputsSchema.keySet()));
            }
            var spec = outputsSchema.getAsJsonObject(out);
            var type = type(spec, where + " output " + out);
            if (containsRef(type)) {
                throw new GeneratorException(where + ": output " + out + " is an object type; the generator binds "
                        + "scalar, list and map outputs only");
            }
            outputs.add(new Property(out, type, requiredOf(resource, "required").contains(out), false,
                    bool(spec, "secret"), false, false, null, summary(text(spec, "description"))));
        }
        var secretOutputs = outputsSchema.entrySet().stream()
                .filter(e -> bool(e.getValue().getAsJsonObject(), "secret")).map(Map.Entry::getKey).sorted().toList();
        put(sources, resourceClass(ClassName.get(pkg, name), argsClass, token, summary(text(resource, "description")),
                outputs, secretOutputs));
    }

    private List<Property> properties(String owner, JsonObject schemaProps, List<String> required,
                                      List<Allowlist.Prop> props, boolean provider, Map<String, NestedUse> nested,
                                      String where) {
        var result = new ArrayList<Property>();
        var names = new TreeSet<String>();
        for (var prop : props) {
            if (!names.add(prop.name())) {
                throw new GeneratorException(where + ": input " + prop.name() + " of " + owner + " is listed twice");
            }
            if (!schemaProps.has(prop.name())) {
                throw new GeneratorException(where + ": " + owner + " has no input " + prop.name() + "; inputs are "
                        + new TreeSet<>(schemaProps.keySet()));
            }
            var spec = schemaProps.getAsJsonObject(prop.name());
            if (bool(spec, "deprecated")) {
                throw new GeneratorException(where + ": input " + prop.name() + " of " + owner
                        + " is deprecated in the schema; use its replacement");
            }
            var type = type(spec, where + " input " + prop.name());
            var ref = refOf(type);
            if (ref.isPresent()) {
                if (prop.nested().isEmpty()) {
                    throw new GeneratorException(where + ": input " + prop.name() + " of " + owner + " is object type "
                            + ref.get().token() + "; select its properties, like " + prop.name() + "{name}");
                }
                var use = new NestedUse(ref.get().token(), ref.get().args().simpleName(), prop.nested(),
                        prop.exactlyOne(), where + " input " + prop.name());
                var earlier = nested.putIfAbsent(use.token(), use);
                if (earlier != null && (!earlier.props().equals(use.props())
                        || !earlier.exactlyOne().equals(use.exactlyOne()))) {
                    throw new GeneratorException(where + ": " + use.token() + " is selected differently by "
                            + earlier.where() + "; one nested type has one selection");
                }
            } else if (!prop.nested().isEmpty()) {
                throw new GeneratorException(where + ": input " + prop.name() + " of " + owner + " is "
                        + type.describe() + ", not an object type; remove its {...}");
            }
            if ((!prop.oneOf().isEmpty() || prop.pattern() != null) && !isString(type)) {
                throw new GeneratorException(where + ": =values and ~pattern apply to string or list of string "
                        + "inputs; " + prop.name() + " is " + type.describe());
            }
            boolean schemaRequired = required.contains(prop.name());
            if (prop.requiredHere() && schemaRequired) {
                throw new GeneratorException(where + ": input " + prop.name() + " of " + owner
                        + " is already required by the schema; drop the '!'");
            }
            boolean json = provider && !(type instanceof SchemaType.Scalar s && s.name().equals("string"));
            result.add(new Property(prop.name(), type, schemaRequired, prop.requiredHere(), bool(spec, "secret"),
                    bool(spec, "willReplaceOnChanges"), json, prop, summary(text(spec, "description"))));
        }
        var missing = required.stream().filter(r -> !names.contains(r)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new GeneratorException(where + ": " + owner + " requires " + missing + "; add them to the allowlist");
        }
        return result;
    }

    private SchemaType type(JsonObject spec, String where) {
        if (spec.has("$ref")) {
            var ref = spec.get("$ref").getAsString();
            if (!ref.startsWith("#/types/")) {
                throw new GeneratorException(where + ": unsupported reference " + ref);
            }
            var token = ref.substring("#/types/".length());
            typeObject(token);
            return new SchemaType.Ref(token, ClassName.get(pkg, token.substring(token.lastIndexOf(':') + 1) + "Args"));
        }
        var name = spec.has("type") ? spec.get("type").getAsString() : "";
        if (name.equals("array")) {
            return new SchemaType.ListOf(type(member(spec, "items", where), where));
        }
        if (name.equals("object") && spec.has("additionalProperties")) {
            return new SchemaType.MapOf(type(spec.getAsJsonObject("additionalProperties"), where));
        }
        var scalar = SchemaType.Scalar.of(name);
        if (scalar == null) {
            throw new GeneratorException(where + ": unsupported schema type " + spec);
        }
        return scalar;
    }

    private JsonObject typeObject(String token) {
        var types = member(schema, "types", "the schema");
        if (!types.has(token)) {
            throw new GeneratorException("the schema has no type " + token);
        }
        return types.getAsJsonObject(token);
    }

    private static List<String> requiredOf(JsonObject owner, String key) {
        return owner.has(key) ? strings(owner.getAsJsonArray(key)) : List.of();
    }

    // ---------------------------------------------------------------- code

    private TypeSpec argsClass(ClassName cls, String token, String summary, List<Property> props,
                               List<List<String>> exactlyOne) {
        for (var group : exactlyOne) {
            for (var name : group) {
                if (props.stream().noneMatch(p -> p.name().equals(name))) {
                    throw new GeneratorException(cls.simpleName() + ": exactlyOne names " + name
                            + ", which is not an allowlisted input of " + token);
                }
            }
        }
        var builderClass = cls.nestedClass("Builder");
        var type = TypeSpec.classBuilder(cls).addModifiers(Modifier.PUBLIC, Modifier.FINAL).superclass(RESOURCE_ARGS)
                .addJavadoc("$L\n", summary)
                .addJavadoc("\n<ul>\n");
        for (var p : props) {
            type.addJavadoc("  <li>{@code $L}: $L</li>\n", p.name(), describe(p));
        }
        type.addJavadoc("</ul>\n\n<p>$L\n", provenance());
        for (var group : exactlyOne) {
            type.addJavadoc("\n<p>Exactly one of $L must be set.\n", codeList(group));
        }

        var constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                .addParameter(builderClass, "builder");
        for (var group : exactlyOne) {
            var values = CodeBlock.join(group.stream().map(n -> CodeBlock.of("builder.$N", n)).toList(), ", ");
            constructor.addStatement("$T.exactlyOne($S, $T.of($L), $L)", bindings, cls.simpleName(), List.class,
                    group.stream().map(n -> CodeBlock.of("$S", n).toString()).collect(Collectors.joining(", ")), values);
        }
        var builder = TypeSpec.classBuilder(builderClass).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Builds {@link $T}.\n", cls)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        for (var p : props) {
            var output = ParameterizedTypeName.get(OUTPUT, p.type().java());
            var importAnnotation = AnnotationSpec.builder(IMPORT).addMember("name", "$S", p.name());
            if (p.schemaRequired()) {
                importAnnotation.addMember("required", "$L", true);
            }
            if (p.json()) {
                importAnnotation.addMember("json", "$L", true);
            }
            var field = FieldSpec.builder(output, p.name(), Modifier.PRIVATE, Modifier.FINAL)
                    .addAnnotation(importAnnotation.build());
            if (!p.required()) {
                field.addAnnotation(NULLABLE_ANNOTATION);
            }
            type.addField(field.build());
            if (p.required()) {
                constructor.addStatement("this.$N = $T.required(builder.$N, $S)", p.name(), bindings, p.name(),
                        cls.simpleName() + "." + p.name());
            } else {
                constructor.addStatement("this.$N = builder.$N", p.name(), p.name());
            }
            builder.addField(FieldSpec.builder(output, p.name(), Modifier.PRIVATE).addAnnotation(NULLABLE_ANNOTATION)
                    .build());
            setters(cls, builderClass, p, builder);
        }
        type.addMethod(constructor.build());
        for (var p : props) {
            var output = ParameterizedTypeName.get(OUTPUT, p.type().java());
            var getter = MethodSpec.methodBuilder(p.name()).addModifiers(Modifier.PUBLIC);
            getter.addJavadoc(mainDescription(p));
            if (p.required()) {
                getter.returns(output).addJavadoc("@return the {@code $L} input\n", p.name())
                        .addStatement("return this.$N", p.name());
            } else {
                getter.returns(ParameterizedTypeName.get(ClassName.get(Optional.class), output))
                        .addJavadoc("@return the {@code $L} input, empty when it is not set\n", p.name())
                        .addStatement("return $T.ofNullable(this.$N)", Optional.class, p.name());
            }
            type.addMethod(getter.build());
        }
        type.addMethod(MethodSpec.methodBuilder("builder").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(builderClass).addJavadoc("@return an empty builder\n")
                .addStatement("return new $T()", builderClass).build());
        builder.addMethod(MethodSpec.methodBuilder("build").addModifiers(Modifier.PUBLIC).returns(cls)
                .addJavadoc("@return the inputs\n@throws IllegalArgumentException when a required input is missing"
                        + (exactlyOne.isEmpty() ? "" : " or the exactly-one rule is broken") + "\n")
                .addStatement("return new $T(this)", cls).build());
        return type.addType(builder.build()).build();
    }

    private void setters(ClassName cls, ClassName builderClass, Property p, TypeSpec.Builder builder) {
        var output = ParameterizedTypeName.get(OUTPUT, p.type().java());
        var label = cls.simpleName() + "." + p.name();
        var doc = (p.doc().isEmpty() ? "" : p.doc() + "\n\n") + "@param " + p.name() + " the {@code " + p.name() + "} input" + (p.secret() ? ", always sent as a "
                + "secret" : "") + "\n@return this builder\n";
        if (!p.constrained()) {
            var set = MethodSpec.methodBuilder(p.name()).addModifiers(Modifier.PUBLIC).returns(builderClass)
                    .addParameter(ParameterSpec.builder(output, p.name()).addAnnotation(NULLABLE_ANNOTATION).build())
                    .addJavadoc("$L", doc);
            if (p.secret()) {
                set.addStatement("this.$N = $N == null ? null : $N.asSecret()", p.name(), p.name(), p.name());
            } else {
                set.addStatement("this.$N = $N", p.name(), p.name());
            }
            builder.addMethod(set.addStatement("return this").build());
        }
        var plain = MethodSpec.methodBuilder(p.name()).addModifiers(Modifier.PUBLIC).returns(builderClass)
                .addParameter(p.type().java(), p.name()).addJavadoc("$L", doc
                        + (p.constrained() ? "@throws IllegalArgumentException when the value is not " + restriction(p)
                        + "\n" : ""));
        CodeBlock value;
        if (p.type() instanceof SchemaType.ListOf) {
            value = CodeBlock.of("$T.copyOf($N)", List.class, p.name());
        } else if (p.type() instanceof SchemaType.MapOf) {
            value = CodeBlock.of("$T.copyOf($N)", Map.class, p.name());
        } else {
            value = CodeBlock.of("$N", p.name());
        }
        if (p.prop() != null && !p.prop().oneOf().isEmpty()) {
            value = CodeBlock.of("$T.oneOf($L, $S, $L)", bindings, value, label,
                    p.prop().oneOf().stream().map(v -> CodeBlock.of("$S", v).toString())
                            .collect(Collectors.joining(", ")));
        } else if (p.prop() != null && p.prop().pattern() != null) {
            value = CodeBlock.of("$T.matching($L, $S, $S)", bindings, value, label, p.prop().pattern());
        }
        if (p.constrained()) {
            plain.addStatement("this.$N = $T.of($L)$L", p.name(), OUTPUT, value, p.secret() ? ".asSecret()" : "");
            plain.addStatement("return this");
        } else {
            plain.addStatement("return $N($T.of($L))", p.name(), OUTPUT, value);
        }
        builder.addMethod(plain.build());
        if (p.type() instanceof SchemaType.ListOf list) {
            builder.addMethod(MethodSpec.methodBuilder(p.name()).addModifiers(Modifier.PUBLIC).returns(builderClass)
                    .addParameter(com.squareup.javapoet.ArrayTypeName.of(list.item().java()), p.name())
                    .varargs(true).addJavadoc("$L", doc)
                    .addStatement("return $N($T.of($N))", p.name(), List.class, p.name()).build());
        }
    }

    private TypeSpec resourceClass(ClassName cls, ClassName args, String token, String doc, List<Property> outputs,
                                   List<String> secretOutputs) {
        var type = TypeSpec.classBuilder(cls).addModifiers(Modifier.PUBLIC).superclass(CUSTOM_RESOURCE)
                .addAnnotation(AnnotationSpec.builder(RESOURCE_TYPE).addMember("type", "$S", token).build())
                .addJavadoc("Binding of the Databricks resource {@code $L}.$L\n\n<p>$L\n", token,
                        doc.isEmpty() ? "" : " " + doc, provenance());
        if (!secretOutputs.isEmpty()) {
            type.addJavadoc("\n<p>Secret outputs: $L.\n", codeList(secretOutputs));
        }
        type.addField(FieldSpec.builder(String.class, "TYPE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .initializer("$S", token).addJavadoc("The resource's type token.\n").build());
        for (var out : outputs) {
            var refs = new ArrayList<TypeName>();
            var tree = tree(out.type(), refs);
            var refsBlock = CodeBlock.join(refs.stream().map(r -> CodeBlock.of("$T.class", r)).toList(), ", ");
            type.addField(FieldSpec.builder(ParameterizedTypeName.get(OUTPUT, out.type().java()), out.name(),
                            Modifier.PRIVATE)
                    .addAnnotation(AnnotationSpec.builder(EXPORT).addMember("name", "$S", out.name())
                            .addMember("refs", "{$L}", refsBlock).addMember("tree", "$S", tree).build())
                    .build());
        }
        var secrets = secretOutputs.stream().map(s -> CodeBlock.of(", $S", s).toString()).collect(Collectors.joining());
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                .addJavadoc("Registers the resource; the provider version defaults to {@code $L}.\n\n", version)
                .addJavadoc("@param name    logical name\n@param args    inputs\n")
                .addJavadoc("@param options options; the caller's values win over the defaults\n")
                .addParameter(String.class, "name").addParameter(args, "args")
                .addParameter(ParameterSpec.builder(OPTIONS, "options").addAnnotation(NULLABLE_ANNOTATION).build())
                .addStatement("super(TYPE, name, $T.requireNonNull(args, $S), $T.withDefaults(options$L))",
                        Objects.class, args.simpleName(), bindings, secrets)
                .build());
        for (var out : outputs) {
            type.addMethod(MethodSpec.methodBuilder(out.name()).addModifiers(Modifier.PUBLIC)
                    .returns(ParameterizedTypeName.get(OUTPUT, out.type().java()))
                    .addJavadoc(mainDescription(out))
                    .addJavadoc("@return the {@code $L} output ($L)\n", out.name(), out.type().describe())
                    .addStatement("return this.$N", out.name()).build());
        }
        return type.build();
    }

    /** {@code DatabricksResources.CLASSES}: every generated resource class, in allowlist order, for tests and tools. */
    private TypeSpec index(Allowlist allowlist) {
        var classes = allowlist.entries().stream().map(Allowlist.Entry::resource).filter(r -> !r.equals(PROVIDER))
                .map(r -> CodeBlock.of("$T.class", ClassName.get(pkg, r))).toList();
        var listType = ParameterizedTypeName.get(ClassName.get(List.class), ParameterizedTypeName.get(
                ClassName.get(Class.class), com.squareup.javapoet.WildcardTypeName.subtypeOf(CUSTOM_RESOURCE)));
        return TypeSpec.classBuilder("DatabricksResources").addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Every generated Databricks resource binding, in allowlist order.\n\n<p>$L\n", provenance())
                .addField(FieldSpec.builder(listType, "CLASSES", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The resource classes.\n")
                        .initializer("$T.of(\n$L)", List.class, CodeBlock.join(classes, ",\n")).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .build();
    }

    /** {@code @Export}'s type tree, the way pulumi-java-gen writes it: {@code [0]}, {@code [0,1]}, {@code [0,1,1]}. */
    private static String tree(SchemaType type, List<TypeName> refs) {
        if (type instanceof SchemaType.ListOf list) {
            refs.add(ClassName.get(List.class));
            return "[" + (refs.size() - 1) + "," + inner(list.item(), refs) + "]";
        }
        if (type instanceof SchemaType.MapOf map) {
            refs.add(ClassName.get(Map.class));
            int mapIndex = refs.size() - 1;
            var value = inner(map.value(), refs);
            return "[" + mapIndex + "," + refIndex(refs, SchemaType.STRING) + "," + value + "]";
        }
        return "[" + inner(type, refs) + "]";
    }

    private static String inner(SchemaType type, List<TypeName> refs) {
        if (type instanceof SchemaType.Scalar scalar) {
            return String.valueOf(refIndex(refs, scalar.cls()));
        }
        return tree(type, refs);
    }

    private static int refIndex(List<TypeName> refs, TypeName type) {
        int index = refs.indexOf(type);
        if (index < 0) {
            refs.add(type);
            index = refs.size() - 1;
        }
        return index;
    }

    private String describe(Property p) {
        var parts = new ArrayList<String>();
        parts.add(p.type() instanceof SchemaType.Ref ref ? "{@link " + ref.args().simpleName() + "}"
                : p.type() instanceof SchemaType.ListOf l && l.item() instanceof SchemaType.Ref ref
                ? "list of {@link " + ref.args().simpleName() + "}" : p.type().describe());
        if (p.schemaRequired()) {
            parts.add("required");
        } else if (p.requiredHere()) {
            parts.add("required by this binding, optional in the schema");
        }
        if (p.secret()) {
            parts.add("secret");
        }
        if (p.json()) {
            parts.add("sent JSON-encoded");
        }
        if (p.replaces()) {
            parts.add("replaces the resource when it changes");
        }
        if (p.constrained()) {
            parts.add(restriction(p));
        }
        return String.join("; ", parts);
    }

    private static String restriction(Property p) {
        if (!p.prop().oneOf().isEmpty()) {
            return "one of " + codeList(p.prop().oneOf());
        }
        return "every value matching " + escape(p.prop().pattern());
    }

    private String provenance() {
        return "Generated from the " + packageName + " provider schema " + version
                + " by the bindings generator; edit the allowlist, not this file.";
    }

    private static String codeList(List<String> values) {
        return values.stream().map(v -> "{@code " + v + "}").collect(Collectors.joining(", "));
    }

    /** The property's schema description as a Javadoc main description, or nothing when the schema has none. */
    private static CodeBlock mainDescription(Property p) {
        return p.doc().isEmpty() ? CodeBlock.of("") : CodeBlock.of("$L\n\n", p.doc());
    }

    private static final int SUMMARY_LIMIT = 240;
    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final java.util.regex.Pattern FIRST_SENTENCE =
            java.util.regex.Pattern.compile("^(.*?[.!?])(?=\\s+[A-Z(`\"*]|$)");
    private static final java.util.regex.Pattern CODE_SPAN = java.util.regex.Pattern.compile("`([^`]+)`");

    /**
     * A schema description (Markdown, as the provider writes it) as one short Javadoc sentence doclint accepts: the
     * first sentence of the first paragraph, links reduced to their text, {@code `code`} spans as {@code <code>},
     * everything else escaped (so a {@code <}, {@code &}, {@code @} or brace in the text stays text), at most about
     * {@value #SUMMARY_LIMIT} characters. Empty for an empty description.
     *
     * @param markdown the schema's {@code description}, possibly empty
     * @return the sentence, ending in a full stop, or {@code ""}
     */
    static String summary(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        var paragraph = markdown.strip().split("\\n\\s*\\n", 2)[0].replaceAll("\\s+", " ");
        paragraph = LINK.matcher(paragraph).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1)));
        var first = FIRST_SENTENCE.matcher(paragraph);
        var sentence = first.find() ? first.group(1) : paragraph;
        if (sentence.length() > SUMMARY_LIMIT) {
            var cut = sentence.lastIndexOf(' ', SUMMARY_LIMIT);
            sentence = sentence.substring(0, cut > 0 ? cut : SUMMARY_LIMIT).replaceAll("[,;:]$", "") + " ...";
        }
        var text = escape(sentence.strip());
        text = CODE_SPAN.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                "<code>" + m.group(1) + "</code>")).replace("`", "");
        return text.matches(".*[.!?]$") ? text : text + ".";
    }

    /** Javadoc-safe text: no HTML, tags, inline tags or comment end. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
                .replace("{", "&#123;").replace("}", "&#125;").replace("*/", "*&#47;");
    }

    private void put(SortedMap<String, String> sources, TypeSpec type) {
        var file = JavaFile.builder(pkg, type).skipJavaLangImports(true).indent("    ").build();
        var path = pkg.replace('.', '/') + "/" + type.name + ".java";
        if (sources.put(path, file.toString()) != null) {
            throw new GeneratorException("two bindings named " + type.name);
        }
    }

    // ---------------------------------------------------------------- JSON

    private static boolean containsRef(SchemaType type) {
        return refOf(type).isPresent();
    }

    private static Optional<SchemaType.Ref> refOf(SchemaType type) {
        if (type instanceof SchemaType.Ref ref) {
            return Optional.of(ref);
        }
        if (type instanceof SchemaType.ListOf list) {
            return refOf(list.item());
        }
        if (type instanceof SchemaType.MapOf map) {
            return refOf(map.value());
        }
        return Optional.empty();
    }

    private static boolean isString(SchemaType type) {
        return type instanceof SchemaType.Scalar s && s.name().equals("string")
                || type instanceof SchemaType.ListOf l && isString(l.item());
    }

    private static JsonObject member(JsonObject object, String key, String where) {
        if (!object.has(key) || !object.get(key).isJsonObject()) {
            throw new GeneratorException(where + ": no object '" + key + "' in the schema");
        }
        return object.getAsJsonObject(key);
    }

    private static String text(JsonObject object, String key) {
        return object.has(key) && object.get(key).isJsonPrimitive() ? object.get(key).getAsString() : "";
    }

    private static boolean bool(JsonObject object, String key) {
        return object.has(key) && object.get(key).getAsBoolean();
    }

    private static List<String> strings(JsonArray array) {
        var result = new ArrayList<String>();
        for (JsonElement e : array) {
            result.add(e.getAsString());
        }
        return List.copyOf(result);
    }

    private static String string(JsonObject object, String... keys) {
        for (var key : keys) {
            if (object.has(key)) {
                return object.get(key).getAsString();
            }
        }
        throw new GeneratorException("the schema names no version (" + String.join(" or ", keys) + ")");
    }
}
