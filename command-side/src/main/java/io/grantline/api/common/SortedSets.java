package io.grantline.api.common;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sets inside messages are kept sorted: a stored event must serialize to the same bytes on every JVM, or its JSON
 * could not be pinned and its hash could not be recomputed ({@code Set.copyOf} iterates in a per-run random order).
 */
public final class SortedSets {

    private SortedSets() {
    }

    public static <T extends Comparable<? super T>> Set<T> of(Collection<T> values) {
        return values == null ? Collections.emptySortedSet() : Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }
}
