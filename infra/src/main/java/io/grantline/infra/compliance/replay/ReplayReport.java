package io.grantline.infra.compliance.replay;

import java.util.List;

/**
 * What a replay found and did.
 *
 * @param events          events read from the event store and fed to the rebuilt read models
 * @param durationMs      the whole replay: rebuild, waiting for the live read models, comparison and swap
 * @param eventsPerSecond the rebuild's throughput (events over the time spent feeding them)
 * @param liveCaughtUp    whether the live read models had processed every replayed event in time; when not, the
 *                        differences partly show their lag and nothing was swapped
 * @param swapped         whether the live read models were reconciled to the rebuilt ones
 * @param differenceCount every difference found; {@code differences} lists the first {@value ReadModelReplay#MAX_LISTED}
 * @param differences     the differences, collection by collection
 */
public record ReplayReport(long events, long durationMs, double eventsPerSecond, boolean liveCaughtUp, boolean swapped,
                           long differenceCount, List<Difference> differences) {
}
