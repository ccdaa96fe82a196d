package org.civicpulse.config;

/** A configuration problem a user can fix: an unknown key, a bad value, an unreadable file. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
