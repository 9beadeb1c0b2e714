package io.ciamportal.backup;

/** A backup or restore that cannot go on, with a message for the person who ran it (no stack trace, no data). */
public class BackupException extends RuntimeException {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
