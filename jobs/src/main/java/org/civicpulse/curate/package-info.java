/**
 * Curation shared by batch ingest and the stream: the record contract (raw text, reasons), the outcome of each
 * record against the stored table, the version classifier and the quarantine shape. Files and Kafka are source
 * adapters in front of it (docs/data.md, docs/streaming.md).
 */
package org.civicpulse.curate;
