package io.grantline.command.request;

import io.grantline.api.entitlement.PrivilegeLevel;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.identity.IdentityKind;
import io.grantline.api.request.ApprovalPolicy;

/**
 * The site's approval policy (a decision table a site edits without code), asked once when a request is filed. The
 * answer names the table's key and the version that was evaluated, so the request's stream records which rules held.
 * For an emergency (break-glass) request the table names who reviews the grant afterwards and how long it may last.
 */
public interface ApprovalPolicyTable {

    ApprovalPolicy decide(RiskTier risk, PrivilegeLevel level, IdentityKind beneficiaryKind, String zone, boolean emergency);
}
