package io.grantline.infra.config;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Resolves {@code grantline.data-dir} to an absolute path before anything uses it: H2 refuses a database path that
 * is implicitly relative ({@code GRANTLINE_DATA_DIR=data}), and the log should say where the files really are.
 */
public class AbsoluteDataDirectory implements EnvironmentPostProcessor {

    static final String PROPERTY = "grantline.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY, "./data");
        String absolute = Path.of(configured).toAbsolutePath().normalize().toString();
        environment.getPropertySources().addFirst(new MapPropertySource("grantline-data-dir", Map.of(PROPERTY, absolute)));
    }
}
