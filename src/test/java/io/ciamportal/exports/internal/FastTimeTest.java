package io.ciamportal.exports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast path of {@link Values#time(String)} gives what the JDK's parsers give, and leaves every other shape to them;
 * its byte version ({@link Values#fastTime(byte[], int, int)}, for {@link Auth0Bytes}) gives what it gives.
 */
class FastTimeTest {

    @ParameterizedTest
    @ValueSource(strings = {"2022-03-14T10:02:11.120Z", "2022-03-14T10:02:11Z", "2022-03-14T10:02:11", "2022-03-14T10:02:11.1Z",
        "2022-03-14T10:02:11.123456789Z", "2022-03-14T10:02:11.120+00:00", "1999-12-31T23:59:59.999Z", "2024-02-29T00:00:00Z",
        "2022-03-01 08:00:00.153624+00", "2022-03-01 08:00:00+00", "2022-03-01 08:00:00", "2022-03-01 08:00:00.5+00:00",
        "1554273912318", "1554273912", "0", "1969-12-31T23:59:59.500Z", "0001-01-01T00:00:00Z"})
    void readsTheCommonShapesAsTheJdkDoes(String text) {
        long fast = Values.fastTime(text);
        assertThat(fast).as(text).isNotEqualTo(Values.NOT_FAST);
        assertThat(Long.valueOf(fast)).as(text).isEqualTo(Values.slowTime(text));
        assertThat(fromBytes(text)).as(text).isEqualTo(fast);
    }

    /** The byte version on the text's bytes, inside a larger array (as it reads a string in a batch). */
    private static long fromBytes(String text) {
        byte[] b = ("{\"last_login\":\"" + text + "\"}").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return Values.fastTime(b, 15, 15 + text.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2022-03-14T10:02:11+02:00", "2022-02-30T10:02:11Z", "2022-13-01T00:00:00Z", "2022-03-14T24:00:00Z",
        "2022-03-14T10:02:61Z", "2022-03-14T10:02:11.Z", "2022-03-14T10:02:11.1234567890Z", "2022-03-14T10:02:11+0000",
        "2022-03-14T10:02:11+00", "2022-03-14 10:02:11Z", "2022-03-14", "14/03/2022 10:02", "1234567890123456", "12.5", "+2022-03-14T10:02:11Z",
        "2022-03-14T10:02:11 Z"})
    void leavesEveryOtherShapeToTheFullParse(String text) {
        assertThat(Values.fastTime(text)).as(text).isEqualTo(Values.NOT_FAST);
        assertThat(fromBytes(text)).as(text).isEqualTo(Values.NOT_FAST);
    }

    @Test
    void agreesWithTheJdkOnRandomTimes() {
        var random = new SplittableRandom(5);
        var formats = new String[] {"yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd HH:mm:ss.SSSSSS'+00'",
            "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX", "yyyy-MM-dd HH:mm:ss"};
        for (int i = 0; i < 20_000; i++) {
            long millis = random.nextLong(-2_000_000_000_000L, 4_000_000_000_000L);
            String text = DateTimeFormatter.ofPattern(formats[i % formats.length], Locale.ROOT).withZone(ZoneOffset.UTC)
                    .format(Instant.ofEpochMilli(millis).plusNanos(random.nextInt(1_000_000)));
            assertThat(Values.time(text)).as(text).isEqualTo(Values.slowTime(text));
            assertThat(fromBytes(text)).as(text).isEqualTo(Values.fastTime(text));
        }
    }

    @Test
    void theByteVersionAgreesOnRandomShapes() {
        var random = new SplittableRandom(9);
        String chars = "0123456789-:T .Z+";
        String base = "2022-03-14T10:02:11.120+00:00";
        for (int i = 0; i < 100_000; i++) {
            var text = new StringBuilder(random.nextBoolean() ? base.substring(0, random.nextInt(base.length() + 1)) : "");
            int extra = random.nextInt(4);
            for (int k = 0; k < extra; k++) {
                int at = random.nextInt(text.length() + 1);
                text.insert(at, chars.charAt(random.nextInt(chars.length())));
            }
            if (text.length() > 0 && random.nextInt(3) == 0) {
                text.setCharAt(random.nextInt(text.length()), chars.charAt(random.nextInt(chars.length())));
            }
            String t = text.toString();
            assertThat(fromBytes(t)).as(t).isEqualTo(Values.fastTime(t));
        }
    }
}
