package io.grantline.workflow.mail;

/** What a renderer made of an outbox row when the dispatcher came to send it. */
public sealed interface Rendering {

    /** The mail to send now. */
    record Ready(Mail mail) implements Rendering {
    }

    /** A read model does not know {@code what} yet: try again shortly; not a failure. */
    record NotYet(String what) implements Rendering {
    }

    /** Nothing to send, for good ({@code reason}, e.g. the recipient has no address): the row is done unsent. */
    record Skip(String reason) implements Rendering {
    }
}
