package io.grantline.workflow.identity;

import java.util.Collection;

/**
 * Reads the event streams of many aggregates with one query, for the commands that follow in the same unit of work:
 * a bulk step (the kill switch revoking a thousand grants) then loads each aggregate from memory instead of making a
 * round trip per aggregate. The event store implements it; a stream changed meanwhile by another transaction is caught
 * at append time, as any concurrent change is (the step's job fails and is retried).
 */
public interface StreamReadAhead {

    /** Reads the streams now; a later load of one of them in the current unit of work takes the events read here, once. */
    void readAhead(Collection<String> aggregateIdentifiers);
}
