package com.ztplatform.stack.azurepolicy;

import com.ztplatform.stack.SharedPlans;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** The exemptions table: well-formed, of selected definitions, and the README shows it as generated. */
class ExemptionsTest {
    @Test
    void everyRowNamesASelectedDefinitionWithItsDisplayNameAndAReason() {
        var definitions = BuiltInPolicies.all();
        for (var x : Exemptions.all()) {
            var d = definitions.stream().filter(def -> def.id().equals(x.definitionId())).findFirst();
            assertThat(d).as(x.definitionId()).isPresent();
            assertThat(x.displayName()).isEqualTo(d.get().displayName());
            assertThat(x.stacks()).isNotEmpty().allMatch(s -> s.equals("dev") || s.equals("prod"));
            assertThat(x.reason()).endsWith(".");
        }
        assertThat(Exemptions.all()).extracting(Exemptions.Exemption::definitionId).doesNotHaveDuplicates();
    }

    @Test
    void aRowScopedToResourcesCoversThoseOnly() {
        var scoped = new Exemptions.Exemption("8c6a50c6-9ffd-4ae7-986f-5fa6111f9a54", "x", List.of("prod"),
                Exemptions.Category.API, "why.", List.of("ztpprodmlym4ky"));
        assertThat(scoped.covers("ztpprodmlym4ky")).isTrue();
        assertThat(scoped.covers("ztpprodlakeym4ky")).isFalse();
        var whole = new Exemptions.Exemption("60d21c4f-21a3-4d94-85f4-b924e6aeeda4", "x", List.of("prod"),
                Exemptions.Category.DESIGN, "why.", List.of());
        assertThat(whole.covers("ztpprodlakeym4ky")).isTrue();
    }

    @Test
    void theReadmeShowsTheTableGeneratedFromTheFile() throws IOException {
        var readme = Files.readString(SharedPlans.root().resolve("README.md"));
        var begin = "<!-- azure-policy-exemptions:begin -->\n";
        var start = readme.indexOf(begin) + begin.length();
        var end = readme.indexOf("<!-- azure-policy-exemptions:end -->");
        assertThat(readme.substring(start, end)).isEqualTo(Exemptions.markdown());
    }

    @Test
    void selectionKeepsItsProvenance() {
        var source = BuiltInPolicies.source();
        assertThat(source.get("repository").getAsString()).isEqualTo("https://github.com/Azure/azure-policy");
        assertThat(source.get("commit").getAsString()).hasSize(40);
        assertThat(source.get("release").getAsString()).startsWith("Built-in Policy Release");
        assertThat(BuiltInPolicies.all()).hasSize(66);
    }
}
