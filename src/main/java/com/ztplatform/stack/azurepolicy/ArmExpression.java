package com.ztplatform.stack.azurepolicy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The template-expression subset the selected built-in definitions use inside policy rules ({@code "[parameters('effect')]"},
 * {@code "[addDays(field('…'), parameters('…'))]"}, {@code "[requestContext().apiVersion]"} …). A string that does not
 * start with {@code [} (or starts with {@code [[}, the escape) is a literal. An unknown function fails: a definition using
 * one is not evaluated rather than guessed at.
 * <p>
 * Functions: https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule#policy-functions
 */
final class ArmExpression {
    /** What the functions that read the resource or the evaluation context ask of it. */
    interface Scope {
        /** {@code parameters('name')}. */
        JsonElement parameter(String name);

        /** {@code field('alias')}: missing values are {@link JsonNull}. */
        JsonElement field(String alias);

        /** {@code current('name or alias')} inside a count. */
        JsonElement current(String name);

        /** {@code requestContext()}. */
        JsonElement requestContext();

        /** {@code resourceGroup()}. */
        JsonElement resourceGroup();

        /** {@code utcNow()}: fixed per evaluation so that results are reproducible. */
        OffsetDateTime now();
    }

    private final String text;
    private int pos;
    /** Above 0 while parsing an if() branch that is not taken: it is parsed but not evaluated. */
    private int skipping;

    private ArmExpression(String text) {
        this.text = text;
    }

    /** Whether a JSON string is an expression rather than a literal. */
    static boolean isExpression(String s) {
        return s.length() >= 2 && s.startsWith("[") && !s.startsWith("[[") && s.endsWith("]");
    }

    /**
     * Evaluates a value of a policy rule: expressions are evaluated, everything else is returned as it is.
     *
     * @param value the JSON value from the rule
     * @param scope what the functions read
     * @return the value
     */
    static JsonElement resolve(JsonElement value, Scope scope) {
        if (value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            var s = value.getAsString();
            if (isExpression(s)) {
                var e = new ArmExpression(s.substring(1, s.length() - 1));
                var result = e.expression(scope);
                e.skipSpaces();
                if (e.pos != e.text.length()) {
                    throw new PolicyEvaluationException("unexpected text at " + e.pos + " in expression " + s);
                }
                return result;
            }
            if (s.startsWith("[[")) {
                return new JsonPrimitive(s.substring(1));
            }
        }
        return value;
    }

    private JsonElement expression(Scope scope) {
        skipSpaces();
        JsonElement value;
        char c = peek();
        if (c == '\'') {
            value = new JsonPrimitive(stringLiteral());
        } else if (c == '-' || Character.isDigit(c)) {
            int start = pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            value = new JsonPrimitive(new BigInteger(text.substring(start, pos)));
        } else {
            var name = identifier();
            skipSpaces();
            expect('(');
            var args = new ArrayList<JsonElement>();
            skipSpaces();
            if (peek() != ')') {
                args.add(expression(scope));
                skipSpaces();
                var lazyIf = name.equalsIgnoreCase("if") && skipping == 0;
                while (peek() == ',') {
                    pos++;
                    // if() evaluates only the branch it takes: the other may read a field the resource lacks.
                    var skip = lazyIf && (args.size() == 1 ? !truthy(args.get(0)) : truthy(args.get(0)));
                    if (skip) {
                        skipping++;
                    }
                    try {
                        args.add(expression(scope));
                    } finally {
                        if (skip) {
                            skipping--;
                        }
                    }
                    skipSpaces();
                }
            }
            expect(')');
            value = skipping > 0 ? JsonNull.INSTANCE : call(name, args, scope);
        }
        skipSpaces();
        while (pos < text.length() && peek() == '.') {
            pos++;
            var property = identifier();
            value = value != null && value.isJsonObject() && value.getAsJsonObject().has(property)
                    ? value.getAsJsonObject().get(property) : JsonNull.INSTANCE;
            skipSpaces();
        }
        return value;
    }

    private JsonElement call(String name, List<JsonElement> args, Scope scope) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "parameters":
                return scope.parameter(string(args, 0));
            case "field":
                return scope.field(string(args, 0));
            case "current":
                return scope.current(string(args, 0));
            case "requestcontext":
                return scope.requestContext();
            case "resourcegroup":
                return scope.resourceGroup();
            case "utcnow":
                return new JsonPrimitive(scope.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            case "adddays": {
                if (isMissing(args.get(0))) {
                    throw new PolicyEvaluationException("addDays of a missing date");
                }
                var date = OffsetDateTime.parse(args.get(0).getAsString(), DateTimeFormatter.ISO_DATE_TIME)
                        .withOffsetSameInstant(ZoneOffset.UTC);
                return new JsonPrimitive(date.plusDays(args.get(1).getAsLong()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            }
            case "if":
                return truthy(args.get(0)) ? args.get(1) : args.get(2);
            case "and":
                return new JsonPrimitive(args.stream().allMatch(ArmExpression::truthy));
            case "or":
                return new JsonPrimitive(args.stream().anyMatch(ArmExpression::truthy));
            case "not":
                return new JsonPrimitive(!truthy(args.get(0)));
            case "empty":
                return new JsonPrimitive(isEmpty(args.get(0)));
            case "coalesce":
                return args.stream().filter(a -> !isMissing(a)).findFirst().orElse(JsonNull.INSTANCE);
            case "string":
                return new JsonPrimitive(isMissing(args.get(0)) ? "" : args.get(0).isJsonPrimitive()
                        ? args.get(0).getAsString() : args.get(0).toString());
            case "length": {
                var a = args.get(0);
                if (isMissing(a)) {
                    return new JsonPrimitive(0);
                }
                if (a.isJsonArray()) {
                    return new JsonPrimitive(a.getAsJsonArray().size());
                }
                if (a.isJsonObject()) {
                    return new JsonPrimitive(a.getAsJsonObject().size());
                }
                return new JsonPrimitive(a.getAsString().length());
            }
            case "concat": {
                var sb = new StringBuilder();
                args.forEach(a -> sb.append(isMissing(a) ? "" : a.getAsString()));
                return new JsonPrimitive(sb.toString());
            }
            case "tolower":
                return new JsonPrimitive(string(args, 0).toLowerCase(Locale.ROOT));
            case "ipRangeContains":
            case "iprangecontains":
                return new JsonPrimitive(ipRangeContains(string(args, 0), string(args, 1)));
            default:
                throw new PolicyEvaluationException("unsupported template function " + name + "()");
        }
    }

    static boolean isMissing(JsonElement e) {
        return e == null || e.isJsonNull();
    }

    private static boolean isEmpty(JsonElement e) {
        if (isMissing(e)) {
            return true;
        }
        if (e.isJsonArray()) {
            return e.getAsJsonArray().isEmpty();
        }
        if (e.isJsonObject()) {
            return e.getAsJsonObject().size() == 0;
        }
        return e.getAsJsonPrimitive().isString() && e.getAsString().isEmpty();
    }

    private static boolean truthy(JsonElement e) {
        if (isMissing(e) || !e.isJsonPrimitive()) {
            throw new PolicyEvaluationException("a logical function needs a boolean, got " + e);
        }
        return e.getAsJsonPrimitive().isBoolean() ? e.getAsBoolean() : Boolean.parseBoolean(e.getAsString());
    }

    private static String string(List<JsonElement> args, int i) {
        var a = args.get(i);
        if (isMissing(a) || !a.isJsonPrimitive()) {
            throw new PolicyEvaluationException("argument " + i + " must be a string, got " + a);
        }
        return a.getAsString();
    }

    /** IPv4 or IPv6 address or CIDR range {@code range} contains the address or range {@code target}. */
    static boolean ipRangeContains(String range, String target) {
        var r = cidr(range);
        var t = cidr(target);
        return r[2].equals(t[2]) && r[0].compareTo(t[0]) <= 0 && t[1].compareTo(r[1]) <= 0;
    }

    /** {first address, last address, address length in bits}. */
    private static BigInteger[] cidr(String s) {
        var slash = s.indexOf('/');
        try {
            var bytes = InetAddress.getByName(slash < 0 ? s : s.substring(0, slash)).getAddress();
            int bits = bytes.length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(s.substring(slash + 1));
            var address = new BigInteger(1, bytes);
            var hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
            var first = address.andNot(hostMask);
            return new BigInteger[]{first, first.or(hostMask), BigInteger.valueOf(bits)};
        } catch (UnknownHostException | NumberFormatException e) {
            throw new PolicyEvaluationException("not an IP address or range: " + s);
        }
    }

    private String stringLiteral() {
        expect('\'');
        var sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new PolicyEvaluationException("unterminated string in " + text);
            }
            char c = text.charAt(pos++);
            if (c == '\'') {
                if (pos < text.length() && text.charAt(pos) == '\'') {
                    sb.append('\'');
                    pos++;
                } else {
                    return sb.toString();
                }
            } else {
                sb.append(c);
            }
        }
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw new PolicyEvaluationException("expected a name at " + pos + " in expression [" + text + "]");
        }
        return text.substring(start, pos);
    }

    private void expect(char c) {
        skipSpaces();
        if (peek() != c) {
            throw new PolicyEvaluationException("expected '" + c + "' at " + pos + " in expression [" + text + "]");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    static JsonArray array(List<JsonElement> values) {
        var a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
