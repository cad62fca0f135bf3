package io.grantline.infra.config;

import java.time.Clock;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock everything reads the time from; tests move it instead of sleeping. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        Clock clock = new EngineClock();
        // event messages take their timestamps from the same clock
        GenericEventMessage.clock = clock;
        return clock;
    }
}
