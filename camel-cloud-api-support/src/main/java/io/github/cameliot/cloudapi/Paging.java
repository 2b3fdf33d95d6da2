package io.github.cameliot.cloudapi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a list action pages, so that {@link Paginator} can fetch every page. Three styles exist across the clouds: an
 * item offset (Tencent {@code Offset}/{@code Limit}), a page number (Alibaba {@code CurrentPage}/{@code PageSize})
 * and a cursor that each page hands to the next (Alibaba {@code NextTime}, {@code NextToken}).
 * <p>
 * Response fields are named by dotted paths into the answer, such as {@code Data.List.ProductInfo}.
 */
public sealed interface Paging {

    /** The request parameter with the page size. */
    String sizeParameter();

    /** The largest page size the action accepts, used when the request names none. */
    int maxPageSize();

    /** The path of the response field that holds the page's items. */
    String itemsPath();

    /**
     * Puts the first page's position and the largest page size where the request leaves them out, and makes those
     * given as text numbers.
     */
    void firstPage(Map<String, Object> parameters);

    /**
     * The request for the page after this one, or {@code null} when this one is the last.
     *
     * @param request   this page's request
     * @param fields    this page's answer
     * @param pageItems how many items this page held (more than 0)
     */
    Map<String, Object> nextPage(Map<String, Object> request, Map<String, Object> fields, int pageItems);

    /** The Tencent style: {@code Offset}, {@code Limit} and {@code TotalCount}. */
    static Offset offsetLimit(String itemsField, int maxLimit) {
        return new Offset("Offset", "Limit", maxLimit, itemsField, "TotalCount", null);
    }

    /** Pages numbered from 1, with the total item count at {@code totalPath}. */
    static PageNumber pageNumber(String pageParameter, String sizeParameter, int maxPageSize, String itemsPath, String totalPath) {
        return new PageNumber(pageParameter, sizeParameter, maxPageSize, itemsPath, totalPath);
    }

    /**
     * A cursor: the answer's {@code nextCursorPath} is sent as {@code cursorParameter} for the next page, while the
     * flag at {@code hasMorePath} is true ({@code null}: while a cursor is returned).
     */
    static Cursor cursor(String cursorParameter, String sizeParameter, int maxPageSize, String itemsPath,
                         String nextCursorPath, String hasMorePath) {
        return new Cursor(cursorParameter, sizeParameter, maxPageSize, itemsPath, nextCursorPath, hasMorePath);
    }

    /**
     * @param offsetParameter the request parameter with the index of the first item, such as {@code Offset}
     * @param sizeParameter   the request parameter with the page size, such as {@code Limit}
     * @param totalPath       the response field holding the total count, such as {@code TotalCount}
     * @param carriedField    a field of the answer that the following pages must send back as the parameter of that
     *                        name, such as the query task {@code TaskRequestId} the first page started, or {@code null}
     */
    record Offset(String offsetParameter, String sizeParameter, int maxPageSize, String itemsPath, String totalPath,
                  String carriedField) implements Paging {

        /** The same paging, with the following pages sending back the answer's {@code field}. */
        public Offset carrying(String field) {
            return new Offset(offsetParameter, sizeParameter, maxPageSize, itemsPath, totalPath, field);
        }

        /** The same paging, with the total count at another path. */
        public Offset withTotal(String path) {
            return new Offset(offsetParameter, sizeParameter, maxPageSize, itemsPath, path, carriedField);
        }

        @Override
        public void firstPage(Map<String, Object> parameters) {
            parameters.put(offsetParameter, number(parameters.get(offsetParameter), 0));
            parameters.put(sizeParameter, number(parameters.get(sizeParameter), maxPageSize));
        }

        @Override
        public Map<String, Object> nextPage(Map<String, Object> request, Map<String, Object> fields, int pageItems) {
            long nextOffset = number(request.get(offsetParameter), 0) + pageItems;
            long total = number(FieldPath.get(fields, totalPath), -1);
            if (total >= 0 ? nextOffset >= total : pageItems < number(request.get(sizeParameter), maxPageSize)) {
                return null;
            }
            Map<String, Object> next = with(request, offsetParameter, nextOffset);
            if (carriedField != null && fields.get(carriedField) instanceof String carried && !carried.isEmpty()) {
                next.put(carriedField, carried);
            }
            return next;
        }
    }

    /**
     * @param pageParameter the request parameter with the page number, from 1, such as {@code CurrentPage}
     * @param totalPath     the response field holding the total item count, such as {@code Data.Total}
     */
    record PageNumber(String pageParameter, String sizeParameter, int maxPageSize, String itemsPath, String totalPath)
            implements Paging {

        @Override
        public void firstPage(Map<String, Object> parameters) {
            parameters.put(pageParameter, number(parameters.get(pageParameter), 1));
            parameters.put(sizeParameter, number(parameters.get(sizeParameter), maxPageSize));
        }

        @Override
        public Map<String, Object> nextPage(Map<String, Object> request, Map<String, Object> fields, int pageItems) {
            long page = number(request.get(pageParameter), 1);
            long size = number(request.get(sizeParameter), maxPageSize);
            long total = number(FieldPath.get(fields, totalPath), -1);
            if (total >= 0 ? (page - 1) * size + pageItems >= total : pageItems < size) {
                return null;
            }
            return with(request, pageParameter, page + 1);
        }
    }

    /**
     * @param cursorParameter the request parameter that takes the cursor, such as {@code StartTime}
     * @param nextCursorPath  the response field with the next page's cursor, such as {@code Data.NextTime}
     * @param hasMorePath     the response field that says whether a next page exists, such as {@code Data.NextValid},
     *                        or {@code null} when a returned cursor says it
     */
    record Cursor(String cursorParameter, String sizeParameter, int maxPageSize, String itemsPath, String nextCursorPath,
                  String hasMorePath) implements Paging {

        @Override
        public void firstPage(Map<String, Object> parameters) {
            parameters.put(sizeParameter, number(parameters.get(sizeParameter), maxPageSize));
        }

        /** The cursor must move: an answer that hands back the cursor it was asked for ends the list. */
        @Override
        public Map<String, Object> nextPage(Map<String, Object> request, Map<String, Object> fields, int pageItems) {
            Object more = hasMorePath == null ? Boolean.TRUE : FieldPath.get(fields, hasMorePath);
            Object cursor = FieldPath.get(fields, nextCursorPath);
            boolean hasMore = Boolean.TRUE.equals(more) || more instanceof String text && Boolean.parseBoolean(text);
            if (!hasMore || cursor == null || "".equals(cursor) || String.valueOf(cursor).equals(String.valueOf(request.get(cursorParameter)))) {
                return null;
            }
            return with(request, cursorParameter, cursor);
        }
    }

    private static Map<String, Object> with(Map<String, Object> request, String name, Object value) {
        Map<String, Object> next = new LinkedHashMap<>(request);
        next.put(name, value);
        return next;
    }

    private static long number(Object value, long absent) {
        Long number = Json.toLong(value);
        return number == null ? absent : number;
    }
}
