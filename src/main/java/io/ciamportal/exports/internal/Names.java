package io.ciamportal.exports.internal;

/**
 * Makes a name read from a file (an attribute key, a provider or connection name) safe to show and to put in a
 * spreadsheet: control characters removed, at most 100 characters, and a leading {@code = + - @} (a spreadsheet
 * formula) neutralised with an apostrophe.
 */
public final class Names {

    private Names() {}

    public static String safe(String name) {
        var out = new StringBuilder(Math.min(name.length(), 100));
        for (int i = 0; i < name.length() && out.length() < 100; i++) {
            char c = name.charAt(i);
            if (!Character.isISOControl(c)) {
                out.append(c);
            }
        }
        String s = out.toString().strip();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s.isEmpty() ? "(blank)" : s;
    }

    /** True when a cell would be read as a formula by a spreadsheet. */
    public static boolean formulaLike(String cell) {
        return !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && cell.length() > 1 && !Character.isDigit(cell.charAt(1));
    }
}
