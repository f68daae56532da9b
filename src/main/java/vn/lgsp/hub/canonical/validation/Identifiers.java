package vn.lgsp.hub.canonical.validation;

import java.util.regex.Pattern;

/**
 * Structural checks of Vietnamese identifiers, per docs/contracts.md "What every contract shares".
 * Pure functions, used by the bean-validation constraints and by adapters.
 */
public final class Identifiers {

    private static final Pattern PERSONAL_ID = Pattern.compile("^\\d{12}$");
    private static final Pattern ENTERPRISE_CODE = Pattern.compile("^(\\d{10})(-(\\d{3}))?$");
    private static final Pattern AGENCY_CODE = Pattern.compile("^[A-Za-z0-9]{1,8}(\\.[A-Za-z0-9]{1,8}){0,7}$");
    private static final int[] ENTERPRISE_WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};

    private Identifiers() {
    }

    /** A personal identification number: exactly 12 digits (there is no check digit). */
    public static boolean isPersonalId(String value) {
        return value != null && PERSONAL_ID.matcher(value).matches();
    }

    /**
     * An enterprise code: 10 digits whose last is the check digit {@code 10 - (sum(w_i * d_i) mod 11)} over the
     * first nine, optionally followed by a branch suffix -001..-999.
     */
    public static boolean isEnterpriseCode(String value) {
        if (value == null) {
            return false;
        }
        var m = ENTERPRISE_CODE.matcher(value);
        if (!m.matches()) {
            return false;
        }
        if (m.group(3) != null && m.group(3).equals("000")) {
            return false;
        }
        String digits = m.group(1);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += ENTERPRISE_WEIGHTS[i] * (digits.charAt(i) - '0');
        }
        int check = 10 - (sum % 11);
        return check < 10 && check == digits.charAt(9) - '0';
    }

    /** An agency code in the old (000.00.00.H22) or the new (H15.50.05.13) syntax. */
    public static boolean isAgencyCode(String value) {
        return value != null && AGENCY_CODE.matcher(value).matches();
    }
}
