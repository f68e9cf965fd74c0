package org.customersegmentation.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Once the API gives up on a request body it has stopped reading (an upload arriving too slowly), Tomcat must not
 * read the rest before it finishes the answer, as it otherwise does so that the connection can be kept: a client
 * trickling its body would keep the answer, and the thread, waiting for as long as it trickled. This valve tells
 * Tomcat to answer and then close the connection instead.
 */
@Component
class AbandonedBodies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private static final String ABANDONED = AbandonedBodies.class.getName() + ".abandoned";

    /** The rest of this request's body is not wanted: answer, then close the connection. */
    static void abandon(HttpServletRequest request) {
        request.setAttribute(ABANDONED, Boolean.TRUE);
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextValves(new ValveBase(true) {
            @Override
            public void invoke(Request request, Response response) throws IOException, ServletException {
                getNext().invoke(request, response);
                if (request.getAttribute(ABANDONED) != null) {
                    request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
                }
            }
        });
    }
}
