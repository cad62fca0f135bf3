package io.grantline.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grantline.api.common.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stored events live for decades: each event type's JSON is pinned in {@code src/test/resources/pinned-events}.
 * A change that alters the JSON of an existing revision fails here; it needs a new revision and an upcaster.
 * A new event type is pinned once with {@code -Dgrantline.pin-new-events=true}, which writes only missing files.
 */
class PinnedEventJsonTest {

    private final ObjectMapper json = EventJson.objectMapper();

    static Stream<Object> samples() {
        return EventSamples.ALL.stream();
    }

    @Test
    void everyEventTypeHasASample() {
        var sampled = EventSamples.ALL.stream().map(Object::getClass).toList();
        var declared = EventSamples.FAMILIES.stream().flatMap(family -> Arrays.stream(family.getPermittedSubclasses())).toList();
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(declared);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eventSerializesToItsPinnedJson(Object event) throws IOException {
        Revision revision = event.getClass().getAnnotation(Revision.class);
        assertThat(revision).as("@Revision on %s", event.getClass().getSimpleName()).isNotNull();

        JsonNode pinned = pinned(event.getClass().getSimpleName() + "-r" + revision.value() + ".json", event);
        assertThat(json.readTree(json.writeValueAsString(event))).isEqualTo(pinned);
        assertThat(json.treeToValue(pinned, event.getClass())).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eventBytesDoNotDependOnSetOrder(Object event) throws IOException {
        byte[] first = json.writeValueAsBytes(event);
        Object roundTripped = json.readValue(first, event.getClass());
        assertThat(json.writeValueAsBytes(roundTripped)).isEqualTo(first);
    }

    private JsonNode pinned(String name, Object event) throws IOException {
        Path source = Path.of("src/test/resources/pinned-events", name);
        if (Boolean.getBoolean("grantline.pin-new-events") && !Files.exists(source)) {
            Files.writeString(source, json.writerWithDefaultPrettyPrinter().writeValueAsString(event) + "\n");
            return json.readTree(Files.readString(source));
        }
        try (InputStream in = getClass().getResourceAsStream("/pinned-events/" + name)) {
            assertThat(in).as("pinned file %s (the event's JSON today would be written there)", name).isNotNull();
            return json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
