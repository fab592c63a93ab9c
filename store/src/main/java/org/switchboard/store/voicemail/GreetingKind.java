package org.switchboard.store.voicemail;

/** The greetings a box row names a file for, each in its own column. */
public enum GreetingKind {
    UNAVAILABLE("greeting_unavailable"), BUSY("greeting_busy"), NAME("greeting_name");

    private final String column;

    GreetingKind(String column) {
        this.column = column;
    }

    /** The column holding this greeting's file name (a constant: safe to put into SQL text). */
    String column() {
        return column;
    }
}
