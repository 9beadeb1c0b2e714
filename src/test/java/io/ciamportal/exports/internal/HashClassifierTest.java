package io.ciamportal.exports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ciamportal.vendor.HashSchemes;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hash classifier against a table of made-up hashes, one family a row: the scheme (from the portal's vocabulary),
 * how it is written, and the cost parameters it shows. None of these hashes is of a real password.
 */
class HashClassifierTest {

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # bcrypt, by its modular-crypt prefix and cost
            $2a$10$dHm47Ai5P29rp6S9q5DQ5m4Q3FZpGDbLBMjA65OzqcvuiaTLT8azf               | bcrypt          | Modular crypt                            | cost=10           | 10
            $2b$12$dHm47Ai5P29rp6S9q5DQ5m4Q3FZpGDbLBMjA65OzqcvuiaTLT8azf               | bcrypt          | Modular crypt                            | cost=12           | 12
            $2y$04$dHm47Ai5P29rp6S9q5DQ5m4Q3FZpGDbLBMjA65OzqcvuiaTLT8azf               | bcrypt          | Modular crypt                            | cost=4            | 4
            $2b$10$tooShort                                                            | bcrypt          | Modular crypt (malformed length 15)      | cost=10           | 10
            $wp$2y$10$dHm47Ai5P29rp6S9q5DQ5m4Q3FZpGDbLBMjA65OzqcvuiaTLT8azf            | bcrypt          | WordPress 6.8 (SHA-384 pre-hash)         | cost=10           | 10
            # Django
            pbkdf2_sha256$870000$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo                          | pbkdf2-sha256   | Django                                   | iterations=870000 |
            pbkdf2_sha1$24000$c2FsdA$aGFzaA==                                          | pbkdf2-sha1     | Django                                   | iterations=24000  |
            # a cost of more than ten digits is not shown (parameters are counted by their text)
            pbkdf2_sha256$123456789012$c2FsdA$aGFzaA==                                 | pbkdf2-sha256   | Django                                   |                   |
            argon2$argon2id$v=19$m=102400,t=2,p=8$c2FsdA$aGFzaA                        | argon2id        | Django                                   | m=102400,t=2,p=8  |
            bcrypt_sha256$$2b$12$dHm47Ai5P29rp6S9q5DQ5m4Q3FZpGDbLBMjA65OzqcvuiaTLT8azf | bcrypt          | Django bcrypt_sha256 (SHA-256 pre-hash)  | cost=12           | 12
            bcrypt$$2b$11$dHm47Ai5P29rp6S9q5DQ5m4Q3FZpGDbLBMjA65OzqcvuiaTLT8azf        | bcrypt          | Django bcrypt                            | cost=11           | 11
            # Werkzeug
            pbkdf2:sha256:600000$c2FsdA$f786e4d3cea27d26934b484e73cf575d               | pbkdf2-sha256   | Werkzeug                                 | iterations=600000 |
            pbkdf2:sha512$c2FsdA$f786e4d3cea27d26934b484e73cf575d                      | pbkdf2-sha512   | Werkzeug                                 |                   |
            scrypt:32768:8:1$c2FsdA$f786e4d3cea27d26934b484e73cf575d                   | scrypt          | Werkzeug                                 | N=32768,r=8,p=1   |
            # PHC strings and passlib
            $argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2g                     | argon2id        | PHC string                               | m=65536,t=3,p=4   |
            $argon2i$v=19$m=4096,t=3,p=1$c2FsdA$aGFzaA                                 | argon2i         | PHC string                               | m=4096,t=3,p=1    |
            $argon2d$m=1024,t=1,p=2$c2FsdA$aGFzaA                                      | argon2d         | PHC string                               | m=1024,t=1,p=2    |
            $pbkdf2-sha256$i=310000,l=32$c2FsdA$aGFzaA                                 | pbkdf2-sha256   | PHC string                               | iterations=310000 |
            $pbkdf2-sha512$i=210000$c2FsdA$aGFzaA                                      | pbkdf2-sha512   | PHC string                               | iterations=210000 |
            $pbkdf2-sha256$29000$N2ZPaW$aGFzaA                                         | pbkdf2-sha256   | passlib                                  | iterations=29000  |
            $pbkdf2$1212$OB.dtnSEXZK8U5cgxU$y5LKPOplRmok7CZp                           | pbkdf2-sha1     | passlib                                  | iterations=1212   |
            $scrypt$ln=17,r=8,p=1$c2FsdA$aGFzaA                                        | scrypt          | PHC string                               | N=2^17,r=8,p=1    |
            $s0$e0801$c2FsdA==$aGFzaA==                                                | scrypt          | Lambdaworks                              |                   |
            # Firebase scrypt as other tools write it
            $firescrypt$ln=14,r=8,p=1$c2FsdA==$aGFzaA==$Bw==$a2V5                      | firebase-scrypt | firescrypt                               |                   |
            $fbscrypt$v=1,n=14,r=8,p=1,ss=Bw==,sk=a2V5$c2FsdA==$aGFzaA==               | firebase-scrypt | fbscrypt                                 |                   |
            $firebase-scrypt$hash=aGFzaA==$salt=c2FsdA==$sk=a2V5$ss=Bw==$r=8$m=14      | firebase-scrypt | firebase-scrypt                          |                   |
            # phpass: the fourth character is log2 of the iterations
            $P$BtY7DpJfHyp37cfgzu69Ww65btYlg0v                                         | phpass          | WordPress phpass                         | iterations=2^13   |
            $H$9hJCz5PYETmmz8JtnXFrXphkRH8KHRR                                         | phpass          | phpBB phpass                             | iterations=2^11   |
            # crypt(3)
            $1$saltsalt$/yLVY.GpjcE4ummnmBxn5M                                         | crypt           | MD5-crypt                                |                   |
            $apr1$saltsalt$6OsICf4B.HAi17OkHUgiwD                                      | crypt           | Apache MD5 (apr1)                        |                   |
            $5$saltsalt$Cyvxxb8GBfVxI0OiG1a9ViJhQeQMSnRNzh11XwVMgtg                    | sha256-crypt    | crypt(3)                                 | rounds=5000       |
            $5$rounds=80000$saltsalt$Cyvxxb8GBfVxI0OiG1a9ViJhQeQMSnRNzh11XwVMgtg       | sha256-crypt    | crypt(3)                                 | rounds=80000      |
            $6$saltsaltsaltsalt$i8QBRwNfOx.xg8DlNxKre9mvn8IJE1HvGwgHE0/BFrMP1UPZSdVpE5hupEH0sL.HKGwD5dxB5TMX3At16sdNXt | sha512-crypt | crypt(3) | rounds=5000 |
            $6$rounds=656000$saltsalt$i8QBRwNfOx.xg8DlNxKre9mvn8IJE1HvGwgHE0/BFrMP1UPZSdVpE5hupEH0sL.HKGwD5dxB5TMX3At16sdNXt | sha512-crypt | crypt(3) | rounds=656000 |
            $y$j9T$c2FsdA$aGFzaA                                                       | crypt           | yescrypt                                 |                   |
            # LDAP (RFC 2307) and its {CRYPT} wrapper, which shows the inner scheme
            {SSHA}c2FsdGVkaGFzaHNhbHRlZGhhc2g=                                         | ssha            | LDAP {SSHA}                              |                   |
            {SSHA256}c2FsdGVkaGFzaHNhbHRlZGhhc2hzYWx0ZWRoYXNo                          | ssha            | LDAP {SSHA256}                           |                   |
            {ssha512}c2FsdGVkaGFzaHNhbHRlZGhhc2hzYWx0ZWRoYXNo                          | ssha            | LDAP {SSHA512}                           |                   |
            {SHA}qUqP5cyxm6YcTAhz05Hph5gvu9M=                                          | ldap            | LDAP {SHA}                               |                   |
            {MD5}X03MO1qnZdYdgyfeuILPmQ==                                              | ldap            | LDAP {MD5}                               |                   |
            {CRYPT}$6$rounds=5000$saltsalt$i8QBRwNfOx.xg8DlNxKre9mvn8IJE1HvGwgHE0/BFrMP1UPZSdVpE5hupEH0sL.HKGwD5dxB5TMX3At16sdNXt | sha512-crypt | LDAP {CRYPT} | rounds=5000 |
            {crypt}$1$saltsalt$/yLVY.GpjcE4ummnmBxn5M                                  | crypt           | LDAP {CRYPT}                             |                   |
            {CRYPT}abJnggxhB/yWI                                                       | crypt           | LDAP {CRYPT}                             |                   |
            {PBKDF2-SHA256}10000:c2FsdA==:aGFzaA==                                     | pbkdf2-sha256   | LDAP {PBKDF2}                            | iterations=10000  |
            {PBKDF2-HMAC-SHA512}27500:c2FsdA==:aGFzaA==                                | pbkdf2-sha512   | LDAP {PBKDF2}                            | iterations=27500  |
            {PBKDF2}10000$c2FsdA$aGFzaA                                                | pbkdf2-sha1     | LDAP {PBKDF2}                            | iterations=10000  |
            # Spring Security's DelegatingPasswordEncoder: the id, then the inner format
            {bcrypt}$2a$10$dHm47Ai5P29rp6S9q5DQ5m4Q3FZpGDbLBMjA65OzqcvuiaTLT8azf       | bcrypt          | Spring Security {bcrypt}                 | cost=10           | 10
            {argon2}$argon2id$v=19$m=16384,t=2,p=1$c2FsdA$aGFzaA                       | argon2id        | Spring Security {argon2}                 | m=16384,t=2,p=1   |
            {pbkdf2}5d923b44a6d129f3ddf3e3c8d29412723dcbde72445e8ef6bf3b508fbf17fa4e   | pbkdf2-sha1     | Spring Security {pbkdf2}                 |                   |
            {sha256}97cde38028ad898ebc02e690819fa220e88c62e0699403e94fff291cfffaf8410849f27605abcbc0 | sha256 | Spring Security {sha256} |    |
            {MD5}{c2FsdA==}f786e4d3cea27d26934b484e73cf575d                            | md5             | Spring Security {MD5}                    |                   |
            {SHA256}AoKHKD4K2EFzWBVpaeWLCBAG9+PfyWemTLFAKNUSyXk=                       | ldap            | LDAP {SHA256}                            |                   |
            {noop}made-up-password                                                     | plain text      | Spring Security {noop}                   |                   |
            # ASP.NET Identity v2: base64 of 0x00, a 16-byte salt and a 32-byte subkey (PBKDF2-SHA1, 1000 iterations)
            AOpHWX+WEzHPkznrDx904KLk8h2yCbTiiBYVdskTN/1ToeEupAlY8/zSsH33zUsjBg==       | pbkdf2-sha1     | ASP.NET Identity v2                      | iterations=1000   |
            # Ory Kratos prefixes
            $md5-crypt$saltsalt$/yLVY.GpjcE4ummnmBxn5M                                 | crypt           | Ory MD5-crypt                            |                   |
            $sha512-crypt$rounds=5000$saltsalt$aGFzaA                                  | sha512-crypt    | Ory crypt(3)                             |                   |
            $sha256$pf=e1NBTFR9e1BBU1NXT1JEfQ==$c2FsdA==$aGFzaA==                      | sha256          | Ory salted digest                        |                   |
            $hmac-sha256$aGFzaA==$a2V5                                                 | hmac            | Ory HMAC                                 |                   |
            # raw digests are never guessed
            f786e4d3cea27d26934b484e73cf575d                                           | unknown digest (length 32)  | raw digest   |                   |
            cad6ba2b0aee0ca923732881584d8c4fa2815d28                                   | unknown digest (length 40)  | raw digest   |                   |
            02827283e0ad84173581569969e58b081006f7e3dfc967a64cb14028d512c979           | unknown digest (length 64)  | raw digest   |                   |
            1e558e08baa7196b50ac2f86702824c1c099724caf4941d4072014b3ce107f80e222f828767efc2f91624a8940f1f836f99eee3692f09e2e8c662248b483b7ff | unknown digest (length 128) | raw digest | |
            qUqP5cyxm6YcTAhz05Hph5gvu9M=                                               | unknown digest (length 28)  | raw digest   |                   |
            """)
    void classifiesTheTable(String hash, String scheme, String format, @Nullable String parameters, @Nullable Integer bcryptCost) {
        HashInfo info = HashClassifier.classify(hash);

        assertThat(info).isEqualTo(new HashInfo(scheme, format, parameters, bcryptCost));
    }

    @ParameterizedTest(name = "prf {0}, {1} iterations: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0 | 1000   | pbkdf2-sha1
            1 | 10000  | pbkdf2-sha256
            2 | 100000 | pbkdf2-sha512
            2 | 600000 | pbkdf2-sha512
            """)
    void readsAspNetIdentityV3FromItsHeader(int prf, int iterations, String scheme) {
        String hash = aspNetV3(prf, iterations, 16, 32);

        assertThat(HashClassifier.classify(hash)).isEqualTo(new HashInfo(scheme, "ASP.NET Identity v3", "iterations=" + iterations, null));
    }

    @Test
    void theKnownAspNetIdentityV3PrefixesMatchTheLayout() {
        assertThat(aspNetV3(1, 10_000, 16, 32)).startsWith("AQAAAAEAACcQ");
        assertThat(aspNetV3(2, 100_000, 16, 32)).startsWith("AQAAAAIAAYag");
    }

    @Test
    void aV3HeaderWithAnUnknownPrfOrSaltLengthIsNotAspNet() {
        assertThat(HashClassifier.classify(aspNetV3(3, 10_000, 16, 32)).unknown()).isTrue();
        assertThat(HashClassifier.classify(aspNetV3(1, 10_000, 200, 32)).unknown()).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n", "  \r\n  "})
    void noValueIsNoPassword(@Nullable String value) {
        assertThat(HashClassifier.classify(value)).isNull();
    }

    @Test
    void surroundingBlankSpaceIsIgnored() {
        assertThat(HashClassifier.classify("  $2b$12$dHm47Ai5P29rp6S9q5DQ5m4Q3FZpGDbLBMjA65OzqcvuiaTLT8azf\n"))
                .isEqualTo(new HashInfo("bcrypt", "Modular crypt", "cost=12", 12));
    }

    @Test
    void wrappersInsideWrappersAreNotFollowed() {
        // one wrapper is looked into; a second is not (a value of nested prefixes would otherwise recurse to its depth)
        assertThat(HashClassifier.classify("{CRYPT}{CRYPT}$1$saltsalt$/yLVY.GpjcE4ummnmBxn5M"))
                .isEqualTo(new HashInfo("crypt", "LDAP {CRYPT}", null, null));
        assertThat(HashClassifier.classify("{bcrypt}{bcrypt}$2a$10$dHm47Ai5P29rp6S9q5DQ5m4Q3FZpGDbLBMjA65OzqcvuiaTLT8azf"))
                .isEqualTo(new HashInfo("bcrypt", "Spring Security {bcrypt}", null, null));
    }

    @Test
    void aHugeValueIsAnUnknownDigestAtOnce() {
        String nested = "{CRYPT}".repeat(600_000);
        String dollars = "$2b$10$" + "$".repeat(4 << 20);

        HashInfo[] results = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> new HashInfo[] {HashClassifier.classify(nested), HashClassifier.classify(dollars)});

        assertThat(results[0]).isEqualTo(HashInfo.unknownDigest(nested.length()));
        assertThat(results[1]).isEqualTo(HashInfo.unknownDigest(dollars.length()));
    }

    @Test
    void everySchemeIsInTheVocabularyOrSaysItIsUnknown() {
        for (String hash : new String[] {"$2a$10$x", "{SSHA}x", "{CRYPT}x", "$sha1$x", "$7$x", "{sha256}x", "{MD5}x", "{SHA-1}x",
                "{scrypt}x", "{pbkdf2}x", "{argon2}x", "{ldap}x", "AQAAAAEAACcQ", "$argon2id$v=19$m=1,t=1,p=1$x$y"}) {
            String scheme = HashClassifier.classify(hash).scheme();
            assertThat(HashSchemes.known(scheme) || scheme.startsWith(HashInfo.UNKNOWN_DIGEST)).as(hash + " -> " + scheme).isTrue();
        }
    }

    /** An ASP.NET Identity v3 blob: 0x01, PRF, iterations and salt length as big-endian u32, salt, subkey. */
    static String aspNetV3(int prf, int iterations, int saltLength, int subkeyLength) {
        var bytes = ByteBuffer.allocate(13 + Math.min(saltLength, 64) + subkeyLength);
        bytes.put((byte) 1).putInt(prf).putInt(iterations).putInt(saltLength);
        for (int i = 0; bytes.hasRemaining(); i++) {
            bytes.put((byte) (i * 37 + 11));
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
