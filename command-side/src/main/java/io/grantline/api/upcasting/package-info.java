/**
 * Upcasters: stored events live for decades, so an event whose JSON changes gets a new revision and an upcaster that
 * turns every older revision into the new one as it is read. The stored bytes (and their hashes) never change.
 */
package io.grantline.api.upcasting;
