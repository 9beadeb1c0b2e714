package io.ciamportal.exports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Jackson's symbol-table guard (names crafted to collide) throws a plain {@link IllegalStateException}; the analyser
 * turns it into a refusal of the file with a message, and leaves its own faults alone.
 */
class SymbolFloodTest {

    @Test
    void jacksonsCollisionGuardIsARefusalOfTheFileNamingIt() {
        var flood = fromJackson(new IllegalStateException("Spill-over slots in symbol table with 9000 entries, hash area full"));

        var mapped = ExportAnalyser.symbolFlood("users.json", flood);

        assertThat(mapped).isInstanceOf(ExportFormatException.class)
                .hasMessage("users.json: too many property names that collide in the JSON parser's symbol table (a crafted file?); nothing was kept.")
                .hasMessageNotContaining("Spill-over");
    }

    @Test
    void alsoWhenAReaderThreadHandsItOnWrapped() {
        var wrapped = new RuntimeException("reader failed", fromJackson(new IllegalStateException("hash area full")));

        assertThat(ExportAnalyser.symbolFlood("users.ndjson", wrapped)).isInstanceOf(ExportFormatException.class)
                .hasMessageStartingWith("users.ndjson: too many property names");
    }

    @Test
    void anyOtherFailureIsGivenBackAsItIs() {
        var own = new IllegalStateException("finished");
        var other = new IllegalArgumentException("bad");

        assertThat(ExportAnalyser.symbolFlood("users.json", own)).isSameAs(own);
        assertThat(ExportAnalyser.symbolFlood("users.json", other)).isSameAs(other);
    }

    private static IllegalStateException fromJackson(IllegalStateException e) {
        e.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("tools.jackson.core.sym.ByteQuadsCanonicalizer", "_reportTooManyCollisions", "ByteQuadsCanonicalizer.java", 1),
                new StackTraceElement("tools.jackson.core.json.UTF8StreamJsonParser", "addName", "UTF8StreamJsonParser.java", 2)});
        return e;
    }
}
