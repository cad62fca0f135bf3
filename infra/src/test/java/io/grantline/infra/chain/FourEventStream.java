package io.grantline.infra.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantline.infra.support.Api;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.EventStoreRows;
import java.util.List;

/** A new identity whose stream holds four events: registered, then three changes of roles (the second gives SECURITY_OPERATOR). */
final class FourEventStream {

    private FourEventStream() {
    }

    /** The identity's id; its stream is {@code identity:<id>}. */
    static String identity(Api admin, EventStoreRows eventStore, String name) {
        String id = new Catalog(admin).person(name, null);
        for (String roles : List.of("[\"SECURITY_OPERATOR\"]", "[\"OT_SECURITY\"]", "[]")) {
            assertThat(admin.put("/api/identities/" + id + "/roles", "{\"roles\":" + roles + "}").status()).isEqualTo(202);
        }
        assertThat(eventStore.countFor("identity:" + id)).isEqualTo(4);
        return id;
    }
}
