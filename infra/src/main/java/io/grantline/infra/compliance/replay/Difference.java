package io.grantline.infra.compliance.replay;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One way a live read model differs from the one rebuilt from the events: a field of a document both have
 * ({@code field} is its dotted path, e.g. {@code stages.0.decision.at}), or a whole document only one side has
 * ({@code field} null, the missing side null, the other side the whole document). Values are shown as JSON: dates as
 * ISO-8601 instants, nested documents as objects; a field one side lacks is shown as null.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Difference(String collection, String id, String field, Object live, Object rebuilt) {
}
