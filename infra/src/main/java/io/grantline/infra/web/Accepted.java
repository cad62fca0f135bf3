package io.grantline.infra.web;

import java.net.URI;
import org.springframework.http.ResponseEntity;

/** The answer to a command that starts work: 202, the resource's id, and where it will appear. */
public record Accepted(String id) {

    public static ResponseEntity<Accepted> at(String collection, String id) {
        return ResponseEntity.accepted().location(URI.create(collection + "/" + id)).body(new Accepted(id));
    }

    /**
     * For work whose result has no resource of its own (a decision): {@code location} is where its effect shows, a
     * resource the caller may read (the request a decision moves, the reviewer's inbox an item leaves).
     */
    public static ResponseEntity<Accepted> showing(String location, String id) {
        return ResponseEntity.accepted().location(URI.create(location)).body(new Accepted(id));
    }
}
