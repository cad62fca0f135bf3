package io.grantline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time went, from a flight recording, without a GUI: CPU samples by thread, by top frame, by package and by
 * the innermost Grantline frame on the stack; the longest monitor waits and thread parks by the code that waited;
 * sleeps and {@code Object.wait}; socket reads (PostgreSQL, MongoDB, SMTP round trips) by thread and client library.
 * Parks of idle threads are left out: pool workers waiting for work and processors waiting for events wait in their
 * own queues, not in anyone's way.
 *
 * <p>{@code JfrSummary run.jfr [--from=ISO-instant --to=ISO-instant] [--top=15] [--thread=process-bridge]}; with
 * {@code --thread}, only the threads whose name contains it. When {@code run.phases} (written by
 * {@link ProcessThroughputBenchmark}) lies beside the recording and no window is given, each phase is summarized on
 * its own.
 */
public final class JfrSummary {

    private static final Set<String> USED = Set.of("jdk.ExecutionSample", "jdk.JavaMonitorEnter", "jdk.ThreadPark",
            "jdk.ThreadSleep", "jdk.JavaMonitorWait", "jdk.SocketRead");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    /** Frames that say nothing about who waited: the JDK's locking and pool plumbing. */
    private static final List<String> PLUMBING = List.of("java.", "jdk.", "sun.", "com.zaxxer.hikari.util.ConcurrentBag");
    /** Idle workers parked in their pool's queue: waiting for work, not for a resource. */
    private static final List<String> IDLE = List.of("java.util.concurrent.ThreadPoolExecutor.getTask",
            // tracking processors and the event store's producer waiting for new events; the Mongo driver's heartbeat
            "org.axonframework.eventsourcing.eventstore.EmbeddedEventStore$EventConsumer.peekGlobalStream",
            "org.axonframework.eventsourcing.eventstore.EmbeddedEventStore$EventProducer.waitForData",
            "com.mongodb.internal.connection.DefaultServerMonitor",
            "java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue.take", "java.util.concurrent.ForkJoinPool.awaitWork",
            "org.apache.tomcat.util.threads.TaskQueue", "java.util.concurrent.SynchronousQueue");

