package io.ciamportal.exports.internal;

import io.ciamportal.exports.ExportFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A streaming RFC 4180 reader: commas, double quotes with doubled quotes inside, line breaks inside quotes, CRLF or
 * LF. One row in memory at a time, with the row's first line number for error messages; the stream's record limit
 * bounds a row. Text that is not UTF-8 is an error, not a guess: the bytes are decoded here, not by a reader that
 * decodes ahead, so the error names the line the bad byte is on.
 */
public final class CsvRows {

    private static final int MAX_FIELDS = 2_000;

    private final ExportStream stream;
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private final char[] buffer = new char[1 << 16];
    private final CharBuffer chars = CharBuffer.wrap(buffer);
    private int position;
    private int limit;
    private boolean eof;
    private long bytesRead;
    /** the content offset of the first byte that is not UTF-8, once the decoder has reached it; -1 before */
    private long badByteAt = -1;
    private long line = 1;
    private long rowLine;
    /** the line a quoted field still open was opened on, 0 when none is open */
    private long openQuoteLine;
    private final StringBuilder field = new StringBuilder(64);

    public CsvRows(ExportStream stream) {
        this.stream = stream;
        this.in = stream.content();
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
            long rowChars = 0;
            field.setLength(0);
            boolean wasQuoted = false;
            openQuoteLine = 0;
            while (true) {
                if (position >= limit && !fill()) {
                    if (openQuoteLine > 0) {
                        throw new ExportFormatException(stream.name() + ": a quoted CSV field opened on line " + openQuoteLine
                                + " is never closed (is the file truncated?).");
                    }
                    fields.add(field.toString());
                    return trimBlank(fields, wasQuoted);
                }
                char c = buffer[position++];
                if (openQuoteLine > 0) {
                    if (c == '"') {
                        if (position >= limit) {
                            fill();
                        }
                        if (position < limit && buffer[position] == '"') {
                            field.append('"');
                            position++;
                        } else {
                            openQuoteLine = 0;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                } else if (c == ',') {
                    rowChars += field.length() + 1;
                    if (rowChars > stream.limits().maxRecordBytes()) {
                        throw new ExportFormatException(stream.name() + ": the row that starts on line " + rowLine + " is longer than "
                                + stream.limits().maxRecordBytes() + " bytes (portal.exports.max-record-bytes): is this a user export?");
                    }
                    fields.add(field.toString());
                    field.setLength(0);
                    if (fields.size() > MAX_FIELDS) {
                        throw new ExportFormatException(stream.name() + ": line " + rowLine + " has more than " + MAX_FIELDS + " columns.");
                    }
                } else if (c == '\n') {
                    line++;
                    if (rowChars + field.length() > stream.limits().maxRecordBytes()) {
                        throw new ExportFormatException(stream.name() + ": the row that starts on line " + rowLine + " is longer than "
                                + stream.limits().maxRecordBytes() + " bytes (portal.exports.max-record-bytes): is this a user export?");
                    }
                    fields.add(field.toString());
                    return trimBlank(fields, wasQuoted);
                } else if (c == '\r') {
                    // CRLF: the LF ends the row
                } else if (c == '"' && field.isEmpty()) {
                    openQuoteLine = line;
                    wasQuoted = true;
                } else {
                    field.append(c);
                }
            }
        } catch (IOException e) {
            if (e instanceof ExportStream.LimitException limit && limit.record()) {
                throw new ExportFormatException(stream.name() + ": the row that starts on line " + rowLine + " is longer than "
                        + stream.limits().maxRecordBytes() + " bytes (portal.exports.max-record-bytes)" + (openQuoteLine > 0
                        ? ": a quoted field opened on line " + openQuoteLine + " is still open; is its closing quote missing?"
                        : ": is this a user export?"));
            }
            throw stream.translate(e);
        }
    }

    private static List<String> trimBlank(List<String> fields, boolean quoted) {
        return fields.size() == 1 && fields.getFirst().isEmpty() && !quoted ? List.of() : fields;
    }

    /** Decodes more characters when the buffer is used up; false at the end of the content. */
    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        if (badByteAt >= 0) {
            throw notUtf8();
        }
        chars.clear();
        while (chars.position() == 0) {
            CoderResult result = decoder.decode(bytes, chars, eof);
            if (result.isError()) {
                // the characters before the bad byte are read first, so the error names the line it is on
                badByteAt = bytesRead - bytes.remaining();
                if (chars.position() == 0) {
                    throw notUtf8();
                }
                break;
            }
            if (result.isOverflow() || eof) {
                break;
            }
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + n);
                bytesRead += n;
            }
            bytes.flip();
        }
        position = 0;
        limit = chars.position();
        return limit > 0;
    }

    private ExportFormatException notUtf8() {
        return new ExportFormatException(stream.name() + ": line " + line + " is not UTF-8 text (byte offset " + badByteAt + ").");
    }
}
