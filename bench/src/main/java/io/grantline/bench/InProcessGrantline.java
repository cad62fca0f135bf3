package io.grantline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application in the benchmark's own JVM, on a fresh data directory with in-memory read models: H2 by
 * default, or {@code --jdbc=jdbc:postgresql://…} (a fresh database); {@code --port=P} (default: any free port).
 */
final class InProcessGrantline {

    static final String ADMIN_PASSWORD = "bench-admin-password";

    private InProcessGrantline() {
    }

    static ConfigurableApplicationContext start(String[] args, String name) throws Exception {
        Path dataDir = Files.createTempDirectory(name);
        System.setProperty("grantline.data-dir", dataDir.toString());
        System.setProperty("grantline.embedded.mongo-in-memory", "true");
        System.setProperty("grantline.security.admin-password", ADMIN_PASSWORD);
        System.setProperty("server.port", option(args, "port", "0"));
        System.setProperty("spring.main.banner-mode", "off");
        System.setProperty("logging.level.root", "WARN");
        String jdbc = option(args, "jdbc", null);
        if (jdbc != null) {
            System.setProperty("spring.datasource.url", jdbc);
        }
        return new SpringApplication(Class.forName("io.grantline.infra.GrantlineApplication")).run();
    }

    /** {@code --name=value} among the arguments, else the system property {@code name}, else {@code fallback}. */
    static String option(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return System.getProperty(name, fallback);
    }
}
