package io.grantline.infra.siem;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The security event stream, when {@code grantline.siem.syslog.host} names a receiver. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "grantline.siem.syslog", name = "host")
class SiemConfiguration {

    @Bean(destroyMethod = "shutdown")
    SyslogConnection syslogConnection(SiemSettings settings) {
        return new SyslogConnection(settings);
    }

    @Bean
    SecurityEventStream securityEventStream(SyslogConnection syslog, SiemSettings settings, ObjectMapper json,
                                            ObjectProvider<BuildProperties> build) {
        String version = build.getIfAvailable() == null ? "dev" : build.getIfAvailable().getVersion();
        return new SecurityEventStream(syslog, new SecurityEventFormat(settings.format(), hostname(), version), json);
    }

    /** A hundred events to a position update; it starts where the event store stands the first time it runs. */
    @Bean
    ConfigurerModule securityEventStreamStartsNow() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerTrackingEventProcessorConfiguration(
                SecurityEventStream.PROCESSING_GROUP, config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(100)
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken)));
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "-";
        }
    }
}
