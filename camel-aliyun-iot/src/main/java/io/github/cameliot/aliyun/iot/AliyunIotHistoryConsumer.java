package io.github.cameliot.aliyun.iot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.cameliot.cloudapi.FieldPath;
import io.github.cameliot.cloudapi.Json;
import io.github.cameliot.cloudapi.Paging;
import io.github.cameliot.cloudapi.aliyun.AliyunCloudApiException;
import io.github.cameliot.cloudapi.camel.HistoryCursor;
import io.github.cameliot.cloudapi.camel.PollDelivery;
import io.github.cameliot.cloudapi.camel.PollState;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a device history action ({@code QueryDevicePropertyData}, {@code QueryDeviceEventData}) for each watched
 * device and each of the {@code identifiers}, and delivers each new record once, oldest first.
 * <p>
 * Each stream (device and identifier) has a {@link HistoryCursor} in the state repository, under
 * {@code KIND/PRODUCT/DEVICE/IDENTIFIER}: the time of the last delivered record and the records delivered at that
 * millisecond. A poll asks for the records from the cursor's time (included) to now, in ascending time, and skips those
 * the cursor says were delivered; the cursor is stored after each exchange the route has processed without an
 * exception. A failed exchange ends its stream for this poll, so that nothing after it is delivered out of order, and
 * it is delivered again on the next poll. With an empty state a stream starts now, or {@code lookBack} before now; that
 * start is stored at once, so that what is recorded while the application is stopped is delivered when it starts again.
 * <p>
 * Within a poll the pages are followed while the answer says {@code NextValid}. The next page is asked for from the
 * time of the last delivered record rather than from the answer's {@code NextTime}, which lies past the last record of
 * the page (the documentation's example: one millisecond before it, in descending order), and would skip the records
 * of that millisecond that did not fit in the page. {@code NextTime} is followed only when a page holds nothing newer
 * than its start, which happens when more records than a page share one millisecond: those beyond the page are then
 * skipped by the API itself.
 */
abstract class AliyunIotHistoryConsumer extends AliyunIotPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(AliyunIotHistoryConsumer.class);

    /** How long the IoT Platform keeps the history: queries start no earlier. */
    static final Duration RETENTION = Duration.ofDays(30);
    /** How much later than the oldest kept record a query starts, against clocks that differ. */
    static final Duration RETENTION_MARGIN = Duration.ofMinutes(1);
    static final String IDENTIFIER = "Identifier";
    static final String START_TIME = "StartTime";
    static final String END_TIME = "EndTime";
    static final String ASC = "Asc";
    static final String TIME = "Time";

    private final String action;
    private final String stateKind;
    private Paging.Cursor paging;
    private Set<String> identifiers;
    private long lookBack;

    AliyunIotHistoryConsumer(AliyunIotEndpoint endpoint, Processor processor, String action, String stateKind) {
        super(endpoint, processor);
        this.action = action;
        this.stateKind = stateKind;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        AliyunIotConfiguration configuration = polling.configuration();
        identifiers = PollState.names(configuration.getIdentifiers());
        if (identifiers.isEmpty()) {
            throw new IllegalArgumentException(polling.uri() + " needs the identifiers option: the " + stateKind
                                               + " identifiers (TSL) to poll, comma separated");
        }
        lookBack = configuration.getLookBack();
        if (lookBack < 0 || lookBack > RETENTION.toMillis()) {
            throw new IllegalArgumentException(polling.uri() + ": the lookBack option must be 0 to 30 days (the IoT "
                                               + "Platform keeps 30 days of history), not " + lookBack + " ms");
        }
        paging = (Paging.Cursor) getEndpoint().getCatalog().spec(action).paging();
    }

    /** Adds the parameters of this kind of history to a query, such as EventType. */
    protected void addParameters(Map<String, Object> request) {
    }

    @Override
    protected int poll() throws Exception {
        int exchanges = 0;
        for (String deviceName : polling.deviceNames()) {
            for (String identifier : identifiers) {
                if (!isRunAllowed()) {
                    return exchanges;
                }
                try {
                    exchanges += pollStream(deviceName, identifier);
                } catch (AliyunCloudApiException e) {
                    if (!AliyunIotShadowConsumer.DEVICE_NOT_EXIST.equals(e.getErrorCode())) {
                        throw e;
                    }
                    LOG.warn("{}/{} does not exist: {}", polling.productKey(), deviceName, e.getMessage());
                    break;
                }
            }
        }
        return exchanges;
    }

    /** Delivers the new records of one stream; how many exchanges were delivered (failed ones included). */
    private int pollStream(String deviceName, String identifier) throws Exception {
        String key = polling.key(stateKind, deviceName, identifier);
        long now = System.currentTimeMillis();
        HistoryCursor cursor = cursor(key, now);
        long start = Math.max(cursor.time(), now - RETENTION.toMillis() + RETENTION_MARGIN.toMillis());
        int exchanges = 0;
        while (start < now) {
            Map<String, Object> request = polling.device(deviceName);
            request.put(IDENTIFIER, identifier);
            request.put(START_TIME, start);
            request.put(END_TIME, now);
            request.put(paging.sizeParameter(), polling.pageSize());
            request.put(ASC, 1);
            addParameters(request);
            Map<String, Object> fields = polling.call(action, request);
            List<Timed> records = records(fields, deviceName, identifier);
            HistoryCursor.Scan scan = cursor.scan();
            for (Timed record : records) {
                if (!isRunAllowed()) {
                    return exchanges;
                }
                String fingerprint = HistoryCursor.fingerprint(record.body());
                if (!scan.isNew(record.time(), fingerprint)) {
                    continue;
                }
                exchanges++;
                if (!deliver(deviceName, identifier, record)) {
                    return exchanges;
                }
                cursor.delivered(record.time(), fingerprint);
                polling.state().store(key, cursor.toString());
            }
            if (records.isEmpty() || !isTrue(FieldPath.get(fields, paging.hasMorePath()))) {
                break;
            }
            long next = cursor.time() > start ? cursor.time() : time(FieldPath.get(fields, paging.nextCursorPath()), -1);
            if (next <= start) {
                LOG.debug("{} of {}/{} {}: the next page would not start later than {}; the poll of this stream ends",
                        action, polling.productKey(), deviceName, identifier, start);
                break;
            }
            start = next;
        }
        return exchanges;
    }

    /** The stream's stored cursor; with none, one at now (less lookBack), stored at once. */
    private HistoryCursor cursor(String key, long now) {
        String stored = polling.state().get(key);
        if (stored != null) {
            try {
                return HistoryCursor.parse(stored);
            } catch (IllegalArgumentException e) {
                LOG.warn("Ignoring the unreadable state {}={}: {}; the stream starts again", key, stored, e.getMessage());
            }
        }
        HistoryCursor cursor = HistoryCursor.at(now - lookBack);
        polling.state().store(key, cursor.toString());
        LOG.debug("{} starts at {}", key, cursor);
        return cursor;
    }

    /**
     * The answer's records with their times, in ascending time (a stable sort: the answer's order within a millisecond
     * is kept).
     */
    private List<Timed> records(Map<String, Object> fields, String deviceName, String identifier) {
        List<Timed> records = new ArrayList<>();
        if (FieldPath.get(fields, paging.itemsPath()) instanceof List<?> items) {
            for (Object item : items) {
                if (!(item instanceof Map<?, ?> map)) {
                    continue;
                }
                Map<String, Object> body = Json.toParameters(map);
                long time = time(body.get(TIME), Long.MIN_VALUE);
                if (time == Long.MIN_VALUE) {
                    LOG.warn("{} of {}/{} {} answered a record without a Time; skipped: {}", action,
                            polling.productKey(), deviceName, identifier, body);
                    continue;
                }
                records.add(new Timed(time, body));
            }
        }
        records.sort(Comparator.comparingLong(Timed::time));
        return records;
    }

    private boolean deliver(String deviceName, String identifier, Timed record) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(AliyunIotConstants.PRODUCT_KEY, polling.productKey());
        headers.put(AliyunIotConstants.DEVICE_NAME, deviceName);
        headers.put(AliyunIotConstants.IDENTIFIER, identifier);
        headers.put(AliyunIotConstants.RECORD_TIME, record.time());
        return PollDelivery.deliver(this, headers, record.body(), "the " + stateKind + " record of " + polling.productKey()
                                                                  + "/" + deviceName + " " + identifier + " at "
                                                                  + record.time());
    }

    /** A time in milliseconds, which the API gives as a number or as text. */
    static long time(Object value, long absent) {
        Long time = Json.toLong(value);
        return time == null ? absent : time;
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || value instanceof String text && Boolean.parseBoolean(text.trim());
    }

    private record Timed(long time, Map<String, Object> body) {
    }
}
