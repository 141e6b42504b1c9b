package com.ztplatform.components.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Azure tag validation shared by every component.
 *
 * <p>Limits from learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations:
 * at most 50 tags per resource, names up to 512 characters (128 on storage accounts, which is the limit we
 * apply everywhere so a tag set is valid on every resource), values up to 256, and names must not contain
 * {@code < > % & \ ? /}.
 */
public final class Tags {
    /** Tags per resource. */
    public static final int MAX_TAGS = 50;
    /** Characters of a tag name (storage accounts' limit, applied everywhere). */
    public static final int MAX_NAME_LENGTH = 128;
    /** Characters of a tag value. */
    public static final int MAX_VALUE_LENGTH = 256;
    private static final Pattern FORBIDDEN_NAME_CHARS = Pattern.compile("[<>%&\\\\?/]");

    private Tags() {
    }

    /**
     * Every way a tag set breaks Azure's limits.
     *
     * @param path the tags' path as the user writes it, for messages
     * @param tags the tags
     * @return the problems, each naming the tag; empty when valid
     */
    public static List<String> problems(String path, Map<String, String> tags) {
        var problems = new ArrayList<String>();
        if (tags.size() > MAX_TAGS) {
            problems.add(path + " has " + tags.size() + " tags; Azure allows at most " + MAX_TAGS);
        }
        new TreeMap<>(tags).forEach((name, value) -> {
            if (name == null || name.isBlank()) {
                problems.add(path + " has an empty tag name; use a name like 'owner'");
                return;
            }
            if (name.length() > MAX_NAME_LENGTH) {
                problems.add(path + "." + name + ": tag names are limited to " + MAX_NAME_LENGTH + " characters");
            }
            if (FORBIDDEN_NAME_CHARS.matcher(name).find()) {
                problems.add(path + "." + name + ": tag names must not contain < > % & \\ ? /, like 'costCenter'");
            }
            if (value == null) {
                problems.add(path + "." + name + " has no value; use a value like 'platform-team'");
            } else if (value.length() > MAX_VALUE_LENGTH) {
                problems.add(path + "." + name + ": tag values are limited to " + MAX_VALUE_LENGTH + " characters");
            }
        });
        return problems;
    }
}
