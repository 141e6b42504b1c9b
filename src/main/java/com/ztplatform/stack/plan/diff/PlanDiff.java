package com.ztplatform.stack.plan.diff;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import javax.annotation.Nullable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What changed between two offline plans ({@code plan.json}, schema 1): resources added, removed and changed
 * (inputs by path, options, provider and parent, dependencies) and stack outputs. Resources are matched by
 * URN without its {@code stack::project} part, so plans of different stacks can be compared too (the diff
 * says so). Everything is sorted, so the same two plans always give the same diff; render it with
 * {@link PlanDiffMarkdown}.
 */
public final class PlanDiff {
    static final int SCHEMA_VERSION = 1;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    /**
     * One resource of a plan.
     *
     * @param key URN without {@code urn:pulumi:<stack>::<project>::}: parent type chain, type and name
     */
    public record Resource(String key, String type, String name, boolean custom) {
    }

    /**
     * One changed value.
     *
     * @param path   where, like {@code properties.networkAcls.defaultAction} or {@code routes[0].nextHopIpAddress}
     * @param before the base plan's value; null when the base plan has none
     * @param after  this plan's value; null when this plan has none
     */
    public record Change(String path, @Nullable JsonElement before, @Nullable JsonElement after) {
    }

    /**
     * A resource both plans have, and how it differs.
     *
     * @param resource            the resource
     * @param inputs              its changed inputs
     * @param options             its changed options (including provider and parent)
     * @param dependenciesAdded   dependencies only this plan has
     * @param dependenciesRemoved dependencies only the base plan has
     */
    public record ResourceChange(Resource resource, List<Change> inputs, List<Change> options,
                                 List<String> dependenciesAdded, List<String> dependenciesRemoved) {
        /**
         * Copies the lists.
         *
         * @param resource            the resource
         * @param inputs              changed inputs
         * @param options             changed options
         * @param dependenciesAdded   added dependencies
         * @param dependenciesRemoved removed dependencies
         */
        public ResourceChange {
            inputs = List.copyOf(inputs);
            options = List.copyOf(options);
            dependenciesAdded = List.copyOf(dependenciesAdded);
            dependenciesRemoved = List.copyOf(dependenciesRemoved);
        }

        boolean isEmpty() {
            return inputs.isEmpty() && options.isEmpty() && dependenciesAdded.isEmpty() && dependenciesRemoved.isEmpty();
        }
    }

    /**
     * Which project and stack a plan is of, and how many resources it has.
     *
     * @param project   the Pulumi project
     * @param stack     the stack
     * @param resources how many resources the plan has
     * @param errors    the program errors the plan recorded
     */
    public record PlanInfo(String project, String stack, int resources, List<String> errors) {
        /**
         * Copies the errors.
         *
         * @param project   the project
         * @param stack     the stack
         * @param resources the resource count
         * @param errors    the program errors
         */
        public PlanInfo {
            errors = List.copyOf(errors);
        }

        String qualified() {
            return project + "/" + stack;
        }
    }

    private final PlanInfo base;
    private final PlanInfo head;
    private final List<Resource> added;
    private final List<Resource> removed;
    private final List<ResourceChange> changed;
    private final int unchanged;
    private final List<Change> outputs;

    private PlanDiff(PlanInfo base, PlanInfo head, List<Resource> added, List<Resource> removed,
                     List<ResourceChange> changed, int unchanged, List<Change> outputs) {
        this.base = base;
        this.head = head;
        this.added = List.copyOf(added);
        this.removed = List.copyOf(removed);
        this.changed = List.copyOf(changed);
        this.unchanged = unchanged;
        this.outputs = List.copyOf(outputs);
    }

    /**
     * Reads two plan.json files and compares them.
     *
     * @param basePlan the earlier plan, like the target branch's
     * @param headPlan this change's plan
     * @return the difference
     * @throws IOException when a file cannot be read or is not a plan.json, naming it
     */
    public static PlanDiff compare(Path basePlan, Path headPlan) throws IOException {
        return compare(read(basePlan, "base plan"), read(headPlan, "plan"));
    }

