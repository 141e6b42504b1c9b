package com.ztplatform.components.alerts;

import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who the action group notifies: email addresses and webhooks. Webhook URLs usually embed a token, so they are taken
 * only as (secret) outputs and never appear in a plan or log.
 *
 * @param emails   email receivers
 * @param webhooks webhook receivers
 */
public record Receivers(List<Email> emails, List<Webhook> webhooks) {
    static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 _.-]{0,127}$");
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /**
     * An email receiver.
     *
     * @param name    the receiver's name, unique in the action group, like {@code platform-oncall}
     * @param address the address, like {@code platform-team@contoso.com}
     */
    public record Email(String name, String address) {
    }

    /**
     * A webhook receiver; the alerts use the common alert schema.
     *
     * @param name the receiver's name, unique in the action group, like {@code opsgenie}
     * @param url  the https URL, as a secret output (it usually carries a token)
     */
    public record Webhook(String name, Output<String> url) {
    }

    /**
     * Copies the lists.
     *
     * @param emails   email receivers
     * @param webhooks webhook receivers
     */
    public Receivers {
        emails = List.copyOf(Objects.requireNonNull(emails, "emails"));
        webhooks = List.copyOf(Objects.requireNonNull(webhooks, "webhooks"));
    }

    /**
     * The problems of the receivers, each naming its field under {@code path}.
     *
     * @param path prefix of the keys, empty or ending with '.', like {@code zt-databricks:alerts.}
     * @param emails        the email receivers
     * @param webhookNames  the webhook receivers' names (their URLs are secret and checked where they are read)
     * @return the problems; empty when valid
     */
    public static List<String> problems(String path, List<Email> emails, List<String> webhookNames) {
        var problems = new ArrayList<String>();
        if (emails.isEmpty() && webhookNames.isEmpty()) {
            problems.add(path + "emails or webhooks must name at least one receiver (an action group that notifies no "
                    + "one hides every alert), like emails: [{name: platform-oncall, address: platform-team@contoso.com}]");
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < emails.size(); i++) {
            var e = emails.get(i);
            name(problems, path + "emails[" + i + "].name", e.name(), "platform-oncall", seen);
            if (e.address() == null || !EMAIL.matcher(e.address()).matches()) {
                problems.add(path + "emails[" + i + "].address must be an email address like platform-team@contoso.com, "
                        + "got '" + e.address() + "'");
            }
        }
        for (int i = 0; i < webhookNames.size(); i++) {
            name(problems, path + "webhooks[" + i + "]", webhookNames.get(i), "opsgenie", seen);
        }
        return problems;
    }

    private static void name(List<String> problems, String key, String name, String example, HashSet<String> seen) {
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add(key + " must be 1-128 letters, digits, ' ', '_', '.' or '-', starting with a letter or digit, "
                    + "like " + example + ", got '" + name + "'");
        } else if (!seen.add(name.toLowerCase(java.util.Locale.ROOT))) {
            problems.add(key + " repeats the receiver name '" + name + "'; names are unique in the action group");
        }
    }

    /**
     * The problems of these receivers.
     *
     * @param path prefix of the keys, empty or ending with '.'
     * @return the problems; empty when valid
     */
    public List<String> problems(String path) {
        return problems(path, emails, webhooks.stream().map(Webhook::name).toList());
    }

    /**
     * Whether a webhook URL is one Azure would call: https only (a plain-http hook would send alert content in clear).
     *
     * @param url the URL
     * @return whether it is an absolute https URL with a host
     */
    public static boolean validWebhookUrl(String url) {
        try {
            var uri = java.net.URI.create(url);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
