package org.civicpulse.ingest;

import java.io.Serializable;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.civicpulse.curate.Outcome;

/**
 * Walks the versions of one request (the stored state, then the run's records in file order) and decides
 * for each record: inserted, updated or unchanged (docs/data.md, repeated ids). An older version than the
 * current one (by updated_at) counts as unchanged; so does identical content.
 */
public final class RequestVersions implements Serializable {

  /** The result for one request: an outcome per record, the final state if it changed, the new events. */
  public record Result(List<String> outcomes, Object[] finalState, List<RequestEvent> events) {}

  private final RequestFields f;
  private final EventDeriver deriver;

  public RequestVersions(RequestFields fields) {
    this.f = fields;
    this.deriver = new EventDeriver(fields);
  }

  /** @param stored the lake's state or null @param incoming the run's versions in file order */
  public Result walk(Object[] stored, List<Object[]> incoming) {
    List<String> outcomes = new ArrayList<>();
    List<RequestEvent> events = new ArrayList<>();
    Object[] current = stored;
    boolean changed = false;
    for (Object[] rec : incoming) {
      if (current == null) {
        outcomes.add(Outcome.INSERTED);
      } else if (sameContent(current, rec) || isOlder(rec, current)) {
        outcomes.add(Outcome.UNCHANGED);
        continue;
      } else {
        outcomes.add(Outcome.UPDATED);
      }
      events.addAll(deriver.derive(current, rec));
      current = rec;
      changed = true;
    }
    return new Result(outcomes, changed ? current : null, events);
  }

  private boolean isOlder(Object[] rec, Object[] current) {
    Timestamp a = (Timestamp) rec[f.updatedAt];
    Timestamp b = (Timestamp) current[f.updatedAt];
    return a != null && b != null && a.before(b);
  }

  /** Same curated content; updated_at alone does not make a new version. */
  boolean sameContent(Object[] a, Object[] b) {
    for (int i = 0; i < f.size; i++) {
      if (i != f.updatedAt && !Objects.equals(a[i], b[i])) {
        return false;
      }
    }
    return true;
  }
}
