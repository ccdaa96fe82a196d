package org.civicpulse.generate;

import java.util.SplittableRandom;

/**
 * Resident identifiers and their (fake but well-formed) mobile numbers. A resident always has the same
 * phone, so the pseudonymised key of a phone-only row matches nothing in particular but stays stable.
 */
final class Residents {
  private final long seed;
  private final CommunityCatalogue communities;

  Residents(long seed, CommunityCatalogue communities) {
    this.seed = seed;
    this.communities = communities;
  }

  /** A resident number of a community; the power skews draws so a few residents call often. */
  long draw(SplittableRandom r, Community c) {
    long pool = Math.max(50, Math.round(c.households() * 1.2));
    long idx = (long) (pool * Math.pow(r.nextDouble(), 1.8));
    return (c.index() + 1) * 1_000_000L + idx;
  }

  /** Staff of organisations and government live outside the resident pools. */
  long drawStaff(SplittableRandom r, Community c) {
    return (c.index() + 1) * 1_000_000L + 900_000L + r.nextInt(60);
  }

  static String id(long resident) {
    return "R" + pad(resident, 9);
  }

  String phone(long resident) {
    long h = mix(seed * 0x9E3779B97F4A7C15L + resident);
    int second = 3 + (int) Math.floorMod(h, 7L);
    long rest = Math.floorMod(h >>> 8, 1_000_000_000L);
    return "1" + second + pad(rest, 9);
  }

  /** A random well-formed mobile number (for phones typed into free text). */
  static String randomPhone(SplittableRandom r) {
    return "1" + (3 + r.nextInt(7)) + String.format("%09d", r.nextLong(1_000_000_000L));
  }

  /** An 18-digit Chinese resident ID number with a valid check digit (GB 11643). */
  static String randomIdNumber(SplittableRandom r) {
    String[] regions = {"420102", "420106", "110105", "310104", "440305", "510107"};
    int year = 1940 + r.nextInt(66);
    int month = 1 + r.nextInt(12);
    int day = 1 + r.nextInt(28);
    String body = regions[r.nextInt(regions.length)] + String.format("%04d%02d%02d%03d", year, month, day,
        r.nextInt(1000));
    int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * w[i];
    }
    return body + "10X98765432".charAt(sum % 11);
  }

  /** Zero-padded decimal; String.format is too slow for a per-row call. */
  static String pad(long v, int width) {
    String s = Long.toString(v);
    if (s.length() >= width) {
      return s;
    }
    StringBuilder b = new StringBuilder(width);
    for (int i = s.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(s).toString();
  }

  CommunityCatalogue communities() {
    return communities;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
