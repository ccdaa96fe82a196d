package org.civicpulse.generate;

/** One synthetic community with its size, location and the yearly demand trend the generator gives it. */
record Community(
    int index,
    String id,
    String name,
    String nameZh,
    String district,
    String street,
    long population,
    long households,
    double areaKm2,
    double lat,
    double lon,
    double yearlyTrend) {}
