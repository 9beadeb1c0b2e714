package io.ciamportal.exports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the analyser accepts before it stops with an error. Configurable as {@code portal.exports.*}; the defaults
 * fit a 10-million-user export and refuse what would exhaust memory or time.
 *
 * @param maxBytes          most bytes read from one file after decompression
 * @param maxExpansionRatio most decompressed bytes per compressed byte (a gzip bomb exceeds this)
 * @param maxRecordBytes    most bytes one user record (a JSON object or a CSV row) may take
 * @param maxNestingDepth   deepest JSON nesting accepted
 * @param maxFiles          most files in one analysis
 */
@ConfigurationProperties("portal.exports")
public record ExportLimits(
        @DefaultValue("53687091200") long maxBytes,
        @DefaultValue("200") int maxExpansionRatio,
        @DefaultValue("4194304") int maxRecordBytes,
        @DefaultValue("64") int maxNestingDepth,
        @DefaultValue("200") int maxFiles) {

    public static ExportLimits defaults() {
        return new ExportLimits(50L * 1024 * 1024 * 1024, 200, 4 * 1024 * 1024, 64, 200);
    }
}
