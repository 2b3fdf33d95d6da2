package io.github.cameliot.emulator.tencent.iothub;

import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands messages to simulated devices: recorded as received while the state's lock is held, passed to the device's
 * listeners after it is released (a listener may call the emulator again, for example to report its shadow).
 */
final class DeviceMailbox {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceMailbox.class);

    private DeviceMailbox() {
    }

    /**
     * Records a message an online device receives; call with the state's lock held.
     *
     * @return the listener calls, to run once the lock is released
     */
    static Runnable receive(Device device, DeviceMessage message) {
        device.received.add(message);
        List<Consumer<DeviceMessage>> listeners = List.copyOf(device.listeners);
        String key = device.key();
        return () -> listeners.forEach(listener -> {
            try {
                listener.accept(message);
            } catch (RuntimeException e) {
                LOG.warn("The simulated device {} failed on a message of {}", key, message.topic(), e);
            }
        });
    }

    /** Delivers the QoS 1 messages kept while the device was offline; call with the state's lock held. */
    static Runnable flushOfflineQueue(Device device) {
        Runnable all = () -> { };
        while (!device.offlineQueue.isEmpty()) {
            Runnable before = all;
            Runnable next = receive(device, device.offlineQueue.poll());
            all = () -> {
                before.run();
                next.run();
            };
        }
        return all;
    }
}
