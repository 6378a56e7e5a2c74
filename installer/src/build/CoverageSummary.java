import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints line and branch coverage per Maven module from JaCoCo's CSV reports (target/site/jacoco/jacoco.csv),
 * and per package where a module asks for a package-level figure. Run by the installer module at `verify`,
 * after every module's tests: `java installer/src/build/CoverageSummary.java core modules ...`.
 */
public class CoverageSummary {
    public static void main(String[] args) throws Exception {
        System.out.println();
        System.out.println("=== JaCoCo coverage per module (line / branch) ===");
        for (String module : args) {
            Path csv = Path.of(module, "target", "site", "jacoco", "jacoco.csv");
            if (!Files.exists(csv)) {
                System.out.printf("%-10s no report (no tests ran)%n", module);
                continue;
            }
            List<String> lines = Files.readAllLines(csv);
            long lineMissed = 0, lineCovered = 0, brMissed = 0, brCovered = 0;
            java.util.Map<String, long[]> byPackage = new java.util.TreeMap<>();
            for (String l : lines.subList(1, lines.size())) {
                // GROUP is quoted when a module's <name> has commas (core's does): split outside quotes only
                String[] f = l.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
                // GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,LINE_MISSED,LINE_COVERED,...
                long bm = Long.parseLong(f[5]), bc = Long.parseLong(f[6]), lm = Long.parseLong(f[7]), lc = Long.parseLong(f[8]);
                brMissed += bm; brCovered += bc; lineMissed += lm; lineCovered += lc;
                long[] p = byPackage.computeIfAbsent(f[1], k -> new long[2]);
                p[0] += lm; p[1] += lc;
            }
            System.out.printf("%-10s lines %5.1f%% (%d/%d)   branches %5.1f%% (%d/%d)%n", module,
                    pct(lineCovered, lineMissed), lineCovered, lineCovered + lineMissed,
                    pct(brCovered, brMissed), brCovered, brCovered + brMissed);
            if (module.equals("modules")) {
                byPackage.forEach((pkg, p) -> System.out.printf("    %-45s lines %5.1f%%%n", pkg, pct(p[1], p[0])));
            }
        }
        System.out.println();
    }

    private static double pct(long covered, long missed) {
        return covered + missed == 0 ? 100.0 : 100.0 * covered / (covered + missed);
    }
}
