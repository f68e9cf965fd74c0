package org.customersegmentation.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A malformed Accept header fails content negotiation once, as a {@link MalformedAcceptException}; after that
 * the request is taken to accept anything, so that the problem saying so (or any other error) can be written at
 * all instead of leaving as an empty body.
 */
@Configuration(proxyBeanMethods = false)
class MalformedAcceptNegotiation implements WebMvcConfigurer {

    private static final String REPORTED = MalformedAcceptNegotiation.class.getName() + ".reported";

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.strategies(List.of(new Tolerant(new HeaderContentNegotiationStrategy())));
    }

    static final class MalformedAcceptException extends HttpMediaTypeNotAcceptableException {

        MalformedAcceptException(String message) {
            super(message);
        }
    }

    private record Tolerant(ContentNegotiationStrategy header) implements ContentNegotiationStrategy {

        @Override
        public List<MediaType> resolveMediaTypes(NativeWebRequest request) throws HttpMediaTypeNotAcceptableException {
            try {
                return header.resolveMediaTypes(request);
            } catch (HttpMediaTypeNotAcceptableException e) {
                if (request.getAttribute(REPORTED, RequestAttributes.SCOPE_REQUEST) != null) {
                    return MEDIA_TYPE_ALL_LIST;
                }
                request.setAttribute(REPORTED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
                throw new MalformedAcceptException(e.getMessage());
            }
        }
    }
}
