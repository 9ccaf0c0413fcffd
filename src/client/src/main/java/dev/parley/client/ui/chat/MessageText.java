package dev.parley.client.ui.chat;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message's text split into plain runs and web links. Each link knows the address it really opens (host in
 * punycode, no user-info) and what about it could mislead a reader.
 */
public record MessageText(List<Part> parts) {
    /** Where a link may start: a scheme not glued to a word, or a bare {@code www.} not inside a host or path. */
    private static final Pattern START = Pattern.compile(
            "(?i)(?<![\\p{L}\\p{N}_])https?://|(?<![\\p{L}\\p{N}_.@/\\-])www\\.");
    /** Characters that end a link: they cannot be in one, or in chat they close a quotation around it. */
    private static final String ENDS_LINK = "<>\"`“”«»";
    /** Characters that end a sentence rather than a link when they come last. */
    private static final String TRAILING = ".,!?:;'’…";
    /** Characters that stay as they are in the address; everything else is percent-encoded. */
    private static final String SAFE_IN_PATH = "-._~!$&'()*+,;=:@/?";
    private static final String HEX = "0123456789ABCDEF";

    public MessageText {
        parts = List.copyOf(parts);
    }

    /** A piece of a message: plain text or a link. */
    public sealed interface Part {
        /** The characters of the message this part covers, as written. */
        String text();
    }

    public record Plain(String text) implements Part {
    }

    /** Why a link could deceive its reader. */
    public enum Warning {
        /** The host has non-ASCII characters (or is already punycode), which can imitate another site's name. */
        LOOK_ALIKE_HOST,
        /** Text before an {@code @} reads like a site but is only a user name: {@code https://bank.com@evil.example}. */
        USER_INFO
    }

    /**
     * A link. {@code address} is what opens (http or https, ASCII only); {@code host} is its host as shown to
     * the user; {@code textShowsHost} says whether the written text already shows that host plainly.
     */
    public record Link(String text, URI address, String host, boolean textShowsHost, List<Warning> warnings)
            implements Part {
        public Link {
            warnings = List.copyOf(warnings);
        }

        public boolean suspicious() {
            return !warnings.isEmpty();
        }

        /** Whether the real host must be shown beside the text: the text hides it, or the link can deceive. */
        public boolean showHost() {
            return !textShowsHost || suspicious();
        }
    }

    /** Splits {@code text} into plain runs and links; anything that is not a valid http(s) address stays plain. */
    public static MessageText of(String text) {
        List<Part> parts = new ArrayList<>();
        Matcher start = START.matcher(text);
        int plainFrom = 0;
        int searchFrom = 0;
        while (searchFrom < text.length() && start.find(searchFrom)) {
            int from = start.start();
            int to = trimTrailing(text, from, candidateEnd(text, start.end()));
            Link link = to > start.end() ? parse(text.substring(from, to)) : null;
            if (link == null) {
                searchFrom = Math.max(start.end(), to);
                continue;
            }
            if (from > plainFrom) {
                parts.add(new Plain(text.substring(plainFrom, from)));
            }
            parts.add(link);
            plainFrom = to;
            searchFrom = to;
        }
        if (plainFrom < text.length()) {
            parts.add(new Plain(text.substring(plainFrom)));
        }
        return new MessageText(parts);
    }

    public List<Link> links() {
        return parts.stream().filter(Link.class::isInstance).map(Link.class::cast).toList();
    }

