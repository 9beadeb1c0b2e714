package io.ciamportal.exports;

import io.ciamportal.shared.JarMain;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run of the analyser's JDK AOT cache (pom.xml, execution {@code analyser-jar}): writes a made-up Auth0
 * export of {@value #USERS} users into the given directory and analyses it as {@code analyse-export --json} does, so
 * the cache holds the classes of that path, loaded and linked. The file is deleted afterwards. It also writes the
 * stamp of the jar it runs from ({@link JarMain#stampOf}), which the cache is good for. The people in it are made up:
 * numbered ids and {@code example.test} addresses.
 */
public final class AnalyserTraining {

    static final int USERS = 100_000;

    private AnalyserTraining() {}

    public static void main(String[] args) throws IOException, java.net.URISyntaxException {
        if (args.length != 2) {
            System.err.println("usage: AnalyserTraining DIRECTORY STAMP");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        // the jar this runs from, as trained: JarMain uses the cache only while the jar is still this one
        var jar = Path.of(AnalyserTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile();
        Files.writeString(Path.of(args[1]), JarMain.stampOf(jar) + "\n");
        Path file = dir.resolve("analyser-training.ndjson");
        try {
            write(file, USERS);
            var discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            int exit = ExportCommand.run(new String[] {"analyse-export", "--json", file.toString()}, discard, System.err);
            if (exit != 0) {
                System.exit(exit);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** One Auth0 export-job line per user: database and social identities, sign-ins, MFA, metadata, some blocked. */
    static void write(Path file, int users) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < users; i++) {
                boolean social = i % 7 == 0;
                String id = String.format("%024x", i * 7919L + 11);
                out.write("{\"user_id\":\"" + (social ? "google-oauth2|" + i : "auth0|" + id) + "\",\"email\":\"user" + (i % 49_999)
                        + "@example.test\",\"email_verified\":" + (i % 3 != 0) + ",\"name\":\"Person " + i + "\",\"identities\":[{"
                        + (social ? "\"connection\":\"google-oauth2\",\"provider\":\"google-oauth2\",\"user_id\":\"" + i + "\",\"isSocial\":true"
                                : "\"connection\":\"Username-Password-Authentication\",\"provider\":\"auth0\",\"user_id\":\"" + id
                                        + "\",\"isSocial\":false")
                        + "}],\"created_at\":\"2022-03-14T10:02:11.120Z\"" + (i % 5 == 0 ? ""
                                : ",\"last_login\":\"202" + (i % 6) + "-0" + (1 + i % 9) + "-14T10:02:11.120Z\",\"logins_count\":" + i)
                        + (i % 11 == 0 ? ",\"multifactor\":[\"google-authenticator\"]" : "") + (i % 97 == 0 ? ",\"blocked\":true" : "")
                        + ",\"user_metadata\":{\"plan\":\"p" + (i % 3) + "\"},\"app_metadata\":{}}\n");
            }
        }
    }
}
