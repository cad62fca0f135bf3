package io.grantline.infra.chain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the chain's checkpoints every {@code grantline.chain.checkpoint-every}, first one interval after start, and mails
 * the signed heads to the compliance officers at {@code grantline.chain.witness-mail}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ChainConfiguration implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ChainConfiguration.class);

    private final ChainCheckpoints checkpoints;
    private final ChainWitnessMail witnessMail;
    private final ChainProperties properties;

    ChainConfiguration(ChainCheckpoints checkpoints, ChainWitnessMail witnessMail, ChainProperties properties) {
        this.checkpoints = checkpoints;
        this.witnessMail = witnessMail;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::checkpoint, properties.checkpointEvery(), properties.checkpointEvery()));
        if (!ScheduledTaskRegistrar.CRON_DISABLED.equals(properties.witnessMail())) {
            registrar.addCronTask(this::mailHeads, properties.witnessMail());
        }
    }

    private void mailHeads() {
        try {
            witnessMail.sendToday();
        } catch (RuntimeException e) {
            log.warn("The daily mail of signed chain heads failed; tomorrow's carries today's heads too", e);
        }
    }

    private void checkpoint() {
        try {
            checkpoints.checkpoint();
        } catch (RuntimeException e) {
            // another node may have taken the same events at the same moment; the next run catches up
            log.warn("Chain checkpoint failed; the next run will try again", e);
        }
    }
}
