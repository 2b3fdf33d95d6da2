package io.github.cameliot.cloudapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Pages through a list action until every item is fetched, and answers as one page that holds them all: the last
 * page's answer with the items of every page at the {@link Paging#itemsPath() items path}. Pages are fetched one
 * after the other, each only when the previous one has arrived, through the client's quota and retries.
 */
public final class Paginator {

    private Paginator() {
    }

    /**
     * All items of the list from the request's position (the first page when it names none), with the request's page
     * size (the action's largest when it names none).
     */
    public static CompletableFuture<ApiResult> fetchAll(CloudApiClient client, ActionSpec action, Map<String, Object> parameters) {
        Map<String, Object> first = new LinkedHashMap<>(parameters);
        action.paging().firstPage(first);
        return next(client, action, first, new ArrayList<>());
    }

    private static CompletableFuture<ApiResult> next(
            CloudApiClient client, ActionSpec action, Map<String, Object> request, List<Object> items) {
        Paging paging = action.paging();
        return client.call(action, request).thenCompose(result -> {
            Map<String, Object> fields = result.fields();
            List<?> pageItems = FieldPath.get(fields, paging.itemsPath()) instanceof List<?> list ? list : List.of();
            items.addAll(pageItems);
            Map<String, Object> following = pageItems.isEmpty() ? null : following(paging, request, fields, pageItems.size(), items.size());
            if (following != null) {
                return next(client, action, following, items);
            }
            Map<String, Object> all = FieldPath.copyWith(fields, paging.itemsPath(), items);
            return CompletableFuture.completedFuture(new ApiResult(all, result.requestId()));
        });
    }

    /** The request for the page after this one, or {@code null} when this one is the last. */
    private static Map<String, Object> following(
            Paging paging, Map<String, Object> request, Map<String, Object> fields, int pageSize, int fetched) {
        long size = number(request.get(paging.sizeParameter()), paging.maxPageSize());
        Map<String, Object> next = new LinkedHashMap<>(request);
        switch (paging) {
            case Paging.Offset offset -> {
                long start = number(request.get(offset.offsetParameter()), 0);
                long total = number(FieldPath.get(fields, offset.totalPath()), -1);
                long nextOffset = start + pageSize;
                if (total >= 0 ? nextOffset >= total : pageSize < size) {
                    return null;
                }
                next.put(offset.offsetParameter(), nextOffset);
            }
            case Paging.PageNumber pages -> {
                long page = number(request.get(pages.pageParameter()), 1);
                long total = number(FieldPath.get(fields, pages.totalPath()), -1);
                if (total >= 0 ? (page - 1) * size + pageSize >= total : pageSize < size) {
                    return null;
                }
                next.put(pages.pageParameter(), page + 1);
            }
            case Paging.Cursor cursor -> {
                Object more = cursor.hasMorePath() == null ? Boolean.TRUE : FieldPath.get(fields, cursor.hasMorePath());
                Object position = FieldPath.get(fields, cursor.nextCursorPath());
                if (!isTrue(more) || position == null || "".equals(position) || position.equals(request.get(cursor.cursorParameter()))) {
                    return null;
                }
                next.put(cursor.cursorParameter(), position);
            }
        }
        return next;
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || value instanceof String text && Boolean.parseBoolean(text);
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
