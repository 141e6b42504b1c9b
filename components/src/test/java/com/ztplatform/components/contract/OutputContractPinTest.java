package com.ztplatform.components.contract;

import com.ztplatform.components.contract.ContractPin.Entry;
import com.ztplatform.components.contract.OutputContract.Kind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pins {@link OutputContract} against the golden file of its version: other teams' programs read these outputs,
 * so none may disappear, change shape or become optional without a new contract version.
 */
class OutputContractPinTest {
    /** Output names that look like they carry a secret. */
    static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(secret|passw|pwd|token|credential|connectionstring|sastoken|sasurl|accesskey|apikey|privatekey|sharedkey|"
                    + "primarykey|secondarykey|masterkey|clientkey).*");

    static String golden(String version) throws IOException {
        try (var in = OutputContractPinTest.class.getResourceAsStream("/contract/" + ContractPin.goldenFileName(version))) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theGoldenFileOfEveryVersionUpToTheCurrentOneExists() throws IOException {
        int current = Integer.parseInt(OutputContract.VERSION);
        var missing = new ArrayList<String>();
        for (int v = 1; v <= current; v++) {
            if (golden(String.valueOf(v)) == null) {
                missing.add(ContractPin.goldenFileName(String.valueOf(v)));
            }
        }
        assertThat(missing).as("golden files of output contract versions 1.." + current
                + " in components/src/test/resources/contract/ (write the current one with "
                + "ContractPin.render(ContractPin.current()))").isEmpty();
        assertThat(golden(String.valueOf(current + 1))).as("a golden file for a version newer than OutputContract.VERSION "
                + OutputContract.VERSION + ": bump OutputContract.VERSION").isNull();
    }

    @Test
    void theContractKeepsEveryOutputOfItsVersionsGoldenFile() throws IOException {
        var text = golden(OutputContract.VERSION);
        assertThat(text).as("golden file " + ContractPin.goldenFileName(OutputContract.VERSION)).isNotNull();
        var result = ContractPin.compare(OutputContract.VERSION, ContractPin.parse(text), ContractPin.current());
        assertThat(result.problems()).as(result.message()).isEmpty();
        if (!result.added().isEmpty()) {
            System.out.println("output contract v" + OutputContract.VERSION + ": outputs not pinned yet (compatible; add "
                    + "them to " + ContractPin.goldenFileName(OutputContract.VERSION) + "): " + result.added());
        }
    }

    @Test
    void removingOrRenamingAPinnedOutputFailsAndSaysToBumpTheVersion() {
        var golden = List.of(new Entry("hubVnetId", Kind.STRING, true), new Entry("egressIps", Kind.STRING_LIST, true));
        var renamed = List.of(new Entry("hubVnetResourceId", Kind.STRING, true), new Entry("egressIps", Kind.STRING_LIST, true));

        var result = ContractPin.compare("1", golden, renamed);

        assertThat(result.compatible()).isFalse();
        assertThat(result.problems()).containsExactly("output 'hubVnetId' (STRING) was removed or renamed");
        assertThat(result.message())
                .startsWith("output contract v1 changed incompatibly:\n  - output 'hubVnetId' (STRING) was removed or renamed\n")
                .contains("bump OutputContract.VERSION to \"2\" and add v2.txt");
    }

    @Test
    void addingOutputsIsCompatible() {
        var golden = List.of(new Entry("hubVnetId", Kind.STRING, true));
        var more = List.of(new Entry("hubVnetId", Kind.STRING, true), new Entry("nccId", Kind.STRING, false));

        var result = ContractPin.compare("1", golden, more);

        assertThat(result.compatible()).isTrue();
        assertThat(result.message()).isEmpty();
        assertThat(result.added()).containsExactly("nccId");
    }

    @Test
    void changingAShapeOrMakingARequiredOutputOptionalIsIncompatible() {
        var golden = List.of(new Entry("egressIps", Kind.STRING_LIST, true), new Entry("nccId", Kind.STRING, false),
                new Entry("keyVaultUri", Kind.STRING, true));
        var changed = List.of(new Entry("egressIps", Kind.STRING, true), new Entry("nccId", Kind.STRING, true),
                new Entry("keyVaultUri", Kind.STRING, false));

        assertThat(ContractPin.compare("3", golden, changed).problems()).containsExactly(
                "output 'egressIps' changed shape from STRING_LIST to STRING",
                "output 'keyVaultUri' was required and became optional");
    }

    @Test
    void goldenFilesRoundTripAndBadLinesAreNamed() {
        assertThat(ContractPin.parse(ContractPin.render(ContractPin.current()))).isEqualTo(ContractPin.current());
        assertThatThrownBy(() -> ContractPin.parse("# c\nhubVnetId STRING\n"))
                .hasMessage("line 2: expected '<name> <KIND> <required|optional>', got 'hubVnetId STRING'");
        assertThatThrownBy(() -> ContractPin.parse("hubVnetId TEXT required"))
                .hasMessageStartingWith("line 1: unknown kind 'TEXT'");
        assertThatThrownBy(() -> ContractPin.compare("1", List.of(), List.of(new Entry("a", Kind.STRING, true),
                new Entry("a", Kind.STRING, true)))).hasMessage("output 'a' is listed twice");
    }

    @Test
    void contractNamesAreUniqueAndNoneLooksLikeASecret() {
        var names = new ArrayList<String>();
        OutputContract.OUTPUTS.forEach(o -> names.add(o.name()));
        names.addAll(OutputContract.SPOKE_FIELDS);
        assertThat(names).doesNotHaveDuplicates();
        assertThat(names).noneMatch(n -> SECRET_NAME.matcher(n).matches());
        assertThat(OutputContract.SPOKE_FIELD_KINDS.keySet()).containsExactlyInAnyOrderElementsOf(OutputContract.SPOKE_FIELDS);
        assertThat(SECRET_NAME.matcher("landingClientSecret").matches()).isTrue();
        assertThat(SECRET_NAME.matcher("storageConnectionString").matches()).isTrue();
    }
}
