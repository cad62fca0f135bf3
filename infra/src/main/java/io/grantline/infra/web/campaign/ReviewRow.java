package io.grantline.infra.web.campaign;

/** One item on the review page, in words. */
record ReviewRow(String itemId, String holder, String resource, String entitlementId, String risk, boolean needsSignIn,
                 String heldFor, String heldSince, String approvedHow, String lastCertified, String dueAt) {
}
