package com.ztplatform.stack.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link in every README of the repository resolves to a file or folder in the repository, and
 * every {@code #anchor} to a heading of the target file (GitHub's heading slugs).
 */
class ReadmeLinksTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)\\)");

    static List<Path> readmes() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.getFileName().toString().equals("README.md"))
                    .filter(p -> {
                        var rel = ROOT.relativize(p).toString();
                        return !rel.contains("node_modules") && !rel.contains("target/") && !rel.startsWith(".")
                                && !rel.contains("/.");
                    })
                    .sorted().toList();
        }
    }

    /** The text outside fenced code blocks. */
    static List<String> prose(Path file) throws IOException {
        var lines = new ArrayList<String>();
        boolean fenced = false;
        for (var line : Files.readAllLines(file)) {
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (!fenced) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** GitHub's anchors of a Markdown file's headings. */
    static Set<String> anchors(Path file) throws IOException {
        var anchors = new HashSet<String>();
        for (var line : prose(file)) {
            if (line.startsWith("#")) {
                var text = line.replaceFirst("^#+\\s*", "").strip();
                var slug = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
                var unique = slug;
                for (int i = 1; anchors.contains(unique); i++) {
                    unique = slug + "-" + i;
                }
                anchors.add(unique);
            }
        }
        return anchors;
    }

    @Test
    void everyRelativeLinkResolves() throws IOException {
        var readmes = readmes();
        assertThat(readmes).extracting(p -> ROOT.relativize(p).toString())
                .contains("README.md", "src/README.md", "components/README.md", "policy-pack/README.md");
        var broken = new ArrayList<String>();
        for (var readme : readmes) {
            for (var line : prose(readme)) {
                var m = LINK.matcher(line);
                while (m.find()) {
                    var target = m.group(1);
                    if (target.matches("^[a-z]+:.*")) {
                        continue;
                    }
                    var hash = target.indexOf('#');
                    var pathPart = hash >= 0 ? target.substring(0, hash) : target;
                    var anchor = hash >= 0 ? target.substring(hash + 1) : "";
                    var file = pathPart.isEmpty() ? readme : readme.getParent().resolve(pathPart).normalize();
                    var where = ROOT.relativize(readme) + ": " + target;
                    if (!file.startsWith(ROOT) || !Files.exists(file)) {
                        broken.add(where + " (no such file)");
                    } else if (!anchor.isEmpty() && (!file.toString().endsWith(".md") || !anchors(file).contains(anchor))) {
                        broken.add(where + " (no such heading)");
                    }
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void anchorsFollowGitHubsSlugs() throws IOException {
        var tmp = Files.createTempFile("readme", ".md");
        try {
            Files.writeString(tmp, "# A: b, c\n## Egress: firewall, allowlist, one audited IP\n```\n# not a heading\n```\n## A: b, c\n");
            assertThat(anchors(tmp)).containsExactlyInAnyOrder("a-b-c", "egress-firewall-allowlist-one-audited-ip", "a-b-c-1");
        } finally {
            Files.delete(tmp);
        }
    }
}
