package com.ztplatform.components.alerts;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A monthly cost budget of the environment, notifying the action group at percentages of its amount.
 *
 * @param amountUsd        the monthly amount in the billing currency (USD here). Default: {@value #DEFAULT_AMOUNT_USD}
 * @param actualPercents   notify when actual cost reaches these percentages. Default: 80 and 100
 * @param forecastPercents notify when forecast cost reaches these percentages. Default: 100
 * @param startDate        the first month, the first day of a month on or after 2017-06-01. Default:
 *                         {@value #DEFAULT_START_DATE}
 */
public record BudgetSettings(double amountUsd, List<Integer> actualPercents, List<Integer> forecastPercents,
                             String startDate) {
    /** The monthly amount when none is set (issue 20: 1,000 USD a month). */
    public static final double DEFAULT_AMOUNT_USD = 1000;
    /** Actual-cost thresholds when none are set. */
    public static final List<Integer> DEFAULT_ACTUAL_PERCENTS = List.of(80, 100);
    /** Forecast-cost thresholds when none are set. */
    public static final List<Integer> DEFAULT_FORECAST_PERCENTS = List.of(100);
    /**
     * The first budget month when none is set: a fixed date, so the same configuration gives the same plan (Azure
     * accepts start dates in the past).
     */
    public static final String DEFAULT_START_DATE = "2026-12-01";
    /**
     * Azure's limits: thresholds are percentages between 0 and 1000, and a budget has at most five notifications
     * (https://learn.microsoft.com/rest/api/consumption/budgets/create-or-update).
     */
    public static final int MAX_THRESHOLD_PERCENT = 1000;
    /** At most this many notifications per budget (same source). */
    public static final int MAX_NOTIFICATIONS = 5;
    private static final LocalDate EARLIEST_START = LocalDate.of(2017, 6, 1);

    /**
     * Copies the lists.
     *
     * @param amountUsd        the amount
     * @param actualPercents   actual thresholds
     * @param forecastPercents forecast thresholds
     * @param startDate        the first month
     */
    public BudgetSettings {
        actualPercents = List.copyOf(actualPercents);
        forecastPercents = List.copyOf(forecastPercents);
    }

    /**
     * A budget of this amount with the default thresholds and start.
     *
     * @param amountUsd the monthly amount
     * @return the settings
     */
    public static BudgetSettings of(double amountUsd) {
        return new BudgetSettings(amountUsd, DEFAULT_ACTUAL_PERCENTS, DEFAULT_FORECAST_PERCENTS, DEFAULT_START_DATE);
    }

    /**
     * The problems of these settings, each naming its field under {@code path}.
     *
     * @param path prefix of the keys, empty or ending with '.', like {@code zt-databricks:alerts.budget.}
     * @return the problems; empty when valid
     */
    public List<String> problems(String path) {
        var problems = new ArrayList<String>();
        if (!(amountUsd > 0)) {
            problems.add(path + "amount must be more than 0, like 1000, got " + amountUsd);
        }
        percents(problems, path + "actualPercents", actualPercents, "[80, 100]");
        percents(problems, path + "forecastPercents", forecastPercents, "[100]");
        int total = actualPercents.size() + forecastPercents.size();
        if (total == 0) {
            problems.add(path + "actualPercents and forecastPercents name no threshold: the budget would notify no "
                    + "one; give at least one, like actualPercents: [80, 100]");
        } else if (total > MAX_NOTIFICATIONS) {
            problems.add(path + "actualPercents and forecastPercents give " + total + " notifications; Azure allows "
                    + MAX_NOTIFICATIONS + " per budget, like actualPercents: [80, 100], forecastPercents: [100]");
        }
        try {
            var date = LocalDate.parse(startDate == null ? "" : startDate);
            if (date.getDayOfMonth() != 1 || date.isBefore(EARLIEST_START)) {
                problems.add(path + "startDate must be the first day of a month on or after 2017-06-01, like "
                        + DEFAULT_START_DATE + ", got '" + startDate + "'");
            }
        } catch (DateTimeParseException e) {
            problems.add(path + "startDate must be a date like " + DEFAULT_START_DATE + ", got '" + startDate + "'");
        }
        return problems;
    }

    private static void percents(List<String> problems, String key, List<Integer> values, String example) {
        for (int i = 0; i < values.size(); i++) {
            var v = values.get(i);
            if (v == null || v <= 0 || v > MAX_THRESHOLD_PERCENT) {
                problems.add(key + "[" + i + "] must be a percentage above 0 and at most " + MAX_THRESHOLD_PERCENT
                        + ", like " + example + ", got " + v);
            }
        }
        if (values.stream().distinct().count() < values.size()) {
            problems.add(key + " repeats a percentage, like " + example + ", got " + values);
        }
    }

    /**
     * The first budget month as the API takes it.
     *
     * @return like {@code 2026-12-01T00:00:00Z}
     */
    String startDateTime() {
        return startDate + "T00:00:00Z";
    }
}
