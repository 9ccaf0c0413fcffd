package dev.parley.server.profile;

import dev.parley.protocol.Limits;
import dev.parley.protocol.ProtocolException;
import dev.parley.server.store.ProfileStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Turns an uploaded avatar into the picture the server stores, trusting nothing the client did: it reads the
 * dimensions before decoding (too large is refused undecoded), decodes, and re-encodes from the pixels alone,
 * which drops all metadata (EXIF and GPS, PNG text chunks, ICC profiles). Opaque pictures become JPEG, pictures
 * with transparency PNG. The stored name is the SHA-256 hex of the re-encoded bytes.
 */
public final class AvatarImages {
    private static final float JPEG_QUALITY = 0.85f;
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    private AvatarImages() {
    }

    /** The re-encoded picture; {@code bad_request} for anything that is not a small PNG or JPEG. */
    public static ProfileStore.Picture reencode(byte[] upload) {
        String format = startsWith(upload, PNG_MAGIC) ? "png" : startsWith(upload, JPEG_MAGIC) ? "jpeg" : null;
        if (format == null) {
            throw notAnImage();
        }
        BufferedImage decoded = decode(upload, format);
        boolean alpha = decoded.getColorModel().hasAlpha();
        int width = decoded.getWidth();
        int height = decoded.getHeight();
        BufferedImage pixels = new BufferedImage(width, height,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        pixels.setRGB(0, 0, width, height, decoded.getRGB(0, 0, width, height, null, 0, width), 0, width);
        byte[] bytes = alpha ? encode(pixels, "png", null) : encode(pixels, "jpeg", JPEG_QUALITY);
        return new ProfileStore.Picture(sha256(bytes), alpha ? "image/png" : "image/jpeg", bytes);
    }

    private static BufferedImage decode(byte[] upload, String format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + format);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(input, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width > Limits.MAX_AVATAR_SIDE || height > Limits.MAX_AVATAR_SIDE) {
                throw ProtocolException.badRequest("the picture is larger than " + Limits.MAX_AVATAR_SIDE + "×"
                        + Limits.MAX_AVATAR_SIDE + " pixels");
            }
            BufferedImage image = reader.read(0);
            if (image == null || width < 1 || height < 1) {
                throw notAnImage();
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProtocolException protocolException) {
                throw protocolException;
            }
            // Truncated or corrupt data surfaces as IOException or, from some decoders, runtime exceptions.
            throw notAnImage();
        } finally {
            reader.dispose();
        }
    }

    private static byte[] encode(BufferedImage image, String format, Float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (quality != null) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a picture in memory", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static ProtocolException notAnImage() {
        return ProtocolException.badRequest("not an image");
    }
}
