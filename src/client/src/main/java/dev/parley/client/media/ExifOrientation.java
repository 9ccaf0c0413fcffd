package dev.parley.client.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.imgscalr.Scalr;
import org.imgscalr.Scalr.Rotation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EXIF orientation tag (1–8) of a photo and how to turn its stored pixels upright. Cameras store the sensor's
 * pixels as they came and say in this tag how to show them; once metadata is stripped the tag is gone, so the
 * turn has to be applied to the pixels.
 */
final class ExifOrientation {
    private static final Logger log = LoggerFactory.getLogger(ExifOrientation.class);

    private ExifOrientation() {
    }

    /** The orientation tag in IFD0, or 1 (as stored) when there is none or it cannot be read. */
    static int read(byte[] bytes) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (ifd0 == null || !ifd0.containsTag(ExifDirectoryBase.TAG_ORIENTATION)) {
                return 1;
            }
            int orientation = ifd0.getInt(ExifDirectoryBase.TAG_ORIENTATION);
            return orientation >= 1 && orientation <= 8 ? orientation : 1;
        } catch (ImageProcessingException | MetadataException | IOException | RuntimeException e) {
            // Damaged metadata must not stop a photo whose pixels decode; it is shown as stored.
            log.debug("no readable EXIF orientation: {}", e.toString());
            return 1;
        }
    }

    /** True for the orientations (5–8) whose upright picture has width and height swapped. */
    static boolean swapsAxes(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /** The image turned and mirrored so that it shows as the camera meant; 1 returns it unchanged. */
    static BufferedImage upright(BufferedImage image, int orientation) {
        return switch (orientation) {
            case 2 -> Scalr.rotate(image, Rotation.FLIP_HORZ);
            case 3 -> Scalr.rotate(image, Rotation.CW_180);
            case 4 -> Scalr.rotate(image, Rotation.FLIP_VERT);
            // 5 is a transpose (mirror across the main diagonal), 7 a transverse (the other diagonal).
            case 5 -> Scalr.rotate(Scalr.rotate(image, Rotation.CW_90), Rotation.FLIP_HORZ);
            case 6 -> Scalr.rotate(image, Rotation.CW_90);
            case 7 -> Scalr.rotate(Scalr.rotate(image, Rotation.CW_90), Rotation.FLIP_VERT);
            case 8 -> Scalr.rotate(image, Rotation.CW_270);
            default -> image;
        };
    }
}
