package io.grantline.infra.axon;

import io.grantline.workflow.bridge.LockoutBridge;
import io.grantline.workflow.bridge.ProcessBridge;
import java.util.Optional;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where the lockout bridge starts reading the first time it runs on a database: where the process bridge stands.
 * Before the lockout bridge existed, the process bridge reacted to compromises, departures and suspensions, so an
 * existing database's identity events up to its position have had their lockout; read again, they would lock out
 * once more identities reinstated since, revoking what was granted to them afterwards. A new database has no process
 * bridge position yet, and the lockout bridge reads from the start.
 */
@Configuration
class LockoutBridgeStart {

    @Bean
    ConfigurerModule lockoutBridgeStartsWhereTheProcessBridgeStands(JdbcClient jdbc, Serializer serializer) {
        return configurer -> configurer.eventProcessing(processing -> processing.registerTrackingEventProcessorConfiguration(
                LockoutBridge.PROCESSING_GROUP, config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialTrackingToken(source -> positionOf(ProcessBridge.PROCESSING_GROUP, jdbc, serializer)
                                .orElseGet(source::createTailToken))));
    }

    /** A single-segment processor's stored position, as its token store wrote it. */
    static Optional<TrackingToken> positionOf(String processor, JdbcClient jdbc, Serializer serializer) {
        return jdbc.sql("SELECT token, tokentype FROM tokenentry WHERE processorname = ? AND segment = 0 AND token IS NOT NULL")
                .param(processor)
                .query((row, number) -> serializer.<byte[], TrackingToken>deserialize(
                        new SimpleSerializedObject<>(row.getBytes(1), byte[].class, row.getString(2), null)))
                .optional();
    }
}
