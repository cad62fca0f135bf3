package io.grantline.infra.links;

/** Why a link was not accepted; the page says so in plain words, with the status each case deserves. */
public class LinkRefused extends RuntimeException {

    public enum Why {
        /** Not a link Grantline signed, or altered: 404, as if it never existed. */
        FORGED,
        /** Signed, but past its stage's deadline: 410. */
        EXPIRED
    }

    private final Why why;

    LinkRefused(Why why) {
        super(why.name(), null, false, false);
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
