package io.github.cameliot.emulator.tencent.iothub;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.cameliot.emulator.http.ApiError;
import io.github.cameliot.emulator.http.ApiServer;

/**
 * UpdateOtaTaskStatus, the one documented firmware action: cancels (status 6) what a firmware task has not
 * finished. The tasks themselves come from {@link IotHubEmulator#startFirmwareTask}, since the actions that create them
 * are not documented.
 */
final class FirmwareActions {

    /** The documented cancel status. */
    static final int CANCEL = 6;

    private final IotHubState state;

    FirmwareActions(IotHubState state) {
        this.state = state;
    }

    void register(ApiServer server) {
        server.handle("UpdateOtaTaskStatus", call -> state.locked(() -> {
            state.product(call.text("ProductId"));
            long taskId = call.params().path("TaskId").asLong(-1);
            FirmwareTask task = state.firmwareTasks.get(taskId);
            if (task == null || !task.productId.equals(call.text("ProductId"))) {
                throw new ApiError("ResourceNotFound.FirmwareTaskNotExist", "The firmware task " + taskId
                        + " does not exist.");
            }
            if (call.params().path("Status").asInt(-1) != CANCEL) {
                throw IotHubErrors.invalid("Status must be 6 (cancel).");
            }
            if (task.currentStatus() == FirmwareTask.Status.SUCCEEDED) {
                throw IotHubErrors.failed("DeviceFirmwareTaskAlreadDone", "The firmware task " + taskId
                        + " is done.");
            }
            task.cancel();
            return JsonNodeFactory.instance.objectNode();
        }));
    }
}
