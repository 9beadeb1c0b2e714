package io.ciamportal;

import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The CIAM migration portal: one Spring Boot application serving the Vaadin UI and the JSON API. */
@SpringBootApplication
@ConfigurationPropertiesScan
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@CssImport("./styles/portal.css")
@ColorScheme(ColorScheme.Value.LIGHT_DARK)
@Meta(name = "description", content = "Plan a move between customer-identity platforms")
public class Application implements AppShellConfigurator {

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
