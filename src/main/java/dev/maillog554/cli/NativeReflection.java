package dev.maillog554.cli;

import java.nio.file.Paths;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Reflection the native binary needs that no extension registers. Picocli converts a {@code Path} option
 * ({@code scan --out}) by calling {@code Paths.get(String, String...)} reflectively; quarkus-picocli registers the
 * option's type, {@code java.nio.file.Path}, but not {@code Paths}. Without this, a native {@code scan} fails with
 * "No TypeConverter registered for java.nio.file.Path".
 */
@RegisterForReflection(targets = Paths.class)
final class NativeReflection {

    private NativeReflection() {
    }
}
