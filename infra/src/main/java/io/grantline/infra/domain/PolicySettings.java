package io.grantline.infra.domain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param minimumDuration shortest grant a request may ask for */
@ConfigurationProperties("grantline.policy")
record PolicySettings(@DefaultValue("PT15M") Duration minimumDuration) {
}
