package io.certaudit.agent.windows;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Security identifiers in their two forms: the string form ({@code S-1-5-32-544}) and the binary form found in
 * security descriptors (revision, sub-authority count, 48-bit big-endian identifier authority, little-endian
 * 32-bit sub-authorities; learn.microsoft.com/windows/win32/api/winnt/ns-winnt-sid).
 */
public final class Sid {

    /** Everyone. */
    static final String EVERYONE = "S-1-1-0";
    /** LOCAL (S-1-2-0): the SCM adds it to every service's token (SERVICE_SID_INFO remarks). */
    static final String LOCAL = "S-1-2-0";
    /** NT AUTHORITY\This Organization (S-1-5-15): added to logons of Active Directory accounts. */
    static final String THIS_ORGANIZATION = "S-1-5-15";
    /** NT SERVICE\ALL SERVICES (S-1-5-80-0): every service process, membership controlled by the system. */
    static final String ALL_SERVICES = "S-1-5-80-0";
    /** NT AUTHORITY\SERVICE: every service logon carries it. */
    static final String SERVICE = "S-1-5-6";
    /** NT AUTHORITY\Authenticated Users. */
    static final String AUTHENTICATED_USERS = "S-1-5-11";
    /** NT AUTHORITY\SYSTEM, the LocalSystem account. */
    static final String LOCAL_SYSTEM = "S-1-5-18";
    /** NT AUTHORITY\LOCAL SERVICE. */
    static final String LOCAL_SERVICE = "S-1-5-19";
    /** NT AUTHORITY\NETWORK SERVICE. */
    static final String NETWORK_SERVICE = "S-1-5-20";
    /** BUILTIN\Administrators. */
    static final String ADMINISTRATORS = "S-1-5-32-544";
    /** BUILTIN\Users. */
    static final String USERS = "S-1-5-32-545";
    /** Prefix of the virtual service accounts, NT SERVICE\name. */
    static final String SERVICE_ACCOUNT_PREFIX = "S-1-5-80-";

    private Sid() {
    }

    /** The string form of the SID at {@code offset}. */
    public static String toText(byte[] data, int offset) {
        int count = data[offset + 1] & 0xFF;
        long authority = 0;
        for (int i = 0; i < 6; i++) {
            authority = (authority << 8) | (data[offset + 2 + i] & 0xFF);
        }
        StringBuilder text = new StringBuilder("S-").append(data[offset] & 0xFF).append('-');
        // Authorities of 2^32 and above are written in hexadecimal, as ConvertSidToStringSid does.
        text.append(authority < (1L << 32) ? Long.toString(authority)
                : "0x" + Long.toHexString(authority).toUpperCase(Locale.ROOT));
        for (int i = 0; i < count; i++) {
            text.append('-').append(Integer.toUnsignedString(LittleEndian.int32(data, offset + 8 + 4 * i)));
        }
        return text.toString();
    }

    /** The length in bytes of the SID at {@code offset}. */
    static int length(byte[] data, int offset) {
        return 8 + 4 * (data[offset + 1] & 0xFF);
    }

    /** The binary form of a string SID. */
    public static byte[] toBinary(String sid) {
        String[] parts = sid.toUpperCase(Locale.ROOT).split("-");
        if (parts.length < 3 || !parts[0].equals("S")) {
            throw new IllegalArgumentException("not a SID: " + sid);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(parts[1]));
        out.write(parts.length - 3);
        long authority = parts[2].startsWith("0X") ? Long.parseLong(parts[2].substring(2), 16)
                : Long.parseLong(parts[2]);
        for (int i = 5; i >= 0; i--) {
            out.write((int) (authority >>> (8 * i)) & 0xFF);
        }
        for (int i = 3; i < parts.length; i++) {
            long value = Long.parseLong(parts[i]);
            for (int b = 0; b < 4; b++) {
                out.write((int) (value >>> (8 * b)) & 0xFF);
            }
        }
        return out.toByteArray();
    }
}
