package io.github.cameliot.cloudapi;

/**
 * How a list action pages: an offset and a page-size parameter, the response field with the page's items and the
 * one with the total count.
 *
 * @param offsetParameter the request parameter with the index of the first item, such as {@code Offset}
 * @param limitParameter  the request parameter with the page size, such as {@code Limit}
 * @param maxLimit        the largest page size the action accepts, used when the request names none
 * @param itemsField      the response field holding the page's items, such as {@code Devices}
 * @param totalField      the response field holding the total count, such as {@code TotalCount}
 */
public record Paging(String offsetParameter, String limitParameter, int maxLimit, String itemsField, String totalField) {

    /** The Tencent style: {@code Offset}, {@code Limit} and {@code TotalCount}. */
    public static Paging offsetLimit(String itemsField, int maxLimit) {
        return new Paging("Offset", "Limit", maxLimit, itemsField, "TotalCount");
    }
}
