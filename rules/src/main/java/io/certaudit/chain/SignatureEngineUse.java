package io.certaudit.chain;

import org.jspecify.annotations.Nullable;

/**
 * How many signatures one engine judged in an analysis; {@code unavailableReason} says why an engine judged none
 * because it could not run here (its native library did not load), else {@code null}.
 */
public record SignatureEngineUse(String engine, long verifications, @Nullable String unavailableReason) {
}
