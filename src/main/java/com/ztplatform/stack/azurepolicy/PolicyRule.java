package com.ztplatform.stack.azurepolicy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Evaluates the {@code if} of a policy rule against one resource: the logical operators, field and value conditions
 * with their operators, and {@code count} of field and value arrays. Semantics as documented in
 * https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule and
 * https://learn.microsoft.com/azure/governance/policy/how-to/author-policies-for-arrays :
 * <ul>
 *   <li>string comparisons ignore case; a missing field satisfies only the negated operators and {@code exists: false};</li>
 *   <li>a field condition on a {@code [*]} alias outside a count holds when it holds for every element;</li>
 *   <li>{@code allOf}/{@code anyOf} stop at the first condition that decides them, so a condition after one that
 *   already decided is not evaluated (as Azure does; the rules order their type check first).</li>
 * </ul>
 * Hand-written: no Java library evaluates Azure Policy rules, and the subset the selected definitions use is small.
 */
final class PolicyRule {
    private static final List<String> OPERATORS = List.of("equals", "notequals", "like", "notlike", "match", "notmatch",
            "matchinsensitively", "notmatchinsensitively", "contains", "notcontains", "in", "notin", "containskey",
            "notcontainskey", "less", "lessorequals", "greater", "greaterorequals", "exists");

    private final ArmResource resource;
    private final Aliases aliases;
    private final JsonObject parameters;
    private final JsonElement resourceGroup;
    private final OffsetDateTime now;
    /** {@code [*]} input paths bound to the element a count is at. */
    private final Map<String, JsonElement> fieldBindings = new LinkedHashMap<>();
    /** Value-count names bound to the element a count is at. */
    private final Map<String, JsonElement> valueBindings = new LinkedHashMap<>();

    PolicyRule(ArmResource resource, Aliases aliases, JsonObject parameters, JsonElement resourceGroup, OffsetDateTime now) {
        this.resource = resource;
        this.aliases = aliases;
        this.parameters = parameters;
        this.resourceGroup = resourceGroup;
        this.now = now;
    }

    /** Evaluates a condition or logical operator. */
    boolean test(JsonObject condition) {
        var keys = lower(condition);
        if (keys.containsKey("allof")) {
            for (var c : keys.get("allof").getAsJsonArray()) {
                if (!test(c.getAsJsonObject())) {
                    return false;
                }
            }
            return true;
        }
        if (keys.containsKey("anyof")) {
            for (var c : keys.get("anyof").getAsJsonArray()) {
                if (test(c.getAsJsonObject())) {
                    return true;
                }
            }
            return false;
        }
        if (keys.containsKey("not")) {
            return !test(keys.get("not").getAsJsonObject());
        }
        var operator = keys.keySet().stream().filter(OPERATORS::contains).findFirst()
                .orElseThrow(() -> new PolicyEvaluationException("no supported operator in condition " + condition));
        var expected = resolve(keys.get(operator));
        if (keys.containsKey("count")) {
            return apply(operator, new JsonPrimitive(count(keys.get("count").getAsJsonObject())), expected);
        }
        if (keys.containsKey("value")) {
            return apply(operator, resolve(keys.get("value")), expected);
        }
        if (keys.containsKey("field")) {
            var field = resolve(keys.get("field")).getAsString();
            var values = field(field);
            if (!values.multiple()) {
                return apply(operator, values.values().get(0), expected);
            }
            return values.values().stream().allMatch(v -> apply(operator, v, expected));
        }
        throw new PolicyEvaluationException("condition without field, value or count: " + condition);
    }

    private int count(JsonObject count) {
        var keys = lower(count);
        var where = keys.containsKey("where") ? keys.get("where").getAsJsonObject() : null;
        if (keys.containsKey("field")) {
            var alias = keys.get("field").getAsString();
            if (!alias.endsWith("[*]")) {
                throw new PolicyEvaluationException("count of a field that is not a [*] alias: " + alias);
            }
            var path = aliases.path(alias);
            var n = 0;
            for (var element : at(path)) {
                fieldBindings.put(path.toLowerCase(Locale.ROOT), element);
                try {
                    if (where == null || test(where)) {
                        n++;
                    }
                } finally {
                    fieldBindings.remove(path.toLowerCase(Locale.ROOT));
                }
            }
            return n;
        }
        var array = resolve(keys.get("value"));
        if (ArmExpression.isMissing(array)) {
            return 0;
        }
        if (!array.isJsonArray()) {
            throw new PolicyEvaluationException("count of a value that is not an array: " + array);
        }
        var name = keys.containsKey("name") ? keys.get("name").getAsString() : null;
        var n = 0;
        for (var element : array.getAsJsonArray()) {
            var previous = name == null ? null : valueBindings.put(name.toLowerCase(Locale.ROOT), element);
            try {
                if (where == null || test(where)) {
                    n++;
                }
            } finally {
                if (name != null) {
                    if (previous == null) {
                        valueBindings.remove(name.toLowerCase(Locale.ROOT));
                    } else {
                        valueBindings.put(name.toLowerCase(Locale.ROOT), previous);
                    }
                }
            }
        }
        return n;
    }

