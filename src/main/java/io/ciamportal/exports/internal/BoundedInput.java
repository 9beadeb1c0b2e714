package io.ciamportal.exports.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Stops reading after a fixed number of bytes with an error, for documents that must stay small. */
public final class BoundedInput extends FilterInputStream {

    private final long max;
    private long count;

    public BoundedInput(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && ++count > max) {
            throw new IOException("longer than " + max + " bytes");
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0 && (count += n) > max) {
            throw new IOException("longer than " + max + " bytes");
        }
        return n;
    }
}
