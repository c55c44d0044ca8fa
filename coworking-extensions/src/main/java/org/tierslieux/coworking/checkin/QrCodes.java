package org.tierslieux.coworking.checkin;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A QR code as an SVG image: one path of unit squares, crisp at any size, light enough to inline in a page or a
 * mail, readable by any phone camera (medium error correction, the standard quiet zone of four modules).
 */
public final class QrCodes {

    private QrCodes() {}

    public static String svg(String text) {
        BitMatrix matrix = matrix(text);
        int w = matrix.getWidth();
        int h = matrix.getHeight();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(',').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + w + " " + h
                + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code\" class=\"qr-code\">"
                + "<rect width=\"" + w + "\" height=\"" + h + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    /** The code as a PNG of {@code scale} pixels per module (mail clients show an attached PNG, not SVG). */
    public static byte[] png(String text, int scale) {
        BitMatrix matrix = matrix(text);
        int w = matrix.getWidth() * scale;
        int h = matrix.getHeight() * scale;
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        try (var out = new java.io.ByteArrayOutputStream()) {
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static BitMatrix matrix(String text) {
        try {
            return new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode a QR code of " + text.length() + " characters", e);
        }
    }

    /** The code as an {@code img} source (mail clients drop inline SVG; a data URI survives in most). */
    public static String dataUri(String text) {
        return "data:image/svg+xml;base64,"
                + java.util.Base64.getEncoder()
                        .encodeToString(svg(text).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
