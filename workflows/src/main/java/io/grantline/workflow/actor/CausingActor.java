package io.grantline.workflow.actor;

import java.util.Optional;

/**
 * Who caused the process step running on this thread. Steps run as jobs, long after the event that moved the process,
 * so the bridge keeps the causing event's actor as the process variable {@value #VARIABLE} and
 * {@link CausingActorInterceptor} puts it here while a step runs: the commands the step sends, and their events, name
 * that person (an operator who marked someone compromised, the approver whose decision granted) with channel PROCESS.
 */
public final class CausingActor {

    /** The process variable holding the id of whoever caused the latest move of the process. */
    public static final String VARIABLE = "causedBy";

    /** The message metadata key naming who caused a command or event (infra's {@code ActorMetadata.ACTOR_ID}). */
    public static final String METADATA_KEY = "actorId";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private CausingActor() {
    }

    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    static void set(String actorId) {
        CURRENT.set(actorId);
    }

    static void clear() {
        CURRENT.remove();
    }
}