    private static int candidateEnd(String text, int from) {
        int end = from;
        while (end < text.length()) {
            char c = text.charAt(end);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                    || ENDS_LINK.indexOf(c) >= 0) {
                break;
            }
            end++;
        }
        return end;
    }

    /** Drops sentence punctuation and closing brackets that have no opening one inside the link. */
    private static int trimTrailing(String text, int from, int end) {
        while (end > from) {
            char last = text.charAt(end - 1);
            if (TRAILING.indexOf(last) >= 0) {
                end--;
            } else if (last == ')' && unbalanced(text, from, end, '(', ')')
                    || last == ']' && unbalanced(text, from, end, '[', ']')
                    || last == '}' && unbalanced(text, from, end, '{', '}')) {
                end--;
            } else {
                break;
            }
        }
        return end;
    }

    private static boolean unbalanced(String text, int from, int end, char open, char close) {
        int depth = 0;
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            depth += c == open ? 1 : c == close ? -1 : 0;
        }
        return depth < 0;
    }

    /** The link written as {@code written}, or null when it is not a usable http(s) address. */
    static Link parse(String written) {
        boolean bare = written.regionMatches(true, 0, "www.", 0, 4);
        String scheme = bare ? "https" : written.substring(0, written.indexOf(':')).toLowerCase(Locale.ROOT);
        int authorityStart = bare ? 0 : written.indexOf("://") + 3;
        int authorityEnd = authorityStart;
        // Backslash ends the host as it does in browsers, so the host here is the one a browser would visit.
        while (authorityEnd < written.length() && "/?#\\".indexOf(written.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        String authority = written.substring(authorityStart, authorityEnd);
        int at = authority.lastIndexOf('@');
        String hostAndPort = authority.substring(at + 1);
        int portColon = hostAndPort.lastIndexOf(':');
        if (portColon >= 0 && hostAndPort.indexOf(']', portColon) >= 0) {
            portColon = -1;
        }
        String writtenHost = portColon >= 0 ? hostAndPort.substring(0, portColon) : hostAndPort;
        String port = portColon >= 0 ? hostAndPort.substring(portColon + 1) : "";
        String host = asciiHost(writtenHost);
        if (host == null || !port.chars().allMatch(c -> c >= '0' && c <= '9') || port.length() > 5
                || bare && host.indexOf('.', "www.".length()) < 0) {
            return null;
        }
        // Browsers read every backslash in an http(s) address as a slash; so must we, or an encoded backslash
        // (%5C) would turn the shown host into user-info in front of another host.
        String rest = encode(written.substring(authorityEnd).replace('\\', '/'));
        try {
            URI address = new URI(scheme + "://" + host + (port.isEmpty() ? "" : ":" + port) + rest);
            // The address must open exactly the host we show, whatever the path holds.
            if (address.getHost() == null || address.getPort() > 65_535 || address.getRawUserInfo() != null
                    || !host.equals(address.getHost().toLowerCase(Locale.ROOT))) {
                return null;
            }
            List<Warning> warnings = new ArrayList<>();
            boolean punycode = Arrays.stream(host.split("\\.")).anyMatch(label -> label.startsWith("xn--"));
            if (punycode || !writtenHost.chars().allMatch(c -> c < 128)) {
                warnings.add(Warning.LOOK_ALIKE_HOST);
            }
            if (at >= 0) {
                warnings.add(Warning.USER_INFO);
            }
            String shownInText = authority.substring(0, portColon >= 0 ? at + 1 + portColon : authority.length());
            return new Link(written, address, host, shownInText.toLowerCase(Locale.ROOT).equals(host), warnings);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The host in ASCII, lower case, punycode for non-ASCII labels; null when it is not a valid host name. */
    private static String asciiHost(String written) {
        if (written.startsWith("[") && written.endsWith("]")) {
            return written.toLowerCase(Locale.ROOT);
        }
        try {
            String ascii = IDN.toASCII(written, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
            return ascii.isEmpty() || ascii.startsWith(".") ? null : ascii;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Percent-encodes path, query and fragment so the address is ASCII; keeps existing escapes and one #. */
    private static String encode(String rest) {
        StringBuilder out = new StringBuilder(rest.length() + 16);
        boolean fragment = false;
        for (int i = 0; i < rest.length(); i = rest.offsetByCodePoints(i, 1)) {
            int c = rest.codePointAt(i);
            if (c < 128 && (Character.isLetterOrDigit(c) || SAFE_IN_PATH.indexOf(c) >= 0)) {
                out.append((char) c);
            } else if (c == '%' && i + 2 < rest.length() && isHex(rest.charAt(i + 1)) && isHex(rest.charAt(i + 2))) {
                out.append('%');
            } else if (c == '#' && !fragment) {
                fragment = true;
                out.append('#');
            } else {
                for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
                }
            }
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
