package io.grantline.api.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantline.api.request.ApprovalDecisionRecorded;
import io.grantline.api.request.DecisionAuthentication;

/**
 * Revision 1 said only whether the approver re-authenticated; revision 2 records how. An old decision is marked
 * {@code NOT_RECORDED} (re-authenticated) or {@code LINK_ONLY}: nothing more was known then.
 */
public final class ApprovalDecisionRecordedUpcaster extends JsonRevisionUpcaster {

    public ApprovalDecisionRecordedUpcaster() {
        super(ApprovalDecisionRecorded.class, "1", "2");
    }

    @Override
    void upcast(ObjectNode event) {
        boolean reauthenticated = event.path("reauthenticated").asBoolean(false);
        ObjectNode authentication = event.objectNode();
        authentication.put("method", (reauthenticated ? DecisionAuthentication.Method.NOT_RECORDED
                : DecisionAuthentication.Method.LINK_ONLY).name());
        authentication.putNull("signedInAt");
        event.set("authentication", authentication);
    }
}
