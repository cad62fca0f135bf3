package io.grantline.api.identity;

/** People and the non-human identities that reach control systems; every non-human one has a human owner. */
public enum IdentityKind {
    HUMAN,
    SERVICE_ACCOUNT,
    MACHINE,
    API_CREDENTIAL,
    AI_AGENT;

    public boolean isHuman() {
        return this == HUMAN;
    }
}
