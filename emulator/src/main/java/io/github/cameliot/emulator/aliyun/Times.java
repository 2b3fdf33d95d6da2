package io.github.cameliot.emulator.aliyun;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The IoT Platform's several ways of writing a time (they differ by action, as the document shows). */
final class Times {

    /** China Standard Time, in which the API's local times ({@code GmtCreate} of a device) are written. */
    private static final ZoneId CST = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CST);
    private static final DateTimeFormatter LOCAL_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(CST);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GMT = DateTimeFormatter.ofPattern("EEE, dd-MMM-yyyy HH:mm:ss 'GMT'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Times() {
    }

    /** {@code 2018-08-06 10:47:50}, China Standard Time. */
    static String local(long millis) {
        return LOCAL.format(Instant.ofEpochMilli(millis));
    }

    /** {@code 2018-08-31 15:32:28.205}, China Standard Time, as device status messages have it. */
    static String localMillis(long millis) {
        return LOCAL_MILLIS.format(Instant.ofEpochMilli(millis));
    }

    /** {@code 2018-08-06T02:47:50.000Z}. */
    static String utc(long millis) {
        return UTC.format(Instant.ofEpochMilli(millis));
    }

    /** {@code Wed, 20-Feb-2019 02:16:09 GMT}, as QueryDevice has it. */
    static String gmt(long millis) {
        return GMT.format(Instant.ofEpochMilli(millis));
    }
}
