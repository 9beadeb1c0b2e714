package io.ciamportal.exports.internal;

import io.ciamportal.exports.ExportFormatException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A streaming RFC 4180 reader: commas, double quotes with doubled quotes inside, line breaks inside quotes, CRLF or
 * LF. One row in memory at a time, with the row's first line number for error messages; the stream's record limit
 * bounds a row. Text that is not UTF-8 is an error, not a guess.
 */
public final class CsvRows {

    private static final int MAX_FIELDS = 2_000;

    private final ExportStream stream;
    private final Reader reader;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line = 1;
    private long rowLine;
    private final StringBuilder field = new StringBuilder(64);

    public CsvRows(ExportStream stream) {
        this.stream = stream;
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.reader = new InputStreamReader(stream.content(), decoder);
    }

    /** The line the last row started on (1-based). */
    public long line() {
        return rowLine;
    }

    /** The next row's fields, or null at the end. A blank line is an empty list. */
    public @Nullable List<String> next() {
        try {
            if (!fill()) {
                return null;
            }
            stream.recordStarts(stream.contentBytes());
            rowLine = line;
            var fields = new ArrayList<String>(32);
            field.setLength(0);
            boolean quoted = false;
            boolean wasQuoted = false;
            while (true) {
                if (position >= limit && !fill()) {
                    if (quoted) {
                        throw new ExportFormatException(stream.name() + ": a quoted CSV field opened on line " + rowLine
                                + " is never closed (is the file truncated?).");
                    }
                    fields.add(field.toString());
                    return trimBlank(fields, wasQuoted);
                }
                char c = buffer[position++];
                if (quoted) {
                    if (c == '"') {
                        if (position >= limit) {
                            fill();
                        }
                        if (position < limit && buffer[position] == '"') {
                            field.append('"');
                            position++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    if (fields.size() > MAX_FIELDS) {
                        throw new ExportFormatException(stream.name() + ": line " + rowLine + " has more than " + MAX_FIELDS + " columns.");
                    }
                } else if (c == '\n') {
                    line++;
                    fields.add(field.toString());
                    return trimBlank(fields, wasQuoted);
                } else if (c == '\r') {
                    // CRLF: the LF ends the row
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                    wasQuoted = true;
                } else {
                    field.append(c);
                }
            }
        } catch (CharacterCodingException e) {
            throw new ExportFormatException(stream.name() + ": line " + line + " is not UTF-8 text.");
        } catch (IOException e) {
            throw stream.translate(e);
        }
    }

    private static List<String> trimBlank(List<String> fields, boolean quoted) {
        return fields.size() == 1 && fields.getFirst().isEmpty() && !quoted ? List.of() : fields;
    }

    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        int n = reader.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
