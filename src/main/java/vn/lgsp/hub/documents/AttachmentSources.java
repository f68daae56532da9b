package vn.lgsp.hub.documents;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.platform.HubProperties;

/**
 * Which URLs a caller gave the hub it may fetch (attachments of document requests; {@link AttachmentFetch} fetches
 * them through route attachment-fetch-from-source). A URL is fetched only
 * when its scheme and host are allow-listed ({@link AttachmentProperties}) and every address its host resolves to is
 * public, or inside an allow-listed network: never loopback, link-local (cloud metadata), private, CGNAT, multicast
 * or unspecified, never {@code file:} or another scheme. Checked at intake (a refused URL is a 400 naming the
 * attachment) and again before every request of the download, redirects included, so neither a redirect nor a name
 * that resolves elsewhere later reaches a refused address.
 *
 * <p>With the simulators served (demo), URLs under {@code /sim/} of the hub's own port on loopback are allowed: the
 * demo and the tests send attachments from the document-axis simulator.
 */
@Component
public class AttachmentSources {

    private final AttachmentProperties properties;
    private final List<HostEntry> hosts;
    private final List<Network> networks;
    private final boolean simulators;
    private final Environment environment;
    private final Resolver resolver;

    /** Names to addresses; the JVM's resolver, replaceable in unit tests. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    @Autowired
    public AttachmentSources(AttachmentProperties properties, Environment environment, HubProperties hub) {
        this(properties, environment, hub.simulators() != null && hub.simulators().enabled(), InetAddress::getAllByName);
    }

    public AttachmentSources(AttachmentProperties properties, Environment environment, boolean simulators,
                             Resolver resolver) {
        this.properties = properties;
        this.hosts = properties.allowedHosts().stream().map(HostEntry::parse).toList();
        this.networks = properties.allowedNetworks().stream().map(Network::parse).toList();
        this.simulators = simulators;
        this.environment = environment;
        this.resolver = resolver;
    }

    /** Why the hub will not fetch this URL, or empty when it may. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
            return Optional.of("must be an absolute http(s) URL with a host");
        }
        if (!properties.allowedSchemes().contains(scheme)) {
            return Optional.of("scheme " + scheme + " is not allowed (hub.attachments.allowed-schemes)");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("may not carry user information");
        }
        String host = host(uri);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of("host " + host + " does not resolve");
        }
        if (ownSimulator(uri, host, port, addresses)) {
            return Optional.empty();
        }
        if (hosts.stream().noneMatch(entry -> entry.matches(host, port))) {
            return Optional.of("host " + host + " is not allow-listed (hub.attachments.allowed-hosts)");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address) && networks.stream().noneMatch(n -> n.contains(address))) {
                return Optional.of("host " + host + " resolves to " + address.getHostAddress()
                        + ", a loopback, private or link-local address (hub.attachments.allowed-networks)");
            }
        }
        return Optional.empty();
    }

    /**
     * A URL or a redirect the hub will not follow, an attachment beyond the limits, or a source that refuses it (a
     * failure {@link vn.lgsp.hub.delivery.DeliveryFailures} calls permanent): trying again changes nothing.
     */
    public static class AttachmentRefused extends IOException {
        public AttachmentRefused(String message) {
            super(message);
        }

        public AttachmentRefused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private boolean ownSimulator(URI uri, String host, int port, InetAddress[] addresses) {
        Integer own = environment.getProperty("local.server.port", Integer.class);
        String path = uri.normalize().getRawPath();
        String raw = uri.getRawPath() == null ? "" : uri.getRawPath().toLowerCase(Locale.ROOT);
        return simulators && own != null && own == port && path != null && path.startsWith("/sim/")
                && !raw.contains("%2e") && !raw.contains("%2f") && !raw.contains("%5c")
                && addresses.length > 0 && Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress)
                && !host.isEmpty();
    }

    private static String host(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** An allow-listed host: {@code host}, {@code host:port} or {@code *.domain}; port -1 means any. */
    record HostEntry(String host, int port) {
        static HostEntry parse(String entry) {
            String e = entry.trim().toLowerCase(Locale.ROOT);
            int colon = e.lastIndexOf(':');
            if (colon > 0 && e.indexOf(':') == colon) {
                try {
                    return new HostEntry(e.substring(0, colon), Integer.parseInt(e.substring(colon + 1)));
                } catch (NumberFormatException bad) {
                    throw new IllegalArgumentException("hub.attachments.allowed-hosts: bad port in " + entry, bad);
                }
            }
            return new HostEntry(e.startsWith("[") && e.endsWith("]") ? e.substring(1, e.length() - 1) : e, -1);
        }

        boolean matches(String candidate, int candidatePort) {
            if (port != -1 && port != candidatePort) {
                return false;
            }
            return host.startsWith("*.") ? candidate.endsWith(host.substring(1)) : candidate.equals(host);
        }
    }

    /** Routable on the public Internet: not loopback, link-local, private, CGNAT, multicast, reserved. */
    static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return isPublicV4(b, 0);
        }
        int first = b[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return false; // unique local fc00::/7
        }
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        if (zeroPrefix && (((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) || (b[10] == 0 && b[11] == 0))) {
            return isPublicV4(b, 12); // IPv4-mapped or -compatible
        }
        if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return isPublicV4(b, 12); // NAT64 64:ff9b::/96
        }
        if (first == 0x20 && (b[1] & 0xff) == 0x02) {
            return isPublicV4(b, 2); // 6to4 2002::/16
        }
        return !(first == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0); // Teredo 2001::/32
    }

    private static boolean isPublicV4(byte[] b, int at) {
        int x = b[at] & 0xff;
        int y = b[at + 1] & 0xff;
        int z = b[at + 2] & 0xff;
        return !(x == 0 || x == 10 || x == 127 || x >= 224
                || (x == 100 && (y & 0xc0) == 64)
                || (x == 169 && y == 254)
                || (x == 172 && (y & 0xf0) == 16)
                || (x == 192 && y == 168)
                || (x == 192 && y == 0 && (z == 0 || z == 2))
                || (x == 198 && (y & 0xfe) == 18)
                || (x == 198 && y == 51 && z == 100)
                || (x == 203 && y == 0 && z == 113));
    }

    /** An allow-listed address range, {@code address/prefix}. */
    record Network(byte[] address, int prefix) {
        static Network parse(String cidr) {
            String[] parts = cidr.trim().split("/", 2);
            try {
                byte[] address = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
                if (prefix < 0 || prefix > address.length * 8) {
                    throw new IllegalArgumentException("hub.attachments.allowed-networks: bad prefix in " + cidr);
                }
                return new Network(address, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("hub.attachments.allowed-networks: not a network: " + cidr, e);
            }
        }

        boolean contains(InetAddress candidate) {
            byte[] c = candidate.getAddress();
            if (c.length != address.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((c[bit / 8] & mask) != (address[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
