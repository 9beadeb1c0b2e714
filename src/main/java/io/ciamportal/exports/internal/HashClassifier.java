package io.ciamportal.exports.internal;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Names the scheme of a stored password hash from its text, following the identification table in
 * {@code shared/research/export-formats.md} (the more specific forms first). A raw digest (hex or base64 of a fixed
 * length) is never guessed: it is "unknown digest (length N)" unless the caller knows the platform's scheme. Pure.
 */
public final class HashClassifier {

    private static final Pattern BCRYPT = Pattern.compile("^\\$2[abxy]\\$(\\d{2})\\$[./A-Za-z0-9]{53}$");
    private static final Pattern BCRYPT_LOOSE = Pattern.compile("^\\$2[abxy]\\$(\\d{2})\\$");
    private static final Pattern ARGON2 = Pattern.compile("^\\$argon2(id|i|d)\\$(?:v=(\\d+)\\$)?m=(\\d+),t=(\\d+),p=(\\d+)\\$");
    private static final Pattern PBKDF2_PHC = Pattern.compile("^\\$pbkdf2-(sha1|sha256|sha512)\\$i=(\\d+)(?:,l=(\\d+))?\\$");
    private static final Pattern PBKDF2_PASSLIB = Pattern.compile("^\\$pbkdf2(-sha256|-sha512)?\\$(\\d+)\\$");
    private static final Pattern PBKDF2_DJANGO = Pattern.compile("^pbkdf2_(sha1|sha256)\\$(\\d+)\\$[^$]+\\$[^$]+$");
    private static final Pattern WERKZEUG_PBKDF2 = Pattern.compile("^pbkdf2:(sha1|sha256|sha512)(?::(\\d+))?\\$");
    private static final Pattern WERKZEUG_SCRYPT = Pattern.compile("^scrypt:(\\d+):(\\d+):(\\d+)\\$");
    private static final Pattern LDAP_PBKDF2 = Pattern.compile("^\\{PBKDF2(?:-HMAC)?-?(SHA1|SHA256|SHA512)?\\}(\\d+)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCRYPT_PHC = Pattern.compile("^\\$scrypt\\$ln=(\\d+),r=(\\d+),p=(\\d+)\\$");
    private static final Pattern PHPASS = Pattern.compile("^\\$[PH]\\$([./0-9A-Za-z])[./0-9A-Za-z]{30}$");
    private static final Pattern MD5_CRYPT = Pattern.compile("^\\$(1|apr1)\\$[^$]{0,8}\\$[./0-9A-Za-z]{22}$");
    private static final Pattern SHA_CRYPT = Pattern.compile("^\\$([56])\\$(?:rounds=(\\d+)\\$)?[^$]{0,16}\\$[./0-9A-Za-z]+$");
    private static final Pattern LDAP = Pattern.compile("^\\{(SSHA512|SSHA384|SSHA256|SSHA|SHA512|SHA384|SHA256|SHA|SMD5|MD5|CRYPT)\\}(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern SPRING = Pattern.compile("^\\{(bcrypt|pbkdf2|scrypt|argon2|noop|sha256|MD5|SHA-1|ldap)\\}(.*)$", Pattern.DOTALL);
    private static final Pattern BASE64 = Pattern.compile("^[A-Za-z0-9+/_-]+={0,2}$");
    private static final Pattern HEX_OR_SALTED = Pattern.compile("^(?:\\{[^}]*})?[0-9a-fA-F]+$");

    private HashClassifier() {}

    /** No stored hash is this long; a longer value is not looked into (the patterns would scan it, nested prefixes recurse). */
    static final int MAX_LENGTH = 1_024;

    /** Classifies a hash written as one string; null when the value is empty (no password). */
    public static @Nullable HashInfo classify(@Nullable String value) {
        HashInfo info = classify(value, 0);
        // a cost of more than ten digits is no cost anyone set: not shown (parameters are counted by their text)
        if (info != null && info.parameters() != null && LONG_NUMBER.matcher(info.parameters()).find()) {
            return new HashInfo(info.scheme(), info.format(), null, info.bcryptCost());
        }
        return info;
    }

    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{11}");

    /** {@code depth}: how many prefixes ({@code {CRYPT}}, {@code {bcrypt}}) wrap this value; one wrapper is looked into. */
    private static @Nullable HashInfo classify(@Nullable String value, int depth) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.isEmpty()) {
            return null;
        }
        if (v.length() > MAX_LENGTH) {
            return HashInfo.unknownDigest(v.length());
        }
        char first = v.charAt(0);
        if (first == '$') {
            return dollar(v);
        }
        if (first == '{') {
            return depth > 0 ? HashInfo.unknownDigest(v.length()) : braces(v);
        }
        if (v.startsWith("pbkdf2_")) {
            Matcher m = PBKDF2_DJANGO.matcher(v);
            if (m.find()) {
                return new HashInfo("pbkdf2-" + m.group(1), "Django", "iterations=" + m.group(2), null);
            }
        }
        if (v.startsWith("bcrypt_sha256$")) {
            Matcher m = BCRYPT_LOOSE.matcher(v.substring("bcrypt_sha256$".length()));
            Integer cost = m.find() ? Integer.valueOf(m.group(1)) : null;
            return new HashInfo("bcrypt", "Django bcrypt_sha256 (SHA-256 pre-hash)", cost == null ? null : "cost=" + cost, cost);
        }
        if (v.startsWith("bcrypt$")) {
            // Django writes "bcrypt$" and then the whole modular-crypt string, which has its own leading '$'
            HashInfo inner = dollar(v.substring("bcrypt$".length()));
            return inner.scheme().equals("bcrypt") ? new HashInfo("bcrypt", "Django bcrypt", inner.parameters(), inner.bcryptCost()) : inner;
        }
        if (v.startsWith("argon2$")) {
            HashInfo inner = dollar(v.substring("argon2".length()));
            return new HashInfo(inner.scheme(), "Django", inner.parameters(), null);
        }
        if (v.startsWith("pbkdf2:")) {
            Matcher m = WERKZEUG_PBKDF2.matcher(v);
            if (m.find()) {
                return new HashInfo("pbkdf2-" + m.group(1), "Werkzeug", m.group(2) == null ? null : "iterations=" + m.group(2), null);
            }
        }
        if (v.startsWith("scrypt:")) {
            Matcher m = WERKZEUG_SCRYPT.matcher(v);
            if (m.find()) {
                return new HashInfo("scrypt", "Werkzeug", "N=" + m.group(1) + ",r=" + m.group(2) + ",p=" + m.group(3), null);
            }
        }
        HashInfo aspNet = aspNetIdentity(v);
        if (aspNet != null) {
            return aspNet;
        }
        return rawDigest(v);
    }

