package dev.maillog554.cli;

import org.eclipse.microprofile.config.ConfigProvider;

import picocli.CommandLine.IVersionProvider;

/** Prints the version from the build, so {@code --version} never drifts from the pom. */
class AppVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = ConfigProvider.getConfig().getOptionalValue("quarkus.application.version", String.class)
                .orElse("unknown");
        return new String[] {"maillog554 " + v};
    }
}
