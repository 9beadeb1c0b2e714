package io.ciamportal.exports;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;

/**
 * Fuzzing the reader of uploaded analysis documents (see {@link ExportFuzzTest} for how Jazzer runs here): any bytes
 * are either refused with an {@link ExportFormatException} or read into an analysis that renders as text and writes
 * back as JSON that reads to itself. Seeds: {@code AnalysisJsonFuzzTestInputs/read/}, documents the analyser wrote.
 */
class AnalysisJsonFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void read(byte[] input) {
        FuzzSupport.bounded(() -> {
            ExportAnalysis a;
            try {
                a = AnalysisJson.read(new ByteArrayInputStream(input));
            } catch (ExportFormatException refused) {
                return;
            }
            AnalysisText.render(a);
            String json = AnalysisJson.write(a);
            String again = AnalysisJson.write(AnalysisJson.read(new ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            if (!again.equals(json)) {
                throw new AssertionError("an uploaded document read, written and read again changed:\n" + json + "\n" + again);
            }
        });
    }
}
