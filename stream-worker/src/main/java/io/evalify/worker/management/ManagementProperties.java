package io.evalify.worker.management;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may read the worker's management endpoints ({@code evalify.worker.management.*}). Health probes answer
 * anyone (status only); metrics, info and health details need one of these keys as {@code Authorization: Bearer}.
 * With no key set they are closed to everyone.
 *
 * @param key the management key, named {@code primary} in the logs; e.g. the one Prometheus scrapes with
 * @param keys more accepted keys by a name the logs show ({@code evalify.worker.management.keys.next=...}), to
 *     rotate without a gap in the metrics
 */
@ConfigurationProperties("evalify.worker.management")
public record ManagementProperties(@DefaultValue("") String key, Map<String, String> keys) {

    /** Name of the key in {@code evalify.worker.management.key}. */
    public static final String PRIMARY = "primary";

    /** Copies the map; none set is empty. */
    public ManagementProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }

    /** Hides the keys. */
    @Override
    public String toString() {
        return "ManagementProperties[key=****, keys=" + keys.keySet() + "]";
    }
}
