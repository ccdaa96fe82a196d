package org.civicpulse.privacy;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Keyed HMAC-SHA256 pseudonyms for residents: the only form in which a person enters the lake. */
public final class Pseudonymizer implements Serializable {
  /** Environment variable that holds the key; never read from code or config files. */
  public static final String KEY_ENV = "CIVICPULSE_PSEUDONYM_KEY";
  /** Fixed development key for --dev-key: pseudonyms made with it are not secret. */
  static final String DEV_KEY = "civicpulse-development-key-not-secret";

  private final byte[] key;
  private transient Mac mac;

  private Pseudonymizer(byte[] key) {
    this.key = key.clone();
  }

  public static Pseudonymizer withKey(String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("empty pseudonym key");
    }
    return new Pseudonymizer(key.getBytes(StandardCharsets.UTF_8));
  }

  public static Pseudonymizer development() {
    return withKey(DEV_KEY);
  }

  /** resident_key from the trimmed resident id, or, where that is empty, the phone's digits; null if neither. */
  public String residentKey(String residentId, String phone) {
    String id = residentId == null ? "" : residentId.trim();
    if (id.isEmpty()) {
      id = phone == null ? "" : phone.replaceAll("\\D", "");
    }
    return id.isEmpty() ? null : hmacHex(id);
  }

  String hmacHex(String value) {
    try {
      if (mac == null) {
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
      }
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
