package io.grantline.infra.axon;

import io.grantline.workflow.actor.CausingActor;

/** The metadata keys that say who caused a command and its events, through which channel, from which address. */
public final class ActorMetadata {

    public static final String ACTOR_ID = CausingActor.METADATA_KEY;
    public static final String CHANNEL = "channel";
    public static final String ADDRESS = "address";
    public static final String REAUTHENTICATED = "reauthenticated";
    public static final String CORRELATION_ID = "correlationId";

    static final String[] KEYS = {ACTOR_ID, CHANNEL, ADDRESS, REAUTHENTICATED, CORRELATION_ID};

    /** The request attribute a web entry point sets to name its channel (EMAIL_LINK, WEB, API). */
    public static final String CHANNEL_ATTRIBUTE = "grantline.channel";

    /**
     * The request attribute a web entry point sets when the actor is proven by something other than a sign-in: an
     * approval link names its approver.
     */
    public static final String ACTOR_ATTRIBUTE = "grantline.actor";

    /** The actor of work that no person started directly: timers, processes, start-up. */
    public static final String SYSTEM = "system";

    private ActorMetadata() {
    }
}
