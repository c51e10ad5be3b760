package prepbench.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.EncodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

class QrLabelsTest {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    /** ISO/IEC 18004 asks for four modules of white around the symbol. */
    private static final int QUIET_ZONE = 4;

    private static final Pattern RUN = Pattern.compile("M(\\d+),(\\d+)h(\\d+)v1h-(\\d+)z");

    private final QrLabels labels = new QrLabels();

    @ParameterizedTest
    @ValueSource(
            strings = { "F=PRM00936", "ING-ETH-001", "09506000134352", "Crème-ÉTÉ", "0109506000134352\u001D10LOT7" })
    void pngScansBackToExactlyTheContent(String content) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(labels.png(content, "PRM00936", 4)));

        String scanned = new QRCodeReader()
            .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
            .getText();

        assertThat(scanned).isEqualTo(content);
    }

    @Test
    void pngDrawsTheCaptionUnderTheSymbol() throws IOException {
        assumeThat(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
            .as("this JVM has fonts; without them the PNG is deliberately left without caption")
            .isNotEmpty();

        assertThat(darkPixelsUnderTheSymbol(labels.png("F=PRM00936", "PRM00936", 8), 8)).isPositive();
    }

    @Test
    void pngWithoutCaptionIsBlankUnderTheSymbol() throws IOException {
        assertThat(darkPixelsUnderTheSymbol(labels.png("F=PRM00936", "", 8), 8)).isZero();
    }

    @Test
    void svgIsOneNamespacedPathWithTheCaptionAsText() throws Exception {
        Document svg = parse(labels.svg("F=PRM00936", "PRM00936"));
        Element root = svg.getDocumentElement();

        assertThat(root.getNamespaceURI()).isEqualTo(SVG_NS);
        assertThat(root.getAttribute("width")).isEqualTo("40.00mm");
        assertThat(root.getAttribute("height")).endsWith("mm");
        assertThat(svg.getElementsByTagNameNS(SVG_NS, "path").getLength()).isOne();
        assertThat(svg.getElementsByTagNameNS(SVG_NS, "text").item(0).getTextContent()).isEqualTo("PRM00936");
    }

    @Test
    void svgEscapesTheCaption() throws Exception {
        Document svg = parse(labels.svg("F=PRM00936", "<&\">"));

        assertThat(svg.getElementsByTagNameNS(SVG_NS, "text").item(0).getTextContent()).isEqualTo("<&\">");
    }

    @Test
    void svgWithoutCaptionHasNoText() throws Exception {
        Document svg = parse(labels.svg("F=PRM00936", ""));

        assertThat(svg.getElementsByTagNameNS(SVG_NS, "text").getLength()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = { "F=PRM00936", "Crème-ÉTÉ", "0109506000134352\u001D10LOT7" })
    void svgPathDrawsTheSymbolAtLevelMInsideAFourModuleQuietZone(String content) throws Exception {
        Document svg = parse(labels.svg(content, "PRM00936"));
        String d = ((Element) svg.getElementsByTagNameNS(SVG_NS, "path").item(0)).getAttribute("d");
        ByteMatrix expected = Encoder
            .encode(content, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"))
            .getMatrix();
        int size = expected.getWidth() + 2 * QUIET_ZONE;
        assertThat(svg.getDocumentElement().getAttribute("viewBox")).startsWith("0 0 " + size + " ");

        boolean[][] drawn = new boolean[size][size];
        Matcher run = RUN.matcher(d);
        int end = 0;
        while (run.find()) {
            assertThat(run.start()).as("runs follow each other").isEqualTo(end);
            assertThat(run.group(4)).as("a run closes on itself").isEqualTo(run.group(3));
            int x = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            for (int i = 0; i < Integer.parseInt(run.group(3)); i++) {
                drawn[y][x + i] = true;
            }
            end = run.end();
        }
        assertThat(end).as("the whole path is runs").isEqualTo(d.length());

        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int qrX = x - QUIET_ZONE;
                int qrY = y - QUIET_ZONE;
                boolean dark = qrX >= 0 && qrY >= 0 && qrX < expected.getWidth() && qrY < expected.getHeight()
                        && expected.get(qrX, qrY) == 1;
                assertThat(drawn[y][x]).as("module (%d, %d)", x, y).isEqualTo(dark);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "F=PRM\n00936", "F=PRM\u000000936", "F=PRM\u009F00936" })
    void refusesBlankContentAndControlCharacters(String content) {
        assertThatIllegalArgumentException().isThrownBy(() -> labels.svg(content, ""))
            .withMessageStartingWith("QR content must not");
    }

    @Test
    void refusesNullContent() {
        assertThatIllegalArgumentException().isThrownBy(() -> labels.png(null, "", 4))
            .withMessage("QR content must not be blank");
    }

    @Test
    void refusesContentOver512Characters() {
        assertThat(labels.svg("A".repeat(512), "")).contains("<path");
        assertThatIllegalArgumentException().isThrownBy(() -> labels.svg("A".repeat(513), ""))
            .withMessage("QR content must be at most 512 characters, was 513");
    }

    @Test
    void refusesCaptionsOver64CharactersOrWithControlCharacters() {
        assertThatIllegalArgumentException().isThrownBy(() -> labels.svg("F=PRM00936", "C".repeat(65)))
            .withMessage("caption must be at most 64 characters, was 65");
        assertThatIllegalArgumentException().isThrownBy(() -> labels.svg("F=PRM00936", "PRM\u001D00936"))
            .withMessage("caption must not contain control characters");
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 41 })
    void refusesPixelsPerModuleOutside1To40(int pixelsPerModule) {
        assertThatIllegalArgumentException().isThrownBy(() -> labels.png("F=PRM00936", "", pixelsPerModule))
            .withMessage("pixelsPerModule must be 1 to 40, was " + pixelsPerModule);
    }

    /** Dark pixels from the bottom quiet zone down, where only a caption may be drawn. */
    private static long darkPixelsUnderTheSymbol(byte[] png, int pixelsPerModule) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int symbolBottom = image.getWidth() - QUIET_ZONE * pixelsPerModule;
        long dark = 0;
        for (int y = symbolBottom; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFF) < 128) {
                    dark++;
                }
            }
        }
        return dark;
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

}
