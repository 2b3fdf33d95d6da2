package io.github.cameliot.cloudapi.camel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.cameliot.cloudapi.Json;

/**
 * Where a poller of a time-ordered history stands: the time of the last record it delivered, and which records it
 * delivered at that very millisecond. A history (property values, events) is read in ascending time from a start time
 * that the query includes; asking again from the cursor's time returns the records of that millisecond once more, and
 * the cursor tells those already delivered (skipped) from those not yet delivered (new). So records that share a
 * millisecond are neither repeated nor lost, whether a page boundary, a failed exchange or a restart falls between
 * them, and whether or not they arrive in the same poll.
 * <p>
 * A record is known by its {@linkplain #fingerprint fingerprint}, a hash of its content. Two records with the same
 * content at the same millisecond are two records: the cursor counts each fingerprint as often as it was delivered.
 * <p>
 * As text ({@link #toString()}, {@link #parse}): the time in milliseconds since the epoch, followed by the fingerprint
 * of each record delivered at that time, separated by spaces, such as {@code 1516541821600 q3X9b0aLk2Vd5RmN}. A time
 * alone is a cursor too: to replay a history from a time, store that time.
 * <p>
 * Not thread-safe: one poller owns it.
 */
public final class HistoryCursor {

    private static final Pattern FINGERPRINT = Pattern.compile("[A-Za-z0-9_-]+");
    private static final ObjectWriter CANONICAL = Json.MAPPER.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private long time;
    private final List<String> delivered;

    private HistoryCursor(long time, List<String> delivered) {
        this.time = time;
        this.delivered = delivered;
    }

    /** A cursor at that time, with nothing delivered yet: every record from that time on, that time included, is new. */
    public static HistoryCursor at(long time) {
        return new HistoryCursor(time, new ArrayList<>());
    }

    /**
     * A cursor as {@link #toString()} wrote it, or a time alone.
     *
     * @throws IllegalArgumentException when the text is not a cursor
     */
    public static HistoryCursor parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\s+");
        if (parts.length == 0 || parts[0].isEmpty()) {
            throw new IllegalArgumentException("Not a history cursor: it is empty");
        }
        long time;
        try {
            time = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a history cursor: '" + parts[0] + "' is not a time in milliseconds");
        }
        List<String> delivered = new ArrayList<>(parts.length - 1);
        for (int i = 1; i < parts.length; i++) {
            if (!FINGERPRINT.matcher(parts[i]).matches()) {
                throw new IllegalArgumentException("Not a history cursor: '" + parts[i] + "' is not a record fingerprint");
            }
            delivered.add(parts[i]);
        }
        return new HistoryCursor(time, delivered);
    }

    /** The time of the last delivered record, or the time the history is read from when none was delivered. */
    public long time() {
        return time;
    }

    /** How many records were delivered at {@link #time()}. */
    public int deliveredAtTime() {
        return delivered.size();
    }

    /**
     * Starts reading one answer of a query that began at or before {@link #time()}: its records, in ascending time,
     * go through {@link Scan#isNew} one by one.
     */
    public Scan scan() {
        return new Scan();
    }

    /**
     * Moves the cursor past a record the route has processed.
     *
     * @throws IllegalArgumentException when the record is older than the cursor (the history is read in ascending time)
     */
    public void delivered(long recordTime, String fingerprint) {
        if (recordTime < time) {
            throw new IllegalArgumentException("A record at " + recordTime + " is older than the cursor at " + time);
        }
        if (recordTime > time) {
            time = recordTime;
            delivered.clear();
        }
        delivered.add(fingerprint);
    }

    /**
     * The fingerprint of a record: a hash of its content as canonical JSON (object keys sorted), 16 characters of
     * URL-safe base64 (96 bits).
     */
    public static String fingerprint(Object record) {
        byte[] json;
        try {
            json = CANONICAL.writeValueAsString(record).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the record as JSON: " + e.getOriginalMessage(), e);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The cursor as text: the time, then the fingerprints of the records delivered at that time. */
    @Override
    public String toString() {
        if (delivered.isEmpty()) {
            return Long.toString(time);
        }
        return time + " " + String.join(" ", delivered);
    }

    /**
     * One answer being read: which of its records are new. Records older than the cursor are not; of those at the
     * cursor's time, as many of each fingerprint as were delivered before this answer are not; every other one is.
     */
    public final class Scan {

        private final long skipTime = time;
        private final Map<String, Integer> skip = new HashMap<>();

        private Scan() {
            delivered.forEach(fingerprint -> skip.merge(fingerprint, 1, Integer::sum));
        }

        /** Whether the record (the next one of the answer) has not been delivered yet. */
        public boolean isNew(long recordTime, String fingerprint) {
            if (recordTime < time) {
                return false;
            }
            if (recordTime == skipTime) {
                Integer count = skip.get(fingerprint);
                if (count != null) {
                    if (count == 1) {
                        skip.remove(fingerprint);
                    } else {
                        skip.put(fingerprint, count - 1);
                    }
                    return false;
                }
            }
            return true;
        }
    }
}
