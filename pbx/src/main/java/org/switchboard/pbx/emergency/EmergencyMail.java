package org.switchboard.pbx.emergency;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;

/**
 * Writes the mail that tells the configured addresses of an emergency call: the subject says who
 * called which number, the text adds the location, the callback number and the time (in the
 * server's time zone and UTC). Stateless.
 */
final class EmergencyMail {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private EmergencyMail() {}

    static MimeMessage compose(Session session, String from, List<String> recipients, EmergencyNotice notice,
            ZoneId zone) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        for (String recipient : recipients) {
            message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(recipient, true));
        }
        message.setSubject("Emergency call: " + notice.who() + " dialled " + notice.number(),
                StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(notice.at()));
        message.setHeader("X-Switchboard-Emergency", notice.extension());
        message.setText("Extension " + notice.who() + " dialled the emergency number " + notice.number() + ".\n\n"
                + "Location: " + notice.where() + "\n"
                + "Callback: " + notice.callbackNumber() + "\n"
                + "Time:     " + TIME.format(notice.at().atZone(zone)) + " ("
                + TIME.format(notice.at().atZone(ZoneId.of("UTC"))) + ")\n"
                + "Call id:  " + notice.callId() + "\n", StandardCharsets.UTF_8.name());
        return message;
    }
}
