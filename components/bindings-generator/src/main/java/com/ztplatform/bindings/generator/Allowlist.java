package com.ztplatform.bindings.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The resources and properties the platform uses, one resource per logical line. Grammar (whitespace separated;
 * a line that starts with whitespace continues the previous one; {@code #} starts a comment):
 *
 * <pre>
 * line     = resource input* [ "-&gt;" output* ]
 * resource = Name of databricks:index/name:Name, or "provider" for pulumi:providers:databricks (its Args only)
 * input    = name [ "!" ] [ "{" input* "}" ] [ "=" A|B|C ] [ "~" regex ]
 *          | "exactlyOne(" name,name,... ")"
 * output   = name
 * </pre>
 *
 * {@code !} makes an input required by the binding although the schema leaves it optional; {@code {...}} selects
 * the properties of a nested object type; {@code =A|B} and {@code ~regex} restrict plain values (the plain-value
 * setter checks them, and no {@code Output} setter is generated for such an input, as an unknown value cannot be
 * checked); {@code exactlyOne(...)} makes the Args builder require exactly one of the named inputs.
 */
public record Allowlist(List<Entry> entries) {

    /** One resource: its name, the inputs and outputs it exposes, and its exactly-one-of groups. */
    public record Entry(String resource, List<Prop> inputs, List<String> outputs, List<List<String>> exactlyOne,
                        int line) {
    }

    /** One input, with the properties it selects when it is (a list or map of) a nested object type. */
    public record Prop(String name, boolean requiredHere, List<Prop> nested, List<String> oneOf, String pattern,
                       List<List<String>> exactlyOne) {
    }

    private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]*");

    /**
     * Reads an allowlist file (UTF-8).
     *
     * @param file the allowlist, like {@code schema/bindings.allowlist}; its path names it in error messages
     * @return the parsed entries, in file order
     * @throws IOException when the file cannot be read
     */
    public static Allowlist read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses allowlist text.
     *
     * @param text   the allowlist, one resource per logical line ({@code #} starts a comment)
     * @param source what to call the text in error messages, like its file name
     * @return the parsed entries, in text order
     */
    public static Allowlist parse(String text, String source) {
        var logical = new ArrayList<String>();
        var lineNumbers = new ArrayList<Integer>();
        var lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            var raw = lines[i];
            int hash = raw.indexOf('#');
            var line = (hash >= 0 ? raw.substring(0, hash) : raw).stripTrailing();
            if (line.isBlank()) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0))) {
                if (logical.isEmpty()) {
                    throw new GeneratorException(source + ":" + (i + 1) + ": continuation line before any resource");
                }
                logical.set(logical.size() - 1, logical.get(logical.size() - 1) + " " + line.strip());
            } else {
                logical.add(line);
                lineNumbers.add(i + 1);
            }
        }
        var entries = new ArrayList<Entry>();
        for (int i = 0; i < logical.size(); i++) {
            entries.add(entry(logical.get(i), source + ":" + lineNumbers.get(i), lineNumbers.get(i)));
        }
        return new Allowlist(List.copyOf(entries));
    }

    private static Entry entry(String line, String where, int lineNumber) {
        var arrow = line.indexOf("->");
        var left = arrow >= 0 ? line.substring(0, arrow) : line;
        var tokens = new Tokens(left.strip(), where);
        var resource = tokens.word();
        if (!resource.matches("provider|[A-Z][A-Za-z0-9]*")) {
            throw new GeneratorException(where + ": '" + resource + "' is not a resource name like SecretScope");
        }
        var exactlyOne = new ArrayList<List<String>>();
        var inputs = tokens.props(exactlyOne, false);
        var outputs = new ArrayList<String>();
        if (arrow >= 0) {
            for (var out : line.substring(arrow + 2).strip().split("\\s+")) {
                if (out.isEmpty()) {
                    continue;
                }
                if (!NAME.matcher(out).matches()) {
                    throw new GeneratorException(where + ": output '" + out + "' is not a property name like url");
                }
                outputs.add(out);
            }
        }
        return new Entry(resource, inputs, List.copyOf(outputs), List.copyOf(exactlyOne), lineNumber);
    }

    /** A small recursive-descent reader of the input list. */
    private static final class Tokens {
        private final String text;
        private final String where;
        private int pos;

        Tokens(String text, String where) {
            this.text = text;
            this.where = where;
        }

        String word() {
            skipSpace();
            int start = pos;
            while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw error("expected a name");
            }
            return text.substring(start, pos);
        }

        List<Prop> props(List<List<String>> exactlyOne, boolean nested) {
            var props = new ArrayList<Prop>();
            while (true) {
                skipSpace();
                if (pos >= text.length()) {
                    if (nested) {
                        throw error("missing '}'");
                    }
                    return List.copyOf(props);
                }
                if (text.charAt(pos) == '}') {
                    if (!nested) {
                        throw error("unexpected '}'");
                    }
                    pos++;
                    return List.copyOf(props);
                }
                var name = word();
                if (name.equals("exactlyOne") && pos < text.length() && text.charAt(pos) == '(') {
                    int close = text.indexOf(')', pos);
                    if (close < 0) {
                        throw error("missing ')'");
                    }
                    exactlyOne.add(List.of(text.substring(pos + 1, close).strip().split("\\s*,\\s*")));
                    pos = close + 1;
                    continue;
                }
                if (!NAME.matcher(name).matches()) {
                    throw error("'" + name + "' is not a property name like keyvaultMetadata");
                }
                boolean required = take('!');
                List<Prop> children = List.of();
                var childGroups = new ArrayList<List<String>>();
                if (take('{')) {
                    children = props(childGroups, true);
                }
                List<String> oneOf = List.of();
                String pattern = null;
                if (take('=')) {
                    oneOf = List.of(until().split("\\|"));
                } else if (take('~')) {
                    pattern = until();
                    Pattern.compile(pattern);
                }
                props.add(new Prop(name, required, children, oneOf, pattern, List.copyOf(childGroups)));
            }
        }

        private String until() {
            int start = pos;
            while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && text.charAt(pos) != '}') {
                pos++;
            }
            if (start == pos) {
                throw error("expected a value");
            }
            return text.substring(start, pos);
        }

        private boolean take(char c) {
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private GeneratorException error(String message) {
            return new GeneratorException(where + ": " + message + " at column " + (pos + 1) + " of '" + text + "'");
        }
    }
}
