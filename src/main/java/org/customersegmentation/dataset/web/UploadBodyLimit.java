package org.customersegmentation.dataset.web;

import org.customersegmentation.web.BodyLimit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Uploads limit their bodies themselves, counted after decompression (segmentation.upload.max-size). */
@Configuration(proxyBeanMethods = false)
class UploadBodyLimit {

    @Bean
    BodyLimit uploadsLimitTheirOwnBodies() {
        return new BodyLimit("/api/v1/datasets", null);
    }
}
