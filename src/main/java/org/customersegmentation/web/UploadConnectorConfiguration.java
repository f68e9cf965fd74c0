package org.customersegmentation.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Uploads stream hundreds of megabytes through one request thread. Tomcat reads a request body 8 KB at a
 * time by default, and a read that finds the buffer empty waits for its poller thread to wake it; bigger reads
 * mean far fewer of those hand-offs.
 */
@Configuration(proxyBeanMethods = false)
class UploadConnectorConfiguration {

    @Bean
    TomcatConnectorCustomizer largeReadBuffers() {
        return connector -> {
            connector.setProperty("socket.appReadBufSize", Integer.toString(1 << 16));
            connector.setProperty("socket.rxBufSize", Integer.toString(1 << 20));
        };
    }
}
