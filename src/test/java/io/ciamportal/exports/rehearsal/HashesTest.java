package io.ciamportal.exports.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.exports.internal.HashClassifier;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.apache.commons.codec.digest.Crypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The rehearsal hashes are real: they verify with other code (Spring Security, commons-codec, published test
 * vectors), and the analyser names them with the scheme, parameters and format they were made for.
 */
class HashesTest {

    private static final String PASSWORD = "Kx7m-Qa2p-Rt9w-Hn4z";
    private final Hashes hashes = new Hashes(null);

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "bcrypt|cost=4|Modular crypt|bcrypt|cost=4",
        "bcrypt|cost=5|Spring Security {bcrypt}|bcrypt|cost=5",
        "argon2id|m=256,t=2,p=1|PHC string|argon2id|m=256,t=2,p=1",
        "argon2i|m=64,t=3,p=2|PHC string|argon2i|m=64,t=3,p=2",
        "pbkdf2-sha256|iterations=1000|PHC string|pbkdf2-sha256|iterations=1000",
        "pbkdf2-sha512|iterations=2000|PHC string|pbkdf2-sha512|iterations=2000",
        "pbkdf2-sha256|iterations=1200|Django|pbkdf2-sha256|iterations=1200",
        "pbkdf2-sha1|iterations=1000|Django|pbkdf2-sha1|iterations=1000",
        "pbkdf2-sha512|iterations=1500|ASP.NET Identity v3|pbkdf2-sha512|iterations=1500",
        "pbkdf2-sha256|iterations=1000|ASP.NET Identity v3|pbkdf2-sha256|iterations=1000",
        "sha512-crypt|rounds=1000|crypt(3)|sha512-crypt|rounds=1000",
        "sha256-crypt|rounds=5000|crypt(3)|sha256-crypt|rounds=5000",
        "crypt||MD5-crypt|crypt|",
        "ssha||LDAP {SSHA}|ssha|",
        "unknown digest (length 32)||raw digest|unknown digest (length 32)|",
    })
    void verifiesElsewhereAndClassifiesAsItsSpec(String scheme, String params, String format, String classified, String classifiedParams)
            throws Exception {
        var h = hashes.hash(new Hashes.Spec(scheme, params == null ? "" : params, format), PASSWORD, new SplittableRandom(42));
        assertThat(io.ciamportal.exports.Verify.matches(PASSWORD, h.text())).as(h.text()).isTrue();
        assertThat(io.ciamportal.exports.Verify.matches("not-" + PASSWORD, h.text())).isFalse();
        var info = HashClassifier.classify(h.text());
        assertThat(info.scheme()).isEqualTo(classified);
        assertThat(info.parameters()).isEqualTo(classifiedParams == null ? null : classifiedParams);
        assertThat(info.format()).isEqualTo(format);
    }

    @Test
    void bcryptAndArgon2VerifyWithSpringSecurity() {
        var bcrypt = hashes.hash(new Hashes.Spec("bcrypt", "cost=10", ""), PASSWORD, new SplittableRandom(1));
        assertThat(bcrypt.text()).startsWith("$2a$10$").hasSize(60);
        assertThat(BCrypt.checkpw(PASSWORD, bcrypt.text())).isTrue();
        var argon = hashes.hash(new Hashes.Spec("argon2id", "m=1024,t=2,p=2", ""), PASSWORD, new SplittableRandom(1));
        assertThat(new Argon2PasswordEncoder(16, 32, 2, 1024, 2).matches(PASSWORD, argon.text())).isTrue();
        assertThat(argon.text()).startsWith("$argon2id$v=19$m=1024,t=2,p=2$");
    }

    @Test
    void phpassMatchesThePhpassTestVector() {
        // phpass's own test suite: a correct portable hash of 'test12345' (salt IQRaTwmf, 2^11 rounds)
        String salt = "IQRaTwmf";
        var random = new Scripted(salt.chars().map(Hashes.ITOA64::indexOf).toArray(), new byte[0]);
        var h = hashes.hash(new Hashes.Spec("phpass", "iterations=2^11", "phpBB phpass"), "test12345", random);
        assertThat(h.text()).isEqualTo("$H$9IQRaTwmfeRo7ud9Fh4E2PdI0S3r.L0");
        var wp = hashes.hash(new Hashes.Spec("phpass", "iterations=2^11", ""), "test12345",
                new Scripted(salt.chars().map(Hashes.ITOA64::indexOf).toArray(), new byte[0]));
        assertThat(wp.text()).isEqualTo("$P$9IQRaTwmfeRo7ud9Fh4E2PdI0S3r.L0");
        assertThat(HashClassifier.classify(wp.text()).parameters()).isEqualTo("iterations=2^11");
    }

    @Test
    void firebaseScryptMatchesTheFirebaseTestVector() {
        // the example of github.com/firebase/scrypt: rounds 8, mem_cost 14
        var key = new Hashes.FirebaseKey(Base64.getDecoder().decode(
                "jxspr8Ki0RYycVU8zykbdLGjFQ3McFUH0uiiTvC8pVMXAn210wjLNmdZJzxUECKbm0QsEmYUSDzZvpjeJ9WmXA=="), Base64.getDecoder().decode("Bw=="), 8, 14);
        var h = new Hashes(key).hash(Hashes.Spec.of("firebase-scrypt"), "user1password",
                new Scripted(new int[0], Base64.getDecoder().decode("42xEC+ixf3L2lw==")));
        assertThat(h.text()).isEqualTo("lSrfV15cpx95/sZS2W9c9Kp6i/LVgQNDNC/qzrCnh1SAyZvqmZqAjTdn3aoItz+VHjoZilo78198JAdRuid5lQ==");
        assertThat(h.saltBase64()).isEqualTo("42xEC+ixf3L2lw==");
    }

    @Test
    void shaCryptKeepsItsRoundsAndVerifiesWithCrypt() {
        var h = hashes.hash(new Hashes.Spec("sha512-crypt", "rounds=2000", ""), PASSWORD, new SplittableRandom(3));
        assertThat(h.text()).startsWith("$6$rounds=2000$");
        assertThat(Crypt.crypt(PASSWORD, h.text())).isEqualTo(h.text());
    }

    @Test
    void theSameSeedGivesTheSameHash() {
        var spec = new Hashes.Spec("argon2id", "m=64,t=1,p=1", "");
        assertThat(hashes.hash(spec, PASSWORD, new SplittableRandom(9)).text()).isEqualTo(hashes.hash(spec, PASSWORD, new SplittableRandom(9)).text())
                .isNotEqualTo(hashes.hash(spec, PASSWORD, new SplittableRandom(10)).text());
    }

    @Test
    void schemesWithoutARealHashAreSaidToBeUnsupported() {
        assertThat(Hashes.supports("bcrypt")).isTrue();
        assertThat(Hashes.supports("unknown digest (length 40)")).isTrue();
        assertThat(Hashes.supports("md4")).isFalse();
        assertThat(Hashes.supports("unknown digest (length 37)")).isFalse();
    }

    /** Hands out the given ints for {@code nextInt(bound)} and the given bytes for {@code nextBytes}. */
    private static final class Scripted implements RandomGenerator {
        private final int[] ints;
        private final byte[] bytes;
        private int at;

        Scripted(int[] ints, byte[] bytes) {
            this.ints = ints;
            this.bytes = bytes;
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int nextInt(int bound) {
            return ints[at++];
        }

        @Override
        public void nextBytes(byte[] out) {
            System.arraycopy(bytes, 0, out, 0, out.length);
        }
    }
}
