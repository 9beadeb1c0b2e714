package io.ciamportal.gate;

import io.ciamportal.shared.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * What an evidence file may be: a PDF, PNG, JPEG or a UTF-8 text file (txt, csv, json, md), checked by its name and
 * by its first bytes, never by what the browser claims. Pure.
 */
public final class EvidenceFiles {

    /** Extension to the content type stored and checked. */
    static final Map<String, String> TYPES = Map.of("pdf", "application/pdf", "png", "image/png", "jpg", "image/jpeg",
            "jpeg", "image/jpeg", "txt", "text/plain", "csv", "text/csv", "json", "application/json", "md", "text/markdown");

    private EvidenceFiles() {}

    /** A checked file: its clean name, content type and SHA-256. */
    public record Checked(String fileName, String contentType, String sha256) {}

    public static Checked check(String fileName, byte[] content, long maxBytes) {
        String name = clean(fileName);
        if (content.length == 0) {
            throw new InvalidInputException("file", "The file is empty.");
        }
        if (content.length > maxBytes) {
            throw new InvalidInputException("file", "The file is larger than " + (maxBytes / (1024 * 1024)) + " MB.");
        }
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.get(extension);
        if (type == null) {
            throw new InvalidInputException("file", "Upload a PDF, PNG, JPEG, TXT, CSV, JSON or Markdown file.");
        }
        boolean matches = switch (type) {
            case "application/pdf" -> startsWith(content, new byte[] {'%', 'P', 'D', 'F', '-'});
            case "image/png" -> startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
            case "image/jpeg" -> startsWith(content, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
            default -> isText(content);
        };
        if (!matches) {
            throw new InvalidInputException("file", "The file's content is not a " + extension.toUpperCase(Locale.ROOT) + " file.");
        }
        return new Checked(name, type, sha256(content));
    }

    static String clean(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new InvalidInputException("file", "The file needs a name.");
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isText(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
