package io.ciamportal.vendor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * {@code java -jar ciam-portal.jar dataset-report [DIR]}: validates a dataset release (the jar's own, or a directory
 * laid out like {@code db/dataset/}) and prints its completeness. No Spring, no database. Exit code 0 when the release
 * is valid, 1 when it is not, 2 on usage errors.
 */
public final class DatasetReport {

    private DatasetReport() {}

    public static int runCommand(String[] args) {
        if (args.length > 2) {
            System.err.println("Usage: java -jar ciam-portal.jar dataset-report [dataset directory, e.g. db/dataset]");
            return 2;
        }
        DatasetFiles.Shipped shipped;
        try {
            if (args.length == 2) {
                var dir = Path.of(args[1]);
                if (!Files.isRegularFile(dir.resolve("release.json"))) {
                    System.err.println(dir + " holds no release.json: give a directory laid out like db/dataset/");
                    return 2;
                }
                shipped = DatasetFiles.fromDirectory(dir);
            } else {
                shipped = DatasetFiles.fromClasspath();
            }
        } catch (IllegalStateException e) {
            System.out.println("Not valid: " + e.getMessage());
            return 1;
        }
        System.out.println("Dataset release " + shipped.release().version() + " (published " + shipped.release().publishedOn()
                + "), " + shipped.dataset().vendors().size() + " vendors");
        System.out.println("Content SHA-256 " + shipped.checksum() + (shipped.checksum().equals(shipped.release().contentChecksum())
                ? " (matches release.json)"
                : " — release.json says " + shipped.release().contentChecksum() + ": give changed data a new version and this checksum"));
        var errors = shipped.dataset().validate(LocalDate.now());
        if (!errors.isEmpty()) {
            System.out.println("Not valid, " + errors.size() + " problem(s):");
            errors.forEach(e -> System.out.println("  " + e));
            return 1;
        }
        System.out.println();
        System.out.print(Completeness.of(shipped.dataset()).report());
        return 0;
    }
}
