package com.ztplatform.components.keyvault;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rotation policy of the customer-managed keys (ISO 8601 periods, as Key Vault takes them).
 *
 * @param rotateAfter  Key Vault creates a new version this long after each version's creation. Default: P1Y
 * @param expireAfter  each version expires this long after creation. Default: P2Y
 * @param notifyBefore Event Grid "near expiry" notification this long before expiry. Default: P30D
 */
public record KeyRotation(String rotateAfter, String expireAfter, String notifyBefore) {
    /**
     * The defaults: rotate yearly, expire after two years, notify 30 days before.
     *
     * @return {@code P1Y}, {@code P2Y}, {@code P30D}
     */
    public static KeyRotation defaults() {
        return new KeyRotation("P1Y", "P2Y", "P30D");
    }

    /**
     * Every problem of the policy: each period must be ISO 8601, rotation must come before expiry and before the
     * notice.
     *
     * @param path the policy's path as the user writes it, like {@code zt-databricks:keyVault.rotation}
     * @return the problems, each naming its field and a valid example
     */
    public List<String> problems(String path) {
        var problems = new ArrayList<String>();
        var rotate = period(path + ".rotateAfter", rotateAfter, "P1Y", problems);
        var expire = period(path + ".expireAfter", expireAfter, "P2Y", problems);
        var notify = period(path + ".notifyBefore", notifyBefore, "P30D", problems);
        if (rotate != null && expire != null && days(rotate) >= days(expire)) {
            problems.add(path + ".rotateAfter (" + rotateAfter + ") must be shorter than expireAfter (" + expireAfter
                    + "), or versions expire before they are rotated");
        }
        if (rotate != null && expire != null && notify != null && days(rotate) > days(expire) - days(notify)) {
            problems.add(path + ".notifyBefore (" + notifyBefore + ") must leave rotateAfter before the notice, like "
                    + "rotateAfter P1Y, expireAfter P2Y, notifyBefore P30D");
        }
        if (rotate != null && days(rotate) < 7) {
            problems.add(path + ".rotateAfter must be at least P7D (Key Vault's minimum), got " + rotateAfter);
        }
        return problems;
    }

    private static Period period(String path, String value, String example, List<String> problems) {
        try {
            var period = Period.parse(value);
            if (period.isNegative() || period.isZero()) {
                problems.add(path + " must be a positive ISO 8601 period like " + example + ", got '" + value + "'");
                return null;
            }
            return period;
        } catch (DateTimeParseException | NullPointerException e) {
            problems.add(path + " must be an ISO 8601 period like " + example + ", got '" + value + "'");
            return null;
        }
    }

    private static long days(Period p) {
        return p.getYears() * 365L + p.getMonths() * 30L + p.getDays();
    }
}
