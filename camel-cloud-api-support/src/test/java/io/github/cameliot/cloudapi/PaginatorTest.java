package io.github.cameliot.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.github.cameliot.cloudapi.tencent.TencentCloudApiException;
import io.github.cameliot.cloudapi.test.Tc3Verifier;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaginatorTest {

    static final ActionSpec DESCRIBE_DEVICES =
            new ActionSpec("DescribeDevices", List.of("ProductId"), 20, true, Paging.offsetLimit("Devices", 250));

    private TencentApiServer api;

    @BeforeEach
    void start() throws Exception {
        api = new TencentApiServer();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void fetchesEveryPageUpToTheTotalCount() throws Exception {
        api.enqueueOk("req-0", Map.of("TotalCount", 5, "Devices", devices(0, 2)));
        api.enqueueOk("req-1", Map.of("TotalCount", 5, "Devices", devices(2, 2)));
        api.enqueueOk("req-2", Map.of("TotalCount", 5, "Devices", devices(4, 1)));

        ApiResult result = Paginator.fetchAll(api.client(), DESCRIBE_DEVICES, Map.of("ProductId", "P", "Limit", 2))
                .get(5, TimeUnit.SECONDS);

        assertThat(result.fields().get("Devices")).isEqualTo(devices(0, 5));
        assertThat(result.fields()).containsEntry("TotalCount", 5);
        assertThat(result.requestId()).isEqualTo("req-2");
        assertThat(api.server.getRequestCount()).isEqualTo(3);
        for (int offset : new int[] {0, 2, 4}) {
            RecordedRequest request = api.server.takeRequest();
            assertThat(Json.readMap(request.getBody().toByteArray()))
                    .isEqualTo(Map.of("ProductId", "P", "Limit", 2, "Offset", offset));
            Tc3Verifier.assertSigned(request, "iotcloud", TencentApiServer.SECRET_ID, TencentApiServer.SECRET_KEY);
        }
    }

    @Test
    void pageNumbersCountFromOneUpToTheTotalAtANestedPath() throws Exception {
        ActionSpec queryProducts = new ActionSpec("QueryProductList", List.of(), 0, true,
                Paging.pageNumber("CurrentPage", "PageSize", 200, "Data.List.ProductInfo", "Data.Total"));
        api.enqueueOk("req-0", Map.of("Data", Map.of("Total", 5, "List", Map.of("ProductInfo", devices(0, 2)))));
        api.enqueueOk("req-1", Map.of("Data", Map.of("Total", 5, "List", Map.of("ProductInfo", devices(2, 2)))));
        api.enqueueOk("req-2", Map.of("Data", Map.of("Total", 5, "PageSize", 2, "List", Map.of("ProductInfo", devices(4, 1)))));

        ApiResult result = Paginator.fetchAll(api.client(), queryProducts, Map.of("PageSize", "2")).get(5, TimeUnit.SECONDS);

        assertThat(FieldPath.get(result.fields(), "Data.List.ProductInfo")).isEqualTo(devices(0, 5));
        assertThat(FieldPath.get(result.fields(), "Data.PageSize")).isEqualTo(2);
        for (int page = 1; page <= 3; page++) {
            assertThat(Json.readMap(api.server.takeRequest().getBody().toByteArray()))
                    .isEqualTo(Map.of("CurrentPage", page, "PageSize", 2));
        }
    }

    @Test
    void aCursorIsFollowedWhileTheAnswerSaysMoreFollow() throws Exception {
        ActionSpec history = new ActionSpec("QueryDevicePropertyData", List.of(), 0, true,
                Paging.cursor("StartTime", "PageSize", 50, "Data.List.PropertyInfo", "Data.NextTime", "Data.NextValid"));
        api.enqueueOk("req-0", Map.of("Data", Map.of("NextValid", true, "NextTime", 2000, "List", Map.of("PropertyInfo", devices(0, 2)))));
        api.enqueueOk("req-1", Map.of("Data", Map.of("NextValid", false, "NextTime", 3000, "List", Map.of("PropertyInfo", devices(2, 1)))));

        ApiResult result = Paginator.fetchAll(api.client(), history, Map.of("StartTime", 1000, "EndTime", 9000))
                .get(5, TimeUnit.SECONDS);

        assertThat(FieldPath.get(result.fields(), "Data.List.PropertyInfo")).isEqualTo(devices(0, 3));
        assertThat(Json.readMap(api.server.takeRequest().getBody().toByteArray()))
                .isEqualTo(Map.of("StartTime", 1000, "EndTime", 9000, "PageSize", 50));
        assertThat(Json.readMap(api.server.takeRequest().getBody().toByteArray()))
                .isEqualTo(Map.of("StartTime", 2000, "EndTime", 9000, "PageSize", 50));
        assertThat(api.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aCursorThatDoesNotMoveEndsTheList() throws Exception {
        ActionSpec history = new ActionSpec("QueryDevicePropertyData", List.of(), 0, true,
                Paging.cursor("StartTime", "PageSize", 50, "Data.List.PropertyInfo", "Data.NextTime", "Data.NextValid"));
        api.enqueueOk("req-0", Map.of("Data", Map.of("NextValid", true, "NextTime", 1000, "List", Map.of("PropertyInfo", devices(0, 2)))));

        ApiResult result = Paginator.fetchAll(api.client(), history, Map.of("StartTime", 1000)).get(5, TimeUnit.SECONDS);

        assertThat(FieldPath.get(result.fields(), "Data.List.PropertyInfo")).isEqualTo(devices(0, 2));
        assertThat(api.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void startsAtTheRequestOffsetWithTheLargestPageByDefault() throws Exception {
        api.enqueueOk("req-0", Map.of("TotalCount", 260, "Devices", devices(7, 250)));
        api.enqueueOk("req-1", Map.of("TotalCount", 260, "Devices", devices(257, 3)));

        ApiResult result = Paginator.fetchAll(api.client(), DESCRIBE_DEVICES, Map.of("ProductId", "P", "Offset", "7"))
                .get(5, TimeUnit.SECONDS);

        assertThat(result.fields().get("Devices")).isEqualTo(devices(7, 253));
        assertThat(Json.readMap(api.server.takeRequest().getBody().toByteArray())).containsEntry("Offset", 7).containsEntry("Limit", 250);
        assertThat(Json.readMap(api.server.takeRequest().getBody().toByteArray())).containsEntry("Offset", 257).containsEntry("Limit", 250);
    }

    @Test
    void withoutTotalCountStopsAtAShortPage() throws Exception {
        api.enqueueOk("req-0", Map.of("Devices", devices(0, 3)));
        api.enqueueOk("req-1", Map.of("Devices", devices(3, 3)));
        api.enqueueOk("req-2", Map.of("Devices", devices(6, 0)));

        ApiResult result = Paginator.fetchAll(api.client(), DESCRIBE_DEVICES, Map.of("ProductId", "P", "Limit", 3))
                .get(5, TimeUnit.SECONDS);

        assertThat(result.fields().get("Devices")).isEqualTo(devices(0, 6));
        assertThat(api.server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void anEmptyPageEndsTheListEvenBelowTheTotal() throws Exception {
        api.enqueueOk("req-0", Map.of("TotalCount", 10, "Devices", devices(0, 2)));
        api.enqueueOk("req-1", Map.of("TotalCount", 10, "Devices", List.of()));

        ApiResult result = Paginator.fetchAll(api.client(), DESCRIBE_DEVICES, Map.of("ProductId", "P", "Limit", 2))
                .get(5, TimeUnit.SECONDS);

        assertThat(result.fields().get("Devices")).isEqualTo(devices(0, 2));
        assertThat(api.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aFailedPageFailsTheWholeList() {
        api.enqueueOk("req-0", Map.of("TotalCount", 5, "Devices", devices(0, 2)));
        api.enqueueError("req-1", "ResourceNotFound.ProductNotExist", "gone");

        Throwable thrown = catchThrowable(() -> Paginator.fetchAll(api.client(), DESCRIBE_DEVICES, Map.of("ProductId", "P", "Limit", 2))
                .get(5, TimeUnit.SECONDS));

        assertThat(thrown).isInstanceOf(ExecutionException.class).cause().isInstanceOf(TencentCloudApiException.class)
                .hasMessageContaining("ResourceNotFound.ProductNotExist");
        assertThat(api.server.getRequestCount()).isEqualTo(2);
    }

    private static List<Object> devices(int from, int count) {
        List<Object> devices = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            devices.add(Map.of("DeviceName", "dev" + i));
        }
        return devices;
    }
}
