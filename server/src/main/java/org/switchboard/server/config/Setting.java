package org.switchboard.server.config;

/** One value as given, before its type is checked, with where it came from. Immutable; any thread. */
record Setting(String text, Origin origin) {}
