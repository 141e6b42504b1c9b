package com.ztplatform.components.common;

import com.ztplatform.components.naming.Naming;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class PlacementTest {

    @Test
    void everyMissingPlacementIsReportedWithItsExample() {
        var problems = new ArrayList<String>();
        Placement.check(problems, null, "hubRg.name()", " ", null);
        assertThat(problems).containsExactly(
                "resourceGroupName is required, like hubRg.name()",
                "location is required, like westeurope",
                "naming is required, like new Naming(\"ztp\", \"dev\")");
    }

    @Test
    void aCompletePlacementHasNoProblem() {
        var problems = new ArrayList<String>();
        Placement.check(problems, "rg-ztp-dev-hub", "hubRg.name()", "westeurope", new Naming("ztp", "dev"));
        assertThat(problems).isEmpty();
    }

    @Test
    void anInvalidNamingReportsItsOwnProblemsUnderTheNamingField() {
        var problems = new ArrayList<String>();
        Placement.naming(problems, new Naming("ZTP!", "dev"));
        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("naming."));
    }
}
