package io.github.cameliot.emulator;

/** One emulated cloud service: its API server and whatever else it runs (brokers, device simulators). */
public interface EmulatedCloud extends AutoCloseable {

    /** Starts the service on loopback ports of its choosing. */
    void start(EmulatorContext context) throws Exception;

    /** Forgets the state of the service, as if just started (the ports stay). */
    void reset();

    @Override
    void close();
}
