package io.grantline.infra.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of Grantline: the process engine's. Grant windows, decision times and timers all read it, so a test
 * (or a rehearsal) that moves the engine's clock moves everything together. In production it is the system clock.
 */
final class EngineClock extends Clock {

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.now().toInstant();
    }
}
