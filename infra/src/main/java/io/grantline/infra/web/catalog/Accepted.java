package io.grantline.infra.web.catalog;

import java.net.URI;
import org.springframework.http.ResponseEntity;

/** The answer to a command that starts work: 202, the new resource's id, and where it will appear. */
record Accepted(String id) {

    static ResponseEntity<Accepted> at(String collection, String id) {
        return ResponseEntity.accepted().location(URI.create(collection + "/" + id)).body(new Accepted(id));
    }
}
