package dev.parley.server.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client built by hand on a plain {@link Socket}: it does the HTTP upgrade, then writes whatever
 * frames a test builds (masked or not, any bits, any opcode, all at once or byte by byte) and reads the
 * server's frames one by one. For the frames no well-behaved library would send.
 */
public final class RawWebSocket implements AutoCloseable {
    public static final int FIN = 0x80;
    public static final int RSV1 = 0x40;
    public static final int RSV2 = 0x20;
    public static final int RSV3 = 0x10;
    public static final int CONTINUATION = 0x0;
    public static final int TEXT = 0x1;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;
    /** A close frame without a status code, as the RFC names it. */
    public static final int NO_STATUS = 1005;

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    /** One frame from the server (server frames are never masked). */
    public record Frame(int opcode, boolean fin, byte[] payload) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The status code of a close frame, or {@link #NO_STATUS} if it has none. */
        public int closeCode() {
            return payload.length < 2 ? NO_STATUS : (payload[0] & 0xff) << 8 | payload[1] & 0xff;
        }
    }

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
    }

    public static RawWebSocket open(URI uri) throws IOException {
        return open(uri, null, 0);
    }

    /**
     * Connects from {@code localAddress} (null: any), with a receive buffer of {@code receiveBuffer} bytes (0:
     * the system's), and upgrades to a WebSocket.
     */
    public static RawWebSocket open(URI uri, InetAddress localAddress, int receiveBuffer) throws IOException {
        RawWebSocket raw = connect(uri, localAddress, receiveBuffer);
        try {
            raw.handshake(uri);
            return raw;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** A TCP connection to the server that has not started its WebSocket handshake (see {@link #upgrade}). */
    public static RawWebSocket connect(URI uri, InetAddress localAddress, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        try {
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            if (localAddress != null) {
                socket.bind(new InetSocketAddress(localAddress, 0));
            }
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
            socket.setSoTimeout(20_000);
            return new RawWebSocket(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Finishes the WebSocket handshake of a connection made with {@link #connect}. */
    public RawWebSocket upgrade(URI uri) throws IOException {
        handshake(uri);
        return this;
    }

    /** Writes bytes as they are (say, half a handshake). */
    public void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * Waits (up to the read timeout) until the server hangs up: end of stream, or a reset when it closed with bytes
     * of ours unread. Fails with a {@link java.net.SocketTimeoutException} if it never does.
     */
    public void awaitHangUp() throws IOException {
        try {
            while (in.read() >= 0) {
                // whatever the server sent before hanging up
            }
        } catch (java.net.SocketTimeoutException e) {
            throw e;
        } catch (java.net.SocketException reset) {
            // "Connection reset": hung up too
        }
    }

    private void handshake(URI uri) throws IOException {
        out.write(("GET / HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(new byte[16])
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        while (!header.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("handshake refused: " + header);
            }
            header.write(b);
        }
        if (!header.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 101")) {
            throw new IOException("handshake refused: " + header);
        }
    }

    /** How long a read may wait (20 s unless set). */
    public void readTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
    }

    /** A client frame: {@code firstByte} holds FIN, the RSV bits and the opcode; masked with a random key. */
    public static byte[] frame(int firstByte, byte[] payload) {
        return frame(firstByte, payload, true);
    }

    public static byte[] frame(int firstByte, byte[] payload, boolean masked) {
        ByteBuffer frame = ByteBuffer.allocate(14 + payload.length);
        frame.put((byte) firstByte);
        int maskBit = masked ? 0x80 : 0;
        if (payload.length < 126) {
            frame.put((byte) (maskBit | payload.length));
        } else if (payload.length <= 0xffff) {
            frame.put((byte) (maskBit | 126)).putShort((short) payload.length);
        } else {
            frame.put((byte) (maskBit | 127)).putLong(payload.length);
        }
        byte[] mask = new byte[4];
        if (masked) {
            ThreadLocalRandom.current().nextBytes(mask);
            frame.put(mask);
        }
        for (int i = 0; i < payload.length; i++) {
            frame.put((byte) (payload[i] ^ mask[i % 4]));
        }
        byte[] bytes = new byte[frame.position()];
        frame.flip().get(bytes);
        return bytes;
    }

    /** A close frame's payload: the code, then the reason bytes as given. */
    public static byte[] closePayload(int code, byte... reason) {
        return ByteBuffer.allocate(2 + reason.length).putShort((short) code).put(reason).array();
    }

    /** A complete, valid request frame's text: {@code hello} with the given request id. */
    public static String hello(String id) {
        return "{\"v\":1,\"id\":\"" + id + "\",\"type\":\"hello\",\"body\":{\"protocol\":1}}";
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Sends a masked frame. */
    public void send(int firstByte, byte[] payload) throws IOException {
        write(frame(firstByte, payload));
    }

    /** Writes bytes as they are, in one go. */
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Writes bytes one at a time, each flushed, so the server reads them in as many pieces as it may. */
    public void writeByteByByte(byte[] bytes) throws IOException {
        for (byte b : bytes) {
            out.write(b);
            out.flush();
        }
    }

    /** The next frame from the server; {@link EOFException} if it closed the connection first. */
    public Frame readFrame() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[Math.toIntExact(length)];
        in.readFully(payload);
        return new Frame(first & 0x0f, (first & FIN) != 0, payload);
    }

    /**
     * The next data frame (or close frame) from the server; the server's own keep-alive pings (every 30 s) are
     * answered on the way, as any client would.
     */
    public Frame readMessage() throws IOException {
        for (Frame frame = readFrame(); ; frame = readFrame()) {
            if (frame.opcode() != PING) {
                return frame;
            }
            send(FIN | PONG, frame.payload());
        }
    }

    /** Reads past other frames to the server's close frame and returns it; fails if the connection just ends. */
    public Frame awaitClose() throws IOException {
        for (Frame frame = readFrame(); ; frame = readFrame()) {
            if (frame.opcode() == CLOSE) {
                return frame;
            }
        }
    }

    /**
     * Reads whatever the server still sends until it ends the connection.
     *
     * @return bytes read, or -1 if the server kept the connection open for the whole read timeout
     */
    public long drainUntilClosed() throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
            }
        } catch (SocketTimeoutException e) {
            return -1;
        } catch (IOException e) {
            // A reset is also the server hanging up.
        }
        return total;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
