package io.ciamportal.exports;

import java.util.List;

/** The field names a column mapping can use, for usage texts and forms. */
public final class GenericFields {

    private GenericFields() {}

    public static List<String> names() {
        return io.ciamportal.exports.internal.GenericKinds.fieldNames();
    }
}
