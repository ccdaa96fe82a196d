package org.civicpulse.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.civicpulse.schema.Schemas;
import org.junit.jupiter.api.Test;

/** The generator writes exactly the landing columns the schema files declare (ingest reads them by name). */
class GeneratorHeadersTest {
  @Test
  void landingHeadersMatchTheSchemas() {
    assertThat(RequestRecord.HEADER).containsExactlyInAnyOrderElementsOf(Schemas.get(Schemas.SERVICE_REQUESTS).landingFieldNames());
    assertThat(FeedbackModel.HEADER).containsExactlyInAnyOrderElementsOf(Schemas.get(Schemas.FEEDBACK).landingFieldNames());
    assertThat(ParticipationModel.HEADER).containsExactlyInAnyOrderElementsOf(Schemas.get(Schemas.PARTICIPATION).landingFieldNames());
  }
}
