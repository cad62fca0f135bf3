package io.grantline.infra.web.campaign;

/**
 * One CSV row (RFC 4180). A comment is typed by a reviewer: it is quoted, and a leading {@code = + - @} is defused
 * so a spreadsheet never runs it as a formula.
 */
final class CampaignCsv {

    private CampaignCsv() {
    }

    static String row(String... fields) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                row.append(',');
            }
            row.append(field(fields[i]));
        }
        return row.append("\r\n").toString();
    }

    static String field(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r") || !text.equals(value)) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
