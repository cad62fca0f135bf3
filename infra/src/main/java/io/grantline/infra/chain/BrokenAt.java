package io.grantline.infra.chain;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The first place where the stored events no longer match their hash chain.
 *
 * @param aggregateId   the aggregate's id without its stream prefix ({@code grant:abc} → {@code abc}); null for a checkpoint
 * @param sequence      the event's sequence number in its stream (for a missing event: the one that is missing)
 * @param aggregateType the stream prefix ({@code grant}, {@code identity}, ...); null when the stream has none
 * @param globalIndex   the event's position in the global order, when the event is there
 * @param checkpointId  the checkpoint whose head no longer matches, for {@link Problem#CHECKPOINT_MISMATCH}
 * @param problem       what is wrong there
 * @param detail        what was found, in words, where the problem alone does not say it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BrokenAt(String aggregateId, Long sequence, String aggregateType, Long globalIndex, Long checkpointId,
                       Problem problem, String detail) {

    /** What verification found. */
    public enum Problem {
        /** The event's columns no longer give its stored hash: altered, or moved to another place in its stream. */
        HASH_MISMATCH,
        /** The event's payload, metadata or timestamp no longer parses. */
        UNREADABLE,
        /** An event without a hash: written to the table directly. */
        MISSING_HASH,
        /** A stream's sequence has a hole, or a hash remains for an event that is gone. */
        MISSING_EVENT,
        /** A checkpoint's head no longer matches the events it covered: events or whole streams deleted or moved. */
        CHECKPOINT_MISMATCH,
        /** A checkpoint's signature does not verify with the chain's key: rebuilt by someone without the key. */
        BAD_SIGNATURE,
        /** A checkpoint without a signature: made before signing existed and not adopted, or its signature removed. */
        UNSIGNED_CHECKPOINT,
        /** The store ends before the head a manifest or witness vouches for: restored to an earlier state. */
        ROLLED_BACK,
        /**
         * The store reaches the global index of a head a manifest or witness vouches for, but holds another history there,
         * validly signed: restored to an earlier state and gone on since, or rewritten and signed again.
         */
        HEAD_REPLACED,
        /**
         * The manifest or head was not signed with this Grantline's key, or was changed after signing ({@code detail}
         * names the field): it vouches for nothing here, so the store cannot be shown to hold it.
         */
        NOT_SIGNED_HERE
    }

    static BrokenAt event(String streamName, long sequence, Long globalIndex, Problem problem) {
        int colon = streamName.indexOf(':');
        return colon < 0
                ? new BrokenAt(streamName, sequence, null, globalIndex, null, problem, null)
                : new BrokenAt(streamName.substring(colon + 1), sequence, streamName.substring(0, colon), globalIndex, null, problem, null);
    }

    static BrokenAt checkpoint(long checkpointId, long upToGlobalIndex) {
        return checkpoint(checkpointId, upToGlobalIndex, Problem.CHECKPOINT_MISMATCH);
    }

    static BrokenAt checkpoint(long checkpointId, long upToGlobalIndex, Problem problem) {
        return new BrokenAt(null, null, null, upToGlobalIndex, checkpointId, problem, null);
    }

    static BrokenAt headNotHeld(long globalIndex, Problem problem, String detail) {
        return new BrokenAt(null, null, null, globalIndex, null, problem, detail);
    }

    static BrokenAt notSignedHere(Long globalIndex, String field, String detail) {
        return new BrokenAt(null, null, null, globalIndex, null, Problem.NOT_SIGNED_HERE, field + ": " + detail);
    }
}
