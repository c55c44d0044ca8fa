package org.tierslieux.server.coworking.guest;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.quarkus.mailer.Attachment;
import io.quarkus.mailer.Mail;
import io.smallrye.mutiny.Multi;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;

/** Reads a guest's pass mail as their phone would: the QR image decoded back to the address it holds. */
public final class GuestPasses {

    private GuestPasses() {}

    /** The text of the QR code attached inline to the mail (the only inline PNG). */
    public static String qrOf(Mail mail) {
        Attachment image = mail.getAttachments().stream()
                .filter(Attachment::isInlineAttachment)
                .filter(a -> "image/png".equals(a.getContentType()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No inline QR image in " + mail.getSubject()));
        List<Byte> bytes = Multi.createFrom()
                .publisher(image.getData())
                .collect()
                .asList()
                .await()
                .indefinitely();
        byte[] png = new byte[bytes.size()];
        for (int i = 0; i < png.length; i++) {
            png[i] = bytes.get(i);
        }
        try {
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png));
            int w = picture.getWidth();
            int h = picture.getHeight();
            int[] pixels = picture.getRGB(0, 0, w, h, null, 0, w);
            return new QRCodeReader()
                    .decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels))))
                    .getText();
        } catch (Exception e) {
            throw new AssertionError("The QR image does not read", e);
        }
    }

    /** The code in a pass address {@code .../checkin/scan?code=...}. */
    public static String codeOf(String url) {
        return url.substring(url.indexOf("code=") + "code=".length());
    }
}
