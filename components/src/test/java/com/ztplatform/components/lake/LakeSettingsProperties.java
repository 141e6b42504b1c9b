package com.ztplatform.components.lake;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Container names and soft-delete days: what Azure accepts passes, everything else is named with its key. */
class LakeSettingsProperties {

    @Provide
    Arbitrary<String> validContainerNames() {
        var alnum = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9');
        // Words of letters and digits joined by single hyphens, 3-63 characters in all.
        return alnum.ofMinLength(1).ofMaxLength(10).list().ofMinSize(1).ofMaxSize(5)
                .map(words -> String.join("-", words)).filter(n -> n.length() >= 3 && n.length() <= 63);
    }

    @Property
    void validContainerNamesPass(@ForAll("validContainerNames") String name) {
        assertThat(LakeSettings.builder().containers(List.of(name)).build().problems("dataLake")).isEmpty();
    }

    @Property
    void namesWithUppercaseOrDoubleHyphensOrOutOfLengthFail(@ForAll("validContainerNames") String name,
                                                            @ForAll @IntRange(min = 0, max = 2) int mutation) {
        var bad = switch (mutation) {
            case 0 -> name.toUpperCase().equals(name) ? name + "X" : name.toUpperCase();
            case 1 -> name.charAt(0) + "--" + name.substring(1);
            default -> name.length() > 2 ? name.substring(0, 2) : name + "x".repeat(64);
        };
        assertThat(LakeSettings.builder().containers(List.of(bad)).build().problems("dataLake"))
                .singleElement().asString().startsWith("dataLake.containers[0] must be 3-63 lowercase letters");
    }

    @Property
    void softDeleteDaysOutsideAzuresRangeAreNamed(@ForAll int days) {
        var problems = LakeSettings.builder().blobSoftDeleteDays(days).containerSoftDeleteDays(days).build()
                .problems("dataLake");
        if (days >= 1 && days <= 365) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).containsExactly(
                    "dataLake.blobSoftDeleteDays must be between 1 and 365 (Azure's soft-delete range), like 30, got " + days,
                    "dataLake.containerSoftDeleteDays must be between 1 and 365 (Azure's soft-delete range), like 30, got " + days);
        }
    }
}