    private JfrSummary() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].startsWith("--")) {
            System.out.println("usage: JfrSummary recording.jfr [--from=2026-12-01T10:00:00Z --to=…] [--top=15] [--thread=name-part]");
            return;
        }
        Path recording = Path.of(args[0]);
        int top = Integer.parseInt(option(args, "top", "15"));
        String thread = option(args, "thread", "");
        String from = option(args, "from", null);
        Path phases = Path.of(recording.toString().replaceAll("\\.jfr$", "") + ".phases");
        List<RecordedEvent> events = new ArrayList<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            // keep only what the tables use: a profile recording holds far more, and all of it would not fit the heap
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (USED.contains(event.getEventType().getName()) && (thread.isEmpty() || threadOf(event).contains(thread))) {
                    events.add(event);
                }
            }
        }
        if (from == null && Files.exists(phases)) {
            for (String line : Files.readAllLines(phases)) {
                // "<phase name, may hold spaces> <from> <to>"
                String[] phase = line.split(" ");
                int n = phase.length;
                summarize(String.join(" ", Arrays.copyOf(phase, n - 2)), events, Instant.parse(phase[n - 2]),
                        Instant.parse(phase[n - 1]), top);
            }
        } else {
            summarize("recording", events, from == null ? Instant.MIN : Instant.parse(from),
                    Instant.parse(option(args, "to", Instant.MAX.toString())), top);
        }
    }

    private static void summarize(String title, List<RecordedEvent> all, Instant from, Instant to, int top) {
        List<RecordedEvent> events = all.stream()
                .filter(e -> !e.getStartTime().isBefore(from) && !e.getStartTime().isAfter(to)).toList();
        List<RecordedEvent> samples = ofType(events, "jdk.ExecutionSample");
        System.out.printf(Locale.ROOT, "%n=== %s: %s .. %s, %,d execution samples%n", title, from, to, samples.size());
        countTop("CPU samples by thread (digits as #)", samples, JfrSummary::sampledThread, top);
        countTop("CPU samples by top frame", samples, e -> frame(e.getStackTrace(), 0), top);
        countTop("CPU samples by top frame's package", samples, e -> packageOf(frame(e.getStackTrace(), 0)), top);
        countTop("CPU samples by innermost Grantline frame (the Grantline code nearest the CPU)", samples,
                e -> firstFrame(e.getStackTrace(), "io.grantline."), top);
        sumTop("monitor enter (jdk.JavaMonitorEnter) by monitor class @ first non-JDK frame", ofType(events, "jdk.JavaMonitorEnter"),
                e -> className(e, "monitorClass") + " @ " + waiter(e.getStackTrace()), top);
        List<RecordedEvent> allParks = ofType(events, "jdk.ThreadPark");
        List<RecordedEvent> parks = allParks.stream().filter(e -> !idle(e.getStackTrace())).toList();
        System.out.printf(Locale.ROOT, "-- idle parks left out (pool workers waiting for work, processors waiting for events): %,d, %s%n",
                allParks.size() - parks.size(), seconds(allParks.stream().filter(e -> idle(e.getStackTrace()))
                        .mapToLong(e -> e.getDuration().toMillis()).sum()));
        sumTop("thread park (jdk.ThreadPark, idle pool workers left out) by first non-JDK frame", parks,
                e -> waiter(e.getStackTrace()), top);
        sumTop("thread park by thread", parks, JfrSummary::threadGroup, top);
        sumTop("sleeps (jdk.ThreadSleep) by first non-JDK frame", ofType(events, "jdk.ThreadSleep"),
                e -> waiter(e.getStackTrace()), top);
        sumTop("sleeps by thread", ofType(events, "jdk.ThreadSleep"), JfrSummary::threadGroup, top);
        sumTop("Object.wait (jdk.JavaMonitorWait) by first non-JDK frame", ofType(events, "jdk.JavaMonitorWait"),
                e -> waiter(e.getStackTrace()), top);
        sumTop("socket reads (jdk.SocketRead, ≥ 10 ms) by thread and client library (whom it waited for)",
                ofType(events, "jdk.SocketRead"), e -> threadGroup(e) + " via " + library(waiter(e.getStackTrace())), top);
    }

    private static List<RecordedEvent> ofType(List<RecordedEvent> events, String type) {
        return events.stream().filter(e -> e.getEventType().getName().equals(type)).toList();
    }

    private static void countTop(String title, List<RecordedEvent> events, Function<RecordedEvent, String> key, int top) {
        Map<String, Long> counts = new HashMap<>();
        events.forEach(e -> counts.merge(key.apply(e), 1L, Long::sum));
        System.out.println("-- " + title);
        print(counts, top, n -> String.format(Locale.ROOT, "%6d %5.1f%%", n, 100.0 * n / Math.max(1, events.size())));
    }

    private static void sumTop(String title, List<RecordedEvent> events, Function<RecordedEvent, String> key, int top) {
        Map<String, Long> millis = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        for (RecordedEvent e : events) {
            String k = key.apply(e);
            millis.merge(k, e.getDuration().toMillis(), Long::sum);
            counts.merge(k, 1L, Long::sum);
        }
        long total = millis.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "-- %s: %,d events, %s in all%n", title, events.size(), seconds(total));
        Map<String, String> shown = new HashMap<>();
        millis.forEach((k, ms) -> shown.put(k, String.format(Locale.ROOT, "%9s %6d×", seconds(ms), counts.get(k))));
        print(millis, top, null, shown);
    }

    private static void print(Map<String, Long> values, int top, Function<Long, String> format) {
        print(values, top, format, null);
    }

    private static void print(Map<String, Long> values, int top, Function<Long, String> format, Map<String, String> shown) {
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(values.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        sorted.stream().limit(top).forEach(entry -> System.out.println("  "
                + (shown != null ? shown.get(entry.getKey()) : format.apply(entry.getValue())) + "  " + entry.getKey()));
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", Duration.ofMillis(millis).toMillis() / 1000.0);
    }

    private static String threadGroup(RecordedEvent e) {
        return e.getThread() == null ? "?" : DIGITS.matcher(String.valueOf(e.getThread().getJavaName())).replaceAll("#");
    }

    private static String threadOf(RecordedEvent e) {
        return e.getEventType().getName().equals("jdk.ExecutionSample") ? sampledThread(e) : threadGroup(e);
    }

    /** An execution sample names the thread it sampled in a field of its own, not as the event's thread. */
    private static String sampledThread(RecordedEvent e) {
        RecordedThread thread = e.getThread("sampledThread");
        return thread == null ? "?" : DIGITS.matcher(String.valueOf(thread.getJavaName())).replaceAll("#");
    }

    private static String frame(RecordedStackTrace stack, int index) {
        if (stack == null || stack.getFrames().size() <= index) {
            return "?";
        }
        return name(stack.getFrames().get(index));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String packageOf(String frame) {
        int method = frame.lastIndexOf('.');
        int type = method <= 0 ? -1 : frame.lastIndexOf('.', method - 1);
        return type <= 0 ? frame : frame.substring(0, type);
    }

    private static String firstFrame(RecordedStackTrace stack, String prefix) {
        if (stack != null) {
            for (RecordedFrame frame : stack.getFrames()) {
                if (name(frame).startsWith(prefix)) {
                    return name(frame);
                }
            }
        }
        return "(no Grantline frame)";
    }

    /** The first frame that is not the JDK's locking machinery: the code that asked for the lock or the result. */
    private static String waiter(RecordedStackTrace stack) {
        if (stack != null) {
            for (RecordedFrame frame : stack.getFrames()) {
                String name = name(frame);
                if (PLUMBING.stream().noneMatch(name::startsWith)) {
                    return name + ":" + frame.getLineNumber();
                }
            }
        }
        return "?";
    }

    /** The first two parts of a frame's package: org.postgresql, com.mongodb, org.eclipse (angus mail), … */
    private static String library(String frame) {
        String[] parts = frame.split("\\.");
        return parts.length < 3 ? frame : parts[0] + "." + parts[1];
    }

    private static boolean idle(RecordedStackTrace stack) {
        return stack != null && stack.getFrames().stream().limit(8).map(JfrSummary::name)
                .anyMatch(name -> IDLE.stream().anyMatch(name::startsWith));
    }

    private static String className(RecordedEvent e, String field) {
        Object type = e.getValue(field);
        return type instanceof jdk.jfr.consumer.RecordedClass c ? c.getName() : "?";
    }

    private static String option(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return fallback;
    }
}
