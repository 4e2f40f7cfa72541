package dev.acgbot.models.image.internal;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import java.awt.image.BufferedImage;
import java.lang.ref.Cleaner;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImageReadersTest {
    private static final Cleaner CLEANER = Cleaner.create();

    /**
     * A reader shaped like webp-imageio's: its parameter object owns "native" options, freed by a Cleaner once the
     * parameter is unreachable. Its read drops its own reference to the parameter, as compiled code does once the options'
     * address is taken, and collects garbage while it "decodes": if nothing else holds the parameter, the options are freed
     * under it.
     */
    private static final class FreeingReader extends ImageReader {
        static final BufferedImage IMAGE = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        final AtomicBoolean freed = new AtomicBoolean();

        FreeingReader() {
            super(null);
        }

        @Override
        public ImageReadParam getDefaultReadParam() {
            ImageReadParam param = new ImageReadParam();
            AtomicBoolean flag = freed;
            CLEANER.register(param, () -> flag.set(true));
            return param;
        }

        @Override
        public BufferedImage read(int imageIndex, ImageReadParam param) {
            if (param == null) {
                param = getDefaultReadParam();
            }
            param = null; // the native address is all the decode keeps
            for (int i = 0; i < 40 && !freed.get(); i++) {
                System.gc();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (freed.get()) {
                throw new IllegalStateException("options freed during the decode");
            }
            return IMAGE;
        }

        @Override
        public int getNumImages(boolean allowSearch) {
            return 1;
        }

        @Override
        public int getWidth(int imageIndex) {
            return IMAGE.getWidth();
        }

        @Override
        public int getHeight(int imageIndex) {
            return IMAGE.getHeight();
        }

        @Override
        public Iterator<ImageTypeSpecifier> getImageTypes(int imageIndex) {
            return null;
        }

        @Override
        public IIOMetadata getStreamMetadata() {
            return null;
        }

        @Override
        public IIOMetadata getImageMetadata(int imageIndex) {
            return null;
        }
    }

    @Test
    void theReadParameterOutlivesTheDecodeSoAReaderCannotFreeItsOptionsUnderIt() throws Exception {
        FreeingReader reader = new FreeingReader();
        assertSame(FreeingReader.IMAGE, ImageReaders.readFirst(reader));
        assertFalse(reader.freed.get());
    }

    @Test
    void readWithoutAParameterTheSameReaderFreesItsOptionsMidDecode() {
        // what readFirst guards against, shown on the same reader: ImageReader.read(0) hands it no parameter
        FreeingReader reader = new FreeingReader();
        assertThrows(IllegalStateException.class, () -> reader.read(0));
    }
}