    static JsonObject read(Path file, String what) throws IOException {
        var text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            var json = JsonParser.parseString(text);
            if (!json.isJsonObject()) {
                throw new IOException(what + " " + file + " is not a plan.json (not a JSON object)");
            }
            return json.getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IOException(what + " " + file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Compares a base plan with a new one. Fails when either is not a plan.json of schema 1.
     *
     * @param basePlan the earlier plan
     * @param headPlan this change's plan
     * @return the difference
     */
    public static PlanDiff compare(JsonObject basePlan, JsonObject headPlan) {
        var baseResources = resources(basePlan, "base plan");
        var headResources = resources(headPlan, "plan");
        var added = new ArrayList<Resource>();
        var removed = new ArrayList<Resource>();
        var changed = new ArrayList<ResourceChange>();
        int unchanged = 0;
        for (var entry : headResources.entrySet()) {
            var before = baseResources.get(entry.getKey());
            var after = entry.getValue();
            if (before == null) {
                added.add(resource(entry.getKey(), after));
                continue;
            }
            var change = compareResource(resource(entry.getKey(), after), before, after);
            if (change.isEmpty()) {
                unchanged++;
            } else {
                changed.add(change);
            }
        }
        baseResources.forEach((key, before) -> {
            if (!headResources.containsKey(key)) {
                removed.add(resource(key, before));
            }
        });
        Comparator<Resource> order = Comparator.comparing(Resource::type).thenComparing(Resource::name)
                .thenComparing(Resource::key);
        added.sort(order);
        removed.sort(order);
        changed.sort(Comparator.comparing(ResourceChange::resource, order));
        var outputs = new ArrayList<Change>();
        diff("", object(basePlan, "outputs"), object(headPlan, "outputs"), outputs);
        return new PlanDiff(info(basePlan, baseResources.size()), info(headPlan, headResources.size()), added, removed,
                changed, unchanged, outputs);
    }

    private static PlanInfo info(JsonObject plan, int resources) {
        var errors = new ArrayList<String>();
        if (plan.has("errors") && plan.get("errors").isJsonArray()) {
            plan.getAsJsonArray("errors").forEach(e -> errors.add(e.isJsonPrimitive() ? e.getAsString() : e.toString()));
        }
        return new PlanInfo(string(plan, "project"), string(plan, "stack"), resources, errors);
    }

    private static Map<String, JsonObject> resources(JsonObject plan, String what) {
        var schema = plan.get("schemaVersion");
        if (schema == null || !schema.isJsonPrimitive() || schema.getAsInt() != SCHEMA_VERSION) {
            throw new IllegalArgumentException(what + " has schemaVersion " + schema + ", this diff reads plan.json schema "
                    + SCHEMA_VERSION);
        }
        var array = plan.get("resources");
        if (array == null || !array.isJsonArray()) {
            throw new IllegalArgumentException(what + " has no resources array");
        }
        var byKey = new TreeMap<String, JsonObject>();
        for (var element : array.getAsJsonArray()) {
            var resource = element.getAsJsonObject();
            var key = key(string(resource, "urn"));
            if (byKey.put(key, resource) != null) {
                throw new IllegalArgumentException(what + " lists resource " + key + " twice");
            }
        }
        return byKey;
    }

    /** The URN without {@code urn:pulumi:<stack>::<project>::}. */
    static String key(String urn) {
        if (!urn.startsWith("urn:pulumi:")) {
            return urn;
        }
        var afterStack = urn.indexOf("::");
        var afterProject = afterStack < 0 ? -1 : urn.indexOf("::", afterStack + 2);
        return afterProject < 0 ? urn : urn.substring(afterProject + 2);
    }

    private static Resource resource(String key, JsonObject json) {
        var custom = json.has("custom") && json.get("custom").getAsBoolean();
        return new Resource(key, string(json, "type"), string(json, "name"), custom);
    }

    /** A dependency for people: "type name" from a key (the qualified type's last part). */
    static String describeKey(String key) {
        var nameAt = key.lastIndexOf("::");
        if (nameAt < 0) {
            return key;
        }
        var qualifiedType = key.substring(0, nameAt);
        var type = qualifiedType.substring(qualifiedType.lastIndexOf('$') + 1);
        return type + " " + key.substring(nameAt + 2);
    }

    private static ResourceChange compareResource(Resource resource, JsonObject before, JsonObject after) {
        var inputs = new ArrayList<Change>();
        diff("", object(before, "inputs"), object(after, "inputs"), inputs);
        var options = new ArrayList<Change>();
        diff("", object(before, "options"), object(after, "options"), options);
        for (var field : List.of("provider", "parent")) {
            var b = normalisedReference(before.get(field));
            var a = normalisedReference(after.get(field));
            if (!Objects.equals(b, a)) {
                options.add(new Change(field, b, a));
            }
        }
        var depsBefore = dependencies(before);
        var depsAfter = dependencies(after);
        var addedDeps = depsAfter.stream().filter(d -> !depsBefore.contains(d)).map(PlanDiff::describeKey).toList();
        var removedDeps = depsBefore.stream().filter(d -> !depsAfter.contains(d)).map(PlanDiff::describeKey).toList();
        return new ResourceChange(resource, inputs, options, addedDeps, removedDeps);
    }

    /** Provider and parent references hold URNs: compare them without the stack, like resources. */
    @Nullable
    private static JsonElement normalisedReference(@Nullable JsonElement reference) {
        if (reference == null || reference.isJsonNull()) {
            return null;
        }
        if (!reference.isJsonPrimitive()) {
            return reference;
        }
        var value = reference.getAsString();
        // A provider reference is "<urn>::<id>": without the stack part, only real changes show.
        return new JsonPrimitive(value.startsWith("urn:pulumi:") ? key(value) : value);
    }

    private static TreeSet<String> dependencies(JsonObject resource) {
        var set = new TreeSet<String>();
        var deps = resource.get("dependencies");
        if (deps != null && deps.isJsonArray()) {
            deps.getAsJsonArray().forEach(d -> set.add(key(d.getAsString())));
        }
        return set;
    }

    /** Appends the differences of two JSON values below {@code path}: objects by key, arrays by index. */
    static void diff(String path, @Nullable JsonElement before, @Nullable JsonElement after, List<Change> out) {
        // JSON null and absent are the same for the engine (an unset input).
        before = before == null || before.isJsonNull() ? null : before;
        after = after == null || after.isJsonNull() ? null : after;
        if (Objects.equals(before, after)) {
            return;
        }
        if (before != null && after != null && before.isJsonObject() && after.isJsonObject()) {
            var keys = new TreeSet<String>();
            keys.addAll(before.getAsJsonObject().keySet());
            keys.addAll(after.getAsJsonObject().keySet());
            for (var key : keys) {
                diff(child(path, key), before.getAsJsonObject().get(key), after.getAsJsonObject().get(key), out);
            }
            return;
        }
        if (before != null && after != null && before.isJsonArray() && after.isJsonArray()) {
            JsonArray b = before.getAsJsonArray();
            JsonArray a = after.getAsJsonArray();
            for (int i = 0; i < Math.max(b.size(), a.size()); i++) {
                diff(path + "[" + i + "]", i < b.size() ? b.get(i) : null, i < a.size() ? a.get(i) : null, out);
            }
            return;
        }
        out.add(new Change(path.isEmpty() ? "(value)" : path, before, after));
    }

    static String child(String path, String key) {
        if (IDENTIFIER.matcher(key).matches()) {
            return path.isEmpty() ? key : path + "." + key;
        }
        return path + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    private static JsonObject object(JsonObject parent, String field) {
        var value = parent.get(field);
        return value != null && value.isJsonObject() ? value.getAsJsonObject() : new JsonObject();
    }

    private static String string(JsonObject parent, String field) {
        var value = parent.get(field);
        return value == null || value.isJsonNull() ? "" : value.getAsString();
    }

    /**
     * The earlier plan.
     *
     * @return its project, stack and size
     */
    public PlanInfo base() {
        return base;
    }

    /**
     * This change's plan.
     *
     * @return its project, stack and size
     */
    public PlanInfo head() {
        return head;
    }

    /**
     * Resources only this plan has.
     *
     * @return them, sorted by key
     */
    public List<Resource> added() {
        return added;
    }

    /**
     * Resources only the base plan has: what {@code pulumi up} would delete.
     *
     * @return them, sorted by key
     */
    public List<Resource> removed() {
        return removed;
    }

    /**
     * Resources both plans have that differ.
     *
     * @return them, sorted by key
     */
    public List<ResourceChange> changed() {
        return changed;
    }

    /**
     * How many resources both plans have unchanged.
     *
     * @return the count
     */
    public int unchanged() {
        return unchanged;
    }

    /**
     * Changed stack outputs (what other stacks read through stack references).
     *
     * @return them, sorted by name
     */
    public List<Change> outputs() {
        return outputs;
    }

    /**
     * Whether the plans are of different projects or stacks (the diff then says so at the top).
     *
     * @return true when project or stack differ
     */
    public boolean differentStacks() {
        return !base.qualified().equals(head.qualified());
    }

    /**
     * Whether anything differs.
     *
     * @return true when a resource was added, removed or changed or an output changed
     */
    public boolean hasChanges() {
        return !added.isEmpty() || !removed.isEmpty() || !changed.isEmpty() || !outputs.isEmpty();
    }

    /**
     * The Markdown for a pull-request comment.
     *
     * @return the diff rendered by {@link PlanDiffMarkdown}, within its size limit
     */
    public String toMarkdown() {
        return PlanDiffMarkdown.render(this);
    }
}
