package org.concord.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Running the tests must leave the checkout clean: no test writes into the repository's tracked folders (a test
 * used to copy its screenshot over docs/images/live-inference.png). Screenshots and other outputs go under the
 * module's target/; docs/images is refreshed by hand. This scans every module's test sources for a path into docs/.
 */
class CleanCheckoutTest {
    private static final Pattern INTO_DOCS = Pattern.compile("Path\\.of\\(\\s*\"\\.\\.\"\\s*,\\s*\"docs\"|\"\\.\\./docs|Paths?\\.(of|get)\\(\\s*\"docs[/\"]");

    @Test
    void noTestWritesUnderDocs() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        assertThat(root.resolve("pom.xml")).exists();
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root, 12)) {
            offenders = files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/test/") && !p.toString().contains("/target/"))
                    .filter(p -> !p.getFileName().toString().equals("CleanCheckoutTest.java"))
                    .filter(p -> {
                        try {
                            return INTO_DOCS.matcher(Files.readString(p)).find();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .map(p -> root.relativize(p).toString()).toList();
        }
        assertThat(offenders).as("tests that build a path into docs/ (write under target/ instead)").isEmpty();
    }
}
