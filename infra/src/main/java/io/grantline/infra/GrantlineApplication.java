package io.grantline.infra;

import io.grantline.infra.chain.VerifyExportCommand;
import java.util.Arrays;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = "io.grantline")
@ConfigurationPropertiesScan("io.grantline")
public class GrantlineApplication {

    private static final String DATATYPE_FACTORY = "javax.xml.datatype.DatatypeFactory";
    private static final String MAIL_STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Camunda parses every timer's ISO duration with a DatatypeFactory, and finding one scans the whole class path
        // (a ServiceLoader over the boot jar) each time: three timers per approval stage made it a tenth of the process
        // steps' CPU (docs/adr/0010). Naming the JDK's own implementation, the one the scan ends with, skips the scan.
        if (System.getProperty(DATATYPE_FACTORY) == null) {
            System.setProperty(DATATYPE_FACTORY, "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl");
        }
        // The same for Jakarta Mail: every MIME part it builds looks up its stream provider with a ServiceLoader over
        // the boot jar, a fifth of the mail outbox's CPU under load (docs/benchmarks.md). Angus Mail's own provider is
        // the one the lookup finds.
        if (System.getProperty(MAIL_STREAM_PROVIDER) == null) {
            System.setProperty(MAIL_STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    public static void main(String[] args) {
        if (args.length > 0 && VerifyExportCommand.NAME.equals(args[0])) {
            // the auditors' offline check: no application, no database (docs/adr/0004)
            System.exit(VerifyExportCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
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
