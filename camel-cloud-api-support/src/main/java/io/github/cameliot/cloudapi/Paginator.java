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
            Map<String, Object> following = pageItems.isEmpty() ? null : paging.nextPage(request, fields, pageItems.size());
            if (following != null) {
                return next(client, action, following, items);
            }
            Map<String, Object> all = FieldPath.copyWith(fields, paging.itemsPath(), items);
            return CompletableFuture.completedFuture(new ApiResult(all, result.requestId()));
        });
    }
}
