package org.concord.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's licence is written down and every library the jar ships is named with its licence: the runtime
 * dependencies Maven resolved (target/runtime-dependencies.txt, written by the dependency plugin before the tests) are
 * each listed in THIRD-PARTY.txt, which the jar carries in META-INF with LICENSE and NOTICE. No GPL-only library.
 */
class ThirdPartyNoticesTest {
    static final Pattern DEP = Pattern.compile("^\\s*([\\w.\\-]+):([\\w.\\-]+):jar(?::[\\w.\\-]+)?:[\\w.\\-]+:(compile|runtime)");

    @Test
    void everyShippedLibraryIsListedWithItsLicence() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        String notices = Files.readString(root.resolve("THIRD-PARTY.txt"));
        assertThat(Files.readString(root.resolve("LICENSE"))).contains("Apache License").contains("Version 2.0");
        List<String> shipped = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("target", "runtime-dependencies.txt"))) {
            Matcher m = DEP.matcher(line);
            if (m.find()) {
                shipped.add(m.group(1) + ":" + m.group(2));
            }
        }
        assertThat(shipped).as("runtime dependencies read from the build").hasSizeGreaterThan(20).contains("ml.dmlc:xgboost4j_2.12");
        List<String> missing = shipped.stream().filter(ga -> !notices.contains(ga + " — ")).toList();
        assertThat(missing).as("libraries shipped without a line in THIRD-PARTY.txt").isEmpty();
        assertThat(shipped).as("Smile (GPL-3.0) is gone").noneMatch(ga -> ga.startsWith("com.github.haifengl:"));
        for (String line : notices.split("\n")) {
            if (line.contains(" — ") && line.contains("GPL")) {
                assertThat(line).as("a GPL library must come with an exception or an alternative").containsAnyOf("Classpath Exception", "LGPL",
                        "Runtime Library Exception");
            }
        }
    }

    @Test
    void theJarCarriesTheLicenceAndTheNotices() {
        assertThat(getClass().getResource("/META-INF/THIRD-PARTY.txt")).isNotNull();
        assertThat(getClass().getResource("/META-INF/LICENSE")).isNotNull();
        assertThat(getClass().getResource("/META-INF/NOTICE")).isNotNull();
    }
}
