package io.ciamportal.exports;

import io.ciamportal.shared.InvalidInputException;

/**
 * A file the analyser cannot read, with where it stopped: the file, and the line or byte offset when known. The
 * message never quotes the file's content (it may be personal data).
 */
public class ExportFormatException extends InvalidInputException {

    public ExportFormatException(String message) {
        super("file", message);
    }
}
