package com.ztplatform.components.landing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Quartz cron as Databricks job schedules take it, and IANA time-zone ids. */
class SchedulesTest {
    @ParameterizedTest
    @ValueSource(strings = {"0 0 2 * * ?", "0 30 1 ? * MON-FRI", "0 0 6 L * ?", "0 0 2 ? * 6#3", "0 0 2 * * ? 2030",
            "0 15 10 ? * mon", "0 0/30 8-17 ? * MON-FRI", "0 0 12 1W * ?"})
    void acceptsQuartzExpressions(String cron) {
        assertThat(Schedules.cronProblem(cron)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 0 25 * * ?", "60 0 2 * * ?", "0 0 2 32 * ?", "0 0 2 * 13 ?", "0 0 2 ? * 8",
            "0 0 2 ? * MOX", "0 0 2 * * *", "0 0 2 ? * ?", "0 0 2 1 * MON", "0 2 * * *", "every day", ""})
    void rejectsWhatQuartzRejectsQuotingTheValueAndAnExample(String cron) {
        assertThat(Schedules.cronProblem(cron)).hasValueSatisfying(p -> assertThat(p)
                .contains("got '" + cron + "'").contains("'0 0 2 * * ?'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 0 2 * * *", "0 0 2 1 * MON"})
    void bothDayFieldsSetSaysWhichMustBeAQuestionMark(String cron) {
        assertThat(Schedules.cronProblem(cron)).hasValueSatisfying(p ->
                assertThat(p).contains("one of day-of-month and day-of-week must be '?'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Europe/Amsterdam", "America/Argentina/Buenos_Aires", "Asia/Kolkata"})
    void acceptsIanaZones(String zone) {
        assertThat(Schedules.timeZoneProblem(zone)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CET+1", "Europe/Amsterdm", "utc", "GMT+2:00", ""})
    void rejectsOtherZones(String zone) {
        assertThat(Schedules.timeZoneProblem(zone)).hasValueSatisfying(p -> assertThat(p)
                .contains("got '" + zone + "'").contains("Europe/Amsterdam"));
    }

    @org.junit.jupiter.api.Test
    void aZoneInTheWrongCaseNamesTheRightSpelling() {
        assertThat(Schedules.timeZoneProblem("europe/amsterdam"))
                .hasValueSatisfying(p -> assertThat(p).contains("did you mean 'Europe/Amsterdam'?"));
    }
}
