/**
 * The export analyser: reads a platform's user export (streaming, with limits) and counts what a migration needs,
 * keeping no personal data. {@link io.ciamportal.exports.ExportAnalyser} is pure (no Spring, no database), so the
 * {@code analyse-export} command, the API and the migration page all run the same code;
 * {@link io.ciamportal.exports.ExportAnalysis} is the document they print, return and store.
 */
@NullMarked
package io.ciamportal.exports;

import org.jspecify.annotations.NullMarked;
