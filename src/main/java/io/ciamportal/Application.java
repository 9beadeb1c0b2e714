package io.ciamportal;

import com.vaadin.flow.spring.annotation.EnableVaadin;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The CIAM migration portal: one Spring Boot application serving the Vaadin UI and the JSON API.
 *
 * <p>Vaadin looks for views, layouts, error views and the app shell ({@code shared.ui.PortalShell}) only in the
 * features' {@code ui} packages. Left to itself it reads every class of the portal, several times, at each start
 * (docs/performance.md); {@code ArchitectureTest} fails when a view lands outside these packages.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableVaadin({"io.ciamportal.audit.ui", "io.ciamportal.gate.ui", "io.ciamportal.home.ui", "io.ciamportal.migration.ui",
        "io.ciamportal.security.ui", "io.ciamportal.selector.ui", "io.ciamportal.shared.ui", "io.ciamportal.vendor.ui"})
public class Application {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("verify-audit")) {
            // offline check of an audit export: no Spring, no database
            System.exit(io.ciamportal.audit.AuditExport.runCommand(args));
        }
        if (args.length > 0 && args[0].equals("dataset-report")) {
            // completeness of a dataset release: no Spring, no database
            System.exit(io.ciamportal.vendor.DatasetReport.runCommand(args));
        }
        if (args.length > 0 && args[0].equals("analyse-export")) {
            // the export analyser: no Spring, no database, nothing written
            System.exit(io.ciamportal.exports.ExportCommand.runCommand(args));
        }
        if (args.length > 0 && args[0].equals("rehearsal-export")) {
            // synthetic rehearsal data from an analysis document: no Spring, no database
            System.exit(io.ciamportal.exports.RehearsalCommand.runCommand(args));
        }
        if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
            // backup and restore of the whole database: no Spring, no web server
            System.exit(io.ciamportal.backup.BackupCommand.runCommand(args));
        }
        var app = new SpringApplication(Application.class);
        // the embedded PostgreSQL starts while the context is built, not when the first bean needs it
        app.addListeners(new io.ciamportal.database.EarlyDatabaseStart());
        app.run(args);
    }
}
