package org.claimscrubber.serde;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.kafka.common.config.ConfigException;

/**
 * One registry base URL with any {@code user:password@} taken out of it: the URL alone is what requests go to and
 * what messages and logs show; the credentials travel only in the {@code Authorization} header.
 */
record RegistryEndpoint(String url, String authorization) {

    /**
     * @param raw a URL of {@code schema.registry.url}, perhaps with user info
     * @param userInfo {@code user:password} for this endpoint, or null to take the URL's own user info (if any)
     */
    static RegistryEndpoint parse(String raw, String userInfo) {
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new ConfigException(SerdeConfig.SCHEMA_REGISTRY_URL + " holds a URL that cannot be read: " + redact(raw));
        }
        if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            throw new ConfigException(SerdeConfig.SCHEMA_REGISTRY_URL + " needs http:// or https:// URLs with a host: " + redact(raw));
        }
        String credentials = userInfo != null ? userInfo
                : uri.getRawUserInfo() == null ? null : URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        String url = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path;
        return new RegistryEndpoint(url, credentials == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    /** The text with anything between {@code scheme://} and the last {@code @} removed. */
    static String redact(String text) {
        int at = text.lastIndexOf('@');
        if (at < 0) {
            return text;
        }
        int scheme = text.indexOf("://");
        int start = scheme >= 0 && scheme < at ? scheme + 3 : 0;
        return text.substring(0, start) + text.substring(at + 1);
    }

    @Override
    public String toString() {
        return url;
    }
}
