package io.github.cameliot.emulator.aliyun;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A device's history of one kind (property values or events), by identifier, as QueryDevicePropertyData and
 * QueryDeviceEventData page through it.
 */
final class DeviceHistory {

    /** One record: when, its event type (null for a property), and its fields as the API answers them. */
    record Entry(long time, String eventType, ObjectNode fields) {
    }

    /** One page: its records, whether more follow, and the {@code StartTime} of the next page. */
    record Page(List<Entry> entries, boolean nextValid, long nextTime) {
    }

    private final Map<String, List<Entry>> entries = new LinkedHashMap<>();

    void add(String identifier, Entry entry) {
        entries.computeIfAbsent(identifier, id -> new ArrayList<>()).add(entry);
    }

    /** The latest record of each identifier; of records of one millisecond, the last one made. */
    Map<String, Entry> latest() {
        Map<String, Entry> latest = new LinkedHashMap<>();
        entries.forEach((identifier, list) -> {
            for (Entry entry : list) {
                latest.merge(identifier, entry, (current, next) -> next.time() >= current.time() ? next : current);
            }
        });
        return latest;
    }

    /**
     * The records from {@code start} to {@code end} (both included) in the order asked, at most {@code pageSize}.
     * Like the cloud, the next page starts one millisecond past the page's last record.
     *
     * @param eventType only the events of this type, or null for all
     */
    Page page(String identifier, long start, long end, boolean ascending, int pageSize, String eventType) {
        long from = Math.min(start, end);
        long to = Math.max(start, end);
        List<Entry> matching = new ArrayList<>();
        for (Entry entry : entries.getOrDefault(identifier, List.of())) {
            if (entry.time() >= from && entry.time() <= to
                    && (eventType == null || eventType.equals(entry.eventType()))) {
                matching.add(entry);
            }
        }
        // stable: the records of one millisecond keep the order they were made in
        matching.sort(ascending ? Comparator.comparingLong(Entry::time)
                : Comparator.comparingLong(Entry::time).reversed());
        List<Entry> page = List.copyOf(matching.subList(0, Math.min(pageSize, matching.size())));
        boolean nextValid = matching.size() > page.size();
        long nextTime = page.isEmpty() ? start : page.get(page.size() - 1).time() + (ascending ? 1 : -1);
        return new Page(page, nextValid, nextTime);
    }
}
