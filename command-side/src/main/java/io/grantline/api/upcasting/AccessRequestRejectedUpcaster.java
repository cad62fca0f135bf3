package io.grantline.api.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantline.api.request.AccessRequestRejected;
import io.grantline.api.request.RejectionReason;

/** Revision 2 names a separation-of-duties rejection {@code SOD_CONFLICT}, as the API does; revision 1 said SEPARATION_OF_DUTIES. */
public final class AccessRequestRejectedUpcaster extends JsonRevisionUpcaster {

    public AccessRequestRejectedUpcaster() {
        super(AccessRequestRejected.class, "1", "2");
    }

    @Override
    void upcast(ObjectNode event) {
        if ("SEPARATION_OF_DUTIES".equals(event.path("reason").asText())) {
            event.put("reason", RejectionReason.SOD_CONFLICT.name());
        }
    }
}
