package io.github.cameliot.emulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a {@link CloudEmulator} for the tests of a class: started before the first test, its state reset before each
 * test, closed after the last.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final CloudEmulatorExtension CLOUD = new CloudEmulatorExtension();
 *
 * @Test
 * void route() {
 *     String endpoint = CLOUD.emulator().iotHub().url().toString();
 * }
 * }</pre>
 */
public final class CloudEmulatorExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final CloudEmulator.Builder builder;
    private CloudEmulator emulator;

    public CloudEmulatorExtension() {
        this(CloudEmulator.builder());
    }

    public CloudEmulatorExtension(CloudEmulator.Builder builder) {
        this.builder = builder;
    }

    /** The running emulator. */
    public CloudEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("The cloud emulator runs only while the tests of the class run");
        }
        return emulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator = builder.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        emulator().reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }
}
