package io.ciamportal.vendor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the shipped dataset release ({@code db/dataset/}: {@code release.json}, {@code capabilities.json},
 * {@code vendors/*.json}) from the classpath or a directory. The reader is strict: a field it does not know is an error,
 * so a misspelt key never silently drops a fact. Pure apart from reading the files.
 */
public final class DatasetFiles {

    /** The JSON settings of every dataset document: unknown fields refused, dates as ISO days, indented output. */
    public static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /**
     * A release as read: its metadata, its content and the SHA-256 over its capability and vendor files (in a fixed
     * order: capabilities.json, then vendors by file name).
     */
    record Shipped(Dataset.Release release, Dataset dataset, String checksum) {}

    private DatasetFiles() {}

    /** The release on the classpath ({@code classpath:db/dataset/}). */
    static Shipped fromClasspath() {
        var files = classpathFiles();
        return read(files.release(), files.catalog(), files.vendors());
    }

    /** A release's version and checksum, as {@link Shipped} has them. */
    record Stamp(String version, String checksum) {}

    /**
     * The version and checksum of the release on the classpath, reading only {@code release.json} as JSON: the start-up
     * check whether the installation already holds it, without parsing some thirty vendor files.
     */
    static Stamp stampFromClasspath() {
        var files = classpathFiles();
        var release = parse(files.release(), sha256(), Dataset.Release.class, "release.json");
        var digest = sha256();
        bytes(files.catalog(), digest, "capabilities.json");
        for (Resource file : files.vendors()) {
            bytes(file, digest, "vendors/" + file.getFilename());
        }
        return new Stamp(release.version(), HexFormat.of().formatHex(digest.digest()));
    }

    private record Files(Resource release, Resource catalog, List<Resource> vendors) {}

    private static Files classpathFiles() {
        try {
            var resolver = new PathMatchingResourcePatternResolver();
            var vendors = new ArrayList<>(Arrays.asList(resolver.getResources("classpath*:db/dataset/vendors/*.json")));
            vendors.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
            return new Files(resolver.getResource("classpath:db/dataset/release.json"),
                    resolver.getResource("classpath:db/dataset/capabilities.json"), vendors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The release in a directory laid out like {@code db/dataset/} (the committed files, for tests and commands). */
    static Shipped fromDirectory(java.nio.file.Path directory) {
        try (var listing = java.nio.file.Files.list(directory.resolve("vendors"))) {
            var files = listing.filter(p -> p.toString().endsWith(".json")).sorted()
                    .<Resource>map(org.springframework.core.io.FileSystemResource::new).toList();
            return read(new org.springframework.core.io.FileSystemResource(directory.resolve("release.json")),
                    new org.springframework.core.io.FileSystemResource(directory.resolve("capabilities.json")), files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Shipped read(Resource releaseFile, Resource catalogFile, List<Resource> vendorFiles) {
        var release = parse(releaseFile, sha256(), Dataset.Release.class, "release.json");
        var digest = sha256();
        var catalog = parse(catalogFile, digest, Dataset.Catalog.class, "capabilities.json");
        var vendors = new ArrayList<Dataset.VendorFile>();
        for (Resource file : vendorFiles) {
            var vendor = parse(file, digest, Dataset.VendorFile.class, "vendors/" + file.getFilename());
            if (!(vendor.slug() + ".json").equals(file.getFilename())) {
                throw new IllegalStateException("db/dataset/vendors/" + file.getFilename() + " holds the vendor " + vendor.slug()
                        + "; name the file after its slug");
            }
            vendors.add(vendor);
        }
        return new Shipped(release, new Dataset(catalog, List.copyOf(vendors)), HexFormat.of().formatHex(digest.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file's bytes, added to {@code digest}. */
    private static byte[] bytes(Resource resource, MessageDigest digest, String name) {
        try (InputStream in = resource.getInputStream()) {
            byte[] bytes = in.readAllBytes();
            digest.update(bytes);
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException("db/dataset/" + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static <T> T parse(Resource resource, MessageDigest digest, Class<T> type, String name) {
        byte[] bytes = bytes(resource, digest, name);
        try {
            return JSON.readValue(bytes, type);
        } catch (JacksonException e) {
            throw new IllegalStateException("db/dataset/" + name + " is not valid: " + e.getOriginalMessage(), e);
        }
    }
}
