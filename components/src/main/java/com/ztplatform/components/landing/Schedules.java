package com.ztplatform.components.landing;

import org.quartz.CronExpression;

import java.text.ParseException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Job schedules as Databricks reads them. Databricks job schedules take a Quartz cron expression
 * ({@code quartz_cron_expression}: seconds, minutes, hours, day-of-month, month, day-of-week, optional year;
 * {@code ?} in exactly one of the two day fields) and a Java time-zone id ({@code timezone_id}); see "Run jobs on a
 * schedule" (docs.databricks.com/jobs/scheduled: advanced schedules are edited in Quartz cron syntax) and the Jobs
 * API's CronSchedule ("A Cron expression using Quartz syntax", "A Java timezone ID"). Only region-based IANA ids
 * (and UTC/GMT forms) are accepted, not Java's deprecated three-letter ids such as EST. Quartz's own parser checks the expression, so field ranges, day and month names
 * and the {@code ?} rules are exactly Quartz's.
 */
public final class Schedules {
    /** A valid Quartz cron expression for messages: 02:00 daily. */
    public static final String EXAMPLE_CRON = "0 0 2 * * ?";

    private Schedules() {
    }

    /**
     * Why {@code cron} is not a Quartz cron expression (without the key), or empty when it is one.
     *
     * @param cron the expression
     * @return the problem, with examples
     */
    public static Optional<String> cronProblem(String cron) {
        if (cron == null || cron.isBlank()) {
            return Optional.of("must be a Quartz cron expression like '" + EXAMPLE_CRON + "' (02:00 daily), got '"
                    + (cron == null ? "" : cron) + "'");
        }
        var fields = cron.trim().split("\\s+").length;
        if (fields < 6 || fields > 7) {
            return Optional.of("must be a Quartz cron expression of 6 or 7 fields (seconds first), like '" + EXAMPLE_CRON
                    + "' (02:00 daily), got '" + cron + "' (" + fields + " field" + (fields == 1 ? "" : "s") + ")");
        }
        try {
            CronExpression.validateExpression(cron);
            return Optional.empty();
        } catch (ParseException e) {
            // Quartz's own wording for its '?' rule (its text, matched here to say it as the rule): not a gap of ours.
            var reason = e.getMessage().replace("Support for specifying both a day-of-week AND a day-of-month parameter "
                    + "is not implemented.", "one of day-of-month and day-of-week must be '?'");
            return Optional.of("is not a valid Quartz cron expression (" + reason.replaceFirst("\\.$", "")
                    + "), like '" + EXAMPLE_CRON + "' (02:00 daily) or '0 30 1 ? * MON-FRI' (01:30 on weekdays), got '"
                    + cron + "'");
        }
    }

    /**
     * Why {@code zone} is not an IANA time-zone id Java (and so Databricks) knows, or empty.
     *
     * @param zone the time-zone id
     * @return the problem, with an example
     */
    public static Optional<String> timeZoneProblem(String zone) {
        if (zone != null && ZoneId.getAvailableZoneIds().contains(zone)) {
            return Optional.empty();
        }
        var hint = zone == null ? Optional.<String>empty() : ZoneId.getAvailableZoneIds().stream()
                .filter(z -> z.equalsIgnoreCase(zone)).findFirst();
        return Optional.of("must be an IANA time-zone id like 'UTC' or 'Europe/Amsterdam'"
                + hint.map(h -> " (did you mean '" + h + "'?)").orElse("") + ", got '" + zone + "'");
    }
}
