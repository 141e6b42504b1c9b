package com.ztplatform.databricks;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import javax.annotation.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The runtime logic every generated binding shares: the default resource options and the input checks. Hand-written
 * because it is logic, not a schema mapping; the generated classes call it.
 */
final class Bindings {
    private Bindings() {
    }

    /**
     * The options a generated Databricks SDK would give: {@code version} {@value DatabricksProvider#PLUGIN_VERSION}
     * (so the engine loads that plugin) and the resource's secret outputs; the caller's options are merged over
     * them exactly as generated SDKs do ({@link CustomResourceOptions#merge}): a value the caller sets wins, lists
     * such as {@code additionalSecretOutputs} are combined.
     */
    static CustomResourceOptions withDefaults(@Nullable CustomResourceOptions options, String... secretOutputs) {
        var defaults = CustomResourceOptions.builder().version(DatabricksProvider.PLUGIN_VERSION);
        if (secretOutputs.length > 0) {
            defaults.additionalSecretOutputs(List.of(secretOutputs));
        }
        return CustomResourceOptions.merge(defaults.build(), options);
    }

    /** Fails with "{@code <Args>.<property> is required}" when a required input was not set. */
    static <T> Output<T> required(@Nullable Output<T> value, String property) {
        if (value == null) {
            throw new IllegalArgumentException(property + " is required");
        }
        return value;
    }

    /** The value, when it is one of {@code allowed}; else fails naming the property, the values and an example. */
    static String oneOf(String value, String property, String... allowed) {
        if (!Arrays.asList(allowed).contains(value)) {
            throw new IllegalArgumentException(property + " must be " + either(allowed) + ", like " + allowed[0]
                    + ", got '" + value + "'");
        }
        return value;
    }

    /** The non-empty list, when every item matches {@code regex}; else fails naming the property and the rule. */
    static List<String> matching(List<String> values, String property, String regex) {
        var pattern = Pattern.compile(regex);
        if (values.isEmpty() || !values.stream().allMatch(v -> pattern.matcher(v).matches())) {
            throw new IllegalArgumentException(property + " must be a non-empty list of values matching " + regex
                    + ", got " + values);
        }
        return values;
    }

    /** The value, when it matches {@code regex}; else fails naming the property and the rule. */
    static String matching(String value, String property, String regex) {
        matching(List.of(value), property, regex);
        return value;
    }

    /** Fails unless exactly one of the inputs named {@code names} (in that order in {@code values}) is set. */
    static void exactlyOne(String args, List<String> names, @Nullable Object... values) {
        int set = 0;
        for (var value : values) {
            set += value == null ? 0 : 1;
        }
        if (set != 1) {
            throw new IllegalArgumentException(args + " needs exactly one of " + either(names.toArray(String[]::new))
                    + ", like " + names.get(0) + "(...), got " + set);
        }
    }

    private static String either(String... values) {
        var list = new ArrayList<>(Arrays.asList(values));
        if (list.size() == 1) {
            return list.get(0);
        }
        var last = list.remove(list.size() - 1);
        return String.join(", ", list) + " or " + last;
    }
}
