package io.github.cameliot.emulator.tencent.iothub;

import java.util.List;

import io.github.cameliot.emulator.http.ActionHandler;
import io.github.cameliot.emulator.http.ApiServer;

/**
 * The actions on what the emulator does not model (private CA certificates, device and product resource files):
 * they answer their documented example, but only for a product that exists, as the cloud refuses the others with
 * {@code ResourceNotFound.ProductNotExist}. The resource actions name the product {@code ProductID} (capital D), and
 * only optionally.
 */
final class ExampleActions {

    static final List<String> ACTIONS = List.of("DeleteProductPrivateCA", "DescribeProductCA", "UpdateProductPrivateCA",
            "DescribeProductResource", "DescribeProductResources", "DescribeDeviceResource", "DescribeDeviceResources");

    private final IotHubState state;

    ExampleActions(IotHubState state) {
        this.state = state;
    }

    void register(ApiServer server, ActionHandler examples) {
        for (String action : ACTIONS) {
            server.handle(action, call -> {
                String productId = call.text("ProductId") != null ? call.text("ProductId") : call.text("ProductID");
                if (productId != null) {
                    state.locked(() -> state.product(productId));
                }
                return examples.handle(call);
            });
        }
    }
}
