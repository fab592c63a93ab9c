package org.switchboard.store.db;

/** The entity asked for does not exist (HTTP 404). */
public final class NotFoundException extends RuntimeException {
    private final String entity;
    private final String key;

    public NotFoundException(String entity, String key) {
        super(entity + " " + key + " not found");
        this.entity = entity;
        this.key = key;
    }

    public String entity() {
        return entity;
    }

    public String key() {
        return key;
    }
}
