package io.grantline.infra;

import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = "io.grantline")
@ConfigurationPropertiesScan("io.grantline")
public class GrantlineApplication {

    public static void main(String[] args) {
        try {
            SpringApplication.run(GrantlineApplication.class, args);
        } catch (RuntimeException failedStart) {
            // Axon leaves a non-daemon thread behind when start-up fails (AxonFramework#4244): without this exit the
            // JVM would hang instead of telling the operator that Grantline did not start.
            LoggerFactory.getLogger(GrantlineApplication.class).error("Grantline did not start", failedStart);
            System.exit(1);
        }
    }
}
