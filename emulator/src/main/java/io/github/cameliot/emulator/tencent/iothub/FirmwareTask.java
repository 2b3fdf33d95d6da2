package io.github.cameliot.emulator.tencent.iothub;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A firmware upgrade task: the devices it upgrades to a version, and how far each one got as it reported. Its status
 * follows the devices: {@code WAITING} until one reports, {@code UPGRADING} while any is on its way,
 * {@code SUCCEEDED} when all are done, {@code FAILED} when all are done or failed and one failed, {@code CANCELLED}
 * by UpdateOtaTaskStatus (status 6). Read it through {@link IotHubEmulator#firmwareTask(long)}'s accessors.
 */
public final class FirmwareTask {

    /** The task's status. */
    public enum Status {
        WAITING, UPGRADING, SUCCEEDED, FAILED, CANCELLED
    }

    /** A device's progress, as it reports it on {@code $ota/report}. */
    public enum DeviceState {
        WAITING, DOWNLOADING, BURNING, DONE, FAIL, CANCELLED
    }

    final long id;
    final String productId;
    final String version;
    final Map<String, DeviceState> devices = new LinkedHashMap<>();
    final Map<String, Integer> percents = new LinkedHashMap<>();
    private final IotHubState state;
    private boolean cancelled;

    FirmwareTask(IotHubState state, long id, String productId, String version) {
        this.state = state;
        this.id = id;
        this.productId = productId;
        this.version = version;
    }

    public long id() {
        return id;
    }

    public String productId() {
        return productId;
    }

    public String version() {
        return version;
    }

    public Status status() {
        return state.locked(this::currentStatus);
    }

    /** A device's state in the task, or null when the task does not upgrade it. */
    public DeviceState deviceState(String deviceName) {
        return state.locked(() -> devices.get(deviceName));
    }

    /** A device's last reported progress in percent. */
    public int percent(String deviceName) {
        return state.locked(() -> percents.getOrDefault(deviceName, 0));
    }

    Status currentStatus() {
        if (cancelled) {
            return Status.CANCELLED;
        }
        boolean waiting = true;
        boolean finished = true;
        boolean failed = false;
        for (DeviceState device : devices.values()) {
            waiting &= device == DeviceState.WAITING;
            finished &= device == DeviceState.DONE || device == DeviceState.FAIL;
            failed |= device == DeviceState.FAIL;
        }
        if (finished) {
            return failed ? Status.FAILED : Status.SUCCEEDED;
        }
        return waiting ? Status.WAITING : Status.UPGRADING;
    }

    boolean isInProgress(Device device) {
        if (cancelled || !device.productId.equals(productId)) {
            return false;
        }
        DeviceState current = devices.get(device.name);
        return current == DeviceState.DOWNLOADING || current == DeviceState.BURNING;
    }

    /** Cancels what is not finished. */
    void cancel() {
        cancelled = true;
        devices.replaceAll((name, current) -> current == DeviceState.DONE || current == DeviceState.FAIL
                ? current : DeviceState.CANCELLED);
    }

    /** Records a device's report; false when the task does not upgrade the device any more. */
    boolean report(Device device, DeviceState reported, int percent) {
        DeviceState current = devices.get(device.name);
        if (!device.productId.equals(productId) || current == null || current == DeviceState.CANCELLED
                || current == DeviceState.DONE || current == DeviceState.FAIL) {
            return false;
        }
        devices.put(device.name, reported);
        percents.put(device.name, percent);
        if (reported == DeviceState.DONE) {
            device.firmwareVersion = version;
            device.firmwareUpdateSeconds = state.nowSeconds();
        }
        return true;
    }
}
