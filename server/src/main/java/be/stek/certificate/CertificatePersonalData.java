package be.stek.certificate;

import be.stek.learner.PersonalData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The certificates issued to a person, for their data export. */
public final class CertificatePersonalData implements PersonalData {
    private final CertificateRepository certificates;
    private final String baseUrl;

    public CertificatePersonalData(CertificateRepository certificates, String baseUrl) {
        this.certificates = certificates;
        this.baseUrl = baseUrl;
    }

    @Override
    public String section() {
        return "certificates";
    }

    @Override
    public List<String> tables() {
        return List.of("certificate");
    }

    @Override
    public Object export(long learnerId) {
        return certificates.all(learnerId).stream().map(this::row).toList();
    }

    private Map<String, Object> row(Certificate c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("code", c.displayCode());
        row.put("verify_url", c.verifyUrl(baseUrl));
        row.put("course", c.course());
        row.put("course_title", c.courseTitle());
        row.put("course_version", c.courseVersion());
        row.put("learner_name", c.learnerName());
        row.put("completed_at", c.completedAt());
        row.put("minutes", c.minutes());
        row.put("issued_at", c.issuedAt());
        return row;
    }
}
