package io.github.cameliot.emulator.tencent.iothub;

import java.util.List;

import io.github.cameliot.emulator.http.ApiCall;

/** Offset and Limit of the list actions, checked against the documented page sizes. */
final class Pages {

    private Pages() {
    }

    /** The page of {@code items} that Offset and Limit select; Limit must be within [min, max]. */
    static <T> List<T> page(ApiCall call, List<T> items, int min, int max) {
        long offset = call.params().path("Offset").asLong(0);
        long limit = call.params().path("Limit").asLong(max);
        if (offset < 0) {
            throw IotHubErrors.invalid("Offset " + offset + " is negative.");
        }
        if (limit < min || limit > max) {
            throw IotHubErrors.invalid("Limit " + limit + " is outside " + min + "-" + max + ".");
        }
        int from = (int) Math.min(offset, items.size());
        int to = (int) Math.min((long) from + limit, items.size());
        return items.subList(from, to);
    }
}
