package io.grantline.infra.web;

/** A read of something the read side does not (yet) know: answered 404. */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what + " not found", null, false, false);
    }
}
