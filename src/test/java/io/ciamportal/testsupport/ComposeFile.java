package io.ciamportal.testsupport;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker/compose.yaml} as the tests read it, so a test runs what compose would run: a service's environment
 * (with {@code ${VAR:-default}} taken at its default, not from this machine), its command, image and volumes.
 */
public final class ComposeFile {

    public static final Path PATH = Path.of("docker", "compose.yaml");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::-([^}]*))?}");

    private final Map<String, Object> services;

    @SuppressWarnings("unchecked")
    private ComposeFile(Map<String, Object> document) {
        this.services = (Map<String, Object>) document.get("services");
    }

    public static ComposeFile read() {
        try (Reader in = Files.newBufferedReader(PATH)) {
            Map<String, Object> document = new Yaml().load(in);
            return new ComposeFile(document);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + PATH, e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> service(String name) {
        var service = (Map<String, Object>) services.get(name);
        if (service == null) {
            throw new IllegalStateException(PATH + " has no service " + name);
        }
        return service;
    }

    /** The service's environment, each value with its variables at their compose defaults. */
    @SuppressWarnings("unchecked")
    public Map<String, String> environment(String name) {
        var out = new LinkedHashMap<String, String>();
        var env = (Map<String, Object>) service(name).getOrDefault("environment", Map.of());
        env.forEach((k, v) -> out.put(k, resolve(String.valueOf(v))));
        return out;
    }

    @SuppressWarnings("unchecked")
    public List<String> command(String name) {
        return ((List<Object>) service(name).getOrDefault("command", List.of())).stream().map(String::valueOf).toList();
    }

    public String image(String name) {
        return String.valueOf(service(name).get("image"));
    }

    /** The host side of each bind mount, resolved against the compose file's directory, by its path in the container. */
    @SuppressWarnings("unchecked")
    public Map<String, Path> bindMounts(String name) {
        var out = new LinkedHashMap<String, Path>();
        for (Object volume : (List<Object>) service(name).getOrDefault("volumes", List.of())) {
            String[] parts = String.valueOf(volume).split(":");
            if (parts.length >= 2 && (parts[0].startsWith(".") || parts[0].startsWith("/"))) {
                out.put(parts[1], PATH.getParent().resolve(parts[0]).normalize());
            }
        }
        return out;
    }

    static String resolve(String value) {
        Matcher m = VARIABLE.matcher(value);
        var out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2) == null ? "" : m.group(2)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
