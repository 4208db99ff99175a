package org.alcove.server.config;

/** A setting has a value that cannot be used; the message names the setting, never a secret value. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
