package io.grantline.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time spent during a phase, from Linux's /proc: the application's JVM (its process), PostgreSQL (every process
 * of this machine named {@code postgres}: the server's backends and helpers; a backend that exits during the phase
 * takes its share with it, so this may count a little short), this benchmark's own JVM (its HTTP clients and polls),
 * and the whole machine, plus the time the hypervisor took away (steal). On a shared
 * 2-core machine the rates move with whatever else runs; CPU milliseconds per request move much less, so they tell
 * whether a change made the work cheaper. Reads nothing (and prints that) where /proc is missing.
 */
final class CpuMeter {

    /** Linux's USER_HZ: /proc counts CPU time in hundredths of a second. */
    private static final double MILLIS_PER_TICK = 10;

    private final long pid;
    private final long[] machineAtStart;
    private final long processAtStart;
    private final long benchmarkAtStart;
    private final Map<Long, Long> postgresAtStart;

    private CpuMeter(long pid) {
        this.pid = pid;
        this.machineAtStart = machine();
        this.processAtStart = process(pid);
        this.benchmarkAtStart = process(ProcessHandle.current().pid());
        this.postgresAtStart = postgres();
    }

    static CpuMeter start(long pid) {
        return new CpuMeter(pid);
    }

    /**
     * "CPU per request: application 41.2 ms, PostgreSQL 15.8 ms, this benchmark 2.4 ms, whole machine 63.5 ms (machine 97%
     * busy, steal 0.0%)", for {@code count} requests.
     */
    String perRequest(int count, String unit) {
        long[] machine = machine();
        long process = process(pid);
        if (machine.length < 8 || machineAtStart.length < 8 || process < 0 || processAtStart < 0 || count == 0) {
            return "CPU per " + unit + ": not measured (no /proc here)";
        }
        long[] delta = new long[8];
        for (int i = 0; i < 8; i++) {
            delta[i] = machine[i] - machineAtStart[i];
        }
        long idle = delta[3] + delta[4];
        long all = Arrays.stream(delta).sum();
        long busy = all - idle - delta[7];
        long postgres = 0;
        for (Map.Entry<Long, Long> now : postgres().entrySet()) {
            postgres += now.getValue() - postgresAtStart.getOrDefault(now.getKey(), 0L);
        }
        long benchmark = process(ProcessHandle.current().pid()) - benchmarkAtStart;
        return String.format(Locale.ROOT, "CPU per %s: application %.1f ms, PostgreSQL %.1f ms, this benchmark %.1f ms, whole machine %.1f ms"
                        + " (machine %.0f%% busy, steal %.1f%%)",
                unit, (process - processAtStart) * MILLIS_PER_TICK / count, postgres * MILLIS_PER_TICK / count,
                benchmark * MILLIS_PER_TICK / count, busy * MILLIS_PER_TICK / count,
                all == 0 ? 0 : 100.0 * (busy + delta[7]) / all, all == 0 ? 0 : 100.0 * delta[7] / all);
    }

    /** user, nice, system, idle, iowait, irq, softirq, steal of the "cpu" line of /proc/stat, in ticks. */
    private static long[] machine() {
        try {
            String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
            return Arrays.stream(line.trim().split("\\s+")).skip(1).limit(8).mapToLong(Long::parseLong).toArray();
        } catch (IOException | RuntimeException unreadable) {
            return new long[0];
        }
    }

    /** utime + stime of every process named {@code postgres}, by pid, in ticks; empty where /proc is missing. */
    private static Map<Long, Long> postgres() {
        Map<Long, Long> ticks = new HashMap<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), entry -> entry.getFileName().toString().matches("\\d+"))) {
            for (Path process : processes) {
                try {
                    if ("postgres".equals(Files.readString(process.resolve("comm")).strip())) {
                        long pid = Long.parseLong(process.getFileName().toString());
                        long used = process(pid);
                        if (used >= 0) {
                            ticks.put(pid, used);
                        }
                    }
                } catch (IOException exited) {
                    // gone between the listing and the read
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return Map.of();
        }
        return ticks;
    }

    /** utime + stime of the process, in ticks, or -1. */
    private static long process(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) is in parentheses and may hold spaces: count fields after its closing one
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }
}
