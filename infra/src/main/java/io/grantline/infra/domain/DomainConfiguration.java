package io.grantline.infra.domain;

import io.grantline.api.upcasting.AccessRequestRejectedUpcaster;
import io.grantline.api.upcasting.ApprovalDecisionRecordedUpcaster;
import io.grantline.command.request.BreakGlassAllowance;
import io.grantline.command.request.RequestPolicy;
import io.grantline.workflow.settings.ApprovalSettings;
import io.grantline.workflow.grant.ProvisioningConnector;
import io.grantline.workflow.grant.RecordingProvisioningConnector;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The resources the aggregates' rules and the processes read, as this site configures them. */
@Configuration(proxyBeanMethods = false)
class DomainConfiguration {

    /** A break-glass allowance that cannot be read stops the start with a message naming the setting. */
    @Bean
    RequestPolicy requestPolicy(PolicySettings settings, ApprovalSettings approval, BreakGlassSettings breakGlass,
                                FlagSettings flags) {
        return new RequestPolicy(settings.minimumDuration(), approval.reauthenticationMaxAge(),
                BreakGlassAllowance.parse(breakGlass.perIdentity()), flags.fastApprovalWithin());
    }

    /** Stored events of older revisions are read as the current ones (the stored bytes never change). */
    @Bean
    ApprovalDecisionRecordedUpcaster approvalDecisionRecordedUpcaster() {
        return new ApprovalDecisionRecordedUpcaster();
    }

    @Bean
    AccessRequestRejectedUpcaster accessRequestRejectedUpcaster() {
        return new AccessRequestRejectedUpcaster();
    }

    /** A site's own connector, declared as a bean, replaces this one. */
    @Bean
    @ConditionalOnMissingBean(ProvisioningConnector.class)
    ProvisioningConnector provisioningConnector() {
        return new RecordingProvisioningConnector();
    }
}
