package io.grantline.infra.web;

import java.net.URI;
import org.springframework.http.ResponseEntity;

/** The answer to a command that starts work: 202, the resource's id, and where it will appear. */
public record Accepted(String id) {

    public static ResponseEntity<Accepted> at(String collection, String id) {
        return ResponseEntity.accepted().location(URI.create(collection + "/" + id)).body(new Accepted(id));
    }

    /** For work whose result has no resource of its own to point at (a decision). */
    public static ResponseEntity<Accepted> of(String id) {
        return ResponseEntity.accepted().body(new Accepted(id));
    }
}