    /** A digest whose scheme the platform fixes (for example Firebase's scrypt): the scheme, with its length noted. */
    public static HashInfo fixed(String scheme, String format, @Nullable String parameters) {
        return new HashInfo(scheme, format, parameters, null);
    }

    private static HashInfo dollar(String v) {
        Matcher m = BCRYPT.matcher(v);
        if (m.matches()) {
            int cost = Integer.parseInt(m.group(1));
            return new HashInfo("bcrypt", "Modular crypt", "cost=" + cost, cost);
        }
        if (v.startsWith("$wp$2")) {
            Matcher inner = BCRYPT_LOOSE.matcher(v.substring(3));
            Integer cost = inner.find() ? Integer.valueOf(inner.group(1)) : null;
            return new HashInfo("bcrypt", "WordPress 6.8 (SHA-384 pre-hash)", cost == null ? null : "cost=" + cost, cost);
        }
        m = ARGON2.matcher(v);
        if (m.find()) {
            return new HashInfo("argon2" + m.group(1), "PHC string", "m=" + m.group(3) + ",t=" + m.group(4) + ",p=" + m.group(5), null);
        }
        m = PBKDF2_PHC.matcher(v);
        if (m.find()) {
            return new HashInfo("pbkdf2-" + m.group(1), "PHC string", "iterations=" + m.group(2), null);
        }
        m = PBKDF2_PASSLIB.matcher(v);
        if (m.find()) {
            String digest = m.group(1) == null ? "sha1" : m.group(1).substring(1);
            return new HashInfo("pbkdf2-" + digest, "passlib", "iterations=" + m.group(2), null);
        }
        m = SCRYPT_PHC.matcher(v);
        if (m.find()) {
            return new HashInfo("scrypt", "PHC string", "N=2^" + m.group(1) + ",r=" + m.group(2) + ",p=" + m.group(3), null);
        }
        if (v.startsWith("$s0$")) {
            return HashInfo.of("scrypt", "Lambdaworks");
        }
        if (v.startsWith("$firescrypt$") || v.startsWith("$fbscrypt$") || v.startsWith("$firebase-scrypt$")) {
            return HashInfo.of("firebase-scrypt", v.substring(1, v.indexOf('$', 1)));
        }
        m = PHPASS.matcher(v);
        if (m.matches()) {
            int log2 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".indexOf(m.group(1).charAt(0));
            return new HashInfo("phpass", v.charAt(1) == 'P' ? "WordPress phpass" : "phpBB phpass", "iterations=2^" + log2, null);
        }
        m = MD5_CRYPT.matcher(v);
        if (m.matches()) {
            return HashInfo.of("crypt", m.group(1).equals("1") ? "MD5-crypt" : "Apache MD5 (apr1)");
        }
        m = SHA_CRYPT.matcher(v);
        if (m.matches()) {
            String rounds = m.group(2) == null ? "5000" : m.group(2);
            return new HashInfo(m.group(1).equals("5") ? "sha256-crypt" : "sha512-crypt", "crypt(3)", "rounds=" + rounds, null);
        }
        if (v.startsWith("$md5-crypt$")) {
            return HashInfo.of("crypt", "Ory MD5-crypt");
        }
        if (v.startsWith("$sha256-crypt$") || v.startsWith("$sha512-crypt$")) {
            return HashInfo.of(v.substring(1, v.indexOf('$', 1)), "Ory crypt(3)");
        }
        for (String ory : new String[] {"md5", "sha1", "sha256", "sha512"}) {
            if (v.startsWith("$" + ory + "$")) {
                return HashInfo.of(ory, "Ory salted digest");
            }
        }
        if (v.startsWith("$hmac-")) {
            return HashInfo.of("hmac", "Ory HMAC");
        }
        if (v.startsWith("$7$") || v.startsWith("$y$") || v.startsWith("$gy$")) {
            return HashInfo.of("crypt", v.startsWith("$7$") ? "scrypt crypt(3)" : "yescrypt");
        }
        if (BCRYPT_LOOSE.matcher(v).find()) {
            // a bcrypt prefix with the wrong length: still bcrypt, but say it is malformed
            Matcher loose = BCRYPT_LOOSE.matcher(v);
            loose.find();
            int cost = Integer.parseInt(loose.group(1));
            return new HashInfo("bcrypt", "Modular crypt (malformed length " + v.length() + ")", "cost=" + cost, cost);
        }
        return HashInfo.unknownDigest(v.length());
    }

