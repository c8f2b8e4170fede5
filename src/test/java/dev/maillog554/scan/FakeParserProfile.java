package dev.maillog554.scan;

import java.util.Set;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Runs a test with {@link FakeParser} instead of the real parsers. */
public class FakeParserProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(FakeParser.class);
    }
}
