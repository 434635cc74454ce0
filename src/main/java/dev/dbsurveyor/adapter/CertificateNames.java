package dev.dbsurveyor.adapter;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * libpq's check that a certificate is for a host ({@code sslmode=verify-full}): a host name
 * matches a DNS name of the subject alternative names, case aside, where a leading {@code *.}
 * stands for exactly one label; an IP address matches an IP address entry; the subject's common
 * name counts only when the certificate has no alternative name of the host's kind.
 */
final class CertificateNames {

    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;
    /** IPv4 in dotted quads, or anything with a colon (the JDK takes that as IPv6 and never looks it up). */
    private static final Pattern IP_LITERAL = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)|.*:.*");

    private CertificateNames() {
    }

    /** Whether a host is written as an IP address rather than a name. */
    static boolean isIpLiteral(String host) {
        return IP_LITERAL.matcher(host).matches();
    }

    static boolean matches(X509Certificate certificate, String host) {
        boolean ipHost = isIpLiteral(host);
        List<String> dnsNames = alternativeNames(certificate, DNS_NAME);
        List<String> ipAddresses = alternativeNames(certificate, IP_ADDRESS);
        if (ipHost) {
            InetAddress address = literal(host);
            if (address != null && ipAddresses.stream().map(CertificateNames::literal).anyMatch(address::equals)) {
                return true;
            }
            return ipAddresses.isEmpty() && dnsNames.isEmpty() && commonName(certificate).map(host::equals).orElse(false);
        }
        if (dnsNames.stream().anyMatch(name -> nameMatches(name, host))) {
            return true;
        }
        return dnsNames.isEmpty() && commonName(certificate).map(name -> nameMatches(name, host)).orElse(false);
    }

    /** The names a certificate is for, as a message lists them: alternative names, else the common name. */
    static List<String> names(X509Certificate certificate) {
        List<String> names = new ArrayList<>(alternativeNames(certificate, DNS_NAME));
        names.addAll(alternativeNames(certificate, IP_ADDRESS));
        if (names.isEmpty()) {
            commonName(certificate).ifPresent(names::add);
        }
        return names;
    }

    private static boolean nameMatches(String pattern, String host) {
        String name = pattern.toLowerCase(Locale.ROOT);
        String wanted = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("*.")) {
            int dot = wanted.indexOf('.');
            return dot > 0 && wanted.substring(dot).equals(name.substring(1));
        }
        return name.equals(wanted);
    }

    private static List<String> alternativeNames(X509Certificate certificate, int type) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names == null) {
                return List.of();
            }
            return names.stream()
                    .filter(entry -> entry.size() >= 2 && Integer.valueOf(type).equals(entry.get(0)) && entry.get(1) instanceof String)
                    .map(entry -> (String) entry.get(1))
                    .toList();
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    private static java.util.Optional<String> commonName(X509Certificate certificate) {
        try {
            return new javax.naming.ldap.LdapName(certificate.getSubjectX500Principal().getName()).getRdns().stream()
                    .filter(rdn -> rdn.getType().equalsIgnoreCase("CN"))
                    .map(rdn -> rdn.getValue().toString())
                    .reduce((first, last) -> last);
        } catch (javax.naming.InvalidNameException e) {
            return java.util.Optional.empty();
        }
    }

    /** An IP literal as an address, without any lookup; null when it is none. */
    private static InetAddress literal(String text) {
        if (!IP_LITERAL.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