    private static HashInfo braces(String v) {
        Matcher spring = SPRING.matcher(v);
        // {sha256} and {MD5} are Spring ids and LDAP schemes alike: Spring writes hex (MD5 may lead with a {salt}),
        // LDAP base64
        if (spring.matches() && (!LDAP.matcher(v).matches() || HEX_OR_SALTED.matcher(spring.group(2)).matches())) {
            String id = spring.group(1);
            HashInfo inner = classify(spring.group(2), 1);
            if (id.equals("noop")) {
                return HashInfo.of("plain text", "Spring Security {noop}");
            }
            if (inner != null && !inner.unknown()) {
                return new HashInfo(inner.scheme(), "Spring Security {" + id + "}", inner.parameters(), inner.bcryptCost());
            }
            String scheme = switch (id) {
                case "bcrypt" -> "bcrypt";
                case "pbkdf2" -> "pbkdf2-sha1";
                case "scrypt" -> "scrypt";
                case "argon2" -> "argon2id";
                case "sha256" -> "sha256";
                case "MD5" -> "md5";
                case "SHA-1" -> "sha1";
                default -> "ldap";
            };
            return HashInfo.of(scheme, "Spring Security {" + id + "}");
        }
        Matcher pb = LDAP_PBKDF2.matcher(v);
        if (pb.find()) {
            String digest = pb.group(1) == null ? "sha1" : pb.group(1).toLowerCase(java.util.Locale.ROOT);
            return new HashInfo("pbkdf2-" + digest, "LDAP {PBKDF2}", pb.group(2) == null ? null : "iterations=" + pb.group(2), null);
        }
        Matcher m = LDAP.matcher(v);
        if (m.matches()) {
            String id = m.group(1).toUpperCase(java.util.Locale.ROOT);
            if (id.startsWith("SSHA")) {
                return HashInfo.of("ssha", "LDAP {" + id + "}");
            }
            if (id.equals("CRYPT")) {
                HashInfo inner = classify(m.group(2), 1);
                return new HashInfo(inner == null || inner.unknown() ? "crypt" : inner.scheme(), "LDAP {CRYPT}",
                        inner == null ? null : inner.parameters(), inner == null ? null : inner.bcryptCost());
            }
            return HashInfo.of("ldap", "LDAP {" + id + "}");
        }
        return HashInfo.unknownDigest(v.length());
    }

    /** ASP.NET Identity: base64 of a version byte, then (v3) PRF, iterations and salt length, salt and subkey. */
    private static @Nullable HashInfo aspNetIdentity(String v) {
        if (v.length() < 68 || (v.charAt(0) != 'A') || !BASE64.matcher(v).matches() || v.indexOf('-') >= 0 || v.indexOf('_') >= 0) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(v);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        if (bytes[0] == 0 && bytes.length == 49) {
            return new HashInfo("pbkdf2-sha1", "ASP.NET Identity v2", "iterations=1000", null);
        }
        if (bytes[0] == 1 && bytes.length >= 13 + 16) {
            int prf = readInt(bytes, 1);
            long iterations = readInt(bytes, 5) & 0xffffffffL;
            int saltLength = readInt(bytes, 9);
            if (prf >= 0 && prf <= 2 && saltLength >= 8 && saltLength <= 64 && bytes.length > 13 + saltLength) {
                String digest = switch (prf) {
                    case 0 -> "sha1";
                    case 1 -> "sha256";
                    default -> "sha512";
                };
                return new HashInfo("pbkdf2-" + digest, "ASP.NET Identity v3", "iterations=" + iterations, null);
            }
        }
        return null;
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    /** Hex or base64 of a fixed length cannot be told apart (md5, sha1, sha256, hmac ...): never guessed. */
    private static HashInfo rawDigest(String v) {
        return HashInfo.unknownDigest(v.length());
    }
}
