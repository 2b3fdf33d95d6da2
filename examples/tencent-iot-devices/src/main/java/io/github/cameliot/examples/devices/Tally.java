package io.github.cameliot.examples.devices;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the routes saw and did, for the summary: a device is in sync once its shadow reports the brightness and the
 * colour it was told.
 */
final class Tally {

    private final String brightness;
    private final String color;
    private final Set<String> listed = ConcurrentHashMap.newKeySet();
    private final Set<String> online = ConcurrentHashMap.newKeySet();
    private final Set<String> inSync = ConcurrentHashMap.newKeySet();
    private final AtomicLong shadowChanges = new AtomicLong();
    private final AtomicLong desired = new AtomicLong();
    private final AtomicLong commands = new AtomicLong();

    Tally(String brightness, String color) {
        this.brightness = brightness;
        this.color = color;
    }

    void listed(String device) {
        listed.add(device);
    }

    void online(String device) {
        online.add(device);
    }

    void desired() {
        desired.incrementAndGet();
    }

    void commanded() {
        commands.incrementAndGet();
    }

    void shadowChanged(String device, Map<?, ?> shadow) {
        shadowChanges.incrementAndGet();
        if (shadow.get("reported") instanceof Map<?, ?> reported
            && Objects.equals(brightness, String.valueOf(reported.get("brightness")))
            && Objects.equals(color, String.valueOf(reported.get("color")))) {
            inSync.add(device);
        }
    }

    int listedCount() {
        return listed.size();
    }

    int inSyncCount() {
        return inSync.size();
    }

    Summary summary(int devices) {
        return new Summary(devices, online.size(), shadowChanges.get(), desired.get(), commands.get(), inSync.size());
    }

    /** The counts at the end. */
    record Summary(int devices, int online, long shadowChanges, long desiredStates, long commands, int inSync) {

        String table() {
            return String.join(System.lineSeparator(),
                    "+------------------+-------+",
                    row("devices", devices),
                    row("came online", online),
                    row("shadow changes", shadowChanges),
                    row("desired states", desiredStates),
                    row("commands sent", commands),
                    row("in sync", inSync),
                    "+------------------+-------+");
        }

        private static String row(String name, long count) {
            return String.format("| %-16s | %5d |", name, count);
        }
    }
}
