package se.samtrygg.activity;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;

/** The text of a part of a multipart form, as Swedish spreadsheets save it. */
final class Uploads {
    /** What Excel's plain "CSV (semikolonavgränsad)" is written in on Swedish Windows, when it is not UTF-8. */
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Uploads() {
    }

    /** The part's text, or null when the form has no such part; UTF-8 when it is valid UTF-8, else Windows-1252. */
    static String text(FormDataBodyPart part) {
        if (part == null) {
            return null;
        }
        byte[] bytes = part.getValueAs(byte[].class);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, WINDOWS_1252);
        }
    }
}
