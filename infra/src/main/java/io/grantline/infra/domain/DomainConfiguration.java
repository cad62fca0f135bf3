package io.grantline.infra.domain;

import io.grantline.command.request.RequestPolicy;
import io.grantline.workflow.grant.ProvisioningConnector;
import io.grantline.workflow.grant.RecordingProvisioningConnector;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The resources the aggregates' rules and the processes read, as this site configures them. */
@Configuration(proxyBeanMethods = false)
class DomainConfiguration {

    @Bean
    RequestPolicy requestPolicy(PolicySettings settings) {
        return new RequestPolicy(settings.minimumDuration());
    }

    /** A site's own connector, declared as a bean, replaces this one. */
    @Bean
    @ConditionalOnMissingBean(ProvisioningConnector.class)
    ProvisioningConnector provisioningConnector() {
        return new RecordingProvisioningConnector();
    }
}
