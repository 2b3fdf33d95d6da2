package io.github.cameliot.emulator.aliyun;

import io.github.cameliot.emulator.EmulatedCloud;
import io.github.cameliot.emulator.EmulatorContext;

/** The Alibaba Cloud IoT Platform API (2018-01-20). */
public final class AliyunIotEmulator implements EmulatedCloud {

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
