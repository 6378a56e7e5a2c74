package org.concord.app.modules;

import org.concord.app.shell.Presenters;
import org.concord.bus.InProcessEventBus;
import org.junit.jupiter.api.AfterEach;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** What the Modules tab's TestFX tests share: a robot, the presenters' thread and a bus, closed after each test. */
abstract class ModulesTabFixture {
    final FxRobot robot = new FxRobot();
    final Presenters presenters = new Presenters();
    final InProcessEventBus bus = new InProcessEventBus();

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        presenters.close();
        bus.close();
    }
}
