package io.ciamportal.exports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.apache.commons.codec.digest.Crypt;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Checks a stored hash against a clear-text password the way a destination would, independently of the rehearsal
 * code: bcrypt and argon2 through Spring Security's own parsers, PBKDF2 recomputed from the stored salt, crypt(3)
 * through commons-codec, LDAP salted SHA recomputed.
 */
public final class Verify {

    private Verify() {}

    public static boolean matches(String password, String stored) throws Exception {
        if (stored.startsWith("$2")) {
            return BCrypt.checkpw(password, stored);
        }
        if (stored.startsWith("{bcrypt}")) {
            return BCrypt.checkpw(password, stored.substring(8));
        }
        if (stored.startsWith("$argon2")) {
            return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().matches(password, stored);
        }
        if (stored.startsWith("$pbkdf2-")) {
            // $pbkdf2-sha256$i=N,l=L$salt$hash (PHC, base64 without padding)
            String[] parts = stored.split("\\$");
            String digest = parts[1].substring("pbkdf2-".length());
            int iterations = Integer.parseInt(parts[2].split(",")[0].substring(2));
            byte[] salt = Base64.getDecoder().decode(parts[3]);
            byte[] hash = Base64.getDecoder().decode(parts[4]);
            return Arrays.equals(hash, pbkdf2(digest, password, salt, iterations, hash.length));
        }
        if (stored.startsWith("pbkdf2_")) {
            // Django: pbkdf2_sha256$N$salt$base64
            String[] parts = stored.split("\\$");
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            return Arrays.equals(hash, pbkdf2(parts[0].substring(7), password, parts[2].getBytes(StandardCharsets.US_ASCII),
                    Integer.parseInt(parts[1]), hash.length));
        }
        if (stored.startsWith("$5$") || stored.startsWith("$6$") || stored.startsWith("$1$")) {
            return Crypt.crypt(password, stored).equals(stored);
        }
        if (stored.startsWith("{SSHA}")) {
            byte[] all = Base64.getDecoder().decode(stored.substring(6));
            byte[] salt = Arrays.copyOfRange(all, 20, all.length);
            var sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            return Arrays.equals(Arrays.copyOf(all, 20), sha1.digest(salt));
        }
        if (stored.startsWith("$P$") || stored.startsWith("$H$")) {
            return phpass(password, stored).equals(stored);
        }
        if (stored.matches("[0-9a-f]{32}")) {
            return stored.equals(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(password.getBytes(StandardCharsets.UTF_8))));
        }
        if (stored.startsWith("A") && stored.length() > 60) {
            // ASP.NET Identity v3: 0x01, prf, iterations, salt length, salt, subkey
            var b = java.nio.ByteBuffer.wrap(Base64.getDecoder().decode(stored));
            if (b.get() != 1) {
                return false;
            }
            int prf = b.getInt();
            int iterations = b.getInt();
            byte[] salt = new byte[b.getInt()];
            b.get(salt);
            byte[] key = new byte[b.remaining()];
            b.get(key);
            return Arrays.equals(key, pbkdf2(prf == 0 ? "sha1" : prf == 1 ? "sha256" : "sha512", password, salt, iterations, key.length));
        }
        throw new IllegalArgumentException("no verifier for a hash starting " + stored.substring(0, Math.min(8, stored.length())));
    }

    /** phpass's portable hash (the algorithm of its crypt_private). */
    static String phpass(String password, String setting) throws Exception {
        String itoa = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        int count = 1 << itoa.indexOf(setting.charAt(3));
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        var md5 = MessageDigest.getInstance("MD5");
        md5.update(setting.substring(4, 12).getBytes(StandardCharsets.US_ASCII));
        byte[] h = md5.digest(pw);
        do {
            md5.update(h);
            h = md5.digest(pw);
        } while (--count > 0);
        var out = new StringBuilder(setting.substring(0, 12));
        int i = 0;
        do {
            int v = h[i++] & 0xff;
            out.append(itoa.charAt(v & 0x3f));
            if (i < 16) {
                v |= (h[i] & 0xff) << 8;
            }
            out.append(itoa.charAt((v >> 6) & 0x3f));
            if (i++ >= 16) {
                break;
            }
            if (i < 16) {
                v |= (h[i] & 0xff) << 16;
            }
            out.append(itoa.charAt((v >> 12) & 0x3f));
            if (i++ >= 16) {
                break;
            }
            out.append(itoa.charAt((v >> 18) & 0x3f));
        } while (i < 16);
        return out.toString();
    }

    static byte[] pbkdf2(String digest, String password, byte[] salt, int iterations, int bytes) throws Exception {
        String prf = switch (digest) {
            case "sha1" -> "HmacSHA1";
            case "sha512" -> "HmacSHA512";
            default -> "HmacSHA256";
        };
        return SecretKeyFactory.getInstance("PBKDF2With" + prf).generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, bytes * 8))
                .getEncoded();
    }
}
