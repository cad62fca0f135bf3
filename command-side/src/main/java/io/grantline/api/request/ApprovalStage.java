package io.grantline.api.request;

/** Who answers a stage: the beneficiary's manager, the entitlement's owner, or OT security. */
public enum ApprovalStage {
    MANAGER,
    RESOURCE_OWNER,
    OT_SECURITY
}
