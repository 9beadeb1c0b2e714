package io.ciamportal.exports.rehearsal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.digest.Md5Crypt;
import org.apache.commons.codec.digest.Sha2Crypt;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Real hashes of throwaway passwords, written the way the platforms store them: bcrypt through Spring Security's
 * {@link BCrypt}, PBKDF2 through {@code javax.crypto}, argon2 and scrypt through BouncyCastle, phpass, salted SHA
 * (LDAP), SHA-crypt and MD5-crypt through commons-codec. Every salt comes from the caller's random numbers, so a
 * seeded run gives the same file twice. A scheme this class cannot compute is reported by {@link #supports}, never
 * faked: the caller substitutes a scheme it can and says so.
 */
public final class Hashes {

    static final String BCRYPT64 = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static final String ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Encoder B64_BARE = Base64.getEncoder().withoutPadding();

    /**
     * What to compute.
     *
     * @param scheme a scheme of the hash vocabulary ("bcrypt", "pbkdf2-sha256", ...), "plain text", or
     *               "unknown digest (length N)" for a raw digest the analyser could not name
     * @param params its parameters as the analyser writes them: "cost=10", "iterations=27500", "m=7168,t=5,p=1",
     *               "N=2^15,r=8,p=1", "rounds=5000", "iterations=2^13"; empty for the scheme's usual values
     * @param format how it is written, as the analyser names formats ("Modular crypt", "PHC string", "Django",
     *               "WordPress phpass", "LDAP {SSHA}", ...); empty for the scheme's usual form
     */
    public record Spec(String scheme, String params, String format) {

        public Spec {
            params = params.strip();
            format = format.strip();
        }

        public static Spec of(String scheme) {
            return new Spec(scheme, "", "");
        }

        /** The parameters as a map ({@code cost=10} to cost → 10); {@code N=2^15} is kept as text. */
        public Map<String, String> parameters() {
            var out = new LinkedHashMap<String, String>();
            if (params.isEmpty()) {
                return out;
            }
            for (String part : params.split(",")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    out.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
                }
            }
            return out;
        }

        int integer(String name, int fallback) {
            String v = parameters().get(name);
            if (v == null) {
                return fallback;
            }
            try {
                if (v.startsWith("2^")) {
                    return 1 << Integer.parseInt(v.substring(2));
                }
                return Integer.parseInt(v);
            } catch (NumberFormatException | ArithmeticException e) {
                return fallback;
            }
        }

        /** A readable label for the answer key and the README: {@code bcrypt (cost=10)}. */
        public String label() {
            return params.isEmpty() ? scheme : scheme + " (" + params + ")";
        }
    }

    /**
     * A computed hash.
     *
     * @param text   the stored value as one string (modular crypt, PHC, Django, LDAP ...)
     * @param salt   the salt bytes (for platforms that store salt and digest apart)
     * @param digest the derived bytes
     */
    public record Hash(Spec spec, String text, byte[] salt, byte[] digest) {

        public String saltBase64() {
            return B64.encodeToString(salt);
        }

        public String digestBase64() {
            return B64.encodeToString(digest);
        }
    }

    /** Project-level key material of a Firebase project (made up per export). */
    public record FirebaseKey(byte[] signerKey, byte[] saltSeparator, int rounds, int memCost) {

        public static FirebaseKey random(RandomGenerator random, int rounds, int memCost) {
            byte[] signer = new byte[64];
            random.nextBytes(signer);
            return new FirebaseKey(signer, new byte[] {(byte) 0x07}, rounds, memCost);
        }
    }

    private final @Nullable FirebaseKey firebase;

    public Hashes(@Nullable FirebaseKey firebase) {
        this.firebase = firebase;
    }

    /** Whether this class computes the scheme (in some format). */
    public static boolean supports(String scheme) {
        String s = scheme.toLowerCase(Locale.ROOT);
        return switch (s) {
            case "bcrypt", "argon2id", "argon2i", "argon2d", "pbkdf2-sha1", "pbkdf2-sha256", "pbkdf2-sha512", "scrypt", "firebase-scrypt",
                 "phpass", "ssha", "ldap", "sha256-crypt", "sha512-crypt", "crypt", "plain text", "md5", "sha1", "sha256", "sha512", "hmac" -> true;
            default -> digestLength(s) > 0;
        };
    }

    /**
     * Hashes the password. {@code randomBytes} is this user's own stream of random bytes (salts), so users can be
     * hashed in parallel and still give the same result for the same seed.
     */
    public Hash hash(Spec spec, String password, RandomGenerator randomBytes) {
        try {
            return compute(spec, password, randomBytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks an algorithm the rehearsal export needs: " + e.getMessage(), e);
        }
    }

    private Hash compute(Spec spec, String password, RandomGenerator random) throws GeneralSecurityException {
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        String scheme = spec.scheme().toLowerCase(Locale.ROOT);
        String format = spec.format();
        switch (scheme) {
            case "bcrypt" -> {
                int cost = Math.clamp(spec.integer("cost", 10), 4, 31);
                byte[] salt = bytes(random, 16);
                String text = BCrypt.hashpw(pw, "$2a$" + (cost < 10 ? "0" : "") + cost + "$" + bcrypt64(salt));
                String stored = switch (format) {
                    case "Spring Security {bcrypt}" -> "{bcrypt}" + text;
                    case "Django bcrypt" -> "bcrypt$" + text;
                    default -> text;
                };
                return new Hash(new Spec("bcrypt", "cost=" + cost, format.isEmpty() ? "Modular crypt" : format), stored, salt,
                        text.substring(29).getBytes(StandardCharsets.US_ASCII));
            }
            case "argon2id", "argon2i", "argon2d" -> {
                int m = Math.clamp(spec.integer("m", 19456), 8, 4 * 1024 * 1024);
                int t = Math.clamp(spec.integer("t", 2), 1, 100);
                int p = Math.clamp(spec.integer("p", 1), 1, 64);
                byte[] salt = bytes(random, 16);
                int type = switch (scheme) {
                    case "argon2i" -> Argon2Parameters.ARGON2_i;
                    case "argon2d" -> Argon2Parameters.ARGON2_d;
                    default -> Argon2Parameters.ARGON2_id;
                };
                var generator = new Argon2BytesGenerator();
                generator.init(new Argon2Parameters.Builder(type).withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(salt)
                        .withMemoryAsKB(m).withIterations(t).withParallelism(p).build());
                byte[] out = new byte[32];
                generator.generateBytes(pw, out);
                String params = "m=" + m + ",t=" + t + ",p=" + p;
                String phc = "$" + scheme + "$v=19$" + params + "$" + B64_BARE.encodeToString(salt) + "$" + B64_BARE.encodeToString(out);
                return new Hash(new Spec(scheme, params, format.isEmpty() ? "PHC string" : format), format.equals("Django") ? "argon2" + phc : phc,
                        salt, out);
            }
            case "pbkdf2-sha1", "pbkdf2-sha256", "pbkdf2-sha512" -> {
                return pbkdf2(spec, scheme, pw, password, random);
            }
            case "scrypt" -> {
                int n = spec.integer("N", 1 << 15);
                int r = spec.integer("r", 8);
                int p = spec.integer("p", 1);
                n = Integer.highestOneBit(Math.clamp(n, 2, 1 << 20));
                if (format.equals("Werkzeug")) {
                    String salt = text(random, 16);
                    byte[] out = SCrypt.generate(pw, salt.getBytes(StandardCharsets.US_ASCII), n, r, p, 64);
                    return new Hash(new Spec("scrypt", "N=" + n + ",r=" + r + ",p=" + p, format), "scrypt:" + n + ":" + r + ":" + p + "$" + salt
                            + "$" + HexFormat.of().formatHex(out), salt.getBytes(StandardCharsets.US_ASCII), out);
                }
                byte[] salt = bytes(random, 16);
                byte[] out = SCrypt.generate(pw, salt, n, r, p, 32);
                int ln = Integer.numberOfTrailingZeros(n);
                String text = "$scrypt$ln=" + ln + ",r=" + r + ",p=" + p + "$" + B64_BARE.encodeToString(salt) + "$" + B64_BARE.encodeToString(out);
                return new Hash(new Spec("scrypt", "N=2^" + ln + ",r=" + r + ",p=" + p, format.isEmpty() ? "PHC string" : format), text, salt, out);
            }
            case "firebase-scrypt" -> {
                FirebaseKey key = firebase != null ? firebase : new FirebaseKey(new byte[64], new byte[] {7}, 8, 14);
                byte[] salt = bytes(random, 10);
                byte[] saltAndSeparator = new byte[salt.length + key.saltSeparator().length];
                System.arraycopy(salt, 0, saltAndSeparator, 0, salt.length);
                System.arraycopy(key.saltSeparator(), 0, saltAndSeparator, salt.length, key.saltSeparator().length);
                byte[] derived = SCrypt.generate(pw, saltAndSeparator, 1 << key.memCost(), key.rounds(), 1, 64);
                var aes = Cipher.getInstance("AES/CTR/NoPadding");
                aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(derived, 0, 32, "AES"), new IvParameterSpec(new byte[16]));
                byte[] out = aes.doFinal(key.signerKey());
                return new Hash(new Spec("firebase-scrypt", "rounds=" + key.rounds() + ",mem_cost=" + key.memCost(), "Firebase"),
                        B64.encodeToString(out), salt, out);
            }
            case "phpass" -> {
                int log2 = Math.clamp(Integer.numberOfTrailingZeros(Integer.highestOneBit(Math.max(spec.integer("iterations", 1 << 13), 128))), 7, 30);
                String salt = itoa(random, 8);
                var md5 = MessageDigest.getInstance("MD5");
                md5.update(salt.getBytes(StandardCharsets.US_ASCII));
                byte[] h = md5.digest(pw);
                for (int i = 0; i < (1 << log2); i++) {
                    md5.update(h);
                    h = md5.digest(pw);
                }
                String marker = format.startsWith("phpBB") ? "$H$" : "$P$";
                String text = marker + ITOA64.charAt(log2) + salt + phpassEncode(h);
                return new Hash(new Spec("phpass", "iterations=2^" + log2, marker.equals("$H$") ? "phpBB phpass" : "WordPress phpass"), text,
                        salt.getBytes(StandardCharsets.US_ASCII), h);
            }
            case "ssha" -> {
                String id = format.contains("SSHA512") ? "SSHA512" : format.contains("SSHA256") ? "SSHA256" : format.contains("SSHA384") ? "SSHA384" : "SSHA";
                String algorithm = switch (id) {
                    case "SSHA512" -> "SHA-512";
                    case "SSHA384" -> "SHA-384";
                    case "SSHA256" -> "SHA-256";
                    default -> "SHA-1";
                };
                byte[] salt = bytes(random, 8);
                var digest = MessageDigest.getInstance(algorithm);
                digest.update(pw);
                byte[] h = digest.digest(salt);
                byte[] stored = new byte[h.length + salt.length];
                System.arraycopy(h, 0, stored, 0, h.length);
                System.arraycopy(salt, 0, stored, h.length, salt.length);
                return new Hash(new Spec("ssha", "", "LDAP {" + id + "}"), "{" + id + "}" + B64.encodeToString(stored), salt, h);
            }
            case "ldap" -> {
                String id = format.contains("{MD5}") ? "MD5" : format.contains("{SHA256}") ? "SHA256" : format.contains("{SHA512}") ? "SHA512" : "SHA";
                String algorithm = switch (id) {
                    case "MD5" -> "MD5";
                    case "SHA256" -> "SHA-256";
                    case "SHA512" -> "SHA-512";
                    default -> "SHA-1";
                };
                byte[] h = MessageDigest.getInstance(algorithm).digest(pw);
                return new Hash(new Spec("ldap", "", "LDAP {" + id + "}"), "{" + id + "}" + B64.encodeToString(h), new byte[0], h);
            }
            case "sha256-crypt", "sha512-crypt" -> {
                int rounds = Math.clamp(spec.integer("rounds", 5000), 1000, 999_999_999);
                String salt = itoa(random, 16);
                String setting = (scheme.equals("sha256-crypt") ? "$5$" : "$6$") + (rounds == 5000 ? "" : "rounds=" + rounds + "$") + salt;
                String text = scheme.equals("sha256-crypt") ? Sha2Crypt.sha256Crypt(pw, setting) : Sha2Crypt.sha512Crypt(pw, setting);
                return new Hash(new Spec(scheme, "rounds=" + rounds, "crypt(3)"), text, salt.getBytes(StandardCharsets.US_ASCII),
                        text.substring(text.lastIndexOf('$') + 1).getBytes(StandardCharsets.US_ASCII));
            }
            case "crypt" -> {
                String salt = itoa(random, 8);
                boolean apr = format.contains("apr1");
                String text = apr ? Md5Crypt.apr1Crypt(pw, "$apr1$" + salt) : Md5Crypt.md5Crypt(pw, "$1$" + salt);
                return new Hash(new Spec("crypt", "", apr ? "Apache MD5 (apr1)" : "MD5-crypt"), text, salt.getBytes(StandardCharsets.US_ASCII),
                        text.substring(text.lastIndexOf('$') + 1).getBytes(StandardCharsets.US_ASCII));
            }
            case "plain text" -> {
                return new Hash(new Spec("plain text", "", "Spring Security {noop}"), "{noop}" + password, new byte[0], pw);
            }
            case "md5", "sha1", "sha256", "sha512" -> {
                // a salted digest in Ory's notation, which names its digest (a bare digest could not be named)
                byte[] salt = bytes(random, 16);
                var digest = MessageDigest.getInstance(jdkDigest(scheme));
                digest.update(salt);
                byte[] h = digest.digest(pw);
                String pf = B64.encodeToString("{SALT}{PASSWORD}".getBytes(StandardCharsets.US_ASCII));
                return new Hash(new Spec(scheme, "", "Ory salted digest"), "$" + scheme + "$pf=" + pf + "$" + B64.encodeToString(salt) + "$"
                        + B64.encodeToString(h), salt, h);
            }
            case "hmac" -> {
                byte[] key = bytes(random, 32);
                var mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                byte[] h = mac.doFinal(pw);
                return new Hash(new Spec("hmac", "", "Ory HMAC"), "$hmac-sha256$" + B64.encodeToString(h) + "$" + B64.encodeToString(key), key, h);
            }
            default -> {
                int length = digestLength(scheme);
                if (length <= 0) {
                    throw new IllegalArgumentException("No rehearsal hash for the scheme " + spec.scheme());
                }
                return rawDigest(spec, length, pw);
            }
        }
    }

    private Hash pbkdf2(Spec spec, String scheme, byte[] pw, String password, RandomGenerator random) throws GeneralSecurityException {
        String digest = scheme.substring("pbkdf2-".length());
        String format = spec.format();
        int iterations = Math.clamp(spec.integer("iterations", switch (digest) {
            case "sha1" -> 1000;
            case "sha512" -> 210_000;
            default -> 600_000;
        }), 1, 100_000_000);
        String prf = switch (digest) {
            case "sha1" -> "HmacSHA1";
            case "sha512" -> "HmacSHA512";
            default -> "HmacSHA256";
        };
        int natural = switch (digest) {
            case "sha1" -> 20;
            case "sha512" -> 64;
            default -> 32;
        };
        int keyLength = Math.clamp(spec.integer("l", natural), 16, 128);
        if (format.equals("ASP.NET Identity v2")) {
            byte[] salt = bytes(random, 16);
            byte[] key = derive("PBKDF2WithHmacSHA1", password, salt, 1000, 32);
            byte[] stored = new byte[49];
            System.arraycopy(salt, 0, stored, 1, 16);
            System.arraycopy(key, 0, stored, 17, 32);
            return new Hash(new Spec("pbkdf2-sha1", "iterations=1000", format), B64.encodeToString(stored), salt, key);
        }
        if (format.equals("ASP.NET Identity v3")) {
            byte[] salt = bytes(random, 16);
            byte[] key = derive("PBKDF2With" + prf, password, salt, iterations, 32);
            var buffer = java.nio.ByteBuffer.allocate(13 + 16 + 32);
            buffer.put((byte) 1).putInt(digest.equals("sha1") ? 0 : digest.equals("sha256") ? 1 : 2).putInt(iterations).putInt(16).put(salt).put(key);
            return new Hash(new Spec(scheme, "iterations=" + iterations, format), B64.encodeToString(buffer.array()), salt, key);
        }
        if (format.equals("Django") && !digest.equals("sha512")) {
            String salt = text(random, 22);
            byte[] key = derive("PBKDF2With" + prf, password, salt.getBytes(StandardCharsets.US_ASCII), iterations, natural);
            return new Hash(new Spec(scheme, "iterations=" + iterations, format), "pbkdf2_" + digest + "$" + iterations + "$" + salt + "$"
                    + B64.encodeToString(key), salt.getBytes(StandardCharsets.US_ASCII), key);
        }
        if (format.equals("Werkzeug")) {
            String salt = text(random, 16);
            byte[] key = derive("PBKDF2With" + prf, password, salt.getBytes(StandardCharsets.US_ASCII), iterations, natural);
            return new Hash(new Spec(scheme, "iterations=" + iterations, format), "pbkdf2:" + digest + ":" + iterations + "$" + salt + "$"
                    + HexFormat.of().formatHex(key), salt.getBytes(StandardCharsets.US_ASCII), key);
        }
        if (format.equals("LDAP {PBKDF2}")) {
            byte[] salt = bytes(random, 16);
            byte[] key = derive("PBKDF2With" + prf, password, salt, iterations, natural);
            String id = digest.equals("sha1") ? "PBKDF2" : "PBKDF2-" + digest.toUpperCase(Locale.ROOT);
            return new Hash(new Spec(scheme, "iterations=" + iterations, format), "{" + id + "}" + iterations + "$" + B64.encodeToString(salt)
                    + "$" + B64.encodeToString(key), salt, key);
        }
        byte[] salt = bytes(random, 16);
        byte[] key = derive("PBKDF2With" + prf, password, salt, iterations, keyLength);
        if (format.equals("passlib")) {
            String id = digest.equals("sha1") ? "pbkdf2" : "pbkdf2-" + digest;
            return new Hash(new Spec(scheme, "iterations=" + iterations, format), "$" + id + "$" + iterations + "$" + ab64(salt) + "$" + ab64(key),
                    salt, key);
        }
        String text = "$pbkdf2-" + digest + "$i=" + iterations + ",l=" + keyLength + "$" + B64_BARE.encodeToString(salt) + "$"
                + B64_BARE.encodeToString(key);
        return new Hash(new Spec(scheme, "iterations=" + iterations, format.isEmpty() ? "PHC string" : format), text, salt, key);
    }

    /** Unnamed raw digests (the analyser says "unknown digest (length N)"): an unsalted digest of that length. */
    private static Hash rawDigest(Spec spec, int length, byte[] pw) throws GeneralSecurityException {
        boolean hex = length == 32 || length == 40 || length == 56 || length == 64 || length == 96 || length == 128;
        String algorithm = switch (length) {
            case 32, 24 -> "MD5";
            case 40, 28 -> "SHA-1";
            case 56 -> "SHA-224";
            case 64, 44 -> "SHA-256";
            case 96 -> "SHA-384";
            default -> "SHA-512";
        };
        byte[] h = MessageDigest.getInstance(algorithm).digest(pw);
        String text = hex ? HexFormat.of().formatHex(h) : B64.encodeToString(h);
        return new Hash(new Spec(spec.scheme(), "", "raw digest (" + algorithm.toLowerCase(Locale.ROOT).replace("-", "") + ", unsalted, "
                + (hex ? "hex" : "base64") + ")"), text, new byte[0], h);
    }

    /** The length in "unknown digest (length N)" when it is one a common digest has in hex or base64, else 0. */
    static int digestLength(String scheme) {
        if (!scheme.startsWith("unknown digest (length ")) {
            return 0;
        }
        try {
            int n = Integer.parseInt(scheme.substring("unknown digest (length ".length(), scheme.length() - 1));
            return switch (n) {
                case 24, 28, 32, 40, 44, 56, 64, 88, 96, 128 -> n;
                default -> 0;
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            return 0;
        }
    }

    private static String jdkDigest(String scheme) {
        return switch (scheme) {
            case "md5" -> "MD5";
            case "sha1" -> "SHA-1";
            case "sha512" -> "SHA-512";
            default -> "SHA-256";
        };
    }

    private static byte[] derive(String algorithm, String password, byte[] salt, int iterations, int bytes) throws GeneralSecurityException {
        var spec = new PBEKeySpec(password.toCharArray(), salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
        } finally {
            spec.clearPassword();
        }
    }

    static byte[] bytes(RandomGenerator random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** Salt text of letters and digits (Django, Werkzeug). */
    static String text(RandomGenerator random, int n) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String itoa(RandomGenerator random, int n) {
        var sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ITOA64.charAt(random.nextInt(64)));
        }
        return sb.toString();
    }

    /** bcrypt's own base64 (OpenBSD alphabet, no padding). */
    static String bcrypt64(byte[] d) {
        var sb = new StringBuilder();
        int off = 0;
        while (off < d.length) {
            int c1 = d[off++] & 0xff;
            sb.append(BCRYPT64.charAt((c1 >> 2) & 0x3f));
            c1 = (c1 & 0x03) << 4;
            if (off >= d.length) {
                sb.append(BCRYPT64.charAt(c1 & 0x3f));
                break;
            }
            int c2 = d[off++] & 0xff;
            c1 |= (c2 >> 4) & 0x0f;
            sb.append(BCRYPT64.charAt(c1 & 0x3f));
            c1 = (c2 & 0x0f) << 2;
            if (off >= d.length) {
                sb.append(BCRYPT64.charAt(c1 & 0x3f));
                break;
            }
            c2 = d[off++] & 0xff;
            c1 |= (c2 >> 6) & 0x03;
            sb.append(BCRYPT64.charAt(c1 & 0x3f));
            sb.append(BCRYPT64.charAt(c2 & 0x3f));
        }
        return sb.toString();
    }

    /** phpass's encode64 of the 16 MD5 bytes: 22 characters. */
    private static String phpassEncode(byte[] input) {
        var out = new StringBuilder();
        int i = 0;
        int count = input.length;
        do {
            int value = input[i++] & 0xff;
            out.append(ITOA64.charAt(value & 0x3f));
            if (i < count) {
                value |= (input[i] & 0xff) << 8;
            }
            out.append(ITOA64.charAt((value >> 6) & 0x3f));
            if (i++ >= count) {
                break;
            }
            if (i < count) {
                value |= (input[i] & 0xff) << 16;
            }
            out.append(ITOA64.charAt((value >> 12) & 0x3f));
            if (i++ >= count) {
                break;
            }
            out.append(ITOA64.charAt((value >> 18) & 0x3f));
        } while (i < count);
        return out.toString();
    }

    /** passlib's "adapted base64": standard alphabet with '.' for '+', no padding. */
    private static String ab64(byte[] b) {
        return B64_BARE.encodeToString(b).replace('+', '.');
    }
}