    /** A field's values and whether it is an array alias (all elements) rather than one value. */
    record Values(List<JsonElement> values, boolean multiple) {
    }

    Values field(String field) {
        switch (field.toLowerCase(Locale.ROOT)) {
            case "type":
                return one(new JsonPrimitive(resource.type()));
            case "name":
                return one(new JsonPrimitive(resource.name()));
            case "id":
                return one(new JsonPrimitive(resource.id()));
            case "location":
                return one(Aliases.walk(resource.inputs(), "location").get(0));
            case "kind":
                return one(Aliases.walk(resource.inputs(), "kind").get(0));
            case "tags":
                return one(Aliases.walk(resource.inputs(), "tags").get(0));
            default:
                break;
        }
        if (!field.toLowerCase(Locale.ROOT).startsWith(resource.type().toLowerCase(Locale.ROOT) + "/")) {
            throw new PolicyEvaluationException("alias " + field + " is not one of the resource's type " + resource.type());
        }
        var path = aliases.path(field);
        var bound = bound(path);
        var values = at(path);
        var multiple = path.substring(bound).contains("[*]");
        return new Values(values, multiple);
    }

    /** The length of the longest bound {@code [*]} prefix of the path, 0 when none. */
    private int bound(String path) {
        var lower = path.toLowerCase(Locale.ROOT);
        var best = 0;
        for (var prefix : fieldBindings.keySet()) {
            if ((lower.equals(prefix) || lower.startsWith(prefix + ".")) && prefix.length() > best) {
                best = prefix.length();
            }
        }
        return best;
    }

    private List<JsonElement> at(String path) {
        var bound = bound(path);
        if (bound == 0) {
            return Aliases.walk(resource.inputs(), path);
        }
        var element = fieldBindings.get(path.substring(0, bound).toLowerCase(Locale.ROOT));
        var rest = path.substring(bound);
        return Aliases.walk(element, rest.startsWith(".") ? rest.substring(1) : rest);
    }

    private static Values one(JsonElement e) {
        return new Values(List.of(e), false);
    }

    /** Evaluates a rule value (an expression or a literal) in this resource's context. */
    JsonElement resolveValue(JsonElement value) {
        return resolve(value);
    }

    private JsonElement resolve(JsonElement value) {
        return ArmExpression.resolve(value, new ArmExpression.Scope() {
            @Override
            public JsonElement parameter(String name) {
                for (var e : parameters.entrySet()) {
                    if (e.getKey().equalsIgnoreCase(name)) {
                        return e.getValue();
                    }
                }
                throw new PolicyEvaluationException("parameter " + name + " has no value");
            }

            @Override
            public JsonElement field(String alias) {
                var values = PolicyRule.this.field(alias);
                return values.multiple() ? Aliases.toArray(values.values()) : values.values().get(0);
            }

            @Override
            public JsonElement current(String name) {
                var v = valueBindings.get(name.toLowerCase(Locale.ROOT));
                if (v != null) {
                    return v;
                }
                var path = aliases.path(name);
                var values = at(path);
                if (values.size() != 1) {
                    throw new PolicyEvaluationException("current('" + name + "') outside its count");
                }
                return values.get(0);
            }

            @Override
            public JsonElement requestContext() {
                var context = new JsonObject();
                var version = aliases.apiVersion(resource.type()).orElseThrow(() -> new PolicyEvaluationException(
                        "no API version known for " + resource.type() + " (aliases.json apiVersions)"));
                context.addProperty("apiVersion", version);
                return context;
            }

            @Override
            public JsonElement resourceGroup() {
                return resourceGroup;
            }

            @Override
            public OffsetDateTime now() {
                return now;
            }
        });
    }

