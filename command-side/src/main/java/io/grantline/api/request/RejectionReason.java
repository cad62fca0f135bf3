package io.grantline.api.request;

/** Why a request ended without a grant. Revision 1 of AccessRequestRejected called SOD_CONFLICT SEPARATION_OF_DUTIES. */
public enum RejectionReason {
    /** An approver said no. */
    APPROVER_REJECTED,
    /** Nobody but the requester, the beneficiary or an earlier approver could answer a stage, and nobody stands above them. */
    NO_APPROVER,
    /** The beneficiary holds an entitlement that conflicts with the requested one (separation of duties). */
    SOD_CONFLICT,
    /** The entitlement was retired before the grant could start. */
    ENTITLEMENT_RETIRED,
    /** The beneficiary was no longer active when the grant was to start. */
    BENEFICIARY_INACTIVE,
    /** The beneficiary used break-glass as often as {@code grantline.break-glass.per-identity} allows already. */
    BREAK_GLASS_LIMIT,
    /** An extension's grant ended (it expired, or was revoked) before the extension was approved: nothing to extend. */
    GRANT_ENDED
}
