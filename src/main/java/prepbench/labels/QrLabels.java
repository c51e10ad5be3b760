package prepbench.labels;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.imageio.ImageIO;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * Draws a QR label: the symbol with its quiet zone and, if the caption is not empty, the
 * caption centred below it. Stateless apart from a once-only warning; safe to share.
 */
@Component
public class QrLabels {

    /** The quiet zone, in modules, that ISO/IEC 18004 asks for around the symbol. */
    private static final int QUIET_ZONE = 4;

    private static final int MAX_CONTENT = 512;

    private static final int MAX_CAPTION = 64;

    private static final int MAX_PIXELS_PER_MODULE = 40;

    private static final Logger log = LoggerFactory.getLogger(QrLabels.class);

    private static final char GS = '\u001D';

    private static final double LABEL_WIDTH_MM = 40;

    /** A 3 mm caption on a 40 mm label, as a share of the label's width. */
    private static final float CAPTION_SIZE = 3f / 40;

    /**
     * A generous average advance of a sans-serif glyph, in ems: the SVG cannot measure
     * its text.
     */
    private static final double GLYPH_WIDTH_EM = 0.65;

    private static final Map<EncodeHintType, Object> HINTS = Map.of(EncodeHintType.ERROR_CORRECTION,
            ErrorCorrectionLevel.M, EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, QUIET_ZONE);

    private final AtomicBoolean noFontsLogged = new AtomicBoolean();

