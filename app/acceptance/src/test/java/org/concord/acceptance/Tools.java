package org.concord.acceptance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The OS tools the suite drives the desk with; their absence skips the suite (or fails it where it is required). */
final class Tools {
    static final List<String> NEEDED = List.of("Xvfb", "xdotool", "import");

    private Tools() {
    }

    /** The tools missing from PATH (empty when all are there). */
    static List<String> missing() {
        List<String> out = new ArrayList<>();
        for (String t : NEEDED) {
            if (!onPath(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command to completion (bounded), returning its standard output; fails loudly on a non-zero exit. */
    static String run(List<String> cmd, String display, long timeoutSeconds) {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (display != null) {
            pb.environment().put("DISPLAY", display);
        }
        try {
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + ": no exit within " + timeoutSeconds + " s");
            }
            String s = new String(out);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " exited " + p.exitValue() + ": " + s.trim());
            }
            return s;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cmd.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + cmd.get(0), e);
        }
    }
}
