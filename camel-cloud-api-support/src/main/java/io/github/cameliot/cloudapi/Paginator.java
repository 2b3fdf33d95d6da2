package io.github.cameliot.cloudapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Pages through an offset/limit list action until every item is fetched, and answers as one page that holds them
 * all. Pages are fetched one after the other, each only when the previous one has arrived, through the client's
 * quota and retries.
 */
public final class Paginator {

    private Paginator() {
    }

    /**
     * All items of the list, starting at the request's offset (0 when it names none), with the request's page size
     * (the action's largest when it names none).
     */
    public static CompletableFuture<ApiResult> fetchAll(CloudApiClient client, ActionSpec action, Map<String, Object> parameters) {
        Paging paging = action.paging();
        Map<String, Object> page = new LinkedHashMap<>(parameters);
        long offset = number(page.get(paging.offsetParameter()), 0);
        long limit = number(page.get(paging.limitParameter()), paging.maxLimit());
        page.put(paging.limitParameter(), limit);
        List<Object> items = new ArrayList<>();
        return next(client, action, page, offset, limit, items);
    }

    private static CompletableFuture<ApiResult> next(
            CloudApiClient client, ActionSpec action, Map<String, Object> page, long offset, long limit, List<Object> items) {
        Paging paging = action.paging();
        Map<String, Object> request = new LinkedHashMap<>(page);
        request.put(paging.offsetParameter(), offset);
        return client.call(action, request).thenCompose(result -> {
            List<?> pageItems = result.fields().get(paging.itemsField()) instanceof List<?> list ? list : List.of();
            items.addAll(pageItems);
            long total = number(result.fields().get(paging.totalField()), -1);
            long nextOffset = offset + pageItems.size();
            boolean more = !pageItems.isEmpty() && (total >= 0 ? nextOffset < total : pageItems.size() >= limit);
            if (more) {
                return next(client, action, page, nextOffset, limit, items);
            }
            Map<String, Object> fields = new LinkedHashMap<>(result.fields());
            fields.put(paging.itemsField(), items);
            return CompletableFuture.completedFuture(new ApiResult(fields, result.requestId()));
        });
    }

    private static long number(Object value, long absent) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text && !text.isBlank()) {
            return Long.parseLong(text.trim());
        }
        return absent;
    }
}
