package io.github.cameliot.emulator.tencent.explorer;

import io.github.cameliot.emulator.EmulatedCloud;
import io.github.cameliot.emulator.EmulatorContext;

/** The Tencent IoT Explorer application API and its long connection. */
public final class ExplorerEmulator implements EmulatedCloud {

    @Override
    public void start(EmulatorContext context) {
        // SKELETON: to be written
    }

    @Override
    public void reset() {
    }

    @Override
    public void close() {
    }
}
