package org.customersegmentation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Where a streamed export goes. It is opened only once the request has been checked, so that a refusal is still
 * answered as a problem rather than as a download that breaks off.
 */
@FunctionalInterface
public interface Download {

    /** What an export writes to the response at a time, well above a row and Tomcat's own 8 KB. */
    int BUFFER = 1 << 16;

    OutputStream open() throws IOException;

    /** The download, buffered. */
    default OutputStream openBuffered() throws IOException {
        return new BufferedOutputStream(open(), BUFFER);
    }

    /** The response as an attachment with this content type and file name. */
    static Download attachment(HttpServletResponse response, String contentType, String fileName) {
        return () -> {
            response.setContentType(contentType);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(fileName).build().toString());
            return response.getOutputStream();
        };
    }
}
