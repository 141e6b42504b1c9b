package com.ztplatform.components.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AzureNamesProperties {

    @Provide
    static Arbitrary<String> prefixes() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .ofLength(1)
                .flatMap(
                        first ->
                                Arbitraries.strings()
                                        .withCharRange('a', 'z')
                                        .withCharRange('0', '9')
                                        .ofMinLength(1)
                                        .ofMaxLength(7)
                                        .map(rest -> first + rest));
    }

    @Provide
    static Arbitrary<String> environments() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').ofMinLength(2).ofMaxLength(8);
    }

    /** "abc", "hub-fw", "x1-y2-z3": lowercase words joined by single hyphens. */
    static Arbitrary<String> parts(int maxWordLength) {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('0', '9')
                .ofMinLength(1)
                .ofMaxLength(maxWordLength)
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(words -> String.join("-", words));
    }

    @Provide
    static Arbitrary<List<String>> partLists() {
        return parts(20).list().ofMinSize(0).ofMaxSize(6);
    }

    /** Long enough that every kind has to shorten most of them. */
    @Provide
    static Arbitrary<Set<List<String>>> distinctLongPartLists() {
        return parts(16)
                .list()
                .ofMinSize(4)
                .ofMaxSize(8)
                .list()
                .ofSize(200)
                // Hyphens are separators (["a-b"] and ["a","b"] are the same name), and storage account
                // names drop them, so "distinct" must mean distinct once hyphens are gone.
                .uniqueElements(list -> String.join("", list).replace("-", ""))
                .map(HashSet::new);
    }

    private static String hyphenJoined(String prefix, String environment, List<String> parts) {
        List<String> words = new ArrayList<>(List.of(prefix, environment));
        words.addAll(parts);
        return String.join("-", words);
    }

    private static String sha256Hex(String text) throws NoSuchAlgorithmException {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 300)
    void generatedNamesAreAlwaysValid(
            @ForAll("prefixes") String prefix,
            @ForAll("environments") String environment,
            @ForAll("partLists") List<String> parts) {
        String[] array = parts.toArray(String[]::new);
        for (ResourceKind kind : ResourceKind.values()) {
            if (tooShort(kind, prefix, environment, parts)) {
                // A registry needs 5 characters: a 4-character prefix-environment without parts fails, naming why.
                assertThatThrownBy(() -> AzureNames.name(kind, prefix, environment, array))
                        .hasMessageContaining("must be " + kind.minLength() + "-");
                continue;
            }
            String name = AzureNames.name(kind, prefix, environment, array);

            assertThat(AzureNames.problem(kind, name)).as("%s %s", kind, name).isEmpty();
            assertThat(name.length()).isBetween(kind.minLength(), kind.maxLength());
            assertThat(name).startsWith(prefix).matches(kind.allowsHyphen() ? "[a-z0-9-]+" : "[a-z0-9]+");
            assertThat(AzureNames.name(kind, prefix, environment, array)).isEqualTo(name);
        }
    }

    @Property(tries = 300)
    void namesAreOnlyShortenedWhenTooLong(
            @ForAll("prefixes") String prefix,
            @ForAll("environments") String environment,
            @ForAll("partLists") List<String> parts)
            throws NoSuchAlgorithmException {
        String full = hyphenJoined(prefix, environment, parts);
        String hash = sha256Hex(full).substring(0, 4);
        for (ResourceKind kind : ResourceKind.values()) {
            if (tooShort(kind, prefix, environment, parts)) {
                continue;
            }
            String joined = kind.allowsHyphen() ? full : full.replace("-", "");
            String name = AzureNames.name(kind, prefix, environment, parts.toArray(String[]::new));

            if (joined.length() <= kind.maxLength()) {
                assertThat(name).isEqualTo(joined);
            } else {
                String suffix = kind.allowsHyphen() ? "-" + hash : hash;
                assertThat(name).endsWith(suffix);
                String head = name.substring(0, name.length() - suffix.length());
                assertThat(joined).startsWith(head);
                // Only trailing hyphens may be dropped from the cut, never real characters.
                assertThat(joined.substring(head.length(), kind.maxLength() - suffix.length())).matches("-*");
            }
        }
    }

    @Property(tries = 30)
    void distinctInputsGiveDistinctNames(@ForAll("distinctLongPartLists") Set<List<String>> lists) {
        for (ResourceKind kind : ResourceKind.values()) {
            Set<String> names = new HashSet<>();
            for (List<String> parts : lists) {
                names.add(AzureNames.name(kind, "ztp", "dev", parts.toArray(String[]::new)));
            }
            assertThat(names).as(kind.toString()).hasSameSizeAs(lists);
        }
    }

    @Property(tries = 300)
    void problemMessagesAlwaysShowAValidExample(@ForAll String name) {
        for (ResourceKind kind : ResourceKind.values()) {
            kind.problem(name)
                    .ifPresent(
                            message -> {
                                assertThat(message)
                                        .startsWith(kind.label() + " name ")
                                        .endsWith(", like '" + kind.example() + "'");
                                assertThat(kind.problem(kind.example())).isEmpty();
                            });
        }
    }

    @Property(tries = 300)
    void validPrefixesAndEnvironmentsAreAccepted(
            @ForAll("prefixes") String prefix, @ForAll("environments") String environment) {
        assertThat(AzureNames.prefixProblem(prefix)).isEmpty();
        assertThat(AzureNames.environmentProblem(environment)).isEmpty();
    }

    @Provide
    static Arbitrary<String> globalSuffixes() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('0', '9')
                .ofMinLength(AzureNames.GlobalSuffix.MIN_LENGTH)
                .ofMaxLength(AzureNames.GlobalSuffix.MAX_LENGTH);
    }

    /** Any valid naming, with a global suffix as a stack has one. */
    @Provide
    static Arbitrary<Naming> namings() {
        return net.jqwik.api.Combinators.combine(prefixes(), environments(), globalSuffixes()).as(Naming::new);
    }

    @Property(tries = 500)
    void suffixedNamesAreAlwaysValidAndKeepTheWholeSuffix(
            @ForAll("namings") Naming naming, @ForAll("partLists") List<String> parts) {
        String[] array = parts.toArray(String[]::new);
        for (ResourceKind kind : ResourceKind.values()) {
            if (!kind.globallyUnique()) {
                if (!tooShort(kind, naming.prefix(), naming.environment(), parts)) {
                    // Names unique only in their resource group are unaffected by the suffix.
                    assertThat(naming.name(kind, array))
                            .isEqualTo(AzureNames.name(kind, naming.prefix(), naming.environment(), array));
                }
                continue;
            }
            String name = naming.name(kind, array);

            assertThat(kind.problem(name)).as("%s %s", kind, name).isEmpty();
            assertThat(name.length()).isBetween(kind.minLength(), kind.maxLength());
            assertThat(name).startsWith(naming.prefix().substring(0, 2))
                    .endsWith((kind.allowsHyphen() ? "-" : "") + naming.globalSuffix());
            assertThat(naming.name(kind, array)).isEqualTo(name);
        }
    }

    /**
     * Every globally unique name the platform's components build (DataLake, OneLakeLanding, DatabricksSpoke's DBFS
     * account per spoke, KeyVaultScope per label, ContainerRegistry, AiServices), for any valid prefix, environment,
     * suffix and spoke or vault label: valid for its kind and ending with the whole suffix.
     */
    @Property(tries = 500)
    void everyGloballyUniqueNameOfThePlatformIsValid(
            @ForAll("namings") Naming naming, @ForAll("componentWords") String word) {
        var names = List.of(
                naming.name(ResourceKind.STORAGE_ACCOUNT, "lake"),
                naming.name(ResourceKind.STORAGE_ACCOUNT, "landing"),
                naming.name(ResourceKind.STORAGE_ACCOUNT, word, "dbfs"),
                naming.name(ResourceKind.KEY_VAULT, "platform", "kv"),
                naming.name(ResourceKind.KEY_VAULT, "landing", "kv"),
                naming.name(ResourceKind.KEY_VAULT, word, "kv"),
                naming.name(ResourceKind.CONTAINER_REGISTRY, "acr"),
                naming.name(ResourceKind.CONTAINER_REGISTRY, word),
                naming.name(ResourceKind.COGNITIVE_SERVICES_ACCOUNT, "ai"));
        var kinds = List.of(ResourceKind.STORAGE_ACCOUNT, ResourceKind.STORAGE_ACCOUNT, ResourceKind.STORAGE_ACCOUNT,
                ResourceKind.KEY_VAULT, ResourceKind.KEY_VAULT, ResourceKind.KEY_VAULT, ResourceKind.CONTAINER_REGISTRY,
                ResourceKind.CONTAINER_REGISTRY, ResourceKind.COGNITIVE_SERVICES_ACCOUNT);
        for (int i = 0; i < names.size(); i++) {
            var kind = kinds.get(i);
            var name = names.get(i);
            assertThat(kind.problem(name)).as("%s %s", kind, name).isEmpty();
            assertThat(name).endsWith(naming.globalSuffix());
            // Storage accounts and registries: lowercase letters and digits only (DNS labels, no hyphen allowed).
            assertThat(name).matches(kind.allowsHyphen() ? "[a-z][a-z0-9]*(-[a-z0-9]+)*" : "[a-z][a-z0-9]*");
        }
    }

    /** Spoke names and vault labels: 1-3 hyphen-joined words of up to 12 characters. */
    @Provide
    static Arbitrary<String> componentWords() {
        return parts(12);
    }

    @Property(tries = 300)
    void derivedSuffixesAreValidAndDeterministic(@ForAll List<@net.jqwik.api.constraints.AlphaChars String> values) {
        String suffix = AzureNames.deriveGlobalSuffix(values);

        assertThat(suffix).hasSize(AzureNames.GlobalSuffix.DERIVED_LENGTH).matches("[a-z0-9]+");
        assertThat(AzureNames.globalSuffixProblem(suffix)).isEmpty();
        assertThat(AzureNames.deriveGlobalSuffix(List.copyOf(values))).isEqualTo(suffix);
    }

    @Property(tries = 300)
    void invalidSuffixesAreRefusedNamingTheKey(@ForAll String suffix) {
        boolean valid = suffix.matches("[a-z0-9]{4,6}");
        assertThat(AzureNames.globalSuffixProblem(suffix).isEmpty()).isEqualTo(valid);
        AzureNames.globalSuffixProblem(suffix).ifPresent(p -> assertThat(p).startsWith("globalNameSuffix must be 4-6")
                .contains("like 'k3x9q'"));
    }

    /** Whether the words, without the hyphens a kind drops, are shorter than the kind allows. */
    private static boolean tooShort(ResourceKind kind, String prefix, String environment, List<String> parts) {
        var full = hyphenJoined(prefix, environment, parts);
        return (kind.allowsHyphen() ? full : full.replace("-", "")).length() < kind.minLength();
    }
}
