package org.customersegmentation.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * One request written byte for byte over a plain socket: the malformed requests (control characters, encoded
 * slashes, an 8 KB request line) that java.net.http refuses to send. Headers and request line are ISO-8859-1, so
 * a char up to U+00FF is that one byte on the wire.
 */
public final class RawHttp {

    private RawHttp() {
    }

    public record Response(int status, String contentType, String body) {
    }

    public static Response exchange(int port, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String withLength = body == null ? head : head + "Content-Length: " + body.length + "\r\n";
            out.write((withLength + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            socket.shutdownOutput();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(response);
            return parse(response.toByteArray());
        }
    }

    private static Response parse(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int endOfHead = text.indexOf("\r\n\r\n");
        String head = endOfHead < 0 ? text : text.substring(0, endOfHead);
        byte[] body = endOfHead < 0 ? new byte[0] : Arrays.copyOfRange(response, endOfHead + 4, response.length);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = null;
        boolean chunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring("content-type:".length()).strip();
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        return new Response(status, contentType, new String(chunked ? unchunk(body) : body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String text = new String(body, StandardCharsets.ISO_8859_1); // one char per byte: indexes are byte offsets
        int at = 0;
        while (true) {
            int lineEnd = text.indexOf("\r\n", at);
            if (lineEnd < 0) {
                return bytes.toByteArray();
            }
            int size = Integer.parseInt(text.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                return bytes.toByteArray();
            }
            bytes.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
