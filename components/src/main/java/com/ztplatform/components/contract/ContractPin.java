package com.ztplatform.components.contract;

import com.ztplatform.components.contract.OutputContract.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Pins {@link OutputContract}: every contract version has a golden file {@code v<N>.txt} (in
 * {@code components/src/test/resources/contract/}) listing its outputs, one a line as
 * {@code <name> <KIND> <required|optional>}; per-spoke fields are listed as {@code spokes.*.<field>}. Lines
 * starting with {@code #} are comments.
 *
 * <p>What consumers may rely on must not change within a version: an output of the golden file that is gone
 * (removed or renamed), has another shape, or became optional breaks the pin. Adding outputs is compatible.
 */
public final class ContractPin {
    /** Prefix of the per-spoke field lines. */
    public static final String SPOKE_FIELD_PREFIX = OutputContract.SPOKES + ".*.";

    /**
     * One pinned output (or per-spoke field).
     *
     * @param name     the output name, or {@code spokes.*.<field>} for a per-spoke field
     * @param kind     its shape
     * @param required whether every platform stack publishes it
     */
    public record Entry(String name, Kind kind, boolean required) {
        /**
         * Checks that name and kind are set.
         *
         * @param name     the output name
         * @param kind     its shape
         * @param required whether it is always published
         */
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
        }

        String line() {
            return name + " " + kind + " " + (required ? "required" : "optional");
        }
    }

    /**
     * What a comparison found.
     *
     * @param version  the golden file's contract version
     * @param problems incompatible changes against the golden file (empty when compatible)
     * @param added    outputs of the current contract the golden file does not list yet (compatible)
     */
    public record Result(String version, List<String> problems, List<String> added) {
        /**
         * Copies the lists.
         *
         * @param version  the golden file's contract version
         * @param problems incompatible changes
         * @param added    compatible additions
         */
        public Result {
            problems = List.copyOf(problems);
            added = List.copyOf(added);
        }

        /**
         * Whether the current contract still serves clients of the golden version.
         *
         * @return true when there are no problems (additions are compatible)
         */
        public boolean compatible() {
            return problems.isEmpty();
        }

        /**
         * The failure message: every problem and what to do about it; empty when compatible.
         *
         * @return the message, naming the golden file and the next version to create
         */
        public String message() {
            if (problems.isEmpty()) {
                return "";
            }
            var next = nextVersion(version);
            var text = new StringBuilder("output contract v" + version + " changed incompatibly:\n");
            problems.forEach(p -> text.append("  - ").append(p).append('\n'));
            text.append("Other teams read these outputs through stack references. Keep them, or bump ")
                    .append("OutputContract.VERSION to \"").append(next).append("\" and add ")
                    .append(goldenFileName(next)).append(" (components/src/test/resources/contract/) listing the new ")
                    .append("contract; ContractPin.render(ContractPin.current()) prints it.");
            return text.toString();
        }
    }

    private ContractPin() {
    }

    /**
     * The golden file of a contract version, a test resource next to the pin test.
     *
     * @param version like 1
     * @return the file name, like v1.txt
     */
    public static String goldenFileName(String version) {
        return "v" + version + ".txt";
    }

    /**
     * The version after {@code version} ("1" gives "2").
     *
     * @param version the current version, like 1
     * @return the next version; a non-numeric version gets "+1" appended
     */
    public static String nextVersion(String version) {
        try {
            return String.valueOf(Integer.parseInt(version.trim()) + 1);
        } catch (NumberFormatException e) {
            return version + "+1";
        }
    }

    /**
     * The entries of the contract as compiled: the outputs, then the per-spoke fields.
     *
     * @return the entries, in contract order
     */
    public static List<Entry> current() {
        var entries = new ArrayList<Entry>();
        OutputContract.OUTPUTS.forEach(o -> entries.add(new Entry(o.name(), o.kind(), o.required())));
        OutputContract.SPOKE_FIELDS.forEach(f -> entries.add(new Entry(SPOKE_FIELD_PREFIX + f,
                OutputContract.SPOKE_FIELD_KINDS.get(f), true)));
        return List.copyOf(entries);
    }

    /**
     * A golden file's text for these entries.
     *
     * @param entries the entries, like {@link #current()}
     * @return the file text, with a header line and one line per entry
     */
    public static String render(List<Entry> entries) {
        var text = new StringBuilder();
        text.append("# Output contract v").append(OutputContract.VERSION)
                .append(": <name> <KIND> <required|optional>, per-spoke fields as spokes.*.<field>.\n")
                .append("# Never edit a released line: removing, renaming or reshaping an output needs a new version file.\n");
        entries.forEach(e -> text.append(e.line()).append('\n'));
        return text.toString();
    }

    /**
     * Parses a golden file; fails naming the line when one is malformed.
     *
     * @param text the golden file's text; blank lines and {@code #} comments are skipped
     * @return the entries
     * @throws IllegalArgumentException naming the line when one is malformed
     */
    public static List<Entry> parse(String text) {
        var entries = new ArrayList<Entry>();
        var lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            var line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            var parts = line.split("\\s+");
            if (parts.length != 3 || !(parts[2].equals("required") || parts[2].equals("optional"))) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected '<name> <KIND> <required|optional>', got '"
                        + line + "'");
            }
            Kind kind;
            try {
                kind = Kind.valueOf(parts[1].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": unknown kind '" + parts[1] + "' (one of "
                        + List.of(Kind.values()) + ")");
            }
            entries.add(new Entry(parts[0], kind, parts[2].equals("required")));
        }
        return List.copyOf(entries);
    }

    /**
     * Compares the golden entries of {@code version} with the current ones: a golden entry that is missing,
     * has another kind or went from required to optional is a problem; current entries the golden file does
     * not list are reported as added.
     *
     * @param version the golden file's version, for the message
     * @param golden  the golden file's entries
     * @param current the compiled contract's entries, like {@link #current()}
     * @return the problems and the additions
     */
    public static Result compare(String version, List<Entry> golden, List<Entry> current) {
        var now = byName(current);
        var pinned = byName(golden);
        var problems = new ArrayList<String>();
        pinned.values().forEach(g -> {
            var c = now.get(g.name());
            if (c == null) {
                problems.add("output '" + g.name() + "' (" + g.kind() + ") was removed or renamed");
            } else if (c.kind() != g.kind()) {
                problems.add("output '" + g.name() + "' changed shape from " + g.kind() + " to " + c.kind());
            } else if (g.required() && !c.required()) {
                problems.add("output '" + g.name() + "' was required and became optional");
            }
        });
        var added = now.keySet().stream().filter(n -> !pinned.containsKey(n)).toList();
        return new Result(version, problems, added);
    }

    private static Map<String, Entry> byName(List<Entry> entries) {
        var map = new LinkedHashMap<String, Entry>();
        for (var e : entries) {
            if (map.put(e.name(), e) != null) {
                throw new IllegalArgumentException("output '" + e.name() + "' is listed twice");
            }
        }
        return map;
    }
}
