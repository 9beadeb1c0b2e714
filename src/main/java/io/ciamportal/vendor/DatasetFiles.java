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
        try {
            var resolver = new PathMatchingResourcePatternResolver();
            var files = new ArrayList<>(Arrays.asList(resolver.getResources("classpath*:db/dataset/vendors/*.json")));
            files.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
            return read(resolver.getResource("classpath:db/dataset/release.json"),
                    resolver.getResource("classpath:db/dataset/capabilities.json"), files);
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
        try {
            var release = parse(releaseFile, MessageDigest.getInstance("SHA-256"), Dataset.Release.class, "release.json");
            var digest = MessageDigest.getInstance("SHA-256");
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
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T parse(Resource resource, MessageDigest digest, Class<T> type, String name) {
        try (InputStream in = resource.getInputStream()) {
            byte[] bytes = in.readAllBytes();
            digest.update(bytes);
            return JSON.readValue(bytes, type);
        } catch (IOException e) {
            throw new IllegalStateException("db/dataset/" + name + " cannot be read: " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new IllegalStateException("db/dataset/" + name + " is not valid: " + e.getOriginalMessage(), e);
        }
    }
}
