package org.customersegmentation.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A CSV upload over a plain socket with a chunked body, so a test can pause half-way, act on the server's
 * state, and then go on or hang up, as a real client on a bad network would.
 */
public final class RawHttpUpload implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;

    public RawHttpUpload(int port, String apiKey) throws IOException {
        this(port, apiKey, "");
    }

    /** @param headers further header lines, each ending with CRLF */
    public RawHttpUpload(int port, String apiKey, String headers) throws IOException {
        this(port, apiKey, "/api/v1/datasets?name=raw", "text/csv", headers);
    }

    /** A chunked POST of any body to any path. */
    public RawHttpUpload(int port, String apiKey, String path, String contentType, String headers) throws IOException {
        socket = new Socket("localhost", port);
        socket.setSoTimeout(60_000);
        out = socket.getOutputStream();
        out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + apiKey + "\r\n"
                + "Content-Type: " + contentType + "\r\nTransfer-Encoding: chunked\r\n" + headers + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    public void send(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Ends the body and returns the response's status line and body. */
    public String finish() throws IOException {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        socket.shutdownOutput();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        in.transferTo(response);
        return response.toString(StandardCharsets.UTF_8);
    }

    /** The response the server sent without waiting for the rest of the body: its status line, headers and body. */
    public String awaitResponse() throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try {
            socket.getInputStream().transferTo(response);
        } catch (java.net.SocketException closedAfterAnswering) {
            // the server may reset the connection once it has answered; what it answered has been read
        }
        return response.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
