package io.grantline.infra.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param perIdentity how often one identity may be given break-glass access, written like {@code 2 per P30D} */
@ConfigurationProperties("grantline.break-glass")
record BreakGlassSettings(@DefaultValue("2 per P30D") String perIdentity) {
}
