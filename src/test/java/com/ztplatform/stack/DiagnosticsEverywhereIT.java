package com.ztplatform.stack;

import com.ztplatform.stack.plan.DiagnosticsCoverage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Diagnostics everywhere (issue 20): in the dev and prod plans, every resource of a type with resource logs has a
 * diagnostic setting sending them to the platform workspace, and every planned ARM type is classified in the
 * reference data ({@code diagnostic-log-categories.json}), so a type another component adds is checked too.
 */
class DiagnosticsEverywhereIT {
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDiagnosableResourceSendsItsLogsToThePlatformWorkspace(String stack) {
        assertThat(DiagnosticsCoverage.findings(SharedPlans.plan(stack))).as(stack).isEmpty();
    }
}
