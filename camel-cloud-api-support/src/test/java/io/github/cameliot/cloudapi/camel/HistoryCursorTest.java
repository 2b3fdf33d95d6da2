package io.github.cameliot.cloudapi.camel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistoryCursorTest {

    record Record(long time, String value) {

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("Value", value);
            body.put("Time", time);
            return body;
        }

        String fingerprint() {
            return HistoryCursor.fingerprint(body());
        }
    }

    /** Reads an answer the way a poller does, and says which records it delivers. */
    private static List<Record> deliver(HistoryCursor cursor, List<Record> answer) {
        List<Record> delivered = new ArrayList<>();
        HistoryCursor.Scan scan = cursor.scan();
        for (Record record : answer) {
            if (scan.isNew(record.time(), record.fingerprint())) {
                delivered.add(record);
                cursor.delivered(record.time(), record.fingerprint());
            }
        }
        return delivered;
    }

    @Test
    void recordsOfTheCursorsMillisecondAreSkippedOnlyAsOftenAsTheyWereDelivered() {
        Record a = new Record(100, "a");
        Record b = new Record(100, "b");
        Record c = new Record(101, "c");
        HistoryCursor cursor = HistoryCursor.at(100);
        assertThat(deliver(cursor, List.of(a))).containsExactly(a);
        assertThat(cursor.time()).isEqualTo(100);
        assertThat(cursor.deliveredAtTime()).isEqualTo(1);

        // asked again from 100: a was delivered, b (same millisecond, arrived later) and c are new
        assertThat(deliver(cursor, List.of(a, b, c))).containsExactly(b, c);
        assertThat(cursor.time()).isEqualTo(101);
        assertThat(cursor.deliveredAtTime()).isEqualTo(1);

        // nothing new: nothing delivered, whatever the order of the answer
        assertThat(deliver(cursor, List.of(b, a, c))).isEmpty();
    }

    @Test
    void identicalRecordsAtOneMillisecondAreDistinctRecords() {
        Record a = new Record(100, "same");
        HistoryCursor cursor = HistoryCursor.at(50);
        assertThat(deliver(cursor, List.of(new Record(60, "x"), a, a))).hasSize(3);
        assertThat(cursor.deliveredAtTime()).isEqualTo(2);
        // a third identical record at the same millisecond is new; the two known ones are not
        assertThat(deliver(cursor, List.of(a, a, a))).hasSize(1);
        assertThat(cursor.deliveredAtTime()).isEqualTo(3);
        assertThat(deliver(cursor, List.of(a, a, a))).isEmpty();
    }

    @Test
    void aStoredCursorReadsBackTheSame() {
        HistoryCursor cursor = HistoryCursor.at(1516541821600L);
        assertThat(cursor.toString()).isEqualTo("1516541821600");
        Record a = new Record(1516541821600L, "32");
        cursor.delivered(a.time(), a.fingerprint());
        cursor.delivered(a.time(), a.fingerprint());
        assertThat(cursor.toString()).isEqualTo("1516541821600 " + a.fingerprint() + " " + a.fingerprint());

        HistoryCursor read = HistoryCursor.parse(cursor.toString());
        assertThat(read.time()).isEqualTo(1516541821600L);
        assertThat(read.toString()).isEqualTo(cursor.toString());
        assertThat(deliver(read, List.of(a, a, a))).hasSize(1);

        assertThat(HistoryCursor.parse(" 42 ").time()).isEqualTo(42);
        assertThatThrownBy(() -> HistoryCursor.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HistoryCursor.parse("yesterday")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("yesterday");
        assertThatThrownBy(() -> HistoryCursor.parse("42 {\"a\":1}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fingerprintsDependOnTheContentNotOnTheOrderOfKeys() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("Value", "1");
        one.put("Time", 5L);
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("Time", 5L);
        other.put("Value", "1");
        assertThat(HistoryCursor.fingerprint(one)).isEqualTo(HistoryCursor.fingerprint(other)).hasSize(16)
                .matches("[A-Za-z0-9_-]+");
        other.put("Value", "2");
        assertThat(HistoryCursor.fingerprint(one)).isNotEqualTo(HistoryCursor.fingerprint(other));
    }

    @Test
    void theCursorNeverMovesBack() {
        HistoryCursor cursor = HistoryCursor.at(100);
        assertThatThrownBy(() -> cursor.delivered(99, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(cursor.scan().isNew(99, "x")).isFalse();
    }
}
