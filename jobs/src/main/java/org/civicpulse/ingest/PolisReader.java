package org.civicpulse.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.civicpulse.schema.Reasons;

/**
 * Reads a Polis conversation export (comments.json or votes.json: a JSON array, pretty-printed) with a streaming
 * parser, one object at a time. A vote (participant, statement, agree/disagree/pass) is participation of type
 * consultation; a comment (a statement a participant wrote) is of type online_discussion. The area is the
 * conversation. The raw text kept for the quarantine is the object re-serialised on one line.
 */
public final class PolisReader extends HeaderFirstReader {
  /** Prefix of participation ids, activity ids, community ids and pseudonym inputs. */
  static final String SOURCE = "polis";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BufferedReader in;
  private JsonParser parser;
  private boolean done;

  public PolisReader(BufferedReader in) {
    super(FactHeaders.PARTICIPATION);
    this.in = in;
  }

  /** comments*.json and votes*.json (conversation.json describes the conversation: no participation in it). */
  public static boolean accepts(Path file) {
    String n = file.getFileName().toString();
    return (n.startsWith("comments") || n.startsWith("votes")) && LandingFiles.isJsonLines(n);
  }

  @Override
  RawRecord read() {
    if (done) {
      return null;
    }
    long at = parser == null ? 1 : parser.currentLocation().getLineNr();
    try {
      if (parser == null) {
        parser = JSON.getFactory().createParser(in);
        if (parser.nextToken() != JsonToken.START_ARRAY) {
          return end(new RawRecord(1, "", null, List.of(Reasons.of(Reasons.BAD_JSON, "not a JSON array"))));
        }
      }
      JsonToken t = parser.nextToken();
      if (t == null || t == JsonToken.END_ARRAY) {
        return end(null);
      }
      long line = parser.currentTokenLocation().getLineNr();
      JsonNode n = parser.readValueAsTree();
      return map(line, n);
    } catch (JsonProcessingException e) {
      // A syntax error leaves no safe place to resume: the rest of the file is one quarantined record.
      long line = parser == null ? at : parser.currentLocation().getLineNr();
      return end(new RawRecord(line, "", null, List.of(Reasons.of(Reasons.BAD_JSON,
          "unreadable JSON from here on: " + e.getOriginalMessage()))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private RawRecord end(RawRecord last) {
    done = true;
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return last;
  }

  static RawRecord map(long line, JsonNode n) {
    String raw = n.toString();
    if (!n.isObject() || !(n.has("vote") || n.has("txt"))) {
      return new RawRecord(line, raw, null, List.of(Reasons.of(Reasons.BAD_JSON, "neither a Polis vote nor a comment")));
    }
    boolean vote = n.has("vote");
    String conversation = text(n, "conversation_id");
    String participant = text(n, "participant_id");
    String statement = text(n, "statement_id");
    String activity = SourceValues.joinedOrEmpty(":", SOURCE, conversation);
    List<String> v = List.of(
        vote ? SourceValues.joinedOrEmpty(":", activity, "v", participant, statement)
            : SourceValues.joinedOrEmpty(":", activity, "c", statement),
        vote ? SourceValues.epochMillis(text(n, "modified")) : created(text(n, "created")),
        SourceValues.joinedOrEmpty("_", SOURCE, conversation),
        vote ? "consultation" : "online_discussion",
        activity,
        // Participant ids are numbered per conversation, so the pseudonym input is scoped by it.
        SourceValues.joinedOrEmpty(":", activity, participant),
        // Seed statements are written by the conversation's owner (the council or its consultant), not a resident.
        !vote && n.path("is_seed").asBoolean(false) ? "government" : "resident");
    return new RawRecord(line, raw, v, List.of());
  }

  /** Comments carry an ISO time ("2024-05-08T00:22:45.128000Z"); older exports an epoch-ms number. */
  private static String created(String t) {
    return t.matches("\\d+(\\.\\d+)?") ? SourceValues.epochMillis(t) : t;
  }

  private static String text(JsonNode n, String name) {
    JsonNode v = n.get(name);
    return v == null || v.isNull() ? "" : v.asText().strip();
  }
}
