package io.ciamportal.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The in-memory index of a nested jar that {@link JarMain.CommandClassLoader} loads the analyser's Jackson from. */
class NestedEntryTest {

    @Test
    void classesAreFoundByNameAndReadBackAsWrittenStoredOrDeflated() throws Exception {
        byte[] big = "x".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        byte[] jar = jar(
                entry("a/A.class", "class A".getBytes(StandardCharsets.UTF_8), false),
                entry("a/B.class", big, true),
                entry("a/readme.txt", "not a class".getBytes(StandardCharsets.UTF_8), true),
                entry("module-info.class", new byte[] {1, 2, 3}, true));

        var index = JarMain.NestedEntry.index(jar, 25);

        assertThat(index).containsOnlyKeys("a/A.class", "a/B.class");
        assertThat(new String(index.get("a/A.class").read(), StandardCharsets.UTF_8)).isEqualTo("class A");
        assertThat(index.get("a/B.class").read()).isEqualTo(big);
        assertThat(index.get("a/B.class").deflated()).isTrue();
    }

    @Test
    void ofAMultiReleaseJarTheHighestVersionUpToTheRuntimesStandsForTheName() throws Exception {
        byte[] jar = jar(
                entry("p/C.class", "base".getBytes(StandardCharsets.UTF_8), true),
                entry("META-INF/versions/11/p/C.class", "eleven".getBytes(StandardCharsets.UTF_8), true),
                entry("META-INF/versions/21/p/C.class", "twenty-one".getBytes(StandardCharsets.UTF_8), true),
                entry("META-INF/versions/99/p/C.class", "too new".getBytes(StandardCharsets.UTF_8), true),
                entry("META-INF/versions/99/p/D.class", "only too new".getBytes(StandardCharsets.UTF_8), true));

        assertThat(new String(JarMain.NestedEntry.index(jar, 25).get("p/C.class").read(), StandardCharsets.UTF_8)).isEqualTo("twenty-one");
        assertThat(new String(JarMain.NestedEntry.index(jar, 17).get("p/C.class").read(), StandardCharsets.UTF_8)).isEqualTo("eleven");
        assertThat(JarMain.NestedEntry.index(jar, 25)).doesNotContainKey("p/D.class");
    }

    @Test
    void whatIsNotAPlainZipIsRefusedSoTheLauncherRunsTheCommand() throws Exception {
        byte[] jar = jar(entry("a/A.class", "class A".getBytes(StandardCharsets.UTF_8), true));

        assertThatThrownBy(() -> JarMain.NestedEntry.index("not a zip at all, just some text".getBytes(StandardCharsets.UTF_8), 25))
                .isInstanceOf(IllegalArgumentException.class);
        // cut inside the central directory: the end record is gone
        assertThatThrownBy(() -> JarMain.NestedEntry.index(Arrays.copyOf(jar, jar.length - 30), 25))
                .isInstanceOf(RuntimeException.class);
        // the local header's signature broken
        byte[] broken = jar.clone();
        broken[0] = 0;
        assertThatThrownBy(() -> JarMain.NestedEntry.index(broken, 25)).isInstanceOf(IllegalArgumentException.class);
        // deflated data broken: reading the entry fails, it does not return garbage
        byte[] garbled = jar.clone();
        var entry = JarMain.NestedEntry.index(jar, 25).get("a/A.class");
        Arrays.fill(garbled, entry.offset(), entry.offset() + entry.compressedSize(), (byte) 0xFF);
        assertThatThrownBy(() -> JarMain.NestedEntry.index(garbled, 25).get("a/A.class").read())
                .isInstanceOf(java.util.zip.DataFormatException.class);
    }

    private record Entry(String name, byte[] bytes, boolean deflated) {}

    private static Entry entry(String name, byte[] bytes, boolean deflated) {
        return new Entry(name, bytes, deflated);
    }

    private static byte[] jar(Entry... entries) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (Entry e : entries) {
                var entry = new ZipEntry(e.name());
                if (!e.deflated()) {
                    var crc = new CRC32();
                    crc.update(e.bytes());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.bytes().length);
                    entry.setCompressedSize(e.bytes().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.bytes());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
