package com.ztplatform.components.naming;

import java.util.regex.Pattern;

/** Entra ID and Azure identifiers (tenant, object, client, account ids) are GUIDs in 8-4-4-4-12 form. */
public final class Guids {
    private static final Pattern GUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private Guids() {
    }

    /**
     * Whether a value is a GUID (object ids, tenant ids, client ids).
     *
     * @param value the value, possibly {@code null}
     * @return true for the 8-4-4-4-12 hex form, either case
     */
    public static boolean isGuid(String value) {
        return value != null && GUID.matcher(value).matches();
    }
}
