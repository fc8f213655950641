package io.evalify.localstack;

import java.nio.file.Path;

/** The Java used for child JVMs: the one running this CLI, which the launcher chose to be 21 or newer. */
public final class JavaRuntime {

    private JavaRuntime() {}

    /** Path of the {@code java} executable of this JVM. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
