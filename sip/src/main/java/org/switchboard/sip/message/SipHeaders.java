package org.switchboard.sip.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The ordered header fields of a message, with lookup by name in any spelling. Content-Length is
 * not among them: it is derived from the body when a message is written. Immutable; any thread may use it.
 */
public final class SipHeaders {
    static final SipHeaders EMPTY = new SipHeaders(new Header[0]);

    private final Header[] headers;

    SipHeaders(Header[] headers) {
        this.headers = headers;
    }

    public static SipHeaders of(List<Header> list) {
        for (Header h : list) {
            if (h.name().equals(HeaderName.CONTENT_LENGTH)) {
                throw new IllegalArgumentException("Content-Length is derived from the body");
            }
        }
        return new SipHeaders(list.toArray(Header[]::new));
    }

    public int size() {
        return headers.length;
    }

    /** All header fields, in message order. */
    public List<Header> asList() {
        return List.of(headers);
    }

    public boolean has(String name) {
        return indexOf(HeaderName.canonical(name), 0) >= 0;
    }

    /** The value of the first header field with this name. */
    public Optional<String> first(String name) {
        int i = indexOf(HeaderName.canonical(name), 0);
        return i < 0 ? Optional.empty() : Optional.of(headers[i].value());
    }

    /** The values of every header field line with this name, in order (one entry per line). */
    public List<String> all(String name) {
        String canonical = HeaderName.canonical(name);
        List<String> out = new ArrayList<>(2);
        for (int i = indexOf(canonical, 0); i >= 0; i = indexOf(canonical, i + 1)) {
            out.add(headers[i].value());
        }
        return out;
    }

    /**
     * Every comma-separated value of this header, in order, across lines (RFC 3261 §7.3.1). Not
     * for headers whose values contain bare commas, such as the authentication headers or Date:
     * use {@link #all(String)} for those.
     */
    public List<String> values(String name) {
        List<String> out = new ArrayList<>(2);
        for (String line : all(name)) {
            out.addAll(Syntax.splitCommas(line));
        }
        return out;
    }

    Header[] raw() {
        return headers;
    }

    /** The header objects named {@code constant} (one of the {@link HeaderName} constants), in order. */
    List<Header> named(String constant) {
        List<Header> out = null;
        for (int i = indexOfConstant(constant, 0); i >= 0; i = indexOfConstant(constant, i + 1)) {
            if (out == null) {
                out = new ArrayList<>(2);
            }
            out.add(headers[i]);
        }
        return out == null ? List.of() : out;
    }

    /**
     * The only header named {@code constant} (one of the {@link HeaderName} constants); empty when
     * absent; a fault when repeated.
     */
    Optional<Header> single(String constant) {
        int i = indexOfConstant(constant, 0);
        if (i < 0) {
            return Optional.empty();
        }
        if (indexOfConstant(constant, i + 1) >= 0) {
            throw new SipParseException("Multiple " + constant + " headers");
        }
        return Optional.of(headers[i]);
    }

    /**
     * The index of the next header named {@code constant}, one of the {@link HeaderName}
     * constants: every header of a known name holds that very constant (Header canonicalizes), so
     * identity is the whole comparison. The typed accessors look up this way on every message.
     */
    int indexOfConstant(String constant, int from) {
        for (int i = from; i < headers.length; i++) {
            if (headers[i].name() == constant) {
                return i;
            }
        }
        return -1;
    }

    int indexOf(String canonical, int from) {
        if (HeaderName.isKnownConstant(canonical)) {
            return indexOfConstant(canonical, from);
        }
        for (int i = from; i < headers.length; i++) {
            if (headers[i].name().equalsIgnoreCase(canonical)) {
                return i;
            }
        }
        return -1;
    }

    SipHeaders appended(Header h) {
        Header[] n = Arrays.copyOf(headers, headers.length + 1);
        n[headers.length] = h;
        return new SipHeaders(n);
    }

    SipHeaders without(String canonical) {
        List<Header> kept = new ArrayList<>(headers.length);
        for (Header h : headers) {
            if (!h.name().equalsIgnoreCase(canonical)) {
                kept.add(h);
            }
        }
        return new SipHeaders(kept.toArray(Header[]::new));
    }

    /** Replaces every header of the name by {@code h}, at the place of the first; appends if none. */
    SipHeaders replaced(String canonical, Header h) {
        int first = indexOf(canonical, 0);
        if (first < 0) {
            return appended(h);
        }
        List<Header> out = new ArrayList<>(headers.length);
        for (int i = 0; i < headers.length; i++) {
            if (i == first) {
                out.add(h);
            } else if (!headers[i].name().equalsIgnoreCase(canonical)) {
                out.add(headers[i]);
            }
        }
        return new SipHeaders(out.toArray(Header[]::new));
    }

    /** A copy with {@code via} before every other Via, on its own line. */
    SipHeaders pushedVia(Via via) {
        Header h = Header.of(HeaderName.VIA, via.toString());
        int first = indexOf(HeaderName.VIA, 0);
        if (first < 0) {
            return appended(h);
        }
        Header[] n = new Header[headers.length + 1];
        System.arraycopy(headers, 0, n, 0, first);
        n[first] = h;
        System.arraycopy(headers, first, n, first + 1, headers.length - first);
        return new SipHeaders(n);
    }

    /** A copy without the topmost Via value; other values on its line stay. */
    SipHeaders poppedVia() {
        int first = indexOf(HeaderName.VIA, 0);
        if (first < 0) {
            return this;
        }
        List<Via> line = headers[first].typed(Via::parseList);
        if (line.size() == 1) {
            Header[] n = new Header[headers.length - 1];
            System.arraycopy(headers, 0, n, 0, first);
            System.arraycopy(headers, first + 1, n, first, headers.length - first - 1);
            return new SipHeaders(n);
        }
        return replacedAt(first, Header.of(HeaderName.VIA, Via.joined(line.subList(1, line.size()))));
    }

    /** A copy whose topmost Via value is {@code via}. */
    SipHeaders replacedTopVia(Via via) {
        int first = indexOf(HeaderName.VIA, 0);
        if (first < 0) {
            return appended(Header.of(HeaderName.VIA, via.toString()));
        }
        List<Via> line = new ArrayList<>(headers[first].typed(Via::parseList));
        line.set(0, via);
        return replacedAt(first, Header.of(HeaderName.VIA, Via.joined(line)));
    }

    private SipHeaders replacedAt(int index, Header h) {
        Header[] n = headers.clone();
        n[index] = h;
        return new SipHeaders(n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SipHeaders s && Arrays.equals(headers, s.headers);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(headers);
    }
}