    /**
     * A standalone SVG document, 40 mm wide, in module units: the dark modules as one
     * path on a white background, and the caption in a sans-serif font below.
     * @param content what the symbol encodes (UTF-8): {@code F=CODE} or an ingredient's
     * code; GS (0x1D) allowed
     * @param caption the human-readable line under the symbol; empty for none
     * @throws IllegalArgumentException if content or caption break the limits in
     * {@link #png(String, String, int)}
     */
    public String svg(String content, String caption) {
        BitMatrix matrix = encode(content, caption);
        int size = matrix.getWidth();
        double fontSize = caption.isEmpty() ? 0
                : Math.min(size * CAPTION_SIZE, (size - 2) / (GLYPH_WIDTH_EM * caption.length()));
        // Half a line of white below the text keeps its descenders off the label's edge
        double height = size + fontSize * 1.5;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, """
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" width="%.2fmm" height="%.2fmm" viewBox="0 0 %d %.2f">
                <rect width="100%%" height="100%%" fill="#fff"/>
                <path fill="#000" shape-rendering="crispEdges" d="%s"/>
                """, LABEL_WIDTH_MM, LABEL_WIDTH_MM * height / size, size, height, darkModules(matrix)));
        if (!caption.isEmpty()) {
            svg.append(String.format(Locale.ROOT, """
                    <text x="%.2f" y="%.2f" font-family="sans-serif" font-size="%.2f" text-anchor="middle" \
                    fill="#000">%s</text>
                    """, size / 2.0, size + fontSize, fontSize, escapeXml(caption)));
        }
        return svg.append("</svg>\n").toString();
    }

    /**
     * A PNG of the label: black on white, {@code pixelsPerModule} pixels to a module, the
     * caption in SansSerif below. On a JVM that cannot draw text (a headless JDK without
     * fonts) the PNG has no caption and a warning is logged once.
     * @param content what the symbol encodes (UTF-8): not blank, at most 512 characters,
     * no control characters but GS (0x1D)
     * @param caption the human-readable line under the symbol: at most 64 characters, no
     * control characters; empty for none
     * @param pixelsPerModule 1 to 40
     * @throws IllegalArgumentException if an argument breaks these limits
     */
    public byte[] png(String content, String caption, int pixelsPerModule) {
        if (pixelsPerModule < 1 || pixelsPerModule > MAX_PIXELS_PER_MODULE) {
            throw new IllegalArgumentException(
                    "pixelsPerModule must be 1 to " + MAX_PIXELS_PER_MODULE + ", was " + pixelsPerModule);
        }
        BufferedImage symbol = MatrixToImageWriter.toBufferedImage(scale(encode(content, caption), pixelsPerModule));
        BufferedImage label = caption.isEmpty() ? symbol : withCaption(symbol, caption, pixelsPerModule);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(label, "png", png);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /** The symbol with its quiet zone, one bit per module. */
    private static BitMatrix encode(String content, String caption) {
        check(content, caption);
        try {
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, HINTS);
        }
        catch (WriterException e) {
            // 512 characters of three UTF-8 bytes each still fit a version 40 symbol at
            // level M
            throw new IllegalStateException("QR encoding failed for content of length " + content.length(), e);
        }
    }

    private static void check(String content, String caption) {
        if (content == null || content.isBlank()) {
            throw new IllegalArgumentException("QR content must not be blank");
        }
        if (content.length() > MAX_CONTENT) {
            throw new IllegalArgumentException(
                    "QR content must be at most " + MAX_CONTENT + " characters, was " + content.length());
        }
        if (content.chars().anyMatch(c -> Character.isISOControl(c) && c != GS)) {
            throw new IllegalArgumentException("QR content must not contain control characters other than GS");
        }
        if (caption == null) {
            throw new IllegalArgumentException("caption must not be null; use an empty caption for none");
        }
        if (caption.length() > MAX_CAPTION) {
            throw new IllegalArgumentException(
                    "caption must be at most " + MAX_CAPTION + " characters, was " + caption.length());
        }
        // XML 1.0 cannot hold control characters, escaped or not, and a printed caption
        // has no use for them
        if (caption.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("caption must not contain control characters");
        }
    }

    /** Each row's runs of dark modules as closed rectangles, {@code Mx,yh{n}v1h-{n}z}. */
    private static String darkModules(BitMatrix matrix) {
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            int x = 0;
            while (x < matrix.getWidth()) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < matrix.getWidth() && matrix.get(x, y)) {
                    x++;
                }
                path.append('M')
                    .append(start)
                    .append(',')
                    .append(y)
                    .append('h')
                    .append(x - start)
                    .append("v1h-")
                    .append(x - start)
                    .append('z');
            }
        }
        return path.toString();
    }

    private static BitMatrix scale(BitMatrix matrix, int pixelsPerModule) {
        BitMatrix scaled = new BitMatrix(matrix.getWidth() * pixelsPerModule, matrix.getHeight() * pixelsPerModule);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    scaled.setRegion(x * pixelsPerModule, y * pixelsPerModule, pixelsPerModule, pixelsPerModule);
                }
            }
        }
        return scaled;
    }

    /**
     * The symbol with the caption below it, or the bare symbol if this JVM cannot draw
     * text.
     */
    private BufferedImage withCaption(BufferedImage symbol, String caption, int pixelsPerModule) {
        try {
            return drawCaption(symbol, caption, pixelsPerModule);
        }
        catch (VirtualMachineError e) {
            throw e;
        }
        catch (RuntimeException | Error e) {
            // A headless JDK without fontconfig fails on the first use of a font, often
            // with a bare Error;
            // the symbol alone still scans, and the warning would repeat on every label
            if (noFontsLogged.compareAndSet(false, true)) {
                log.warn("Cannot draw text on this JVM (no fonts?); QR labels are drawn without captions", e);
            }
            return symbol;
        }
    }

    private static BufferedImage drawCaption(BufferedImage symbol, String caption, int pixelsPerModule) {
        int width = symbol.getWidth();
        FontRenderContext antialiased = new FontRenderContext(null, true, true);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(width * CAPTION_SIZE);
        double textWidth = font.getStringBounds(caption, antialiased).getWidth();
        double room = width - 2.0 * pixelsPerModule;
        if (textWidth > room) {
            font = font.deriveFont((float) (font.getSize2D() * room / textWidth));
            textWidth = font.getStringBounds(caption, antialiased).getWidth();
        }
        LineMetrics line = font.getLineMetrics(caption, antialiased);
        int band = (int) Math.ceil(line.getAscent() + line.getDescent()) + pixelsPerModule;

        BufferedImage label = new BufferedImage(width, symbol.getHeight() + band, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = label.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, label.getWidth(), label.getHeight());
            graphics.drawImage(symbol, 0, 0, null);
            // The same hints as the measuring context, so the text is centred where it
            // was measured
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            graphics.setColor(Color.BLACK);
            graphics.setFont(font);
            graphics.drawString(caption, (float) (width - textWidth) / 2, symbol.getHeight() + line.getAscent());
        }
        finally {
            graphics.dispose();
        }
        return label;
    }

    private static String escapeXml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

}
