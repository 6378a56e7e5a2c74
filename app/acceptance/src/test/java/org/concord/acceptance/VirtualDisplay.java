package org.concord.acceptance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An X server of our own (Xvfb) on a free display number: the desk draws there with its real GTK glass, and the
 * suite sends real input to it (xdotool, XTEST) and reads its pixels back (ImageMagick's import). No window
 * manager runs: the app's own placement decides where its window lands.
 */
final class VirtualDisplay implements AutoCloseable {
    private final String name;
    private final Process xvfb;
    final int width;
    final int height;

    private VirtualDisplay(String name, Process xvfb, int width, int height) {
        this.name = name;
        this.xvfb = xvfb;
        this.width = width;
        this.height = height;
    }

    static VirtualDisplay start(int width, int height) throws IOException, InterruptedException {
        for (int n = 140 + (int) (ProcessHandle.current().pid() % 40); n < 400; n++) {
            Path socket = Path.of("/tmp/.X11-unix/X" + n);
            if (Files.exists(socket) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            Process p = new ProcessBuilder(List.of("Xvfb", ":" + n, "-screen", "0", width + "x" + height + "x24", "-nolisten", "tcp"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline && p.isAlive() && !Files.exists(socket)) {
                Thread.sleep(50);
            }
            if (p.isAlive() && Files.exists(socket)) {
                return new VirtualDisplay(":" + n, p, width, height);
            }
            p.destroyForcibly();
        }
        throw new IllegalStateException("no free X display number for Xvfb");
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        xvfb.destroy();
        try {
            if (!xvfb.waitFor(5, TimeUnit.SECONDS)) {
                xvfb.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
