package io.grantline.infra.domain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param fastApprovalWithin an approval sooner than this after the approver was asked is flagged ({@code PT0S}: never) */
@ConfigurationProperties("grantline.flags")
record FlagSettings(@DefaultValue("PT10S") Duration fastApprovalWithin) {

    FlagSettings {
        if (fastApprovalWithin.isNegative()) {
            throw new IllegalArgumentException("grantline.flags.fast-approval-within may not be negative: " + fastApprovalWithin);
        }
    }
}
