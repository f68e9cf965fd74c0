package org.customersegmentation.scoring;

import org.customersegmentation.web.BodyLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * A predict body may hold up to {@value SegmentScoring#MAX_RECORDS} customers, and no more bytes than
 * {@code segmentation.scoring.max-body-size} (16 MB: 10,000 customers of some 50 features), so that a huge body is
 * refused as it arrives rather than parsed into memory first.
 */
@Configuration(proxyBeanMethods = false)
class PredictBodyLimit {

    @Bean
    BodyLimit predictBodies(@Value("${segmentation.scoring.max-body-size:16MB}") DataSize maxSize) {
        return new BodyLimit("/api/v1/segmentations/{id}/predict", maxSize);
    }
}