    static boolean apply(String operator, JsonElement actual, JsonElement expected) {
        var missing = ArmExpression.isMissing(actual);
        switch (operator) {
            case "exists":
                return missing != asBoolean(expected);
            case "equals":
                return !missing && same(actual, expected);
            case "notequals":
                return missing || !same(actual, expected);
            case "in":
                return !missing && anyOf(expected).stream().anyMatch(e -> same(actual, e));
            case "notin":
                return missing || anyOf(expected).stream().noneMatch(e -> same(actual, e));
            case "like":
                return !missing && like(text(actual), text(expected));
            case "notlike":
                return missing || !like(text(actual), text(expected));
            case "match":
                return !missing && match(text(actual), text(expected), false);
            case "notmatch":
                return missing || !match(text(actual), text(expected), false);
            case "matchinsensitively":
                return !missing && match(text(actual), text(expected), true);
            case "notmatchinsensitively":
                return missing || !match(text(actual), text(expected), true);
            case "contains":
                return !missing && contains(actual, expected);
            case "notcontains":
                return missing || !contains(actual, expected);
            case "containskey":
                return !missing && actual.isJsonObject() && hasKey(actual.getAsJsonObject(), text(expected));
            case "notcontainskey":
                return missing || !actual.isJsonObject() || !hasKey(actual.getAsJsonObject(), text(expected));
            case "less":
                return !missing && compare(actual, expected) < 0;
            case "lessorequals":
                return !missing && compare(actual, expected) <= 0;
            case "greater":
                return !missing && compare(actual, expected) > 0;
            case "greaterorequals":
                return !missing && compare(actual, expected) >= 0;
            default:
                throw new PolicyEvaluationException("unsupported operator " + operator);
        }
    }

    private static boolean asBoolean(JsonElement e) {
        return e.getAsJsonPrimitive().isBoolean() ? e.getAsBoolean() : Boolean.parseBoolean(e.getAsString());
    }

    /** Equal ignoring case for scalars (a boolean equals its text); structurally equal for objects and arrays. */
    static boolean same(JsonElement a, JsonElement b) {
        if (ArmExpression.isMissing(b)) {
            return ArmExpression.isMissing(a);
        }
        if (a.isJsonPrimitive() && b.isJsonPrimitive()) {
            var pa = a.getAsJsonPrimitive();
            var pb = b.getAsJsonPrimitive();
            if (pa.isNumber() && pb.isNumber()) {
                return pa.getAsBigDecimal().compareTo(pb.getAsBigDecimal()) == 0;
            }
            return pa.getAsString().equalsIgnoreCase(pb.getAsString());
        }
        return a.equals(b);
    }

    private static List<JsonElement> anyOf(JsonElement expected) {
        if (!expected.isJsonArray()) {
            throw new PolicyEvaluationException("in/notIn need an array, got " + expected);
        }
        var list = new ArrayList<JsonElement>();
        expected.getAsJsonArray().forEach(list::add);
        return list;
    }

    private static String text(JsonElement e) {
        if (!e.isJsonPrimitive()) {
            throw new PolicyEvaluationException("expected a scalar, got " + e);
        }
        return e.getAsString();
    }

    /** {@code *} matches any characters; case is ignored. */
    static boolean like(String value, String pattern) {
        var regex = new StringBuilder();
        var parts = pattern.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(value).matches();
    }

    /** {@code #} a digit, {@code ?} a letter, {@code .} any character, anything else itself. */
    static boolean match(String value, String pattern, boolean ignoreCase) {
        if (value.length() != pattern.length()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char v = value.charAt(i);
            char p = pattern.charAt(i);
            boolean ok = switch (p) {
                case '#' -> Character.isDigit(v);
                case '?' -> Character.isLetter(v);
                case '.' -> true;
                default -> ignoreCase ? Character.toLowerCase(v) == Character.toLowerCase(p) : v == p;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(JsonElement actual, JsonElement expected) {
        if (actual.isJsonArray()) {
            for (var e : actual.getAsJsonArray()) {
                if (same(e, expected)) {
                    return true;
                }
            }
            return false;
        }
        return text(actual).toLowerCase(Locale.ROOT).contains(text(expected).toLowerCase(Locale.ROOT));
    }

    private static boolean hasKey(JsonObject o, String key) {
        return o.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(key));
    }

    /** Numbers numerically, everything else as text ignoring case (ISO dates and API versions order that way). */
    static int compare(JsonElement a, JsonElement b) {
        if (a.isJsonPrimitive() && b.isJsonPrimitive() && a.getAsJsonPrimitive().isNumber() && b.getAsJsonPrimitive().isNumber()) {
            return a.getAsBigDecimal().compareTo(b.getAsBigDecimal());
        }
        if (a.isJsonPrimitive() && b.isJsonPrimitive() && isNumber(a.getAsString()) && isNumber(b.getAsString())) {
            return new BigDecimal(a.getAsString()).compareTo(new BigDecimal(b.getAsString()));
        }
        return text(a).compareToIgnoreCase(text(b));
    }

    private static boolean isNumber(String s) {
        return s.matches("-?\\d+(\\.\\d+)?");
    }

    private static Map<String, JsonElement> lower(JsonObject o) {
        var map = new LinkedHashMap<String, JsonElement>();
        o.entrySet().forEach(e -> map.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
        return map;
    }
}
